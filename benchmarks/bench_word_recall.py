"""Word recall of the project's PDF text against a reference extractor, per real resume PDF.

Run:  .venv/bin/python benchmarks/bench_word_recall.py [--sample N] [--seed S] [--pdf DIR ...]

Reference: poppler's ``pdftotext`` when it is on PATH, else PyMuPDF (``pip install
'resume-checker[bench]'``); the run says which.  Files: every PDF under
../shared/corpus/resumes-templates, a seeded sample of N from ../shared/corpus/resumes-livecareer
(0: none, -1: all), samples/*.pdf, and any --pdf folder.

Recall = the multiset overlap of words / the reference's words, words being the whitespace-
separated tokens case-folded (NFKC) with leading and trailing punctuation stripped, so
"high-impact" and "highimpact" differ (a soft hyphen between letters counts as "-").
pdfplumber's ``extract_text`` is measured in the same run as a baseline.  Target (issue 16):
>= 0.97 on every file.  PyMuPDF reads letter-spaced text letter by letter ("E n e r g y"), so
on such files it is no reference.  No text is printed, only figures and file names.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: ../shared/corpus beside the checkout, or under $RESUME_CHECKER_SHARED
SHARED = Path(os.environ.get("RESUME_CHECKER_SHARED", REPO.parent / "shared")) / "corpus"
TARGET = 0.97
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
# A soft hyphen reported between two letters was drawn there: it is the printed hyphen of a
# compound (LuaTeX writes them so), which PyMuPDF passes on as U+00AD.
_DRAWN_SOFT_HYPHEN = re.compile(r"(?<=\w)\u00ad(?=\w)")
# "Â" before a space or a line end is a no-break space double-encoded (UTF-8 read as Latin-1);
# the project drops it, the reference keeps it ("leaderâ"), so both sides drop it here.
_MOJIBAKE_NBSP = re.compile(r"(?<![A-Z\u00c0-\u00de])\u00c2(?=\s|$)", re.MULTILINE)


def words(text: str) -> Counter[str]:
    """The text's words as a multiset: case-folded, punctuation stripped at the edges."""
    text = _MOJIBAKE_NBSP.sub("", _DRAWN_SOFT_HYPHEN.sub("-", text))
    folded = unicodedata.normalize("NFKC", text).casefold()
    out: Counter[str] = Counter()
    for token in folded.split():
        word = _EDGE_PUNCTUATION.sub("", token)
        if word:
            out[word] += 1
    return out


def recall(ours: Counter[str], reference: Counter[str]) -> float:
    total = sum(reference.values())
    return sum((ours & reference).values()) / total if total else 1.0


def reference_extractor() -> tuple[str, Callable[[Path], str]] | None:
    """pdftotext when on PATH, else PyMuPDF, else None."""
    exe = shutil.which("pdftotext")
    if exe:
        def poppler(path: Path) -> str:
            return subprocess.run([exe, "-enc", "UTF-8", str(path), "-"], check=True,
                                  capture_output=True).stdout.decode("utf-8", "replace")
        return f"poppler pdftotext ({exe})", poppler
    try:
        import pymupdf
    except ImportError:
        return None

    def mupdf(path: Path) -> str:
        with pymupdf.open(path) as doc:
            # Joining words hyphenated at a line end is what the project does too.
            flags = pymupdf.TEXTFLAGS_TEXT | pymupdf.TEXT_DEHYPHENATE
            return "\n".join(page.get_text("text", flags=flags) for page in doc)
    return f"PyMuPDF {pymupdf.VersionBind} (pdftotext is not on PATH)", mupdf


def ours(path: Path) -> str:
    """The project's text, its page and text limits lifted: a long example resume cut at the
    page limit is a limit, not a reading error."""
    from dataclasses import replace

    from resume_checker import parse_document
    from resume_checker.limits import DEFAULT_LIMITS

    limits = replace(DEFAULT_LIMITS, max_pages=10_000, max_chars=100_000_000)
    return parse_document(path.read_bytes(), filename=path.name, limits=limits).text


def plumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdf_files(sample: int, seed: int, extra: list[Path]) -> list[Path]:
    files = sorted((SHARED / "resumes-templates").rglob("*.pdf"))
    livecareer = sorted((SHARED / "resumes-livecareer").rglob("*.pdf"))
    if sample < 0:
        files += livecareer
    elif sample and livecareer:
        files += sorted(random.Random(seed).sample(livecareer, min(sample, len(livecareer))))
    files += sorted((REPO / "samples").glob("*.pdf"))
    for folder in extra:
        files += sorted(folder.rglob("*.pdf"))
    return files


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=100,
                        help="livecareer PDFs to sample (0: none, -1: all)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--pdf", type=Path, action="append", default=[],
                        help="a further folder of PDFs (repeatable)")
    parser.add_argument("--no-plumber", action="store_true", help="skip the pdfplumber baseline")
    args = parser.parse_args()
    found = reference_extractor()
    if found is None:
        print("no reference extractor: install poppler-utils (pdftotext) or pymupdf "
              "(pip install 'resume-checker[bench]'); nothing measured")
        return 0
    name, reference = found
    files = pdf_files(args.sample, args.seed, args.pdf)
    print(f"reference: {name}; {len(files)} PDFs")
    engines: dict[str, Callable[[Path], str]] = {"resume-checker": ours}
    if not args.no_plumber:
        engines["pdfplumber extract_text"] = plumber
    totals = {engine: [0, 0] for engine in engines}  # overlap, reference words
    below: dict[str, list[tuple[str, float]]] = {engine: [] for engine in engines}
    for path in files:
        ref = words(reference(path))
        size = sum(ref.values())
        for engine, extract in engines.items():
            try:
                got = words(extract(path))
            except Exception as exc:  # a failure is a figure of its own, not a crash
                print(f"  {engine}: {path.name}: {type(exc).__name__}", file=sys.stderr)
                got = Counter()
            overlap = sum((got & ref).values())
            totals[engine][0] += overlap
            totals[engine][1] += size
            figure = overlap / size if size else 1.0
            if figure < TARGET:
                below[engine].append((str(path.relative_to(path.anchor)), figure))
    for engine in engines:
        overlap, size = totals[engine]
        print()
        print(f"{engine}: overall recall {overlap / size if size else 1.0:.4f} "
              f"over {size:,} reference words; {len(below[engine])} files below {TARGET}")
        for file, figure in sorted(below[engine], key=lambda item: item[1]):
            print(f"  {figure:.4f}  /{file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
