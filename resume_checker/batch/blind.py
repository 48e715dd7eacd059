"""Blind screening: keep names, e-mail addresses, phone numbers and links out of every output.

Reviewers should judge the terms, not the person.  File names become ``candidate-001``; any text
shown from a resume has e-mails, phones and URLs replaced; and the lines above the first heading
(where the name and contact block sit) are never shown, nor are the words of the first line
(the name) anywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from resume_checker.documents.model import Document

REDACTED = "[redacted]"
#: lines above the first heading that may hold the name, when a resume has no heading at all
_HEADLESS_NAME_LINES = 2

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|io|dev|me|in)/\S*|\b[\w-]+\.com\b",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\w])\+?\(?\d[\d\s().-]{6,}\d(?![\w])")
_HANDLE = re.compile(r"(?<![\w])@[A-Za-z0-9_]{2,}")


def candidate_label(number: int) -> str:
    """The name a file gets in blind outputs (1-based, in input order, not rank)."""
    return f"candidate-{number:03d}"


@dataclass(frozen=True, slots=True)
class Redactor:
    """Redacts contact details and the words of a resume's name block from any text."""

    header_lines: frozenset[tuple[int, int]]   # (page, line) pairs above the first heading
    name_words: tuple[str, ...]                 # words of the name block, to hide elsewhere

    @classmethod
    def for_document(cls, document: Document) -> Redactor:
        first = [line for line in document.pages[0].lines] if document.pages else []
        heading = next((i for i, line in enumerate(first) if line.is_heading), None)
        head = first[: heading if heading is not None else _HEADLESS_NAME_LINES]
        words = {
            w
            for line in head[:2]
            for w in re.findall(r"[^\W\d_][\w'’-]+", _contacts(line.text).replace(REDACTED, " "))
            if len(w) > 1
        }
        return cls(frozenset((line.page, line.number) for line in head), tuple(sorted(words)))

    def hides_line(self, page: int | None, line: int | None) -> bool:
        return (page, line) in self.header_lines

    def text(self, text: str) -> str:
        text = _contacts(text)
        if self.name_words:
            pattern = r"\b(?:" + "|".join(re.escape(w) for w in self.name_words) + r")\b"
            text = re.sub(pattern, REDACTED, text, flags=re.IGNORECASE)
        return text


def _contacts(text: str) -> str:
    for pattern in (_EMAIL, _URL, _HANDLE):
        text = pattern.sub(REDACTED, text)
    return _PHONE.sub(_phone, text)


def _phone(match: re.Match[str]) -> str:
    """Nine digits or more is a phone number; fewer is a date range or an amount."""
    return REDACTED if sum(c.isdigit() for c in match.group()) >= 9 else match.group()


def redact_tree(value: Any, redactor: Redactor, *, names: Iterable[str] = ()) -> Any:
    """Redact every string in a JSON-like tree; strings equal to a file name become the label."""
    hidden = dict.fromkeys(names, None)
    return _walk(value, redactor, hidden)


def _walk(value: Any, redactor: Redactor, hidden: dict[str, None]) -> Any:
    if isinstance(value, str):
        return REDACTED if value in hidden else redactor.text(value)
    if isinstance(value, dict):
        if _is_header_evidence(value, redactor):
            return {k: (REDACTED if k == "text" else _walk(v, redactor, hidden))
                    for k, v in value.items()}
        return {k: _walk(v, redactor, hidden) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_walk(v, redactor, hidden) for v in value]
    return value


def _is_header_evidence(value: dict[str, Any], redactor: Redactor) -> bool:
    page, line = value.get("page"), value.get("line", value.get("line_number"))
    return isinstance(page, int) and isinstance(line, int) and redactor.hides_line(page, line)
