"""Kerned glyphs do not split words; Chromium-printed resumes read whole.

Regression for issue 16: Chromium (Skia) PDFs came out as "f rom", "unif orm", "Sof tware".
A line whose words are parted by real space characters shows how wide its word gaps are; a
gap left by a kerned glyph is nearer the letter gaps, so it is no word break.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from resume_checker.documents.pdf import parse_pdf
from tests.pdf_fixtures import raw_pdf, tj

CHROMIUM = "/usr/bin/chromium"


def _texts(data: bytes) -> list[str]:
    return [line.text for line in parse_pdf(data, source="kerned.pdf").lines]


@pytest.mark.parametrize("shift", [120, 150, 180])
@pytest.mark.parametrize("size", [9, 11, 14])
def test_gaps_after_a_kerned_f_are_not_spaces(shift: int, size: float) -> None:
    """TJ moves the glyph after "f" right by ``shift`` thousandths of an em."""
    items = ["Sof", -shift, "tware engineer f", -shift, "rom a unif", -shift,
             "orm team of co", -shift, "ff", -shift, "ee lovers"]
    assert _texts(raw_pdf([tj(50, 700, items, size=size)])) == [
        "Software engineer from a uniform team of coffee lovers"]


def test_real_word_gaps_next_to_kerned_glyphs_stay() -> None:
    """A word space drawn as a gap (no space char) as wide as a space is still a break."""
    items = ["Sof", -150, "tware engineer since", -300, "January at a f", -150,
             "irm in Boston"]
    assert _texts(raw_pdf([tj(50, 700, items)])) == [
        "Software engineer since January at a firm in Boston"]


HTML = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ font-family: {family}; font-size: {size}pt; font-kerning: normal;
       text-rendering: optimizeLegibility; }}
h2 {{ letter-spacing: 2px; font-size: 13pt; }}
</style></head><body>
<h1>Jane Official</h1>
<h2>PROFESSIONAL EXPERIENCE</h2>
<p>Software engineer from Boston with a uniform record of coffee-fuelled delivery since January.</p>
<p>Staff Software Engineer at Effortless Inc, offshore platform efforts, affiliate traffic,
fifty different clients, first-class office software, difficult efficiency fixes.</p>
<p>Profile: github.com/jane-official, TensorFlow, PyTorch, AWS, Wave, Yoga, LTV.</p>
</body></html>
"""
EXPECTED = ("software engineer from boston with a uniform record of coffee-fuelled delivery since "
         "january staff software engineer at effortless inc offshore platform efforts affiliate "
         "traffic fifty different clients first-class office software difficult efficiency "
         "fixes profile github.com/jane-official tensorflow pytorch aws wave yoga ltv "
         "jane official professional experience")
WORDS = EXPECTED.split()


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM),
                    reason=f"{CHROMIUM} is absent: apt-get install chromium to run this test")
@pytest.mark.parametrize("family", ["'Liberation Serif'", "'Liberation Sans'", "'DejaVu Sans'"])
@pytest.mark.parametrize("size", [9.5, 11])
def test_chromium_printed_resume_reads_whole(tmp_path: Path, family: str, size: float) -> None:
    page = tmp_path / "resume.html"
    page.write_text(HTML.format(family=family, size=size), encoding="utf-8")
    out = tmp_path / "resume.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={out}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    text = " ".join(_texts(out.read_bytes())).casefold()
    got = sorted(w.strip(".,:") for w in text.split())
    assert got == sorted(w.strip(".,:") for w in WORDS)
