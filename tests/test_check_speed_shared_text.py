"""The shared joined text and the fast paths built on it give what the per-line code gave.

References are the plain forms the fast paths replaced: per-line separator counts for the list
check, ``dataclasses.replace`` for relabelling a line, a per-line search for
:meth:`LineText.lines_matching`, and the joined text built again for every caller.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_checker.checks import stuffing
from resume_checker.checks.sections import _relabel, refine_sections
from resume_checker.checks.text import line_text
from resume_checker.documents.model import BBox, Document, Line, Origin, Page, Section

PIECES = (
    "Python", "SQL", ", ", ",", "|", " | ", ";", "\u2022", " \u2022 ", "\n", " ", "a", "b",
    "Java", "2019", "1998", "'07", "\u2019", "Skills", "Experience", "My Journey", "x",
    "\u00e9", "\u0130", "\u212a",
)
text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=16).map("".join)
texts = st.lists(text, min_size=0, max_size=12)


def lines_of(values: list[str]) -> tuple[Line, ...]:
    return tuple(Line(t, 1, n) for n, t in enumerate(values, 1))


def reference_list_lines(lines):
    return [
        ln for ln in lines
        if ln.text.count(",") + ln.text.count("|") + ln.text.count(";")
        + ln.text.count("\u2022") >= 3
    ]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_list_lines_are_the_lines_with_three_separators(values):
    lines = lines_of(values)
    assert stuffing._list_lines(lines) == reference_list_lines(lines)


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from([r"(?:19|20)\d{2}|['\u2019]\d{2}", r"[,|;]", r"a+b", r"Java"]))
def test_lines_matching_is_a_search_of_each_line(values, pattern):
    compiled = re.compile(pattern)
    lines = lines_of(values)
    expected = [i for i, t in enumerate(values) if compiled.search(t)]
    assert line_text(lines).lines_matching(compiled) == expected


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_line_text_is_remade_when_the_texts_change(first, second):
    a = line_text(lines_of(first))
    b = line_text(lines_of(second))
    for made, values in ((a, first), (b, second)):
        assert made.joined == "\n".join(values)
        assert made.lower == made.joined.lower()
        assert made.plain == all("\n" not in t for t in values)
        for i, value in enumerate(values):
            start = made.ends[i] - len(value)
            assert made.joined[start:made.ends[i]] == value
            assert made.line_of(start) == i


@given(st.sampled_from(list(Section)), st.booleans(), text)
def test_relabel_is_replace(section, is_heading, value):
    line = Line(value, 2, 7, Section.SKILLS, False, Origin.TABLE, BBox(1, 2, 3, 4), 11.0, True,
                1, None, "Arial")
    assert _relabel(line, section, is_heading) == replace(
        line, section=section, is_heading=is_heading)


def reference_refine(document, candidates):
    starts = {(ln.page, ln.number): section or Section.OTHER for ln, section, _ in candidates}
    current = Section.OTHER
    pages = []
    for page in document.pages:
        new_lines = []
        for ln in page.lines:
            start = starts.get((ln.page, ln.number))
            if start is not None:
                current = start
                new_lines.append(replace(ln, section=current, is_heading=True))
            else:
                new_lines.append(replace(ln, section=current) if ln.section != current else ln)
        pages.append(replace(page, lines=tuple(new_lines)))
    return replace(document, pages=tuple(pages))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(text, st.sampled_from(list(Section)), st.booleans(),
                          st.booleans(), st.integers(1, 2)), max_size=14))
def test_refine_sections_relabels_as_before(rows):
    from resume_checker.checks.sections import _heading_candidates

    by_page: dict[int, list[Line]] = {1: [], 2: []}
    for value, section, heading, bold, page in rows:
        number = len(by_page[page]) + 1
        by_page[page].append(Line(value, page, number, section, heading, bold=bold,
                                  font_size=14.0 if heading else 10.0))
    document = Document("t.pdf", "pdf", tuple(Page(n, tuple(ls)) for n, ls in by_page.items()))
    assert refine_sections(document) == reference_refine(document, _heading_candidates(document))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from("ab \n\t\u00a0\u2028\u3000,"), max_size=10), max_size=8))
def test_words_of_the_joined_text_are_the_document_word_count(values):
    document = Document("t.txt", "text", (Page(1, lines_of(values)),))
    assert len(line_text(document.lines).joined.split()) == document.word_count
