"""What the two job-ad benchmarks share: where ../shared is, how a term is folded and compared,
and drafting one ad the way ``resume-checker sets build AD.txt`` does.

Both benchmarks score drafted terms against text written by other people, so the comparison
must not favour either side: names, aliases and the people's spans are folded the same way
(case folded, punctuation other than ``+`` and ``#`` turned into spaces, so "C#" and "C++"
stay themselves while "Node.js" and "node js" meet).
"""

from __future__ import annotations

import math
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
_NOT_WORD = re.compile(r"[^0-9a-z+#]+")
_TITLE_JUNK = re.compile(r"<[A-Z_]+>|\(\s*[mfwdx]\s*/\s*[mfwdx](\s*/\s*[mfwdx])?\s*\)", re.I)
#: the CLI's default ``--max-terms``: the benchmarks draft what ``sets build`` drafts
MAX_TERMS = 80


def shared_corpus() -> Path | None:
    """``../shared/corpus`` beside the checkout, or under ``$RESUME_CHECKER_SHARED``; None when
    it is absent (as tools/golden_reports.py finds it)."""
    root = Path(os.environ.get("RESUME_CHECKER_SHARED", REPO.parent / "shared")) / "corpus"
    return root if root.is_dir() else None


def absent(what: str) -> int:
    """The message and exit code of a benchmark whose reference data is not here."""
    print(f"SKIPPED: {what} is absent (this benchmark needs ../shared/corpus beside the "
          "checkout, or RESUME_CHECKER_SHARED=DIR naming the folder that holds corpus/); "
          "no figures measured.")
    return 0


def fold(text: str) -> str:
    """Case and punctuation folded: lower case, words of letters, digits, ``+`` and ``#``."""
    return " ".join(_NOT_WORD.split(text.casefold())).strip()


def contains_words(outer: str, inner: str) -> bool:
    """True when folded ``inner`` occurs in folded ``outer`` as whole words."""
    return bool(inner) and f" {inner} " in f" {outer} "


def loose(a: str, b: str) -> bool:
    """The benchmarks' "loose" match: one folded text contains the other as whole words."""
    return contains_words(a, b) or contains_words(b, a)


def title_of(text: str, fallback: str = "Job ad") -> str:
    """The ad's first line as the title a recruiter would type, without placeholders."""
    for line in text.splitlines():
        cleaned = " ".join(_TITLE_JUNK.sub(" ", line).split()).strip(" -|,:")
        if cleaned:
            return cleaned[:80]
    return fallback


@dataclass(frozen=True, slots=True)
class Drafted:
    """One drafted set, reduced to what the benchmarks compare, and how long drafting took."""

    keyword_set: Any | None      # a KeywordSet; None when nothing could be drafted
    spellings: tuple[tuple[str, ...], ...]   # per term: its name, then its aliases
    seconds: float
    error: str | None = None     # why nothing was drafted (what ``sets build`` would print)


def draft(text: str, *, title: str, set_id: str = "bench-ad") -> Drafted:
    """Draft a set from one ad as ``sets build AD.txt --id ID --title TITLE`` does.

    A title the set model refuses is retried as "Job ad" (the user would retype it); an ad from
    which nothing is drafted (the model refuses a set without terms) counts as an empty draft.
    """
    from resume_checker.tuning.builder import SourceText, build_keyword_set

    started = time.perf_counter()
    error = None
    kwset = None
    for attempt in (title, "Job ad"):
        try:
            kwset = build_keyword_set([SourceText("ad.txt", text)], set_id=set_id,
                                      title=attempt, max_terms=MAX_TERMS).keyword_set
            break
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            error = " ".join(str(exc).split())[:200]
    seconds = time.perf_counter() - started
    if kwset is None:
        return Drafted(None, (), seconds, error)
    spellings = tuple((t.name, *t.aliases) for t in kwset.terms)
    return Drafted(kwset, spellings, seconds)


def percentile(values: Iterable[float], q: float) -> float:
    """The ``q`` quantile (0-1) by the nearest-rank rule; 0 for no values."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), math.ceil(q * len(ordered))))
    return ordered[rank - 1]
