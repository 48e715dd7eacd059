"""The report: everything a renderer shows, built once from the document, set, matches and score.

Renderers (:mod:`resume_checker.render`) are pure functions of a :class:`Report`; the JSON
fields are documented in ``docs/report-json.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from resume_checker.checks.depth import SkillDepth, skill_depth
from resume_checker.checks.model import Finding, Findings, StructureFacts
from resume_checker.documents.model import Document, Line
from resume_checker.keywords.model import KeywordSet, Term
from resume_checker.keywords.per_set import per_set
from resume_checker.matching import AcronymForms, Evidence, MatchResult
from resume_checker.matching.exactness import ACRONYM
from resume_checker.scoring import Score
from resume_checker.version import __version__

SCHEMA_VERSION = "1.1"
UNREADABLE_MESSAGE = (
    "The resume could not be read: no text was found (a scanned image or a picture-only PDF?). "
    "It was not scored as an empty resume; an ATS would likely read nothing from it either."
)


@dataclass(frozen=True)
class DocumentSummary:
    source: str
    format: str
    pages: int
    words: int
    characters: int
    sha256: str

    @classmethod
    def of(cls, document: Document) -> DocumentSummary:
        return cls(
            source=document.source,
            format=document.format,
            pages=document.page_count or len(document.pages),
            words=document.word_count,
            characters=document.char_count,
            sha256=document.sha256,
        )


@dataclass(frozen=True)
class KeywordSetSummary:
    id: str
    title: str
    content_hash: str
    #: category ids in the set's order, with their titles (renderers group by this)
    categories: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MatchedTerm:
    term: str
    category: str
    weight: float
    required: bool
    count: int
    evidence: tuple[Evidence, ...]
    #: an exact-string ATS search finds it (some occurrence is a spelling written as is)
    exact: bool = True
    #: the kinds of variant of its other occurrences (plural, possessive, hyphen_space, ...)
    variants: tuple[str, ...] = ()
    #: when the set spells it as an acronym and in full: which of the two the resume writes
    forms: AcronymForms | None = None
    #: how long and how recently the resume's dated positions show it in use, and where else it
    #: appears (known when the report has structure facts)
    depth: SkillDepth | None = None

    @property
    def listed_spelling(self) -> str:
        """The set's spelling to write as is for an exact search: the one that hit first (as a
        variant), or the term's name when only a defined acronym's other form hit."""
        return next((e.alias for e in self.evidence if e.variant != ACRONYM), self.term)


@dataclass(frozen=True)
class MissingTerm:
    term: str
    category: str
    weight: float
    required: bool
    is_certification: bool


@dataclass(frozen=True)
class NoticeInfo:
    code: str
    severity: str
    message: str
    page: int | None
    fix: str | None


@dataclass(frozen=True)
class Suggestion:
    term: str
    text: str


@dataclass(frozen=True)
class AtsViewLine:
    """One line of the text as an ATS reads it, in reading order."""

    page: int
    line: int
    section: str              # the section the line was filed under (label, e.g. "Experience")
    text: str
    heading: bool = False
    origin: str = "body"      # body | table | header | footer | textbox
    #: why no reader sees it (white_text, tiny_text, off_page, covered, vanish)
    hidden: str | None = None


@dataclass(frozen=True)
class AdTerm:
    """One term of a set drafted from a job ad, side by side: how often the ad names it, how
    often the resume does, and the ad's own words that put it in the set."""

    term: str
    category: str
    weight: float
    required: bool
    ad_mentions: int
    resume_mentions: int
    #: the ad's spellings of the term, most frequent first
    written_as: tuple[str, ...] = ()
    #: the ad's line that names it (trimmed), the evidence for why the term is in the set
    excerpt: str | None = None


@dataclass(frozen=True)
class JobAdComparison:
    """The job ad beside the resume: every drafted term, required ones first."""

    source: str
    terms: tuple[AdTerm, ...]


@dataclass(frozen=True)
class Report:
    schema_version: str
    tool_version: str
    document: DocumentSummary
    keyword_set: KeywordSetSummary
    #: False when no text could be read: the score is then not available (not a zero)
    scorable: bool
    score: Score
    matched: tuple[MatchedTerm, ...]
    missing: tuple[MissingTerm, ...]
    missing_certifications: tuple[MissingTerm, ...]
    notices: tuple[NoticeInfo, ...]
    suggestions: tuple[Suggestion, ...]
    defined_acronyms: tuple[tuple[str, str], ...]
    #: TF-IDF cosine of resume and job ad (0-1) when checked against a pasted job ad; a
    #: secondary signal shown beside the keyword score, never part of it
    content_similarity: float | None = None
    #: parseability and structure findings (errors first), each with its fix
    findings: tuple[Finding, ...] = ()
    #: what the resume says about itself: experience periods, degrees, contact details
    structure: StructureFacts | None = None
    #: every line in ATS reading order; hidden lines are included and flagged
    ats_view: tuple[AtsViewLine, ...] = ()
    #: True when hidden text was matched and scored (``include_hidden``), for comparison
    hidden_included: bool = False
    #: "normal", or "exact": ``exact_score`` is then the score of an exact-string ATS search
    ats_mode: str = "normal"
    #: the score counting only the terms an exact-string search finds (``ats_mode`` "exact"),
    #: shown beside ``score``, never instead of it
    exact_score: Score | None = None
    #: the job ad beside the resume, when checked against a pasted ad (None for named sets)
    job_ad: JobAdComparison | None = None

    @property
    def extra_notices(self) -> tuple[NoticeInfo, ...]:
        """The parser notices no finding already reports (findings reuse notice codes)."""
        covered = {(f.code, f.page) for f in self.findings}
        codes = {f.code for f in self.findings}
        return tuple(
            n for n in self.notices
            if (n.code, n.page) not in covered and not (n.page is None and n.code in codes)
        )

    @property
    def findings_count(self) -> int:
        """Distinct problems: findings plus the notices they do not already cover."""
        return len(self.findings) + len(self.extra_notices)

    @property
    def knocked_out(self) -> bool:
        return self.score.knocked_out

    @property
    def missing_required(self) -> tuple[str, ...]:
        return self.score.missing_required

    @property
    def band(self) -> str | None:
        return self.score.band

    @property
    def unreadable_message(self) -> str | None:
        return None if self.scorable else UNREADABLE_MESSAGE

    @property
    def not_exact(self) -> tuple[MatchedTerm, ...]:
        """Matched terms an exact-string search misses: to write as the set spells them."""
        return tuple(m for m in self.matched if not m.exact)

    @property
    def one_form(self) -> tuple[MatchedTerm, ...]:
        """Matched terms the set spells as an acronym and in full, written one way and not the
        other (a term found through a third spelling writes neither)."""
        return tuple(m for m in self.matched
                     if m.forms is not None and m.forms.acronym_written != m.forms.full_written)

    def missing_by_category(self) -> tuple[tuple[str, tuple[MissingTerm, ...]], ...]:
        """Missing terms grouped by category title, in the set's category order."""
        groups = []
        for cat_id, title in self.keyword_set.categories:
            terms = tuple(m for m in self.missing if m.category == cat_id)
            if terms:
                groups.append((title, terms))
        return tuple(groups)


def is_scorable(document: Document) -> bool:
    """A document with no text (or a whole-document "no_text_layer" notice) cannot be scored."""
    if not document.has_text:
        return False
    return not any(n.code == "no_text_layer" and n.page is None for n in document.notices)


def suggestion_for(term: Term, is_certification: bool) -> str:
    """A short, honest suggestion for a missing required term."""
    if is_certification:
        return (
            f"If you hold {term.name}, list it under Certifications with its exact name; "
            "if you don't, don't claim it."
        )
    return (
        f"If you have used {term.name}, name it in Skills and in the experience entry where you "
        "used it; don't add terms you cannot discuss in an interview."
    )


def _missing_key(m: MissingTerm) -> tuple[bool, float, str]:
    return (not m.required, -m.weight, m.term.lower())


@per_set
def _terms_by_name(kwset: KeywordSet) -> dict[str, Term]:
    return {t.name: t for t in kwset.terms}


@dataclass(frozen=True, slots=True)
class _Missing:
    """What a report lists of a set's missing terms, worked out once per set; everything here is
    frozen, so the same objects serve every report."""

    #: every term as a missing term, in the order a report lists missing ones, each with its
    #: suggestion when it is required
    rows: tuple[tuple[MissingTerm, Suggestion | None], ...]
    #: a resume that matches no term: (missing, missing certifications, suggestions)
    none_found: tuple[tuple[MissingTerm, ...], tuple[MissingTerm, ...], tuple[Suggestion, ...]]
    summary: KeywordSetSummary


@per_set
def _missing_table(kwset: KeywordSet) -> _Missing:
    terms = _terms_by_name(kwset)
    missing = tuple(sorted(
        (MissingTerm(t.name, t.category, t.weight, t.required, kwset.is_certification(t))
         for t in kwset.terms),
        key=_missing_key,
    ))
    rows = tuple(
        (m, Suggestion(m.term, suggestion_for(terms[m.term], m.is_certification))
         if m.required else None)
        for m in missing
    )
    return _Missing(
        rows=rows,
        none_found=_missing_parts(rows),
        summary=KeywordSetSummary(
            id=kwset.id,
            title=kwset.title,
            content_hash=kwset.content_hash,
            categories=tuple((cid, c.title) for cid, c in kwset.categories.items()),
        ),
    )


def _missing_parts(
    rows: Sequence[tuple[MissingTerm, Suggestion | None]],
) -> tuple[tuple[MissingTerm, ...], tuple[MissingTerm, ...], tuple[Suggestion, ...]]:
    """(missing terms, the certifications among them, the suggestions) of the missing rows."""
    missing = tuple(m for m, _ in rows)
    return (
        missing,
        tuple(m for m in missing if m.is_certification),
        tuple(suggestion for _, suggestion in rows if suggestion is not None),
    )


def ats_view(document: Document) -> tuple[AtsViewLine, ...]:
    """The document's lines in reading order, hidden lines flagged after their page's text."""
    hidden: dict[int, list[Line]] = {}
    for line in document.hidden_lines:
        hidden.setdefault(line.page, []).append(line)
    out = []
    for page in document.pages:
        for line in (*page.lines, *hidden.get(page.number, ())):
            out.append(AtsViewLine(
                page=line.page, line=line.number, section=line.section.label, text=line.text,
                heading=line.is_heading, origin=line.origin.value, hidden=line.hidden,
            ))
    return tuple(out)


def build_report(
    document: Document,
    kwset: KeywordSet,
    result: MatchResult,
    score: Score,
    *,
    findings: Findings | None = None,
    hidden_included: bool = False,
    with_ats_view: bool = True,
    summary: DocumentSummary | None = None,
    exact_score: Score | None = None,
) -> Report:
    """Assemble the report (pure).  An unreadable document yields ``scorable=False``, no
    matched or missing terms and no band, rather than the score of an empty resume.
    ``findings`` (from :func:`resume_checker.checks.run_checks`) add findings and structure.
    ``with_ats_view=False`` leaves ``ats_view`` empty (a batch ranking never shows it);
    ``summary`` is ``DocumentSummary.of(document)`` when the caller already has it;
    ``exact_score`` (the score of ``result.exact_only()``) makes an "exact" ATS-mode report."""
    scorable = is_scorable(document)
    terms = _terms_by_name(kwset)
    table = _missing_table(kwset)
    matched: tuple[MatchedTerm, ...] = ()
    missing: tuple[MissingTerm, ...] = ()
    certifications: tuple[MissingTerm, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    positions = findings.structure.positions if findings is not None else None
    if scorable:
        matched = tuple(
            MatchedTerm(
                term=m.term,
                category=m.category,
                weight=terms[m.term].weight,
                required=terms[m.term].required,
                count=m.count,
                evidence=m.evidence,
                exact=m.exact,
                variants=m.variants,
                forms=m.forms,
                depth=skill_depth(m, positions) if positions is not None else None,
            )
            for m in result.matched
            if m.term in terms
        )
        found = {m.term for m in matched}
        missing, certifications, suggestions = (
            _missing_parts([row for row in table.rows if row[0].term not in found])
            if found else table.none_found
        )
    else:
        score = Score(value=0.0, categories=(), knocked_out=False, missing_required=(), band=None)
        if exact_score is not None:
            exact_score = score
    return Report(
        schema_version=SCHEMA_VERSION,
        tool_version=__version__,
        document=summary or DocumentSummary.of(document),
        keyword_set=table.summary,
        scorable=scorable,
        score=score,
        matched=matched,
        missing=missing,
        missing_certifications=certifications,
        notices=tuple(
            NoticeInfo(n.code, n.severity.value, n.message, n.page, n.fix) for n in document.notices
        ),
        suggestions=suggestions,
        defined_acronyms=result.defined_acronyms if scorable else (),
        findings=findings.items if findings is not None else (),
        structure=findings.structure if findings is not None else None,
        ats_view=ats_view(document) if with_ats_view else (),
        hidden_included=hidden_included,
        ats_mode="normal" if exact_score is None else "exact",
        exact_score=exact_score,
    )
