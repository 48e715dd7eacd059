"""Plain text and Markdown: encodings, damaged bytes, NULs, pages, Markdown marks."""

from __future__ import annotations

import pytest

from resume_checker.documents import Format, sniff
from resume_checker.documents.model import Section, Severity
from resume_checker.documents.text import accepts, decode, parse_text, strip_markdown

RESUME = "Zoë Müller – Résumé\nSkills\nPython, C++, naïve Bayes\n"


@pytest.mark.parametrize(
    ("label", "data", "encoding"),
    [
        ("utf-8", RESUME.encode("utf-8"), "utf-8"),
        ("utf-8 BOM", b"\xef\xbb\xbf" + RESUME.encode("utf-8"), "utf-8"),
        ("utf-16 LE BOM", b"\xff\xfe" + RESUME.encode("utf-16-le"), "utf-16-le"),
        ("utf-16 BE BOM", b"\xfe\xff" + RESUME.encode("utf-16-be"), "utf-16-be"),
        ("utf-32 LE BOM", b"\xff\xfe\x00\x00" + RESUME.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_unicode_encodings_read_without_notice(label: str, data: bytes, encoding: str) -> None:
    doc = parse_text(data, source="cv.txt")
    assert doc.text == RESUME.strip()
    assert dict(doc.metadata)["encoding"] == encoding
    assert doc.notices == ()
    assert doc.format == "text"


def test_cp1252_fallback_is_reported() -> None:
    data = "Résumé – “quoted” Zoë".encode("cp1252")
    doc = parse_text(data, source="cv.txt")
    assert doc.text == "Résumé – \u201cquoted\u201d Zoë"
    notice = doc.notice("fallback_encoding")
    assert notice is not None and notice.severity is Severity.WARNING
    assert "cp1252" in notice.message


def test_invalid_utf8_never_crashes_and_falls_back_to_latin1() -> None:
    # 0x81 and 0x8D are undefined in cp1252, so only latin-1 can read this.
    data = b"Jane \x81\x8d Doe \xff\xfe\xc3("
    doc = parse_text(data, source="cv.txt")
    assert doc.text.startswith("Jane")
    notice = doc.notice("fallback_encoding")
    assert notice is not None and "latin-1" in notice.message


def test_damaged_utf16_is_replaced_and_reported() -> None:
    data = b"\xff\xfe" + "Jane".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    text, encoding, notices = decode(data)
    assert text.startswith("Jane") and encoding == "utf-16-le"
    assert notices[0].code == "fallback_encoding"


def test_nul_bytes_removed_with_notice() -> None:
    doc = parse_text(b"Ja\x00ne Doe\nPyt\x00hon\n", source="cv.txt")
    assert doc.text == "Jane Doe\nPython"
    notice = doc.notice("nul_removed")
    assert notice is not None and "2 NUL" in notice.message


def test_form_feed_splits_pages_and_trailing_one_is_dropped() -> None:
    doc = parse_text(b"Page one\n\fPage two\nmore\n\f", source="cv.txt")
    assert [page.number for page in doc.pages] == [1, 2]
    assert [line.text for line in doc.pages[1].lines] == ["Page two", "more"]
    assert doc.pages[1].lines[0].page == 2


def test_crlf_and_cr_line_endings() -> None:
    doc = parse_text(b"one\r\ntwo\rthree\n", source="cv.txt")
    assert [line.text for line in doc.lines] == ["one", "two", "three"]


MARKDOWN = """\
# Jane Doe
[jane@example.com](mailto:jane@example.com) · [GitHub](https://github.com/jane)

## Experience
- **Senior Engineer**, Acme (2019 - 2023)
* Built *distributed* systems in `Go`
1. Cut costs by 30%

Skills
======
| Skill | Years |
|-------|------:|
| Python | 8 |

---
![photo](me.png) snake_case_names stay, C++ and C# stay, *nix stays
"""


def test_markdown_marks_are_stripped_so_headings_are_found() -> None:
    doc = parse_text(MARKDOWN.encode(), source="cv.md")
    texts = [line.text for line in doc.lines]
    assert texts == [
        "Jane Doe",
        "jane@example.com · GitHub (https://github.com/jane)",
        "Experience",
        "Senior Engineer, Acme (2019 - 2023)",
        "Built distributed systems in Go",
        "Cut costs by 30%",
        "Skills",
        "Skill | Years",
        "Python | 8",
        "photo snake_case_names stay, C++ and C# stay, *nix stays",
    ]
    by_text = {line.text: line for line in doc.lines}
    assert by_text["Experience"].is_heading and by_text["Experience"].bold
    assert by_text["Skills"].is_heading
    assert by_text["Python | 8"].section is Section.SKILLS


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[Portfolio](https://jane.dev)", "Portfolio (https://jane.dev)"),
        ("<https://jane.dev>", "https://jane.dev"),
        ("__Bold__ and _em_", "Bold and em"),
        ("> quoted", "quoted"),
        ("• bullet", "bullet"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("file_name_here", "file_name_here"),
    ],
)
def test_strip_markdown(line: str, expected: str) -> None:
    assert strip_markdown(line) == expected


def test_accepts() -> None:
    assert accepts(b"plain words\n")
    assert accepts(b"\xff\xfeJ\x00")  # a BOM
    assert not accepts(bytes(range(32)) * 4)
    assert not accepts(b"")
    # a PDF header is text-like: the sniffer asks the PDF check first
    assert accepts(b"%PDF-1.4\n")
    assert sniff(b"%PDF-1.4\n", source="cv.txt") is Format.PDF
