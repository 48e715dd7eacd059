"""The reading text: a document's lines joined into the one text the matcher tokenizes, and
where each line starts in it (to turn a hit back into its line for evidence)."""

from __future__ import annotations

from itertools import accumulate

from resume_checker.documents.model import Document, Line

__all__ = ["BLOCK_BREAK", "line_starts", "reading_parts", "reading_text"]

# Between blocks; spaces around the newline keep spaCy's tokenizer cache working (a chunk that
# holds a newline is tokenized the slow way every time).
BLOCK_BREAK = " \n "


def reading_text(document: Document) -> tuple[str, list[tuple[int, Line]]]:
    """The text the matcher sees, and where each line starts in it.

    Lines of one block (same page, column and origin, no heading in between) are joined by a
    space; blocks are separated by a newline token, which no pattern crosses.
    """
    text, parts = reading_parts(document)
    return text, list(zip(line_starts(parts), document.lines, strict=True))


def reading_parts(document: Document) -> tuple[str, list[str]]:
    """:func:`reading_text`'s text, and the parts it joins: each line's text (the lines in
    ``document.lines`` order), then the gap before the next line.

    The matcher builds this text for every resume it checks but needs where lines start only
    for evidence (see :func:`line_starts`), so this loop does nothing more.
    """
    parts: list[str] = []
    add = parts.append
    previous: Line | None = None
    for page in document.pages:  # document.lines, without building the tuple
        for line in page.lines:
            if previous is not None:
                same_block = (
                    line.page == previous.page
                    and line.column == previous.column
                    and line.origin == previous.origin
                    and not line.is_heading
                    and not previous.is_heading
                )
                add(" " if same_block else BLOCK_BREAK)
            add(line.text)
            previous = line
    return "".join(parts), parts


def line_starts(parts: list[str]) -> list[int]:
    """Where each line starts in the text :func:`reading_parts` joined from ``parts``."""
    return list(accumulate(map(len, parts), initial=0))[0::2] if parts else []
