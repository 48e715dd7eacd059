"""Requirement cues of job ads: years of experience, degrees, spoken languages."""

from __future__ import annotations

import pytest

from resume_checker.tuning.cues import degrees, languages, lowest_degree, years_of_experience


@pytest.mark.parametrize(
    ("text", "years"),
    [("5+ years of experience", 5), ("at least three years of experience in sales", 3),
     ("3-5 years experience with Java", 3), ("minimum of 2 years in a similar role", 2),
     ("Five (5) years of professional experience", 5), ("3 to 5 years of experience", 3),
     ("7+ yrs exp", 7)],
)
def test_years_of_experience(text: str, years: float) -> None:
    assert [y.years for y in years_of_experience(text)] == [years]


@pytest.mark.parametrize(
    "text", ["founded 20 years ago", "a 2 year contract", "a 10 years old company",
             "we have grown 300% in the past 4 years"],
)
def test_years_that_are_not_experience(text: str) -> None:
    assert years_of_experience(text) == []


@pytest.mark.parametrize(
    ("text", "level", "fields"),
    [("Bachelor\u2019s or Master\u2019s in CS or related field", "Bachelor's degree",
      ("computer science",)),
     ("BS/MS in Electrical Engineering", "Bachelor's degree", ("electrical engineering",)),
     ("B.Sc. in Physics", "Bachelor's degree", ("physics",)),
     ("B.E / B.Tech in Mechanical Engineering", "Bachelor's degree", ("mechanical engineering",)),
     ("MBA preferred", "Master's degree", ()),
     ("J.D. from an accredited law school", "PhD", ()),
     ("LL.B. or equivalent", "Bachelor's degree", ())],
)
def test_lowest_degree_and_fields(text: str, level: str, fields: tuple[str, ...]) -> None:
    found = lowest_degree(degrees(text))
    assert found is not None and found.level == level
    assert found.fields == fields


@pytest.mark.parametrize(
    "text", ["Familiar with Agile, a certified SCRUM Master", "MS Office and MS Excel",
             "Scrum Masters welcome", "master data management"],
)
def test_no_degree(text: str) -> None:
    assert degrees(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("fluent in German and English", [("German", "fluent"), ("English", "fluent")]),
     ("German C1", [("German", "C1")]),
     ("business-level Japanese", [("Japanese", "business-level")]),
     ("Excellent written and spoken English", [("English", "Excellent")])],
)
def test_spoken_languages_with_level(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(lang.name, lang.level) for lang in languages(text)] == expected


@pytest.mark.parametrize("text", ["our English-speaking team", "We write in English.",
                                  "French fries on Fridays"])
def test_a_bare_language_name_is_not_a_requirement(text: str) -> None:
    assert languages(text) == []
