"""The matcher's tokenizer memo gives exactly what one ``make_doc`` over the whole text gives.

``tokenizer._memo_spans`` cuts a text into pieces, tokenizes each piece once and remembers it;
``tokenizer._direct_spans`` is the plain ``make_doc`` it replaces. They must agree on every token's
start, end and trailing-space flag: on generated text (hypothesis), on spaCy's own special cases
placed next to each other (where one piece's rule can reach into the next), on the sample
resumes, and (marked shared) on resumes from the shared corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from locations import REPO

from resume_checker.documents import parse_document
from resume_checker.matching import tokenizer as tk
from resume_checker.matching.nlp import blank_nlp
from resume_checker.matching.reading import BLOCK_BREAK, reading_text

SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared" / "corpus" / "resumes-livecareer"

NLP = blank_nlp()
RULES = sorted(NLP.tokenizer.rules)
WORDS = [
    "experience", "managed", "managed,", "(aws)", "2019", "2019-2020", "pre-trained", "-", "--",
    "e-", "-based", "C.", "c.", "e.g.", "i.e.", "e.g.,", "can't", "cannot", "gonna", "don't",
    "c++", "c#", ".net", "node.js", "u.s.", "ph.d.", "dr.", "jan.", "10a.m.", "3pm", ":)", ":-)",
    "(:", ":}", "x(", "o.o", "and/or", "w/o", "'s", "’s", "it's", "https://example.com/a-b?c=d",
    "www.example.org", "jane.doe@example.com", "+1 (555) 010-0199", "résumé", "naïve", "münchen",
    "ΣΊΣΥΦΟΣ", "東京", "😀", "•", "–", "—", "“quoted”", "a.", "8-)", "'", "''", ".", ",", ":",
    ";", "/", "(", ")", "[", "]", "...", "?", "!", "°c.", "\xa0",
]  # fmt: skip
GAPS = [" ", " ", " ", " ", "", "  ", "\n", " \n ", "\t", " \t", "\n\n", BLOCK_BREAK, "\xa0"]

atoms = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(RULES),
    st.text(min_size=1, max_size=6),
    st.text(alphabet="abcé-.:()'/ ", min_size=1, max_size=6),
)
texts = st.builds(
    lambda edges, parts: edges[0] + "".join(a + g for a, g in parts) + edges[1],
    st.tuples(st.sampled_from(["", " ", "  ", "\n", " \n "]), st.sampled_from(["", " ", "\n "])),
    st.lists(st.tuples(atoms, st.sampled_from(GAPS)), max_size=40),
)


def assert_same(text: str) -> None:
    lowered = tk.lower(text)
    assert tk._memo_spans(NLP, lowered) == tk._direct_spans(NLP, lowered), repr(text)


def tokens_both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[tk.Tokens, tk.Tokens]:
    """``tokenize`` (lower-cased, keeping ``text``'s case) from the memo and from ``make_doc``."""
    lowered = tk.lower(text)
    monkeypatch.setattr(tk, "_spacy_spans", tk._memo_spans)
    memoised = tk.tokenize(NLP, lowered, text)
    monkeypatch.setattr(tk, "_spacy_spans", tk._direct_spans)
    return memoised, tk.tokenize(NLP, lowered, text)


@settings(max_examples=600, deadline=None)
@given(text=texts, forget=st.booleans())
@example(text="<e.( :}2pm", forget=True)  # "( :" is a rule across the space: ":}" stays apart
@example(text="( x :}2pm", forget=True)  # new pieces "(" and ":}2pm" must not be joined
@example(text="Ms.:') :-0:Dont N.J.", forget=True)
@example(text="w / o and / or it 's", forget=False)
@example(text="", forget=False)
@example(text=" \n ", forget=True)
@example(text="x y ", forget=True)
def test_memo_equals_make_doc(text: str, forget: bool) -> None:
    if forget:  # every piece new, so they are tokenized joined
        tk._piece_memo(NLP).spans.clear()
    assert_same(text)
    assert_same(text)  # and again from the memo


SHORT = [r for r in RULES if len(r) <= 4] + list(".,:;()-/'\"_*<>=[]{}") + ["2pm", "o", "x", "e"]
glued = st.lists(st.sampled_from(SHORT), min_size=1, max_size=3).map("".join)


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(glued, min_size=2, max_size=4))
def test_special_cases_side_by_side(pieces: list[str]) -> None:
    """Rules glued together and set side by side, where a rule can reach across a space."""
    tk._piece_memo(NLP).spans.clear()
    assert_same(" ".join(pieces))


def test_full_memo_starts_over(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tk, "_MAX_PIECES", 20)
    text = " ".join(f"word{i}, (item-{i}) e.g. C." for i in range(30))
    assert_same(text)
    assert len(tk._piece_memo(NLP).spans) == 0  # started over after this text
    assert_same(text)


def test_make_doc_until_enough_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short-lived process (one CLI check) never pays for setting the memo up."""
    monkeypatch.setattr(tk, "_direct_chars", 0)
    monkeypatch.setattr(tk, "_PIECE_MEMOS", type(tk._PIECE_MEMOS)())
    tk.tokenize(NLP, "python and pytorch")
    assert NLP not in tk._PIECE_MEMOS
    monkeypatch.setattr(tk, "_direct_chars", tk._MEMO_AFTER_CHARS)
    assert tk.tokenize(NLP, "python and pytorch").words == ["python", "and", "pytorch"]
    assert NLP in tk._PIECE_MEMOS


SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".pdf", ".docx", ".txt"})


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_sample_resumes(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = parse_document(path.read_bytes(), filename=path.name)
    text = reading_text(document)[0]
    for forget in (True, False):
        if forget:
            tk._piece_memo(NLP).spans.clear()
        memoised, direct = tokens_both_ways(text, monkeypatch)
        assert memoised == direct


@pytest.mark.shared
def test_corpus_resumes() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus ({SHARED}) is absent")
    for path in sorted(SHARED.rglob("*.pdf"))[::50]:
        assert_same(reading_text(parse_document(path.read_bytes(), filename=path.name))[0])
