"""Fingerprint every report the project can make, to show a refactor changed no output.

For every resume it can reach (the bundled samples, and with ``../shared`` beside the checkout
the 2,484 corpus PDFs and the template PDFs) it writes one line: the file, a hash of the parsed
document, and a hash of the JSON, Markdown, text and HTML reports against every bundled keyword
set on a fixed date (or the error the file raises).  A second part runs ``resume-checker batch``
over the same folders and hashes the CSV ranking without the cache, writing a fresh cache, and
re-ranked from it, so the batch road (workers, cache entries, re-rank decode) is covered too.

    python tools/golden_reports.py --out before.tsv          # on the old code
    python tools/golden_reports.py --out after.tsv --compare before.tsv

The document's hash covers its content only: every field (of the document and, the same way, of
its pages, lines and the rest) whose value differs from the field's default, with its name, in
field order.  A field added with an empty default leaves every hash as it was, so a new field
does not hide a refactor's changes behind a change of every line; any change of content (a
line's text, a new notice, a field set where it was not) still changes it.

``RESUME_CHECKER_SHARED`` names another place for ``../shared``.  It prints how many files
were fingerprinted and, with ``--compare``, every line that differs; it exits 1 when any does.
Only the public API and the CLI are used, so the same script runs on both sides of a change of
layout.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RESUME_CHECKER_SHARED", ROOT.parent / "shared")) / "corpus"
TODAY = date(2026, 1, 15)
SUFFIXES = {".pdf", ".docx", ".txt", ".md"}
FORMATS = ("json", "md", "text", "html")


def _files() -> list[Path]:
    found = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix.lower() in SUFFIXES)
    for folder in ("resumes-templates", "resumes-livecareer"):
        base = SHARED / folder
        if base.is_dir():
            found += sorted(base.rglob("*.pdf"))
        else:
            print(f"note: {base} is absent; fingerprinting without it", file=sys.stderr)
    return found


def _sets() -> list[Path]:
    return sorted((ROOT / "keyword_sets").glob("*.yaml"))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _content(value: object) -> str:
    """``value`` as text for :func:`_document_digest`: a dataclass as its fields that differ
    from their defaults (name=value, in field order), tuples and lists item by item, anything
    else (str, numbers, enums, None) as its repr."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cells = [f"{f.name}={_content(v)}" for f in dataclasses.fields(value)
                 if not _is_default(f, v := getattr(value, f.name))]
        return "{" + ", ".join(cells) + "}"
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(map(_content, value)) + ")"
    return repr(value)


def _is_default(f: dataclasses.Field[object], value: object) -> bool:
    if f.default is not dataclasses.MISSING:
        return bool(value == f.default)
    if f.default_factory is not dataclasses.MISSING:
        return bool(value == f.default_factory())
    return False  # a field without a default is always content


def _document_digest(document: object) -> str:
    """The parsed document's hash: its content, not its layout (see the module docstring)."""
    return _digest(_content(document))


_STATE: dict[str, object] = {}


def _init() -> None:
    from resume_checker import load_keyword_set

    _STATE["sets"] = [load_keyword_set(p) for p in _sets()]


def _fingerprint(path: str) -> str:
    from resume_checker import check_document, parse_document

    try:
        from resume_checker.render import render
    except ImportError:  # the layout before the renderers were named render/
        from resume_checker.reports import render  # type: ignore[no-redef]

    # named from the checkout or the corpus, so two checkouts in two places compare
    name = (os.path.relpath(path, ROOT) if Path(path).is_relative_to(ROOT)
            else "corpus/" + os.path.relpath(path, SHARED))
    try:
        document = parse_document(Path(path).read_bytes(), filename=Path(path).name)
    except Exception as exc:  # the error a file raises is part of its fingerprint
        return f"{name}\terror\t{type(exc).__name__}: {exc}"
    cells = [name, _document_digest(document)]
    for kwset in _STATE["sets"]:  # type: ignore[attr-defined]
        report = check_document(document, kwset, today=TODAY)
        cells.append(_digest("\0".join(render(report, fmt) for fmt in FORMATS)))
    return "\t".join(cells)


def _batch_lines(files: list[Path]) -> list[str]:
    """Hash the batch CSV ranking per folder: no cache, then written and re-ranked from a cache."""
    # the CLI's entry point, wherever the layout keeps it
    exe = [sys.executable, "-c", "import sys\ntry:\n from resume_checker.cli.app import main\n"
           "except ImportError:\n from resume_checker.cli import main\n"
           "sys.argv[0] = 'resume-checker'\nmain()"]
    folders = sorted({p.parent for p in files})
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for kwset in _sets():
            cache = Path(tmp) / f"{kwset.stem}.sqlite3"
            args = [*exe, "batch", *map(str, folders), "--set", str(kwset),
                    "--cache", str(cache)]
            for mode, extra in (("no-cache", ["--no-cache"]), ("cache-write", []),
                                ("re-rank", [])):
                out = Path(tmp) / "ranking.csv"
                subprocess.run([*args, *extra, "--output", str(out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
                text = out.read_text("utf-8") if out.exists() else "(no output)"
                lines.append(f"batch:{kwset.stem}:{mode}\t{_digest(text)}")
                out.unlink(missing_ok=True)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-batch", action="store_true", help="skip the batch CSV hashes")
    opts = parser.parse_args()

    files = _files()
    with ProcessPoolExecutor(opts.workers, initializer=_init) as pool:
        lines = list(pool.map(_fingerprint, map(str, files), chunksize=16))
    if not opts.no_batch:
        lines += _batch_lines(files)
    opts.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(files)} files x {len(_sets())} sets fingerprinted -> {opts.out}")
    if opts.compare is None:
        return 0
    before = dict(ln.split("\t", 1) for ln in opts.compare.read_text("utf-8").splitlines())
    after = dict(ln.split("\t", 1) for ln in lines)
    differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    for key in differ:
        print(f"differs: {key}\n  before {before.get(key)}\n  after  {after.get(key)}")
    print(f"{len(differ)} of {len(after)} lines differ from {opts.compare}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
