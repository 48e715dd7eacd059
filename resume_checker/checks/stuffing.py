"""Keyword stuffing by repetition: a term used far more often than any resume needs.

(Stuffing with hidden text, such as white or tiny type, is a PDF check that lives elsewhere.)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import compress

from resume_checker.checks.model import CheckContext, Finding
from resume_checker.documents.model import Line, Severity
from resume_checker.keywords.model import KeywordSet
from resume_checker.keywords.per_set import per_set

MIN_REPEATS = 12          # a term must appear more often than this ...
MIN_SHARE = 0.04          # ... and make up more than this share of all words
LIST_REPEATS = 3          # the same item this often in one comma list
_TOKEN = re.compile(r"[a-z][a-z0-9+#]*(?:\.[a-z0-9]+)*")
_LIST_SPLIT = re.compile(r"\s*[,;|\u2022\u00b7/]\s*")
STOP_WORDS = frozenset((
    "a", "about", "above", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "been", "being", "both", "but", "by", "can", "could", "did", "do", "does", "during",
    "each", "for", "from", "had", "has", "have", "having", "he", "her", "here", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "me", "more", "most", "my", "no", "not", "of", "on",
    "or", "our", "out", "over", "own", "per", "she", "so", "such", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "up", "us", "very", "via", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "within", "would", "you", "your", "etc", "new", "using",
    "used", "use", "including", "well", "work", "worked", "working",
))
#: a keyword set's multi-word spellings, keyed by their first token: (rest, length, name)
_Starts = dict[str, tuple[tuple[tuple[str, ...], int, str], ...]]
#: tokens never counted alone: stop words and single letters
_UNCOUNTED = STOP_WORDS | frozenset("abcdefghijklmnopqrstuvwxyz")


def _phrases(kwset: KeywordSet) -> dict[tuple[str, ...], str]:
    """Multi-word spellings of the set's terms, as token tuples, to the term's name."""
    table = {}
    for term in kwset.terms:
        for spelling in term.spellings:
            tokens = tuple(_TOKEN.findall(spelling.lower()))
            if len(tokens) >= 2:
                table[tokens] = term.name
    return table


@per_set
def _starts(kwset: KeywordSet) -> _Starts:
    """The set's phrases by first token: only tokens that can start one are looked at."""
    grouped: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
    for tokens, name in _phrases(kwset).items():
        grouped.setdefault(tokens[0], []).append((tokens[1:], len(tokens), name))
    return {first: tuple(entries) for first, entries in grouped.items()}


def words_of(lines: tuple[Line, ...]) -> tuple[str, ...]:
    """The lower-case words the stuffing check counts, in reading order."""
    return tuple(_TOKEN.findall("\n".join(ln.text for ln in lines).lower()))


def term_counts(
    lines: tuple[Line, ...], kwset: KeywordSet | None = None, words: tuple[str, ...] | None = None
) -> tuple[Counter, int]:
    """How often each non-stop-word token (and multi-word keyword-set term) occurs; total tokens.

    ``words``: :func:`words_of` the lines, if already known.  Phrase counts are added shortest
    phrase first, then in reading order, so terms that tie keep a stable order in `most_common`.
    """
    tokens = words_of(lines) if words is None else words
    counts = Counter(tokens)
    starts = _starts(kwset) if kwset is not None else None
    present = starts.keys() & counts.keys() if starts else ()
    for word in _UNCOUNTED.intersection(counts):
        del counts[word]
    if starts and present:
        hits = []
        for i in compress(range(len(tokens)), map(present.__contains__, tokens)):
            for rest, n, name in starts[tokens[i]]:
                if tuple(tokens[i + 1:i + n]) == rest:
                    hits.append((n, i, name))
        hits.sort()
        for _, _, name in hits:
            counts[name] += 1
    return counts, len(tokens)


def _densest(lines: tuple[Line, ...], term: str) -> Line | None:
    pattern = re.compile(rf"(?<![a-z0-9]){re.escape(term.lower())}(?![a-z0-9+#])")
    return max(lines, key=lambda ln: len(pattern.findall(ln.text.lower())), default=None)


def check_repetition(ctx: CheckContext) -> Iterator[Finding]:
    """A term (a word, or one of the keyword set's phrases) repeated abnormally often.

    The one check whose findings depend on the keyword set (its phrases are counted as terms),
    so it runs per set; every other check runs once per document.
    """
    lines = ctx.document.lines
    counts, total = term_counts(lines, ctx.kwset, ctx.words)
    over = max(counts.values(), default=0) > max(MIN_REPEATS, MIN_SHARE * total)
    for term, count in counts.most_common(3) if over else ():
        if count <= MIN_REPEATS or count <= MIN_SHARE * total:
            break
        where = _densest(lines, term)
        yield Finding(
            code="keyword_stuffing",
            severity=Severity.WARNING,
            title=f"'{term}' repeated {count} times",
            explanation=(
                f"'{term}' makes up {count / total:.1%} of the words.  Modern ATSs and "
                "recruiters treat heavy repetition as keyword stuffing and may mark the "
                "resume down or discard it."
            ),
            fix="Name each skill where you used it, once or twice; cut repeats and keyword lists.",
            page=where.page if where else None,
            line=where.number if where else None,
            evidence=f"{term} \u00d7{count}",
        )


def check_repeated_lists(ctx: CheckContext) -> Iterator[Finding]:
    """A list line (commas, bars, bullets) that names the same item again and again."""
    for ln in ctx.document.lines:
        text = ln.text
        if text.count(",") + text.count("|") + text.count(";") + text.count("\u2022") < 3:
            continue
        items = [i.strip().lower() for i in _LIST_SPLIT.split(ln.text) if i.strip()]
        if len(items) < 4 or len(set(items)) > len(items) - LIST_REPEATS + 1:
            continue  # too short, or no item can repeat LIST_REPEATS times
        item, repeats = Counter(items).most_common(1)[0]
        if repeats >= LIST_REPEATS:
            yield Finding(
                code="repeated_list",
                severity=Severity.WARNING,
                title="A list repeats the same terms",
                explanation=(
                    f"This line lists '{item}' {repeats} times; repeated keyword lists read as "
                    "stuffing to recruiters and to ATSs that look for it."
                ),
                fix="List each skill once.",
                page=ln.page,
                line=ln.number,
                evidence=f"{item} \u00d7{repeats}",
            )
