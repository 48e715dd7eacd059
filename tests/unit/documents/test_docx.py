"""DOCX: all text in order (tables, text boxes, headers), nothing fetched, nothing expanded."""

from __future__ import annotations

import io
import socket
import zipfile

import pytest
from docx_fixtures import (
    NSDECLS,
    forge_declared_size,
    para,
    python_docx_resume,
    raw_docx,
    remote_template_docx,
    textbox_run_xml,
)

from resume_checker.documents import parse_document
from resume_checker.documents.docx import accepts, parse_docx
from resume_checker.documents.model import Origin, Section
from resume_checker.errors import LimitExceededError, UnreadableDocumentError
from resume_checker.limits import Limits


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network access attempted in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_python_docx_resume_reads_everything_in_order() -> None:
    doc = parse_docx(python_docx_resume(), source="cv.docx")
    got = [(line.origin, line.text) for line in doc.lines]
    assert got == [
        (Origin.HEADER, "Jane Doe | jane@example.com"),
        (Origin.BODY, "Summary"),
        (Origin.BODY, "Machine learning engineer with PyTorch and TensorFlow."),
        (Origin.BODY, "Experience"),
        (Origin.TABLE, "Acme Corp | 2019 - 2023"),
        (Origin.TABLE, "Built models"),
        (Origin.TABLE, "Led a team"),
        (Origin.TABLE, "Nested A | Nested B"),
        (Origin.BODY, "Anchor paragraph"),
        (Origin.TEXTBOX, "Box text"),
        (Origin.BODY, "Skills"),
        (Origin.BODY, "Python, Kubernetes"),
        (Origin.FOOTER, "Page footer text"),
    ]
    assert doc.text.count("Box text") == 1  # Choice and Fallback hold it; read once
    assert {line.page for line in doc.lines} == {1}
    assert doc.format == "docx" and doc.source == "cv.docx"


def test_styles_give_bold_size_and_headings() -> None:
    doc = parse_docx(python_docx_resume(), source="cv.docx")
    by_text = {line.text: line for line in doc.lines}
    heading = by_text["Experience"]
    assert heading.is_heading and heading.bold and heading.font_size == 14.0
    body = by_text["Machine learning engineer with PyTorch and TensorFlow."]
    assert body.bold is False and body.font_size == 11.0
    assert by_text["Python, Kubernetes"].section is Section.SKILLS


def test_breaks_tabs_hyperlinks_and_fields() -> None:
    body = (
        "<w:p><w:r><w:t>Jane</w:t><w:tab/><w:t>Doe</w:t><w:br/><w:t>Second line</w:t></w:r></w:p>"
        '<w:p><w:hyperlink r:id="rId5"><w:r><w:t>linkedin.com/in/jane</w:t></w:r></w:hyperlink>'
        '<w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> HYPERLINK "https://x.invalid" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> site'
        '</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>!</w:t></w:r></w:ins></w:p>"
        '<w:sdt><w:sdtContent><w:p><w:r><w:t>In a content control</w:t></w:r></w:p>'
        "</w:sdtContent></w:sdt>"
    )
    doc = parse_docx(raw_docx(body), source="cv.docx")
    assert [line.text for line in doc.lines] == [
        "Jane Doe",
        "Second line",
        "linkedin.com/in/jane7 site!",
        "In a content control",
    ]


def test_page_breaks_make_pages_rendered_breaks_do_not() -> None:
    body = (
        para("One")
        + '<w:p><w:r><w:t>Two</w:t><w:br w:type="page"/><w:t>Three</w:t></w:r></w:p>'
        + '<w:p><w:r><w:lastRenderedPageBreak/><w:t>Four</w:t></w:r></w:p>'
        + para("Five", ppr="<w:pPr><w:pageBreakBefore/></w:pPr>")
    )
    doc = parse_docx(raw_docx(body), source="cv.docx")
    assert [[line.text for line in page.lines] for page in doc.pages] == [
        ["One", "Two"],
        ["Three", "Four"],
        ["Five"],
    ]


def test_alternate_content_fallback_is_read_when_there_is_no_choice() -> None:
    body = f"<w:p>{textbox_run_xml('Only fallback', choice=False)}</w:p>"
    body += f"<w:p>{textbox_run_xml('Only choice', fallback=False)}</w:p>"
    doc = parse_docx(raw_docx(body), source="cv.docx")
    assert [(line.origin, line.text) for line in doc.lines] == [
        (Origin.TEXTBOX, "Only fallback"),
        (Origin.TEXTBOX, "Only choice"),
    ]


def test_headers_of_every_section_deduplicated() -> None:
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    def margin(tag: str, text: str) -> str:
        return f"<w:{tag} {NSDECLS}><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{tag}>"

    sect1 = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rH1"/>'
        '<w:headerReference w:type="first" r:id="rH2"/></w:sectPr>'
    )
    sect2 = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rH1"/>'
        '<w:headerReference w:type="even" r:id="rH3"/>'
        '<w:footerReference w:type="default" r:id="rF1"/></w:sectPr>'
    )
    body = para("Body one", ppr=f"<w:pPr>{sect1}</w:pPr>") + para("Body two") + sect2
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{rel}/{kind}" Target="{target}"/>'
        for rid, kind, target in [
            ("rH1", "header", "header1.xml"),
            ("rH2", "header", "header2.xml"),
            ("rH3", "header", "header3.xml"),
            ("rF1", "footer", "footer1.xml"),
        ]
    )
    data = raw_docx(
        body,
        doc_rels=rels,
        parts={
            "word/header1.xml": margin("hdr", "Jane Doe"),
            "word/header2.xml": margin("hdr", "Jane Doe - first page"),
            "word/header3.xml": margin("hdr", "Jane Doe"),  # same text, other part: once
            "word/footer1.xml": margin("ftr", "jane@example.com"),
        },
    )
    doc = parse_docx(data, source="cv.docx")
    assert [(line.origin, line.text) for line in doc.lines] == [
        (Origin.HEADER, "Jane Doe - first page"),
        (Origin.HEADER, "Jane Doe"),
        (Origin.BODY, "Body one"),
        (Origin.BODY, "Body two"),
        (Origin.FOOTER, "jane@example.com"),
    ]


def test_remote_template_is_never_fetched(no_network: list[object]) -> None:
    doc = parse_document(remote_template_docx(), filename="cv.docx")
    assert doc.text == "Remote template resume"
    assert no_network == []


def test_network_block_works(no_network: list[object]) -> None:
    """The guard above can fail: a connect attempt is seen and refused."""
    with socket.socket() as sock, pytest.raises(OSError, match="network access"):
        sock.connect(("192.0.2.1", 80))
    assert no_network


def test_xxe_entities_are_not_expanded(tmp_path: object, no_network: list[object]) -> None:
    secret = tmp_path / "secret.txt"  # type: ignore[operator]
    secret.write_text("FILE-SECRET")
    prolog = (
        f'<!DOCTYPE w:document [<!ENTITY ext SYSTEM "file://{secret}">'
        '<!ENTITY remote SYSTEM "http://example.invalid/x">'
        '<!ENTITY inner "INNER-SECRET"><!ENTITY lol "lollollollollollollollol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    body = "<w:p><w:r><w:t>Jane &ext;&remote;&inner;&lol2;</w:t></w:r></w:p>" + para("Doe")
    doc = parse_docx(raw_docx(body, prolog=prolog), source="cv.docx")
    assert "SECRET" not in doc.text and "lol" not in doc.text
    assert doc.text == "Jane\nDoe"
    assert no_network == []


def test_declared_size_over_limit_is_refused_before_reading() -> None:
    data = forge_declared_size(raw_docx(para("x")), "word/document.xml", 0xFFFF_FFF0)
    with pytest.raises(LimitExceededError, match="word/document.xml would unpack to 4,294"):
        parse_docx(data, source="bomb.docx")


def test_compression_ratio_over_limit_is_refused() -> None:
    data = raw_docx(para("x") + " " * 3_000_000)  # whitespace: 1000:1 and more
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    assert info.file_size / info.compress_size > 100
    with pytest.raises(LimitExceededError, match="compressed .* to 1"):
        parse_document(data, filename="bomb.docx")


def test_total_size_over_limit_is_refused() -> None:
    data = python_docx_resume()
    with pytest.raises(LimitExceededError, match="in total"):
        parse_docx(data, source="cv.docx", limits=Limits(max_docx_total_bytes=4096))


@pytest.mark.parametrize(
    ("label", "make", "reason"),
    [
        ("truncated zip", lambda: raw_docx(para("x"))[:-30], "damaged"),
        ("no document.xml", lambda: raw_docx(para("x"))
         .replace(b"word/document.xml", b"word/documant.xml"), "no word/document.xml"),
        ("broken XML", lambda: raw_docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"), "not well-formed"),
    ],
)
def test_broken_files_are_unreadable(label: str, make: object, reason: str) -> None:
    with pytest.raises(UnreadableDocumentError, match=reason) as info:
        parse_docx(make(), source="bad.docx")  # type: ignore[operator]
    assert info.value.source == "bad.docx"


def test_accepts() -> None:
    data = raw_docx(para("x"))
    assert accepts(data)
    assert accepts(data, zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert accepts(b"PK\x03\x04broken")  # any ZIP may be a .docx until its listing is read
    assert not accepts(b"PK\x03\x04broken", ["content.xml", "mimetype"])
    assert not accepts(b"%PDF-1.4")
