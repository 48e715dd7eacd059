"""Hidden text in Word files: kept out of the lines like the PDF path, quoted, scored on request."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor
from docx_fixtures import NSDECLS, para, raw_docx
from findings_fixtures import STUFFED, VISIBLE

from resume_checker.api import DEFAULT_SET, check_document
from resume_checker.documents import parse_document
from resume_checker.documents.model import Document, Origin
from resume_checker.render import render

TODAY = date(2026, 1, 1)
SKILLS = VISIBLE[-1]  # "Python, PyTorch, NumPy, Docker"
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
Build = Callable[[docx.document.Document], None]


def resume(extra: Build | None = None) -> bytes:
    """The shared visible resume as a Word file, with ``extra`` applied before saving."""
    doc = docx.Document()
    for line in VISIBLE:
        doc.add_paragraph(line)
    if extra is not None:
        extra(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def stuffed_paragraph(**font: object) -> Build:
    """A paragraph at the end holding the stuffed keywords with the given font settings."""
    def build(doc: docx.document.Document) -> None:
        run = doc.add_paragraph().add_run(STUFFED)
        for name, value in font.items():
            setattr(run.font, name, value)
    return build


def parse(data: bytes) -> Document:
    return parse_document(data, filename="r.docx")


def hidden(doc: Document) -> list[tuple[str | None, str]]:
    return [(line.hidden, line.text) for line in doc.hidden_lines]


def test_white_run_in_a_visible_paragraph_becomes_its_own_hidden_line() -> None:
    def build(doc: docx.document.Document) -> None:
        skills = doc.paragraphs[-1]
        skills.add_run(" TensorFlow JAX").font.color.rgb = WHITE
        skills.add_run(", Git")
        skills.add_run(" Kubernetes").font.color.rgb = WHITE

    doc = parse(resume(build))
    assert doc.lines[-1].text == SKILLS + ", Git"
    # hidden runs apart in the paragraph stay apart: "JAX Kubernetes", not "JAXKubernetes"
    assert hidden(doc) == [("white_text", "TensorFlow JAX Kubernetes")]
    line = doc.hidden_lines[0]
    assert line.page == 1 and line.number == len(doc.pages[0].lines) + 1
    assert "TensorFlow" not in doc.text and "TensorFlow" in doc.with_hidden().text


@pytest.mark.parametrize("rgb", ["FFFFFF", "FAFAFA", "EBEBEB"])
def test_a_whole_white_or_near_white_paragraph_is_hidden(rgb: str) -> None:
    doc = parse(resume(_coloured(rgb)))
    assert hidden(doc) == [("white_text", STUFFED)]
    assert [line.text for line in doc.lines] == list(VISIBLE)


@pytest.mark.parametrize("rgb", ["EAEAEA", "FFFF00", "808080"])
def test_light_but_readable_colours_are_visible(rgb: str) -> None:
    doc = parse(resume(_coloured(rgb)))
    assert doc.hidden_lines == () and doc.lines[-1].text == STUFFED


def _coloured(rgb: str) -> Build:
    def build(doc: docx.document.Document) -> None:
        doc.add_paragraph().add_run(STUFFED).font.color.rgb = RGBColor.from_string(rgb)
    return build


def test_automatic_colour_is_not_white() -> None:
    body = para("Jane Example") + (
        f'<w:p><w:r><w:rPr><w:color w:val="auto"/></w:rPr><w:t>{STUFFED}</w:t></w:r></w:p>')
    assert parse(raw_docx(body)).hidden_lines == ()


def test_vanish_by_direct_formatting() -> None:
    doc = parse(resume(stuffed_paragraph(hidden=True)))
    assert hidden(doc) == [("vanish", STUFFED)]


def test_vanish_by_character_style_and_by_paragraph_style() -> None:
    def build(doc: docx.document.Document) -> None:
        char = doc.styles.add_style("Quiet", WD_STYLE_TYPE.CHARACTER)
        char.font.hidden = True
        doc.paragraphs[-1].add_run(" TensorFlow", style="Quiet")
        base = doc.styles.add_style("Hushed", WD_STYLE_TYPE.PARAGRAPH)
        base.font.hidden = True
        child = doc.styles.add_style("Hushed Child", WD_STYLE_TYPE.PARAGRAPH)
        child.base_style = base  # inherited through basedOn
        doc.add_paragraph("JAX Kubernetes", style="Hushed Child")
        shown = doc.add_paragraph(style="Hushed Child").add_run("Visible again")
        shown.font.hidden = False  # the run's own setting wins over its style

    doc = parse(resume(build))
    assert hidden(doc) == [("vanish", "TensorFlow"), ("vanish", "JAX Kubernetes")]
    assert [line.text for line in doc.lines][-2:] == [SKILLS, "Visible again"]


def test_one_point_text_is_tiny_but_four_points_is_not() -> None:
    doc = parse(resume(stuffed_paragraph(size=Pt(1))))
    assert hidden(doc) == [("tiny_text", STUFFED)]
    assert parse(resume(stuffed_paragraph(size=Pt(4)))).hidden_lines == ()


def test_white_and_tiny_counts_as_white_like_the_pdf_path() -> None:
    doc = parse(resume(_white_tiny))
    assert hidden(doc) == [("white_text", STUFFED)]


def _white_tiny(doc: docx.document.Document) -> None:
    run = doc.add_paragraph().add_run(STUFFED)
    run.font.color.rgb = WHITE
    run.font.size = Pt(1)


WHITE_RUN = f'<w:r><w:rPr><w:color w:val="FFFFFF"/>{{rpr}}</w:rPr><w:t>{STUFFED}</w:t></w:r>'


@pytest.mark.parametrize(
    ("body", "extra"),
    [
        # paragraph shading
        ('<w:p><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:pPr>'
         + WHITE_RUN.format(rpr="") + "</w:p>", ""),
        # the run's own shading, and a highlight
        ("<w:p>" + WHITE_RUN.format(rpr='<w:shd w:val="clear" w:fill="000000"/>') + "</w:p>", ""),
        ("<w:p>" + WHITE_RUN.format(rpr='<w:highlight w:val="darkBlue"/>') + "</w:p>", ""),
        # solid pattern: the pattern colour (automatic: black) covers the fill
        ('<w:p><w:pPr><w:shd w:val="solid" w:color="auto" w:fill="FFFFFF"/></w:pPr>'
         + WHITE_RUN.format(rpr="") + "</w:p>", ""),
        # a dark table cell (the name bar of many templates)
        ('<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:fill="2E4053"/></w:tcPr><w:p>'
         + WHITE_RUN.format(rpr="") + "</w:p></w:tc></w:tr></w:tbl>", ""),
        # a dark page colour
        ("<w:p>" + WHITE_RUN.format(rpr="") + "</w:p>", '<w:background w:color="222222"/>'),
        # a shape behind the text (a sidebar rectangle)
        ("<w:p><w:r><w:drawing><wp:anchor behindDoc=\"1\"><wp:extent cx=\"1\" cy=\"1\"/>"
         "</wp:anchor></w:drawing></w:r></w:p><w:p>" + WHITE_RUN.format(rpr="") + "</w:p>", ""),
    ],
    ids=["paragraph", "run", "highlight", "solid", "cell", "page", "shape"],
)
def test_white_text_on_a_dark_backdrop_is_visible(body: str, extra: str) -> None:
    document = (f"<w:document {NSDECLS}>{extra}<w:body>{para('Jane Example')}{body}"
                "</w:body></w:document>")
    doc = parse(raw_docx("", parts={"word/document.xml": document}))
    assert doc.hidden_lines == ()
    assert STUFFED in doc.text


def test_white_paragraph_shading_inside_a_dark_cell_hides_white_text() -> None:
    """The innermost backdrop is what the text sits on."""
    body = ('<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:fill="2E4053"/></w:tcPr>'
            '<w:p><w:pPr><w:shd w:val="clear" w:fill="FFFFFF"/></w:pPr>'
            + WHITE_RUN.format(rpr="") + "</w:p></w:tc></w:tr></w:tbl>")
    assert hidden(parse(raw_docx(para("Jane Example") + body))) == [("white_text", STUFFED)]


def test_hidden_run_in_a_table_row_and_in_the_header() -> None:
    def build(doc: docx.document.Document) -> None:
        table = doc.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Acme Corp"
        cell = table.cell(0, 1).paragraphs[0]
        cell.add_run("2019 - 2023")
        cell.add_run(" CUDA").font.hidden = True
        doc.sections[0].header.paragraphs[0].add_run("ONNX TensorRT").font.size = Pt(1)

    doc = parse(resume(build))
    assert (Origin.TABLE, "Acme Corp | 2019 - 2023") in [(x.origin, x.text) for x in doc.lines]
    assert hidden(doc) == [("vanish", "CUDA"), ("tiny_text", "ONNX TensorRT")]
    assert doc.hidden_lines[1].origin is Origin.HEADER


def test_hidden_lines_are_numbered_after_their_own_page() -> None:
    def build(doc: docx.document.Document) -> None:
        doc.add_page_break()
        doc.add_paragraph("Projects")
        doc.add_paragraph().add_run(STUFFED).font.color.rgb = WHITE
        doc.add_paragraph("Open-source detector")

    doc = parse(resume(build))
    assert len(doc.pages) == 2 and hidden(doc) == [("white_text", STUFFED)]
    assert (doc.hidden_lines[0].page, doc.hidden_lines[0].number) == (2, 3)


def test_plain_resume_has_no_hidden_text() -> None:
    assert parse(resume()).hidden_lines == ()


def _report(data: bytes, **kwargs: bool):  # type: ignore[no-untyped-def]
    return check_document(parse(data), DEFAULT_SET, today=TODAY, **kwargs)


def test_stuffing_does_not_raise_the_score_unless_asked() -> None:
    clean = _report(resume())
    stuffed = _report(resume(_white_tiny))
    assert stuffed.score == clean.score
    assert [m.term for m in stuffed.matched] == [m.term for m in clean.matched]
    kept = _report(resume(_white_tiny), include_hidden=True)
    assert kept.hidden_included and kept.score.value > stuffed.score.value
    assert "TensorFlow" in {m.term for m in kept.matched}


@pytest.mark.parametrize(("build", "how"), [
    (_white_tiny, "white"), (stuffed_paragraph(hidden=True), "hidden"),
    (stuffed_paragraph(size=Pt(1)), "under 4 points"),
])
def test_the_finding_quotes_the_hidden_words(build: Build, how: str) -> None:
    report = _report(resume(build))
    finding = next(f for f in report.findings if f.code == "hidden_text")
    assert finding.page == 1 and finding.severity.value == "error"
    assert "TensorFlow JAX Kubernetes" in (finding.evidence or "")
    assert how in finding.explanation


def test_the_json_ats_view_flags_the_hidden_lines() -> None:
    data = json.loads(render(_report(resume(stuffed_paragraph(hidden=True))), "json"))
    flagged = [(a["text"], a["hidden"]) for a in data["ats_view"] if a["hidden"]]
    assert flagged == [(STUFFED, "vanish")]
    assert data["ats_view"][-1]["hidden"] == "vanish"



def test_a_malformed_page_colour_counts_as_white() -> None:
    document = (f'<w:document {NSDECLS}><w:background w:color="ZZZZZZ"/><w:body>'
                f'{para("Jane Example")}<w:p>{WHITE_RUN.format(rpr="")}</w:p></w:body>'
                "</w:document>")
    doc = parse(raw_docx("", parts={"word/document.xml": document}))
    assert hidden(doc) == [("white_text", STUFFED)]
