"""Degree names and abbreviations in resumes: each maps to its level, and the short forms
that are also words or codes ("to BE done", "Baltimore, MD", "see the JD") are no degrees."""

from __future__ import annotations

from datetime import date

import pytest

from resume_checker.checks import DegreeLevel, extract_structure
from resume_checker.checks.education import DEGREE_ABBREVIATIONS, degree_mentions
from resume_checker.documents.assemble import RawLine, RawPage, build_document

PHD, MASTERS, BACHELORS, ASSOCIATE = (
    DegreeLevel.PHD, DegreeLevel.MASTERS, DegreeLevel.BACHELORS, DegreeLevel.ASSOCIATE
)

#: (line of a resume, the degree name as it must be found, its level)
MUST_FIND = [
    ("B.E. in Computer Science, Anna University, 2016", "B.E.", BACHELORS),
    ("B.E Mechanical Engineering, 2014", "B.E", BACHELORS),
    ("BE Mechanical Engineering, VTU", "BE", BACHELORS),
    ("BE in Electronics and Communication", "BE", BACHELORS),
    ("BE (Civil), Pune University", "BE", BACHELORS),
    ("B.Tech in Information Technology", "B.Tech", BACHELORS),
    ("B.Tech. Electrical, 2012", "B.Tech.", BACHELORS),
    ("BTech, IIT Delhi", "BTech", BACHELORS),
    ("BSc Physics, University of Leeds", "BSc", BACHELORS),
    ("B.Sc. (Hons) Chemistry", "B.Sc.", BACHELORS),
    ("B.A. in Economics", "B.A.", BACHELORS),
    ("BA English Literature", "BA", BACHELORS),
    ("B.Com, Delhi University", "B.Com", BACHELORS),
    ("BBA, Finance", "BBA", BACHELORS),
    ("LL.B., University of London", "LL.B.", BACHELORS),
    ("LLB (Hons), King's College", "LLB", BACHELORS),
    ("Bachelor\u2019s degree in Nursing", "Bachelor\u2019s degree", BACHELORS),
    ("Bachelor's in Accounting", "Bachelor's", BACHELORS),
    ("Bachelor of Commerce, 2010", "Bachelor of Commerce", BACHELORS),
    ("Master in Computer Science, TU Munich", "Master", MASTERS),
    ("Masters, Data Science", "Masters", MASTERS),
    ("Bachelor :Cognitive Science, May 2004", "Bachelor", BACHELORS),
    ("Master : Business Administration", "Master", MASTERS),
    ("Bachelor of the Arts : Psychology", "Bachelor", BACHELORS),
    ("BS computer science, 2019", "BS", BACHELORS),
    ("M.Sc. Data Science, 2020", "M.Sc.", MASTERS),
    ("MSc in Statistics", "MSc", MASTERS),
    ("M.E. in Structural Engineering", "M.E.", MASTERS),
    ("M.Tech, Computer Science", "M.Tech", MASTERS),
    ("MBA, Wharton School", "MBA", MASTERS),
    ("MCA, 2011", "MCA", MASTERS),
    ("M.A. History", "M.A.", MASTERS),
    ("LL.M. in International Law", "LL.M.", MASTERS),
    ("Master\u2019s degree in Public Health", "Master\u2019s degree in Public Health", MASTERS),
    ("MS in Electrical Engineering", "MS", MASTERS),
    ("Ph.D. in Physics", "Ph.D.", PHD),
    ("J.D., Harvard Law School", "J.D.", PHD),
    ("JD, Georgetown University Law Center", "JD", PHD),
    ("JD (Juris Doctor), 2015", "JD", PHD),
    ("MD, Johns Hopkins School of Medicine", "MD", PHD),
    ("M.D., 2009", "M.D.", PHD),
    ("PharmD, University of Michigan", "PharmD", PHD),
    ("Pharm.D., 2018", "Pharm.D.", PHD),
    ("DNP, Family Nurse Practitioner", "DNP", PHD),
    ("EdD in Educational Leadership", "EdD", PHD),
    ("Associate\u2019s degree in Applied Science", "Associate\u2019s degree in Applied Science",
     ASSOCIATE),
]

#: lines in which no degree may be found
MUST_NOT_FIND = [
    "Tasks to BE done by Friday",
    "TO BE DONE AS SOON AS POSSIBLE",
    "Headquarters in Baltimore, MD 21201",
    "Bethesda, MD",
    "Please read the JD for details",
    "Skills: MS Office, Excel, Word",
    "Boston, MA",
    "Edd Smith, recruiter",
    "We will BE Remote first",
    "Registered Nurse (RN), licence 12345",
    "Certified Scrum Master, 2021",
    "Master Electrician licence",
    "Marital status: Bachelor",
    "maintain master schedule files",
    "Pursuing CPA, Boston, MA CPA Candidate",
]


@pytest.mark.parametrize(("line", "name", "level"), MUST_FIND)
def test_degree_names_map_to_their_level(line: str, name: str, level: DegreeLevel) -> None:
    found = degree_mentions(line)
    assert found, f"no degree found in {line!r}"
    assert (found[0][0], found[0][1]) == (level, name)


@pytest.mark.parametrize("line", MUST_NOT_FIND)
def test_words_and_codes_are_not_degrees(line: str) -> None:
    assert degree_mentions(line) == []


def test_highest_degree_of_a_resume_with_abbreviations() -> None:
    lines = ["Jane Doe", "Education", "B.E Mechanical Engineering, 2014",
             "M.Tech in Thermal Engineering, 2016", "Experience", "Engineer, 2016 - 2020"]
    document = build_document(
        source="t.txt", fmt="text", data=b"x", pages=[RawPage(1, [RawLine(t) for t in lines])]
    )
    structure = extract_structure(document, today=date(2025, 1, 1))
    assert structure.highest_degree is not None
    assert structure.highest_degree.level is MASTERS
    assert structure.highest_degree.name == "M.Tech"


def test_every_listed_abbreviation_is_recognised_in_a_degree_context() -> None:
    """The public table (used by the keyword-set builder) and the recogniser agree."""
    for level, names in DEGREE_ABBREVIATIONS.items():
        for name in names:
            found = degree_mentions(f"{name} in Computer Science, Example University")
            assert found and found[0][0] is level, (name, found)


def test_context_only_abbreviations_are_listed_and_need_their_context() -> None:
    from resume_checker.checks.education import DEGREE_CONTEXT_ONLY

    listed = {name for names in DEGREE_ABBREVIATIONS.values() for name in names}
    assert listed >= DEGREE_CONTEXT_ONLY
    for name in ("BE", "BA", "BS", "MS", "MA", "MD", "JD"):
        assert degree_mentions(f"it will {name} done") == []
