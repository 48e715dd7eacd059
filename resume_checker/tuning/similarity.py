"""Content similarity of a resume and a job ad: TF-IDF cosine, a secondary signal.

The keyword score is the primary, explainable measure; this number only says how much the
two texts share distinctive words.  IDF is fitted on the two texts plus the packaged
background corpus, so generic job-ad words weigh little.  scikit-learn is imported lazily.
"""

from __future__ import annotations

from resume_checker.tuning.vocabulary import background_text

_CHUNK = 8


def content_similarity(resume_text: str, job_text: str) -> float:
    """TF-IDF cosine similarity of the two texts, from 0 (nothing shared) to 1."""
    if not resume_text.strip() or not job_text.strip():
        return 0.0
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    lines = background_text().splitlines()
    background = ["\n".join(lines[i : i + _CHUNK]) for i in range(0, len(lines), _CHUNK)]
    vectorizer = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, ngram_range=(1, 2),
        token_pattern=r"(?u)\b[A-Za-z][A-Za-z0-9+#.]*[A-Za-z0-9+#]|\b[A-Za-z]\b",
    )
    matrix = vectorizer.fit_transform([resume_text, job_text, *background])
    value = float(cosine_similarity(matrix[0], matrix[1])[0, 0])
    return round(min(1.0, max(0.0, value)), 4)
