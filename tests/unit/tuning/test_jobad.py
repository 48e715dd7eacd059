"""Reading a job ad's structure: parts by their headings (lines, "Heading:", caps, inline)."""

from __future__ import annotations

import pytest

from resume_checker.tuning.cues import Level
from resume_checker.tuning.jobad import (
    Part,
    classify_heading,
    line_levels,
    occupation_terms,
    sections,
    sentences,
)

LINES = """Frontend Developer

About us
Acme builds shops for bakeries.

What you'll do
- Build pages in React.

Minimum qualifications:
- 3+ years of JavaScript.

Nice to have
- GraphQL

Perks
Free breakfast and a gym membership.

Acme is an equal opportunity employer.
"""
PASTED = ("Frontend Developer at Acme. About us: we build shops. What you'll do: build pages "
          "in React. Requirements: 5+ years of JavaScript, TypeScript. Nice to have: GraphQL. "
          "BENEFITS free breakfast, gym membership. Acme is an equal opportunity employer.")


def _part_of(text: str, words: str) -> Part:
    for sentence in sentences(text):
        if words in sentence.text:
            return sentence.part
    raise AssertionError(f"{words!r} not in any sentence")


@pytest.mark.parametrize("text", [LINES, PASTED], ids=["lines", "one-paragraph"])
@pytest.mark.parametrize(
    ("words", "part"),
    [("React", Part.DUTIES), ("JavaScript", Part.REQUIRED), ("GraphQL", Part.PREFERRED),
     ("breakfast", Part.BENEFITS), ("equal opportunity", Part.LEGAL),
     ("shops", Part.COMPANY)],
)
def test_parts_are_found_with_and_without_line_breaks(text: str, words: str, part: Part) -> None:
    assert _part_of(text, words) is part


@pytest.mark.parametrize(
    ("heading", "part", "stated"),
    [("Minimum Qualifications", Part.REQUIRED, True), ("MUST HAVE", Part.REQUIRED, True),
     ("Basic qualifications:", Part.REQUIRED, True), ("Requirements", Part.REQUIRED, True),
     ("What you\u2019ll bring", Part.REQUIRED, True), ("Who you are", Part.REQUIRED, False),
     ("Technical skills", Part.REQUIRED, False),
     ("Preferred qualifications", Part.PREFERRED, False),
     ("Bonus points", Part.PREFERRED, False), ("Responsibilities", Part.DUTIES, False),
     ("What we offer", Part.BENEFITS, False), ("Perks & benefits", Part.BENEFITS, False),
     ("About the company", Part.COMPANY, False), ("How to apply", Part.LEGAL, False),
     ("Equal Opportunity Employer", Part.LEGAL, False)],
)
def test_headings_are_classified(heading: str, part: Part, stated: bool) -> None:
    assert classify_heading(heading) == (part, stated)


def test_minimum_heading_states_required_and_a_profile_only_asks() -> None:
    by_text = {s.text.lstrip("- "): s for s in sentences(LINES + "\nWho you are\n- Docker\n")}
    assert by_text["3+ years of JavaScript."].stated
    assert by_text["3+ years of JavaScript."].level is Level.REQUIRED
    assert by_text["Docker"].level is Level.REQUIRED and not by_text["Docker"].stated


def test_a_sentence_cue_wins_over_the_part() -> None:
    ad = "Requirements\n- Go is a plus.\n- Python is a must.\n"
    levels = dict(line_levels(ad))
    assert levels["- Go is a plus."] is Level.PREFERRED
    assert levels["- Python is a must."] is Level.REQUIRED


def test_metadata_keys_end_a_benefits_part() -> None:
    ad = "Job description: Salary: 45k Job type: Full-time Technologies: React, Redux"
    assert _part_of(ad, "React") is not Part.BENEFITS


def test_unlabelled_benefit_and_legal_sentences_are_boilerplate() -> None:
    ad = ("We use Python daily. We offer free breakfast, private healthcare and a christmas "
          "party. All hiring follows applicable law. Please send your CV to jobs@acme.test.")
    parts = [s.part for s in sentences(ad)]
    assert parts == [Part.OTHER, Part.BENEFITS, Part.LEGAL, Part.LEGAL]


def test_a_bullet_item_is_not_a_heading() -> None:
    ad = "Requirements\n- Python\n- SQL\nDocker\n"
    assert [s.part for s in sections(ad)] == [Part.REQUIRED]


@pytest.mark.parametrize(
    ("title", "name", "alias"),
    [("Senior Mechanical Engineer", "Mechanical engineering", "mechanical"),
     ("Electrical Design Engineer (m/f/d)", "Electrical design engineering", "electrical"),
     ("Payroll Specialist - Berlin", "Payroll", None),
     ("Registered Nurse", "Nursing", None),
     ("Litigation Paralegal", "Litigation", None)],
)
def test_the_title_gives_the_occupation_and_field_words(title: str, name: str,
                                                        alias: str | None) -> None:
    terms = dict(occupation_terms(title))
    assert name in terms
    if alias:
        assert alias in terms[name]


def test_a_sentence_title_gives_no_occupation_words() -> None:
    assert occupation_terms("We are hiring!") == []
