"""What text a term's spelling matches: the word sequences it stands for (joined or split
compounds, plural or singular; :func:`pattern_words`), and the whole-word rule a hit in the
text must meet (:func:`bounded`)."""

from __future__ import annotations

from resume_checker.matching.tokenizer import Tokens

__all__ = ["bounded", "pattern_words", "variants"]

# Word prefixes that people write joined, spaced or hyphenated ("pretrained", "pre-trained").
_SPLIT_PREFIXES = ("pre", "multi", "fine", "non", "self", "semi", "cross", "co", "sub")
_PLURAL_ES = ("s", "x", "z", "ch", "sh")


def _plural_forms(word: str) -> list[str]:
    if not word[-1:].isalpha():
        return []
    forms = []
    lower = word.lower()
    if lower.endswith(_PLURAL_ES):
        forms.append(word + "es")
    elif lower.endswith("y") and len(word) > 2 and lower[-2] not in "aeiou":
        forms.append(word[:-1] + "ies")
    forms.append(word + "s")
    if len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        forms.append(word[:-3] + "y" if lower.endswith("ies") else word[:-1])
    return forms


def _prefix_split(word: str) -> list[str] | None:
    lower = word.lower()
    for prefix in _SPLIT_PREFIXES:
        if lower.startswith(prefix) and len(word) - len(prefix) >= 4 and word.isalpha():
            return [word[: len(prefix)], word[len(prefix) :]]
    return None


def variants(words: list[str]) -> set[tuple[str, ...]]:
    """Spellings of one pattern: joined or split compounds, plural or singular last word."""
    shapes: set[tuple[str, ...]] = {tuple(words)}
    if 1 < len(words) <= 4 and all(w.isalnum() for w in words):
        for i in range(len(words) - 1):  # join one gap: "multi head" -> "multihead"
            shapes.add(tuple(words[:i] + [words[i] + words[i + 1]] + words[i + 2 :]))
        shapes.add(("".join(words),))
    for i, word in enumerate(words):  # split a known prefix: "pretrained" -> "pre trained"
        split = _prefix_split(word)
        if split:
            shapes.add(tuple(words[:i] + split + words[i + 1 :]))
    out = set(shapes)
    for shape in shapes:
        for form in _plural_forms(shape[-1]):
            out.add((*shape[:-1], form))
    return out


def pattern_words(tokens: Tokens) -> list[tuple[str, ...]]:
    """The word sequences a spelling stands for (see :func:`variants`), in a stable order."""
    words = [w for w in tokens.words if w != "\n"]
    if not words:
        return []
    return sorted(variants(words))


def bounded(text: str, start: int, end: int) -> bool:
    """Whole words only: no letter or digit touches the span, no "#"/"+" follows it, and a
    term of one or two characters is not a piece of a hyphenated word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum() or after in "#+":
        return False
    return not (end - start <= 2 and "-" in (before, after))
