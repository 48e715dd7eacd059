"""Inputs given as fsspec URLs (``s3://``, ``gs://``, ``file://``...): list them and read them.

Needs ``fsspec`` (it comes with the ``dask`` extra) plus the protocol's own package (``s3fs`` for
S3, ``gcsfs`` for Google Cloud Storage).  Without them a URL input is a usage error that names the
package to install, raised before any file is read.  Remote files are taken by extension (reading
the first bytes of every object would cost a request each); the parser still sniffs the bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from resume_checker.batch.discover import TEXT_EXTENSIONS, Skipped, is_hidden_or_temporary
from resume_checker.errors import LimitExceededError, ResumeCheckerError, UnreadableDocumentError
from resume_checker.limits import Limits

#: the names a remote file is taken by: what discovery sniffs as PDF or DOCX, and its text ones
SUFFIXES = frozenset({".pdf", ".docx"}) | TEXT_EXTENSIONS
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


class RemoteInputError(ResumeCheckerError):
    """A URL input cannot be listed at all (fsspec or its protocol package is missing)."""

    code = "usage"


@dataclass(frozen=True, slots=True)
class RemoteFile:
    url: str
    display: str


def is_url(path: object) -> bool:
    """True for ``scheme://...`` inputs (a Windows drive letter ``C:\\`` is not one)."""
    return isinstance(path, str) and bool(_URL.match(path))


def list_urls(
    urls: Iterable[str], *, recursive: bool = False
) -> tuple[list[RemoteFile], list[Skipped]]:
    """Expand URL files and folders into the files to read (sorted) and the ones skipped."""
    found: list[RemoteFile] = []
    skipped: list[Skipped] = []
    for url in urls:
        fs, root = _filesystem(url)
        protocol = url.split("://", 1)[0]
        if not fs.exists(root):
            skipped.append(Skipped(url, "not found"))
            continue
        if not fs.isdir(root):
            names = [root]
        elif recursive:
            names = sorted(fs.find(root))
        else:
            names = sorted(e["name"] for e in fs.ls(root, detail=True) if e["type"] == "file")
        for name in names:
            full = fs.unstrip_protocol(name) if protocol != "file" else f"file://{name}"
            shown = full if name == root else _rel(name, root)
            base = name.rsplit("/", 1)[-1]
            suffix = "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""
            if is_hidden_or_temporary(base):
                skipped.append(Skipped(shown, "hidden or temporary file"))
            elif suffix not in SUFFIXES:
                skipped.append(Skipped(shown, f"unsupported format ({suffix or 'no extension'}; "
                                       "expected PDF, DOCX, .txt or .md)"))
            else:
                found.append(RemoteFile(full, shown))
    return found, skipped


def read_url(url: str, limits: Limits) -> bytes:
    """The bytes of one URL, under the same size limit and wording as a local file."""
    fs, path = _filesystem(url)
    try:
        size = fs.size(path)
        if size is not None and size > limits.max_file_bytes:
            limit_mb = limits.max_file_bytes // 1048576
            raise LimitExceededError(f"file is {size / 1048576:.1f} MB, over {limit_mb} MB")
        if size == 0:
            raise UnreadableDocumentError("empty file (0 bytes)")
        with fs.open(path, "rb") as handle:
            return handle.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise UnreadableDocumentError(f"cannot be read ({exc.strerror or exc})") from None


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise RemoteInputError(
            f"{url}: URL inputs need fsspec: pip install \"resume-checker[dask]\" "
            "(plus s3fs for s3://, gcsfs for gs://)"
        ) from None
    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise RemoteInputError(f"{url}: cannot open this kind of URL ({exc})") from None


def _rel(name: str, root: str) -> str:
    root = root.rstrip("/")
    return root.rsplit("/", 1)[-1] + "/" + name[len(root):].lstrip("/")
