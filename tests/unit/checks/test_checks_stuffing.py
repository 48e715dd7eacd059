"""Keyword stuffing by repetition, the registry, ordering, and a speed guard."""

from __future__ import annotations

from datetime import date

from resume_checker.checks import DEFAULT_CHECKS, Finding, Severity, run_checks
from resume_checker.checks.stuffing import term_counts
from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.keywords.model import Category, KeywordSet, Term

TODAY = date(2024, 6, 15)
PROSE = (
    "Designed and shipped machine learning services for fraud detection, working with "
    "product managers, data engineers and analysts to define metrics and roll out models."
)


def make(*pages):
    raw = [RawPage(n, [RawLine(t) for t in lines]) for n, lines in enumerate(pages, start=1)]
    return build_document(source="t.txt", fmt="text", data=b"x", pages=raw)


def test_term_repeated_abnormally_often():
    stuffed = [PROSE] * 6 + ["Python expert: Python, Python scripting, Python tooling."] * 4
    findings = run_checks(make(stuffed), today=TODAY)
    f = findings.with_code("keyword_stuffing")[0]
    assert f.severity is Severity.WARNING
    assert f.evidence == "python \u00d716"
    assert (f.page, f.line) == (1, 7)


def test_normal_repetition_is_fine():
    doc = make([PROSE] * 10 + ["Skills: Python, SQL, PyTorch"])
    assert not run_checks(doc, today=TODAY).with_code("keyword_stuffing")


def test_many_repeats_in_a_long_resume_are_fine():
    # 13 mentions, but well under 4 % of the words
    doc = make([PROSE] * 30 + ["Used Python daily."] * 13)
    assert not run_checks(doc, today=TODAY).with_code("keyword_stuffing")


def test_repeated_comma_list():
    doc = make([PROSE, "Python, SQL, Python, AWS, Python, Docker"])
    f = run_checks(make([PROSE, "Skills", "Python, SQL, Python, AWS, Python, Docker"]),
                   today=TODAY).with_code("repeated_list")[0]
    assert (f.page, f.line, f.evidence) == (1, 3, "python \u00d73")
    assert run_checks(doc, today=TODAY).with_code("repeated_list")


def test_keyword_set_multi_word_terms_are_counted():
    kwset = KeywordSet(
        id="t", title="T", categories={"ml": Category(title="ML")},
        terms=(Term(name="Machine Learning", category="ml", aliases=("ML",)),),
    )
    doc = make(["machine learning, Machine Learning and machine-learning pipelines"])
    counts, total = term_counts(doc.lines, kwset)
    assert counts["Machine Learning"] == 3 and total == 8


def test_registry_and_order():
    def always(ctx):
        yield Finding("custom", Severity.ERROR, "t", "e", "f", page=2)

    doc = make(["Jane", "Experience", "Engineer 2018 - Present"])
    findings = run_checks(doc, today=TODAY, checks=(*DEFAULT_CHECKS, always))
    assert findings.items[0].code == "custom"
    assert findings.worst is Severity.ERROR
    ranks = [f.sort_key for f in findings]
    assert ranks == sorted(ranks)
    assert run_checks(doc, today=TODAY, checks=()).items == ()


def test_pure_and_deterministic():
    doc = make([PROSE, "Experience", "Engineer Jan 2019 - Present"])
    assert run_checks(doc, today=TODAY) == run_checks(doc, today=TODAY)
