"""The plain-Python TF-IDF gives exactly what scikit-learn's ``TfidfVectorizer`` gave.

``matching/tfidf.py`` replaced scikit-learn at two call sites so that ``check --jd`` and set
drafting never import it (most of a second).  Here scikit-learn is the reference: the packaged
stop words are its ``ENGLISH_STOP_WORDS``; the content similarity's IDF is its ``idf_`` bit for
bit and the similarity the same to 4 decimals; the drafted phrases are the same phrases, in the
same order, with the same document counts and scores.  Checked on the bundled job ads and
sample resumes and on generated texts (hypothesis).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from locations import REPO, SAMPLES

from resume_checker.documents import parse_document
from resume_checker.matching.similarity import TOKEN_PATTERN, background_documents, fit_job_ad
from resume_checker.matching.tfidf import english_stop_words
from resume_checker.tuning import phrases
from resume_checker.tuning.phrases import Phrase, distinctive_phrases
from resume_checker.tuning.vocabulary import Vocabulary, is_junk, load_vocabulary

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")

ADS = sorted([*SAMPLES.glob("*.txt"), *(REPO / "tests" / "vectors" / "job_ads").glob("*.txt")])
AD_TEXTS = [p.read_text(encoding="utf-8") for p in ADS]
RESUMES = ("strong_fit.pdf", "partial_fit.pdf", "weak_fit.pdf", "two_column.pdf")

WORDS = [
    "Python", "python", "PyTorch", "C++", "C#", "c", "R", "Go", "node.js", "Node.JS", ".NET",
    "ci/cd", "e.g.", "3.5", "v2", "x86", "GPT-4", "team", "teams", "the", "and", "of", "with",
    "machine", "learning", "deep", "models", "model", "data", "pipelines", "kubernetes", "AWS",
    "experience", "years", "5+", "ml", "a", "I", "résumé", "naïve", "über", "東京", "déjà",
    "stakeholders", "cross-functional", "payroll", "nursing", "HACCP", "contracts", "analysis",
]  # fmt: skip
GAPS = [" ", " ", " ", ", ", ". ", "\n", "; ", " - ", "\n\n", " (", ") ", ": ", "/"]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=80).map(
    lambda pairs: "".join(w + g for w, g in pairs)
)


def _vectorizer(ad: str):  # noqa: ANN202 - scikit-learn's type
    return sklearn_text.TfidfVectorizer(
        stop_words="english", sublinear_tf=True, ngram_range=(1, 2), token_pattern=TOKEN_PATTERN
    ).fit([ad, *background_documents()])


def _assert_fit_is_scikit_learns(ad: str) -> None:
    vectorizer = _vectorizer(ad)
    model = fit_job_ad(ad)
    names = vectorizer.get_feature_names_out().tolist()
    assert list(model.idf) == names  # the same vocabulary, in the same order
    assert list(model.idf.values()) == vectorizer.idf_.tolist()  # bit for bit
    assert model.stop_words == frozenset(vectorizer.get_stop_words())


def _expected_similarity(vectorizer, resume: str, ad: str) -> float:  # noqa: ANN001
    if not ad.strip() or not resume.strip():
        return 0.0
    pair = vectorizer.transform([resume, ad])
    value = float((pair[0] @ pair[1].T).toarray()[0, 0])
    return round(min(1.0, max(0.0, value)), 4)


def _sklearn_phrases(
    texts: Sequence[str], vocabulary: Vocabulary, *, limit: int = 12,
    background_vocabulary: Vocabulary | None = None, items: frozenset[str] = frozenset(),
) -> list[Phrase]:
    """``distinctive_phrases`` as it was with scikit-learn's ``TfidfVectorizer`` (the reference)."""
    stop = frozenset(sklearn_text.ENGLISH_STOP_WORDS)
    docs = [phrases._ngrams(phrases.fragments(t, vocabulary), stop) for t in texts]
    back = phrases._background_grams(background_vocabulary or vocabulary, stop)
    vectorizer = sklearn_text.TfidfVectorizer(analyzer=lambda g: g, sublinear_tf=True, norm="l2")
    matrix = vectorizer.fit_transform(docs + back)[: len(docs)]
    names = vectorizer.get_feature_names_out()
    scores = matrix.sum(axis=0).A1 if hasattr(matrix.sum(axis=0), "A1") else matrix.sum(axis=0)
    doc_counts = (matrix > 0).sum(axis=0)
    doc_counts = doc_counts.A1 if hasattr(doc_counts, "A1") else doc_counts
    if len(texts) == 1:
        counts: dict[str, int] = {}
        for gram in docs[0]:
            counts[gram] = counts.get(gram, 0) + 1
        keep = {g for g, c in counts.items() if c >= 2 or g in items}
    else:
        min_docs = min(len(texts), max(2, math.ceil(0.15 * len(texts))))
        keep = {names[i] for i in range(len(names)) if doc_counts[i] >= min_docs}
    ranked = sorted(
        (Phrase(str(names[i]), int(doc_counts[i]), float(scores[i])) for i in range(len(names))
         if names[i] in keep),
        key=lambda p: (-round(p.score, 9), p.text),
    )
    chosen: list[Phrase] = []
    for phrase in ranked:
        if (len(phrase.text) < 3 or phrases._generic_edge(phrase.text)
                or phrases._prose(phrase.text, stop) or is_junk(phrase.text, vocabulary)):
            continue
        if any(f" {phrase.text} " in f" {c.text} " or f" {c.text} " in f" {phrase.text} "
               for c in chosen):
            continue
        chosen.append(phrase)
        if len(chosen) >= limit:
            break
    return chosen


def test_the_packaged_stop_words_are_scikit_learns() -> None:
    assert english_stop_words() == frozenset(sklearn_text.ENGLISH_STOP_WORDS)
    assert phrases._stop_words() == english_stop_words()


def test_the_token_pattern_reproduces_scikit_learns_analyzer() -> None:
    from resume_checker.matching.similarity import _terms

    analyzer = _vectorizer(AD_TEXTS[0]).build_analyzer()
    for text in [*AD_TEXTS, "C++ and C# with Node.JS, R & Go; x86 e.g. GPT-4 ... déjà vu"]:
        terms, expected = _terms(text, english_stop_words()), analyzer(text)
        assert terms == Counter(expected) and list(terms) == list(dict.fromkeys(expected))


@pytest.mark.parametrize("path", ADS, ids=lambda p: p.name)
def test_the_similarity_fit_is_scikit_learns_on_the_bundled_ads(path) -> None:  # noqa: ANN001
    _assert_fit_is_scikit_learns(path.read_text(encoding="utf-8"))


def test_the_similarity_values_are_scikit_learns_on_the_samples() -> None:
    resumes = [parse_document(SAMPLES / name).text for name in RESUMES]
    for ad in AD_TEXTS:
        vectorizer = _vectorizer(ad)
        model = fit_job_ad(ad)
        for resume in [*resumes, *AD_TEXTS]:
            assert model.similarity(resume) == _expected_similarity(vectorizer, resume, ad)


@settings(max_examples=60, deadline=None)
@given(ad=texts, resume=texts)
def test_the_similarity_is_scikit_learns_on_generated_texts(ad: str, resume: str) -> None:
    _assert_fit_is_scikit_learns(ad)
    assert fit_job_ad(ad).similarity(resume) == _expected_similarity(_vectorizer(ad), resume, ad)


@pytest.mark.parametrize("path", ADS, ids=lambda p: p.name)
def test_the_phrases_of_one_ad_are_scikit_learns(path) -> None:  # noqa: ANN001
    vocabulary = load_vocabulary()
    text = path.read_text(encoding="utf-8")
    items = frozenset({"variance analysis", "machine learning", "patient care"})
    assert distinctive_phrases([text], vocabulary, items=items) == _sklearn_phrases(
        [text], vocabulary, items=items
    )


def test_the_phrases_of_many_ads_are_scikit_learns() -> None:
    vocabulary = load_vocabulary()
    for group in (AD_TEXTS, AD_TEXTS[:2], AD_TEXTS[::3], [AD_TEXTS[0]] * 3):
        assert distinctive_phrases(group, vocabulary, limit=40) == _sklearn_phrases(
            group, vocabulary, limit=40
        )


def test_drafting_and_similarity_never_import_scikit_learn() -> None:
    """In a fresh interpreter: the phrases and the similarity fit leave scikit-learn unloaded."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from resume_checker.tuning.phrases import distinctive_phrases\n"
        "from resume_checker.tuning.vocabulary import load_vocabulary\n"
        "from resume_checker.matching.similarity import fit_job_ad\n"
        f"text = open({str(ADS[0])!r}, encoding='utf-8').read()\n"
        "print(len(distinctive_phrases([text], load_vocabulary())))\n"
        "print(fit_job_ad(text).similarity(text))\n"
        "print('sklearn' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-1] == "False"


@settings(max_examples=40, deadline=None)
@given(group=st.lists(texts, min_size=1, max_size=4))
def test_the_phrases_are_scikit_learns_on_generated_texts(group: list[str]) -> None:
    vocabulary = load_vocabulary()
    assert distinctive_phrases(group, vocabulary) == _sklearn_phrases(group, vocabulary)
