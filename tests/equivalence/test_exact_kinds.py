"""The matcher's exactness labels (read off its hits, with a shortcut for a hit that is its
spelling as written) equal a plain exact-string search: a listed spelling as a whole word on one
line, case-insensitive, not followed by a possessive."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.matching import compile_matcher

TERMS = (
    Term(name="CNN", category="s"),
    Term(name="PyTorch", category="s"),
    Term(name="pre-trained", category="s"),
    Term(name="machine learning", category="s", aliases=("ML",)),
    Term(name="Mixture of Experts", category="s"),
    Term(name="GPUs", category="s"),
    Term(name="Natural language processing", category="s", aliases=("NLP",)),
)
SET = KeywordSet(id="t", title="T", categories={"s": Category(title="S")}, terms=TERMS)
WORDS = ["CNN", "CNNs", "cnn", "CNN's", "PyTorch", "pytorch", "PyTorch's", "PyTorch\u2019s",
         "pre-trained", "pretrained", "pre", "trained", "machine", "learning", "ML", "Mixture",
         "of", "Experts", "(MoE)", "MoE", "GPU", "GPUs", "GPUs'", "NLP", "natural", "language",
         "processing", "and", ",", "."]


def _exact_search(lines: list[str], spelling: str) -> bool:
    """A plain exact-string search for ``spelling`` in each line (the oracle)."""
    possessive = r"(?!['\u2019][sS](?![A-Za-z0-9]))"
    if spelling[-1] in "sS":
        possessive += r"(?!['\u2019](?![A-Za-z0-9]))"
    pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(spelling) + r"(?![A-Za-z0-9#+])"
                         + possessive, re.IGNORECASE)
    return any(pattern.search(line) for line in lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=1,
                max_size=4))
def test_exact_labels_equal_a_plain_exact_search(lines_words):
    lines = [" ".join(words) for words in lines_words]
    document = build_document(pages=[RawPage(1, [RawLine(t) for t in lines])], source="cv.txt",
                              fmt="text", data=b"x")
    result = compile_matcher(SET).match(document)
    for term in TERMS:
        found = result.get(term.name)
        exact = any(_exact_search(lines, s) for s in term.spellings)
        if found is None:
            assert not exact, (term.name, lines)
            continue
        assert found.exact is exact, (term.name, lines, found.evidence)
        assert (None in {e.variant for e in found.evidence}) <= exact
        assert found.exact == (found in result.exact_only().matched)
