"""Headings: non-standard names, missing sections, refined labels, contact and length checks."""

from __future__ import annotations

from datetime import date

from resume_checker.checks import Severity, refine_sections, run_checks
from resume_checker.checks.contact import extract_contact
from resume_checker.checks.sections import suggest_section
from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.documents.model import Origin, Section

TODAY = date(2024, 6, 15)
BULLET = "Built data pipelines in Python and SQL for the analytics team of a retailer."


def make(*pages, data=b"%PDF"):
    raw = [
        RawPage(n, [ln if isinstance(ln, RawLine) else RawLine(ln) for ln in lines])
        for n, lines in enumerate(pages, start=1)
    ]
    return build_document(source="t.pdf", fmt="pdf", data=data, pages=raw)


def standard(*middle):
    return [
        "Jane Doe", "jane@example.com | +1 (512) 555-0100 | Austin, TX",
        "linkedin.com/in/janedoe", *middle,
    ]


def test_my_journey_is_a_nonstandard_heading_with_a_suggestion():
    doc = make(standard("My Journey", "Data Engineer, Acme Inc", "Jan 2020 - Present", BULLET,
                        "Education", "B.S. in Computer Science", "Toolbox", "Python, SQL"))
    findings = run_checks(doc, today=TODAY)
    journey, toolbox = findings.with_code("nonstandard_heading")
    assert (journey.page, journey.line, journey.severity) == (1, 4, Severity.WARNING)
    assert "Experience" in journey.fix
    assert "Skills" in toolbox.fix
    # the suggested sections are not also reported missing
    assert not findings.with_code("missing_section")


def test_missing_sections_are_reported():
    doc = make(standard("Experience", "Data Engineer, Acme Inc", BULLET))
    missing = run_checks(doc, today=TODAY).with_code("missing_section")
    assert {f.evidence for f in missing} == {"Education", "Skills"}
    assert all(f.page is None and f.severity is Severity.WARNING for f in missing)


def test_suggest_section_table():
    assert suggest_section("Where I've Worked") is Section.EXPERIENCE
    assert suggest_section("What I Know") is Section.SKILLS
    assert suggest_section("Schooling") is Section.EDUCATION
    assert suggest_section("Experiance") is Section.EXPERIENCE   # misspelt
    assert suggest_section("Acme Corporation") is None


def test_body_lines_are_not_headings():
    doc = make(standard("Experience", "Senior Engineer", "Acme Corp", "Jan 2020 - Present",
                        BULLET, "Education", "MSc Computer Science", "Skills", "Python"))
    findings = run_checks(doc, today=TODAY)
    assert not findings.with_code("nonstandard_heading")
    assert not findings.with_code("missing_section")


def test_refine_sections_follows_creative_and_styled_headings():
    doc = make([
        RawLine("Jane Doe", font_size=20), RawLine("Engineer", font_size=10),
        RawLine("My Journey", font_size=13, bold=True),
        RawLine("Acme Corp 2019 - 2021", font_size=10),
        RawLine("Skills", font_size=13, bold=True), RawLine("Python", font_size=10),
        RawLine("Volunteering Abroad", font_size=13, bold=True),
        RawLine("Taught English in Peru", font_size=10),
    ])
    assert doc.lines[3].section is Section.OTHER          # base labeller knows no "My Journey"
    refined = refine_sections(doc)
    assert refined is not doc and doc.lines[3].section is Section.OTHER   # pure
    labels = [(ln.section, ln.is_heading) for ln in refined.lines]
    assert labels[2] == (Section.EXPERIENCE, True)
    assert labels[3] == (Section.EXPERIENCE, False)
    assert labels[5] == (Section.SKILLS, False)
    # an unknown heading in the headings' own style ends the Skills section
    assert labels[6] == (Section.OTHER, True) and labels[7] == (Section.OTHER, False)


def test_contact_only_in_header():
    doc = make([
        RawLine("Jane Doe | jane@example.com | +44 20 7946 0958", origin=Origin.HEADER),
        "Experience", BULLET,
    ])
    findings = run_checks(doc, today=TODAY)
    f = findings.with_code("contact_in_header")[0]
    assert (f.page, f.line, f.severity) == (1, 1, Severity.WARNING)
    assert "e-mail" in f.evidence and "phone" in f.evidence
    assert not findings.with_code("missing_email")


def test_contact_in_body_and_header_is_fine():
    doc = make([RawLine("jane@example.com", origin=Origin.HEADER), "Jane Doe",
                "jane@example.com, +1 512 555 0100"])
    assert not run_checks(doc, today=TODAY).with_code("contact_in_header")


def test_contact_in_text_box():
    doc = make([RawLine("jane@example.com", origin=Origin.TEXTBOX), "Jane Doe", BULLET])
    assert run_checks(doc, today=TODAY).with_code("contact_in_textbox")


def test_contact_facts_and_missing():
    doc = make(standard("github.com/janedoe | janedoe.dev", "Experience", "Jan 2018 - 2021"))
    c = extract_contact(doc)
    assert c.email.value == "jane@example.com" and (c.email.page, c.email.line) == (1, 2)
    assert c.phone.value == "+1 (512) 555-0100"
    assert c.location.value == "Austin, TX"
    assert c.linkedin.value == "linkedin.com/in/janedoe"
    assert c.github.value == "github.com/janedoe"
    assert c.website.value == "janedoe.dev"
    bare = make(["Jane Doe", "Experience", "2018 - 2021 Engineer", "Skills: Node.js, Socket.io"])
    codes = run_checks(bare, today=TODAY).codes
    for code in ("missing_email", "missing_phone", "missing_location", "missing_linkedin"):
        assert code in codes
    assert extract_contact(bare).phone is None         # a year range is no phone number


def test_international_phones():
    for text in ("+44 20 7946 0958", "+49 (0) 30 1234567", "+91 98765 43210", "(555) 123-4567",
                 "555.123.4567", "Tel: 06 12 34 56 78", "+33 1 23 45 67 89"):
        assert extract_contact(make(["Jane", text])).phone is not None, text
    for text in ("2018 - 2021", "Jan 2019 - 2020", "Revenue grew 25 percent"):
        assert extract_contact(make(["Jane", text])).phone is None, text


def test_location_forms():
    for text, want in (
        ("Berlin, Germany", "Berlin, Germany"),
        ("San Jose, CA 95112", "San Jose, CA 95112"),
        ("Open to Remote work", "Remote"),
    ):
        assert extract_contact(make(["Jane", text])).location.value == want


def test_length_short_long_and_large_file():
    short = run_checks(make(standard("Experience", BULLET)), today=TODAY)
    assert short.with_code("too_short")[0].severity is Severity.WARNING
    long_doc = make(*[[BULLET] * 40] * 4)
    f = run_checks(long_doc, today=TODAY).with_code("long_resume")[0]
    assert f.severity is Severity.WARNING and "4 pages" in f.evidence
    medium = make([BULLET] * 60, [BULLET] * 40)  # 2 pages, ~1,300 words
    assert run_checks(medium, today=TODAY).with_code("long_resume")[0].severity is Severity.INFO
    academic = make(["Publications", *[BULLET] * 40], *[[BULLET] * 40] * 3)
    assert not run_checks(academic, today=TODAY).with_code("long_resume")
    big = make([BULLET] * 30, data=b"x" * (6 * 1024 * 1024))
    assert run_checks(big, today=TODAY).with_code("large_file")[0].severity is Severity.WARNING


def test_regressions_from_the_template_corpus():
    assert suggest_section("Patient") is None               # not a misspelt "Patents"
    heading_plus = make(standard("Skills and Technologies", "Python", "Experience", BULLET))
    assert not run_checks(heading_plus, today=TODAY).with_code("nonstandard_heading")
    assert extract_contact(make(["Jane", "BPMN.IO, Camunda"])).website is None   # a tool
