"""The web check reuses the findings check_document already produced, and they are the same."""

from __future__ import annotations

from datetime import date

from resume_checker.api import check_document
from resume_checker.checks import run_checks
from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.keywords.loader import load_keyword_set
from resume_checker.web import service

LINES = ["Ada Example", "ada@example.com", "Experience", "ML engineer, Example Corp, 2019 - 2023",
         "Trained CNNs in PyTorch with CUDA", "Education", "MSc Computer Science, 2016"]


def test_web_findings_are_the_checks_findings():
    raw = [RawLine(text=t) for t in LINES]
    document = build_document(pages=[RawPage(number=1, lines=raw)], source="cv.txt",
                              fmt="text", data="\n".join(LINES).encode())
    kwset = load_keyword_set("neural-network-architect")
    report = check_document(document, kwset)
    reused = service.findings_of(report)
    assert reused == run_checks(document, kwset=kwset, today=date.today())
    assert reused.structure is report.structure
