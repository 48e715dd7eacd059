"""Scoring with skill depth: ``min_years`` and ``recent_within_years`` on terms (issue 16).

The rule (resume_checker.scoring): a found term counts weight * f_y * f_r, with
f_y = 0.5 + 0.5 * years / min_years below min_years (1 at or above) and f_r = 0.5 when its
latest dated use is older than recent_within_years (or there is none).  A set without the
fields scores exactly as before.
"""

from __future__ import annotations

from datetime import date

import pytest

from resume_checker import check
from resume_checker.api import read_resume
from resume_checker.errors import InvalidKeywordSetError
from resume_checker.keywords.loader import parse_keyword_set
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.keywords.schema import keyword_set_schema
from resume_checker.matching import compile_matcher
from resume_checker.scoring import score

TODAY = date(2026, 6, 15)

RESUME = """Pat Example
pat@example.com

Experience
ML Engineer, Acme Corp
Jan 2025 - Present
- Trained models in PyTorch.
Analyst, Beta Inc
2014 - 2015
- Wrote SQL reports.

Skills
PyTorch, SQL, Kubernetes
"""


def kwset(**depth: dict) -> KeywordSet:
    """PyTorch, SQL and Kubernetes (weight 1 each) in one category, with depth fields per term."""
    return KeywordSet(
        id="d", title="D", categories={"tools": Category(title="Tools")},
        terms=tuple(Term(name=n, category="tools", **depth.get(n, {}))
                    for n in ("PyTorch", "SQL", "Kubernetes")),
    )


def run(kw: KeywordSet):
    return check(RESUME.encode(), kw, filename="resume.txt", today=TODAY)


def test_a_set_without_depth_scores_as_before() -> None:
    report = run(kwset())
    assert report.score.depth == ()
    assert report.score.value == 100.0
    # the same as scoring the matches alone (no structure facts): depth changes nothing
    result = compile_matcher(kwset()).match(read_resume(RESUME.encode(), filename="resume.txt"))
    assert score(kwset(), result) == report.score


def test_a_set_without_depth_keeps_its_content_hash() -> None:
    # the hash this set had before terms could state depth (computed with that model)
    before = "8104d221b974ef711130f71dd9dd215b8296138a8b5a36a1fa4739e18ed71550"
    assert kwset().content_hash == before
    assert kwset(PyTorch={"min_years": 2}).content_hash != before


def test_fewer_years_count_in_part() -> None:
    # PyTorch: Jan 2025 - Jun 2026 = 18 months = 1.5 of 2 years -> 0.5 + 0.5 * 0.75 = 0.875
    s = run(kwset(PyTorch={"min_years": 2})).score
    (d,) = s.depth
    assert d.term == "PyTorch" and d.factor == pytest.approx(0.875)
    assert d.reason == "1.5 of 2 years"
    assert s.categories[0].matched_weight == pytest.approx(2.875)
    assert s.value == round(100 * 2.875 / 3, 1) == 95.8


def test_enough_years_count_in_full() -> None:
    (d,) = run(kwset(PyTorch={"min_years": 1})).score.depth
    assert d.factor == 1.0 and d.reason == "1.5 of 1 year"


def test_skills_list_only_counts_half() -> None:
    s = run(kwset(Kubernetes={"min_years": 2})).score
    (d,) = s.depth
    assert d.factor == 0.5 and d.years == 0
    assert d.reason == "found only in the skills list: 0 of 2 years"
    assert s.value == round(100 * 2.5 / 3, 1)


def test_old_use_counts_half_for_recency() -> None:
    s = run(kwset(SQL={"recent_within_years": 3}, PyTorch={"recent_within_years": 3})).score
    pytorch, sql = s.depth
    assert (pytorch.term, pytorch.factor, pytorch.recent) == ("PyTorch", 1.0, True)
    assert pytorch.reason == "in use now, within 3 years"
    assert (sql.term, sql.factor, sql.recent, sql.last_year) == ("SQL", 0.5, False, 2015)
    assert sql.reason == "last used 2015, not within 3 years"


def test_both_fields_multiply() -> None:
    # SQL: 2014 - 2015 = 24 months = 2 of 4 years -> 0.75; last used 2015 -> * 0.5
    (d,) = run(kwset(SQL={"min_years": 4, "recent_within_years": 5})).score.depth
    assert d.factor == pytest.approx(0.375)
    assert d.reason == "2 of 4 years; last used 2015, not within 5 years"


def test_required_term_with_depth_is_not_knocked_out_by_depth() -> None:
    s = run(kwset(Kubernetes={"min_years": 3, "required": True})).score
    assert not s.knocked_out and s.depth[0].factor == 0.5


def test_missing_term_has_no_depth_row() -> None:
    kw = KeywordSet(id="d", title="D", categories={"tools": Category(title="Tools")},
                    terms=(Term(name="JAX", category="tools", min_years=2),
                           Term(name="SQL", category="tools")))
    s = run(kw).score
    assert s.depth == () and s.value == 50.0


BASE = """id: d
title: D
categories:
  tools: {title: Tools}
terms:
  - {name: PyTorch, category: tools, %s}
"""


@pytest.mark.parametrize(("field", "fragment"), [
    ("min_years: 0", "term #1 'PyTorch', field 'min_years': must be a number of years"),
    ("min_years: 99", "at most 60, got 99"),
    ("min_years: true", "field 'min_years': must be a number of years"),
    ("recent_within_years: -1", "field 'recent_within_years': must be a number of years"),
    ("recent_within_years: soon", "field 'recent_within_years'"),
    ("min_year: 2", "unknown field 'min_year' (did you mean 'min_years'?)"),
])
def test_bad_depth_fields_name_file_term_and_field(field: str, fragment: str) -> None:
    with pytest.raises(InvalidKeywordSetError) as info:
        parse_keyword_set(BASE % field, source="roles/d.yaml")
    assert "roles/d.yaml" in str(info.value)
    assert fragment in str(info.value)


def test_depth_fields_load_and_are_in_the_schema() -> None:
    kw = parse_keyword_set(BASE % "min_years: 2, recent_within_years: 3", source="d.yaml")
    assert (kw.terms[0].min_years, kw.terms[0].recent_within_years) == (2, 3)
    term = keyword_set_schema()["$defs"]["Term"]["properties"]
    assert {"min_years", "recent_within_years"} <= term.keys()


def test_the_web_set_editor_keeps_depth_fields() -> None:
    """The editor's form has no depth fields; saving an edited set must not drop them."""
    from resume_checker.web.routes_sets import form_from_set, set_data_from_form

    base = kwset(PyTorch={"min_years": 2, "recent_within_years": 3})
    form = form_from_set(base)
    fields = {"id": "d-v2", "title": "D"}
    for i, cat in enumerate(form["categories"]):
        fields |= {f"cat-{i}-id": cat["id"], f"cat-{i}-title": cat["title"],
                   f"cat-{i}-weight": str(cat["weight"])}
    for i, t in enumerate(form["terms"]):
        fields |= {f"term-{i}-name": t["name"], f"term-{i}-category": t["category"],
                   f"term-{i}-weight": str(t["weight"] or "1"), f"term-{i}-orig": t["orig"]}
    terms = set_data_from_form(fields, base)["terms"]
    assert terms[0]["name"] == "PyTorch"
    assert (terms[0]["min_years"], terms[0]["recent_within_years"]) == (2, 3)
    assert "min_years" not in terms[1]
