"""Upload limits, safe display names, and in-memory ZIP unpacking for batches.

Uploaded bytes stay in memory; the client's file name is only ever a label (cleaned, never a
path).  A ZIP is unpacked member by member with limits on count, sizes and compression ratio,
checked against both the declared sizes and the bytes actually inflated.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from resume_checker.errors import LimitExceededError, UnreadableDocumentError
from resume_checker.limits import DEFAULT_LIMITS, MB, Limits

MAX_NAME = 120
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UNSAFE = re.compile(r"[<>:\"|?*]")


@dataclass(frozen=True, slots=True)
class UploadLimits:
    """What one request may carry; the per-file limits are the core's :class:`Limits`."""

    files: Limits = DEFAULT_LIMITS
    max_batch_files: int = 200
    max_batch_bytes: int = 100 * MB
    max_zip_ratio: float = 100.0
    max_job_ad_chars: int = 100_000
    max_jobs_kept: int = 4           # batches kept in memory (oldest dropped first)
    job_ttl_seconds: float = 30 * 60  # a batch is forgotten this long after it was started

    @property
    def max_file_bytes(self) -> int:
        return self.files.max_file_bytes


@dataclass(frozen=True, slots=True)
class Upload:
    name: str      # a cleaned label, never used as a path
    data: bytes


def display_name(client_name: str | None, fallback: str = "upload") -> str:
    """A label for a client-supplied name: last path part, no control or shell characters."""
    name = (client_name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", _CONTROL.sub("", name))
    name = unicodedata.normalize("NFC", name).strip(" .")
    return (name or fallback)[:MAX_NAME]


def unique_names(uploads: list[Upload]) -> list[Upload]:
    """Make labels unique ("cv.pdf", "cv (2).pdf") so rows can be told apart."""
    seen: dict[str, int] = {}
    out = []
    for up in uploads:
        count = seen.get(up.name.lower(), 0) + 1
        seen[up.name.lower()] = count
        if count > 1:
            stem, dot, ext = up.name.rpartition(".")
            up = Upload(f"{stem} ({count}).{ext}" if dot and stem else f"{up.name} ({count})",
                        up.data)
        out.append(up)
    return out


def check_file_size(name: str, size: int, limits: UploadLimits) -> None:
    if size > limits.max_file_bytes:
        raise LimitExceededError(
            f"file is {size / MB:.1f} MB, over the {limits.max_file_bytes // MB} MB limit",
            source=name,
        )


def is_zip(name: str, data: bytes) -> bool:
    return name.lower().endswith(".zip") and data[:4] == b"PK\x03\x04"


def unpack_zip(name: str, data: bytes, limits: UploadLimits) -> list[Upload]:
    """The files inside a ZIP, in memory, with count, size and ratio limits (folders flattened)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, ValueError) as exc:
        raise UnreadableDocumentError(f"not a readable ZIP archive ({exc})", source=name) from None
    members = [m for m in members if not _skipped(m.filename)]
    if len(members) > limits.max_batch_files:
        raise LimitExceededError(
            f"holds {len(members)} files, over the limit of {limits.max_batch_files}", source=name
        )
    total = 0
    out = []
    for member in members:
        label = display_name(member.filename)
        _check_declared(name, label, member, limits)
        total += member.file_size
        if total > limits.max_batch_bytes:
            raise LimitExceededError(
                f"unpacks to more than {limits.max_batch_bytes // MB} MB", source=name
            )
        out.append(Upload(label, _read_member(archive, member, name, label, limits)))
    return out


def _skipped(path: str) -> bool:
    parts = PurePosixPath(path.replace("\\", "/")).parts
    return any((p.startswith(".") and p != "..") or p == "__MACOSX" for p in parts)


def _check_declared(name: str, label: str, member: zipfile.ZipInfo, limits: UploadLimits) -> None:
    if member.flag_bits & 0x1:
        raise UnreadableDocumentError(f"{label} is encrypted inside the ZIP", source=name)
    check_file_size(f"{name}: {label}", member.file_size, limits)
    ratio = member.file_size / max(member.compress_size, 1)
    if ratio > limits.max_zip_ratio:
        raise LimitExceededError(
            f"{label} is compressed {ratio:.0f}:1, over the {limits.max_zip_ratio:g}:1 limit "
            "(a ZIP bomb?)",
            source=name,
        )


def _read_member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str, label: str, limits: UploadLimits
) -> bytes:
    """Inflate at most the declared size plus one byte: a lying header cannot inflate more."""
    cap = min(member.file_size, limits.max_file_bytes)
    try:
        with archive.open(member) as handle:
            data = handle.read(cap + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise UnreadableDocumentError(f"{label} cannot be unpacked ({exc})", source=name) from None
    if len(data) > cap:
        raise LimitExceededError(f"{label} inflates past its declared size", source=name)
    return data
