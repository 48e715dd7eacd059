"""Turn matches into an explainable score.

The formula (presence-based: a term counts once however often it appears, so repeating
a word does not pay)::

    category score   s_c = 100 * sum(weight of matched terms in c) / sum(weight of all terms in c)
    total score          = sum_c(W_c * s_c) / sum_c(W_c)

where ``W_c`` is the category weight and the sums run over the categories that have terms.
The total is rounded to one decimal.  The band is the keyword set's band for that number.

Knock-out: if any ``required`` term is missing, or a ``required`` ``any_of`` group has none of
its terms (listed in ``missing_required`` under the group's name), ``knocked_out`` is true
and the band is :data:`FILTERED_OUT`; the numeric score is kept (it still tells how close the
resume is) but the report says the resume would be filtered out before anyone reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .keywords.model import KeywordSet
from .matching import MatchResult

FILTERED_OUT = "filtered out"


@dataclass(frozen=True)
class CategoryScore:
    id: str
    title: str
    weight: float           # the category's weight W_c
    matched_weight: float   # sum of the weights of its matched terms
    total_weight: float     # sum of the weights of all its terms
    score: float            # 0-100, one decimal
    matched: int            # number of matched terms
    total: int              # number of terms


@dataclass(frozen=True)
class GroupScore:
    """An ``any_of`` group: met when any of its terms is found."""

    name: str
    terms: tuple[str, ...]
    found: tuple[str, ...]   # its terms found in the resume, in the group's order
    required: bool

    @property
    def met(self) -> bool:
        return bool(self.found)


@dataclass(frozen=True)
class Score:
    value: float                      # 0-100, one decimal
    categories: tuple[CategoryScore, ...]
    knocked_out: bool
    missing_required: tuple[str, ...]
    band: str | None
    groups: tuple[GroupScore, ...] = ()   # the set's any_of groups, in set order


def score(kwset: KeywordSet, result: MatchResult) -> Score:
    """Score ``result`` against ``kwset`` (pure, deterministic)."""
    found = {m.term for m in result.matched}
    categories = []
    weighted = 0.0
    weights = 0.0
    for cat_id, category in kwset.categories.items():
        terms = [t for t in kwset.terms if t.category == cat_id]
        if not terms:
            continue
        total_weight = sum(t.weight for t in terms)
        hit = [t for t in terms if t.name in found]
        matched_weight = sum(t.weight for t in hit)
        ratio = matched_weight / total_weight
        categories.append(
            CategoryScore(
                id=cat_id,
                title=category.title,
                weight=category.weight,
                matched_weight=matched_weight,
                total_weight=total_weight,
                score=round(100 * ratio, 1),
                matched=len(hit),
                total=len(terms),
            )
        )
        weighted += category.weight * ratio
        weights += category.weight
    value = round(100 * weighted / weights, 1) if weights else 0.0
    missing_required = tuple(t.name for t in kwset.terms if t.required and t.name not in found)
    groups = tuple(
        GroupScore(g.name, g.terms, tuple(n for n in g.terms if n in found), g.required)
        for g in kwset.any_of
    )
    missing_required += tuple(g.name for g in groups if g.required and not g.met)
    knocked_out = bool(missing_required)
    return Score(
        value=value,
        categories=tuple(categories),
        knocked_out=knocked_out,
        missing_required=missing_required,
        band=FILTERED_OUT if knocked_out else kwset.band_for(value),
        groups=groups,
    )
