"""Content similarity of a resume and a job ad: TF-IDF cosine, a secondary signal.

The keyword score is the primary, explainable measure; this number only says how much the
two texts share distinctive words.  The IDF is fitted once per ad, on the ad plus the packaged
background corpus (general job-ad and workplace prose, ``data/background.txt``), so generic
job-ad words weigh little; each resume is then only transformed.  That is what makes it cheap
enough for a batch: :func:`fit_job_ad` runs once, and :meth:`AdSimilarity.similarity` is
plain Python over the fitted weights, so the fitted model pickles to the workers as a small
frozen object.  Both are plain Python (:mod:`resume_checker.matching.tfidf`) with the same
analyzer, smooth IDF, sublinear TF and L2 norm as scikit-learn's ``TfidfVectorizer(
stop_words="english", sublinear_tf=True, ngram_range=(1, 2), token_pattern=TOKEN_PATTERN)``,
and the same numbers (tests/equivalence proves it), without scikit-learn's import time.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from resume_checker.matching.tfidf import english_stop_words, smooth_idf

#: lines of background prose per background "document" of the IDF fit
BACKGROUND_CHUNK = 8
#: words: a letter, then letters, digits and + # . inside, so "C++", "C#", "node.js" stay whole
TOKEN_PATTERN = r"(?u)\b[A-Za-z][A-Za-z0-9+#.]*[A-Za-z0-9+#]|\b[A-Za-z]\b"
_TOKEN = re.compile(TOKEN_PATTERN)


@lru_cache(maxsize=1)
def background_text() -> str:
    """The packaged background corpus, comment lines left out."""
    raw = files("resume_checker.matching").joinpath("data/background.txt").read_text("utf-8")
    return "\n".join(ln for ln in raw.splitlines() if not ln.startswith("#"))


def background_documents() -> list[str]:
    """The background corpus as the IDF fit's documents (:data:`BACKGROUND_CHUNK` lines each)."""
    lines = background_text().splitlines()
    step = BACKGROUND_CHUNK
    return ["\n".join(lines[i : i + step]) for i in range(0, len(lines), step)]


@dataclass(frozen=True, slots=True)
class AdSimilarity:
    """A job ad's fitted TF-IDF model: the IDF of every word and word pair of the ad and the
    background, and the ad's own L2-normalised weights."""

    stop_words: frozenset[str]
    idf: Mapping[str, float]
    ad_weights: Mapping[str, float]

    def similarity(self, resume_text: str) -> float:
        """Cosine of the resume's TF-IDF vector and the ad's, from 0 (nothing shared) to 1."""
        if not self.ad_weights or not resume_text.strip():
            return 0.0
        weights = _weights(_terms(resume_text, self.stop_words), self.idf)
        value = sum(w * self.ad_weights.get(t, 0.0) for t, w in weights.items())
        return round(min(1.0, max(0.0, value)), 4)


def fit_job_ad(job_text: str) -> AdSimilarity:
    """Fit the IDF on the ad and the background corpus (once per ad)."""
    stop_words = english_stop_words()
    fitted = smooth_idf([_terms(t, stop_words) for t in (job_text, *background_documents())])
    idf = {t: fitted[t] for t in sorted(fitted)}  # scikit-learn's feature order
    ad = _weights(_terms(job_text, stop_words), idf) if job_text.strip() else {}
    return AdSimilarity(stop_words, idf, ad)


def content_similarity(resume_text: str, job_text: str) -> float:
    """TF-IDF cosine similarity of the two texts, from 0 (nothing shared) to 1 (one-off use;
    fit the ad once with :func:`fit_job_ad` to compare it with many resumes)."""
    if not resume_text.strip() or not job_text.strip():
        return 0.0
    return fit_job_ad(job_text).similarity(resume_text)


def _terms(text: str, stop_words: frozenset[str]) -> Counter[str]:
    """Words and adjacent word pairs (stop words left out first), as scikit-learn's word
    analyzer makes them from lower-cased text."""
    words = [w for w in _TOKEN.findall(text.lower()) if w not in stop_words]
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return counts


def _weights(counts: Counter[str], idf: Mapping[str, float]) -> dict[str, float]:
    """Sublinear TF times IDF over the fitted vocabulary, L2-normalised."""
    raw = {t: (1.0 + math.log(n)) * idf[t] for t, n in counts.items() if t in idf}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    return {t: v / norm for t, v in raw.items()} if norm else {}
