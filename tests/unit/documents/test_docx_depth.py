"""DOCX files the XML parser refuses get a message in the file's terms, naming the part.

Every part the reader parses (the main text, its list of parts, the styles, page headers and
footers) is made broken one way at a time; the message must say what is wrong in words a user
can act on, and never carry libxml2's advice to programmers ("use XML_PARSE_HUGE option").
XML the parser accepts but the reader once choked on (a raw Python error reached the user) is
here too.
"""

from __future__ import annotations

import zipfile

import pytest
from docx_fixtures import NSDECLS, REL, para, raw_docx

from resume_checker.documents import parse_document
from resume_checker.documents.docx import parse_docx
from resume_checker.errors import UnreadableDocumentError

#: what libxml2 (through lxml) says to a programmer; none of it may reach a user
LIBRARY_WORDS = ("XML_PARSE_HUGE", "xmlCtxtSetMaxAmplification", "<string>", "try ", "use ")


def nested(depth: int, inner: str = para("Deep text")) -> str:
    """``inner`` inside ``depth`` levels of content controls (w:sdt/w:sdtContent pairs)."""
    pairs = depth // 2
    return "<w:sdt><w:sdtContent>" * pairs + inner + "</w:sdtContent></w:sdt>" * pairs


def with_margin(kind: str, xml: str) -> bytes:
    """A DOCX whose one section names a page header or footer part holding ``xml``."""
    tag = "hdr" if kind == "header" else "ftr"
    body = para("Jane Doe") + (
        f'<w:sectPr><w:{kind}Reference w:type="default" r:id="rM1"/></w:sectPr>'
    )
    return raw_docx(
        body,
        doc_rels=f'<Relationship Id="rM1" Type="{REL}/{kind}" Target="{kind}1.xml"/>',
        parts={f"word/{kind}1.xml": f"<w:{tag} {NSDECLS}>{xml}</w:{tag}>"},
    )


def with_styles(xml: str) -> bytes:
    return raw_docx(
        para("Jane Doe"),
        doc_rels=f'<Relationship Id="rS1" Type="{REL}/styles" Target="styles.xml"/>',
        parts={"word/styles.xml": xml},
    )


def reason(data: bytes) -> str:
    with pytest.raises(UnreadableDocumentError) as info:
        parse_docx(data, source="cv.docx")
    assert info.value.source == "cv.docx"
    message = info.value.reason
    for word in LIBRARY_WORDS:
        assert word not in message, message
    return message


@pytest.mark.parametrize(
    ("label", "data", "part"),
    [
        ("main text", raw_docx(nested(300)), "the main text (word/document.xml)"),
        ("page header", with_margin("header", nested(300)), "a page header (word/header1.xml)"),
        ("page footer", with_margin("footer", nested(300)), "a page footer (word/footer1.xml)"),
        ("styles", with_styles(f"<w:styles {NSDECLS}>" + "<w:x>" * 300 + "</w:x>" * 300
                               + "</w:styles>"), "the styles (word/styles.xml)"),
    ],
)
def test_xml_nested_too_deeply_says_so_and_names_the_part(label: str, data: bytes,
                                                         part: str) -> None:
    message = reason(data)
    assert "the document's XML is nested too deeply (more than 256 levels)" in message
    assert part in message, label
    assert "Excessive depth" not in message


def test_the_message_reaches_the_user_through_parse_document() -> None:
    with pytest.raises(UnreadableDocumentError) as info:
        parse_document(raw_docx(nested(400)), filename="deep.docx")
    assert str(info.value).startswith("deep.docx: the Word file cannot be read: ")
    assert "nested too deeply" in str(info.value)


def test_deep_but_allowed_nesting_is_read() -> None:
    doc = parse_docx(raw_docx(nested(240)), source="cv.docx")
    assert doc.text == "Deep text"


BILLION_LAUGHS = "<!DOCTYPE w:document [" + '<!ENTITY l0 "lollollollol">' + "".join(
    f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
) + "]>"
LOOP = '<!DOCTYPE w:document [<!ENTITY a "&b;"><!ENTITY b "&a;">]>'


def main_part(xml: bytes) -> bytes:
    """A DOCX whose word/document.xml is exactly ``xml``."""
    return raw_docx(para("x"), parts={"word/document.xml": xml})


@pytest.mark.parametrize(
    ("label", "data", "expected"),
    [
        ("entity bomb", raw_docx(para("&l9;"), prolog=BILLION_LAUGHS), "an 'entity bomb'"),
        ("entity loop", raw_docx(para("&a;"), prolog=LOOP), "refer to each other in a loop"),
        ("undefined entity", raw_docx(para("R&amp;D &nbsp;")),
         "uses an entity it does not define ('&nbsp;')"),
        ("bare ampersand", raw_docx(para("R&D")),
         "not well-formed XML: a '&' or '<' stands in the text"),
        ("tag not closed", raw_docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"),
         "not well-formed XML: a tag is not closed, or is closed in the wrong place"),
        ("cut short", main_part(b"<w:document " + NSDECLS.encode() + b"><w:body>"),
         "not well-formed XML: a tag is not closed"),
        ("empty part", main_part(b""), "is empty or is not XML"),
        ("not XML", main_part(b"Jane Doe, Python"), "is empty or is not XML"),
        ("bad bytes", main_part(b'<?xml version="1.0" encoding="UTF-8"?><a>\xff\xfe</a>'),
         "holds bytes or characters that are not valid text"),
        ("control character", raw_docx(para("a\x01b")),
         "holds bytes or characters that are not valid text"),
        ("unknown encoding", main_part(b'<?xml version="1.0" encoding="klingon"?><a/>'),
         "declares a text encoding this reader does not know ('klingon')"),
        ("two roots", main_part(b"<a/><b/>"), "something follows the end of the document"),
        ("attribute twice", main_part(b"<a x='1' x='2'/>"), "gives the same attribute twice"),
        ("undeclared prefix", main_part(b"<w:document/>"),
         "a namespace prefix that is not declared"),
    ],
)
def test_other_xml_errors_are_worded_for_users(label: str, data: bytes, expected: str) -> None:
    message = reason(data)
    assert expected in message, (label, message)
    assert "(word/document.xml)" in message


def test_a_position_is_given_where_it_helps() -> None:
    message = reason(raw_docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"))
    assert "(at line 1, column " in message


def test_a_broken_list_of_parts_is_named_as_such() -> None:
    data = raw_docx(para("x"), parts={"word/_rels/document.xml.rels": "<Relationships"})
    message = reason(data)
    assert "the list of the file's parts (word/_rels/document.xml.rels)" in message


def test_a_broken_page_header_is_named() -> None:
    message = reason(with_margin("header", "<w:p><w:r>"))
    assert "a page header (word/header1.xml) is not well-formed XML" in message


def test_a_broken_styles_part_is_named() -> None:
    assert "the styles (word/styles.xml) is empty or is not XML" in reason(with_styles(""))


def test_broken_footnotes_are_not_read_so_do_not_stop_the_resume() -> None:
    """Footnotes are not read (see documents.docx.reader): a broken footnotes part is never
    parsed, so it cannot make the resume unreadable."""
    data = raw_docx(
        para("Jane Doe"),
        doc_rels=f'<Relationship Id="rN1" Type="{REL}/footnotes" Target="footnotes.xml"/>',
        parts={"word/footnotes.xml": "<w:footnotes " + NSDECLS + ">" + "<w:x>" * 300},
    )
    assert parse_docx(data, source="cv.docx").text == "Jane Doe"


def test_an_unexpanded_entity_inside_a_shape_is_not_an_internal_error() -> None:
    """An external entity is left unexpanded: a node that is not an element, which the shape
    fill reader once handed to ``etree.QName`` (a raw ValueError reached the user)."""
    prolog = '<!DOCTYPE w:document [<!ENTITY ext SYSTEM "http://example.invalid/x">]>'
    shape = (
        "<w:r><w:drawing><wps:wsp><wps:spPr>&ext;<a:solidFill>&ext;<a:srgbClr val=\"000000\"/>"
        "</a:solidFill></wps:spPr></wps:wsp></w:drawing><w:t>Jane Doe</w:t></w:r>"
    )
    doc = parse_docx(raw_docx(f"<w:p>{shape}</w:p>", prolog=prolog), source="cv.docx")
    assert doc.text == "Jane Doe"


def test_a_font_size_in_superscript_digits_is_ignored_not_an_internal_error() -> None:
    """The size "\u00b2\u00b2" passes str.isdigit but int() refuses it: a raw ValueError once."""
    run = '<w:r><w:rPr><w:sz w:val="\u00b2\u00b2"/></w:rPr><w:t>Jane Doe</w:t></w:r>'
    doc = parse_docx(raw_docx(f"<w:p>{run}</w:p>"), source="cv.docx")
    assert doc.text == "Jane Doe" and doc.lines[0].font_size is None


def test_one_enormous_piece_of_text_is_too_long_to_read() -> None:
    """libxml2 refuses a text node over 10,000,000 characters unless told "XML_PARSE_HUGE";
    stored uncompressed, so the compression-ratio limit is not what is met."""
    message = reason(raw_docx(para("x" * 10_100_000), compress=zipfile.ZIP_STORED))
    assert "the main text (word/document.xml) holds a single piece of text" in message
    assert "too long to read safely" in message
