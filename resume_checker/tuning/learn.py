"""Learn from a recruiter's past decisions: which terms tell shortlisted resumes from rejected ones.

A regularised logistic regression (scikit-learn, fixed ``random_state``) is fitted on term
presence; its cross-validated AUC is set beside the AUC of the current weights (the set's score
used as the ranking).  Positive coefficients map to weights 1..5; n-grams of the resume text that
separate the two groups (junk and stop words dropped with the builder's list) become suggested
terms.  The result is a NEW set for a person to review, with the evidence in comments: it never
replaces the old one.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from resume_checker.documents.model import Document
from resume_checker.errors import ResumeCheckerError
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.keywords.spelling import spelling_key

MIN_LABELLED = 20
MIN_PER_CLASS = 5
MAX_FOLDS = 5
MAX_NEW_TERMS = 10
MIN_SEPARATION = 0.3      # share among shortlisted minus share among rejected
LEARNED_CATEGORY = "learned"
_YES = {"yes", "y", "1", "true", "shortlisted"}
_NO = {"no", "n", "0", "false", "rejected"}


class LabelsError(ResumeCheckerError):
    """The decisions file cannot be used (format, values, too few labels)."""

    code = "invalid_labels"


def parse_labels(text: str, *, source: str = "labels") -> dict[str, bool]:
    """``file,shortlisted`` rows (yes/no, 1/0, true/false) -> {file: shortlisted}."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = {(f or "").strip().lower(): f for f in reader.fieldnames or ()}
    if "file" not in fields or "shortlisted" not in fields:
        raise LabelsError("the first row must name the columns file,shortlisted "
                          "(e.g. 'file,shortlisted' then 'ann.pdf,yes')", source=source)
    labels: dict[str, bool] = {}
    for number, row in enumerate(reader, start=2):
        name = (row.get(fields["file"]) or "").strip()
        value = (row.get(fields["shortlisted"]) or "").strip().lower()
        if not name and not value:
            continue
        if value not in _YES and value not in _NO:
            raise LabelsError(f"row {number}: shortlisted must be yes/no, 1/0 or true/false, "
                              f"got {value!r}", source=source)
        labels[name] = value in _YES
    return labels


def pair_labels(
    names: Sequence[str], labels: Mapping[str, bool]
) -> tuple[list[int], list[bool], list[str]]:
    """Indexes of labelled resumes, their labels, and label names found in no resume.

    A label names a resume by its path as shown (relative to the folder) or by its file name.
    """
    by_base: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        by_base.setdefault(name.replace("\\", "/").rsplit("/", 1)[-1], []).append(i)
    index = {name: i for i, name in enumerate(names)}
    chosen: dict[int, bool] = {}
    unknown = []
    for name, label in labels.items():
        key = name.replace("\\", "/")
        hit = [index[key]] if key in index else by_base.get(key.rsplit("/", 1)[-1], [])
        hit = hit or [i for i, n in enumerate(names) if n.endswith("/" + key)]
        if len(hit) != 1:
            unknown.append(name)
            continue
        chosen[hit[0]] = label
    order = sorted(chosen)
    return order, [chosen[i] for i in order], unknown


def check_enough(labels: Sequence[bool]) -> None:
    """Refuse to learn from too few decisions, saying how many are needed."""
    yes = sum(labels)
    no = len(labels) - yes
    if len(labels) < MIN_LABELLED or yes < MIN_PER_CLASS or no < MIN_PER_CLASS:
        raise LabelsError(
            f"too few labelled resumes to learn from: {len(labels)} ({yes} shortlisted, {no} "
            f"rejected); at least {MIN_LABELLED} labelled resumes with at least {MIN_PER_CLASS} "
            "shortlisted and {MIN_PER_CLASS} rejected are needed".replace(
                "{MIN_PER_CLASS}", str(MIN_PER_CLASS))
        )


# --------------------------------------------------------------------------- learning


@dataclass(frozen=True)
class WeightSuggestion:
    term: str
    old_weight: float
    new_weight: float
    coefficient: float
    shortlisted_share: float   # share of shortlisted resumes that have the term
    rejected_share: float


@dataclass(frozen=True)
class NewTerm:
    phrase: str
    weight: float
    shortlisted: int           # shortlisted resumes that have it
    rejected: int
    shortlisted_total: int
    rejected_total: int


@dataclass(frozen=True)
class Learned:
    set_id: str
    labelled: int
    shortlisted: int
    folds: int
    auc_current: float | None   # cross-validated AUC of the current score as a ranking
    auc_learned: float | None   # cross-validated AUC of the logistic regression
    weights: tuple[WeightSuggestion, ...]
    new_terms: tuple[NewTerm, ...]
    unknown_labels: tuple[str, ...] = ()   # labels naming no resume of the folder


def _auc(y: Sequence[bool], scores: Sequence[float]) -> float | None:
    from sklearn.metrics import roc_auc_score

    if len(set(y)) < 2:
        return None
    return float(roc_auc_score(list(y), list(scores)))


def _weight(coefficient: float, top: float) -> float:
    """A positive coefficient -> 1..5 in proportion to the largest; others -> 1."""
    if coefficient <= 0 or top <= 0:
        return 1.0
    return float(1 + round(4 * coefficient / top))


def learn(
    keyword_set: KeywordSet,
    documents: Sequence[Document],
    labels: Sequence[bool],
    *,
    unknown_labels: Sequence[str] = (),
) -> Learned:
    """Fit, cross-validate and suggest (deterministic: fixed folds and random_state)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from resume_checker.matching import compile_matcher
    from resume_checker.scoring import score
    from resume_checker.tuning.coverage import presence

    check_enough(labels)
    y = np.array(labels, dtype=int)
    found = presence(keyword_set, documents)
    names = [t.name for t in keyword_set.terms]
    x = np.array([[name in f for name in names] for f in found], dtype=float)
    matcher = compile_matcher(keyword_set)
    current = [score(keyword_set, matcher.match(d)).value for d in documents]
    folds = min(MAX_FOLDS, int(y.sum()), int(len(y) - y.sum()))
    splits = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000)
    predicted = cross_val_predict(model, x, y, cv=splits, method="predict_proba")[:, 1]
    auc_current = _fold_mean(splits, x, y, np.array(current))
    auc_learned = _fold_mean(splits, x, y, predicted)
    model.fit(x, y)
    coefficients = model.coef_[0]
    top = max((c for c in coefficients), default=0.0)
    pos, neg = y == 1, y == 0
    weights = tuple(
        WeightSuggestion(term.name, term.weight, _weight(float(c), float(top)), float(c),
                         float(x[pos, i].mean()), float(x[neg, i].mean()))
        for i, (term, c) in enumerate(zip(keyword_set.terms, coefficients, strict=True))
    )
    return Learned(keyword_set.id, len(y), int(y.sum()), folds, auc_current, auc_learned,
                   weights, _new_terms(keyword_set, documents, y), tuple(unknown_labels))


def _fold_mean(splits, x, y, scores) -> float | None:
    """The mean AUC over the test folds (the same folds for every ranking)."""
    values = [_auc(y[test], scores[test]) for _, test in splits.split(x, y)]
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def _new_terms(keyword_set: KeywordSet, documents: Sequence[Document], y) -> tuple[NewTerm, ...]:
    """N-grams far more common among shortlisted resumes, not junk, not already in the set."""
    from sklearn.feature_extraction.text import CountVectorizer

    from resume_checker.matching.reading import reading_text
    from resume_checker.tuning.vocabulary import is_junk, load_vocabulary

    texts = [reading_text(d)[0] for d in documents]
    pos_total, neg_total = int(y.sum()), int(len(y) - y.sum())
    vectorizer = CountVectorizer(
        analyzer=_ngrams, binary=True, min_df=max(2, math.ceil(0.3 * pos_total)))
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # nothing left after the filters
        return ()
    phrases = vectorizer.get_feature_names_out()
    pos_counts = matrix[y == 1].sum(axis=0).A1
    neg_counts = matrix[y == 0].sum(axis=0).A1
    existing = {spelling_key(s) for t in keyword_set.terms for s in t.spellings}
    vocabulary = load_vocabulary()
    scored = []
    for phrase, p, n in zip(phrases, pos_counts, neg_counts, strict=True):
        separation = p / pos_total - n / neg_total
        if separation < MIN_SEPARATION or spelling_key(phrase) in existing:
            continue
        if any(w.isdigit() for w in phrase.split()) or is_junk(phrase, vocabulary):
            continue
        scored.append((-separation, len(phrase.split()), phrase, int(p), int(n)))
    scored.sort()
    out: list[NewTerm] = []
    for neg_sep, _, phrase, p, n in scored:
        if any(phrase in o.phrase.split() or o.phrase in phrase for o in out):
            continue  # "triton" and "triton kernels": keep the first (stronger, or shorter)
        out.append(NewTerm(phrase, float(1 + round(4 * -neg_sep)), p, n, pos_total, neg_total))
        if len(out) == MAX_NEW_TERMS:
            break
    return tuple(out)


_BREAK = re.compile(r"[,;:|•·()\[\]{}<>\"!?\n]|\.(?=\s|$)|\s[-–—/]\s")
_WORD = re.compile(r"[a-z][a-z0-9+#.]*[a-z0-9+#]|[a-z]")


def _ngrams(text: str) -> list[str]:
    """Lower-case 1- and 2-grams inside punctuation-free fragments, no stop word at an edge."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    grams = []
    for fragment in _BREAK.split(text.lower()):
        words = _WORD.findall(fragment)
        for n in (1, 2):
            for i in range(len(words) - n + 1):
                gram = words[i : i + n]
                if gram[0] in ENGLISH_STOP_WORDS or gram[-1] in ENGLISH_STOP_WORDS:
                    continue
                grams.append(" ".join(gram))
    return grams


# --------------------------------------------------------------------------- the new set


def learned_set(keyword_set: KeywordSet, learned: Learned) -> KeywordSet:
    """The set with the suggested weights and the suggested terms (category "learned")."""
    by_name = {w.term: w for w in learned.weights}
    terms = [t.model_copy(update={"weight": by_name[t.name].new_weight})
             if t.name in by_name else t for t in keyword_set.terms]
    categories = dict(keyword_set.categories)
    if learned.new_terms:
        categories[LEARNED_CATEGORY] = Category(
            title="Suggested from past decisions (review)",
            description="Terms `sets learn` found more often in shortlisted resumes.")
        existing = {t.name.casefold() for t in terms}
        terms += [Term(name=n.phrase, category=LEARNED_CATEGORY, weight=n.weight,
                       source="sets learn", note=_evidence(n))
                  for n in learned.new_terms if n.phrase.casefold() not in existing]
    suffix = "-learned"
    new_id = keyword_set.id[: 80 - len(suffix)] + suffix
    return keyword_set.model_copy(update={
        "id": new_id, "title": f"{keyword_set.title} (learned)"[:200],
        "categories": categories, "terms": tuple(terms)})


def _evidence(n: NewTerm) -> str:
    return (f"in {n.shortlisted} of {n.shortlisted_total} shortlisted and {n.rejected} of "
            f"{n.rejected_total} rejected resumes")


def _auc_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render_learned_yaml(keyword_set: KeywordSet, learned: Learned) -> str:
    """YAML of the learned set, with the evidence in comments for the reviewer."""
    from resume_checker.keywords.loader import dump_keyword_set, parse_keyword_set

    new = learned_set(keyword_set, learned)
    text = dump_keyword_set(new)
    head = [
        f"# Suggested by `resume-checker sets learn` from {learned.labelled} labelled resumes "
        f"({learned.shortlisted} shortlisted); review before use.",
        f"# Based on set {keyword_set.id}. Cross-validated AUC ({learned.folds} folds): "
        f"current weights {_auc_text(learned.auc_current)}, learned model "
        f"{_auc_text(learned.auc_learned)}.",
    ]
    notes = {w.term: (f"# weight {_num(w.old_weight)} -> {_num(w.new_weight)}: coefficient "
                      f"{w.coefficient:+.2f}; in {100 * w.shortlisted_share:.0f}% of shortlisted, "
                      f"{100 * w.rejected_share:.0f}% of rejected")
             for w in learned.weights}
    notes.update({n.phrase: f"# suggested term: {_evidence(n)}" for n in learned.new_terms})
    lines = text.splitlines()
    start = lines.index("terms:") + 1
    out = head + lines[:start]
    for term, line in zip(new.terms, lines[start : start + len(new.terms)], strict=True):
        if term.name in notes:
            out.append("  " + notes[term.name])
        out.append(line)
    out += lines[start + len(new.terms):]
    result = "\n".join(out) + "\n"
    parse_keyword_set(result, source=new.id)  # what we write must load
    return result


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
