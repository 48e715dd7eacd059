"""The fast paths give the same answers: the word trie finds what spaCy's PhraseMatcher finds,
stored tokens are the tokens the text gives, and the set's hash memo never goes stale."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from locations import LIVECAREER

from resume_checker.api import check_document
from resume_checker.batch import codec
from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.keywords.loader import load_keyword_set
from resume_checker.keywords.model import Term
from resume_checker.matching import compile_matcher
from resume_checker.matching import tokenizer as tk
from resume_checker.matching.nlp import blank_nlp
from resume_checker.matching.reading import reading_text
from resume_checker.matching.trie import PhraseTrie

WORDS = ["a", "b", "ab", "c", "C", "c++", "x", "\n"]
SHARED = LIVECAREER


def _document(*lines: str):
    raw = [RawLine(text=t) for t in lines]
    return build_document(pages=[RawPage(number=1, lines=raw)], source="cv.txt", fmt="text",
                          data="\n".join(lines).encode())


def _spacy_matches(patterns: list[list[str]], words: list[str], attr: str) -> set:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    vocab = blank_nlp().vocab
    matcher = PhraseMatcher(vocab, attr=attr)
    for i, p in enumerate(patterns):
        matcher.add(f"k{i % 3}", [Doc(vocab, words=p)])
    return {(vocab.strings[k], s, e) for k, s, e in matcher(Doc(vocab, words=words))}


@settings(max_examples=150, deadline=None)
@given(
    patterns=st.lists(st.lists(st.sampled_from(WORDS[:-1]), min_size=1, max_size=3),
                      min_size=1, max_size=6),
    words=st.lists(st.sampled_from(WORDS), max_size=30),
    lower=st.booleans(),
)
def test_trie_finds_what_the_phrase_matcher_finds(patterns, words, lower):
    trie = PhraseTrie()
    fold = (lambda w: w.lower()) if lower else (lambda w: w)
    for i, p in enumerate(patterns):
        trie.add(f"k{i % 3}", [fold(w) for w in p])
    found = trie.find([fold(w) for w in words])
    assert set(found) == _spacy_matches(patterns, words, "LOWER" if lower else "ORTH")
    assert len(found) == len(set(found))


def _stored_tokens(document):
    """Encode, forget every remembered tokenization, decode: the tokens the decoder gave back
    (None unless they are for the decoded document's text)."""
    body = codec.document_to_json(document)
    tk._MEMO.clear()
    again, known = codec.document_with_tokens(body)
    assert not tk._MEMO  # decoding hands the tokens back; it remembers nothing on the side
    text, _ = reading_text(again)
    return text, known.tokens if known is not None and known.are_for(text) else None, body


def test_the_cache_stores_the_tokens_the_text_gives():
    document = _document("Skills", "PyTorch, pre-trained CNNs, Go; R&D (RLHF)",
                         "Mixture of Experts (MoE) and e-")
    text, stored, _ = _stored_tokens(document)
    assert stored is not None
    tk._MEMO.clear()
    assert stored == tk.text_tokens(text)
    assert "." in stored.words and "\n" in stored.words  # the odd word and the block break


DAMAGES = ["tag", "crc", "words", "shape", "garbage", "typecode", "floats", "absent"]


def _damage(tokens: list, damage: str) -> list | None:
    """Stored tokens ([tag, crc, words joined, starts and ends packed]) damaged one way."""
    tokens = list(tokens)
    if damage == "tag":
        tokens[0] = "0/spacy-0"
    elif damage == "crc":
        tokens[1] += 1
    elif damage == "words":
        tokens[2] += " extra"
    elif damage == "shape":
        tokens[3] = tokens[3][:-4]
    elif damage == "garbage":
        tokens[3] = "H!!not base64!!"
    elif damage == "typecode":
        tokens[3] = "d" + tokens[3][1:]
    elif damage == "floats":
        import base64
        from array import array

        tokens[3] = "d" + base64.b64encode(array("d", [0.0, 1.0]).tobytes()).decode()
    else:
        return None
    return tokens


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_stored_tokens_are_ignored_and_the_text_tokenized_again(damage):
    import json

    document = _document("Experience", "Built CUDA kernels and JAX models")
    data = json.loads(codec.document_to_json(document))
    data["tokens"] = _damage(data["tokens"], damage)
    again, known = codec.document_with_tokens(json.dumps(data))
    assert again == document
    text, _ = reading_text(again)
    assert known is None or (damage == "crc" and not known.are_for(text))
    kwset = load_keyword_set("neural-network-architect")
    assert check_document(again, kwset) == check_document(document, kwset)
    matcher = compile_matcher(kwset)
    assert matcher.match(again, known) == matcher.match(document)


@pytest.mark.parametrize("damage", DAMAGES)
def test_an_analysis_with_damaged_tokens_is_matched_from_its_text(damage):
    import json

    from resume_checker.analysis import analyse, check_analysis

    document = _document("Experience", "Built CUDA kernels and JAX models")
    analysis = analyse(document)
    data = json.loads(codec.analysis_to_json(analysis))
    data["tokens"] = _damage(data["tokens"], damage)
    again = codec.analysis_from_json(json.dumps(data))
    if damage != "crc":  # a wrong checksum is found by the matcher, against the text it reads
        assert again.tokens is None
    kwset = load_keyword_set("neural-network-architect")
    assert check_analysis(again, kwset) == check_analysis(analysis, kwset)


def test_content_hash_is_computed_once_and_follows_copies():
    kwset = load_keyword_set("neural-network-architect")
    first = kwset.content_hash
    assert kwset.content_hash is first
    assert first == kwset._compute_content_hash()
    assert kwset == load_keyword_set("neural-network-architect")
    assert "_content_hash_memo" not in kwset.model_dump()
    edited = kwset.model_copy(
        update={"terms": (*kwset.terms, Term(name="Kubernetes", category=kwset.terms[0].category))}
    )
    assert edited.content_hash != first
    assert edited.content_hash == edited._compute_content_hash()
    assert kwset.model_copy(update={"title": "Other"}).content_hash != first
    assert pickle.loads(pickle.dumps(kwset)).content_hash == first


@pytest.mark.shared
def test_corpus_reports_are_the_same_from_stored_tokens():
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus ({SHARED}) is absent")
    from resume_checker.documents import parse_document

    kwset = load_keyword_set("machine-learning-engineer")
    matcher = compile_matcher(kwset)
    files = sorted(SHARED.rglob("*.pdf"))[::250][:10]
    for path in files:
        document = parse_document(path.read_bytes(), filename=path.name)
        tk._MEMO.clear()
        fresh = matcher.match(document)
        text, stored, body = _stored_tokens(document)
        assert stored == tk.tokenize(blank_nlp(), tk.lower(text), text), path.name
        assert matcher.match(*codec.document_with_tokens(body)) == fresh, path.name
