"""Length: too short to be found, longer than recruiters read, a file too big to upload."""

from __future__ import annotations

from collections.abc import Iterator

from resume_checker.checks.model import CheckContext, Finding
from resume_checker.documents.model import Section, Severity

MIN_WORDS = 200
LONG_WORDS = 1200
VERY_LONG_WORDS = 2000
LONG_PAGES = 2
VERY_LONG_PAGES = 3
MB = 1024 * 1024
BIG_FILE = 2 * MB
TOO_BIG_FILE = 5 * MB


def _is_academic(ctx: CheckContext) -> bool:
    """A CV with publications, or one that calls itself a curriculum vitae, may run long."""
    lines = ctx.document.lines
    if any(ln.is_heading and ln.section is Section.PUBLICATIONS for ln in lines):
        return True
    return any("curriculum vitae" in ln.text.lower() for ln in lines[:5])


def check_length(ctx: CheckContext) -> Iterator[Finding]:
    doc = ctx.document
    words = doc.word_count
    pages = max(doc.page_count, len(doc.pages))
    if doc.has_text and words < MIN_WORDS:
        yield Finding(
            code="too_short",
            severity=Severity.WARNING,
            title="Very short resume",
            explanation=(
                f"Only {words} words were read.  Keyword screening rewards resumes that "
                "describe each role's tools and results; a short one matches few terms."
            ),
            fix="Describe each role in 3-6 bullet points naming the tools, skills and results.",
            evidence=f"{words} words",
        )
    elif (pages > LONG_PAGES or words > LONG_WORDS) and not _is_academic(ctx):
        very = pages > VERY_LONG_PAGES or words > VERY_LONG_WORDS
        yield Finding(
            code="long_resume",
            severity=Severity.WARNING if very else Severity.INFO,
            title="Long resume",
            explanation=(
                f"{pages} page(s) and {words} words.  Recruiters skim; one to two pages "
                "(about 400-1,000 words) is usual outside academia."
            ),
            fix="Trim older roles to one line each and keep the last 10-15 years in detail.",
            evidence=f"{pages} pages, {words} words",
        )
    if doc.byte_size > BIG_FILE:
        size = doc.byte_size / MB
        yield Finding(
            code="large_file",
            severity=Severity.WARNING if doc.byte_size > TOO_BIG_FILE else Severity.INFO,
            title="Large file",
            explanation=(
                f"The file is {size:.1f} MB; many application portals refuse uploads over "
                "2-5 MB.  Large resumes usually hold big images or embedded fonts."
            ),
            fix="Remove or compress images and export again ('reduce file size' / 'minimum size').",
            evidence=f"{size:.1f} MB",
        )
