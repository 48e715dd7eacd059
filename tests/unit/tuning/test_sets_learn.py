"""`sets learn` on a pool whose signal the test knows: every shortlisted resume mentions Triton
and CUDA, no rejected one does; the learner must see it, and refuse too few labels."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from resume_checker.cli.sets_tune import learn as learn_command
from resume_checker.documents import parse_document
from resume_checker.keywords.loader import dump_keyword_set, parse_keyword_set
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.tuning.learn import (
    LabelsError,
    learn,
    pair_labels,
    parse_labels,
    render_learned_yaml,
)

SET = KeywordSet(
    id="ml",
    title="ML",
    categories={"fw": Category(title="Frameworks")},
    terms=tuple(Term(name=n, category="fw") for n in ("PyTorch", "CUDA", "SQL", "Docker")),
)
COMMON = ["Python", "Docker", "Linux", "Git", "SQL", "PyTorch", "pandas", "NumPy"]


def _texts(n: int = 24) -> tuple[dict[str, str], dict[str, bool]]:
    rng = random.Random(7)
    texts, labels = {}, {}
    for i in range(n):
        good = i % 2 == 0
        skills = rng.sample(COMMON, 4) + (["Triton", "CUDA"] if good else ["Excel"])
        texts[f"r{i:02d}.txt"] = (f"Candidate {i}\nExperience\nEngineer at a firm, built systems."
                                  f"\nSkills: {', '.join(skills)}\n")
        labels[f"r{i:02d}.txt"] = good
    return texts, labels


def test_learner_finds_the_known_signal() -> None:
    texts, labels = _texts()
    docs = [parse_document(t.encode(), filename=n) for n, t in texts.items()]
    result = learn(SET, docs, list(labels.values()))
    assert result.folds == 5 and result.labelled == 24 and result.shortlisted == 12
    assert result.auc_learned is not None and result.auc_learned > 0.95
    weights = {w.term: w for w in result.weights}
    assert weights["CUDA"].new_weight == 5 and weights["CUDA"].coefficient > 0
    phrases = [n.phrase for n in result.new_terms]
    assert "triton" in phrases
    assert not {"candidate", "engineer", "excel", "cuda"} & set(phrases)  # junk, rejected, known
    triton = next(n for n in result.new_terms if n.phrase == "triton")
    assert (triton.shortlisted, triton.rejected) == (12, 0)
    again = learn(SET, docs, list(labels.values()))
    assert again == result  # deterministic
    text = render_learned_yaml(SET, result)
    learned = parse_keyword_set(text, source="learned")
    assert learned.id == "ml-learned"
    assert "# suggested term: in 12 of 12 shortlisted and 0 of 12 rejected resumes" in text
    assert "Cross-validated AUC (5 folds)" in text


@pytest.mark.parametrize(("count", "shortlisted"), [(19, 9), (24, 4), (24, 20), (0, 0)])
def test_refuses_too_few_labels(count: int, shortlisted: int) -> None:
    docs = [parse_document(b"Skills: Python\n", filename="x.txt")] * count
    labels = [i < shortlisted for i in range(count)]
    with pytest.raises(LabelsError, match="at least 20 labelled resumes with at least 5 "
                                          "shortlisted and 5 rejected are needed"):
        learn(SET, docs, labels)


LABEL_TABLE = [
    ("file,shortlisted\na.pdf,yes\nb.pdf,No\nc.pdf,1\nd.pdf,0\ne.pdf,TRUE\nf.pdf,false\n",
     {"a.pdf": True, "b.pdf": False, "c.pdf": True, "d.pdf": False, "e.pdf": True,
      "f.pdf": False}),
    ("\ufeffFile, Shortlisted\nx/a.pdf , yes\n\n", {"x/a.pdf": True}),
]


@pytest.mark.parametrize(("text", "expected"), LABEL_TABLE)
def test_parse_labels(text: str, expected: dict[str, bool]) -> None:
    assert parse_labels(text) == expected


@pytest.mark.parametrize("text", ["name,decision\na,yes\n", "file,shortlisted\na,maybe\n"])
def test_bad_labels(text: str) -> None:
    with pytest.raises(LabelsError):
        parse_labels(text)


def test_pair_labels_by_path_or_file_name() -> None:
    names = ["pool/a.txt", "pool/sub/b.txt", "pool/c.txt"]
    chosen, y, unknown = pair_labels(names, {"a.txt": True, "pool/sub/b.txt": False,
                                             "zzz.txt": True})
    assert chosen == [0, 1] and y == [True, False] and unknown == ["zzz.txt"]


def test_cli_learn_writes_a_new_set_and_never_overwrites(tmp_path: Path, monkeypatch) -> None:
    texts, labels = _texts()
    folder = tmp_path / "pool"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("file,shortlisted\n" + "".join(
        f"{n},{'yes' if v else 'no'}\n" for n, v in labels.items()), encoding="utf-8")
    set_file = tmp_path / "ml.yaml"
    set_file.write_text(dump_keyword_set(SET), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = typer.Typer()
    app.command()(learn_command)
    args = [str(folder), "--set", str(set_file), "--labels", str(decisions), "--no-cache",
            "-j", "1"]
    out = CliRunner().invoke(app, args)
    assert out.exit_code == 0, out.output
    assert "AUC of the current weights" in out.stdout and "triton" in out.stdout
    written = tmp_path / "ml-learned.yaml"
    before = written.read_text(encoding="utf-8")
    assert parse_keyword_set(before, source="w").id == "ml-learned"
    assert set_file.read_text(encoding="utf-8") == dump_keyword_set(SET)  # old set untouched
    out = CliRunner().invoke(app, args)
    assert out.exit_code == 2 and "exists" in out.output
    assert written.read_text(encoding="utf-8") == before
    few = tmp_path / "few.csv"
    few.write_text("file,shortlisted\nr00.txt,yes\nr01.txt,no\n", encoding="utf-8")
    out = CliRunner().invoke(app, [*args[:4], str(few), *args[5:], "-o", "other.yaml"])
    assert out.exit_code == 2 and "too few labelled resumes" in out.output
    assert not (tmp_path / "other.yaml").exists()
