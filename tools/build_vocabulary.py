"""Derive the packaged O*NET technology vocabulary from O*NET's Technology Skills file.

Usage: python tools/build_vocabulary.py "/path/to/onet/Technology Skills.txt"
Writes resume_checker/tuning/data/onet_vocabulary.tsv (name, category, aliases, occupations).

O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration
(USDOL/ETA), used under the CC BY 4.0 licence; the output is a modified, filtered extract.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resume_checker/tuning/data/onet_vocabulary.tsv"

#: O*NET commodity titles -> the coarse categories keyword sets use
CATEGORY_OF = {
    "Object or component oriented development software": "programming",
    "Development environment software": "programming",
    "Web platform development software": "programming",
    "Program testing software": "programming",
    "Compiler and decompiler software": "programming",
    "Data base management system software": "data",
    "Data base user interface and query software": "data",
    "Data base reporting software": "data",
    "Data mining software": "data",
    "Metadata management software": "data",
    "Business intelligence and data analysis software": "data",
    "Cloud-based data access and sharing software": "cloud",
    "Cloud-based management software": "cloud",
    "Cloud-based protection or security software": "cloud",
    "Application server software": "infrastructure",
    "Configuration management software": "infrastructure",
    "Operating system software": "infrastructure",
    "Network monitoring software": "infrastructure",
    "Enterprise application integration software": "infrastructure",
    "Analytical or scientific software": "tools",
}
VENDORS = ("Microsoft", "Apache", "Atlassian", "Oracle", "IBM", "Google", "Amazon", "Adobe", "SAP")
HEADER = (
    "# Derived from O*NET 29.2 Technology Skills (USDOL/ETA), CC BY 4.0; see ATTRIBUTION.md.\n"
    "# Filtered and modified by tools/build_vocabulary.py: generic descriptions dropped,\n"
    "# acronyms and vendor prefixes made aliases, commodity titles mapped to categories.\n"
    "# name\tcategory\taliases\toccupations\n"
)
MIN_OCCUPATIONS = 2  # keep products named for at least this many occupations, or flagged hot


def clean(example: str) -> tuple[str, list[str]] | None:
    """Return (name, aliases) for an O*NET example, or None when it is a generic description."""
    name = example.strip()
    aliases: list[str] = []
    paren = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    if paren:
        name, inner = paren.group(1).strip(), paren.group(2).strip()
        if re.fullmatch(r"[A-Z][A-Za-z0-9.+#/&-]{1,12}", inner):
            aliases.append(inner)
    words = name.split()
    if words and words[-1] == "software":
        words = words[:-1]
        while words and words[-1].islower():
            words.pop()
    if not words:
        return None
    has_capital = any(ch.isupper() for w in words[1:] + [words[0][1:]] for ch in w)
    if not has_capital and (len(words) > 1 or words[0].islower() or len(words[0]) < 2):
        return None
    trailing_acronym = re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", words[-1]) is not None
    if len(words) > 1 and trailing_acronym and not words[-2].isupper():
        aliases.append(words[-1])
        words = words[:-1]
    name = " ".join(words)
    if words[0] in VENDORS and len(words) > 1:
        rest = " ".join(words[1:])
        if any(ch.isupper() for ch in rest[1:]) or rest.isupper() or len(words) > 2:
            aliases.append(rest)
    aliases = [a for a in dict.fromkeys(aliases) if a.lower() != name.lower()]
    return name, aliases


def descriptive_words(examples: dict[str, set[str]], path: str) -> set[str]:
    """Words O*NET uses to describe kinds of software ("molecular modeling software"):
    a single-word product name made of them ("Molecular", "Market") is not a product."""
    words: set[str] = set()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            words.update(w.lower() for w in re.findall(r"[A-Za-z]+", row["Commodity Title"]))
    for example in examples:
        parts = example.split()
        if len(parts) >= 3 and parts[-1] == "software" and all(w.islower() for w in parts[1:]):
            words.update(w.lower() for w in parts)
    return words - {v.lower() for v in VENDORS}


def main(path: str) -> None:
    occupations: dict[str, set[str]] = defaultdict(set)
    categories: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    hot: set[str] = set()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            example = row["Example"]
            occupations[example].add(row["O*NET-SOC Code"])
            categories[example][CATEGORY_OF.get(row["Commodity Title"], "tools")] += 1
            if row["Hot Technology"] == "Y":
                hot.add(example)
    plain = descriptive_words(occupations, path)
    rows: dict[str, tuple[str, str, int]] = {}  # lower-case name -> (name, category+aliases, n)
    for example in sorted(occupations):
        count = len(occupations[example])
        if count < MIN_OCCUPATIONS and example not in hot:
            continue
        cleaned = clean(example)
        if cleaned is None:
            continue
        name, aliases = cleaned
        if all(w.lower() in plain for w in re.findall(r"[A-Za-z0-9]+", name)):
            continue
        if name in VENDORS or re.fullmatch(r"[A-Z][a-z]{0,2}", name):
            continue  # a bare vendor or a short capitalised word ("Win") is not a product
        category = max(sorted(categories[example]), key=lambda c: categories[example][c])
        key = name.lower()
        if key in rows and rows[key][2] >= count:
            continue
        rows[key] = (name, category + "\t" + "|".join(aliases), count)
    with OUT.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER)
        for key in sorted(rows):
            name, cat_aliases, count = rows[key]
            out.write(f"{name}\t{cat_aliases}\t{count}\n")
    print(f"wrote {len(rows)} terms to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/onet/Technology Skills.txt")
