"""Structure facts: the date-range table, total experience, latest position, degrees."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest
from locations import TESTS

from resume_checker.checks import DegreeLevel, Severity, extract_structure, find_ranges, run_checks
from resume_checker.documents.assemble import RawLine, RawPage, build_document

_spec = importlib.util.spec_from_file_location(
    "date_ranges", TESTS / "data" / "date_ranges.py"
)
_table = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_table)
TODAY = _table.TODAY


def make(*pages):
    raw = [RawPage(n, [RawLine(t) for t in lines]) for n, lines in enumerate(pages, start=1)]
    return build_document(source="t.txt", fmt="text", data=b"x", pages=raw)


def month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def test_table_is_big_enough():
    assert len(_table.DATE_RANGES) >= 40


@pytest.mark.parametrize(("text", "start", "end"), _table.DATE_RANGES)
def test_date_range_table(text, start, end):
    ranges = find_ranges(text, today=TODAY)
    assert len(ranges) == 1, ranges
    got = ranges[0]
    assert month(got.start) == start
    assert ("present" if got.ongoing else month(got.end)) == end
    if got.ongoing:
        assert month(got.end) == month(TODAY)


@pytest.mark.parametrize("text", _table.NOT_RANGES)
def test_not_ranges(text):
    assert find_ranges(text, today=TODAY) == ()


def test_future_start_is_ignored():
    assert find_ranges("2030 - 2032", today=TODAY) == ()


RESUME = [
    "Jane Doe",
    "jane@example.com",
    "Experience",
    "Senior Data Engineer | Acme Corp | Jan 2021 - Present",
    "Built pipelines in Python and SQL.",
    "Globex Inc",
    "Data Analyst",
    "06/2018 to 03/2021",
    "Grew revenue from 2013 to 2015 by cleaning the order data of every regional branch office.",
    "Intern, Initech LLC, Summer 2017",
    "Education",
    "B.S. in Computer Science, State University, 2014 - 2018",
    "M.S. Data Science",
    "Skills",
    "MS Office, Python",
]


def test_positions_total_and_latest():
    facts = extract_structure(make(RESUME), today=TODAY)
    assert [month(p.dates.start) for p in facts.positions] == ["2021-01", "2018-06", "2017-06"]
    # Jan 2021 - Jun 2024 (42) + Jun 2018 - Dec 2020 (31, overlap merged) + Jun-Aug 2017 (3)
    assert facts.experience_months == 42 + 31 + 3
    assert facts.experience_years == 6.3
    latest = facts.latest
    assert latest.dates.ongoing
    assert latest.title.value == "Senior Data Engineer"
    assert latest.employer.value == "Acme Corp"
    assert (latest.dates.page, latest.dates.line) == (1, 4)
    second = facts.positions[1]
    assert second.title.value == "Data Analyst" and second.employer.value == "Globex Inc"
    assert (second.title.page, second.title.line) == (1, 7)


def test_education_ranges_do_not_count_as_experience():
    facts = extract_structure(make(RESUME), today=TODAY)
    assert all(p.dates.start.year != 2014 for p in facts.positions)


def test_degrees_highest_and_field():
    facts = extract_structure(make(RESUME), today=TODAY)
    assert [d.level for d in facts.degrees] == [DegreeLevel.BACHELORS, DegreeLevel.MASTERS]
    top = facts.highest_degree
    assert (top.level, top.name, top.field) == (DegreeLevel.MASTERS, "M.S.", "Data Science")
    assert (top.page, top.line) == (1, 13)


@pytest.mark.parametrize(
    ("text", "level", "field"),
    [
        ("Ph.D. in Computer Science, Stanford University", DegreeLevel.PHD, "Computer Science"),
        ("Doctor of Philosophy in Physics", DegreeLevel.PHD, "Physics"),
        ("Master of Science in Data Science", DegreeLevel.MASTERS, "Data Science"),
        ("MSc Computer Science", DegreeLevel.MASTERS, "Computer Science"),
        ("M.Eng in Electrical Engineering", DegreeLevel.MASTERS, "Electrical Engineering"),
        ("MBA, Finance", DegreeLevel.MASTERS, "Finance"),
        ("MS in Statistics", DegreeLevel.MASTERS, "Statistics"),
        ("BSc (Hons) Mathematics", DegreeLevel.BACHELORS, "Mathematics"),
        ("B.Tech Computer Science", DegreeLevel.BACHELORS, "Computer Science"),
        ("BA, Economics", DegreeLevel.BACHELORS, "Economics"),
        ("Bachelor's Degree in Psychology", DegreeLevel.BACHELORS, "Psychology"),
        ("Bachelor of Computer Science", DegreeLevel.BACHELORS, "Computer Science"),
        ("Associate of Applied Science in Nursing", DegreeLevel.ASSOCIATE, "Nursing"),
        ("High School Diploma", DegreeLevel.OTHER, None),
    ],
)
def test_degree_spellings(text, level, field):
    top = extract_structure(make(["Jane", "Education", text]), today=TODAY).highest_degree
    assert (top.level, top.field) == (level, field)


@pytest.mark.parametrize("text", ["MS Office, MS Excel", "Boston, MA", "Sales Associate"])
def test_not_degrees(text):
    assert extract_structure(make(["Jane", "Education", text]), today=TODAY).degrees == ()


def test_experience_without_dates_and_order():
    findings = run_checks(make(["Jane", "Experience", "Engineer at Acme"]), today=TODAY)
    f = findings.with_code("no_experience_dates")[0]
    assert (f.severity, f.page, f.line) == (Severity.WARNING, 1, 2)
    old_first = make(["Jane", "Experience", "Analyst 2015 - 2017", "Engineer 2018 - Present"])
    f = run_checks(old_first, today=TODAY).with_code("not_reverse_chronological")[0]
    assert f.severity is Severity.INFO and f.line == 4


def test_no_degree_found():
    findings = run_checks(make(["Jane", "Education", "State University"]), today=TODAY)
    assert findings.with_code("no_degree_found")[0].severity is Severity.INFO


def test_field_after_the_school_name():
    top = extract_structure(
        make(["Jane", "Education", "PhD Princeton University, Computer Science"]), today=TODAY
    ).highest_degree
    assert (top.level, top.field) == (DegreeLevel.PHD, "Computer Science")
