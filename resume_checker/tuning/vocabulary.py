"""The packaged vocabulary of known technology terms, and the tokens it is matched on.

Two files feed it: ``data/curated_terms.tsv`` (the project's own ML/AI terms, which win on
conflict) and ``data/onet_vocabulary.tsv`` (derived from O*NET Technology Skills, CC BY 4.0,
by ``tools/build_vocabulary.py``).  ``data/background.txt`` gives the general-English words
and ``data/generic_terms.txt`` the generic job-ad words that are never terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from resume_checker.tuning.cues import DEGREE_ALIASES

#: a word: letters/digits, keeping inner dots ("node.js") and trailing + or # ("c++", "c#")
_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|\.(?=[A-Za-z0-9])|'(?=[a-z]))*[+#]*")

ONET_SOURCE = "O*NET 29.2 Technology Skills (USDOL/ETA, CC BY 4.0)"
CURATED_SOURCE = "resume-checker curated ML/AI terms"


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Split text into (token, start, end) triples; hyphens, slashes and punctuation separate."""
    text = text.replace("\u2019", "'")
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def key(phrase: str) -> tuple[str, ...]:
    """The lower-case tokens a phrase is matched by ("Mixture-of-Experts", "mixture of experts")."""
    return tuple(t.lower() for t, _, _ in tokens(phrase))


@dataclass(frozen=True, slots=True)
class Entry:
    """A known term: canonical name, category, spellings and where it comes from."""

    name: str
    category: str
    aliases: tuple[str, ...]
    source: str
    case_sensitive: bool = False

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Hit:
    """One vocabulary match in a text: which entry, the words as written, character span."""

    entry: Entry
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Vocabulary:
    """Entries plus an index from token tuples to entries, for longest-match lookup."""

    entries: tuple[Entry, ...]
    #: token key -> (entry, the spelling's own tokens, whether case must match)
    index: dict[tuple[str, ...], tuple[Entry, tuple[str, ...], bool]] = field(repr=False)
    max_len: int = 1

    def lookup(self, phrase: str) -> Entry | None:
        """The entry a phrase names (any spelling, case-insensitive), or None."""
        found = self.index.get(key(phrase))
        return found[0] if found else None

    def find(self, text: str) -> list[Hit]:
        """Every non-overlapping vocabulary term in text, longest match first, left to right."""
        toks = tokens(text)
        lowered = [t.lower() for t, _, _ in toks]
        hits: list[Hit] = []
        i = 0
        while i < len(toks):
            for n in range(min(self.max_len, len(toks) - i), 0, -1):
                found = self.index.get(tuple(lowered[i : i + n]))
                if found is None:
                    continue
                entry, exact, strict = found
                if strict and tuple(t for t, _, _ in toks[i : i + n]) != exact:
                    continue
                start, end = toks[i][1], toks[i + n - 1][2]
                hits.append(Hit(entry, text[start:end], start, end))
                i += n
                break
            else:
                i += 1
        return hits


def _data(name: str) -> str:
    return resources.files("resume_checker.tuning").joinpath("data", name).read_text("utf-8")


def _rows(name: str) -> list[list[str]]:
    return [
        line.split("\t")
        for line in _data(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def general_words() -> frozenset[str]:
    """Lower-case words of the packaged background corpus (general English, no technology)."""
    return frozenset(t.lower() for t, _, _ in tokens(background_text()))


@lru_cache(maxsize=1)
def background_text() -> str:
    return "\n".join(ln for ln in _data("background.txt").splitlines() if not ln.startswith("#"))


@lru_cache(maxsize=1)
def generic_terms() -> frozenset[str]:
    """The packaged list of generic job-ad words and phrases (lower-case)."""
    return frozenset(r[0].strip().lower() for r in _rows("generic_terms.txt"))


def is_general(phrase: str) -> bool:
    """True when every token of the phrase is a general-English word of the background corpus."""
    words, general = key(phrase), general_words()
    return bool(words) and all(w in general or w.removesuffix("s") in general for w in words)


def is_junk(phrase: str, vocabulary: Vocabulary | None = None) -> bool:
    """Generic-list phrase, or all-general-English and not a known technology term."""
    vocabulary = vocabulary or load_vocabulary()
    if phrase in DEGREE_ALIASES:
        return False  # a degree level is a cue term, though its words are plain English
    if phrase.strip().lower() in generic_terms():
        return True
    return is_general(phrase) and vocabulary.lookup(phrase) is None


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """Curated terms first (they win), then O*NET terms whose spellings are not general words."""
    entries: list[Entry] = []
    for row in _rows("curated_terms.tsv"):
        name, category, aliases, flags = (row + ["", "", ""])[:4]
        entries.append(
            Entry(name, category, _split(aliases), CURATED_SOURCE, case_sensitive="cs" in flags)
        )
    for row in _rows("onet_vocabulary.tsv"):
        name, category, listed = (row + ["", ""])[:3]
        # short O*NET acronyms ("CAD", "API", "CI", "ETC") name a kind of tool, not this product
        kept = [a for a in _split(listed) if not (a.isupper() and len(a) <= 4)]
        spellings = [s for s in (name, *kept) if _usable_onet_spelling(s)]
        if spellings:
            entries.append(Entry(spellings[0], category, tuple(spellings[1:]), ONET_SOURCE))
    index: dict[tuple[str, ...], tuple[Entry, tuple[str, ...], bool]] = {}
    known: list[Entry] = []
    for entry in entries:
        fresh = [s for s in entry.spellings if key(s) and key(s) not in index]
        if not fresh or key(entry.name) in index:
            continue
        for spelling in fresh:
            exact = tuple(t for t, _, _ in tokens(spelling))
            acronym = spelling.isupper() and (entry.source == ONET_SOURCE or len(spelling) <= 4)
            strict = entry.case_sensitive or acronym
            index[key(spelling)] = (entry, exact, strict)
        known.append(entry)
    return Vocabulary(tuple(known), index, max(len(k) for k in index))


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in aliases.split("|") if a.strip())


def _usable_onet_spelling(spelling: str) -> bool:
    """O*NET names that are short or plain English ("Access", "Word") would match everywhere."""
    words = key(spelling)
    if not words or (len(words) == 1 and len(words[0]) < 3):
        return False
    if re.fullmatch(r"[A-Z][a-z]+(?:ing|ity|ers|ion|ics)", spelling):
        return False  # "Budgeting", "Productivity": an activity, not a product
    return not (all(w in general_words() for w in words) or spelling.lower() in generic_terms())
