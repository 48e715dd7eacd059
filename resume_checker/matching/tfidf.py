"""A small plain-Python TF-IDF: the part of scikit-learn's ``TfidfVectorizer`` the project uses.

Importing scikit-learn costs most of a second, more than a whole ``check --jd``; the two
callers (content similarity and the phrases of a drafted set) need only smooth IDF
(``ln((1 + n) / (1 + df)) + 1``), sublinear TF (``1 + ln(count)``) and an L2 norm.  Each step
does the same floating-point operations in the same order as scikit-learn (a row's squares are
summed in vocabulary order: where a term first occurs in the fitted documents), so the numbers
agree to the last bit, not only to the rounding the callers show; tests/equivalence proves it
against scikit-learn itself.  The English stop-word list is scikit-learn's, packaged as data.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's ``ENGLISH_STOP_WORDS`` (``data/stop_words.txt``, comment lines left out)."""
    raw = files("resume_checker.matching").joinpath("data/stop_words.txt").read_text("utf-8")
    return frozenset(ln for ln in raw.splitlines() if ln and not ln.startswith("#"))


def smooth_idf(documents: Sequence[Iterable[str]]) -> dict[str, float]:
    """The smooth IDF of every term of the documents (each an iterable of its terms), keyed in
    vocabulary order: the order in which the terms first occur."""
    df: Counter[str] = Counter()
    for terms in documents:
        df.update(dict.fromkeys(terms, 1))
    n_samples = float(len(documents) + 1)
    return {t: math.log(n_samples / (d + 1.0)) + 1.0 for t, d in df.items()}


def sublinear_l2(
    counts: Mapping[str, int], idf: Mapping[str, float], index: Mapping[str, int]
) -> dict[str, float]:
    """One document's L2-normalised ``(1 + ln(count)) * idf`` weights over the fitted terms.

    The squares are summed in ``index`` order, as scikit-learn sums a row's stored values: in
    ``fit_transform`` that is the fit's vocabulary order (``vocabulary_index(idf)``), in a
    later ``transform`` the sorted term order.
    """
    terms = sorted((t for t in counts if t in idf), key=index.__getitem__)
    raw = [(math.log(counts[t]) + 1.0) * idf[t] for t in terms]
    square_sum = 0.0
    for value in raw:
        square_sum += value * value
    if square_sum == 0.0:
        return {}
    norm = math.sqrt(square_sum)
    return {t: v / norm for t, v in zip(terms, raw, strict=True)}


def vocabulary_index(idf: Mapping[str, float]) -> dict[str, int]:
    """Each fitted term's position in the vocabulary order of :func:`smooth_idf`."""
    return {t: i for i, t in enumerate(idf)}
