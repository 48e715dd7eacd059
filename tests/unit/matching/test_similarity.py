"""The TF-IDF content similarity: fitted once per ad, each resume only transformed, with the
same number scikit-learn's own transform and cosine give."""

from __future__ import annotations

import pickle

from locations import SAMPLES

from resume_checker.documents import parse_document
from resume_checker.matching.similarity import (
    TOKEN_PATTERN,
    background_documents,
    background_text,
    content_similarity,
    fit_job_ad,
)

AD = (SAMPLES / "job_ad_ml_engineer.txt").read_text(encoding="utf-8")
RESUMES = ("strong_fit.pdf", "partial_fit.pdf", "weak_fit.pdf", "two_column.pdf")


def test_the_plain_python_transform_is_scikit_learns() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    background = background_documents()
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2),
                                 token_pattern=TOKEN_PATTERN).fit([AD, *background])
    model = fit_job_ad(AD)
    for name in RESUMES:
        text = parse_document(SAMPLES / name).text
        expected = float(cosine_similarity(vectorizer.transform([text]),
                                           vectorizer.transform([AD]))[0, 0])
        assert model.similarity(text) == round(expected, 4), name


def test_one_fit_serves_every_resume_and_pickles_for_the_workers() -> None:
    model = fit_job_ad(AD)
    copy = pickle.loads(pickle.dumps(model))
    for name in RESUMES:
        text = parse_document(SAMPLES / name).text
        assert copy.similarity(text) == model.similarity(text) == content_similarity(text, AD)


def test_empty_texts_share_nothing() -> None:
    assert content_similarity("", AD) == 0.0
    assert content_similarity("PyTorch", "  ") == 0.0
    assert fit_job_ad("   ").similarity("PyTorch and CUDA") == 0.0
    assert fit_job_ad(AD).similarity("") == 0.0


def test_the_background_corpus_is_packaged_beside_the_similarity() -> None:
    from resume_checker.tuning.vocabulary import background_text as tuning_background

    text = background_text()
    assert len(text.splitlines()) > 100 and not any(ln.startswith("#") for ln in text.splitlines())
    assert tuning_background() == text
