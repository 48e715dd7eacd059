"""Hidden text (keyword stuffing a reader cannot see) and content drawn as images.

The PDF and DOCX parsers move text no reader can see (white on the page, under 4 pt, off the
page, under an image, formatted with Word's Hidden effect) into `Document.hidden_lines`; here
each page with some becomes one finding that quotes the hidden words, so the candidate can
see what an ATS would have read.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from resume_checker.checks.model import CheckContext, Finding
from resume_checker.documents.model import Severity

EVIDENCE_CHARS = 300   # hidden words quoted per finding, at most
#: a page's hidden text is reported only when a word of it has this many letters: stray
#: initials in an emptied monogram or a glyph that overflows the page edge are not stuffing
#: (they are still kept out of the score)
MIN_WORD_LETTERS = 3

_HOW = {
    "white_text": "drawn in white (or nearly) on a white page",
    "tiny_text": "set in a font under 4 points",
    "off_page": "placed outside the page's visible area",
    "covered": "covered by an image drawn over it",
    "vanish": "formatted as hidden text (Word's Hidden font effect)",
}


def check_hidden_text(ctx: CheckContext) -> Iterator[Finding]:
    """One error per page that holds text no reader can see."""
    for page, group in groupby(ctx.document.hidden_lines, key=lambda line: line.page):
        lines = list(group)
        if not any(sum(c.isalpha() for c in word) >= MIN_WORD_LETTERS
                   for line in lines for word in line.text.split()):
            continue
        reasons = list(dict.fromkeys(line.hidden or "" for line in lines))
        words = " ".join(line.text for line in lines)
        count = len(words.split())
        evidence = words if len(words) <= EVIDENCE_CHARS else words[:EVIDENCE_CHARS - 1] + "…"
        how = "; ".join(_HOW.get(r, r) for r in reasons)
        yield Finding(
            code="hidden_text",
            severity=Severity.ERROR,
            title=f"Hidden text on page {page} ({count} word{'s' if count != 1 else ''})",
            explanation=(
                f"Text a reader cannot see ({how}) is still read by an ATS.  Recruiters and "
                "many ATS treat it as keyword stuffing; this checker leaves it out of the score."
            ),
            fix="Delete the hidden text; put the skills you really have in a visible Skills "
            "section instead.",
            page=page,
            line=lines[0].number,
            evidence=evidence,
        )


def check_images(ctx: CheckContext) -> Iterator[Finding]:
    """Pages with text that also show images: whatever the images say, an ATS does not read."""
    doc = ctx.document
    pictured = [p for p in doc.pages if p.image_count and p.lines]
    if not pictured:
        return
    total = sum(p.image_count for p in pictured)
    pages = ", ".join(str(p.number) for p in pictured)
    yield Finding(
        code="images",
        severity=Severity.INFO,
        title=f"{total} image{'s' if total != 1 else ''} or graphic{'s' if total != 1 else ''}",
        explanation=(
            f"Page(s) {pages} show images (photos, logos, icons, charts or skill bars).  An ATS "
            "reads none of the words or levels they show."
        ),
        fix="Make sure every skill, title and contact detail is also written as text; leave "
        "out a photo unless the country's custom asks for one.",
        page=pictured[0].number,
        evidence=f"{total} image(s) on page(s) {pages}",
    )
