"""The re-rank's per-file shortcuts give what the plain computations give.

A re-rank checks every cached resume against one set, so the matcher, the score and the report
work out per set what they can (:mod:`resume_checker.keywords.per_set`) and skip work a resume
does not need: the reading text is joined without line offsets (worked out only for evidence),
the tries are searched from one scan of the words, a defined acronym's form is tokenized only
when its letters spell a pattern. Each is compared here with the straightforward computation,
on generated input (hypothesis) and the bundled sets.
"""

from __future__ import annotations

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resume_checker.api import load_keyword_set
from resume_checker.checks.model import (
    DateRange,
    Degree,
    DegreeLevel,
    Position,
    StructureFacts,
)
from resume_checker.documents.model import Document, Line, Origin, Page, Section
from resume_checker.keywords.model import KeywordSet, Term
from resume_checker.matching import Matcher, MatchResult, TermMatch, compile_matcher
from resume_checker.matching import tokenizer as tk
from resume_checker.matching.nlp import blank_nlp
from resume_checker.matching.reading import BLOCK_BREAK, reading_parts, reading_text
from resume_checker.matching.trie import PhraseTrie
from resume_checker.report import Suggestion, build_report, suggestion_for
from resume_checker.scoring import FILTERED_OUT, requirement_scores, score

BUNDLED = [
    load_keyword_set(name)
    for name in ("neural-network-architect", "data-scientist", "machine-learning-engineer",
                 "mlops-engineer")
]
NNA = BUNDLED[0]
#: a copy with a term named twice and a term of an undeclared category (model_copy skips the
#: loader's checks): the shortcuts must treat them as the plain code does
ODD = NNA.model_copy(update={"terms": (
    *NNA.terms,
    NNA.terms[3].model_copy(update={"weight": 7.0, "required": True}),
    Term(name="Kubernetes", category="nowhere", required=True),
)})
SETS = [*BUNDLED, ODD]


# --------------------------------------------------------------------------- reading text


def reading_text_plain(document: Document) -> tuple[str, list[tuple[int, Line]]]:
    """The reading text as one loop over the lines (the matcher's definition)."""
    parts: list[str] = []
    segments: list[tuple[int, Line]] = []
    offset = 0
    previous: Line | None = None
    for line in document.lines:
        if previous is not None:
            same_block = (
                line.page == previous.page and line.column == previous.column
                and line.origin == previous.origin and not line.is_heading
                and not previous.is_heading
            )
            gap = " " if same_block else BLOCK_BREAK
            parts.append(gap)
            offset += len(gap)
        segments.append((offset, line))
        parts.append(line.text)
        offset += len(line.text)
        previous = line
    return "".join(parts), segments


line_rows = st.lists(
    st.tuples(
        st.text(max_size=12),
        st.integers(0, 2),                    # column
        st.sampled_from([Origin.BODY, Origin.TABLE, Origin.HEADER]),
        st.booleans(),                        # heading
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(line_rows, max_size=3))
def test_reading_text_is_the_line_loop(pages: list[list[tuple[str, int, Origin, bool]]]) -> None:
    document = Document(source="x", format="text", pages=tuple(
        Page(number, tuple(
            Line(text, number, i + 1, Section.OTHER, heading, origin, column=column)
            for i, (text, column, origin, heading) in enumerate(rows)
        ))
        for number, rows in enumerate(pages, start=1)
    ))
    text, segments = reading_text(document)
    plain_text, plain_segments = reading_text_plain(document)
    assert text == plain_text
    assert [(o, id(line)) for o, line in segments] == [(o, id(ln)) for o, ln in plain_segments]
    assert reading_parts(document)[0] == text


# --------------------------------------------------------------------------- trie and matcher


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from("abcd"), min_size=1, max_size=3), max_size=8),
    st.lists(st.sampled_from("abcde"), max_size=30),
    st.sets(st.integers(0, 29)),
)
def test_trie_finds_the_same_from_given_starts(
    patterns: list[list[str]], words: list[str], extra: set[int]
) -> None:
    trie: PhraseTrie[int] = PhraseTrie()
    for key, pattern in enumerate(patterns):
        trie.add(key, pattern)
    # any ascending positions that include those of the first words (others are skipped)
    starts = sorted({i for i, w in enumerate(words) if w in trie.first_words}
                    | {i for i in extra if i < len(words)})
    assert trie.find(words, starts) == trie.find(words)


def whole_terms_plain(matcher: Matcher, form: str) -> frozenset[int]:
    tokens = tk.tokenize(blank_nlp(), tk.lower(form), form)
    hits = matcher._find(form, tokens, [w.lower() for w in tokens.words])
    return frozenset(h.term for h in hits if h.start == 0 and h.end == len(form))


spellings = sorted({s for t in NNA.terms for s in t.spellings})
forms = st.one_of(
    st.sampled_from(spellings),
    st.tuples(st.sampled_from(spellings), st.sampled_from(["", "s", "es", "-", " ", "'s"]),
              st.booleans(), st.booleans()).map(
        lambda t: (t[0].upper() if t[2] else t[0].replace(" ", "-") if t[3] else t[0]) + t[1]),
    st.text(max_size=12),
    st.text(alphabet="ΣσςİıKkSsﬁ -.", max_size=8),
)


@settings(max_examples=500, deadline=None)
@given(forms)
@example("Mixture of Experts")
@example("MoE")
@example("pre-trained")
@example("Pre Trained")
@example("CNNs")
def test_defined_forms_skipped_by_their_letters_match_no_term(form: str) -> None:
    matcher = compile_matcher(NNA)
    assert matcher._whole_terms(form) == whole_terms_plain(matcher, form)


def test_the_matcher_of_a_set_object_is_remembered_and_follows_copies() -> None:
    assert compile_matcher(NNA) is compile_matcher(NNA)
    edited = NNA.model_copy(update={"terms": NNA.terms[1:]})
    assert compile_matcher(edited).kwset.terms == NNA.terms[1:]
    assert NNA.content_hash == NNA._compute_content_hash() != edited.content_hash


# --------------------------------------------------------------------------- score and report


def score_plain(kwset: KeywordSet, found: set[str], structure: StructureFacts):
    """(category tuples, value, missing required, band) as one pass over the set computes them."""
    categories = []
    weighted = weights = 0.0
    for cat_id, category in kwset.categories.items():
        terms = [t for t in kwset.terms if t.category == cat_id]
        if not terms:
            continue
        hit = [t for t in terms if t.name in found]
        total = sum(t.weight for t in terms)
        matched = sum(t.weight for t in hit)
        categories.append((cat_id, category.title, category.weight, matched, total,
                           round(100 * matched / total, 1), len(hit), len(terms)))
        weighted += category.weight * (matched / total)
        weights += category.weight
    requirements = requirement_scores(kwset, structure)
    if requirements:
        ratio = sum(r.ratio for r in requirements) / len(requirements)
        weighted += kwset.requirements_weight * ratio
        weights += kwset.requirements_weight
    value = round(100 * weighted / weights, 1) if weights else 0.0
    missing = [t.name for t in kwset.terms if t.required and t.name not in found]
    missing += [g.name for g in kwset.any_of
                if g.required and not any(n in found for n in g.terms)]
    missing += [r.name for r in requirements if r.required and not r.met]
    return categories, value, tuple(missing), FILTERED_OUT if missing else kwset.band_for(value)


def structure_facts(months: int, levels: list[tuple[DegreeLevel, str | None]]) -> StructureFacts:
    degrees = tuple(Degree(level, f"{level.label} degree", field, 1, i + 1)
                    for i, (level, field) in enumerate(levels))
    best = max(degrees, key=lambda d: d.level.rank, default=None)
    dates = DateRange(date(2020, 1, 1), date(2023, 1, 1), False, "2020-2023", 1, 2)
    positions = (Position(dates),) if months else ()
    return StructureFacts(positions=positions, experience_months=months,
                          latest=positions[0] if positions else None, degrees=degrees,
                          highest_degree=best, as_of=date(2024, 1, 1))


found_names = st.sampled_from(SETS).flatmap(lambda kwset: st.tuples(
    st.just(kwset),
    st.sets(st.sampled_from([t.name for t in kwset.terms] + ["Not a term"])),
))
degrees = st.lists(st.tuples(
    st.sampled_from(list(DegreeLevel)),
    st.sampled_from([None, "Computer Science", "History", "machine learning"]),
), max_size=3)


@settings(max_examples=300, deadline=None)
@given(found_names, st.integers(0, 200), degrees)
def test_score_and_report_are_the_plain_computation(
    set_and_found: tuple[KeywordSet, set[str]], months: int, levels
) -> None:
    kwset, found = set_and_found
    names = [t.name for t in kwset.terms]
    result = MatchResult(tuple(
        TermMatch(name, kwset.terms[names.index(name)].category, 1, ())
        for name in sorted(found & set(names), key=names.index)
    ))
    structure = structure_facts(months, levels)
    got = score(kwset, result, structure)
    categories, value, missing_required, band = score_plain(kwset, found, structure)
    assert [(c.id, c.title, c.weight, c.matched_weight, c.total_weight, c.score, c.matched,
             c.total) for c in got.categories[:len(categories)]] == categories
    assert (got.value, got.missing_required, got.band) == (value, missing_required, band)

    document = Document(source="r", format="text",
                        pages=(Page(1, (Line("Some text", 1, 1),)),))
    report = build_report(document, kwset, result, got)
    listed = {m.term for m in result.matched}
    by_name = {t.name: t for t in kwset.terms}
    missing = sorted(
        (t for t in kwset.terms if t.name not in listed),
        key=lambda t: (not t.required, -t.weight, t.name.lower()),
    )
    assert [(m.term, m.weight, m.required) for m in report.missing] == [
        (t.name, t.weight, t.required) for t in missing]
    assert report.missing_certifications == tuple(
        m for m in report.missing if m.is_certification)
    assert report.suggestions == tuple(
        Suggestion(m.term, suggestion_for(by_name[m.term], m.is_certification))
        for m in report.missing if m.required)
    assert report.keyword_set.content_hash == kwset.content_hash
