"""The keyword-set model: the fields of a `keyword_sets/*.yaml` file, validated on load.

The models are frozen; cross-field checks (declared categories, duplicate names and
aliases) live in :mod:`resume_checker.keywords.loader`, which turns every problem into
a message naming the file, the term and the field.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from resume_checker.keywords.per_set import per_set

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Category(_Frozen):
    """A group of terms; its weight scales the group's share of the score."""

    title: NonEmpty = Field(description="The heading the report shows.", examples=["Frameworks"])
    weight: float = Field(
        default=1.0,
        gt=0,
        le=100,
        description="Scales this category's share of the score (greater than 0, at most 100).",
        examples=[1.0, 1.5],
    )
    #: terms of this category are certifications and are listed on their own when missing
    #: (a category whose id is "certifications" is one too)
    certification: bool = Field(
        default=False,
        description="Its terms are certifications or programs, listed on their own when missing.",
    )
    description: str | None = Field(
        default=None, description="A note for the people who tune the set."
    )


class Term(_Frozen):
    """A skill, tool, topic or credential the role asks for."""

    name: NonEmpty = Field(description="The name the report shows.", examples=["PyTorch"])
    category: NonEmpty = Field(
        description="The id of a category declared under `categories`.", examples=["frameworks"]
    )
    aliases: tuple[NonEmpty, ...] = Field(
        default=(),
        description="Other spellings and abbreviations that count as this term "
        "(plurals, possessives and hyphen/space variants are matched without listing them).",
        examples=[["torch"], ["CNN", "ConvNet", "convolutional neural network"]],
    )
    weight: float = Field(
        default=1.0,
        gt=0,
        le=100,
        description="How much the term counts within its category (greater than 0, at most 100).",
        examples=[1, 3],
    )
    required: bool = Field(
        default=False, description="A knock-out term: a resume without it is flagged."
    )
    case_sensitive: bool = Field(
        default=False,
        description="Match the exact letter case (for short or ambiguous names such as R, Go, C).",
    )
    #: where the term came from (document, job ad) and why, for the people who tune the set
    source: str | None = Field(
        default=None,
        description="Where the term came from (a document or job ad), for those who tune the set.",
        examples=["seed-000"],
    )
    note: str | None = Field(default=None, description="Why the term is here, for reviewers.")
    #: depth asked for: the score counts a term found in dated positions for fewer years, or
    #: only outside them, in part (see resume_checker.scoring)
    min_years: float | None = Field(
        default=None,
        gt=0,
        le=60,
        description="Years of use the role asks for, read from the dated positions whose lines "
        "name the term; fewer count in part (greater than 0, at most 60).",
        examples=[2, 1.5],
    )
    recent_within_years: float | None = Field(
        default=None,
        gt=0,
        le=60,
        description="The term should appear in a position that ran within this many years of "
        "today; older (or undated) use counts in part (greater than 0, at most 60).",
        examples=[3],
    )

    @property
    def asks_depth(self) -> bool:
        """Whether the score reads how long or how recently the term was used."""
        return self.min_years is not None or self.recent_within_years is not None

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


class AnyOf(_Frozen):
    """A group of terms of which one is enough, e.g. any deep-learning framework."""

    name: NonEmpty = Field(
        description="The group's name, as the report shows it.",
        examples=["Deep learning framework"],
    )
    terms: tuple[NonEmpty, ...] = Field(
        min_length=1,
        description="Names of terms of this set; the group is met when any one is found.",
        examples=[["PyTorch", "JAX", "TensorFlow"]],
    )
    required: bool = Field(
        default=False, description="A knock-out group: a resume with none of its terms is flagged."
    )


class Band(_Frozen):
    """A named score range, e.g. strong >= 70."""

    name: NonEmpty = Field(description="The band's name.", examples=["strong"])
    min_score: float = Field(
        ge=0, le=100, description="The lowest score (0-100) in this band.", examples=[70]
    )


DegreeLevelName = Literal["associate", "bachelors", "masters", "phd"]
Years = Annotated[float, Field(gt=0, le=60)]


class ExperienceRequirement(_Frozen):
    """Years of professional experience the role asks for (the long form of a plain number)."""

    years: float = Field(gt=0, le=60, description="Minimum years of experience.", examples=[5])
    required: bool = Field(
        default=False, description="A knock-out: a resume with fewer years is flagged."
    )


class EducationRequirement(_Frozen):
    """The degree the role asks for: a level and, optionally, the fields that count."""

    min_level: DegreeLevelName = Field(
        description="The lowest degree that meets it: associate, bachelors, masters or phd.",
        examples=["masters"],
    )
    fields: tuple[NonEmpty, ...] = Field(
        default=(),
        description="Fields of study that count (matched as words in the degree's field); "
        "empty: any field.",
        examples=[["computer science", "machine learning"]],
    )
    required: bool = Field(
        default=False,
        description="A knock-out: a resume without such a degree is flagged.",
    )


DEFAULT_BANDS: tuple[Band, ...] = (
    Band(name="strong", min_score=70),
    Band(name="fair", min_score=40),
    Band(name="weak", min_score=0),
)


class KeywordSet(_Frozen):
    """A role's keyword set."""

    id: Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)] = Field(
        description="A slug: lowercase letters, digits and single hyphens.",
        examples=["neural-network-architect"],
    )
    title: NonEmpty = Field(description="The role's name.", examples=["Neural Network Architect"])
    description: str | None = Field(default=None, description="What the set is for.")
    version: str | None = Field(default=None, description="A version label.", examples=["1"])
    #: documents the set was built from (titles or URLs), for reviewers
    sources: tuple[str, ...] = Field(
        default=(), description="Documents the set was built from (titles or URLs), for reviewers."
    )
    categories: dict[str, Category] = Field(
        min_length=1,
        description="Groups of terms by id; the report lists them in this order.",
        examples=[{"frameworks": {"title": "Frameworks", "weight": 1.0}}],
    )
    terms: tuple[Term, ...] = Field(
        min_length=1,
        description="The skills, tools, topics and credentials the role asks for.",
        examples=[
            [{"name": "PyTorch", "category": "frameworks", "aliases": ["torch"], "weight": 3}]
        ],
    )
    #: score bands, highest first; the first whose min_score the score reaches names the band
    bands: tuple[Band, ...] = Field(
        default=DEFAULT_BANDS,
        description="Score bands; the highest band whose min_score the score reaches names it.",
    )

    #: groups of alternative terms ("one of PyTorch, JAX, TensorFlow"); a required group is a
    #: knock-out when none of its terms is found
    any_of: tuple[AnyOf, ...] = Field(
        default=(),
        description="Groups of terms of which one is enough; a required group is a knock-out "
        "when none of its terms is found.",
        examples=[[{"name": "Deep learning framework", "terms": ["PyTorch", "JAX"],
                    "required": True}]],
    )

    #: structure requirements, scored as the extra category "Experience and education"
    min_years_experience: Years | ExperienceRequirement | None = Field(
        default=None,
        description="Minimum years of experience: a number (scored, not a knock-out) or "
        "{years: 5, required: true}.",
        examples=[5, {"years": 5, "required": True}],
    )
    education: EducationRequirement | None = Field(
        default=None,
        description="The degree the role asks for.",
        examples=[{"min_level": "masters", "fields": ["computer science"], "required": False}],
    )
    requirements_weight: float = Field(
        default=1.0,
        gt=0,
        le=100,
        description='Weight of the "Experience and education" category (used only when the '
        "set states min_years_experience or education).",
        examples=[1.0],
    )

    @property
    def experience_requirement(self) -> ExperienceRequirement | None:
        """min_years_experience in its long form."""
        value = self.min_years_experience
        if value is None or isinstance(value, ExperienceRequirement):
            return value
        return ExperienceRequirement(years=value)

    @property
    def has_requirements(self) -> bool:
        return self.min_years_experience is not None or self.education is not None

    def is_certification(self, term: Term) -> bool:
        category = self.categories.get(term.category)
        return term.category == "certifications" or bool(category and category.certification)

    def band_for(self, score: float) -> str | None:
        for band in sorted(self.bands, key=lambda b: b.min_score, reverse=True):
            if score >= band.min_score:
                return band.name
        return None

    @property
    def content_hash(self) -> str:
        """A hash of the set's content (not its file's layout or comments).

        Computed once per set object (:mod:`.per_set`): every check asks for it (the matcher
        cache key, the report), and dumping a set to JSON costs about half a millisecond.  A copy
        with an updated field (``model_copy(update=...)``) is another object: it gets its own.
        """
        return _content_hash(self)

    def _compute_content_hash(self) -> str:
        data = self.model_dump(mode="json")
        if not data["any_of"]:
            del data["any_of"]  # a set without groups keeps the hash it had before groups existed
        for key in ("min_years_experience", "education"):
            if data[key] is None:
                del data[key]  # likewise for sets without structure requirements
        if not self.has_requirements:
            del data["requirements_weight"]
        for term in data["terms"]:
            for key in ("min_years", "recent_within_years"):
                if term[key] is None:
                    del term[key]  # a term without depth keeps the hash it had before depth
        payload = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


#: :meth:`KeywordSet._compute_content_hash`, once per set object
_content_hash = per_set(KeywordSet._compute_content_hash)
