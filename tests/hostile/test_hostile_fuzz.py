"""A short fuzz run over the parsers in CI (`make fuzz` runs tests/fuzz_parsers.py for longer):
mutated PDF, DOCX and text samples into parse_document; only ResumeCheckerError may escape."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

import fuzz_parsers  # noqa: E402

CI_SECONDS = float(os.environ.get("FUZZ_CI_SECONDS", "8"))


def test_mutated_files_only_raise_our_errors(tmp_path: Path) -> None:
    result = fuzz_parsers.run(CI_SECONDS, seed=int(os.environ.get("FUZZ_SEED", "7319")),
                              out=tmp_path)
    assert result.runs > 50
    assert result.failures == []
    assert result.slow == []


def test_the_fuzzer_reports_an_escaping_exception(tmp_path: Path, monkeypatch) -> None:
    """The harness must be able to fail: a parser bug (KeyError) is caught and saved."""
    def broken(data: bytes, **kwargs: object) -> None:
        raise KeyError("bug")

    monkeypatch.setattr(fuzz_parsers, "parse_document", broken)
    result = fuzz_parsers.run(0.2, seed=1, out=tmp_path, isolated=False)
    assert result.failures and "KeyError" in result.failures[0][0]
    assert result.failures[0][1].read_bytes()
