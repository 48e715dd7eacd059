"""TermMatch.lines: the line of every counted occurrence, not only of the evidence kept.

Skill depth reads these lines to find every dated role a term is named in; evidence keeps at
most MAX_EVIDENCE occurrences, so a term in more roles than that would lose months.
"""

from __future__ import annotations

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.matching import MAX_EVIDENCE, TermMatch, compile_matcher

SET = KeywordSet(
    id="lines", title="Lines", categories={"s": Category(title="Skills")},
    terms=(Term(name="PyTorch", category="s"), Term(name="machine learning", category="s")),
)


def doc(*pages: list[str]):
    return build_document(
        source="resume.txt", fmt="text", data=b"test",
        pages=[RawPage(n, [RawLine(x) for x in page]) for n, page in enumerate(pages, 1)],
    )


def test_lines_list_every_occurrence_beyond_the_evidence_kept() -> None:
    page = [f"PyTorch project {i}" for i in range(8)]
    match = compile_matcher(SET).match(doc(page)).get("PyTorch")
    assert match is not None and match.count == 8 and len(match.evidence) == MAX_EVIDENCE
    assert [(p, n) for p, n, _ in match.lines] == [(1, n) for n in range(1, 9)]


def test_lines_use_the_evidence_page_line_and_section() -> None:
    d = doc(["Skills", "PyTorch, CUDA"], ["Experience", "Trained PyTorch models"])
    match = compile_matcher(SET).match(d).get("PyTorch")
    assert match is not None
    assert match.lines == tuple((e.page, e.line, e.section) for e in match.evidence)
    assert [s for _, _, s in match.lines] == ["skills", "experience"]


def test_a_line_with_several_occurrences_is_listed_once_in_document_order() -> None:
    pages = (
        ["PyTorch and PyTorch again", "nothing here", "PyTorch"],
        ["PyTorch, PyTorch, PyTorch", "PyTorch"],
    )
    match = compile_matcher(SET).match(doc(*pages)).get("PyTorch")
    assert match is not None and match.count == 7
    assert [(p, n) for p, n, _ in match.lines] == [(1, 1), (1, 3), (2, 1), (2, 2)]


def test_a_phrase_wrapped_onto_the_next_line_is_on_the_line_it_starts_on() -> None:
    page = ["Five years of machine", "learning in production", "machine learning at scale"]
    match = compile_matcher(SET).match(doc(page)).get("machine learning")
    assert match is not None and match.count == 2
    assert [(p, n) for p, n, _ in match.lines] == [(1, 1), (1, 3)]


def test_a_hand_built_match_has_no_lines() -> None:
    assert TermMatch("PyTorch", "s", 1, ()).lines == ()
