"""Keyword sets: loading, lookup, validation messages, the bundled sets, the JSON Schema."""

from __future__ import annotations

import os
import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from locations import FIXTURES as FIXTURE_DIR
from locations import KEYWORD_SETS

from resume_checker.errors import InvalidKeywordSetError, KeywordSetError, KeywordSetNotFoundError
from resume_checker.keywords.loader import (
    bundled_dir,
    dump_keyword_set,
    list_keyword_sets,
    load_keyword_set,
    parse_keyword_set,
    save_keyword_set,
    user_sets_dir,
    validate_keyword_set_file,
)
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.keywords.schema import SCHEMA_FILE_NAME, schema_text

FIXTURES = FIXTURE_DIR / "keyword_sets"
BROKEN = FIXTURES / "broken"
NNA = "neural-network-architect"


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty user directory, never the real one."""
    directory = tmp_path / "user-sets"
    monkeypatch.setenv("RESUME_CHECKER_SETS_DIR", str(directory))
    return directory


# --- broken files: every one names the line, the term, the field and a valid example ---------

BROKEN_CASES: list[tuple[str, list[str]]] = [
    (
        "unknown_category.yaml",
        [
            "line 9: term #2 'PyTorch', field 'category'",
            "unknown category 'framework'",
            "Declared categories: frameworks, hardware",
            "Did you mean 'frameworks'?",
            "Example: category: frameworks",
        ],
    ),
    (
        "duplicate_alias.yaml",
        [
            "line 11: term #2 'Lua Torch', field 'aliases'",
            "'Torch' is also a spelling of term #1 'PyTorch' ('torch')",
        ],
    ),
    (
        "duplicate_name.yaml",
        [
            "line 8: term #3 'cuda', field 'name'",
            "also a spelling of term #1 'CUDA'",
        ],
    ),
    (
        "empty_alias.yaml",
        [
            "line 8: term #1 'PyTorch', field 'aliases': alias #2 is empty",
            "Example: aliases: [torch, pytorch]",
        ],
    ),
    (
        "bad_weights.yaml",
        [
            "line 4: category 'frameworks', field 'weight': must be a number greater than 0 and "
            "at most 100, got -1",
            "line 6: term #1 'PyTorch', field 'weight'",
            "got 0. Example: weight: 2",
            "line 7: term #2 'JAX', field 'weight'",
            "got 150",
            "line 8: term #3 'TensorFlow', field 'weight'",
            "got 'heavy'",
            "line 9: term #4 'Keras', field 'weight'",
            "got true",
        ],
    ),
    (
        "missing_fields.yaml",
        [
            "field 'title': missing required field. Example: title: Neural Network Architect",
            "line 5: term #1 'PyTorch', field 'category': missing required field. "
            "Example: category: frameworks",
            "line 7: term #2, field 'name': missing required field. Example: name: PyTorch",
        ],
    ),
    (
        "unknown_field.yaml",
        [
            "line 8: term #1 'PyTorch', field 'aliasses'",
            "unknown field 'aliasses' (did you mean 'aliases'?)",
            "unknown field 'requird' (did you mean 'required'?)",
            "Allowed fields: name, category",
        ],
    ),
    (
        "bad_id.yaml",
        [
            "line 1: field 'id': 'Neural Network Architect' is not a slug",
            "e.g. id: neural-network-architect",
        ],
    ),
    ("syntax_error.yaml", ["line 9, column 9: YAML syntax error", "starts on line 8, column 14"]),
    ("not_a_mapping.yaml", ["the file holds a list", "mapping of fields", "id: neural-network"]),
    ("empty_terms.yaml", ["line 5: field 'terms': is empty; add at least one", "- {name: PyTorch"]),
    ("empty_file.yaml", ["the file is empty"]),
    ("duplicate_key.yaml", ["line 9: 'weight' appears twice", "first on line 8"]),
    (
        "unquoted_yes.yaml",
        [
            "line 6: term #1, field 'name': YAML read this as true",
            'name: "yes"',
            "line 8: term #2 'Excel', field 'version': unknown field 'version'",
        ],
    ),
    ("aliases_not_list.yaml", ["field 'aliases': must be a list, got 'torch'"]),
    ("anchors.yaml", ["anchors and aliases", "not supported"]),
    ("unused_category.yaml", ["line 5: category 'hardware' is declared but no term uses it"]),
    ("categories_as_list.yaml", ["line 3: field 'categories': must be a mapping", "frameworks: {"]),
]


@pytest.mark.parametrize(("name", "fragments"), BROKEN_CASES, ids=[c[0] for c in BROKEN_CASES])
def test_broken_file_names_line_term_field_and_example(name: str, fragments: list[str]) -> None:
    path = BROKEN / name
    problems = validate_keyword_set_file(path)
    text = "\n".join(problems)
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in:\n{text}"
    with pytest.raises(InvalidKeywordSetError) as info:
        load_keyword_set(path)
    assert str(path) in str(info.value), "the error names the file"
    assert info.value.problems == problems


def test_every_broken_fixture_is_in_the_table() -> None:
    tabled = {name for name, _ in BROKEN_CASES} | {"many_problems.yaml"}
    assert {p.name for p in BROKEN.glob("*.yaml")} == tabled


def test_all_problems_are_reported_at_once_in_line_order() -> None:
    problems = validate_keyword_set_file(BROKEN / "many_problems.yaml")
    assert len(problems) == 6, problems
    lines = [int(re.match(r"line (\d+):", p).group(1)) for p in problems]  # type: ignore[union-attr]
    assert lines == sorted(lines)
    text = "\n".join(problems)
    for fragment in (
        "'Many_Problems' is not a slug",
        "e.g. id: many-problems",
        "unknown category 'framework'",
        "alias #2 is empty",
        "got 0",
        "'Torch' is also a spelling of term #1 'PyTorch'",
        "unknown field 'requried' (did you mean 'required'?)",
    ):
        assert fragment in text


def test_not_utf8_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: caf\xe9\ntitle: Caf\xe9\n".encode("latin-1"))
    assert validate_keyword_set_file(path) == [
        "the file is not UTF-8 text (byte 7); save it as UTF-8"
    ]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    problems = validate_keyword_set_file(tmp_path / "nope.yaml")
    assert len(problems) == 1 and "cannot open" in problems[0]
    with pytest.raises(KeywordSetNotFoundError):
        load_keyword_set(tmp_path / "nope.yaml")


def test_huge_text_is_refused() -> None:
    with pytest.raises(InvalidKeywordSetError, match="at most"):
        parse_keyword_set("id: x\n" + "#" * 1_000_001, source="<editor>")


def test_case_sensitive_terms_that_differ_in_case_are_not_duplicates() -> None:
    kwset = load_keyword_set(FIXTURES / "valid" / "case-sensitive.yaml")
    assert [t.name for t in kwset.terms] == ["Go", "R", "GO"]
    assert kwset.band_for(65) == "good"


def test_a_case_insensitive_term_clashes_with_a_case_sensitive_one() -> None:
    text = (FIXTURES / "valid" / "case-sensitive.yaml").read_text(encoding="utf-8")
    text = text.replace("[Gene Ontology], case_sensitive: true", "[Gene Ontology]")
    with pytest.raises(InvalidKeywordSetError, match="'GO' is also a spelling of term #1 'Go'"):
        parse_keyword_set(text, source="edited.yaml")


def test_hyphen_and_space_spellings_are_the_same_spelling() -> None:
    text = (
        "id: x\ntitle: X\ncategories: {a: {title: A}}\nterms:\n"
        "  - {name: Mixture of experts, category: a}\n"
        "  - {name: MoE, category: a, aliases: [mixture-of-experts]}\n"
    )
    with pytest.raises(InvalidKeywordSetError, match="'mixture-of-experts' is also a spelling"):
        parse_keyword_set(text, source="<editor>")


# --- lookup ----------------------------------------------------------------------------------


def test_lookup_by_id_by_path_and_by_object_give_the_same_set() -> None:
    by_id = load_keyword_set(NNA)
    path = bundled_dir() / f"{NNA}.yaml"
    assert load_keyword_set(path) is by_id, "cached per (path, mtime, size)"
    assert load_keyword_set(str(path)) is by_id
    assert load_keyword_set(by_id) is by_id


def test_unknown_id_lists_the_available_ids_and_suggests_one() -> None:
    with pytest.raises(KeywordSetNotFoundError) as info:
        load_keyword_set("neural-network-architekt")
    message = str(info.value)
    assert NNA in message and "Available:" in message
    assert f"Did you mean '{NNA}'?" in message


def test_bundled_dir_is_the_repo_folder_in_a_checkout() -> None:
    assert bundled_dir() == KEYWORD_SETS


def test_user_dir_follows_the_environment(user_dir: Path) -> None:
    assert user_sets_dir() == user_dir


def test_a_set_saved_in_the_user_dir_is_found_by_id(user_dir: Path) -> None:
    kwset = load_keyword_set(FIXTURES / "valid" / "minimal.yaml")
    path = save_keyword_set(kwset)
    assert path == user_dir / "minimal-role.yaml"
    assert load_keyword_set("minimal-role") == kwset
    infos = {info.id: info for info in list_keyword_sets()}
    assert infos["minimal-role"].bundled is False and infos["minimal-role"].term_count == 1
    assert infos[NNA].bundled is True


def test_a_set_is_found_by_its_id_even_under_another_file_name(user_dir: Path) -> None:
    user_dir.mkdir()
    text = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (user_dir / "my copy.yml").write_text(text, encoding="utf-8")
    assert load_keyword_set("minimal-role").title == "Minimal role"


def test_a_broken_user_file_is_listed_with_its_problems_and_hides_nothing(user_dir: Path) -> None:
    user_dir.mkdir()
    (user_dir / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    infos = {info.id: info for info in list_keyword_sets()}
    assert infos["broken"].problems and "YAML syntax error" in infos["broken"].problems[0]
    assert load_keyword_set(NNA).id == NNA
    with pytest.raises(InvalidKeywordSetError):
        load_keyword_set("broken")  # the file named after the id is broken: say so


def test_saving_under_a_bundled_id_is_refused() -> None:
    with pytest.raises(KeywordSetError, match="bundled"):
        save_keyword_set(load_keyword_set(NNA))


def test_an_edited_file_is_reloaded(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    text = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    first = load_keyword_set(path)
    path.write_text(text.replace("Minimal role", "Edited role"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a new mtime even on coarse file-system clocks
    assert load_keyword_set(path).title == "Edited role" != first.title


# --- YAML round trip -------------------------------------------------------------------------


def test_dump_is_readable_and_round_trips_the_bundled_sets() -> None:
    for info in list_keyword_sets():
        kwset = load_keyword_set(info.path)
        text = dump_keyword_set(kwset)
        assert parse_keyword_set(text, source="dump") == kwset
        keys = [line.split(":")[0] for line in text.splitlines() if not line.startswith(" ")]
        assert keys[:2] == ["id", "title"] and keys[-1] == "terms"
        assert keys.index("categories") < keys.index("terms")
        term_lines = text.split("\nterms:\n")[1].splitlines()
        assert len(term_lines) == len(kwset.terms), "one line a term"


_TRICKY = string.ascii_letters + string.digits + " :#,[]{}'\"&*!|>%@`-?+./\\"
_TEXT = st.text(alphabet=_TRICKY, min_size=1, max_size=30).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None)
@given(name=_TEXT, alias=_TEXT, source=_TEXT, weight=st.floats(0.01, 100))
def test_dump_round_trips_any_text(name: str, alias: str, source: str, weight: float) -> None:
    if alias.strip().casefold() == name.strip().casefold():
        alias = name + " x"
    kwset = KeywordSet(
        id="tricky",
        title=name,
        description=source,
        categories={"a-b": Category(title=name)},
        terms=(Term(name=name, category="a-b", aliases=(alias,), weight=weight, source=source),),
    )
    assert parse_keyword_set(dump_keyword_set(kwset), source="dump") == kwset


# --- the bundled sets ------------------------------------------------------------------------


def test_every_bundled_set_loads_and_validates() -> None:
    files = sorted(bundled_dir().glob("*.yaml"))
    assert files
    for path in files:
        assert validate_keyword_set_file(path) == [], path
        assert path.read_text(encoding="utf-8").startswith(
            f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}\n"
        )
        assert load_keyword_set(path).id == path.stem


NNA_MUST_HAVE = {
    # skills matrix
    "Linear algebra": [],
    "Calculus": ["matrix calculus"],
    "Probability": ["probability theory"],
    "PyTorch": [],
    "JAX": [],
    "TensorFlow": [],
    "GPU": [],
    "TPU": [],
    "CUDA": [],
    "Transformers": [],
    "Convolutional neural networks": ["CNN", "ConvNet"],
    "Recurrent neural networks": ["RNN"],
    "Generative adversarial networks": ["GAN"],
    "Loss landscapes": [],
    "Gradient flow": [],
    # architectures, optimization, training, deployment named in the documents
    "Mixture of experts": ["MoE"],
    "Vision transformers": ["ViT"],
    "Diffusion models": [],
    "State-space models": [],
    "Attention mechanisms": ["multi-head attention"],
    "Neural architecture search": ["NAS"],
    "Quantization-aware training": ["QAT"],
    "Hyperparameter optimization": [],
    "Meta-learning": [],
    "Distributed training": [],
    "Federated learning": [],
    "Edge AI": [],
    "Information theory": [],
    # research, education, certifications and programs
    "NeurIPS": ["NIPS"],
    "ICML": [],
    "ICLR": [],
    "arXiv": [],
    "Kaggle": [],
    "PhD": ["Ph.D.", "doctorate"],
    "Master's degree": ["MSc", "M.S."],
    "Deep Learning Specialization": [],
    "NVIDIA Deep Learning Institute": ["NVIDIA DLI"],
    "Google Brain Residency": [],
    "OpenAI Scholars": [],
    "CS231n": [],
    "CS224n": [],
}
NNA_CATEGORIES = {
    "mathematics",
    "frameworks",
    "hardware",
    "architectures",
    "optimization",
    "training",
    "deployment",
    "research",
    "education",
    "certifications",
}


def test_nna_set_has_the_categories_and_the_must_have_terms() -> None:
    kwset = load_keyword_set(NNA)
    assert set(kwset.categories) >= NNA_CATEGORIES
    assert kwset.is_certification(next(t for t in kwset.terms if t.name == "CS231n"))
    terms = {t.name: t for t in kwset.terms}
    for name, aliases in NNA_MUST_HAVE.items():
        assert name in terms, name
        assert set(aliases) <= set(terms[name].aliases), (name, terms[name].aliases)
    assert 60 <= len(kwset.terms) <= 110
    assert [b.name for b in kwset.bands] == ["strong", "fair", "weak"]
    assert kwset.band_for(70) == "strong" and kwset.band_for(45) == "fair"


def test_nna_terms_say_which_document_they_came_from() -> None:
    for term in load_keyword_set(NNA).terms:
        assert term.source, term.name
        assert set(term.source.split(", ")) <= {"seed-000", "seed-001"}, term.name


def test_nna_weights_follow_the_skills_matrix_and_knock_outs_are_few() -> None:
    kwset = load_keyword_set(NNA)
    terms = {t.name: t for t in kwset.terms}
    matrix = ["Linear algebra", "PyTorch", "GPU", "CUDA", "Transformers", "Loss landscapes"]
    assert all(terms[n].weight == max(t.weight for t in kwset.terms) for n in matrix)
    required = [t.name for t in kwset.terms if t.required]
    assert 1 <= len(required) <= 5, required
    assert not terms["PhD"].required, "a Master's may suffice for the role"


def test_nna_leaves_out_employers_and_ambiguous_abbreviations() -> None:
    spellings = {s.casefold() for t in load_keyword_set(NNA).terms for s in t.spellings}
    for word in ("deepmind", "fair", "openai", "nvidia", "tesla", "anthropic", "cv", "master's"):
        assert word not in spellings, word
    jax = next(t for t in load_keyword_set(NNA).terms if t.name == "JAX")
    assert jax.case_sensitive, "Jax is also a first name"


# --- JSON Schema ------------------------------------------------------------------------------


def test_checked_in_schema_equals_the_generated_one() -> None:
    checked_in = (bundled_dir() / SCHEMA_FILE_NAME).read_text(encoding="utf-8")
    assert checked_in == schema_text(), (
        "regenerate: python -m resume_checker.keywords.schema > keyword_sets/" + SCHEMA_FILE_NAME
    )


def test_schema_documents_the_fields() -> None:
    import json

    schema = json.loads(schema_text())
    term = schema["$defs"]["Term"]
    assert term["additionalProperties"] is False
    assert {"name", "category"} <= set(term["required"])
    assert term["properties"]["weight"]["exclusiveMinimum"] == 0
    assert all("description" in prop for prop in term["properties"].values())
    assert schema["properties"]["id"]["examples"] == ["neural-network-architect"]
