"""Render a built draft as YAML a person reviews: every term carries a comment saying why.

Written by hand (not yaml.dump) so the comments sit next to the terms; every scalar is a
JSON string, which YAML reads as a double-quoted string.
"""

from __future__ import annotations

import json

from resume_checker.keywords.model import KeywordSet, Term
from resume_checker.tuning.builder import Draft, Evidence

SCHEMA_LINE = "# yaml-language-server: $schema=./keyword-set.schema.json"
ATTRIBUTION = (
    "# Technology names partly from O*NET 29.2 Technology Skills by the U.S. Department of\n"
    "# Labor, Employment and Training Administration (USDOL/ETA), under CC BY 4.0 (modified).\n"
)
ESCO_ATTRIBUTION = (
    "# Skill names partly from ESCO (European Skills, Competences, Qualifications and\n"
    "# Occupations) by the European Commission, under CC BY 4.0 (modified).\n"
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
    if ev.excerpt:
        parts.append("the document: " + _s(ev.excerpt))
    return "  # " + "; ".join(parts)


def _requirements(ks: KeywordSet) -> list[str]:
    """min_years_experience and education, as the documents state them."""
    out: list[str] = []
    if ks.min_years_experience is not None:
        years = ks.experience_requirement
        if years is not None:
            out.append("# the years of experience the documents ask for (scored, not a knock-out)")
            out.append(f"min_years_experience: {years.years:g}")
    if ks.education is not None:
        edu = ks.education
        out.append("# the lowest degree the documents ask for")
        out += ["education:", f"  min_level: {_s(edu.min_level)}"]
        if edu.fields:
            out.append(f"  fields: [{', '.join(_s(f) for f in edu.fields)}]")
        if edu.required:
            out.append("  required: true")
    return out


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
    ]
    if any("ESCO" in ev.origin for ev in draft.evidence):
        out.append(ESCO_ATTRIBUTION.rstrip("\n"))
    out += [
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
    out += _requirements(ks)
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
