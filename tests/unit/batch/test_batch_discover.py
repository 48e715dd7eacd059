"""Which files a batch takes, and what it says about the ones it skips."""

from __future__ import annotations

import os

import pytest

from resume_checker.batch.discover import discover, is_hidden_or_temporary, sniff


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"%PDF-1.7\n", "cv.bin", "pdf"),
        (b"PK\x03\x04rest", "cv.docx", "zip"),
        (b"Jane", "cv.txt", "text"),
        (b"Jane", "cv.MD", "text"),
        (b"\xd0\xcf\x11\xe0", "cv.doc", None),
        (b"{\\rtf1", "cv.rtf", None),
        (b"Jane", "cv.pdf", None),  # the extension alone proves nothing
        (b"\x00junk\r\n%PDF-1.7\n", "cv.pdf", "pdf"),  # the parser allows 1 KiB before %PDF-
        (b"x" * 1100 + b"%PDF-1.7\n", "cv.pdf", None),  # ... and no more
        (b"PK\x05\x06" + b"\x00" * 18, "cv.docx", "zip"),  # an empty ZIP: the parser says why
        (b"\x89PNG\r\n\x1a\n%PDF-1.7", "cv.png", None),  # an image, whatever it holds
        (b"\x89PNG\r\n\x1a\n", "cv.txt", "text"),  # named text: the parser says what it is
    ],
)
def test_sniff_trusts_bytes_not_names(head, name, kind):
    assert sniff(head, os.path.splitext(name)[1]) == kind


@pytest.mark.parametrize("name", ["~$cv.docx", ".DS_Store", ".#cv.txt", "cv.txt~", ".hidden.pdf"])
def test_hidden_and_temporary_files(name):
    assert is_hidden_or_temporary(name)


def test_folder_walk(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("Jane\nSkills\nPython\n")
    (root / "b.pdf").write_bytes(b"%PDF-1.4 x")
    (root / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0junk")
    (root / "~$a.docx").write_bytes(b"PK\x03\x04")
    (root / ".DS_Store").write_bytes(b"\0\0")
    (root / "sub" / "d.md").write_text("# Bob\n")
    outside = tmp_path / "secret.txt"
    outside.write_text("not a resume of this folder")
    (root / "link-out.txt").symlink_to(outside)
    (root / "link-in.txt").symlink_to(root / "a.txt")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)

    flat = discover([root])
    assert [c.display for c in flat.candidates] == ["in/a.txt", "in/b.pdf"]
    reasons = {s.display: s.reason for s in flat.skipped}
    assert reasons["in/link-out.txt"] == "symlink points outside the folder"
    assert reasons["in/c.doc"].startswith("unsupported format (.doc")
    assert reasons["in/~$a.docx"] == reasons["in/.DS_Store"] == "hidden or temporary file"
    assert reasons["in/sub"] == "folder (use --recursive)"

    deep = discover([root, root / "a.txt"], recursive=True)
    assert [c.display for c in deep.candidates] == ["in/a.txt", "in/b.pdf", "in/sub/d.md"]
    assert "folder already visited (symlink loop)" in {s.reason for s in deep.skipped}
    assert all(c.path.is_relative_to(root.resolve()) for c in deep.candidates)


def test_missing_path_is_reported(tmp_path):
    found = discover([tmp_path / "nope"])
    assert found.candidates == ()
    assert found.skipped[0].reason == "not found"


def test_pdf_with_a_preamble_is_taken_as_the_parser_reads_it(tmp_path):
    """Discovery used to require %PDF- at byte 0 and skipped PDFs the parser reads."""
    from resume_checker.documents import Format
    from resume_checker.documents import sniff as sniff_document

    data = b"\x00junk\r\n%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
    (tmp_path / "preamble.pdf").write_bytes(data)
    (tmp_path / "late.pdf").write_bytes(b"x" * 1100 + b"%PDF-1.4\n")
    found = discover([tmp_path])
    assert [(c.display, c.kind) for c in found.candidates] == [
        (f"{tmp_path.name}/preamble.pdf", "pdf")]
    assert sniff_document(data, source="preamble.pdf") is Format.PDF
    assert found.skipped[0].reason.startswith("unsupported format (.pdf")
