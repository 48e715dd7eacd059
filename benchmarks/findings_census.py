"""How many resumes each finding fires on, over folders of real resumes (a sanity census).

Run:  .venv/bin/python benchmarks/findings_census.py [--corpus DIR ...] [--show CODE] [--limit N]

Prints one row per finding code (files it fires on, share of files, severity) and the hidden
text reasons found by the PDF parser; ``--show CODE`` lists the files a code fires on with the
finding's title and evidence, to look at by eye.  Nothing from the resumes is written anywhere.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
DEFAULT_CORPORA = [SHARED / "resumes-livecareer", SHARED / "resumes-templates"]
SUFFIXES = {".pdf", ".docx", ".txt", ".md"}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, action="append", help="folder (repeatable)")
    parser.add_argument("--show", action="append", default=[], help="list files for this code")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    from resume_checker.checks import run_checks
    from resume_checker.documents import parse_document
    from resume_checker.errors import ResumeCheckerError

    corpora = args.corpus or DEFAULT_CORPORA
    if not all(c.is_dir() for c in corpora):
        print("corpus not found (this census needs ../shared/corpus or --corpus DIR)")
        return 0
    files = sorted(p for c in corpora for p in c.rglob("*") if p.suffix.lower() in SUFFIXES)
    files = files[: args.limit] if args.limit else files
    fired: Counter[str] = Counter()
    severity: dict[str, str] = {}
    reasons: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    errors = 0
    today = date(2026, 1, 1)
    for path in files:
        try:
            document = parse_document(path)
        except ResumeCheckerError:
            errors += 1
            continue
        findings = run_checks(document, today=today)
        for code in set(findings.codes):
            fired[code] += 1
        for f in findings:
            severity[f.code] = f.severity.value
            if f.code in args.show:
                where = f"p{f.page}" if f.page else ""
                shown[f.code].append(f"{path.name} {where}: {f.title} | {f.evidence or ''}")
        reasons.update({line.hidden or "" for line in document.hidden_lines})
    total = len(files) - errors
    print(f"{total} files read ({errors} unreadable) from {', '.join(c.name for c in corpora)}")
    print()
    print(f"{'finding':<28}{'severity':<10}{'files':>7}{'share':>8}")
    for code, count in sorted(fired.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{code:<28}{severity[code]:<10}{count:>7}{count / max(total, 1):>8.1%}")
    print()
    print("hidden text, files per reason: " + (
        ", ".join(f"{r} {n}" for r, n in sorted(reasons.items())) or "none"))
    for code in args.show:
        print(f"\n{code}:")
        for row in shown[code]:
            print("  " + row[:200])
    return 0


if __name__ == "__main__":
    sys.exit(main())
