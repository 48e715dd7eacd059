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
