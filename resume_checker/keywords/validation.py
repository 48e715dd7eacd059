"""Turn keyword-set YAML text into a KeywordSet, or into every problem a person must fix.

Each problem names the YAML line, the term (number and name) and the field, and shows a
correct example, because the people who edit these files are recruiters, not programmers.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from resume_checker.errors import InvalidKeywordSetError
from resume_checker.keywords.model import (
    AnyOf,
    Band,
    Category,
    EducationRequirement,
    KeywordSet,
    Term,
)
from resume_checker.keywords.spelling import spelling_key

#: a keyword-set file is small; anything bigger is a mistake (or an attack on the web editor)
MAX_SET_CHARS = 1_000_000

EXAMPLES: dict[str, str] = {
    "id": "id: neural-network-architect",
    "title": "title: Neural Network Architect",
    "description": "description: Skills and credentials for the role",
    "version": 'version: "1"',
    "sources": "sources: [Career guide to the role]",
    "categories": "categories:\n  frameworks: {title: Frameworks, weight: 1.0}",
    "terms": "terms:\n  - {name: PyTorch, category: frameworks, aliases: [torch]}",
    "bands": "bands:\n  - {name: strong, min_score: 70}",
    "name": "name: PyTorch",
    "category": "category: frameworks",
    "aliases": "aliases: [torch, pytorch]",
    "weight": "weight: 2",
    "required": "required: true",
    "case_sensitive": "case_sensitive: true",
    "certification": "certification: true",
    "source": "source: job ad 2024",
    "note": "note: why the term is here",
    "min_score": "min_score: 70",
    "any_of": "any_of:\n  - {name: Deep learning framework, terms: [PyTorch, JAX], required: true}",
    "min_years_experience": "min_years_experience: 5   (or: {years: 5, required: true})",
    "education": "education:\n  min_level: masters\n  fields: [computer science]",
    "min_level": "min_level: masters   (one of associate, bachelors, masters, phd)",
    "fields": "fields: [computer science, machine learning]",
    "requirements_weight": "requirements_weight: 1.0",
    "min_years": "min_years: 2   (years of use in dated positions)",
    "recent_within_years": "recent_within_years: 3   (used within the last 3 years)",
}
_MODELS: dict[str, type[BaseModel]] = {
    "set": KeywordSet,
    "category": Category,
    "term": Term,
    "band": Band,
    "any_of": AnyOf,
    "education": EducationRequirement,
}


def parse_text(text: str, *, source: str) -> KeywordSet:
    """Parse YAML text into a KeywordSet, raising InvalidKeywordSetError with every problem."""
    if len(text) > MAX_SET_CHARS:
        problem = f"the file has {len(text):,} characters; a set has at most {MAX_SET_CHARS:,}"
        raise InvalidKeywordSetError([problem], source=source)
    data, root, problems = _read_yaml(text)
    if problems:
        raise InvalidKeywordSetError(problems, source=source)
    located = [(_line_of(root, err["loc"]), _pydantic_message(err, data)) for err in _errors(data)]
    located += list(_cross_field_problems(data, root))
    if located:
        located.sort(key=lambda item: item[0])
        raise InvalidKeywordSetError([f"line {ln}: {msg}" for ln, msg in located], source=source)
    return KeywordSet.model_validate(data)


# --- YAML -------------------------------------------------------------------------------------


def _read_yaml(text: str) -> tuple[Any, yaml.Node | None, list[str]]:
    """Compose (for line numbers) and construct the document; syntax errors become problems."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None, [f"the file is empty; a keyword set starts with {EXAMPLES['id']}"]
        shape_problems = list(_node_problems(root))
        if shape_problems:
            return None, root, shape_problems
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        return None, None, [_syntax_message(exc)]
    except yaml.YAMLError as exc:
        return None, None, [f"YAML error: {exc}"]
    except RecursionError:
        return None, None, ["the YAML is nested too deeply to be a keyword set"]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({type(data).__name__})"
        example = "\n".join(EXAMPLES[f] for f in ("id", "title", "categories", "terms"))
        return (
            None,
            root,
            [
                f"line 1: the file holds {kind}, but a keyword set is a mapping of fields. "
                + _example_text(example)
            ],
        )
    return data, root, []


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    mark = exc.problem_mark or exc.context_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    what = exc.problem or "invalid YAML"
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        start = exc.context_mark
        what += f" ({exc.context}, which starts on line {start.line + 1}, "
        what += f"column {start.column + 1})"
    elif exc.context:
        what += f" ({exc.context})"
    return (
        f"{where}YAML syntax error: {what}. Check the indentation (spaces, not tabs) and put "
        "text holding ': ', '#', '[' or '{' in quotes, e.g. name: \"C#: .NET\""
    )


def _node_problems(root: yaml.Node) -> Iterator[str]:
    """Duplicate keys (YAML keeps the last silently) and anchors/aliases (not supported)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            line = node.start_mark.line + 1
            yield (
                f"line {line}: YAML anchors and aliases (&name, *name) are not supported in "
                "keyword sets; write the value out in full"
            )
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1
                    if key.value in keys:
                        yield (
                            f"line {line}: '{key.value}' appears twice in the same mapping "
                            f"(first on line {keys[key.value]}); keep one"
                        )
                    keys.setdefault(key.value, line)
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _line_of(root: yaml.Node | None, loc: tuple[int | str, ...]) -> int:
    """The 1-based line of the deepest node on the path ``loc`` (its key, for mapping entries)."""
    if root is None:
        return 1
    node, line = root, root.start_mark.line + 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    child, line = value, key.start_mark.line + 1
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


# --- field errors (pydantic) ------------------------------------------------------------------


def _errors(data: dict[str, Any]) -> list[ErrorDetails]:
    """Field errors; a too-short error on a non-empty list only echoes its items' errors."""
    try:
        KeywordSet.model_validate(data)
    except ValidationError as exc:
        errors = [
            err
            for err in exc.errors(include_url=False)
            if not (err["type"] == "too_short" and err.get("input"))
        ]
        # min_years_experience is a number or a mapping: one message, not one per form
        years = [e for e in errors if e["loc"][:1] == ("min_years_experience",)]
        return [e for e in errors if e not in years[1:]]
    return []


def _where(loc: tuple[int | str, ...], data: dict[str, Any]) -> tuple[str, str | None]:
    """Describe the place (term number and name, category id) and the field of an error."""
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), None)
    if len(loc) >= 2 and loc[0] == "terms" and isinstance(loc[1], int):
        place = _term_label(data, loc[1])
        return place, field if len(loc) > 2 else None
    if len(loc) >= 2 and loc[0] == "categories":
        return f"category '{loc[1]}'", field if len(loc) > 2 else None
    if len(loc) >= 2 and loc[0] == "bands" and isinstance(loc[1], int):
        return f"band #{loc[1] + 1}", field if len(loc) > 2 else None
    if len(loc) >= 2 and loc[0] == "any_of" and isinstance(loc[1], int):
        return _group_label(data, loc[1]), field if len(loc) > 2 else None
    if len(loc) >= 2 and loc[0] == "education":
        return "education", field if isinstance(loc[1], str) else "fields"
    return "", field


def _term_label(data: dict[str, Any], index: int) -> str:
    terms = data.get("terms")
    name = None
    if isinstance(terms, list) and index < len(terms) and isinstance(terms[index], dict):
        name = terms[index].get("name")
    return f"term #{index + 1} '{name}'" if isinstance(name, str) and name else f"term #{index + 1}"


def _model_for(loc: tuple[int | str, ...]) -> type[BaseModel]:
    if loc[:1] == ("terms",) and len(loc) > 2:
        return _MODELS["term"]
    if loc[:1] == ("categories",) and len(loc) > 2:
        return _MODELS["category"]
    if loc[:1] == ("bands",) and len(loc) > 2:
        return _MODELS["band"]
    if loc[:1] == ("any_of",) and len(loc) > 2:
        return _MODELS["any_of"]
    if loc[:1] == ("education",) and len(loc) > 1:
        return _MODELS["education"]
    return _MODELS["set"]


def _pydantic_message(err: ErrorDetails, data: dict[str, Any]) -> str:
    loc, kind, value = tuple(err["loc"]), err["type"], err.get("input")
    place, field = _where(loc, data)
    head = ", ".join(p for p in (place, f"field '{field}'" if field else "") if p)
    head = f"{head}: " if head else ""
    example = EXAMPLES.get(field or "", "")
    shown = _example_text(example)
    if loc[:1] == ("min_years_experience",) and kind != "extra_forbidden":
        got = data.get("min_years_experience")
        return (
            "field 'min_years_experience': must be a number of years greater than 0 and at most "
            f"60, or a mapping such as {{years: 5, required: true}}, got {_short(got)}. "
            + _example_text(EXAMPLES["min_years_experience"])
        )
    if kind == "literal_error" and field == "min_level":
        return f"{head}must be one of associate, bachelors, masters, phd, got {value!r}. {shown}"
    if kind == "missing":
        return f"{head}missing required field. {shown}"
    if kind == "extra_forbidden":
        return head + _unknown_field(str(loc[-1]), _model_for(loc))
    if field == "requirements_weight":
        return f"{head}must be a number greater than 0 and at most 100, got {value!r}. {shown}"
    if field in ("min_years", "recent_within_years"):
        years = "a number of years greater than 0 and at most 60"
        return f"{head}must be {years}, got {value!r}. {shown}"
    if field == "weight" or field == "min_score":
        top = "100" if field == "weight" else "100 (a score)"
        low = "greater than 0" if field == "weight" else "at least 0"
        return f"{head}must be a number {low} and at most {top}, got {value!r}. {shown}"
    if field == "id" and kind == "string_pattern_mismatch":
        fix = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "my-role"
        return (
            f"{head}{value!r} is not a slug: use lowercase letters, digits and single hyphens, "
            f"e.g. id: {fix}"
        )
    if kind == "string_too_short" and field == "aliases":
        number = f"#{loc[-1] + 1} " if isinstance(loc[-1], int) else ""
        return f"{head}alias {number}is empty; remove it or write a spelling. {shown}"
    if kind == "string_too_short":
        return f"{head}is empty. {shown}"
    if kind == "too_short" and field in ("terms", "categories"):
        return f"{head}is empty; add at least one. {shown}"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"{head}must be true or false, got {value!r}. {shown}"
    if kind == "string_type" and isinstance(value, bool):
        return (
            f"{head}YAML read this as {str(value).lower()}; put text such as yes/no/on/off in "
            f'quotes. Example: {field or "name"}: "{"yes" if value else "no"}"'
        )
    if kind == "string_type" and isinstance(value, int | float):
        return f'{head}YAML read this as a number; put it in quotes, e.g. {field}: "{value}"'
    if kind in ("tuple_type", "list_type"):
        return f"{head}must be a list, got {_short(value)}. {shown}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if len(loc) == 2 and loc[0] == "terms":
            example = "- {name: PyTorch, category: frameworks}"
        elif len(loc) == 2 and loc[0] == "categories":
            example = f"{loc[1]}: {{title: {str(loc[1]).replace('-', ' ').title()}, weight: 1.0}}"
        return f"{head}must be a mapping of fields, got {_short(value)}. {_example_text(example)}"
    return f"{head}{err['msg']}" + (f". {shown}" if example else "")


def _example_text(example: str) -> str:
    """'Example: x: 1' on one line, or an indented block for a multi-line example."""
    if "\n" not in example:
        return f"Example: {example}"
    return "Example:\n" + "\n".join(f"      {line}" for line in example.splitlines())


def _unknown_field(name: str, model: type[BaseModel]) -> str:
    allowed = list(model.model_fields)
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown field '{name}'{hint}. Allowed fields: {', '.join(allowed)}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- cross-field checks -----------------------------------------------------------------------


def _cross_field_problems(
    data: dict[str, Any], root: yaml.Node | None
) -> Iterator[tuple[int, str]]:
    """Unknown categories, duplicate spellings across terms, categories no term uses."""
    categories = data.get("categories")
    terms = data.get("terms")
    if not isinstance(terms, list):
        return
    declared = list(categories) if isinstance(categories, dict) else None
    used: set[str] = set()
    owners: dict[str, tuple[int, str, bool]] = {}  # key -> (term index, spelling, case-sensitive)
    for index, term in enumerate(terms):
        if not isinstance(term, dict):
            continue
        category = term.get("category")
        if isinstance(category, str) and declared is not None:
            used.add(category)
            if category not in declared:
                line = _line_of(root, ("terms", index, "category"))
                yield line, _unknown_category(_term_label(data, index), category, declared)
        if isinstance(term.get("weight"), bool):  # pydantic would read true as 1.0
            line = _line_of(root, ("terms", index, "weight"))
            got = str(term["weight"]).lower()
            message = f"{_term_label(data, index)}, field 'weight': must be a number greater "
            message += f"than 0 and at most 100, got {got}. Example: {EXAMPLES['weight']}"
            yield line, message
        for key in ("min_years", "recent_within_years"):
            if isinstance(term.get(key), bool):  # pydantic would read true as 1.0
                line = _line_of(root, ("terms", index, key))
                message = f"{_term_label(data, index)}, field '{key}': must be a number of "
                message += f"years greater than 0 and at most 60, got {str(term[key]).lower()}. "
                yield line, message + f"Example: {EXAMPLES[key]}"
        yield from _duplicates(data, root, index, term, owners)
    yield from _group_problems(data, root, terms)
    if declared and terms:
        for cat_id in declared:
            if cat_id not in used:
                line = _line_of(root, ("categories", cat_id))
                message = f"category '{cat_id}' is declared but no term uses it; add a term "
                message += f"with category: {cat_id}, or remove the category"
                yield line, message


def _group_label(data: dict[str, Any], index: int) -> str:
    groups = data.get("any_of")
    name = None
    if isinstance(groups, list) and index < len(groups) and isinstance(groups[index], dict):
        name = groups[index].get("name")
    label = f"any_of group #{index + 1}"
    return f"{label} '{name}'" if isinstance(name, str) and name else label


def _group_problems(
    data: dict[str, Any], root: yaml.Node | None, terms: list[Any]
) -> Iterator[tuple[int, str]]:
    """Every name in an any_of group must be the name of a term of the set."""
    groups = data.get("any_of")
    if not isinstance(groups, list):
        return
    names = [t["name"] for t in terms if isinstance(t, dict) and isinstance(t.get("name"), str)]
    by_key = {n.strip().casefold(): n for n in names}
    for g_index, group in enumerate(groups):
        members = group.get("terms") if isinstance(group, dict) else None
        if not isinstance(members, list):
            continue
        for m_index, member in enumerate(members):
            if not isinstance(member, str) or not member.strip() or member in names:
                continue
            line = _line_of(root, ("any_of", g_index, "terms", m_index))
            same = by_key.get(member.strip().casefold())
            close = [same] if same else difflib.get_close_matches(member, names, n=1, cutoff=0.5)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            message = f"{_group_label(data, g_index)}, field 'terms': '{member}' is not the name "
            message += f"of a term of this set; a group lists term names.{hint}"
            yield line, message


def _unknown_category(label: str, category: str, declared: list[str]) -> str:
    close = difflib.get_close_matches(category, declared, n=1, cutoff=0.5)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    example = close[0] if close else declared[0] if declared else "frameworks"
    return (
        f"{label}, field 'category': unknown category '{category}'. Declared categories: "
        f"{', '.join(declared) or '(none)'}.{hint} Example: category: {example}"
    )


def _duplicates(
    data: dict[str, Any],
    root: yaml.Node | None,
    index: int,
    term: dict[str, Any],
    owners: dict[str, tuple[int, str, bool]],
) -> Iterator[tuple[int, str]]:
    """A spelling shared by two terms makes a match ambiguous; name both terms."""
    aliases = term.get("aliases")
    spellings = [("name", term.get("name"))]
    if isinstance(aliases, list):
        spellings += [("aliases", a) for a in aliases]
    exact = term.get("case_sensitive") is True
    for field, spelling in spellings:
        if not isinstance(spelling, str) or not spelling.strip():
            continue
        # underscores count as spaces here (the matcher keeps them; validation always folded them)
        key = spelling_key(spelling.replace("_", " "))
        previous = owners.get(key)
        if previous is None:
            owners[key] = (index, spelling, exact)
            continue
        other, other_spelling, other_exact = previous
        if other == index or (exact and other_exact and other_spelling.strip() != spelling.strip()):
            continue
        line = _line_of(root, ("terms", index, field))
        message = f"{_term_label(data, index)}, field '{field}': '{spelling}' is also a "
        message += f"spelling of {_term_label(data, other)} ('{other_spelling}'); a spelling "
        message += "may belong to one term only. Remove it from one of them, or merge the two terms"
        yield line, message
