"""Keyword-set pages: list, view, edit in a form, save as a new version in the user directory.

The form becomes the same YAML a person would write, and is validated by the same parser as the
CLI, so the messages (naming the term and the field, with an example) are the CLI's.  A bundled
set is never overwritten: saving always writes a new id in the user directory.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from resume_checker.errors import InvalidKeywordSetError, KeywordSetError
from resume_checker.keywords.loader import list_keyword_sets, parse_keyword_set, save_keyword_set
from resume_checker.keywords.model import KeywordSet
from resume_checker.web.responses import page
from resume_checker.web.service import keyword_set_by_id

router = APIRouter(include_in_schema=False)
EDITOR_SOURCE = "<editor>"
BLANK_ROWS = 3
MAX_FORM_FIELDS = 20_000


@router.get("/sets", response_class=HTMLResponse)
def sets_page(request: Request) -> Response:
    return page(request, "sets.html", {"sets": list_keyword_sets()})


@router.get("/sets/{set_id}", response_class=HTMLResponse)
def set_page(request: Request, set_id: str) -> Response:
    kwset = keyword_set_by_id(set_id)
    latest = request.app.state.jobs.latest()
    return page(request, "set.html", {"s": kwset, "latest": latest,
                                      "saved": request.query_params.get("saved") == "1"})


@router.get("/sets/{set_id}/edit", response_class=HTMLResponse)
def set_edit_form(request: Request, set_id: str) -> Response:
    kwset = keyword_set_by_id(set_id)
    form = form_from_set(kwset)
    form["id"] = next_id(kwset.id)
    form["version"] = next_version(kwset.version)
    return page(request, "set_edit.html", {"form": form, "base": kwset.id, "problems": []})


@router.post("/sets/{set_id}/edit", response_class=HTMLResponse)
async def set_save(request: Request, set_id: str) -> Response:
    base = keyword_set_by_id(set_id)
    fields = await request.form(max_fields=MAX_FORM_FIELDS)
    data = set_data_from_form({k: str(v) for k, v in fields.items()}, base)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    try:
        kwset = parse_keyword_set(text, source=EDITOR_SOURCE)
        save_keyword_set(kwset)
    except InvalidKeywordSetError as exc:
        return _form_again(request, data, base, exc.problems)
    except KeywordSetError as exc:
        return _form_again(request, data, base, [exc.reason])
    return RedirectResponse(f"/sets/{kwset.id}?saved=1", status_code=303)


# ------------------------------------------------------------------------ form <-> data


def form_from_set(kwset: KeywordSet) -> dict[str, Any]:
    """The edit form's values (lists of dicts), with a few blank rows for new entries."""
    return {
        "id": kwset.id,
        "title": kwset.title,
        "version": kwset.version or "",
        "categories": [
            {"id": cid, "title": c.title, "weight": _num(c.weight),
             "certification": c.certification}
            for cid, c in kwset.categories.items()
        ] + [{"id": "", "title": "", "weight": "", "certification": False}] * 1,
        "terms": [
            {"name": t.name, "category": t.category, "aliases": ", ".join(t.aliases),
             "weight": _num(t.weight), "required": t.required, "case_sensitive": t.case_sensitive,
             "orig": t.name}
            for t in kwset.terms
        ] + [{"name": "", "category": "", "aliases": "", "weight": "", "required": False,
              "case_sensitive": False, "orig": ""}] * BLANK_ROWS,
    }


def set_data_from_form(fields: dict[str, str], base: KeywordSet) -> dict[str, Any]:
    """The YAML data the form describes; blank rows are dropped, notes of kept terms carried."""
    data: dict[str, Any] = {"id": fields.get("id", "").strip(),
                            "title": fields.get("title", "").strip()}
    if fields.get("version", "").strip():
        data["version"] = fields["version"].strip()
    if base.description:
        data["description"] = base.description
    if base.sources:
        data["sources"] = list(base.sources)
    data["categories"] = {}
    for i in _indexes(fields, "cat"):
        cid = fields.get(f"cat-{i}-id", "").strip()
        if not cid:
            continue
        entry: dict[str, Any] = {"title": fields.get(f"cat-{i}-title", "").strip(),
                                 "weight": _number(fields.get(f"cat-{i}-weight", "1"))}
        if f"cat-{i}-certification" in fields:
            entry["certification"] = True
        data["categories"][cid] = entry
    originals = {t.name: t for t in base.terms}
    data["terms"] = []
    for i in _indexes(fields, "term"):
        name = fields.get(f"term-{i}-name", "").strip()
        if not name:
            continue
        term: dict[str, Any] = {"name": name, "category": fields.get(f"term-{i}-category", "")}
        aliases = [a.strip() for a in fields.get(f"term-{i}-aliases", "").split(",") if a.strip()]
        if aliases:
            term["aliases"] = aliases
        term["weight"] = _number(fields.get(f"term-{i}-weight", "1"))
        for flag in ("required", "case_sensitive"):
            if f"term-{i}-{flag}" in fields:
                term[flag] = True
        original = originals.get(fields.get(f"term-{i}-orig", ""))
        if original is not None:
            term |= {k: v for k, v in (("source", original.source), ("note", original.note)) if v}
            # the editor has no depth fields: keep the original's (else saving drops them)
            term |= {k: v for k, v in (("min_years", original.min_years),
                                       ("recent_within_years", original.recent_within_years))
                     if v is not None}
        data["terms"].append(term)
    data["bands"] = [b.model_dump() for b in base.bands]
    return data


def next_id(set_id: str) -> str:
    """A new id for an edited copy: "x" -> "x-v2", "x-v2" -> "x-v3" (skipping ids in use)."""
    taken = {s.id for s in list_keyword_sets()} | {s.path.stem for s in list_keyword_sets()}
    match = re.fullmatch(r"(.*)-v(\d+)", set_id)
    stem, n = (match.group(1), int(match.group(2)) + 1) if match else (set_id, 2)
    while f"{stem}-v{n}" in taken:
        n += 1
    return f"{stem}-v{n}"


def next_version(version: str | None) -> str:
    return str(int(version) + 1) if version and version.isdigit() else "2"


def _form_again(request: Request, data: dict[str, Any], base: KeywordSet,
                problems: list[str]) -> Response:
    form = {
        "id": data["id"], "title": data["title"], "version": data.get("version", ""),
        "categories": [{"id": k, **v} for k, v in data["categories"].items()]
        + [{"id": "", "title": "", "weight": "", "certification": False}],
        "terms": [{"aliases": ", ".join(t.get("aliases", [])), "orig": t["name"], **t,
                   } for t in data["terms"]]
        + [{"name": "", "category": "", "aliases": "", "weight": "", "orig": ""}] * BLANK_ROWS,
    }
    return page(request, "set_edit.html", {"form": form, "base": base.id, "problems": problems},
                status=422)


def _indexes(fields: dict[str, str], prefix: str) -> list[int]:
    found = {int(m.group(1)) for k in fields if (m := re.fullmatch(rf"{prefix}-(\d+)-\w+", k))}
    return sorted(found)


def _number(value: str) -> float | str:
    """A number when the text is one; otherwise the text, for the validator to name."""
    try:
        return float(value) if value.strip() else 1.0
    except ValueError:
        return value


def _num(value: float) -> str:
    return f"{value:g}"

