"""The checked-in samples are exactly what samples/make_samples.py generates, and each one
shows the layout feature it was made for (checked with pdfplumber, pypdfium2, python-docx)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import docx
import pdfplumber
import pypdfium2 as pdfium
import pytest
from locations import SAMPLES
from lxml import etree

GENERATED = (".pdf", ".docx", ".txt")
sys.path.insert(0, str(SAMPLES))
from expectations import JOB_AD_SPLIT, TEXT_TERMS  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {
    "w": W[1:-1],
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}

# Surface forms of the plain term names used in TEXT_TERMS (case-insensitive unless (?-i)).
PATTERNS: dict[str, str] = {
    "PyTorch": r"\bpytorch\b", "JAX": r"\bjax\b", "TensorFlow": r"\btensorflow\b",
    "CUDA": r"\bcuda\b", "TensorRT": r"\btensorrt\b", "GPU": r"\bgpus?\b", "TPU": r"\btpus?\b",
    "Transformers": r"\btransformers?\b", "CNN": r"\bcnns?\b", "RNN": r"\brnns?\b",
    "GAN": r"\bgans?\b", "Mixture of Experts": r"\bmixture[ -]of[ -]experts\b|\bmoe\b",
    "Vision Transformers": r"\bvision transformers?\b",
    "Neural Architecture Search": r"\bneural architecture search\b|\bnas\b",
    "Quantization-Aware Training": r"\bquantization[ -]aware training\b|\bqat\b",
    "Distributed Training": r"\bdistributed training\b",
    "Flash Attention": r"\bflash[ -]?attention\b",
    "Multi-Head Attention": r"\bmulti[ -]?head attention\b",
    "Low-Latency Inference": r"\blow[ -]latency inference\b",
    "Federated Learning": r"\bfederated learning\b",
    "NeurIPS": r"\bneurips\b", "ICML": r"\bicml\b", "ICLR": r"\biclr\b",
    "PhD": r"\bph\.?d\b", "Master's": r"\bmaster'?s\b",
    "Deep Learning Specialization": r"\bdeep learning specialization\b",
    "NVIDIA DLI": r"\bnvidia dli\b", "Google Brain Residency": r"\bgoogle brain residency\b",
    "OpenAI Scholars Program": r"\bopenai scholars\b",
    "CS231n": r"\bcs231n\b", "CS224n": r"\bcs224n\b",
    "Linear Algebra": r"\blinear algebra\b", "Calculus": r"\bcalculus\b",
    "Probability": r"\bprobability\b", "Information Theory": r"\binformation theory\b",
    "Python": r"\bpython\b", "C++": r"(?<!\w)c\+\+",
    "Java": r"\bjava\b", "JavaScript": r"\bjavascript\b", "TypeScript": r"\btypescript\b",
    "React": r"\breact\b", "Node.js": r"\bnode\.js\b",
    "R": r"(?-i:(?<![\w&.])R(?![\w&+]))",
}


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    text = text.replace("(cid:127)", "\u2022")  # reportlab's WinAnsi bullet, unmapped by pdfminer
    return re.sub(r"(?<=[A-Za-z])-\n(?=[a-z])", "", text)


def _docx_paragraphs(data: bytes) -> list[str]:
    """Text of every paragraph in every part: body, tables, headers, text boxes (once)."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(n for n in z.namelist() if re.match(r"word/\w+\.xml$", n)):
            root = etree.fromstring(z.read(name))
            for p in root.iter(f"{W}p"):
                if p.xpath("ancestor::mc:Fallback", namespaces=NS):
                    continue  # the VML copy of a text box
                own = [t for t in p.iter(f"{W}t") if next(t.iterancestors(f"{W}p")) is p]
                out.append("".join(t.text or "" for t in own))
    return out


@cache
def sample_text(name: str) -> str:
    data = (SAMPLES / name).read_bytes()
    if name.endswith(".pdf"):
        return _pdf_text(data)
    if name.endswith(".docx"):
        return "\n".join(_docx_paragraphs(data))
    return data.decode("utf-8")


def _found(term: str, text: str) -> bool:
    return re.search(PATTERNS[term], text, re.IGNORECASE) is not None


# -- reproducibility ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    subprocess.run(
        [sys.executable, str(SAMPLES / "make_samples.py"), "--out", str(out)],
        check=True, capture_output=True,
    )
    return out


def test_samples_are_reproducible(regenerated: Path) -> None:
    made = sorted(p.name for p in regenerated.iterdir() if p.suffix in GENERATED)
    shipped = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in GENERATED)
    assert made == shipped
    assert len([n for n in made if n.endswith((".pdf", ".docx"))]) >= 8
    for name in made:
        assert (regenerated / name).read_bytes() == (SAMPLES / name).read_bytes(), name


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.docx")))
def test_docx_zip_and_core_properties_are_fixed(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {info.date_time for info in z.infolist()} == {(2024, 1, 1, 0, 0, 0)}
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.author == "resume-checker samples"
    assert props.created.year == props.modified.year == 2024


# -- what each file holds ----------------------------------------------------------------------


def test_every_term_name_has_a_pattern() -> None:
    names = {t for e in TEXT_TERMS.values() for k in ("must_find", "must_miss") for t in e[k]}
    assert names <= set(PATTERNS), sorted(names - set(PATTERNS))
    assert set(TEXT_TERMS) == {p.name for p in SAMPLES.iterdir() if p.suffix in GENERATED}


@pytest.mark.parametrize("name", sorted(TEXT_TERMS))
def test_text_holds_and_lacks_the_listed_terms(name: str) -> None:
    text = sample_text(name)
    missing = [t for t in TEXT_TERMS[name]["must_find"] if not _found(t, text)]
    present = [t for t in TEXT_TERMS[name]["must_miss"] if _found(t, text)]
    assert not missing, f"{name}: listed in must_find but not in the text: {missing}"
    assert not present, f"{name}: listed in must_miss but in the text: {present}"


def test_traps_java_and_r_are_really_there() -> None:
    text = sample_text("weak_fit.pdf")
    assert "JavaScript" in text and "R&D" in text
    assert not _found("Java", text) and not _found("R", text)
    assert _found("R", "skills: Python, R, SQL") and not _found("Java", "JavaScript")


@pytest.mark.parametrize("name", sorted(JOB_AD_SPLIT))
def test_job_ads_split_requirements_from_nice_to_haves(name: str) -> None:
    text = sample_text(name)
    required, _, rest = text.partition("\nRequirements\n")[2].partition("\nNice to have\n")
    assert required and rest, "both headings must be on lines of their own"
    preferred = rest.partition("\nHow to apply\n")[0]
    for term in JOB_AD_SPLIT[name]["required"]:
        assert _found(term, required) and not _found(term, preferred), term
    for term in JOB_AD_SPLIT[name]["preferred"]:
        assert _found(term, preferred) and not _found(term, required), term


# -- layout features ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.pdf")))
def test_pdfs_are_one_or_two_letter_pages_with_fixed_metadata(name: str) -> None:
    with pdfplumber.open(SAMPLES / name) as pdf:
        assert 1 <= len(pdf.pages) <= 2
        assert all((p.width, p.height) == (612, 792) for p in pdf.pages)
        assert pdf.metadata["Author"] == "resume-checker samples"
        assert pdf.metadata["CreationDate"].startswith("D:2000")  # reportlab invariant mode


def test_strong_pdf_has_the_standard_headings_as_lines() -> None:
    lines = set(sample_text("strong_fit.pdf").splitlines())
    for heading in ("Summary", "Experience", "Education", "Skills", "Certifications",
                    "Publications"):
        assert heading in lines


def test_two_column_pdf_draws_the_sidebar_first_and_apart() -> None:
    with pdfplumber.open(SAMPLES / "two_column.pdf") as pdf:
        words = pdf.pages[0].extract_words()
        stream = "".join(c["text"] for c in pdf.pages[0].chars)  # content-stream order
    x0 = {w["text"]: w["x0"] for w in words}
    assert stream.index("Certifications") < stream.index("Experience")
    assert x0["Certifications"] < 200 < x0["Experience"]
    side = [w for w in words if w["x0"] < 200]
    main = [w for w in words if w["x0"] >= 200]
    assert max(w["x1"] for w in side) < min(w["x0"] for w in main)
    # both columns share heights, so a naive left-to-right reading interleaves them
    assert {round(w["top"]) for w in side} & {round(w["top"]) for w in main}
    text = pdfium.PdfDocument(SAMPLES / "two_column.pdf")[0].get_textpage().get_text_range()
    assert text.index("Certifications") < text.index("Experience")


def test_hyphenated_pdf_breaks_words_at_justified_line_ends() -> None:
    with pdfplumber.open(SAMPLES / "hyphenated.pdf") as pdf:
        page = pdf.pages[0]
        raw = page.extract_text()
        lines = page.extract_text_lines()
    for head, tail in (("Trans-", "formers"), ("distrib-", "uted"), ("quanti-", "zation-aware")):
        assert re.search(rf"{re.escape(head)}\n{tail}\b", raw), head
    assert not re.search(r"transformers|distributed|quantization", raw, re.IGNORECASE)
    broken = [ln for ln in lines if ln["text"].endswith("-")]
    assert len(broken) == 3 and all(abs(ln["x1"] - 522) < 0.5 for ln in broken)


def test_table_docx_nests_a_table_and_keeps_contact_in_the_header() -> None:
    document = docx.Document(SAMPLES / "skills_table_header_contact.docx")
    (table,) = document.tables
    assert len(table.columns) == 3
    nested = [t for row in table.rows for cell in row.cells for t in cell.tables]
    assert len(nested) == 1 and "JAX" in {c.text for r in nested[0].rows for c in r.cells}
    header = document.sections[0].header.paragraphs[0].text
    assert "@example.com" in header and "555-" in header and "linkedin.com/in/" in header
    body = "\n".join(p.text for p in document.paragraphs)
    body += "\n".join(c.text for r in table.rows for c in r.cells)
    assert "@example.com" not in body and "555-" not in body and "Halvorsen" not in body
    assert "JAX" not in body  # only in the nested table


def test_textbox_docx_is_written_as_word_writes_it() -> None:
    data = (SAMPLES / "textbox.docx").read_bytes()
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    (alt,) = root.xpath("//mc:AlternateContent", namespaces=NS)
    choice = alt.xpath("mc:Choice[@Requires='wps']//wps:txbx/w:txbxContent", namespaces=NS)
    fallback = alt.xpath("mc:Fallback//v:textbox/w:txbxContent", namespaces=NS)
    assert len(choice) == len(fallback) == 1
    texts = ["".join(box.itertext()) for box in (choice[0], fallback[0])]
    assert texts[0] == texts[1] and "CUDA" in texts[0] and "TensorRT" in texts[0]
    paragraphs = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "CUDA" not in paragraphs and "TensorRT" not in paragraphs
    assert sample_text("textbox.docx").count("TensorRT") == 1  # the fallback copy is skipped


def test_strong_docx_uses_heading_styles() -> None:
    document = docx.Document(SAMPLES / "strong_fit.docx")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Summary", "Experience", "Education", "Skills", "Certifications",
                        "Publications"]
    assert document.paragraphs[0].style.name == "Title"


def test_plain_resume_is_utf8_with_non_ascii() -> None:
    text = (SAMPLES / "plain_resume.txt").read_text(encoding="utf-8")
    assert "José Ibáñez Rivera" in text and "•" in text and "\r" not in text
