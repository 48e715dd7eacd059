"""The web app takes the worst of the hostile table and keeps serving: a Form XObject bomb and
a zip bomb are a plain 413/422 for that upload, the next upload is checked as usual."""

from __future__ import annotations

from pathlib import Path

import corpus
import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from resume_checker.web.app import create_app  # noqa: E402


@pytest.mark.parametrize("name", ["form_bomb.pdf", "zip_bomb.docx"])
def test_hostile_upload_is_refused_and_the_server_lives_on(
    name: str, hostile_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RESUME_CHECKER_SETS_DIR", str(tmp_path / "sets"))
    web = TestClient(create_app(), base_url="http://127.0.0.1")
    response = web.post("/api/check", files={"file": (name, (hostile_dir / name).read_bytes())})
    assert response.status_code in (413, 422), response.text
    assert corpus.MARKER not in response.text
    fine = web.post("/api/check", files={"file": ("cv.txt", corpus.RESUME.encode())})
    assert fine.status_code == 200
