"""Words that mix Latin letters with Cyrillic or Greek look-alikes ("PyT\u043erch").

The parser reads such a word as the Latin word it shows, so it is matched and scored (see
:mod:`resume_checker.documents.lookalikes`) and records it as written
(``Document.folded_words``); this check tells the user, because an ATS that searches for the
exact letters misses the word, and some treat look-alike letters as an attempt to hide or fake
keywords.
"""

from __future__ import annotations

from collections.abc import Iterator

from resume_checker.checks.model import CheckContext, Finding
from resume_checker.documents.lookalikes import script_of
from resume_checker.documents.model import FoldedWord, Severity

#: words named in the evidence; the rest are counted
SHOWN_WORDS = 5


def check_lookalikes(ctx: CheckContext) -> Iterator[Finding]:
    """`mixed_script`: one finding for the document, at the first such word."""
    words = ctx.document.folded_words
    if not words:
        return
    counts: dict[str, int] = {}
    first: dict[str, FoldedWord] = {}
    for word in words:
        counts[word.original] = counts.get(word.original, 0) + 1
        first.setdefault(word.original, word)
    shown = [_describe(first[w], counts[w]) for w in list(counts)[:SHOWN_WORDS]]
    more = len(counts) - SHOWN_WORDS
    if more > 0:
        shown.append(f"and {more} more")
    yield Finding(
        code="mixed_script",
        severity=Severity.WARNING,
        title="Words mixing Latin with Cyrillic or Greek letters",
        explanation=(
            f"{_words(len(counts))} Latin letters with Cyrillic or Greek letters "
            "that look the same (such as a Cyrillic \u043e in \"PyTorch\").  A reader cannot "
            "tell, but an ATS that searches for the exact letters misses such words, and some "
            "treat look-alike letters as an attempt to hide or fake keywords.  Here each is "
            "matched as the Latin word it shows."
        ),
        fix=(
            "Retype the words named here with a Latin (e.g. English) keyboard layout, or search "
            "and replace the look-alike letters; text pasted from elsewhere often brings them in."
        ),
        page=words[0].page,
        line=words[0].line,
        evidence="; ".join(shown),
    )


def _describe(word: FoldedWord, count: int) -> str:
    """"PyTorch (p1 l7, 2 times): Cyrillic U+043E for o": the word as written, where it first
    appears, and which of its letters are not Latin."""
    letters = dict.fromkeys(
        f"{script_of(a)} U+{ord(a):04X} for {b}"
        for a, b in zip(word.original, word.folded, strict=True) if a != b
    )
    times = f", {count} times" if count > 1 else ""
    return f"{word.original} (p{word.page} l{word.line}{times}): " + ", ".join(letters)


def _words(n: int) -> str:
    return "1 word mixes" if n == 1 else f"{n} words mix"
