"""Quality bars of the keyword-set builder, measured on the ../shared reference corpus.

Skipped with a message when /work/shared (or the file a bar needs) is absent.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from locations import KEYWORD_SETS

from resume_checker.keywords.model import KeywordSet
from resume_checker.tuning.builder import SourceText, build_keyword_set
from resume_checker.tuning.vocabulary import is_junk, load_vocabulary

SHARED = Path("/work/shared")
SEEDS = SHARED / "seeds"
LINKEDIN = SHARED / "corpus/job-descriptions/ai_ml_jobs_linkedin.csv"
NNA = KEYWORD_SETS / "neural-network-architect.yaml"

pytestmark = pytest.mark.shared


def _need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared reference corpus is not available here")


def _spellings(kwset: KeywordSet) -> set[str]:
    return {s.lower() for term in kwset.terms for s in term.spellings}


def test_seeds_recover_the_bundled_neural_network_architect_terms() -> None:
    _need(SEEDS)
    _need(NNA)
    from resume_checker.keywords.loader import load_keyword_set

    bundled = load_keyword_set(NNA)
    sources = [SourceText(p.name, p.read_text("utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    built = build_keyword_set(sources, set_id="nna-rebuilt", title="NNA").keyword_set
    found = _spellings(built)
    missed = [t.name for t in bundled.terms if not ({s.lower() for s in t.spellings} & found)]
    recall = 1 - len(missed) / len(bundled.terms)
    print(f"recovered {recall:.0%} of {len(bundled.terms)} bundled terms; missed: {missed}")
    assert recall >= 0.80, f"missed {missed}"


def _first_postings(n: int) -> list[SourceText]:
    _need(LINKEDIN)
    reader = csv.DictReader(io.StringIO(LINKEDIN.read_text("utf-8-sig")))
    out: list[SourceText] = []
    for number, row in enumerate(reader, start=2):
        if (row.get("description") or "").strip():
            out.append(SourceText(f"linkedin#row{number}", row["description"]))
        if len(out) == n:
            break
    return out


def test_twenty_linkedin_postings_give_at_most_15_percent_junk() -> None:
    sources = _first_postings(20)
    built = build_keyword_set(sources, set_id="ai-ml", title="AI/ML").keyword_set
    vocabulary = load_vocabulary()
    junk = [t.name for t in built.terms if is_junk(t.name, vocabulary)]
    share = len(junk) / len(built.terms)
    print(f"{len(built.terms)} terms, junk {share:.0%}: {junk}")
    print("terms not from the vocabulary:",
          [t.name for t in built.terms if "vocabulary" not in (t.source or "")])
    assert len(built.terms) >= 25, "too few terms to judge"
    assert share <= 0.15, f"junk terms: {junk}"
