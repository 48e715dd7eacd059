"""Safety limits applied to every input; defaults a user can change."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-file limits.  The same numbers apply in check, batch and the web app."""

    max_file_bytes: int = 20 * MB  # size of the uploaded / read file
    max_pages: int = 50  # pages read from a PDF; the rest is reported, not read
    max_chars: int = 1_000_000  # characters of text kept; the rest is reported
    max_docx_part_bytes: int = 50 * MB  # declared uncompressed size of one DOCX part
    max_docx_total_bytes: int = 50 * MB  # declared uncompressed size of all parts read
    max_compression_ratio: float = 100.0  # declared uncompressed / compressed, per DOCX part
    time_seconds: float = 10.0  # wall time per file in a batch worker
    memory_mb: int = 512  # address-space limit per batch worker
    max_inflated_bytes: int = 256 * MB  # what a PDF's non-image Flate streams inflate to, in all


DEFAULT_LIMITS = Limits()
