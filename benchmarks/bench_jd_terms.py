"""Drafting quality on human-labelled job ads: the drafted terms against the annotators' spans.

Run:  .venv/bin/python benchmarks/bench_jd_terms.py [--split held-out|tune|both] [--limit N]
                                                    [--show-failures N]

Data: ../shared/corpus/skillspan/train.json (SkillSpan, JSON lines: one line of a posting a row,
its tokens and BIO tags for Skill and Knowledge spans).  Rows are grouped into postings by
``(source, idx)``; ``source`` "tech" is a tech posting, "house" a non-tech one.  Each posting's
tokens become its text, one row a line, and the posting is drafted as
``resume-checker sets build POSTING.txt --title FIRST-LINE`` drafts it (one document).

Scores (names and aliases of each drafted term, against the spans, both folded by
``jobads_eval.fold``: case, and punctuation other than + and #):

* precision: drafted terms that equal (exact) or contain / are contained in as whole words
  (loose) some Skill OR Knowledge span, over the drafted terms;
* recall: distinct Knowledge spans of the posting that some drafted term meets, likewise;
* F1 of the two; all micro-averaged over the postings (counts summed, then divided).

Baseline, measured in the same run on the same postings: a plain dictionary lookup of every
O*NET Technology Skills example (../shared/corpus/onet/Technology Skills.txt) in the posting
text, whole words, case folded.

Split (fixed): a posting is HELD-OUT when ``idx % 3 == 0``, TUNE otherwise.  Held-out figures are
the ones that count; ``--show-failures`` prints the worst TUNE postings only, so that nobody tunes
on the held-out ones.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from jobads_eval import absent, draft, fold, loose, percentile, shared_corpus, title_of  # noqa: E402

KINDS = {"tech": "tech", "house": "non-tech"}
_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]}])")
_SPACE_AFTER = re.compile(r"([(\[{]) ")


def held_out(idx: int) -> bool:
    """The fixed split rule: every third posting (by its idx) is held out."""
    return idx % 3 == 0


@dataclass
class Posting:
    source: str
    idx: int
    lines: list[str] = field(default_factory=list)
    skills: set[str] = field(default_factory=set)       # folded Skill spans
    knowledge: set[str] = field(default_factory=set)    # folded Knowledge spans

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def kind(self) -> str:
        return KINDS.get(self.source, self.source)

    @property
    def split(self) -> str:
        return "held-out" if held_out(self.idx) else "tune"


def spans(tokens: Sequence[str], tags: Sequence[str]) -> Iterable[str]:
    """The BIO spans of one row (an I without a B before it starts a span, as seqeval does)."""
    current: list[str] = []
    for token, tag in zip(tokens, tags, strict=True):
        if tag == "B" or (tag == "I" and not current):
            if current:
                yield " ".join(current)
            current = [token]
        elif tag == "I":
            current.append(token)
        else:
            if current:
                yield " ".join(current)
            current = []
    if current:
        yield " ".join(current)


def detokenize(tokens: Sequence[str]) -> str:
    """Tokens back into a line as a person wrote it (no space before a comma, after a bracket)."""
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", " ".join(tokens)))


def load_postings(path: Path) -> list[Posting]:
    postings: dict[tuple[str, int], Posting] = {}
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}: line {number} is not JSON ({exc})") from None
            key = (row["source"], int(row["idx"]))
            posting = postings.setdefault(key, Posting(*key))
            tokens = row["tokens"]
            posting.lines.append(detokenize(tokens))
            posting.skills.update(f for s in spans(tokens, row["tags_skill"]) if (f := fold(s)))
            posting.knowledge.update(
                f for s in spans(tokens, row["tags_knowledge"]) if (f := fold(s))
            )
    return sorted(postings.values(), key=lambda p: (p.source, p.idx))


class Dictionary:
    """The baseline: every O*NET Technology Skills example, looked up as whole folded words."""

    def __init__(self, path: Path) -> None:
        with path.open(encoding="utf-8", newline="") as handle:
            examples = {fold(r["Example"]) for r in csv.DictReader(handle, delimiter="\t")}
        self.examples = {e for e in examples if e}
        self.longest = max(len(e.split()) for e in self.examples)

    def lookup(self, text: str) -> tuple[tuple[str, ...], ...]:
        words = fold(text).split()
        found: dict[str, None] = {}
        for i in range(len(words)):
            for n in range(1, min(self.longest, len(words) - i) + 1):
                gram = " ".join(words[i : i + n])
                if gram in self.examples:
                    found[gram] = None
        return tuple((name,) for name in found)


@dataclass
class Counts:
    """Summed over postings (micro average)."""

    terms: int = 0
    terms_exact: int = 0
    terms_loose: int = 0
    spans: int = 0
    spans_exact: int = 0
    spans_loose: int = 0
    postings: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def prf(self, mode: str) -> tuple[float, float, float]:
        hit_terms = self.terms_exact if mode == "exact" else self.terms_loose
        hit_spans = self.spans_exact if mode == "exact" else self.spans_loose
        p = hit_terms / self.terms if self.terms else 0.0
        r = hit_spans / self.spans if self.spans else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scored:
    counts: Counts
    junk: list[str]       # drafted names no span meets (loose)
    missed: list[str]     # Knowledge spans no drafted term meets (loose)


def score(posting: Posting, spellings: Sequence[tuple[str, ...]]) -> Scored:
    """Compare one posting's drafted terms (each: name, aliases) with its annotated spans."""
    labelled = posting.skills | posting.knowledge
    folded = [tuple(f for s in term if (f := fold(s))) for term in spellings]
    c = Counts(terms=len(folded), spans=len(posting.knowledge), postings=1)
    junk = []
    for term, raw in zip(folded, spellings, strict=True):
        if any(s in labelled for s in term):
            c.terms_exact += 1
        if any(loose(s, span) for s in term for span in labelled):
            c.terms_loose += 1
        else:
            junk.append(raw[0])
    all_spellings = {s for term in folded for s in term}
    missed = []
    for span in sorted(posting.knowledge):
        if span in all_spellings:
            c.spans_exact += 1
        if any(loose(s, span) for s in all_spellings):
            c.spans_loose += 1
        else:
            missed.append(span)
    return Scored(c, junk, missed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("both", "held-out", "tune"), default="both")
    parser.add_argument("--limit", type=int, default=None,
                        help="use only the first N postings of each source (tech, house)")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N",
                        help="print the N worst TUNE postings' missed spans and junk terms")
    args = parser.parse_args()
    corpus = shared_corpus()
    data = corpus / "skillspan" / "train.json" if corpus else None
    onet = corpus / "onet" / "Technology Skills.txt" if corpus else None
    if data is None or onet is None or not data.is_file() or not onet.is_file():
        return absent("skillspan/train.json or onet/Technology Skills.txt")

    postings = load_postings(data)
    if args.limit:
        per_source: dict[str, int] = defaultdict(int)
        kept = []
        for p in postings:
            per_source[p.source] += 1
            if per_source[p.source] <= args.limit:
                kept.append(p)
        postings = kept
    if args.split != "both":
        postings = [p for p in postings if p.split == args.split]
    dictionary = Dictionary(onet)
    print(f"postings: {len(postings)} from {data} "
          f"({sum(p.kind == 'tech' for p in postings)} tech, "
          f"{sum(p.kind != 'tech' for p in postings)} non-tech); split rule: idx % 3 == 0 is "
          f"held-out ({sum(p.split == 'held-out' for p in postings)}), else tune")
    print(f"baseline dictionary: {len(dictionary.examples)} distinct O*NET Technology Skills "
          "examples, whole words, case folded")

    if postings:
        draft(postings[0].text, title=title_of(postings[0].text))  # warm: vocabulary, matcher
    totals: dict[tuple[str, str, str], Counts] = defaultdict(Counts)
    seconds: list[float] = []
    failures: list[tuple[float, Posting, Scored, int]] = []
    empty: list[str] = []
    for posting in postings:
        drafted = draft(posting.text, title=title_of(posting.text))
        seconds.append(drafted.seconds)
        if drafted.error:
            empty.append(f"{posting.source} {posting.idx}")
        tool = score(posting, drafted.spellings)
        base = score(posting, dictionary.lookup(posting.text))
        for method, scored in (("tool", tool), ("dictionary", base)):
            for kind in (posting.kind, "all"):
                totals[(posting.split, kind, method)].add(scored.counts)
        if posting.split == "tune":
            failures.append((tool.counts.prf("loose")[2], posting, tool, len(drafted.spellings)))

    print("\nmicro-averaged over postings (counts summed over postings, then divided); "
          "exact = equal after folding, loose = one contains the other as whole words")
    header = (f"{'split':9s} {'postings':9s} {'method':11s} {'terms/ad':>8s}   "
              f"{'P exact':>7s} {'R exact':>7s} {'F1 exact':>8s}   "
              f"{'P loose':>7s} {'R loose':>7s} {'F1 loose':>8s}")
    for split in ("held-out", "tune"):
        if not any(k[0] == split for k in totals):
            continue
        mark = "   <- the figures that count" if split == "held-out" else "   (tuned on)"
        print(f"\n{split.upper()}{mark}")
        print(header)
        for kind in ("tech", "non-tech", "all"):
            for method in ("tool", "dictionary"):
                c = totals.get((split, kind, method))
                if c is None:
                    continue
                pe, re_, fe = c.prf("exact")
                pl, rl, fl = c.prf("loose")
                print(f"{split:9s} {kind:9s} {method:11s} {c.terms / c.postings:8.1f}   "
                      f"{pe:7.3f} {re_:7.3f} {fe:8.3f}   {pl:7.3f} {rl:7.3f} {fl:8.3f}"
                      f"   (n={c.postings})")
    print("\ntargets (held-out): tech loose F1 >= 0.65, tech exact F1 >= 0.40, "
          "non-tech loose F1 >= 0.45")
    if seconds:
        print(f"drafting time per ad (warm, {len(seconds)} ads): median "
              f"{statistics.median(seconds) * 1000:.0f} ms, p95 "
              f"{percentile(seconds, 0.95) * 1000:.0f} ms, max {max(seconds) * 1000:.0f} ms"
              "   target < 500 ms")

    if empty:
        print(f"nothing drafted (sets build would fail: the set has no terms) for {len(empty)} "
              f"posting(s), counted as empty drafts: {', '.join(empty)}")

    if args.show_failures:
        print(f"\nworst {args.show_failures} TUNE postings by loose F1 (never held-out ones):")
        failures.sort(key=lambda f: (f[0], f[1].source, f[1].idx))
        for f1, posting, scored, n_terms in failures[: args.show_failures]:
            print(f"\n- {posting.source} idx {posting.idx} ({posting.kind}): loose F1 {f1:.2f}, "
                  f"{n_terms} terms drafted, {len(posting.knowledge)} Knowledge spans; "
                  f"title {title_of(posting.text)!r}")
            print(f"  missed: {', '.join(scored.missed) or '-'}")
            print(f"  junk:   {', '.join(scored.junk) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
