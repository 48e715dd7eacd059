"""Security headers, host check, token, serve refusal, ZIP limits and file-name labels."""

from __future__ import annotations

import io
import zipfile

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from resume_checker.errors import LimitExceededError  # noqa: E402
from resume_checker.web.app import create_app  # noqa: E402
from resume_checker.web.uploads import UploadLimits, display_name, unpack_zip  # noqa: E402


def test_headers_and_csp_on_every_response():
    r = TestClient(create_app(), base_url="http://127.0.0.1").get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-frame-options"] == "DENY"


def test_without_token_only_loopback_hosts_are_answered():
    app = create_app()
    assert TestClient(app, base_url="http://localhost:8000").get("/").status_code == 200
    assert TestClient(app, base_url="http://[::1]:8000").get("/").status_code == 200
    assert TestClient(app, base_url="http://rebound.example").get("/").status_code == 421


def test_token_by_header_bearer_or_login_cookie():
    app = create_app(token="s3cret")
    web = TestClient(app, base_url="http://box.example")
    assert web.get("/api/sets").status_code == 401
    assert web.get("/", follow_redirects=False).headers["location"] == "/login"
    assert web.get("/api/sets", headers={"X-Resume-Checker-Token": "s3cret"}).status_code == 200
    assert web.get("/api/sets", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert web.get("/api/sets", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert web.post("/login", data={"token": "nope"}).status_code == 401
    r = web.post("/login", data={"token": "s3cret"}, follow_redirects=False)
    assert r.status_code == 303 and "s3cret" not in r.headers["set-cookie"]
    assert "httponly" in r.headers["set-cookie"].lower()
    assert web.get("/api/sets").status_code == 200


def test_serve_refuses_a_network_host_without_a_token(monkeypatch):
    import typer

    from resume_checker.cli.serve import serve

    monkeypatch.delenv("RESUME_CHECKER_TOKEN", raising=False)
    app = typer.Typer()
    app.command()(serve)
    result = CliRunner().invoke(app, ["--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "without a token" in result.output


def test_client_file_names_are_labels_not_paths():
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("C:\\Users\\x\\cv<1>.pdf") == "cv_1_.pdf"
    assert display_name("\x00\n") == "upload"
    assert len(display_name("a" * 500)) == 120


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_unpacks_in_memory_with_limits():
    limits = UploadLimits(max_batch_files=2)
    got = unpack_zip("a.zip", _zip({"x/../../evil.txt": b"hello", ".hidden": b"x"}), limits)
    assert [(u.name, u.data) for u in got] == [("evil.txt", b"hello")]
    with pytest.raises(LimitExceededError, match="over the limit of 2"):
        unpack_zip("a.zip", _zip({f"{i}.txt": b"x" for i in range(3)}), limits)
    with pytest.raises(LimitExceededError, match="ZIP bomb"):
        unpack_zip("a.zip", _zip({"b.txt": b"\0" * 2_000_000}), limits)


def test_serve_token_env_name_matches_the_app() -> None:
    from resume_checker.cli import serve as cli_serve
    from resume_checker.web import app

    assert cli_serve.TOKEN_ENV == app.TOKEN_ENV
