"""Building keyword sets from role documents: cues, vocabulary, draft YAML (no ../shared needed)."""

from __future__ import annotations

import functools
import math

import pytest
import yaml

from resume_checker.keywords.model import KeywordSet
from resume_checker.matching.similarity import content_similarity
from resume_checker.tuning.builder import (
    Draft,
    SourceText,
    build_keyword_set,
    keyword_set_from_job_ad,
)
from resume_checker.tuning.cues import Level, acronym_pairs, certifications, degrees
from resume_checker.tuning.draft_yaml import SCHEMA_LINE, render_draft_yaml
from resume_checker.tuning.jobad import line_levels
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


# --------------------------------------------------------------------------- job ads of any field

MECHANICAL = """Senior Mechanical Engineer

About us
Acme Robotics applies machine learning and neural networks to warehouses. We are a leading
provider of automation.

What you'll do
- Design parts in SolidWorks and AutoCAD; run simulations in ANSYS.

Minimum qualifications
- Bachelor\u2019s or Master\u2019s in Mechanical Engineering or related field
- 5+ years of experience in mechanical design
- Familiar with Agile, a certified SCRUM Master
- Fluent in German and English
- Valid driver's licence and an active Secret clearance

Preferred
- PhD
- PMP or CISSP

Benefits
Free breakfast, gym membership, coffee drinks, christmas party, private healthcare and fresh
fruits every day. Free breakfast and a gym membership for everyone!

Acme is an equal opportunity employer and follows applicable law. Applicable law applies.
"""


@functools.cache
def _ad(text: str = MECHANICAL) -> Draft:
    from resume_checker.tuning.builder import draft_from_job_ad

    return draft_from_job_ad(text, source="ad.txt")


def test_benefits_company_and_legal_text_give_no_terms() -> None:
    names = _names(_ad())
    junk = {"free breakfast", "gym membership", "coffee drinks", "christmas party",
            "private healthcare", "applicable law", "fresh fruits"}
    assert not junk & names
    assert not {"machine learning", "neural networks"} & names  # from the "about us" blurb


def test_years_and_degree_become_the_sets_requirements() -> None:
    ks = _ad().keyword_set
    assert ks.min_years_experience == 5
    assert ks.education is not None and ks.education.min_level == "bachelors"
    assert ks.education.fields == ("mechanical engineering",)
    assert not any(t.category == "education" for t in ks.terms)  # PhD is not a term, nor required


def test_certified_scrum_master_is_a_certification_not_a_masters_degree() -> None:
    draft = _ad()
    csm = _term(draft, "Certified Scrum Master")
    assert draft.keyword_set.is_certification(csm)
    assert "master's degree" not in _names(draft)


def test_languages_certifications_licences_and_clearance() -> None:
    draft = _ad()
    german = _term(draft, "German")
    assert german.category == "languages" and "fluent" in (german.note or "").lower()
    for name in ("Driver's licence", "Secret clearance", "Project Management Professional",
                 "CISSP"):
        assert draft.keyword_set.is_certification(_term(draft, name)), name
    assert not _term(draft, "CISSP").required  # preferred
    assert _term(draft, "CISSP").weight < 1


def test_required_only_where_the_ad_states_a_minimum() -> None:
    plain = _ad("Data Analyst\nWho you are\n- SQL\n- Tableau\nResponsibilities\n- Python\n")
    assert not any(t.required for t in plain.keyword_set.terms)
    assert _term(plain, "SQL").weight > _term(plain, "Python").weight
    stated = _ad("Data Analyst\nMust have\n- SQL\n- Tableau or Power BI\n")
    assert _term(stated, "SQL").required
    assert not _term(stated, "Tableau").required  # one of two alternatives is no knock-out
    assert not any(t.required for t in _ad().keyword_set.terms
                   if t.category in ("languages", "occupation") and t.name == "English")


def test_the_titles_field_words_are_terms() -> None:
    term = _term(_ad(), "mechanical engineering")
    assert "mechanical" in {a.lower() for a in term.aliases}
    assert not term.required
    payroll = _ad("Payroll Specialist\nRequirements\n- 2 years with ADP Workforce Now\n")
    assert "payroll" in _names(payroll)


@pytest.mark.parametrize(
    "glued", ["javascript angular", "c# user", "net agile", "rest microservices",
              "cypress mocha js"],
)
def test_neighbouring_skills_are_not_glued_into_phrases(glued: str) -> None:
    ad = ("Web Developer\nRequirements\n"
          + "- JavaScript Angular, C# user stories, .NET Agile teams, REST microservices,\n"
            "  Cypress Mocha JS tests\n" * 2)
    assert glued not in _names(_ad(ad))


def test_list_items_split_into_their_items() -> None:
    ad = "Developer\nRequirements\n- Python/Django, PostgreSQL & Redis (or MongoDB) and Docker\n"
    names = _names(_ad(ad))
    assert {"python", "django", "postgresql", "redis", "mongodb", "docker"} <= names


def test_every_term_keeps_the_ads_words_as_evidence() -> None:
    draft = _ad()
    assert len(draft.evidence) == len(draft.keyword_set.terms)
    for term, ev in zip(draft.keyword_set.terms, draft.evidence, strict=True):
        assert ev.mentions >= 1 and ev.excerpt, term.name
    ev = dict(zip((t.name for t in draft.keyword_set.terms), draft.evidence, strict=True))
    assert "SolidWorks" in ev["SolidWorks"].excerpt


def test_an_ad_with_no_known_term_is_a_plain_error() -> None:
    from resume_checker.errors import KeywordSetError
    from resume_checker.tuning.builder import NothingToDraftError

    with pytest.raises(NothingToDraftError) as caught:
        keyword_set_from_job_ad("We are a friendly team. Come and join us!", source="ad.txt")
    assert isinstance(caught.value, KeywordSetError)
    assert "names no skill" in str(caught.value) and "ad.txt" in str(caught.value)


def test_a_rich_ad_gives_a_rich_draft() -> None:
    tools = ["Python", "Django", "PostgreSQL", "Redis", "Docker", "Kubernetes", "Terraform",
             "AWS", "Git", "Jenkins", "Linux", "SQL", "Tableau", "Spark", "Hadoop", "Kafka",
             "MongoDB", "Elasticsearch", "Ansible", "MATLAB", "AutoCAD", "SolidWorks", "Excel",
             "Salesforce", "Jira", "Confluence", "PowerShell", "Bash", "Scala", "Perl"]
    ad = "Platform Engineer\nRequirements\n" + "".join(
        f"- Hands-on experience with {tool} in production.\n" for tool in tools
    )
    assert len(_ad(ad).keyword_set.terms) >= 25


def test_products_the_vocabulary_lacks_are_drafted_from_lists() -> None:
    ad = ("Front-end Engineer\nRequirements\n- Build tooling: Webpack or Vite, Babel, Python.\n"
          "- Stack: Vue.js Nuxt.js Docker Nginx Redis Rancher\n")
    names = _names(_ad(ad))
    assert {"webpack", "vite", "babel", "rancher"} <= names
    assert not any(t.required for t in _ad(ad).keyword_set.terms
                   if t.name in ("Webpack", "Vite", "Babel", "Rancher"))


def test_a_list_item_phrase_named_once_is_drafted() -> None:
    ad = ("Financial Analyst\nRequirements\n- Excel, variance analysis, financial modeling and "
          "SQL.\n")
    names = _names(_ad(ad))
    assert {"variance analysis", "financial modeling"} <= names


def test_a_product_that_ends_a_sentence_is_named_without_its_full_stop() -> None:
    draft = _ad("Data Analyst\n\nRequirements\n- Experience with Python, MATLAB, JMP.\n"
                "- Dashboards in Tableau, Qlik, Looker.\n")
    names = {t.name for t in draft.keyword_set.terms}
    assert "JMP" in names
    assert not [n for n in names if n.endswith(".")]


def test_the_ads_prose_is_not_drafted_as_a_phrase() -> None:
    """Duties, vague qualities and vague heads repeat in ads without naming a skill."""
    ad = ("Account Manager\n\nResponsibilities\n- Solve roadblocks for clients; solve roadblocks "
          "fast.\n- Handle operational issues and operational issues reports.\n"
          "- Build lasting customer relationships and lasting customer relationships.\n"
          "- Run media buying with programmatic advertising.\n")
    names = {t.name.lower() for t in _ad(ad).keyword_set.terms}
    assert not {"solve roadblocks", "operational issues", "lasting customer relationships",
                "lasting customer"} & names
    assert {"media buying", "programmatic advertising"} <= names


def test_weights_follow_how_often_the_ad_names_a_term_and_english_weighs_least() -> None:
    ad = ("Data Engineer\n\nRequirements\n- Python and SQL.\n- Airflow pipelines in Python.\n"
          "- Python tests; Python reviews.\n- Fluent English and German.\n")
    weights = {t.name: t.weight for t in _ad(ad).keyword_set.terms}
    assert weights["Python"] > weights["SQL"]
    assert weights["English"] < weights["German"]
    assert weights["Python"] <= 2 * 2.0  # the mention factor is capped at x2


def test_every_vocabulary_category_has_a_title() -> None:
    """A drafted category is shown by its title: none may fall back to its id ("Hr")."""
    from resume_checker.tuning.builder import CATEGORY_TITLES
    from resume_checker.tuning.candidates import credential_entries
    from resume_checker.tuning.vocabulary import load_vocabulary

    categories = {e.category for e in (*load_vocabulary().entries, *credential_entries())}
    assert sorted(categories - set(CATEGORY_TITLES)) == []
