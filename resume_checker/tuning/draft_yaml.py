"""Render a built draft as YAML a person reviews: every term carries a comment saying why.

Written by hand (not yaml.dump) so the comments sit next to the terms; every scalar is a
JSON string, which YAML reads as a double-quoted string.
"""

from __future__ import annotations

import json

from resume_checker.keywords.model import Term
from resume_checker.tuning.builder import Draft, Evidence

SCHEMA_LINE = "# yaml-language-server: $schema=./keyword-set.schema.json"
ATTRIBUTION = (
    "# Technology names partly from O*NET 29.2 Technology Skills by the U.S. Department of\n"
    "# Labor, Employment and Training Administration (USDOL/ETA), under CC BY 4.0 (modified).\n"
)


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _why(term: Term, ev: Evidence, total: int) -> str:
    more = len(ev.documents) - 3
    docs = ", ".join(ev.documents[:3]) + (f", +{more} more" if more > 0 else "")
    parts = [
        f"in {len(ev.documents)}/{total} documents ({docs})", f"{ev.mentions} mention(s)", ev.origin
    ]
    if ev.required_docs or ev.preferred_docs:
        parts.append(f"cue: required in {ev.required_docs}, preferred in {ev.preferred_docs}")
    if ev.written_as:
        parts.append("written as " + ", ".join(_s(w) for w in ev.written_as))
    return "  # " + "; ".join(parts)


def render_draft_yaml(draft: Draft, *, schema_line: bool = True) -> str:
    """The draft as YAML text with a header and one comment a term; loads with the model."""
    ks = draft.keyword_set
    out: list[str] = [SCHEMA_LINE] if schema_line else []
    out += [
        "# Draft keyword set built by `resume-checker sets build` from "
        f"{draft.document_count} document(s).",
        "# Review before use: delete terms that are not skills, merge duplicates,"
        " keep `required` rare.",
        ATTRIBUTION.rstrip("\n"),
        f"id: {_s(ks.id)}",
        f"title: {_s(ks.title)}",
    ]
    if ks.description:
        out.append(f"description: {_s(ks.description)}")
    out.append("sources:")
    out += [f"  - {_s(s)}" for s in ks.sources]
    out.append("categories:")
    for cid, cat in ks.categories.items():
        out += [f"  {cid}:", f"    title: {_s(cat.title)}", f"    weight: {cat.weight}"]
        if cat.certification:
            out.append("    certification: true")
    out.append("terms:")
    category = None
    for term, ev in zip(ks.terms, draft.evidence, strict=True):
        if term.category != category:
            category = term.category
            out.append(f"  # --- {ks.categories[category].title} ---")
        out.append(_why(term, ev, draft.document_count))
        out.append(f"  - name: {_s(term.name)}")
        out.append(f"    category: {_s(term.category)}")
        if term.aliases:
            out.append(f"    aliases: [{', '.join(_s(a) for a in term.aliases)}]")
        out.append(f"    weight: {term.weight}")
        if term.required:
            out.append("    required: true")
        if term.case_sensitive:
            out.append("    case_sensitive: true")
        if term.source:
            out.append(f"    source: {_s(term.source)}")
        if term.note:
            out.append(f"    note: {_s(term.note)}")
    return "\n".join(out) + "\n"
