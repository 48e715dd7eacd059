"""What a recruiter gets: rank a labelled resume corpus with sets drafted from real job ads,
against TF-IDF cosine and BM25 on the same postings and resumes, in one run.

Run:  .venv/bin/python benchmarks/bench_ranking.py [--per-folder K] [--folders A,B] [--jobs 2]
                                                   [--no-job-ad]

Resumes: every PDF of ../shared/corpus/resumes-livecareer/ (one folder an occupation); a resume
is RELEVANT to a posting when it sits in the posting's folder.  Postings: for each folder in
FOLDER_RULES, the rows of a ../shared/corpus/job-descriptions/ CSV whose title matches the
folder's regex, of at least MIN_CHARS characters, de-duplicated by their folded text, the first
K in file order.  Each posting is
drafted as ``sets build AD.txt --title TITLE`` drafts it and the whole corpus is ranked with
``run_batch`` (the corpus is parsed once into a batch cache in a temporary folder; every set
re-ranks from it).  TF-IDF (scikit-learn, fitted on the resume texts as the project parsed them)
and BM25 (Okapi, k1=1.5, b=0.75, written here) rank the same texts for the same posting.

Split (fixed): a resume is HELD-OUT when the first byte of sha256(its file name) is even, TUNE
otherwise.  Average precision is computed on each half with the ranking restricted to it;
held-out is the figure that counts.  MAP = the mean of AP over the postings (per folder, and
over all postings); P@10 likewise.  Random ranking MAP is the mean AP of 20 seeded shuffles.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import math
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from jobads_eval import absent, draft, fold, shared_corpus  # noqa: E402

GOOGLE = "job_skills.csv"
GLASSDOOR = "glassdoor_jobs.csv"
#: folder -> (CSV, regex on the posting's title): the fixed rule that picks "the same job"
FOLDER_RULES: dict[str, tuple[str, str]] = {
    "ACCOUNTANT": (GOOGLE, r"\b(accountant|accounting)\b"),
    "ADVOCATE": (GOOGLE, r"^(?!.*\bdeveloper\b).*\badvocate\b"),
    "BUSINESS-DEVELOPMENT": (GOOGLE, r"\bbusiness development\b"),
    "CHEF": (GOOGLE, r"\b(chef|cook|food service)\b"),
    "CONSULTANT": (GOOGLE, r"\bconsultant\b"),
    "DESIGNER": (GOOGLE, r"\bdesigner\b"),
    "DIGITAL-MEDIA": (GOOGLE, r"\b(social|influencer|media buying|marketing manager)\b"),
    "ENGINEERING": (GOOGLE, r"\b(mechanical|manufacturing|process|test|hardware|supplier "
                            r"development) engineer\b"),
    "FINANCE": (GOOGLE, r"^(senior )?(financial analyst|finance manager|finance director)\b"),
    "HEALTHCARE": (GLASSDOOR, r"\b(medical (lab|laboratory|technologist)|med tech|clinical "
                              r"(lab|laboratory) scientist)\b"),
    "HR": (GOOGLE, r"\b(recruiter|people (partner|consultant)|staffing|talent acquisition)\b"),
    "INFORMATION-TECHNOLOGY": (GOOGLE, r"\b(systems administrator|it support|network "
                                       r"(engineer|operations engineer|implementation engineer)"
                                       r"|corporate operations engineer)\b"),
    "PUBLIC-RELATIONS": (GOOGLE, r"\b(public relations|(corporate|internal) communications|"
                                 r"communications manager)\b"),
    "SALES": (GOOGLE, r"\b(sales (representative|executive|manager|lead)|account executive)\b"),
}
#: a posting shorter than this (folded) is a stub (empty qualification fields): not used
MIN_CHARS = 300
K1, B = 1.5, 0.75
_WORD = re.compile(r"[a-z][a-z0-9+#]*")


@dataclass(frozen=True, slots=True)
class Posting:
    folder: str
    title: str
    text: str
    where: str    # CSV and row, for the printout


@dataclass(frozen=True, slots=True)
class Resume:
    path: str
    folder: str
    held_out: bool


def resume_held_out(name: str) -> bool:
    """The fixed resume split: the first byte of sha256(file name) is even."""
    return hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 == 0


def read_postings(folder_csvs: Path, folders: Sequence[str], per_folder: int) -> list[Posting]:
    csv.field_size_limit(1 << 30)
    rows: dict[str, list[dict[str, str]]] = {}
    postings: list[Posting] = []
    for folder in folders:
        name, pattern = FOLDER_RULES[folder]
        if name not in rows:
            with (folder_csvs / name).open(encoding="utf-8-sig", newline="") as handle:
                rows[name] = list(csv.DictReader(handle, delimiter=";" if name == GOOGLE else ","))
        rule = re.compile(pattern, re.I)
        seen: set[str] = set()
        for number, row in enumerate(rows[name], 2):  # 2: the header is line 1
            title, text = _posting_text(name, row)
            key = fold(text)
            if not rule.search(title) or len(key) < MIN_CHARS or key in seen:
                continue
            seen.add(key)
            postings.append(Posting(folder, title, text, f"{name}:{number}"))
            if len([p for p in postings if p.folder == folder]) >= per_folder:
                break
    return postings


def _posting_text(name: str, row: dict[str, str]) -> tuple[str, str]:
    if name == GOOGLE:
        title = row["Title"].strip()
        parts = [title, "", "Responsibilities:", row["Responsibilities"], "",
                 "Minimum qualifications:", row["Minimum Qualifications"], "",
                 "Preferred qualifications:", row["Preferred Qualifications"]]
        return title, "\n".join(parts).strip()
    title = row["Job Title"].strip()
    return title, row["Job Description"].strip()


def average_precision(ranked: Sequence[bool]) -> float:
    hits, total = 0, 0.0
    for position, relevant in enumerate(ranked, 1):
        if relevant:
            hits += 1
            total += hits / position
    return total / hits if hits else 0.0


def precision_at(ranked: Sequence[bool], k: int) -> float:
    top = ranked[:k]
    return sum(top) / len(top) if top else 0.0


class BM25:
    """Okapi BM25 over the resume texts (k1=1.5, b=0.75; idf with +1 inside the log, so it is
    never negative); query terms counted once each; English stop words dropped on both sides."""

    def __init__(self, texts: Sequence[str], stop_words: frozenset[str]) -> None:
        self.stop = stop_words
        self.docs = [Counter(self.words(t)) for t in texts]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = statistics.fmean(self.lengths) if self.lengths else 0.0
        df: Counter[str] = Counter()
        for d in self.docs:
            df.update(d.keys())
        n = len(self.docs)
        self.idf = {w: math.log((n - f + 0.5) / (f + 0.5) + 1) for w, f in df.items()}

    def words(self, text: str) -> list[str]:
        return [w for w in _WORD.findall(text.lower()) if w not in self.stop]

    def scores(self, query: str) -> list[float]:
        terms = [w for w in dict.fromkeys(self.words(query)) if w in self.idf]
        out = []
        for doc, length in zip(self.docs, self.lengths, strict=True):
            norm = K1 * (1 - B + B * length / self.avg)
            s = 0.0
            for w in terms:
                f = doc.get(w)
                if f:
                    s += self.idf[w] * f * (K1 + 1) / (f + norm)
            out.append(s)
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-folder", type=int, default=5, metavar="K",
                        help="postings per folder (the first K matching, de-duplicated)")
    parser.add_argument("--folders", default=",".join(FOLDER_RULES),
                        help="comma-separated folders (default: every folder with a rule)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cache", type=Path, metavar="FILE",
                        help="keep the parsed corpus in this batch cache between runs (default: a "
                             "temporary one); a second run re-ranks without parsing")
    parser.add_argument("--dump", type=Path, metavar="FILE",
                        help="write each posting's drafted terms and figures to FILE (JSON)")
    parser.add_argument("--no-job-ad", action="store_true",
                        help="do not give run_batch the ad (BatchOptions.job_ad): equal scores "
                             "stay in file-name order, as before that option existed")
    args = parser.parse_args()
    corpus = shared_corpus()
    livecareer = corpus / "resumes-livecareer" if corpus else None
    ads = corpus / "job-descriptions" if corpus else None
    if livecareer is None or ads is None or not livecareer.is_dir() or not ads.is_dir():
        return absent("resumes-livecareer/ or job-descriptions/")
    folders = [f.strip() for f in args.folders.split(",") if f.strip()]
    unknown = [f for f in folders if f not in FOLDER_RULES]
    if unknown:
        print(f"error: no posting rule for folder(s) {', '.join(unknown)}; "
              f"known: {', '.join(FOLDER_RULES)}")
        return 2

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    from resume_checker.batch.cache import Cache
    from resume_checker.batch.runner import BatchOptions, run_batch

    clock = time.monotonic()
    files = sorted(livecareer.glob("*/*.pdf"))
    resumes = {str(f): Resume(str(f), f.parent.name, resume_held_out(f.name)) for f in files}
    postings = read_postings(ads, folders, args.per_folder)
    has_job_ad = any(f.name == "job_ad" for f in dataclasses.fields(BatchOptions))
    use_job_ad = has_job_ad and not args.no_job_ad
    print(f"resumes: {len(files)} PDFs in {len(set(r.folder for r in resumes.values()))} folders "
          f"of {livecareer}; held-out half (sha256(name)[0] even): "
          f"{sum(r.held_out for r in resumes.values())}")
    print(f"postings: {len(postings)} ({args.per_folder} per folder at most), by these rules:")
    for folder in folders:
        name, pattern = FOLDER_RULES[folder]
        got = [p for p in postings if p.folder == folder]
        print(f"  {folder:23s} {name} title ~ /{pattern}/i: {len(got)}"
              + "".join(f"\n      {p.where}: {p.title}" for p in got))
    mode = ("BatchOptions.job_ad set: equal scores ordered by content similarity to the ad"
            if use_job_ad else "--no-job-ad: equal scores ordered by file name" if has_job_ad
            else "BatchOptions has no job_ad in this version: equal scores ordered by file name")
    print(f"tool ranking: run_batch, {mode}; {args.jobs} workers")

    with tempfile.TemporaryDirectory() as tmp:
        cache_path = args.cache or Path(tmp) / "cache.sqlite3"
        options = BatchOptions(jobs=args.jobs, cache_path=cache_path)
        started = time.monotonic()
        parse = run_batch(list(resumes), _parse_only(), options)
        failed = [r for r in parse.rows if r.summary is None]
        print(f"\nparsed {len(parse.rows)} resumes into the cache in "
              f"{time.monotonic() - started:.0f} s ({len(failed)} unreadable)")
        for reason in sorted({f"{r.code}: {r.error}" for r in failed})[:3]:
            print(f"   e.g. {reason}")
        if len(failed) == len(parse.rows):
            print("error: no resume could be read; no figures measured")
            return 1
        with Cache(cache_path, retention_days=None) as cache:
            texts = {}
            for row in parse.rows:
                doc = cache.get(row.sha256) if row.sha256 else None
                texts[row.path] = doc.text if doc is not None else ""
        order = sorted(resumes)
        corpus_texts = [texts.get(p, "") for p in order]
        tfidf = TfidfVectorizer(stop_words="english", sublinear_tf=True)
        matrix = tfidf.fit_transform(corpus_texts)
        bm25 = BM25(corpus_texts, frozenset(ENGLISH_STOP_WORDS))

        results: list[dict[Any, Any]] = []
        dumped: list[dict[str, Any]] = []
        term_counts: list[int] = []
        knocked: list[float] = []
        rerank_s: list[float] = []
        for number, posting in enumerate(postings):
            drafted = draft(posting.text, title=posting.title, set_id=f"posting-{number}")
            term_counts.append(len(drafted.spellings))
            ranked_rows = []
            if drafted.keyword_set is None:  # `sets build` fails: no set, no ranking
                print(f"   nothing drafted from {posting.where} ({drafted.error}); the tool's "
                      "ranking is the file order")
            else:
                opts = dataclasses.replace(options, job_ad=posting.text) if use_job_ad else options
                started = time.monotonic()
                batch = run_batch(list(resumes), drafted.keyword_set, opts)
                rerank_s.append(time.monotonic() - started)
                ranked_rows = [r for r in batch.rows if r.rank is not None]
                print(f"   [{number + 1}/{len(postings)}] {posting.where}: "
                      f"{len(drafted.spellings)} terms, ranked in {rerank_s[-1]:.1f} s", flush=True)
            knocked.append(sum(1 for r in ranked_rows if r.summary and r.summary.knocked_out)
                           / max(1, len(ranked_rows)))
            tool_order = [r.path for r in ranked_rows]
            tool_order += sorted(set(order) - set(tool_order))  # unreadable files: last
            cos = linear_kernel(tfidf.transform([posting.text]), matrix).ravel()
            bm = bm25.scores(posting.text)
            by = {
                "tool": tool_order,
                "tfidf": [order[i] for i in sorted(range(len(order)), key=lambda i: (-cos[i], i))],
                "bm25": [order[i] for i in sorted(range(len(order)), key=lambda i: (-bm[i], i))],
            }
            scored: dict[Any, Any] = {"folder": posting.folder, "terms": len(drafted.spellings)}
            if args.dump:
                kw = drafted.keyword_set
                dumped.append({
                    "where": posting.where, "folder": posting.folder, "title": posting.title,
                    "knocked": knocked[-1],
                    "terms": [] if kw is None else [
                        [t.name, t.category, t.weight, t.required] for t in kw.terms],
                    "scored": scored})
            for half, want in (("held-out", True), ("tune", False)):
                for method, ranking in by.items():
                    rel = [resumes[p].folder == posting.folder for p in ranking
                           if resumes[p].held_out is want]
                    scored[(half, method, "ap")] = average_precision(rel)
                    scored[(half, method, "p10")] = precision_at(rel, 10)
                rel = [resumes[p].folder == posting.folder for p in order
                       if resumes[p].held_out is want]
                shuffler = random.Random(f"{posting.where}-{half}")
                aps = []
                for _ in range(20):
                    shuffler.shuffle(rel)
                    aps.append(average_precision(rel))
                scored[(half, "random", "ap")] = statistics.fmean(aps)
            results.append(scored)

    if args.dump:
        import json

        for row in dumped:
            row["scored"] = {"|".join(k) if isinstance(k, tuple) else k: v
                             for k, v in row["scored"].items()}
        args.dump.write_text(json.dumps(dumped, indent=1), encoding="utf-8")
    methods = ("tool", "tfidf", "bm25")
    for half in ("held-out", "tune"):
        mark = "   <- the figures that count" if half == "held-out" else "   (tuned on)"
        print(f"\n{half.upper()} resumes{mark}")
        print(f"{'folder':23s} {'ads':>3s} {'terms':>5s}   "
              + " ".join(f"{m + ' MAP':>10s}" for m in methods) + f" {'random':>7s}   "
              + " ".join(f"{m + ' P@10':>10s}" for m in methods))
        groups = [(f, [r for r in results if r["folder"] == f]) for f in folders]
        groups.append(("ALL", results))
        for name, rows in groups:
            if not rows:
                continue
            maps = [statistics.fmean(r[(half, m, "ap")] for r in rows) for m in methods]
            p10s = [statistics.fmean(r[(half, m, "p10")] for r in rows) for m in methods]
            chance = statistics.fmean(r[(half, "random", "ap")] for r in rows)
            terms = statistics.median(r["terms"] for r in rows)
            print(f"{name:23s} {len(rows):3d} {terms:5.0f}   "
                  + " ".join(f"{v:10.3f}" for v in maps) + f" {chance:7.3f}   "
                  + " ".join(f"{v:10.2f}" for v in p10s))
    if term_counts:
        print(f"\ndrafts: median {statistics.median(term_counts):.0f} terms, "
              f"{sum(1 for n in term_counts if n <= 3)} of {len(term_counts)} with 3 terms or "
              f"fewer; knocked out: {statistics.fmean(knocked):.0%} of checks on average, "
              f"{sum(1 for k in knocked if k >= 0.99)} set(s) knock out (nearly) every resume")
        print(f"re-rank from the cache: median {statistics.median(rerank_s):.1f} s per set; "
              f"whole run {time.monotonic() - clock:.0f} s")
    print("target (held-out): tool MAP >= TF-IDF MAP")
    return 0


def _parse_only() -> Any:
    """A one-term set for the pass that fills the cache (its ranking is not used)."""
    from resume_checker.keywords.model import Category, KeywordSet, Term

    return KeywordSet(id="parse-only", title="Parse only",
                      categories={"skills": Category(title="Skills")},
                      terms=(Term(name="Excel", category="skills"),))


if __name__ == "__main__":
    raise SystemExit(main())
