"""resume-checker: local-first resume keyword screening with explained scores.

    >>> from resume_checker import check
    >>> report = check("resume.pdf", "neural-network-architect")
    >>> report.score.value, [m.term for m in report.missing]

Heavy modules (spaCy, PDFium, python-docx) load on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resume_checker.version import __version__

__all__ = [
    "__version__",
    "check",
    "check_against_job_ad",
    "check_document",
    "load_keyword_set",
    "parse_document",
]

if TYPE_CHECKING:
    from resume_checker.api import check, check_against_job_ad, check_document
    from resume_checker.documents import parse_document
    from resume_checker.keywords.loader import load_keyword_set

_LAZY = {
    "check": ("resume_checker.api", "check"),
    "check_against_job_ad": ("resume_checker.api", "check_against_job_ad"),
    "check_document": ("resume_checker.api", "check_document"),
    "parse_document": ("resume_checker.documents", "parse_document"),
    "load_keyword_set": ("resume_checker.keywords.loader", "load_keyword_set"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'resume_checker' has no attribute {name!r}")
