"""The packaged vocabulary of known terms for every field, and the tokens it is matched on.

Four files feed it, in this order (the first to claim a spelling keeps it):

- ``data/curated_terms.tsv``: the project's own terms (ML/AI, software, and hard skills that
  ads name in every field), with the spellings real ads use;
- ``data/onet_vocabulary.tsv``: products and technologies from O*NET Technology Skills
  (CC BY 4.0), under the names people write ("MATLAB", not "The MathWorks MATLAB");
- ``data/esco_vocabulary.tsv``: knowledge items and hard skills selected from ESCO (CC BY 4.0);
- ``data/curated_aliases.tsv``: extra spellings for O*NET and ESCO terms ("Postgres").

The O*NET and ESCO files are written by ``tools/build_vocabulary.py`` and already filtered,
so loading them only parses and indexes (a cold load stays well under 150 ms).
The matcher's ``data/background.txt`` gives the general-English words and
``data/generic_terms.txt`` the generic job-ad words that are never terms.

Ambiguous names are guarded three ways: case-sensitive spellings (``cs`` flag, or an alias
written ``=Spark``) match only as written; a few short names must not sit among words that make
them something else (``CONTEXT_GUARDS`` rules a context out: "excel in" is a verb, "Spring 2025"
a season, "R&D" no language); and a plain word that names a skill only in one trade needs that
trade's words in its sentence (``REQUIRED_CONTEXTS`` rules a context in: the curated flag
``needs=hospitality`` makes "reservations" a skill beside "hotel" or "PMS", not in "we have
reservations about").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from resume_checker.tuning.cues import DEGREE_ALIASES

#: a word: letters/digits, keeping inner dots ("node.js") and trailing + or # ("c++", "c#"),
#: and the leading dot of ".NET"
_TOKEN = re.compile(
    r"(?:(?<![A-Za-z0-9.])\.(?=(?i:net)\b))?"
    r"[A-Za-z0-9](?:[A-Za-z0-9]|\.(?=[A-Za-z0-9])|'(?=[a-z]))*[+#]*"
)

ONET_SOURCE = "O*NET 29.2 Technology Skills (USDOL/ETA, CC BY 4.0)"
ESCO_SOURCE = "ESCO v1.1.1 skills (European Union, CC BY 4.0)"
CURATED_SOURCE = "resume-checker curated terms"


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Split text into (token, start, end) triples; hyphens, slashes and punctuation separate."""
    text = text.replace("\u2019", "'")
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def key(phrase: str) -> tuple[str, ...]:
    """The lower-case tokens a phrase is matched by ("Mixture-of-Experts", "mixture of experts")."""
    if phrase.isascii() and phrase.replace(" ", "").isalnum():
        return tuple(phrase.lower().split())  # the common case, without the regex
    return tuple(t.lower() for t, _, _ in tokens(phrase))


@dataclass(frozen=True, slots=True)
class Entry:
    """A known term: canonical name, category, spellings and where it comes from.

    ``occupations`` is how many O*NET occupations name the product (0 when not from O*NET):
    a rough measure of how widely it is asked for.
    """

    name: str
    category: str
    aliases: tuple[str, ...]
    source: str
    case_sensitive: bool = False
    occupations: int = 0
    #: the REQUIRED_CONTEXTS name whose words must share the hit's sentence ("" for none)
    context: str = ""

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


#: names whose match also depends on the words around it: (the text before must not match,
#: the text after must not match). Case-insensitive; applied to one-word hits of the entry.
_GUARD_SPECS: dict[str, tuple[str | None, str | None]] = {
    # the verb: "to excel in", "you will excel at", "excel as a team player"
    "Excel": (r"\b(?:to|will|would|you|who|can|could|we|they|should|and\s+thrive)\s+$",
              r"^\s+(?:in|at|as|when|under|within|beyond|through|on|with\s+(?:customers|people))\b"),
    # the season: "Spring 2025", "spring semester", "this spring", "in the spring"
    "Spring": (r"\b(?:this|next|last|early|late|during|until|since|the|by|every)\s+$",
               r"^\s*(?:'?\d{2,4}\b|(?:semester|term|break|intake|season|quarter|cleaning|"
               r"summer|fall|and\s+summer|and\s+fall|/\s*summer)\b)"),
    # go-to-market, "go live", "go above and beyond"; "Go" is already case-sensitive
    "Go": (r"\b(?:to|will|let's|lets|let|must)\s+$",
           r"^[\s-]+(?:to|ahead|live|through|beyond|above|further|far|out|back|get|the|for|"
           r"into|on|over|extra|the\s+extra)\b"),
    # "R&D", "R'n'B", "Q&R"
    "R": (r"[&'/]$", r"^(?:[&']|\.[A-Za-z])"),
    # "C-suite", "C-level", "grade C", "vitamin C", "Type C", "C." as an initial
    "C": (r"(?:\b(?:vitamin|grade|class|type|level|tier|plan|part|category|section|"
          r"hepatitis|USB)\s+|[&'])$",
          r"^(?:-(?:suite|level|corp|class)|[&']|\.[A-Za-z]|\s+(?:corporation|corp)\b)"),
    "Unity": (None, r"^\s+(?:of|in|and\s+diversity)\b"),
    # "Growth Outlook", "Career Outlook": a heading, not the mail client
    "Microsoft Outlook": (r"\b(?:growth|career|job|market|economic|business|industry|financial|"
                          r"future|positive|global|salary|employment)\s+$", None),
    # TS/SCI is a security clearance, not TypeScript
    "TypeScript": (r"(?:\bTop\s+Secret\s*|/)$", r"^\s*/\s*SCI\b|^\s+(?:clearance|SCI)\b"),
    # "the rest of" is caught by case; "data at REST" in capitals is still at rest
    "REST": (r"\bat\s+$", None),
}
CONTEXT_GUARDS: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {
    name: tuple(  # type: ignore[misc]
        re.compile(p, re.IGNORECASE) if p else None for p in pair
    )
    for name, pair in _GUARD_SPECS.items()
}
_WINDOW = 32  # characters of context a guard looks at on each side


def _guarded(name: str, text: str, start: int, end: int) -> bool:
    """True when the neighbours of text[start:end] say it is not the term (see CONTEXT_GUARDS)."""
    before, after = CONTEXT_GUARDS[name]
    if before is not None and before.search(text[max(0, start - _WINDOW) : start]):
        return True
    return after is not None and after.search(text[end : end + _WINDOW]) is not None


#: the words of a trade that give its plain-word terms their sense (an entry names one with the
#: curated flag ``needs=NAME``). Case-insensitive, whole words; the hit's own words count, so
#: "room reservations" and "guest check-in" carry their context with them.
_CONTEXT_SPECS: dict[str, str] = {
    # hotels, restaurants and travel desks: where "reservations" and "check-in" are the job
    "hospitality": r"hotels?|motels?|resorts?|hostels?|inns?|lodging|hospitality|guests?|rooms?|"
                   r"front[\s-]+desk|front[\s-]+office|reception(?:ist)?|concierge|"
                   r"bookings?|PMS|Opera|property\s+management\s+systems?|"
                   r"reservation\s+systems?|check-outs?|arrivals?|departures?|restaurants?|"
                   r"diners?|hostess|OpenTable|airlines?|flights?|passengers?|cruises?|"
                   r"Sabre|Amadeus|GDS|Cloudbeds|Mews|Protel|vacation\s+rentals?",
}
REQUIRED_CONTEXTS: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)
    for name, words in _CONTEXT_SPECS.items()
}
#: where a sentence ends: a full stop, "!", "?" or ";" before a space, or a line break
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


def in_context(entry: Entry, text: str, start: int, end: int) -> bool:
    """True unless the entry needs a context (REQUIRED_CONTEXTS) its sentence in text lacks.

    The sentence, not the whole ad: a word's sense is set where it is written, so a hotel ad's
    "check-in meetings with your manager" is still a meeting (and drafting hands find() one
    sentence at a time anyway). The hit's own words are part of its sentence.
    """
    if not entry.context:
        return True
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    sentence = text[ends[-1] if ends else 0 : after.start() if after else len(text)]
    return REQUIRED_CONTEXTS[entry.context].search(sentence) is not None


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
        """Every non-overlapping vocabulary term in text, longest match first, left to right.

        A case-sensitive spelling must be written as listed; a guarded name (CONTEXT_GUARDS)
        must not sit among words that make it something else ("excel in", "Spring 2025"); an
        entry that needs a context counts only in a sentence that has it (REQUIRED_CONTEXTS).
        """
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
                if n == 1 and entry.name in CONTEXT_GUARDS and _guarded(
                    entry.name, text, start, end
                ):
                    continue  # a longer spelling ("Spring Boot") says what it is by itself
                if not in_context(entry, text, start, end):
                    continue  # "we have reservations about": no hotel in the sentence
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


def background_text() -> str:
    """The packaged background corpus (it lives with the matcher's content similarity)."""
    # imported here: the matching package is heavy and loading the vocabulary needs none of it
    from resume_checker.matching.similarity import background_text as matching_background

    return matching_background()


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


def usable_onet_spelling(spelling: str) -> bool:
    """O*NET names that are short or plain English ("Access", "Word") would match everywhere.

    Applied by tools/build_vocabulary.py when it writes the O*NET file, not at load time.
    """
    words = key(spelling)
    if not words or (len(words) == 1 and len(words[0]) < 3):
        return False
    if re.fullmatch(r"[A-Z][a-z]+(?:ing|ity|ers|ion|ics)", spelling):
        return False  # "Budgeting", "Productivity": an activity, not a product
    return not (all(w in general_words() for w in words) or spelling.lower() in generic_terms())


def _written(spelling: str) -> tuple[str, ...]:
    """The tokens of a spelling with their case (what a case-sensitive match compares)."""
    if spelling.isascii() and spelling.replace(" ", "").isalnum():
        return tuple(spelling.split())
    return tuple(t for t, _, _ in tokens(spelling))


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in aliases.split("|") if a.strip())


def _context(flags: str, file: str, name: str) -> str:
    """The context a row's ``needs=NAME`` flag names ("" without one); an unknown name fails."""
    needs = [f.removeprefix("needs=") for f in flags.split() if f.startswith("needs=")]
    for context in needs:
        if context not in REQUIRED_CONTEXTS:
            raise ValueError(f"{file}: term {name!r} needs unknown context {context!r}; known: "
                             f"{', '.join(sorted(REQUIRED_CONTEXTS))} (e.g. needs=hospitality)")
    return needs[0] if needs else ""


def _entries() -> list[tuple[Entry, frozenset[str]]]:
    """Every packaged entry in priority order, with the spellings that must match as written."""
    out: list[tuple[Entry, frozenset[str]]] = []
    extra = {
        row[0].lower(): row[1] for row in _rows("curated_aliases.tsv") if len(row) >= 2
    }
    for row in _rows("curated_terms.tsv"):
        name, category, aliases, flags = (row + ["", "", ""])[:4]
        written = _split(aliases)
        strict = frozenset(a[1:] for a in written if a.startswith("="))
        entry = Entry(
            name, category, tuple(a.removeprefix("=") for a in written), CURATED_SOURCE,
            case_sensitive="cs" in flags.split(),
            context=_context(flags, "curated_terms.tsv", name),
        )
        out.append((entry, strict))
    derived = (("onet_vocabulary.tsv", ONET_SOURCE), ("esco_vocabulary.tsv", ESCO_SOURCE))
    for file, source in derived:
        for row in _rows(file):
            name, category, listed, count, flags = (row + ["", "", "", ""])[:5]
            written = (*_split(listed), *_split(extra.get(name.lower(), "")))
            strict = frozenset(a[1:] for a in written if a.startswith("="))
            entry = Entry(
                name, category, tuple(a.removeprefix("=") for a in written), source,
                case_sensitive="cs" in flags, occupations=int(count) if count.isdigit() else 0,
            )
            out.append((entry, strict))
    return out


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """Curated terms first (they win), then O*NET, then ESCO; a spelling belongs to its first."""
    index: dict[tuple[str, ...], tuple[Entry, tuple[str, ...], bool]] = {}
    known: list[Entry] = []
    for entry, strict_spellings in _entries():
        if key(entry.name) in index:
            continue  # a term listed earlier (curated, or O*NET before ESCO) owns this name
        indexed = False
        for spelling in entry.spellings:
            k = key(spelling)
            if not k or k in index:
                continue  # the first spelling of a key wins ("SolidWorks" over "SOLIDWORKS")
            indexed = True
            acronym = spelling.isupper() and (entry.source != CURATED_SOURCE or len(spelling) <= 4)
            strict = entry.case_sensitive or acronym or spelling in strict_spellings
            # the tokens as written matter only when case must match
            exact = _written(spelling) if strict else k
            index[k] = (entry, exact, strict)
        if indexed:
            known.append(entry)
    return Vocabulary(tuple(known), index, max(len(k) for k in index))
