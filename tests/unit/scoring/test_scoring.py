"""Scoring: weights, categories, knock-outs, bands, and that repeating a term does not pay."""

from __future__ import annotations

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.keywords.model import Band, Category, KeywordSet, Term
from resume_checker.matching import compile_matcher
from resume_checker.scoring import FILTERED_OUT, score

KWSET = KeywordSet(
    id="s",
    title="S",
    categories={
        "frameworks": Category(title="Frameworks", weight=3),
        "math": Category(title="Math", weight=1),
        "empty": Category(title="No terms"),
    },
    terms=(
        Term(name="PyTorch", category="frameworks", weight=3, required=True),
        Term(name="JAX", category="frameworks", weight=1),
        Term(name="linear algebra", category="math"),
        Term(name="probability", category="math"),
    ),
    bands=(Band(name="strong", min_score=70), Band(name="weak", min_score=0)),
)


def run(*lines: str):
    doc = build_document(source="r.txt", fmt="text", data=b"x",
                         pages=[RawPage(1, [RawLine(t) for t in lines])])
    return score(KWSET, compile_matcher(KWSET).match(doc))


def test_weighted_formula() -> None:
    s = run("PyTorch and linear algebra")
    frameworks, math = s.categories
    assert (frameworks.matched_weight, frameworks.total_weight, frameworks.score) == (3, 4, 75.0)
    assert (math.matched, math.total, math.score) == (1, 2, 50.0)
    assert s.value == round(100 * (3 * 0.75 + 1 * 0.5) / 4, 1) == 68.8
    assert s.band == "weak" and not s.knocked_out


def test_category_without_terms_is_left_out() -> None:
    assert [c.id for c in run("PyTorch").categories] == ["frameworks", "math"]


def test_all_found_scores_100() -> None:
    s = run("PyTorch, JAX, linear algebra, probability")
    assert s.value == 100.0 and s.band == "strong"


def test_stuffing_does_not_raise_score() -> None:
    once = run("PyTorch and linear algebra")
    stuffed = run(*(["PyTorch PyTorch PyTorch linear algebra"] * 30))
    assert stuffed.value == once.value


def test_missing_required_knocks_out_but_keeps_number() -> None:
    s = run("JAX, linear algebra, probability")
    assert s.knocked_out and s.missing_required == ("PyTorch",)
    assert s.band == FILTERED_OUT
    assert s.value == round(100 * (3 * 0.25 + 1 * 1.0) / 4, 1)


def test_nothing_found_scores_zero() -> None:
    s = run("gardening")
    assert s.value == 0.0 and s.knocked_out


def test_deterministic() -> None:
    assert run("PyTorch, JAX") == run("PyTorch, JAX")
