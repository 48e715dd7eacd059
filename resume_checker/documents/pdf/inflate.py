"""Refuse a PDF whose compressed streams inflate past a limit, before PDFium inflates them.

PDFium inflates a page's content streams whole, in memory: a 400 KB file whose content stream
is FlateDecode'd spaces (about 1000:1) costs it hundreds of MB and, under a worker's memory
limit, aborts the process with no reason a user could read.  This pass inflates each
FlateDecode stream in small chunks, keeping none of the output, and stops as soon as the total
passes ``Limits.max_inflated_bytes``.  Image streams are not counted: text extraction never
decodes them.  It is a guard, not a parser: a stream it cannot find or inflate (encrypted,
damaged) is left to PDFium, and the worker's memory limit still stands behind it.
"""

from __future__ import annotations

import re
import zlib

from resume_checker.errors import LimitExceededError
from resume_checker.limits import Limits

_STREAM = re.compile(rb"stream\r?\n")
# Up to the end of the last "obj" keyword: the greedy ".*" backs off from the end, so it stops
# at the nearest one instead of finding every one from the start.
_LAST_DICT_START = re.compile(rb".*\bobj\b", re.DOTALL)
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_LOOKBACK = 4096  # bytes before "stream" searched for the stream's dictionary
_CHUNK = 1 << 20
#: Deflate's largest possible expansion: a 258-byte match coded in two bits (RFC 1951); the
#: stream's header and first literal only lower it.
DEFLATE_MAX_RATIO = 1032


def may_exceed(size: int, limits: Limits) -> bool:
    """Whether a file of ``size`` bytes could hold streams that inflate past the limit at all:
    even a file made only of deflate data at deflate's best ratio stays under it otherwise, so
    :func:`check_inflated_size` could not raise (and most resumes skip the scan)."""
    return size * DEFLATE_MAX_RATIO >= limits.max_inflated_bytes


def check_inflated_size(data: bytes, *, source: str, limits: Limits) -> int:
    """The bytes the file's non-image FlateDecode streams inflate to; raises LimitExceededError
    once they pass ``limits.max_inflated_bytes``."""
    budget = limits.max_inflated_bytes
    total = 0
    for match in _STREAM.finditer(data):
        start = match.start()
        if data[max(0, start - 3):start] == b"end":
            continue  # "endstream"
        head = data[max(0, start - _LOOKBACK):start]
        last = _LAST_DICT_START.match(head)
        dictionary = head[last.end():] if last else head
        if not _FLATE.search(dictionary) or _IMAGE.search(dictionary):
            continue
        total += _inflated_size(data, match.end(), budget - total + 1)
        if total > budget:
            raise LimitExceededError(
                f"its compressed streams inflate to more than {budget // (1 << 20):,} MB "
                "(a decompression bomb?); the limit is max_inflated_bytes",
                source=source,
            )
    return total


def _inflated_size(data: bytes, offset: int, cap: int) -> int:
    """How many bytes the zlib stream at ``offset`` inflates to, counting at most ``cap``."""
    inflater = zlib.decompressobj()
    size = 0
    view = memoryview(data)[offset:]
    pending = bytes(view[:_CHUNK])
    consumed = _CHUNK
    try:
        while pending and size < cap:
            out = inflater.decompress(pending, _CHUNK)
            size += len(out)
            if inflater.eof:
                break
            pending = inflater.unconsumed_tail
            if not pending:
                pending = bytes(view[consumed:consumed + _CHUNK])
                consumed += _CHUNK
    except zlib.error:
        pass  # damaged or encrypted: PDFium decides
    return size
