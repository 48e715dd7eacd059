"""Session fixtures: the hostile corpus is generated once per test session (a few seconds)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # `import corpus` from any rootdir

import corpus  # noqa: E402


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding every file of :data:`corpus.CASES`, a symlink leading out of it and a
    directory symlink loop."""
    folder = tmp_path_factory.mktemp("hostile") / "inbox"
    corpus.write_corpus(folder)
    corpus.write_symlinks(folder)
    return folder
