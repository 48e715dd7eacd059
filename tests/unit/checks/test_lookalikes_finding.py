"""The `mixed_script` finding: words mixing Latin with Cyrillic or Greek look-alikes are named,
with where they are and which letters are not Latin; real Cyrillic or Greek words are not."""

from __future__ import annotations

import json
from datetime import date

from findings_fixtures import lookalike_docx

from resume_checker.api import check
from resume_checker.batch.codec import document_from_json, document_to_json
from resume_checker.checks import run_checks
from resume_checker.checks.lookalikes import SHOWN_WORDS
from resume_checker.documents import parse_document
from resume_checker.documents.model import Severity
from resume_checker.render import render

TODAY = date(2026, 1, 1)
CYR_O, CYR_E, GREEK_NU = "\u043e", "\u0435", "\u03bd"
IVANOVA = "\u0418\u0432\u0430\u043d\u043e\u0432\u0430"


def resume(*skills: str, name: str = "Jane Doe") -> bytes:
    return (
        f"{name}\njane@example.com\n\nSummary\nMachine learning engineer.\n\n"
        f"Skills\n{', '.join(skills)}\n\nExperience\nML engineer at Acme, 2019 - 2024\n"
    ).encode()


def test_the_finding_names_each_word_where_it_is_and_its_foreign_letters() -> None:
    data = resume(f"PyT{CYR_O}rch", f"Kub{CYR_E}rn{CYR_E}tes", f"Dja{GREEK_NU}go", "Python")
    doc = parse_document(data, filename="cv.txt")
    (finding,) = run_checks(doc, today=TODAY).with_code("mixed_script")
    skills = next(line for line in doc.lines if line.text.startswith("PyTorch"))
    assert finding.severity is Severity.WARNING
    assert (finding.page, finding.line) == (skills.page, skills.number)
    assert finding.explanation.startswith("3 words mix Latin letters with Cyrillic or Greek")
    assert finding.evidence == (
        f"PyT{CYR_O}rch (p1 l{skills.number}): Cyrillic U+043E for o; "
        f"Kub{CYR_E}rn{CYR_E}tes (p1 l{skills.number}): Cyrillic U+0435 for e; "
        f"Dja{GREEK_NU}go (p1 l{skills.number}): Greek U+03BD for v"
    )
    assert "keyboard layout" in finding.fix


def test_a_word_written_twice_is_named_once_with_its_count() -> None:
    data = resume(f"PyT{CYR_O}rch") + f"Built models in PyT{CYR_O}rch.\n".encode()
    (finding,) = run_checks(parse_document(data, filename="cv.txt"),
                            today=TODAY).with_code("mixed_script")
    assert finding.explanation.startswith("1 word mixes ")
    assert finding.evidence is not None and ", 2 times): " in finding.evidence


def test_many_words_are_counted_past_the_first_few() -> None:
    words = [f"T{CYR_O}ol{n}" for n in range(SHOWN_WORDS + 3)]
    (finding,) = run_checks(parse_document(resume(*words), filename="cv.txt"),
                            today=TODAY).with_code("mixed_script")
    assert finding.evidence is not None and finding.evidence.endswith("; and 3 more")


def test_real_cyrillic_and_greek_words_raise_no_finding() -> None:
    data = resume("Python", "\u03b1-synuclein assays", f"{IVANOVA} Lab", name=IVANOVA)
    findings = run_checks(parse_document(data, filename="cv.txt"), today=TODAY)
    assert not findings.with_code("mixed_script")


def test_the_finding_comes_back_from_a_cached_document() -> None:
    doc = parse_document(resume(f"PyT{CYR_O}rch"), filename="cv.txt")
    again = document_from_json(document_to_json(doc))
    assert run_checks(again, today=TODAY).with_code("mixed_script") == run_checks(
        doc, today=TODAY).with_code("mixed_script")


def test_the_word_is_matched_and_the_finding_rendered_in_every_format() -> None:
    report = check(lookalike_docx(), filename="lookalike.docx", today=TODAY)
    assert "PyTorch" in {m.term for m in report.matched}
    data = json.loads(render(report, "json"))
    (rendered,) = [f for f in data["findings"] if f["code"] == "mixed_script"]
    assert f"PyT{CYR_O}rch" in rendered["evidence"]
    for fmt in ("text", "md", "html"):
        assert f"PyT{CYR_O}rch" in render(report, fmt), fmt
