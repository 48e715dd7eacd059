"""Turn what a format parser read (raw lines) into the one Document model.

Every parser ends here, so clean-up, hyphen joining, the character limit and section
labels are applied the same way whatever the format.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from resume_checker.documents.lookalikes import Folded, fold_lookalikes
from resume_checker.documents.model import (
    BBox,
    Document,
    FoldedWord,
    Line,
    Notice,
    Origin,
    Page,
    Severity,
)
from resume_checker.documents.normalize import join_broken_words, normalize_line
from resume_checker.documents.sections import label_sections
from resume_checker.limits import DEFAULT_LIMITS, Limits


@dataclass(slots=True)
class RawLine:
    """A line as a format parser read it, before clean-up."""

    text: str
    origin: Origin = Origin.BODY
    bbox: BBox | None = None
    font_size: float | None = None
    bold: bool | None = None
    column: int = 0
    font: str | None = None  # font family, where known (see Line.font)


@dataclass(slots=True)
class RawPage:
    number: int
    lines: list[RawLine] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    image_count: int = 0


def build_document(
    *,
    source: str,
    fmt: str,
    data: bytes,
    pages: Sequence[RawPage],
    notices: Sequence[Notice] = (),
    page_count: int | None = None,
    metadata: Sequence[tuple[str, str]] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Normalise, join broken words, apply the character limit and label sections."""
    notices = list(notices)
    cleaned_pages: list[tuple[RawPage, list[RawLine], list[str], list[tuple[Folded, ...]]]] = []
    budget = limits.max_chars
    truncated_at: int | None = None
    for page in pages:
        kept: list[RawLine] = []
        texts: list[str] = []
        for raw in page.lines:
            text = normalize_line(raw.text)
            if not text:
                continue
            if budget <= 0:
                truncated_at = truncated_at or page.number
                break
            if len(text) > budget:
                text = text[:budget]
                truncated_at = truncated_at or page.number
            budget -= len(text)
            kept.append(raw)
            texts.append(text)
        joined = join_broken_words(texts)
        # Look-alike letters of another script are read as the Latin word they show (after the
        # joins, so a folded word is whole; before the section labels, so headings are known).
        folds: list[tuple[Folded, ...]] = [()] * len(joined)
        for i, text in enumerate(joined):
            if not text.isascii():
                joined[i], folds[i] = fold_lookalikes(text)
        cleaned_pages.append((page, kept, joined, folds))
    if truncated_at is not None:
        notices.append(
            Notice(
                code="text_limit",
                message=(
                    f"only the first {limits.max_chars:,} characters were read "
                    f"(the limit was reached on page {truncated_at}); the rest was not checked"
                ),
                severity=Severity.WARNING,
                page=truncated_at,
                fix="shorten the resume; two pages is usual",
            )
        )

    # Section labels run across pages: a heading on page 1 still governs page 2.
    all_texts = [t for _, _, texts, _ in cleaned_pages for t in texts]
    labels = label_sections(all_texts)
    at = 0
    out_pages: list[Page] = []
    folded: list[FoldedWord] = []
    for page, kept, texts, folds in cleaned_pages:
        lines: list[Line] = []
        number = page.number
        page_labels = labels[at : at + len(kept)]
        at += len(kept)
        for raw, text, (section, is_heading), words in zip(
            kept, texts, page_labels, folds, strict=True
        ):
            if not text:  # the whole line was the tail of a word joined to the line before
                continue
            if words:
                folded.extend(FoldedWord(w.original, w.folded, number, len(lines) + 1, w.start)
                              for w in words)
            # By position (text, page, number, section, is_heading, origin, bbox, font_size,
            # bold, column, hidden, font): a third cheaper than by keyword, for every line.
            lines.append(
                Line(text, number, len(lines) + 1, section, is_heading, raw.origin, raw.bbox,
                     raw.font_size, raw.bold, raw.column, None, raw.font)
            )
        out_pages.append(
            Page(
                number=page.number,
                lines=tuple(lines),
                width=page.width,
                height=page.height,
                image_count=page.image_count,
            )
        )
    return Document(
        source=source,
        format=fmt,
        pages=tuple(out_pages),
        notices=tuple(notices),
        sha256=hashlib.sha256(data).hexdigest(),
        byte_size=len(data),
        page_count=page_count if page_count is not None else len(out_pages),
        metadata=tuple(metadata),
        folded_words=tuple(folded),
    )
