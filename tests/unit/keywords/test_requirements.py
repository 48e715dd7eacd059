"""Structure requirements of a keyword set: YAML, validation, score, knock-outs, report."""

from __future__ import annotations

import json
from datetime import date

import pytest

from resume_checker.api import check
from resume_checker.errors import InvalidKeywordSetError
from resume_checker.keywords.loader import dump_keyword_set, load_keyword_set
from resume_checker.keywords.validation import parse_text
from resume_checker.render import render

TODAY = date(2025, 12, 1)  # Jan 2020 - Dec 2025: 72 months, 6 years
BASE = """\
id: reqs
title: Requirements
categories: {fw: {title: Frameworks}}
terms: [{name: PyTorch, category: fw}]
"""
RESUME = """\
Jane Example
Experience
ML Engineer, Acme
Jan 2020 - Present
Built PyTorch models.
Education
{degree}
"""


def kwset(extra: str):
    return parse_text(BASE + extra, source="reqs.yaml")


def run(extra: str, degree: str = "M.Sc. Computer Science, Example University, 2019"):
    text = RESUME.format(degree=degree).encode()
    return check(text, kwset(extra), filename="r.txt", today=TODAY)


def test_years_short_of_the_minimum_score_in_proportion() -> None:
    report = run("min_years_experience: 12\n")
    (req,) = report.score.requirements
    assert req.kind == "experience" and not req.met and not req.required
    assert req.ratio == pytest.approx(6 / 12)
    assert (req.page, req.line) == (1, 4) and "6 years" in req.found
    cat = next(c for c in report.score.categories if c.id == "requirements")
    assert cat.title == "Experience and education" and cat.score == 50.0
    assert report.score.value == 75.0  # (100 * 1 + 50 * 1) / 2
    assert not report.knocked_out


def test_required_years_not_met_is_a_knock_out() -> None:
    report = run("min_years_experience: {years: 12, required: true}\n")
    assert report.knocked_out
    assert report.score.missing_required == ("At least 12 years of experience",)


def test_sets_without_requirements_score_as_before() -> None:
    report = run("")
    assert report.score.requirements == ()
    assert [c.id for c in report.score.categories] == ["fw"] and report.score.value == 100.0


@pytest.mark.parametrize(
    ("degree", "ratio"),
    [
        ("M.Sc. Computer Science, Example University, 2019", 1.0),
        ("PhD in Machine Learning, Example University, 2019", 1.0),
        ("M.A. in History, Example University, 2019", 0.5),
        ("B.Sc. Computer Science, Example University, 2019", 0.0),
    ],
)
def test_education_level_and_field(degree: str, ratio: float) -> None:
    extra = "education: {min_level: masters, fields: [computer science, machine learning]}\n"
    (req,) = run(extra, degree).score.requirements
    assert req.kind == "education" and req.ratio == ratio
    assert req.page == 1 and req.line == 7


def test_required_degree_missing_is_a_knock_out() -> None:
    extra = "education: {min_level: phd, required: true}\n"
    report = run(extra)
    assert report.knocked_out and report.score.missing_required == ("PhD degree or higher",)
    assert "Master's" in report.score.requirements[0].found or "M.Sc" in (
        report.score.requirements[0].found)


def test_requirements_in_every_format() -> None:
    report = run("min_years_experience: 5\neducation: {min_level: masters}\n")
    data = json.loads(render(report, "json"))
    assert [r["kind"] for r in data["requirements"]] == ["experience", "education"]
    assert all(r["met"] for r in data["requirements"])
    assert data["structure"]["experience_years"] == 6.0
    assert data["structure"]["highest_degree"]["level"] == "masters"
    assert data["structure"]["positions"][0]["page"] == 1
    for fmt in ("text", "md", "html"):
        out = render(report, fmt)
        assert "At least 5 years of experience" in out and "Structure found" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("min_years_experience: -1\n", "min_years_experience"),
        ("min_years_experience: five\n", "a number of years"),
        ("education: {min_level: master}\n", "one of associate, bachelors, masters, phd"),
        ("education: {level: masters}\n", "did you mean 'min_level'"),
        ("education: masters\n", "must be a mapping"),
        ("requirements_weight: 0\n", "greater than 0"),
    ],
)
def test_bad_requirements_are_explained(extra: str, message: str) -> None:
    with pytest.raises(InvalidKeywordSetError) as exc:
        kwset(extra)
    assert message in str(exc.value) and "line 5" in str(exc.value)


def test_requirements_round_trip_through_dump() -> None:
    original = kwset("min_years_experience: {years: 3, required: true}\n"
                     "education: {min_level: bachelors, fields: [physics]}\n"
                     "requirements_weight: 2\n")
    again = parse_text(dump_keyword_set(original), source="again.yaml")
    assert again == original and again.content_hash == original.content_hash


def test_bundled_set_states_soft_requirements() -> None:
    bundled = load_keyword_set("neural-network-architect")
    assert bundled.experience_requirement is not None
    assert not bundled.experience_requirement.required
    assert bundled.education is not None and bundled.education.min_level == "masters"
    assert not bundled.education.required
