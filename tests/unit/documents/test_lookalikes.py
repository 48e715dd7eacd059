"""Mixed-script look-alikes: a Latin word written with Cyrillic or Greek letters that look the
same is read as the Latin word and recorded as written; real Cyrillic and Greek words are kept.
"""

from __future__ import annotations

import pytest
from docx_fixtures import para, raw_docx

from resume_checker.batch.codec import document_from_json, document_to_json
from resume_checker.documents import parse_document
from resume_checker.documents.lookalikes import LOOKALIKES, fold_lookalikes
from resume_checker.documents.model import FoldedWord
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.matching import compile_matcher

CYR_O, CYR_E, CYR_A, CYR_P = "\u043e", "\u0435", "\u0430", "\u0440"
GREEK_O, GREEK_NU = "\u03bf", "\u03bd"
IVANOVA = "\u0418\u0432\u0430\u043d\u043e\u0432\u0430"        # a Russian surname
MOSKVA = "\u041c\u043e\u0441\u043a\u0432\u0430"                # Moscow, in Russian
ATHENA = "\u0391\u03b8\u03b7\u03bd\u03ac"                      # Athens, in Greek
OOO = "\u041e\u041e\u041e"                                     # every letter a look-alike


@pytest.mark.parametrize(
    ("text", "read", "words"),
    [
        (f"PyT{CYR_O}rch", "PyTorch", [f"PyT{CYR_O}rch"]),
        (f"Fluent in PyT{CYR_O}rch and Kub{CYR_E}rnetes.", "Fluent in PyTorch and Kubernetes.",
         [f"PyT{CYR_O}rch", f"Kub{CYR_E}rnetes"]),
        (f"J{CYR_A}v{CYR_A}Script, {CYR_P}ython3", "JavaScript, python3",
         [f"J{CYR_A}v{CYR_A}Script", f"{CYR_P}ython3"]),
        (f"Gr{GREEK_O}wth and Dja{GREEK_NU}go", "Growth and Djavgo",
         [f"Gr{GREEK_O}wth", f"Dja{GREEK_NU}go"]),
        (f"caf\u00e9 T{CYR_O}ronto", "caf\u00e9 Toronto", [f"T{CYR_O}ronto"]),
        # whole words of another script are real words: kept
        (f"{IVANOVA} {MOSKVA}, {ATHENA}", f"{IVANOVA} {MOSKVA}, {ATHENA}", []),
        (f"{OOO} Acme", f"{OOO} Acme", []),
        ("\u03b1-synuclein, 5 \u03bcm, \u03b2-VAE", "\u03b1-synuclein, 5 \u03bcm, \u03b2-VAE", []),
        # a Cyrillic letter with no Latin twin: not a disguised Latin word, kept
        (f"K{CYR_O}\u043c\u043f{CYR_A}ny", f"K{CYR_O}\u043c\u043f{CYR_A}ny", []),
        ("Plain ASCII PyTorch", "Plain ASCII PyTorch", []),
        ("na\u00efve r\u00e9sum\u00e9", "na\u00efve r\u00e9sum\u00e9", []),
    ],
)
def test_fold_lookalikes(text: str, read: str, words: list[str]) -> None:
    folded, found = fold_lookalikes(text)
    assert folded == read
    assert [w.original for w in found] == words
    assert len(folded) == len(text)
    for word in found:
        assert text[word.start:word.start + len(word.original)] == word.original
        assert folded[word.start:word.start + len(word.folded)] == word.folded


def test_ascii_text_is_returned_as_it_is() -> None:
    text = "Machine learning engineer, PyTorch"
    folded, found = fold_lookalikes(text)
    assert folded is text and found == ()


def test_the_table_maps_cyrillic_and_greek_letters_to_one_latin_letter() -> None:
    for src, dst in LOOKALIKES.items():
        assert len(src) == len(dst) == 1
        assert "\u0370" <= src <= "\u052f", hex(ord(src))
        assert dst.isascii() and dst.isalpha()


RESUME = (
    "Jane Doe\njane@example.com\n\nSkills\nPython, PyT{o}rch, CUDA\n\n"
    "Experience\nML engineer at Acme in {moskva}, 2019 - 2024\nDeployed on Kub{e}rnetes.\n"
)


def test_text_resume_is_read_folded_and_records_the_words_as_written() -> None:
    data = RESUME.format(o=CYR_O, e=CYR_E, moskva=MOSKVA).encode()
    doc = parse_document(data, filename="cv.txt")
    assert "Python, PyTorch, CUDA" in doc.text and "Kubernetes" in doc.text
    assert MOSKVA in doc.text
    skills = next(line for line in doc.lines if "PyTorch" in line.text)
    deployed = next(line for line in doc.lines if "Kubernetes" in line.text)
    assert doc.folded_words == (
        FoldedWord(f"PyT{CYR_O}rch", "PyTorch", skills.page, skills.number, 8),
        FoldedWord(f"Kub{CYR_E}rnetes", "Kubernetes", deployed.page, deployed.number, 12),
    )
    for word in doc.folded_words:
        line = doc.pages[word.page - 1].lines[word.line - 1]
        assert line.text[word.start:word.start + len(word.folded)] == word.folded


def test_a_heading_with_lookalikes_is_still_a_heading() -> None:
    data = f"Jane Doe\n\n{CYR_E.upper()}xperience\nML engineer at Acme, 2019 - 2024\n".encode()
    doc = parse_document(data, filename="cv.txt")
    heading = next(line for line in doc.lines if line.text == "Experience")
    assert heading.is_heading and heading.section.value == "experience"


def test_docx_words_are_folded_with_their_place() -> None:
    data = raw_docx(para("Jane Doe") + para("Skills") + para(f"Python and PyT{CYR_O}rch"))
    doc = parse_document(data, filename="cv.docx")
    assert doc.lines[-1].text == "Python and PyTorch"
    assert doc.folded_words == (FoldedWord(f"PyT{CYR_O}rch", "PyTorch", 1, 3, 11),)


def test_a_resume_without_lookalikes_records_nothing() -> None:
    doc = parse_document(f"{IVANOVA}\nSkills\nPython, PyTorch\n".encode(), filename="cv.txt")
    assert doc.folded_words == ()


def test_folded_words_survive_the_batch_cache() -> None:
    doc = parse_document(RESUME.format(o=CYR_O, e=CYR_E, moskva=MOSKVA).encode(),
                         filename="cv.txt")
    assert len(doc.folded_words) == 2
    assert document_from_json(document_to_json(doc)) == doc


def test_the_folded_word_is_matched() -> None:
    kwset = KeywordSet(id="t", title="T", categories={"fw": Category(title="Frameworks")},
                       terms=(Term(name="PyTorch", category="fw"),
                              Term(name="Kubernetes", category="fw")))
    doc = parse_document(RESUME.format(o=CYR_O, e=CYR_E, moskva=MOSKVA).encode(),
                         filename="cv.txt")
    found = {m.term for m in compile_matcher(kwset).match(doc).matched}
    assert found == {"PyTorch", "Kubernetes"}
