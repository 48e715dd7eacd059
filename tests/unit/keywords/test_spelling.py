"""One spelling key for validation and the matcher: what one finds alike, so does the other."""

from __future__ import annotations

import pytest

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.errors import InvalidKeywordSetError
from resume_checker.keywords.loader import parse_keyword_set
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.keywords.spelling import spelling_key
from resume_checker.matching import compile_matcher

FORMS = ("pretrained", "pre trained", "pre-trained")


def test_hyphen_space_and_joined_spellings_have_one_key() -> None:
    assert {spelling_key(f) for f in (*FORMS, "Pre-Trained", " PRE  trained ")} == {"pretrained"}
    assert spelling_key("pre_trained") != "pretrained"  # the matcher keeps underscores


def test_validation_reports_pretrained_pre_trained_and_pre_hyphen_trained_as_duplicates() -> None:
    text = (
        "id: x\ntitle: X\ncategories: {a: {title: A}}\nterms:\n"
        "  - {name: pretrained, category: a}\n"
        "  - {name: pre trained, category: a}\n"
        "  - {name: Models, category: a, aliases: [pre-trained]}\n"
    )
    with pytest.raises(InvalidKeywordSetError) as caught:
        parse_keyword_set(text, source="<editor>")
    message = str(caught.value)
    assert "2 problem(s)" in message
    assert (
        "line 6: term #2 'pre trained', field 'name': 'pre trained' is also a spelling of "
        "term #1 'pretrained' ('pretrained'); a spelling may belong to one term only."
    ) in message
    assert (
        "line 7: term #3 'Models', field 'aliases': 'pre-trained' is also a spelling of "
        "term #1 'pretrained' ('pretrained')"
    ) in message


def test_underscore_and_space_spellings_are_still_duplicates() -> None:
    text = (
        "id: x\ntitle: X\ncategories: {a: {title: A}}\nterms:\n"
        "  - {name: scikit learn, category: a}\n"
        "  - {name: Sklearn, category: a, aliases: [scikit_learn]}\n"
    )
    with pytest.raises(InvalidKeywordSetError, match="'scikit_learn' is also a spelling"):
        parse_keyword_set(text, source="<editor>")


@pytest.mark.parametrize("spelling", FORMS)
def test_the_matcher_treats_pretrained_pre_trained_and_pre_hyphen_trained_alike(
    spelling: str,
) -> None:
    kwset = KeywordSet(
        id="t", title="T", categories={"s": Category(title="Skills")},
        terms=(Term(name=spelling, category="s"),),
    )
    for written in FORMS:
        document = build_document(
            source="resume.txt", fmt="text", data=b"test",
            pages=[RawPage(1, [RawLine(f"Fine-tuned {written} models")])],
        )
        match = compile_matcher(kwset).match(document).get(spelling)
        assert match is not None and match.evidence[0].text == written, (spelling, written)
