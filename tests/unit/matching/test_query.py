"""The boolean query language: parsing (precedence, quoting, wildcard, implicit AND), errors that
point at a column, evaluation through the keyword matcher, and the batch's --query filter."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from resume_checker.batch.runner import BatchOptions, run_batch
from resume_checker.documents import parse_document
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.limits import DEFAULT_LIMITS
from resume_checker.matching.query import And, Not, Or, QueryError, Word, compile_query, parse_query
from resume_checker.ranking import Status

W = Word

PARSES = [
    ("PyTorch", W("PyTorch")),
    ("a OR b AND c", Or((W("a"), And((W("b"), W("c")))))),
    ("a AND b OR c", Or((And((W("a"), W("b"))), W("c")))),
    ("NOT a AND b", And((Not(W("a")), W("b")))),
    ("NOT NOT a", Not(Not(W("a")))),
    ("(a OR b) AND c", And((Or((W("a"), W("b"))), W("c")))),
    ("a b", And((W("a"), W("b")))),                          # implicit AND
    ("a b OR c", Or((And((W("a"), W("b"))), W("c")))),       # implicit AND binds tighter
    ("a NOT b", And((W("a"), Not(W("b"))))),
    ('"machine learning" AND x', And((W("machine learning", phrase=True), W("x")))),
    ('"a OR b"', W("a OR b", phrase=True)),                  # operators in quotes are words
    ('"  deep   learning "', W("deep learning", phrase=True)),
    ("transform*", W("transform", prefix=True)),
    ("and or not", And((W("and"), W("or"), W("not")))),      # lower case: plain words
    ("C++ OR C#", Or((W("C++"), W("C#")))),
    ("(((a)))", W("a")),
]


@pytest.mark.parametrize(("query", "tree"), PARSES, ids=[q for q, _ in PARSES])
def test_parse(query: str, tree: object) -> None:
    assert parse_query(query) == tree


ERRORS = [
    ("(PyTorch OR JAX AND CUDA", 25, "expected ')'"),
    ("a AND", 6, "at the end of the query"),
    ("AND a", 1, "cannot start with AND"),
    ("a OR OR b", 6, "after 'OR'"),
    ("a )", 3, "')' without a matching '('"),
    ("()", 2, "before ')'"),
    ('a AND "open', 7, "unclosed quote"),
    ('""', 1, "empty phrase"),
    ("t*f", 1, "only at the end"),
    ("a*", 1, "at least two characters"),
    ("", 1, "empty"),
    ("   ", 4, "empty"),
]


@pytest.mark.parametrize(("query", "column", "message"), ERRORS, ids=[q for q, _, _ in ERRORS])
def test_errors_point_at_the_column(query: str, column: int, message: str) -> None:
    with pytest.raises(QueryError) as info:
        parse_query(query)
    assert info.value.column == column
    text = str(info.value)
    assert text.startswith(f"query error at column {column}: ")
    assert message in text
    caret_line = text.splitlines()[-1]
    assert caret_line == "  " + " " * (column - 1) + "^"


SET = KeywordSet(
    id="t",
    title="T",
    categories={"fw": Category(title="Frameworks")},
    terms=(
        Term(name="PyTorch", category="fw", aliases=("torch",)),
        Term(name="Kubernetes", category="fw", aliases=("k8s",)),
        Term(name="R", category="fw", case_sensitive=True),
    ),
)

RESUME = """Jane Doe
Skills: torch, CUDA kernels, Transformers, pre-trained models, r programming
Experience: Senior engineer at Acme; built GPU clusters on K8s.
"""

MATCHES = [
    ("PyTorch", True),                      # the set's alias "torch" counts
    ("pytorch", True),                      # any case names the set term
    ("torch AND Kubernetes", True),          # Kubernetes via its alias k8s
    ("JAX", False),
    ("(PyTorch OR JAX) AND CUDA AND NOT \"intern\"", True),
    ("(PyTorch OR JAX) AND CUDA AND NOT engineer", False),
    ("JAX OR CUDA", True),
    ("NOT JAX", True),
    ("CUDA kernel", True),                   # implicit AND; plural found by the singular
    ('"CUDA kernels"', True),
    ('"kernels CUDA"', False),               # a phrase keeps its order
    ('"pretrained models"', True),           # hyphen variants as in the matcher
    ("transform*", True),                    # prefix over tokens
    ("transformerz*", False),
    ("clust*", True),
    ("R", False),                            # the set's R is case-sensitive; "r" is not R
    ("GPU", True),
    ("Java", False),
]


@pytest.fixture(scope="module")
def resume():
    return parse_document(RESUME.encode(), filename="jane.txt")


@pytest.mark.parametrize(("query", "expected"), MATCHES, ids=[q for q, _ in MATCHES])
def test_matches(resume, query: str, expected: bool) -> None:
    assert compile_query(query, SET).matches(resume) is expected


def test_a_word_outside_the_set_matches_as_written(resume) -> None:
    assert compile_query("torch", None).matches(resume)
    assert not compile_query("Kubernetes", None).matches(resume)  # no alias without the set


def _pool(tmp_path: Path) -> Path:
    folder = tmp_path / "pool"
    folder.mkdir()
    texts = {
        "a.txt": "Ann\nSkills: PyTorch, CUDA, distributed training of large models\n",
        "b.txt": "Bob\nSkills: JAX, CUDA. Summer intern at a lab working on models\n",
        "c.txt": "Cat\nSkills: Java, SQL, databases and reporting for finance teams\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_batch_ranks_only_resumes_matching_the_query(tmp_path: Path) -> None:
    options = BatchOptions(jobs=1, limits=replace(DEFAULT_LIMITS, time_seconds=5.0),
                           query='(PyTorch OR JAX) AND CUDA AND NOT "intern"')
    result = run_batch([_pool(tmp_path)], SET, options)
    assert [r.file for r in result.ranked] == ["pool/a.txt"]
    filtered = sorted(r.file for r in result.rows if r.code == "filtered_by_query")
    assert filtered == ["pool/b.txt", "pool/c.txt"]
    assert all(r.status is Status.SKIPPED for r in result.rows if r.code == "filtered_by_query")
    assert not result.failed


def test_batch_cli_rejects_a_malformed_query_before_reading_files(tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from resume_checker.cli.batch import register

    app = typer.Typer()
    register(app)
    app.callback()(lambda: None)
    out = CliRunner().invoke(app, ["batch", str(_pool(tmp_path)), "--no-cache",
                                   "--query", "(PyTorch OR JAX AND CUDA"])
    assert out.exit_code == 2
    assert "query error at column 25: expected ')'" in out.output
