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

Structure requirements (``min_years_experience``, ``education`` in the set) are scored only
when the structure facts are given (``score(..., structure=...)``; the API always gives them).
They form one more category, "Experience and education" (id ``requirements``), of weight
``requirements_weight`` (default 1), whose score is the mean of its requirements' ratios::

    experience  r = min(1, years found / min years)        (years: merged experience periods)
    education   r = 1    a degree at min_level or above, in one of `fields` (or none listed)
                r = 0.5  a degree at min_level or above, but not in a listed field
                r = 0    no degree at min_level or above
    s_requirements = 100 * mean(r)

A requirement is met when r = 1; one marked ``required: true`` and not met is a knock-out,
listed in ``missing_required`` under its name (e.g. "At least 5 years of experience").

Skill depth: a term that states ``min_years`` or ``recent_within_years`` counts its weight times
a depth factor, read from the dated positions whose lines name it (:mod:`.checks.depth`; only
when the structure facts are given)::

    years factor    f_y = 1                          years of use >= min_years
                    f_y = 0.5 + 0.5 * years/min_years otherwise (0.5 when found only outside
                                                      dated positions, e.g. the skills list)
    recency factor  f_r = 1    its latest position ran within recent_within_years of today
                    f_r = 0.5  otherwise (older, or no dated use)
    counted weight  = weight * f_y * f_r

So a term found is never worth less than a quarter of its weight; a required term is still
required only to be found (depth never knocks a resume out).  Each such term is listed in
``Score.depth`` with its factor and why ("1.5 of 2 years", "found only in the skills list").
A set with neither field scores exactly as without this rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from resume_checker.checks.depth import SkillDepth, skill_depth
from resume_checker.checks.model import DegreeLevel, StructureFacts
from resume_checker.keywords.model import (
    Category,
    EducationRequirement,
    ExperienceRequirement,
    KeywordSet,
    Term,
)
from resume_checker.keywords.per_set import per_set
from resume_checker.matching import MatchResult

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
class RequirementScore:
    """A structure requirement of the set, what was found for it and where."""

    kind: str                 # "experience" | "education"
    name: str                 # e.g. "At least 5 years of experience"
    found: str                # what the resume shows, e.g. "about 6.5 years (3 positions)"
    ratio: float              # 0-1, see the module docstring
    required: bool            # a knock-out when not met
    page: int | None = None   # where the evidence is (the latest position, the degree)
    line: int | None = None

    @property
    def met(self) -> bool:
        return self.ratio >= 1.0


@dataclass(frozen=True)
class DepthScore:
    """A found term whose set asks for depth: the share of its weight it counts, and why."""

    term: str
    factor: float                     # f_y * f_r, see the module docstring
    years: float                      # years of use found (merged dated positions)
    min_years: float | None
    recent_within_years: float | None
    last_year: int | None             # the year it was last used in a dated position
    recent: bool | None               # within recent_within_years (None: not asked)
    reason: str                       # e.g. "1.5 of 2 years; last used 2019, not within 3 years"


@dataclass(frozen=True)
class Score:
    value: float                      # 0-100, one decimal
    categories: tuple[CategoryScore, ...]
    knocked_out: bool
    missing_required: tuple[str, ...]
    band: str | None
    groups: tuple[GroupScore, ...] = ()   # the set's any_of groups, in set order
    requirements: tuple[RequirementScore, ...] = ()  # structure requirements, when scored
    #: the found terms that ask for depth (min_years, recent_within_years), in set order
    depth: tuple[DepthScore, ...] = ()


REQUIREMENTS_ID = "requirements"
REQUIREMENTS_TITLE = "Experience and education"


def score(
    kwset: KeywordSet, result: MatchResult, structure: StructureFacts | None = None
) -> Score:
    """Score ``result`` against ``kwset`` (pure, deterministic); with ``structure``, the set's
    experience and education requirements count too."""
    table = _table(kwset)
    found = {m.term for m in result.matched}
    depth = (_depth_scores(kwset, table, result, structure)
             if table.depth and structure is not None else {})
    # the found terms' places in the set, in set order: each category sums its matched weights
    # in the set's order, as a sum over its terms would
    hit_weights: list[list[float]] = [[] for _ in table.categories]
    for index in sorted(i for name in found for i in table.index.get(name, ())):
        cat_index, weight = table.places[index]
        if cat_index >= 0:
            if index in depth:
                weight *= depth[index].factor
            hit_weights[cat_index].append(weight)
    categories = []
    weighted = 0.0
    weights = 0.0
    for (cat_id, category, terms, total_weight), hit, none_hit in zip(
        table.categories, hit_weights, table.none_hit, strict=True
    ):
        matched_weight = sum(hit)
        ratio = matched_weight / total_weight
        categories.append(
            none_hit if not hit else CategoryScore(
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
    requirements = requirement_scores(kwset, structure) if structure is not None else ()
    if requirements:
        ratio = sum(r.ratio for r in requirements) / len(requirements)
        categories.append(
            CategoryScore(
                id=REQUIREMENTS_ID,
                title=REQUIREMENTS_TITLE,
                weight=kwset.requirements_weight,
                matched_weight=round(sum(r.ratio for r in requirements), 3),
                total_weight=float(len(requirements)),
                score=round(100 * ratio, 1),
                matched=sum(r.met for r in requirements),
                total=len(requirements),
            )
        )
        weighted += kwset.requirements_weight * ratio
        weights += kwset.requirements_weight
    value = round(100 * weighted / weights, 1) if weights else 0.0
    missing_required = tuple(n for n in table.required if n not in found)
    groups = tuple(
        GroupScore(g.name, g.terms, tuple(n for n in g.terms if n in found), g.required)
        for g in kwset.any_of
    )
    missing_required += tuple(g.name for g in groups if g.required and not g.met)
    missing_required += tuple(r.name for r in requirements if r.required and not r.met)
    knocked_out = bool(missing_required)
    return Score(
        value=value,
        categories=tuple(categories),
        knocked_out=knocked_out,
        missing_required=missing_required,
        band=FILTERED_OUT if knocked_out else _band_for(table.bands, value),
        groups=groups,
        requirements=requirements,
        depth=tuple(depth[i] for i in sorted(depth)),
    )


def depth_factor(
    term: Term, depth: SkillDepth, today: date
) -> tuple[float, bool | None, str]:
    """(f_y * f_r, whether recent (None: not asked), the reason) for a found term that asks
    for depth; see the module docstring."""
    factor, recent, reasons = 1.0, None, []
    if term.min_years is not None:
        years = depth.months / 12
        if years < term.min_years:
            factor *= 0.5 + 0.5 * years / term.min_years
        asked = f"{term.min_years:g} year{'' if term.min_years == 1 else 's'}"
        if depth.positions:
            reasons.append(f"{depth.years:g} of {asked}")
        else:
            reasons.append(f"{depth.summary}: 0 of {asked}")
    if term.recent_within_years is not None:
        span = term.recent_within_years
        within = f"within {span:g} year{'' if span == 1 else 's'}"
        if depth.last_used is None:
            recent = False
            if term.min_years is None:
                reasons.append(f"{depth.summary}: no dated use {within}")
            else:
                reasons.append(f"no dated use {within}")
        else:
            ago = (today.year - depth.last_used.year) * 12 + today.month - depth.last_used.month
            recent = ago <= 12 * term.recent_within_years
            when = "in use now" if depth.ongoing else f"last used {depth.last_year}"
            reasons.append(f"{when}, {'' if recent else 'not '}{within}")
        if not recent:
            factor *= 0.5
    return factor, recent, "; ".join(reasons)


def _depth_scores(
    kwset: KeywordSet, table: _Table, result: MatchResult, structure: StructureFacts
) -> dict[int, DepthScore]:
    """Each found term that asks for depth, by its place in the set."""
    today = structure.as_of or date.today()
    out = {}
    for m in result.matched:
        for index in table.index.get(m.term, ()):
            if index not in table.depth:
                continue
            term = kwset.terms[index]
            depth = skill_depth(m, structure.positions)
            factor, recent, reason = depth_factor(term, depth, today)
            out[index] = DepthScore(
                term=term.name, factor=factor, years=depth.years, min_years=term.min_years,
                recent_within_years=term.recent_within_years, last_year=depth.last_year,
                recent=recent, reason=reason,
            )
    return out


@dataclass(frozen=True, slots=True)
class _Table:
    """What scoring reads of a set, worked out once per set (a re-rank scores thousands of
    resumes against one set)."""

    #: (id, category, its terms, their total weight) for each category with terms, in set order
    categories: tuple[tuple[str, Category, tuple[Term, ...], float], ...]
    #: each category's score when none of its terms is found (most categories of most resumes;
    #: a score is frozen, so one object serves every report)
    none_hit: tuple[CategoryScore, ...]
    index: dict[str, tuple[int, ...]]          # term name -> its places in the set
    #: per term in set order: (its category's place in ``categories`` or -1, its weight)
    places: tuple[tuple[int, float], ...]
    required: tuple[str, ...]                  # names of the required terms, in set order
    bands: tuple[tuple[float, str], ...]       # (min score, name), as band_for tries them
    experience: tuple[str, ExperienceRequirement] | None   # (its name, the requirement)
    #: (its name, the level asked for, each listed field's words, the requirement)
    education: tuple[str, DegreeLevel, tuple[list[str], ...], EducationRequirement] | None
    #: the places of the terms that ask for depth (min_years, recent_within_years)
    depth: frozenset[int] = frozenset()


@per_set
def _table(kwset: KeywordSet) -> _Table:
    grouped: list[tuple[str, Category, tuple[Term, ...], float]] = []
    place: dict[str, int] = {}
    for cat_id, category in kwset.categories.items():
        terms = tuple(t for t in kwset.terms if t.category == cat_id)
        if terms:
            place[cat_id] = len(grouped)
            grouped.append((cat_id, category, terms, sum(t.weight for t in terms)))
    index: dict[str, tuple[int, ...]] = {}
    for i, term in enumerate(kwset.terms):
        index[term.name] = (*index.get(term.name, ()), i)
    experience = kwset.experience_requirement
    education = kwset.education
    wanted = DegreeLevel(education.min_level) if education is not None else None
    return _Table(
        categories=tuple(grouped),
        none_hit=tuple(
            CategoryScore(cat_id, category.title, category.weight, 0, total_weight,
                          round(100 * (0 / total_weight), 1), 0, len(terms))
            for cat_id, category, terms, total_weight in grouped
        ),
        index=index,
        places=tuple((place.get(t.category, -1), t.weight) for t in kwset.terms),
        required=tuple(t.name for t in kwset.terms if t.required),
        bands=tuple((b.min_score, b.name)
                    for b in sorted(kwset.bands, key=lambda b: b.min_score, reverse=True)),
        experience=(None if experience is None else
                    (f"At least {experience.years:g} years of experience", experience)),
        education=(None if education is None or wanted is None else (
            f"{wanted.label} degree or higher"
            + (" in " + " or ".join(education.fields) if education.fields else ""),
            wanted,
            tuple(f.casefold().split() for f in education.fields),
            education,
        )),
        depth=frozenset(i for i, t in enumerate(kwset.terms) if t.asks_depth),
    )


def _band_for(bands: tuple[tuple[float, str], ...], value: float) -> str | None:
    """:meth:`KeywordSet.band_for` over the set's bands as :func:`_table` sorted them."""
    return next((name for min_score, name in bands if value >= min_score), None)


def requirement_scores(kwset: KeywordSet, facts: StructureFacts) -> tuple[RequirementScore, ...]:
    """The set's experience and education requirements against the structure facts."""
    table = _table(kwset)
    out = []
    if table.experience is not None:
        name, experience = table.experience
        years = facts.experience_years
        latest = facts.latest.dates if facts.latest else None
        count = len(facts.positions)
        out.append(RequirementScore(
            kind="experience",
            name=name,
            found=(f"about {years:g} years ({count} position{'s' if count != 1 else ''} "
                   "with dates)" if count else "no dated experience found"),
            ratio=min(1.0, years / experience.years),
            required=experience.required,
            page=latest.page if latest else None,
            line=latest.line if latest else None,
        ))
    if table.education is not None:
        name, wanted, fields, education = table.education
        best, ratio = None, 0.0
        for degree in facts.degrees:
            if degree.level.rank < wanted.rank:
                continue
            words = f"{degree.name} {degree.field or ''}".casefold()
            fit = 1.0 if not fields or any(all(w in words for w in f) for f in fields) else 0.5
            if fit > ratio:
                best, ratio = degree, fit
        if best is None:
            top = facts.highest_degree
            found = (f"highest degree found: {top.name}{' in ' + top.field if top.field else ''}"
                     if top else "no degree found")
        else:
            found = best.name + (f" in {best.field}" if best.field else "")
            if ratio < 1:
                found += " (not in a listed field)"
        where = best or facts.highest_degree
        out.append(RequirementScore(
            kind="education", name=name, found=found, ratio=ratio,
            required=education.required,
            page=where.page if where else None, line=where.line if where else None,
        ))
    return tuple(out)
