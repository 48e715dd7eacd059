"""The one blank spaCy English pipeline the matcher tokenizes with (no model, no parser).

spaCy is imported at the first call, not at import, to keep a one-resume CLI run fast; a batch
or web forkserver calls :func:`blank_nlp` once before forking so every worker starts with it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["blank_nlp"]

_NLP: Language | None = None
_NLP_LOCK = threading.Lock()


def blank_nlp() -> Language:
    """The process-wide blank English pipeline (created on first use)."""
    global _NLP
    with _NLP_LOCK:
        if _NLP is None:
            import spacy

            _NLP = spacy.blank("en")
            # Only the tokenizer runs (linear in the text); spaCy's 1,000,000-character guard is
            # for the parser and NER, and a resume at Limits.max_chars plus its line joins is
            # longer than that.
            _NLP.max_length = 100_000_000
        return _NLP
