"""What changed between two versions of a keyword set, for the people who review a tuning.

Terms are paired by name (letter case and hyphen/space runs ignored, as the matcher does);
categories by id.  Pure: two KeywordSets in, a :class:`SetDiff` out; renderers make text
(plain lines, for Rich or a pipe), Markdown and JSON.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from resume_checker.keywords.model import KeywordSet, Term


@dataclass(frozen=True)
class TermChange:
    """A term present in both sets whose fields changed."""

    name: str
    weight: tuple[float, float] | None = None        # (old, new) when re-weighted
    required: tuple[bool, bool] | None = None         # (old, new) when made required or not
    category: tuple[str, str] | None = None           # (old, new) when moved
    aliases_added: tuple[str, ...] = ()
    aliases_removed: tuple[str, ...] = ()
    case_sensitive: tuple[bool, bool] | None = None


@dataclass(frozen=True)
class CategoryChange:
    id: str
    title: tuple[str, str] | None = None
    weight: tuple[float, float] | None = None


@dataclass(frozen=True)
class SetDiff:
    old_id: str
    new_id: str
    terms_added: tuple[str, ...]
    terms_removed: tuple[str, ...]
    terms_changed: tuple[TermChange, ...]
    categories_added: tuple[str, ...]
    categories_removed: tuple[str, ...]
    categories_changed: tuple[CategoryChange, ...]
    groups_added: tuple[str, ...] = ()
    groups_removed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f) for f in (
            "terms_added", "terms_removed", "terms_changed", "categories_added",
            "categories_removed", "categories_changed", "groups_added", "groups_removed"))


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name.strip().casefold())


def _pair(old, new):
    return None if old == new else (old, new)


def _term_change(old: Term, new: Term) -> TermChange | None:
    old_aliases = {_key(a): a for a in old.aliases}
    new_aliases = {_key(a): a for a in new.aliases}
    change = TermChange(
        name=new.name,
        weight=_pair(old.weight, new.weight),
        required=_pair(old.required, new.required),
        category=_pair(old.category, new.category),
        aliases_added=tuple(a for k, a in new_aliases.items() if k not in old_aliases),
        aliases_removed=tuple(a for k, a in old_aliases.items() if k not in new_aliases),
        case_sensitive=_pair(old.case_sensitive, new.case_sensitive),
    )
    return None if change == TermChange(name=new.name) else change


def diff_sets(old: KeywordSet, new: KeywordSet) -> SetDiff:
    """Terms added, removed and changed; categories added, removed, renamed or re-weighted."""
    old_terms = {_key(t.name): t for t in old.terms}
    new_terms = {_key(t.name): t for t in new.terms}
    changed = []
    for key, term in new_terms.items():
        if key in old_terms:
            change = _term_change(old_terms[key], term)
            if change is not None:
                changed.append(change)
    categories = []
    for cat_id, cat in new.categories.items():
        before = old.categories.get(cat_id)
        if before is not None and (before.title, before.weight) != (cat.title, cat.weight):
            categories.append(CategoryChange(cat_id, _pair(before.title, cat.title),
                                             _pair(before.weight, cat.weight)))
    old_groups = {(g.name, g.terms, g.required) for g in old.any_of}
    new_groups = {(g.name, g.terms, g.required) for g in new.any_of}
    return SetDiff(
        old_id=old.id,
        new_id=new.id,
        terms_added=tuple(t.name for k, t in new_terms.items() if k not in old_terms),
        terms_removed=tuple(t.name for k, t in old_terms.items() if k not in new_terms),
        terms_changed=tuple(changed),
        categories_added=tuple(c for c in new.categories if c not in old.categories),
        categories_removed=tuple(c for c in old.categories if c not in new.categories),
        categories_changed=tuple(categories),
        groups_added=tuple(g.name for g in new.any_of
                           if (g.name, g.terms, g.required) not in old_groups),
        groups_removed=tuple(g.name for g in old.any_of
                             if (g.name, g.terms, g.required) not in new_groups),
    )


# --------------------------------------------------------------------------- rendering


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _describe(change: TermChange) -> list[str]:
    parts = []
    if change.weight:
        parts.append(f"weight {_num(change.weight[0])} -> {_num(change.weight[1])}")
    if change.required:
        parts.append("made required" if change.required[1] else "no longer required")
    if change.category:
        parts.append(f"category {change.category[0]} -> {change.category[1]}")
    if change.aliases_added:
        parts.append("aliases added: " + ", ".join(change.aliases_added))
    if change.aliases_removed:
        parts.append("aliases removed: " + ", ".join(change.aliases_removed))
    if change.case_sensitive:
        parts.append("case-sensitive" if change.case_sensitive[1] else "no longer case-sensitive")
    return parts


def _lines(d: SetDiff) -> list[tuple[str, list[str]]]:
    """(heading, items) blocks shared by the text and Markdown renderers."""
    blocks = [
        ("Terms added", list(d.terms_added)),
        ("Terms removed", list(d.terms_removed)),
        ("Terms changed", [f"{c.name}: {'; '.join(_describe(c))}" for c in d.terms_changed]),
        ("Categories added", list(d.categories_added)),
        ("Categories removed", list(d.categories_removed)),
        ("Categories changed", [
            c.id + ": " + "; ".join(
                ([f"title {c.title[0]!r} -> {c.title[1]!r}"] if c.title else [])
                + ([f"weight {_num(c.weight[0])} -> {_num(c.weight[1])}"] if c.weight else []))
            for c in d.categories_changed]),
        ("any_of groups added or changed", list(d.groups_added)),
        ("any_of groups removed or changed", list(d.groups_removed)),
    ]
    return [(h, items) for h, items in blocks if items]


def render_text(d: SetDiff) -> str:
    head = f"{d.old_id} -> {d.new_id}"
    if d.empty:
        return f"{head}: no changes\n"
    out = [head]
    for heading, items in _lines(d):
        out.append(f"{heading} ({len(items)}):")
        out += [f"  {item}" for item in items]
    return "\n".join(out) + "\n"


def render_markdown(d: SetDiff) -> str:
    out = [f"# Keyword set changes: `{d.old_id}` -> `{d.new_id}`", ""]
    if d.empty:
        return "\n".join(out + ["No changes.", ""])
    for heading, items in _lines(d):
        out += [f"## {heading} ({len(items)})", ""]
        out += [f"- {_md(item)}" for item in items]
        out.append("")
    return "\n".join(out)


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def render_json(d: SetDiff) -> str:
    return json.dumps(asdict(d), indent=2, ensure_ascii=False) + "\n"
