"""Turn the paths a user gave into the files a batch reads, and the ones it skips (with why).

Only regular files whose first bytes look like a supported format are taken: the documents
sniffer decides PDF and DOCX (so a batch takes what the parsers read), a text file is taken by
its name.  Symlinks are
followed only while they stay inside the folder the user named, so a batch over a folder never
reads a file elsewhere on the disk; directory loops are reported, not walked.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from resume_checker.documents.model import Format
from resume_checker.documents.sniff import HEAD_BYTES, head_format

#: ``known(path, stat)``: the batch cache has read this file before and it is unchanged
Known = Callable[[Path, os.stat_result], bool]
TEXT_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".text"})
SNIFF_BYTES = HEAD_BYTES  # the head the documents sniffer decides PDF and ZIP by (1 KiB)
#: the Candidate kind of each format the first bytes decide
_KINDS = {Format.PDF: "pdf", Format.DOCX: "zip"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file the batch will read."""

    path: Path            # the path as found (absolute), opened by the worker
    display: str          # the name shown in reports: relative to the folder given
    kind: str             # "pdf" | "zip" | "text" | "empty": what the first bytes suggest;
                          # "known": read before by the batch cache, unchanged, not sniffed
    #: the file's stat when it was found (the batch cache tells unchanged files by it)
    stat: os.stat_result | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path the batch did not read, and why, in words a user can act on."""

    display: str
    reason: str


@dataclass(frozen=True, slots=True)
class Discovery:
    candidates: tuple[Candidate, ...]
    skipped: tuple[Skipped, ...]


def is_hidden_or_temporary(name: str) -> bool:
    """Hidden files, editor backups and Office lock files: never resumes."""
    return (
        name.startswith((".", "~$", "#"))
        or name.endswith(("~", ".tmp", ".swp", ".bak"))
        or name in {"Thumbs.db", "desktop.ini"}
    )


def sniff(head: bytes, suffix: str) -> str | None:
    """The kind of file the first bytes suggest, or None when no parser would take it."""
    fmt = head_format(head)
    if fmt is not None:
        return _KINDS[fmt]
    if suffix.lower() in TEXT_EXTENSIONS:
        return "text"
    return None


def discover(
    paths: Iterable[str | os.PathLike[str]],
    *,
    recursive: bool = False,
    on_first: Callable[[], object] | None = None,
    known: Known | None = None,
) -> Discovery:
    """Expand files and folders (mixed) into candidates and skipped entries, in a stable order.

    ``on_first`` is called when the first candidate is found (a batch starts its workers then,
    so they start while the rest of a large folder is listed).  ``known(path, stat)`` says a
    file is one the batch cache has read before, unchanged: its first bytes are not read again
    (it was a supported file then)."""
    candidates: list[Candidate] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for given in paths:
        root = Path(given)
        for item in _expand(root, recursive=recursive, known=known):
            if isinstance(item, Skipped):
                skipped.append(item)
            elif item.path not in seen:
                if on_first is not None and not candidates:
                    on_first()
                seen.add(item.path)
                candidates.append(item)
    return Discovery(tuple(candidates), tuple(skipped))


def _expand(root: Path, *, recursive: bool, known: Known | None) -> Iterator[Candidate | Skipped]:
    shown = str(root)
    try:
        st = root.stat()
    except FileNotFoundError:
        yield Skipped(shown, "not found" if not root.is_symlink() else "broken symlink")
        return
    except OSError as exc:
        yield Skipped(shown, f"cannot be read ({exc.strerror or exc})")
        return
    if stat.S_ISDIR(st.st_mode):
        real_root = root.resolve()
        yield from _walk(real_root, real_root, real_root.name, recursive=recursive,
                         visited={_key(st)}, linked=False, known=known)
    else:
        # a file named directly: its own symlink is resolved (parent folders need not be)
        path = root.resolve() if root.is_symlink() else Path(os.path.abspath(root))
        yield _classify(path, root.name, st, shown, known)


def _walk(
    folder: Path, root: Path, shown_folder: str, *, recursive: bool,
    visited: set[tuple[int, int]], linked: bool, known: Known | None,
) -> Iterator[Candidate | Skipped]:
    """The folder's entries, by name.  ``linked``: the folder was reached through a symlink, so
    its files are resolved (one file found twice is then checked once)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Skipped(shown_folder, f"folder cannot be read ({exc.strerror or exc})")
        return
    for entry in entries:
        path = Path(entry.path)
        shown = f"{shown_folder}/{entry.name}"
        if is_hidden_or_temporary(entry.name):
            yield Skipped(shown, "hidden or temporary file")
            continue
        is_link = entry.is_symlink()
        if is_link:
            target = path.resolve()
            if not target.exists():
                yield Skipped(shown, "broken symlink")
                continue
            if not target.is_relative_to(root):
                yield Skipped(shown, "symlink points outside the folder")
                continue
        try:
            st = os.stat(entry.path)
        except OSError as exc:
            yield Skipped(shown, f"cannot be read ({exc.strerror or exc})")
            continue
        if stat.S_ISDIR(st.st_mode):
            if not recursive:
                yield Skipped(shown, "folder (use --recursive)")
            elif _key(st) in visited:
                yield Skipped(shown, "folder already visited (symlink loop)")
            else:
                yield from _walk(path, root, shown, recursive=True, visited=visited | {_key(st)},
                                 linked=linked or is_link, known=known)
            continue
        # under the resolved root, a path that crossed no symlink is already the real one
        real = path.resolve() if linked or is_link else path
        yield _classify(real, entry.name, st, shown, known)


def _classify(
    path: Path, name: str, st: os.stat_result, shown: str, known: Known | None
) -> Candidate | Skipped:
    if not stat.S_ISREG(st.st_mode):
        return Skipped(shown, "not a regular file")
    if is_hidden_or_temporary(name):
        return Skipped(shown, "hidden or temporary file")
    if st.st_size == 0:
        return Candidate(path, shown, "empty", st)
    if known is not None and known(path, st):
        return Candidate(path, shown, "known", st)
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        return Skipped(shown, f"cannot be read ({exc.strerror or exc})")
    kind = sniff(head, path.suffix)
    if kind is None:
        suffix = path.suffix.lower() or "no extension"
        return Skipped(shown, f"unsupported format ({suffix}; expected PDF, DOCX, .txt or .md)")
    return Candidate(path, shown, kind, st)


def _key(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)
