"""The public Python API: the one road every interface (CLI, web, batch) takes.

source bytes -> Document -> MatchResult -> Score -> Report
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from datetime import date
from typing import BinaryIO

from resume_checker.defaults import DEFAULT_SET
from resume_checker.documents import parse_document
from resume_checker.documents.model import Document
from resume_checker.errors import UnreadableDocumentError
from resume_checker.keywords.loader import load_keyword_set
from resume_checker.keywords.model import KeywordSet
from resume_checker.limits import DEFAULT_LIMITS, Limits
from resume_checker.report import Report

__all__ = [
    "DEFAULT_SET",
    "ResumeSource",
    "check",
    "check_against_job_ad",
    "check_document",
    "load_keyword_set",
]

ResumeSource = bytes | str | os.PathLike[str] | BinaryIO


def check_document(
    document: Document,
    keyword_set: KeywordSet | str | os.PathLike[str],
    *,
    include_hidden: bool = False,
    today: date | None = None,
) -> Report:
    """Match an already parsed document against a keyword set and explain the score.

    The parseability and structure checks run too (their findings and facts are in the
    report; the set's experience and education requirements are scored from the facts).
    Hidden text (white, tiny, off the page) is left out of matching and scoring unless
    ``include_hidden``; it is reported either way.  ``today`` (default: the real date)
    fixes the month ongoing jobs run to.
    """
    from resume_checker.analysis import analyse, check_analysis

    kwset = keyword_set if isinstance(keyword_set, KeywordSet) else load_keyword_set(keyword_set)
    return check_analysis(analyse(document, today=today, include_hidden=include_hidden), kwset)


def check(
    resume: ResumeSource | Document,
    keyword_set: KeywordSet | str | os.PathLike[str] = DEFAULT_SET,
    *,
    filename: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    include_hidden: bool = False,
    ocr: bool = False,
    today: date | None = None,
) -> Report:
    """Parse a resume (path, bytes or binary stream) and check it against a keyword set.

    The keyword set is loaded before the resume is read, so a bad set fails fast.  With
    ``ocr``, PDF pages without text are read by the tesseract program (approximate text,
    with a notice); without tesseract that raises OcrUnavailableError saying how to get it.
    """
    kwset = keyword_set if isinstance(keyword_set, KeywordSet) else load_keyword_set(keyword_set)
    if isinstance(resume, Document):
        document = resume
    elif ocr:
        from resume_checker.documents import read_source
        from resume_checker.documents.ocr import ocr_document

        data, name = read_source(resume, filename=filename, limits=limits)
        document = ocr_document(parse_document(data, filename=name, limits=limits), data,
                                limits=limits)
    else:
        document = parse_document(resume, filename=filename, limits=limits)
    return check_document(document, kwset, include_hidden=include_hidden, today=today)


def check_against_job_ad(
    resume: Document | Callable[[], Document],
    job_ad: str,
    *,
    source: str,
    include_hidden: bool = False,
    today: date | None = None,
) -> Report:
    """Check a resume against a keyword set (id "job-ad") drafted from a job ad's text.

    The report carries the TF-IDF content similarity of resume and ad, a secondary signal
    shown next to the keyword score.  ``resume`` is a parsed Document, or a callable that
    parses it, called once the set is drafted (so an ad without text fails before the resume
    is read): the CLI passes its sandboxed parse, the web its worker's.  ``source`` names the
    ad in the set's title and in errors.
    """
    if not job_ad.strip():
        raise UnreadableDocumentError("the job ad has no text", source=source)
    from resume_checker.tuning.builder import keyword_set_from_job_ad
    from resume_checker.tuning.similarity import content_similarity

    kwset = keyword_set_from_job_ad(job_ad, source=source)
    document = resume if isinstance(resume, Document) else resume()
    report = check_document(document, kwset, include_hidden=include_hidden, today=today)
    similarity = content_similarity(document.text, job_ad)
    return dataclasses.replace(report, content_similarity=similarity)
