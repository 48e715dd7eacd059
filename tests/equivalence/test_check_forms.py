"""The checks' fast paths return exactly what the plain code they replaced returned.

Each rewritten piece is compared with a straightforward reference kept here: on generated text
(hypothesis), on every code point where a character class is involved, and (marked shared) on
the lines of real resumes from the shared corpus.
"""

from __future__ import annotations

import re
import string
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from locations import KEYWORD_SETS, LIVECAREER

from resume_checker.checks import contact, education, experience, stuffing, text_quality
from resume_checker.checks.chars import letter_count
from resume_checker.checks.sections import heading_candidates, refine_sections
from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.keywords.model import Category, KeywordSet, Term

SHARED = LIVECAREER
ALL_CHARS = "".join(chr(c) for c in range(0x110000))

# --- references: the code as it was before the fast paths ------------------------------


def reference_term_counts(lines, kwset):
    tokens = stuffing._TOKEN.findall("\n".join(ln.text for ln in lines).lower())
    counts = Counter(tokens)
    for word in stuffing.STOP_WORDS.intersection(counts):
        del counts[word]
    for word in [t for t in counts if len(t) == 1]:
        del counts[word]
    if kwset is not None:
        phrases = stuffing._phrases(kwset)
        for n in sorted({len(p) for p in phrases}):
            for i in range(len(tokens) - n + 1):
                name = phrases.get(tuple(tokens[i:i + n]))
                if name is not None:
                    counts[name] += 1
    return counts, len(tokens)


def reference_scan_other(text: str) -> int:
    if text.isascii():
        return len(text.encode("ascii").translate(None, (string.ascii_letters + " ").encode()))
    return len(text_quality._NON_LETTER.sub("", text))


REFERENCE_DEGREE = re.compile(
    "|".join(
        rf"(?P<{level.name}>(?<![\w.])(?:{pattern})(?![\w]))"
        for level, pattern in education._LEVELS
    ),
    re.IGNORECASE,
)


def degree_hits(pattern: re.Pattern[str], text: str):
    return [(m.span(), m.lastgroup, m.group(0)) for m in pattern.finditer(text)]


# --- generated text ---------------------------------------------------------------------

WORDS = (
    "machine", "learning", "deep", "neural", "networks", "python", "the", "and", "a", "b", "c",
    "c++", "c#", "node.js", "e.g.", "ml", "ops", "data", "science", "in", "of", "with",
    "scikit-learn", "pytorch", "Machine", "LEARNING", "3d", "x", "kubernetes", "k8s",
    "deep neural networks", "machine learning", "science of data", "learning and", "deep learning",
)
SEPARATORS = (" ", "  ", ", ", "; ", " | ", " \u2022 ", "-", "/", "\t", ". ", "\n")
line_text = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=20
).map(lambda parts: "".join(w + s for w, s in parts).strip() or "x")
KWSET = KeywordSet(
    id="t", title="T",
    categories={"ml": Category(title="ML")},
    terms=(
        Term(name="Machine Learning", category="ml", aliases=("ML", "machine-learning")),
        Term(name="Deep Learning", category="ml", aliases=("deep neural networks",)),
        Term(name="Data Science", category="ml", aliases=("science of data",)),
        Term(name="scikit-learn", category="ml"),
        Term(name="Learning", category="ml", aliases=("learning and",)),
    ),
)


def make(lines):
    raw = [RawPage(1, [RawLine(t) for t in lines])]
    return build_document(source="t.txt", fmt="text", data=b"x", pages=raw)


@settings(max_examples=200, deadline=None)
@given(st.lists(line_text, min_size=1, max_size=12), st.sampled_from([None, KWSET]))
def test_term_counts_equals_reference_in_value_and_order(lines, kwset):
    doc = make(lines)
    counts, total = stuffing.term_counts(doc.lines, kwset)
    ref_counts, ref_total = reference_term_counts(doc.lines, kwset)
    assert total == ref_total
    assert list(counts.items()) == list(ref_counts.items())  # order breaks most_common ties
    assert counts.most_common(3) == ref_counts.most_common(3)


unicode_text = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from("\ufffd\ue000\uf8ff\U000f0000\U0010fffd\ud800\udfff\t\x1c \u00b2\u00bd"),
        st.sampled_from("(cid:12)abcXYZ019 "),
    ),
    min_size=1,
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(unicode_text)
def test_page_scan_equals_the_regexes(text):
    maybe_garbled, other = text_quality._scan(text)
    assert other == reference_scan_other(text)
    if text_quality._GARBLE.search(text):
        assert maybe_garbled


def test_page_scan_classifies_every_code_point_like_the_regex():
    non_ascii = ALL_CHARS[128:]
    assert text_quality._scan(non_ascii)[1] == reference_scan_other(non_ascii)
    for ch in (*ALL_CHARS[:128], "\ud800", "\ue000", "\ufffd", "\U000f0000", "\U0010ffff"):
        assert text_quality._scan(ch)[1] == reference_scan_other(ch), repr(ch)
        assert text_quality._scan(ch)[0] or not text_quality._GARBLE.search(ch), repr(ch)


def test_letter_count_equals_isalpha_on_every_code_point():
    assert letter_count(ALL_CHARS) == sum(c.isalpha() for c in ALL_CHARS)
    assert letter_count(ALL_CHARS[:128]) == 52
    assert letter_count("") == 0


DEGREE_WORDS = (
    "Ph.D.", "PhD", "Doctor of Philosophy", "M.S.", "MS", "MA", "BS", "BA", "BE", "AS", "AA",
    "Master's Degree in", "Bachelor of Science", "Associate Degree of Arts", "MBA", "B.Tech",
    "GED", "Diploma", "Certificate", "in", "of", "Computer Science", "Office", "Excel",
    "Boston, MA", "(", ")", ",", "-", "\u2013", ".", "x", "MSc.", "LL.M.", "Juris Doctor",
)
degree_text = st.lists(
    st.tuples(st.sampled_from(DEGREE_WORDS), st.sampled_from(("", " ", "  ", ", ", "."))),
    min_size=1, max_size=12,
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=300, deadline=None)
@given(st.one_of(degree_text, unicode_text))
def test_degree_regex_equals_reference(text):
    assert degree_hits(education._DEGREE, text) == degree_hits(REFERENCE_DEGREE, text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(unicode_text, st.text("0123456789'\u2019 -/", max_size=20)))
def test_line_prefilters_never_drop_a_match(text):
    assert experience._has_year(text) == bool(experience._HAS_YEAR.search(text))
    if contact._PHONE.search(text):
        assert contact._DIGIT.search(text)
    m = contact._LOCATION.search(text)
    assert contact._location(text) == (m.group(0) if m else None)


def test_heading_candidates_are_remembered_per_document_only():
    first = make(["Jane Doe", "Engineer", "My Journey", "Built things", "Toolbox", "Python"])
    second = make(["John Roe", "Analyst", "Experience", "Did things", "Skills", "SQL"])
    a = heading_candidates(first)
    a.clear()  # the caller's list is its own
    assert heading_candidates(first) == heading_candidates(first) != []
    assert heading_candidates(second) != heading_candidates(first)
    assert refine_sections(first) == refine_sections(first)


# --- the shared corpus ------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_documents():
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus ({SHARED}) is absent")
    from resume_checker.documents import parse_document

    files = sorted(SHARED.rglob("*.pdf"))[::24][:100]
    return [parse_document(f.read_bytes(), filename=f.name) for f in files]


@pytest.mark.shared
def test_fast_paths_equal_references_on_corpus_resumes(corpus_documents):
    from resume_checker.keywords.loader import load_keyword_set

    bundled = KEYWORD_SETS
    kwsets = [None, KWSET, *(load_keyword_set(p) for p in sorted(bundled.glob("*.yaml")))]
    for doc in corpus_documents:
        lines = doc.lines
        for kwset in kwsets:
            counts, total = stuffing.term_counts(lines, kwset)
            ref_counts, ref_total = reference_term_counts(lines, kwset)
            assert (list(counts.items()), total) == (list(ref_counts.items()), ref_total)
        for page in doc.pages:
            text = "".join(ln.text for ln in page.lines)
            assert text_quality._scan(text)[1] == reference_scan_other(text)
        for ln in lines:
            text = ln.text
            assert degree_hits(education._DEGREE, text) == degree_hits(REFERENCE_DEGREE, text)
            assert letter_count(text) == sum(c.isalpha() for c in text)
            assert experience._has_year(text) == bool(experience._HAS_YEAR.search(text))
