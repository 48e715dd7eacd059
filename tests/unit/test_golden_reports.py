"""tools/golden_reports.py's document hash: content only, so a field added with an empty default
changes no fingerprint, while any change of content does."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from resume_checker.documents.model import Document, FoldedWord, Line, Notice, Page, Section

TOOL = Path(__file__).resolve().parents[2] / "tools" / "golden_reports.py"


@pytest.fixture(scope="module")
def golden() -> ModuleType:
    spec = importlib.util.spec_from_file_location("golden_reports", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _document(*texts: str, **fields: object) -> Document:
    lines = tuple(Line(text, 1, n) for n, text in enumerate(texts, 1))
    return Document(source="cv.pdf", format="pdf", pages=(Page(1, lines),), **fields)


def test_the_same_document_gives_the_same_digest(golden: ModuleType) -> None:
    assert (golden._document_digest(_document("Skills", "PyTorch"))
            == golden._document_digest(_document("Skills", "PyTorch")))


@pytest.mark.parametrize("other", [
    _document("Skills", "PyTorh"),                                  # one line's text
    _document("Skills", "PyTorch", "GPU"),                          # a line more
    _document("Skills", "PyTorch", sha256="ab"),                    # a field set
    _document("Skills", "PyTorch", notices=(Notice("x", "y"),)),    # a nested dataclass
    _document("Skills", "PyTorch",
              folded_words=(FoldedWord("PyT\u043erch", "PyTorch", 1, 2, 0),)),
], ids=["line-text", "line-added", "field-set", "notice", "folded-word"])
def test_a_change_of_content_changes_the_digest(golden: ModuleType, other: Document) -> None:
    assert golden._document_digest(other) != golden._document_digest(
        _document("Skills", "PyTorch"))


def test_a_nested_field_set_away_from_its_default_changes_the_digest(golden: ModuleType) -> None:
    plain = _document("Skills")
    heading = dataclasses.replace(plain, pages=(Page(1, (
        Line("Skills", 1, 1, Section.SKILLS, is_heading=True),)),))
    assert golden._document_digest(heading) != golden._document_digest(plain)


def test_a_field_left_at_its_default_does_not_count(golden: ModuleType) -> None:
    implicit = _document("Skills", "PyTorch")
    explicit = Document(source="cv.pdf", format="pdf",
                        pages=(Page(1, (Line("Skills", 1, 1, Section.OTHER, column=0),
                                        Line("PyTorch", 1, 2, font=None))),),
                        notices=(), sha256="", folded_words=())
    assert explicit == implicit
    assert golden._document_digest(explicit) == golden._document_digest(implicit)
    # the text hashed names no field at its default, so a new one with a default adds nothing
    content = golden._content(implicit)
    assert "folded_words" not in content and "hidden_lines" not in content
    assert "'PyTorch'" in content and "source='cv.pdf'" in content


@dataclasses.dataclass(frozen=True)
class _WiderDocument(Document):
    """A Document as it would be with one more field, left empty."""

    new_field: tuple[str, ...] = ()


def test_a_new_field_left_empty_changes_no_digest(golden: ModuleType) -> None:
    document = _document("Skills", "PyTorch", sha256="ab")
    wider = _WiderDocument(**{f.name: getattr(document, f.name)
                              for f in dataclasses.fields(document)})
    assert repr(wider) != repr(document)  # what the old repr-based hash saw
    assert golden._document_digest(wider) == golden._document_digest(document)
    filled = dataclasses.replace(wider, new_field=("x",))
    assert golden._document_digest(filled) != golden._document_digest(document)
