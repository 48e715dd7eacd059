"""`sets coverage` on a pool the test writes, and `any_of` groups (validation, scoring)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from resume_checker.batch.cache import Cache
from resume_checker.batch.parsed import read_pool
from resume_checker.cli.sets_tune import coverage as coverage_command
from resume_checker.documents import parse_document
from resume_checker.errors import InvalidKeywordSetError
from resume_checker.keywords.loader import dump_keyword_set, parse_keyword_set
from resume_checker.keywords.model import AnyOf, Category, KeywordSet, Term
from resume_checker.matching import compile_matcher
from resume_checker.scoring import FILTERED_OUT, score
from resume_checker.tuning.coverage import (
    EVERYBODY,
    NOBODY,
    coverage,
    presence,
    render_csv,
    render_html,
    render_text,
)

SET = KeywordSet(
    id="cov",
    title="Coverage <test>",
    categories={"fw": Category(title="Frameworks")},
    terms=(
        Term(name="Python", category="fw"),
        Term(name="PyTorch", category="fw", aliases=("torch",)),
        Term(name="JAX", category="fw"),
        Term(name="Fortran<script>", category="fw"),
    ),
    any_of=(AnyOf(name="DL framework", terms=("PyTorch", "JAX"), required=True),),
)
RESUMES = {
    "a.txt": "Ann\nSkills: Python, PyTorch, CUDA\n",
    "b.txt": "Bob\nSkills: Python, torch and JAX\n",
    "c.txt": "Cat\nSkills: Python, SQL, Excel\n",
    "d.txt": "Dan\nSkills: Python, JAX\n",
}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pool"
    folder.mkdir()
    for name, text in RESUMES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _docs():
    return [parse_document(t.encode(), filename=n) for n, t in RESUMES.items()]


def test_coverage_shares_and_flags() -> None:
    c = coverage(SET, presence(SET, _docs()))
    by_name = {t.name: t for t in c.terms}
    assert c.resumes == 4
    assert by_name["Python"].share == 1.0 and by_name["Python"].flag == EVERYBODY
    assert by_name["PyTorch"].count == 2 and by_name["PyTorch"].flag is None  # alias counts
    assert by_name["JAX"].count == 2
    assert by_name["Fortran<script>"].count == 0 and by_name["Fortran<script>"].flag == NOBODY
    assert by_name["DL framework"].group and by_name["DL framework"].count == 3
    assert [t.name for t in c.nobody] == ["Fortran<script>"]
    assert "1 term(s) no one has, 1 term(s) everyone has" in render_text(c)


def test_csv_and_html_renderers() -> None:
    c = coverage(SET, presence(SET, _docs()))
    rows = list(csv.DictReader(io.StringIO(render_csv(c))))
    assert rows[0]["term"] == "Python" and rows[0]["share"] == "1.0000"
    assert rows[-1]["kind"] == "any_of" and rows[-1]["resumes_with_it"] == "3"
    page = render_html(c)
    assert "<script>" not in page and "Fortran&lt;script&gt;" in page
    assert "Coverage &lt;test&gt;" in page
    assert page.count("<rect ") == len(c.terms)
    assert 'width="150.0"' in page      # PyTorch: 2 of 4 -> half of the 300 px bar
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_read_pool_uses_and_fills_the_batch_cache(tmp_path: Path) -> None:
    folder, cache_path = _folder(tmp_path), tmp_path / "cache.sqlite3"
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    first = read_pool([folder], SET, jobs=1, cache_path=cache_path)
    assert [n for n, _ in first.documents] == [f"pool/{n}" for n in sorted(RESUMES)]
    assert [n for n, _ in first.failed] == ["pool/broken.pdf"] and first.cached == 0
    with Cache(cache_path) as db:
        assert db.info().documents == 4
    second = read_pool([folder], SET, jobs=1, cache_path=cache_path)
    assert second.cached == 4
    assert [d for _, d in second.documents] == [d for _, d in first.documents]


def test_cli_coverage_writes_csv_and_html(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    set_file = tmp_path / "cov.yaml"
    set_file.write_text(dump_keyword_set(SET), encoding="utf-8")
    app = typer.Typer()
    app.command()(coverage_command)
    runner = CliRunner()
    for name in ("coverage.csv", "coverage.html"):
        out = runner.invoke(app, [str(folder), "--set", str(set_file), "--no-cache", "-j", "1",
                                  "--output", str(tmp_path / name)])
        assert out.exit_code == 0, out.output
        assert "no one has it" in out.stdout
    assert (tmp_path / "coverage.csv").read_text().startswith("term,kind,")
    assert "<svg" in (tmp_path / "coverage.html").read_text()
    out = runner.invoke(app, [str(folder), "--set", str(set_file), "-o", str(tmp_path / "x.pdf")])
    assert out.exit_code == 2


# --------------------------------------------------------------------------- any_of groups

GROUP_YAML = """id: g
title: G
categories:
  fw: {title: Frameworks}
terms:
  - {name: PyTorch, category: fw}
  - {name: JAX, category: fw}
  - {name: TensorFlow, category: fw}
any_of:
  - name: Deep learning framework
    terms: [PyTorch, JAX, TensorFlow]
    required: true
"""

BAD_GROUPS = [
    ("terms: [PyTorch, JAX, TensorFlow]", "terms: [PyTorch, Jax]",
     "any_of group #1 'Deep learning framework', field 'terms': 'Jax' is not the name of a term"
     " of this set; a group lists term names. Did you mean 'JAX'?"),
    ("terms: [PyTorch, JAX, TensorFlow]", "terms: [PyTorch, Tensorflw]",
     "Did you mean 'TensorFlow'?"),
    ("terms: [PyTorch, JAX, TensorFlow]", "terms: []", "field 'terms'"),
    ("    required: true", "    requird: true",
     "unknown field 'requird' (did you mean 'required'?)"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_GROUPS)
def test_any_of_validation_names_the_group_and_suggests(old: str, new: str, message: str) -> None:
    with pytest.raises(InvalidKeywordSetError) as info:
        parse_keyword_set(GROUP_YAML.replace(old, new), source="g.yaml")
    assert message in str(info.value)
    assert "line 1:" not in str(info.value)  # the problem's own line is named


def test_any_of_scoring_knocks_out_when_a_required_group_is_missing() -> None:
    kwset = parse_keyword_set(GROUP_YAML, source="g.yaml")
    assert parse_keyword_set(dump_keyword_set(kwset), source="dump") == kwset
    matcher = compile_matcher(kwset)
    has = score(kwset, matcher.match(parse_document(b"Skills: JAX and Go\n", filename="a.txt")))
    assert not has.knocked_out and has.groups[0].found == ("JAX",) and has.groups[0].met
    lacks = score(kwset, matcher.match(parse_document(b"Skills: Java, Go\n", filename="b.txt")))
    assert lacks.knocked_out and lacks.band == FILTERED_OUT
    assert lacks.missing_required == ("Deep learning framework",)
    optional = kwset.model_copy(update={"any_of": (AnyOf(name="x", terms=("JAX",)),)})
    java = parse_document(b"Java\n", filename="c.txt")
    assert not score(optional, matcher.match(java)).knocked_out


def test_a_set_without_groups_keeps_its_content_hash() -> None:
    """Caches and run comparisons key on the hash: adding the any_of field must not change it."""
    import hashlib
    import json

    plain = KeywordSet(id="p", title="P", categories={"fw": Category(title="F")},
                       terms=(Term(name="Go", category="fw"),))
    before = plain.model_dump(mode="json")
    del before["any_of"]
    for later in ("min_years_experience", "education", "requirements_weight"):  # added later
        del before[later]
    for term in before["terms"]:
        for later in ("min_years", "recent_within_years"):  # per-term depth, added later
            term.pop(later, None)
    payload = json.dumps(before, sort_keys=True, ensure_ascii=False).encode()
    assert plain.content_hash == hashlib.sha256(payload).hexdigest()
    grouped = plain.model_copy(update={"any_of": (AnyOf(name="x", terms=("Go",)),)})
    assert grouped.content_hash != plain.content_hash


# --------------------------------------------------------------------------- knock-outs

def test_required_terms_that_knock_out_everyone_are_warned_about() -> None:
    from resume_checker.tuning.coverage import knockout_warning

    strict = SET.model_copy(update={"terms": (
        Term(name="Python", category="fw", required=True),
        Term(name="Fortran<script>", category="fw", required=True),
    ), "any_of": ()})
    c = coverage(strict, presence(strict, _docs()))
    assert c.knocked_out == 4
    warning = knockout_warning(c)
    assert warning is not None and "all 4 resume(s)" in warning and "Fortran<script>" in warning
    assert warning in render_text(c) and "Fortran&lt;script&gt;" in render_html(c)


def test_a_required_group_counts_as_a_knock_out_and_a_fair_set_gets_no_warning() -> None:
    from resume_checker.tuning.coverage import knockout_warning

    c = coverage(SET, presence(SET, _docs()))
    assert c.knocked_out == 1            # c.txt has neither PyTorch nor JAX
    assert knockout_warning(c) is None
    assert "1 of 4 resume(s) lack a required term" in render_text(c)
