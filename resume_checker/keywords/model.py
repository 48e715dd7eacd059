"""The keyword-set model: the fields of a `keyword_sets/*.yaml` file, validated on load.

The models are frozen; cross-field checks (declared categories, duplicate names and
aliases) live in :mod:`resume_checker.keywords.loader`, which turns every problem into
a message naming the file, the term and the field.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Category(_Frozen):
    """A group of terms; its weight scales the group's share of the score."""

    title: NonEmpty
    weight: float = Field(default=1.0, gt=0, le=100)
    #: terms of this category are certifications and are listed on their own when missing
    #: (a category whose id is "certifications" is one too)
    certification: bool = False
    description: str | None = None


class Term(_Frozen):
    """A skill, tool, topic or credential the role asks for."""

    name: NonEmpty
    category: NonEmpty
    aliases: tuple[NonEmpty, ...] = ()
    weight: float = Field(default=1.0, gt=0, le=100)
    required: bool = False
    case_sensitive: bool = False
    #: where the term came from (document, job ad) and why, for the people who tune the set
    source: str | None = None
    note: str | None = None

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


class Band(_Frozen):
    """A named score range, e.g. strong >= 70."""

    name: NonEmpty
    min_score: float = Field(ge=0, le=100)


DEFAULT_BANDS: tuple[Band, ...] = (
    Band(name="strong", min_score=70),
    Band(name="fair", min_score=40),
    Band(name="weak", min_score=0),
)


class KeywordSet(_Frozen):
    """A role's keyword set."""

    id: Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
    title: NonEmpty
    description: str | None = None
    version: str | None = None
    #: documents the set was built from (titles or URLs), for reviewers
    sources: tuple[str, ...] = ()
    categories: dict[str, Category] = Field(min_length=1)
    terms: tuple[Term, ...] = Field(min_length=1)
    #: score bands, highest first; the first whose min_score the score reaches names the band
    bands: tuple[Band, ...] = DEFAULT_BANDS

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
        """A hash of the set's content (not its file's layout or comments)."""
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()
