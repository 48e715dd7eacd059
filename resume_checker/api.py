"""The public Python API: the one road every interface (CLI, web, batch) takes.

source bytes -> Document -> MatchResult -> Score -> Report
"""

from __future__ import annotations

import os
from typing import BinaryIO

from .documents import parse_document
from .documents.model import Document
from .keywords.loader import load_keyword_set
from .keywords.model import KeywordSet
from .limits import DEFAULT_LIMITS, Limits
from .report import Report

DEFAULT_SET = "neural-network-architect"

ResumeSource = bytes | str | os.PathLike[str] | BinaryIO


def check_document(document: Document, keyword_set: KeywordSet | str | os.PathLike[str]) -> Report:
    """Match an already parsed document against a keyword set and explain the score."""
    from .matching import compile_matcher
    from .report import build_report
    from .scoring import score

    kwset = keyword_set if isinstance(keyword_set, KeywordSet) else load_keyword_set(keyword_set)
    result = compile_matcher(kwset).match(document)
    return build_report(document, kwset, result, score(kwset, result))


def check(
    resume: ResumeSource | Document,
    keyword_set: KeywordSet | str | os.PathLike[str] = DEFAULT_SET,
    *,
    filename: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Report:
    """Parse a resume (path, bytes or binary stream) and check it against a keyword set.

    The keyword set is loaded before the resume is read, so a bad set fails fast.
    """
    kwset = keyword_set if isinstance(keyword_set, KeywordSet) else load_keyword_set(keyword_set)
    document = (
        resume
        if isinstance(resume, Document)
        else parse_document(resume, filename=filename, limits=limits)
    )
    return check_document(document, kwset)
