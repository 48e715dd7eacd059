"""One exception root for everything the library raises on purpose.

Libraries raise; the CLI and the web map these to exit codes and HTTP statuses;
a batch records them per file and keeps going.  Every message names the file
(or keyword set) and the reason, in words a user can act on.
"""

from __future__ import annotations


class ResumeCheckerError(Exception):
    """Root of all errors raised by resume_checker on purpose."""

    #: short machine-readable code, stable across versions (used in JSON and CSV)
    code = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.reason = message
        super().__init__(f"{source}: {message}" if source else message)


class DocumentError(ResumeCheckerError):
    """A resume (or job document) could not be read."""

    code = "unreadable"


class UnsupportedFormatError(DocumentError):
    """The bytes are not PDF, DOCX or plain text (e.g. .doc, .odt, .rtf, images, .docm)."""

    code = "unsupported_format"


class UnreadableDocumentError(DocumentError):
    """The bytes claim a supported format but are broken (truncated, corrupt, malformed)."""

    code = "unreadable"


class PasswordProtectedError(DocumentError):
    """The PDF needs a user password to open."""

    code = "password_protected"


class LimitExceededError(DocumentError):
    """The input exceeds a safety limit (size, pages, compression ratio, time, memory)."""

    code = "limit_exceeded"


class KeywordSetError(ResumeCheckerError):
    """A keyword set could not be found or is invalid."""

    code = "invalid_keyword_set"


class KeywordSetNotFoundError(KeywordSetError):
    code = "keyword_set_not_found"


class InvalidKeywordSetError(KeywordSetError):
    """The keyword-set file is malformed; ``problems`` lists every problem found."""

    code = "invalid_keyword_set"

    def __init__(self, problems: list[str], *, source: str | None = None) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"invalid keyword set ({len(self.problems)} problem(s)):\n{lines}", source=source
        )
