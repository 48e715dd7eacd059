"""The tokenizer memo's shortcut for plain new pieces says "one token" only where spaCy's
tokenizer gives exactly one token, the whole piece.

``tokenizer._PieceMemo.one_token`` spares a tokenizer call for new pieces of lower-case ASCII
letters and digits that no special case, prefix, suffix or infix rule touches. Checked on generated
pieces (hypothesis, near the rules that do split such words: units after digits, contractions
like "cannot"), and, marked shared, on every piece of resumes from the shared corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from locations import LIVECAREER

from resume_checker.documents import parse_document
from resume_checker.matching import tokenizer as tk
from resume_checker.matching.nlp import blank_nlp
from resume_checker.matching.reading import reading_text

SHARED = LIVECAREER

NLP = blank_nlp()
PLAIN_RULES = sorted(r for r in NLP.tokenizer.rules if r.isascii() and r.isalnum())
NEAR = ["km", "kg", "mb", "gb", "am", "pm", "th", "st", "nd", "rd", "s", "x", "m", "2019", "10"]

plain = st.one_of(
    st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True),
    st.sampled_from(PLAIN_RULES),
    st.lists(st.sampled_from(NEAR + PLAIN_RULES), min_size=1, max_size=3).map("".join),
    st.text(min_size=1, max_size=6),
)


def one_token_alone(piece: str) -> bool:
    return [(t.idx, len(t)) for t in NLP.make_doc(piece)] == [(0, len(piece))]


@settings(max_examples=1500, deadline=None)
@given(piece=plain)
@example(piece="cannot")  # a rule: "can" "not"
@example(piece="10km")  # a unit suffix after a digit
@example(piece="3pm")
@example(piece="edinburgh")
def test_one_token_test_agrees_with_the_tokenizer(piece: str) -> None:
    if tk._piece_memo(NLP).one_token(piece):
        assert one_token_alone(piece), piece


def test_plain_words_take_the_shortcut() -> None:
    one_token = tk._piece_memo(NLP).one_token
    assert one_token("edinburgh") and one_token("2019")
    assert not any(map(one_token, ["cannot", "10km", "managed,", "(aws)", "", "a b", "é"]))


@pytest.mark.shared
def test_every_corpus_piece_the_shortcut_takes_is_one_token() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus ({SHARED}) is absent")
    memo = tk._piece_memo(NLP)
    pieces: set[str] = set()
    for path in sorted(SHARED.rglob("*.pdf"))[::25]:
        text = reading_text(parse_document(path.read_bytes(), filename=path.name))[0]
        pieces.update(memo.cut.split(tk.lower(text)))
    taken = [p for p in sorted(pieces) if memo.one_token(p)]
    assert taken
    assert [p for p in taken if not one_token_alone(p)] == []
