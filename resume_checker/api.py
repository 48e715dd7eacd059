"""The public Python API: the one road every interface (CLI, web, batch) takes.

source bytes -> Document -> MatchResult -> Score -> Report
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, BinaryIO

from resume_checker.defaults import DEFAULT_SET
from resume_checker.documents import parse_document
from resume_checker.documents.model import Document
from resume_checker.errors import ResumeCheckerError, UnreadableDocumentError
from resume_checker.keywords.loader import load_keyword_set
from resume_checker.keywords.model import KeywordSet
from resume_checker.limits import DEFAULT_LIMITS, Limits
from resume_checker.report import AdTerm, JobAdComparison, Report

if TYPE_CHECKING:
    from resume_checker.tuning.builder import Draft

__all__ = [
    "DEFAULT_SET",
    "ResumeSource",
    "check",
    "check_against_job_ad",
    "check_document",
    "draft_job_ad",
    "load_keyword_set",
    "read_resume",
]

ResumeSource = bytes | str | os.PathLike[str] | BinaryIO


def check_document(
    document: Document,
    keyword_set: KeywordSet | str | os.PathLike[str],
    *,
    include_hidden: bool = False,
    today: date | None = None,
    ats_mode: str = "normal",
) -> Report:
    """Match an already parsed document against a keyword set and explain the score.

    The parseability and structure checks run too (their findings and facts are in the
    report; the set's experience and education requirements are scored from the facts).
    Hidden text (white, tiny, off the page) is left out of matching and scoring unless
    ``include_hidden``; it is reported either way.  ``today`` (default: the real date)
    fixes the month ongoing jobs run to.  ``ats_mode="exact"`` adds, beside the score, the
    score of an exact-string ATS search (``report.exact_score``; see
    :mod:`resume_checker.matching.exactness`); an unknown mode raises ValueError.
    """
    from resume_checker.analysis import analyse, check_analysis

    kwset = keyword_set if isinstance(keyword_set, KeywordSet) else load_keyword_set(keyword_set)
    return check_analysis(analyse(document, today=today, include_hidden=include_hidden), kwset,
                          ats_mode=ats_mode)


def check(
    resume: ResumeSource | Document,
    keyword_set: KeywordSet | str | os.PathLike[str] = DEFAULT_SET,
    *,
    filename: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    include_hidden: bool = False,
    ocr: bool = False,
    today: date | None = None,
    ats_mode: str = "normal",
) -> Report:
    """Parse a resume (path, bytes or binary stream) and check it against a keyword set.

    The keyword set is loaded before the resume is read, so a bad set fails fast.  With
    ``ocr``, PDF pages without text are read by the tesseract program (approximate text,
    with a notice); without tesseract that raises OcrUnavailableError saying how to get it.
    """
    kwset = keyword_set if isinstance(keyword_set, KeywordSet) else load_keyword_set(keyword_set)
    document = (resume if isinstance(resume, Document)
                else read_resume(resume, filename=filename, limits=limits, ocr=ocr))
    return check_document(document, kwset, include_hidden=include_hidden, today=today,
                          ats_mode=ats_mode)


def read_resume(
    resume: ResumeSource,
    *,
    filename: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    ocr: bool = False,
) -> Document:
    """Parse a resume; with ``ocr``, PDF pages without text are read by the tesseract program
    (approximate text, with a notice; OcrUnavailableError says how to get tesseract)."""
    if not ocr:
        return parse_document(resume, filename=filename, limits=limits)
    from resume_checker.documents import read_source
    from resume_checker.documents.ocr import ocr_document

    data, name = read_source(resume, filename=filename, limits=limits)
    return ocr_document(parse_document(data, filename=name, limits=limits), data, limits=limits)


def check_against_job_ad(
    resume: Document | Callable[[], Document],
    job_ad: str,
    *,
    source: str,
    include_hidden: bool = False,
    today: date | None = None,
    ats_mode: str = "normal",
) -> Report:
    """Check a resume against a keyword set (id "job-ad") drafted from a job ad's text.

    The report carries the ad beside the resume (``report.job_ad``: each drafted term with how
    often the ad and the resume name it, and the ad's words for it) and the TF-IDF content
    similarity of resume and ad, a secondary signal shown next to the keyword score (None when
    the resume could not be scored).  ``resume`` is a parsed Document, or a callable that
    parses it, called once the set is drafted (so an ad without text or without a single
    recognisable term fails before the resume is read): the CLI passes its sandboxed parse, the
    web its worker's.  ``source`` names the ad in the set's title and in errors.
    """
    from resume_checker.matching.similarity import fit_job_ad

    draft = draft_job_ad(job_ad, source=source)
    document = resume if isinstance(resume, Document) else resume()
    report = check_document(document, draft.keyword_set, include_hidden=include_hidden,
                            today=today, ats_mode=ats_mode)
    matched = document.with_hidden() if include_hidden else document
    similarity = fit_job_ad(job_ad).similarity(matched.text) if report.scorable else None
    return dataclasses.replace(report, content_similarity=similarity,
                               job_ad=job_ad_comparison(report, draft, job_ad, source=source))


#: why a job ad gave no keyword set, in words the user can act on
NO_TERMS = (
    "no skill, tool, degree or certification the checker recognises was found in the job ad; "
    "paste the ad's requirements (e.g. 'Requirements: Python, SQL, 3+ years') or use --set"
)


def draft_job_ad(job_ad: str, *, source: str) -> Draft:
    """The keyword set (id "job-ad") drafted from one job ad, with the evidence for each term
    (how often the ad names it, its spellings and words).  An ad with no text, or with
    nothing the drafting recognises, is an UnreadableDocumentError naming the ad (never a
    validation error of an empty set, never a traceback)."""
    from pydantic import ValidationError

    from resume_checker.tuning.builder import draft_from_job_ad

    if not job_ad.strip():
        raise UnreadableDocumentError("the job ad has no text", source=source)
    try:
        draft = draft_from_job_ad(job_ad, source=source)
    except ValidationError:  # a set model that refuses an empty draft
        raise UnreadableDocumentError(NO_TERMS, source=source) from None
    except ResumeCheckerError as exc:  # the builder's reason (nothing to draft), as a problem
        # of the ad: exit 3 and HTTP 422, as for an ad with no text
        raise UnreadableDocumentError(exc.reason, source=source) from None
    if not draft.keyword_set.terms:
        raise UnreadableDocumentError(NO_TERMS, source=source)
    return draft


def job_ad_comparison(report: Report, draft: Draft, job_ad: str, *, source: str
                      ) -> JobAdComparison:
    """Each drafted term beside the resume: the ad's mentions (from the draft's evidence), the
    resume's (the report's match counts), the ad's spellings and line; required terms first,
    then those the ad names most, then in the set's order."""
    found = {m.term: m.count for m in report.matched}
    lines = [ln.strip().lstrip(BULLETS).strip() for ln in job_ad.splitlines()]
    lines = [ln for ln in lines if ln]
    terms = [
        AdTerm(
            term=t.name, category=t.category, weight=t.weight, required=t.required,
            ad_mentions=ev.mentions, resume_mentions=found.get(t.name, 0),
            written_as=ev.written_as,
            excerpt=ev.excerpt.strip().lstrip(BULLETS).strip()
            or ad_excerpt(lines, (*ev.written_as, t.name)),
        )
        for t, ev in zip(draft.keyword_set.terms, draft.evidence, strict=True)
    ]
    order = sorted(range(len(terms)), key=lambda i: (not terms[i].required,
                                                      -terms[i].ad_mentions, i))
    return JobAdComparison(source, tuple(terms[i] for i in order))


#: characters of the ad's line shown as a term's evidence
EXCERPT_CHARS = 120
#: list markers left off an ad's line (a parsed ad file has them removed already)
BULLETS = "-*•·–—▪◦●"


def ad_excerpt(lines: Sequence[str], spellings: Sequence[str]) -> str | None:
    """The first line of the ad naming one of the spellings (as a whole word, any case),
    trimmed to about :data:`EXCERPT_CHARS` around it."""
    patterns = [re.compile(r"(?<![\w+#.])" + re.escape(w) + r"(?![\w+#])", re.IGNORECASE)
                for w in dict.fromkeys(spellings) if w.strip()]
    for line in lines:
        for pattern in patterns:
            hit = pattern.search(line)
            if hit is None:
                continue
            if len(line) <= EXCERPT_CHARS:
                return line
            start = max(0, min(hit.start() - EXCERPT_CHARS // 3, len(line) - EXCERPT_CHARS))
            text = line[start : start + EXCERPT_CHARS].strip()
            return ("…" if start else "") + text + ("…" if start + EXCERPT_CHARS < len(line)
                                                    else "")
    return None

