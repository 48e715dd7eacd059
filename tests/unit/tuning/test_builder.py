"""Building keyword sets from role documents: cues, vocabulary, draft YAML (no ../shared needed)."""

from __future__ import annotations

import functools
import math

import pytest
import yaml

from resume_checker.keywords.model import KeywordSet
from resume_checker.tuning.builder import (
    Draft,
    SourceText,
    build_keyword_set,
    keyword_set_from_job_ad,
)
from resume_checker.tuning.cues import Level, acronym_pairs, certifications, degrees, line_levels
from resume_checker.tuning.draft_yaml import SCHEMA_LINE, render_draft_yaml
from resume_checker.tuning.similarity import content_similarity
from resume_checker.tuning.vocabulary import is_junk, load_vocabulary

AD_ML = """Machine Learning Engineer

About the team
We are a friendly team with a strong culture of communication and collaboration.

Minimum qualifications:
- 3+ years of experience with Python and PyTorch.
- Experience training Large Language Models (LLMs) with Retrieval-Augmented Generation (RAG).
- MS or PhD in Computer Science, Statistics, or a related field.
- Experience with Kubernetes and Docker.

Preferred qualifications:
- AWS Certified Machine Learning - Specialty
- Experience with JAX and Mixture of Experts (MoE) models.
- Contributions to Graph Signal Processing (GSP) research.

Benefits
Great team, strong communication, and the ability to grow your skills.
"""

AD_DS = """Data Scientist

Requirements
- Python and SQL are required.
- Bachelor's degree in Mathematics, Economics or Computer Science.
- Experience with PyTorch or scikit-learn.

Nice to have
- Tableau, Kubernetes
- Google Data Analytics Certificate
"""

AD_OPS = """MLOps Engineer

You must have hands-on experience with Kubernetes, Docker and MLflow.
Python is a must. Terraform is a plus.
Experience with PyTorch model serving is a bonus.
"""


@functools.cache
def _draft(*texts: str) -> Draft:
    sources = [SourceText(f"ad{i}.txt", t) for i, t in enumerate(texts)]
    return build_keyword_set(sources, set_id="test-role", title="Test role")


def _term(draft: Draft, name: str):  # type: ignore[no-untyped-def]
    for term in draft.keyword_set.terms:
        if term.name.lower() == name.lower():
            return term
    raise AssertionError(f"{name!r} not in {[t.name for t in draft.keyword_set.terms]}")


def _names(draft: Draft) -> set[str]:
    return {t.name.lower() for t in draft.keyword_set.terms}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("training Mixture of Experts (MoE) models", ("Mixture of Experts", "MoE")),
        ("Large Language Models (LLMs) at scale", ("Large Language Models", "LLMs")),
        ("use RAG (Retrieval Augmented Generation)", ("Retrieval Augmented Generation", "RAG")),
        ("build Graph Signal Processing (GSP) tools", ("Graph Signal Processing", "GSP")),
        ("natural language processing (NLP)", ("natural language processing", "NLP")),
    ],
)
def test_acronym_pairs_are_found(text: str, pair: tuple[str, str]) -> None:
    assert pair in acronym_pairs(text)


@pytest.mark.parametrize(
    "text", ["Python (3.10 or later)", "our team (NYC office)", "tools (e.g. Git)"]
)
def test_parentheses_that_are_not_acronyms_are_ignored(text: str) -> None:
    assert acronym_pairs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requirements:\n- Python", Level.REQUIRED),
        ("Minimum qualifications\n- Python", Level.REQUIRED),
        ("Nice to have:\n- Python", Level.PREFERRED),
        ("Preferred qualifications\n- Python", Level.PREFERRED),
        ("Bonus points\n- Python", Level.PREFERRED),
        ("About us\n- Python", Level.NONE),
        ("Python is a must.", Level.REQUIRED),
        ("Python is a plus.", Level.PREFERRED),
        ("Requirements:\n- Python is nice to have", Level.PREFERRED),
        ("Requirements:\n- Go\nBenefits\n- Python", Level.NONE),
    ],
)
def test_requirement_cues(text: str, expected: Level) -> None:
    assert line_levels(text)[-1][1] is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("AWS Certified Machine Learning - Specialty",) * 2,
        ("- Deep Learning Specialization (Andrew Ng)", "Deep Learning Specialization"),
        ("Google Brain Residency", "Google Brain Residency"),
        ("the OpenAI Scholars Program", "OpenAI Scholars Program"),
        ("Certified Kubernetes Administrator (CKA)", "Certified Kubernetes Administrator"),
        ("a Google Data Analytics Certificate", "Google Data Analytics Certificate"),
    ],
)
def test_certification_cues(text: str, name: str) -> None:
    assert name in certifications(text)


@pytest.mark.parametrize(
    "text", ["certification is preferred", "Certification Pathway", "a training program"]
)
def test_certification_cues_need_a_name(text: str) -> None:
    assert certifications(text) == []


@pytest.mark.parametrize(
    ("text", "level", "field"),
    [
        ("PhD in Computer Science or Physics", "PhD", "computer science"),
        ("Master's degree in Statistics", "Master's degree", "statistics"),
        ("BS/MS in Electrical Engineering", "Bachelor's degree", "electrical engineering"),
        ("Bachelor's in Math, Economics or a related field", "Bachelor's degree", "economics"),
        ("Ph.D. preferred", "PhD", None),
    ],
)
def test_degree_levels(text: str, level: str, field: str | None) -> None:
    found = {d.level: d.fields for d in degrees(text)}
    assert level in found
    if field:
        assert field in found[level]


def test_lower_case_ms_is_not_a_degree() -> None:
    assert degrees("latency under 50 ms on the ba side") == []


def test_acronym_pairs_become_aliases() -> None:
    draft = _draft(AD_ML)
    assert "RAG" in _term(draft, "retrieval-augmented generation").aliases
    gsp = _term(draft, "Graph Signal Processing")
    assert "GSP" in gsp.aliases
    assert "MoE" in _term(draft, "Mixture of Experts").aliases


def test_required_and_weights_follow_cues() -> None:
    draft = _draft(AD_ML)
    assert _term(draft, "PyTorch").required
    assert _term(draft, "PyTorch").weight > 1
    jax = _term(draft, "JAX")
    assert not jax.required and jax.weight < 1
    assert not _term(draft, "AWS Certified Machine Learning - Specialty").required


def test_required_is_sparing_across_documents() -> None:
    draft = _draft(AD_ML, AD_DS, AD_OPS)
    assert _term(draft, "Python").required        # under a required cue in all three ads
    assert _term(draft, "Kubernetes").required    # required in two, "nice to have" in one
    assert not _term(draft, "Tableau").required   # only ever "nice to have"
    assert not _term(draft, "Terraform").required  # "a plus"
    assert _term(draft, "Terraform").weight < 1
    required = [t.name for t in draft.keyword_set.terms if t.required]
    assert len(required) <= max(3, math.ceil(0.15 * len(draft.keyword_set.terms)))


def test_certifications_and_degrees_become_terms() -> None:
    draft = _draft(AD_ML, AD_DS)
    ks = draft.keyword_set
    cert = _term(draft, "Google Data Analytics Certificate")
    assert ks.is_certification(cert)
    phd = _term(draft, "PhD")
    assert phd.category == "education" and "computer science" in (phd.note or "")
    assert _term(draft, "Bachelor's degree").category == "education"
    assert _term(draft, "Master's degree").category == "education"


@pytest.mark.parametrize(
    ("name", "category"),
    [("PyTorch", "frameworks"), ("Kubernetes", "mlops"), ("Python", "programming"),
     ("SQL", "data"), ("Mixture of Experts", "architectures"), ("Tableau", "tools")],
)
def test_categories_come_from_the_vocabulary(name: str, category: str) -> None:
    assert _term(_draft(AD_ML, AD_DS), name).category == category


def test_an_onet_term_is_found_with_its_category() -> None:
    draft = _draft("Requirements: experience with Apache Cassandra and PostgreSQL.")
    assert _term(draft, "Apache Cassandra").category == "data"
    assert "O*NET" in (_term(draft, "PostgreSQL").source or "")


@pytest.mark.parametrize("word", ["team", "communication", "experience", "ability", "skills",
                                  "strong", "years", "work", "environment"])
def test_junk_words_are_excluded(word: str) -> None:
    assert word not in _names(_draft(AD_ML, AD_DS, AD_OPS))
    assert is_junk(word)


def test_junk_rule_spares_technology_terms() -> None:
    assert not is_junk("PyTorch")
    assert not is_junk("machine learning")
    assert is_junk("great team and communication")


def test_case_sensitive_short_terms_do_not_match_words() -> None:
    vocabulary = load_vocabulary()
    text = "Go to the store and see ray of light in a c grade"
    names = {h.entry.name for h in vocabulary.find(text)}
    assert "Ray" not in names and "C" not in names
    assert "Go" in {h.entry.name for h in vocabulary.find("We write services in Go and C.")}


def test_output_is_deterministic() -> None:
    first = render_draft_yaml(_draft(AD_ML, AD_DS, AD_OPS))
    second = render_draft_yaml(_draft(AD_ML, AD_DS, AD_OPS))
    assert first == second


def test_draft_yaml_has_a_comment_for_every_term_and_loads_with_the_model() -> None:
    draft = _draft(AD_ML, AD_DS)
    text = render_draft_yaml(draft)
    assert text.startswith(SCHEMA_LINE)
    assert "O*NET" in text.split("id:")[0] and "CC BY 4.0" in text.split("id:")[0]
    lines = text.splitlines()
    term_lines = [i for i, line in enumerate(lines) if line.startswith("  - name:")]
    assert len(term_lines) == len(draft.keyword_set.terms)
    for i in term_lines:
        assert lines[i - 1].startswith("  # in "), lines[i - 1]
        assert "documents" in lines[i - 1] and "mention" in lines[i - 1]
    loaded = KeywordSet.model_validate(yaml.safe_load(text))
    assert loaded == draft.keyword_set


def test_draft_loads_with_the_project_loader() -> None:
    loader = pytest.importorskip("resume_checker.keywords.loader")
    text = render_draft_yaml(_draft(AD_ML, AD_DS, AD_OPS))
    assert loader.parse_keyword_set(text, source="draft.yaml").id == "test-role"


def test_job_ad_becomes_a_keyword_set() -> None:
    ks = keyword_set_from_job_ad(AD_ML, source="ad.txt")
    assert ks.id == "job-ad"
    assert {"pytorch", "python", "kubernetes"} <= {t.name.lower() for t in ks.terms}


def test_content_similarity_is_between_zero_and_one_and_ranks() -> None:
    resume = "Built PyTorch models and deployed them on Kubernetes with Docker and MLflow."
    close = content_similarity(resume, AD_OPS)
    far = content_similarity("Chef: prepared fresh meals and managed the kitchen.", AD_OPS)
    assert 0 <= far < close <= 1
    assert content_similarity("", AD_OPS) == 0.0


def test_empty_input_is_an_error() -> None:
    with pytest.raises(ValueError):
        build_keyword_set([], set_id="x", title="X")


def test_acronym_alias_from_a_document_matches_only_in_capitals() -> None:
    ad = "Requirements\n- Operations Research (OR) or statistics.\n- Python or R or SQL."
    term = _term(_draft(ad), "Operations Research")
    evidence = dict(zip(_draft(ad).keyword_set.terms, _draft(ad).evidence, strict=True))[term]
    assert evidence.mentions == 2  # "Operations Research (OR)"; the lower-case "or"s never count
    assert "or" not in evidence.written_as


def test_benefit_programs_are_not_certifications() -> None:
    ad = "Benefits\n- Employee Referral Program\n- Student Loan Program\nRequirements\n- Python"
    assert not any(t.category == "certifications" for t in _draft(ad).keyword_set.terms)
