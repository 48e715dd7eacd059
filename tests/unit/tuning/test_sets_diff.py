"""`sets diff`: what changed between two versions of a set, in text, Markdown and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from resume_checker.cli.sets_tune import diff
from resume_checker.keywords.loader import dump_keyword_set
from resume_checker.keywords.model import AnyOf, Category, KeywordSet, Term
from resume_checker.tuning.diff import diff_sets, render_json, render_markdown, render_text

OLD = KeywordSet(
    id="role",
    title="Role",
    categories={"fw": Category(title="Frameworks"), "ops": Category(title="Ops", weight=1.0)},
    terms=(
        Term(name="PyTorch", category="fw", aliases=("torch",), weight=3),
        Term(name="JAX", category="fw"),
        Term(name="Docker", category="ops", required=True),
        Term(name="Kubernetes", category="ops", aliases=("k8s",)),
    ),
)
NEW = KeywordSet(
    id="role-learned",
    title="Role (learned)",
    categories={"fw": Category(title="Deep learning frameworks"),
                "ops": Category(title="Ops", weight=2.0), "gpu": Category(title="GPU")},
    terms=(
        Term(name="pytorch", category="fw", aliases=("torch", "PT"), weight=5),  # case ignored
        Term(name="Docker", category="ops"),
        Term(name="Kubernetes", category="gpu", required=True),
        Term(name="CUDA", category="gpu"),
    ),
    any_of=(AnyOf(name="Framework", terms=("pytorch", "CUDA")),),
)


def test_diff_finds_every_kind_of_change() -> None:
    d = diff_sets(OLD, NEW)
    assert d.terms_added == ("CUDA",)
    assert d.terms_removed == ("JAX",)
    changes = {c.name: c for c in d.terms_changed}
    assert set(changes) == {"pytorch", "Docker", "Kubernetes"}
    assert changes["pytorch"].weight == (3, 5)
    assert changes["pytorch"].aliases_added == ("PT",)
    assert changes["pytorch"].aliases_removed == ()
    assert changes["Docker"].required == (True, False)
    assert changes["Kubernetes"].required == (False, True)
    assert changes["Kubernetes"].category == ("ops", "gpu")
    assert changes["Kubernetes"].aliases_removed == ("k8s",)
    assert d.categories_added == ("gpu",)
    assert d.categories_removed == ()
    cats = {c.id: c for c in d.categories_changed}
    assert cats["fw"].title == ("Frameworks", "Deep learning frameworks")
    assert cats["fw"].weight is None
    assert cats["ops"].weight == (1.0, 2.0) and cats["ops"].title is None
    assert d.groups_added == ("Framework",)


def test_same_set_has_no_changes() -> None:
    d = diff_sets(OLD, OLD)
    assert d.empty
    assert "no changes" in render_text(d)


def test_renderers() -> None:
    d = diff_sets(OLD, NEW)
    text = render_text(d)
    assert "pytorch: weight 3 -> 5; aliases added: PT" in text
    assert "Docker: no longer required" in text
    assert "Kubernetes: made required; category ops -> gpu; aliases removed: k8s" in text
    md = render_markdown(d)
    assert md.startswith("# Keyword set changes: `role` -> `role-learned`")
    assert "## Terms added (1)" in md
    data = json.loads(render_json(d))
    assert data["terms_removed"] == ["JAX"]
    assert data["terms_changed"][0]["weight"] == [3, 5]


def test_cli_diff_takes_paths_and_formats(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(dump_keyword_set(OLD), encoding="utf-8")
    new.write_text(dump_keyword_set(NEW), encoding="utf-8")
    app = typer.Typer()
    app.command()(diff)
    runner = CliRunner()
    out = runner.invoke(app, [str(old), str(new), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["terms_added"] == ["CUDA"]
    out = runner.invoke(app, [str(old), str(new)])
    assert out.exit_code == 0 and "Terms removed (1):" in out.stdout
    out = runner.invoke(app, [str(old), str(tmp_path / "missing.yaml")])
    assert out.exit_code == 4
    out = runner.invoke(app, [str(old), str(new), "--format", "xml"])
    assert out.exit_code == 2
