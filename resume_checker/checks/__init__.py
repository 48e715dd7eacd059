"""ATS parseability and structure findings over the Document model.

`run_checks` runs every check in `DEFAULT_CHECKS` (a plain, ordered registry: a check is a
function from a CheckContext to findings) and returns the findings, errors first, with the
structure facts they drew on.  More checks (e.g. PDF hidden text) are added by appending to
the registry or passing `checks=`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from resume_checker.checks.contact import check_contact, extract_contact
from resume_checker.checks.depth import with_spans
from resume_checker.checks.education import check_education, extract_degrees, highest_degree
from resume_checker.checks.experience import (
    check_experience,
    extract_positions,
    find_ranges,
    merged_months,
)
from resume_checker.checks.fonts import check_fonts
from resume_checker.checks.hidden import check_hidden_text, check_images
from resume_checker.checks.length import check_length
from resume_checker.checks.lookalikes import check_lookalikes
from resume_checker.checks.model import (
    CheckContext,
    ContactFacts,
    DateRange,
    Degree,
    DegreeLevel,
    Fact,
    Finding,
    Findings,
    Position,
    Severity,
    StructureFacts,
)
from resume_checker.checks.sections import check_sections, refine_sections
from resume_checker.checks.stuffing import check_repeated_lists, check_repetition
from resume_checker.checks.text_quality import (
    check_garbled,
    check_layout,
    check_text_layer,
    ocr_available,
)
from resume_checker.documents.model import Document
from resume_checker.keywords.model import KeywordSet

Check = Callable[[CheckContext], Iterable[Finding]]

DEFAULT_CHECKS: tuple[Check, ...] = (
    check_text_layer,
    check_hidden_text,
    check_garbled,
    check_lookalikes,
    check_layout,
    check_fonts,
    check_sections,
    check_contact,
    check_length,
    check_experience,
    check_education,
    check_repetition,
    check_repeated_lists,
    check_images,
)
#: the checks whose findings depend on the keyword set; the others run once per document (and
#: a batch caches their findings, so re-ranking with an edited set runs only these)
SET_CHECKS: tuple[Check, ...] = (check_repetition,)
DOCUMENT_CHECKS: tuple[Check, ...] = tuple(c for c in DEFAULT_CHECKS if c not in SET_CHECKS)

__all__ = [
    "DEFAULT_CHECKS",
    "DOCUMENT_CHECKS",
    "SET_CHECKS",
    "Check",
    "CheckContext",
    "ContactFacts",
    "DateRange",
    "Degree",
    "DegreeLevel",
    "Fact",
    "Finding",
    "Findings",
    "Position",
    "Severity",
    "StructureFacts",
    "extract_structure",
    "find_ranges",
    "ocr_available",
    "refine_sections",
    "merge_findings",
    "run_checks",
    "run_set_checks",
]


def extract_structure(document: Document, *, today: date) -> StructureFacts:
    """Contact details, experience entries and total, degrees: read from the refined sections."""
    refined = refine_sections(document)
    positions = with_spans(refined, extract_positions(refined, today=today))
    degrees = extract_degrees(refined)
    return StructureFacts(
        contact=extract_contact(document),
        positions=positions,
        experience_months=merged_months(p.dates for p in positions),
        latest=positions[0] if positions else None,
        degrees=degrees,
        highest_degree=highest_degree(degrees),
        as_of=today,
    )


def run_checks(
    document: Document,
    *,
    kwset: KeywordSet | None = None,
    today: date | None = None,
    checks: Sequence[Check] = DEFAULT_CHECKS,
) -> Findings:
    """Every finding for the document, errors first, then by page and line.

    The checks see the document as parsed (an ATS sees no refined labels); the structure
    facts come from the refined sections.  `today` fixes the month ongoing jobs run to.
    """
    today = today or date.today()
    ctx = CheckContext(
        document=document,
        structure=extract_structure(document, today=today),
        today=today,
        kwset=kwset,
    )
    items = [finding for check in checks for finding in check(ctx)]
    items.sort(key=lambda f: f.sort_key)
    return Findings(items=tuple(items), structure=ctx.structure)


def run_set_checks(
    document: Document, structure: StructureFacts, kwset: KeywordSet, *, today: date,
    words: tuple[str, ...] | None = None, checks: Sequence[Check] = SET_CHECKS,
) -> tuple[Finding, ...]:
    """The keyword-set-dependent findings, for a document whose other findings are known
    (``words``: :func:`.stuffing.words_of` its lines, if known)."""
    ctx = CheckContext(document=document, structure=structure, today=today, kwset=kwset,
                       words=words)
    return tuple(finding for check in checks for finding in check(ctx))


def merge_findings(findings: Findings, more: Iterable[Finding]) -> Findings:
    """``findings`` plus ``more``, in :func:`run_checks`'s order (errors first, then place)."""
    items = sorted((*findings.items, *more), key=lambda f: f.sort_key)
    return Findings(items=tuple(items), structure=findings.structure)
