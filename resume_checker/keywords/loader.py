"""Find, load, validate and write keyword-set YAML files.

Sets are looked up by id in the bundled directory first, then in the user's directory
(``RESUME_CHECKER_SETS_DIR`` or the platform's user data dir), or loaded from a path.
A file is parsed and validated once per process for each (path, mtime, size).
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import platformdirs
import yaml

from resume_checker.errors import InvalidKeywordSetError, KeywordSetError, KeywordSetNotFoundError
from resume_checker.keywords.model import DEFAULT_BANDS, KeywordSet, Term
from resume_checker.keywords.validation import parse_text

SETS_DIR_ENV = "RESUME_CHECKER_SETS_DIR"
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class KeywordSetInfo:
    """One keyword-set file as listed to a user; ``problems`` is non-empty for a broken file."""

    id: str
    title: str
    path: Path
    term_count: int
    bundled: bool
    problems: tuple[str, ...] = ()


def bundled_dir() -> Path:
    """The sets shipped in the wheel, or ``<repo>/keyword_sets`` in a source checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    installed = package_dir / "keyword_sets"
    return installed if installed.is_dir() else package_dir.parent / "keyword_sets"


def user_sets_dir() -> Path:
    """Where a user's own sets are saved and found (need not exist yet)."""
    override = os.environ.get(SETS_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("resume-checker")) / "keyword_sets"


def list_keyword_sets() -> list[KeywordSetInfo]:
    """Every set file, bundled first, then the user's; broken files are listed with problems."""
    infos = []
    for path, bundled in _set_files():
        try:
            kwset = _load_path(path)
        except InvalidKeywordSetError as exc:
            infos.append(KeywordSetInfo(path.stem, "", path, 0, bundled, tuple(exc.problems)))
            continue
        infos.append(KeywordSetInfo(kwset.id, kwset.title, path, len(kwset.terms), bundled))
    return infos


def load_keyword_set(ref: str | os.PathLike[str] | KeywordSet) -> KeywordSet:
    """A set by id (bundled, then user dir) or by path; a KeywordSet is returned as it is."""
    if isinstance(ref, KeywordSet):
        return ref
    if isinstance(ref, os.PathLike) or _looks_like_path(ref):
        return _load_path(Path(ref))
    return _load_by_id(ref)


def validate_keyword_set_file(path: str | os.PathLike[str]) -> list[str]:
    """Every problem of a keyword-set file, as messages ([] when it is valid)."""
    try:
        _load_path(Path(path))
    except InvalidKeywordSetError as exc:
        return list(exc.problems)
    except KeywordSetNotFoundError as exc:
        return [exc.reason]
    return []


def parse_keyword_set(text: str, *, source: str) -> KeywordSet:
    """A set from YAML text; ``source`` names it in error messages (a path, "<editor>")."""
    return parse_text(text, source=source)


def save_keyword_set(kwset: KeywordSet, directory: str | os.PathLike[str] | None = None) -> Path:
    """Write a set as ``<id>.yaml`` in the user dir (or ``directory``), atomically.

    A bundled id is refused: the bundled set would shadow the saved one on lookup.
    """
    if any(p.stem == kwset.id for p, bundled in _set_files() if bundled):
        raise KeywordSetError(f"'{kwset.id}' is the id of a bundled set; save it under another id")
    target_dir = Path(directory) if directory is not None else user_sets_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{kwset.id}.yaml"
    fd, tmp = tempfile.mkstemp(dir=target_dir, prefix=f".{kwset.id}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(dump_keyword_set(kwset))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


# --- lookup and cache -------------------------------------------------------------------------


def _looks_like_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.lower().endswith(SUFFIXES) or Path(ref).is_file()


def _set_files() -> list[tuple[Path, bool]]:
    files: list[tuple[Path, bool]] = []
    for directory, bundled in ((bundled_dir(), True), (user_sets_dir(), False)):
        if directory.is_dir():
            found = [p for p in directory.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()]
            files += [(p, bundled) for p in sorted(found) if not p.name.startswith(".")]
    return files


def _load_by_id(set_id: str) -> KeywordSet:
    files = _set_files()
    # fast path: a file named after the id; its problems are the caller's problems
    for path, _ in files:
        if path.stem == set_id:
            kwset = _load_path(path)
            if kwset.id == set_id:
                return kwset
    available: list[str] = []
    for path, _ in files:
        try:
            kwset = _load_path(path)
        except InvalidKeywordSetError:
            continue  # a broken unrelated file must not hide the others
        if kwset.id == set_id:
            return kwset
        available.append(kwset.id)
    close = difflib.get_close_matches(set_id, available, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise KeywordSetNotFoundError(
        f"no keyword set with id '{set_id}'. Available: {', '.join(available) or '(none)'}."
        f"{hint} Pass a path to a YAML file, or save the set in {user_sets_dir()}"
    )


def _load_path(path: Path) -> KeywordSet:
    try:
        stat = path.stat()
    except OSError as exc:
        raise KeywordSetNotFoundError(
            f"cannot open the keyword-set file: {exc.strerror or exc}", source=str(path)
        ) from exc
    if not path.is_file():
        raise KeywordSetNotFoundError("not a file", source=str(path))
    return _load_cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size, str(path))


@lru_cache(maxsize=256)
def _load_cached(resolved: str, mtime_ns: int, size: int, shown: str) -> KeywordSet:
    """Parse one version of one file; mtime and size are part of the key so edits reload."""
    try:
        raw = Path(resolved).read_bytes()
    except OSError as exc:
        raise KeywordSetNotFoundError(f"cannot read: {exc.strerror or exc}", source=shown) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8"
        raise InvalidKeywordSetError([problem], source=shown) from None
    return parse_text(text, source=shown)


# --- writing ----------------------------------------------------------------------------------


def dump_keyword_set(kwset: KeywordSet) -> str:
    """Readable YAML: id, title, description, sources, categories, bands, then one line a term."""
    out = [f"id: {_scalar(kwset.id)}", f"title: {_scalar(kwset.title)}"]
    if kwset.description is not None:
        out.append(f"description: {_scalar(kwset.description)}")
    if kwset.version is not None:
        out.append(f"version: {_scalar(kwset.version)}")
    if kwset.sources:
        out.append("sources:")
        out += [f"  - {_scalar(s)}" for s in kwset.sources]
    out.append("categories:")
    for cat_id, cat in kwset.categories.items():
        fields: dict[str, object] = {"title": cat.title, "weight": cat.weight}
        if cat.certification:
            fields["certification"] = True
        if cat.description is not None:
            fields["description"] = cat.description
        out.append(f"  {_scalar(cat_id)}: {_flow(fields)}")
    if kwset.bands != DEFAULT_BANDS:
        out.append("bands:")
        out += [f"  - {_flow({'name': b.name, 'min_score': b.min_score})}" for b in kwset.bands]
    out += _requirement_lines(kwset)
    out.append("terms:")
    out += [f"  - {_flow(_term_fields(t))}" for t in kwset.terms]
    if kwset.any_of:
        out.append("any_of:")
        for g in kwset.any_of:
            group: dict[str, object] = {"name": g.name, "terms": list(g.terms)}
            if g.required:
                group["required"] = True
            out.append(f"  - {_flow(group)}")
    return "\n".join(out) + "\n"


def _requirement_lines(kwset: KeywordSet) -> list[str]:
    """min_years_experience, education and requirements_weight, when the set states them."""
    out = []
    years = kwset.min_years_experience
    if years is not None:
        shown = _scalar(years) if isinstance(years, float | int) else _flow(years.model_dump())
        out.append(f"min_years_experience: {shown}")
    if kwset.education is not None:
        edu = kwset.education
        fields: dict[str, object] = {"min_level": edu.min_level}
        if edu.fields:
            fields["fields"] = list(edu.fields)
        if edu.required:
            fields["required"] = True
        out.append(f"education: {_flow(fields)}")
    if kwset.has_requirements and kwset.requirements_weight != 1.0:
        out.append(f"requirements_weight: {_scalar(kwset.requirements_weight)}")
    return out


def _term_fields(term: Term) -> dict[str, object]:
    fields: dict[str, object] = {"name": term.name, "category": term.category}
    if term.aliases:
        fields["aliases"] = list(term.aliases)
    if term.weight != 1.0:
        fields["weight"] = term.weight
    for flag in ("required", "case_sensitive"):
        if getattr(term, flag):
            fields[flag] = True
    for years in ("min_years", "recent_within_years"):
        if getattr(term, years) is not None:
            fields[years] = getattr(term, years)
    for text in ("source", "note"):
        if getattr(term, text) is not None:
            fields[text] = getattr(term, text)
    return fields


def _flow(fields: dict[str, object]) -> str:
    return "{" + ", ".join(f"{key}: {_scalar(value)}" for key, value in fields.items()) + "}"


def _scalar(value: object) -> str:
    """One YAML value that is safe inside a flow mapping; numbers without a needless '.0'."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else _plain_float(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    text = yaml.safe_dump([value], default_flow_style=True, width=1 << 30, allow_unicode=True)
    return text.strip()[1:-1]


def _plain_float(value: float) -> str:
    text = repr(value)
    return text if "e" not in text else f"{value:.12f}".rstrip("0")
