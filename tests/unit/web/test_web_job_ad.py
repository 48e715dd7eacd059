"""The web's "paste a job ad": the ad beside the resume on the page, and an ad the checker
cannot draft a set from as a plain 4xx with the reason (never an uncaught 500)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("reportlab")
from test_web_api import STRONG, client, pdf  # noqa: E402

AD = "Machine learning engineer. Requirements: Python, PyTorch, CUDA. Nice to have: JAX."
NO_TERMS = "We are a friendly team in a nice office. Apply today and join us!"


@pytest.fixture(scope="module")
def web():
    return client()


@pytest.fixture(autouse=True)
def user_sets(tmp_path, monkeypatch):
    monkeypatch.setenv("RESUME_CHECKER_SETS_DIR", str(tmp_path / "sets"))


def test_the_result_page_shows_the_ad_beside_the_resume_and_the_similarity(web) -> None:
    r = web.post("/check", files={"file": ("a.pdf", pdf(STRONG))}, data={"job_ad": AD})
    assert r.status_code == 200, r.text
    assert 'id="job-ad"' in r.text and "In the resume" in r.text
    body = web.post("/api/check", files={"file": ("a.pdf", pdf(STRONG))},
                    data={"job_ad": AD}).json()
    excerpts = [t["excerpt"] for t in body["job_ad"]["terms"] if t["excerpt"]]
    assert excerpts and all(f"“{e}”" in r.text for e in excerpts)
    assert "Similarity to ad" in r.text


def test_api_json_has_the_ad_beside_the_resume(web) -> None:
    body = web.post("/api/check", files={"file": ("a.pdf", pdf(STRONG))},
                    data={"job_ad": AD}).json()
    terms = {t["term"]: t for t in body["job_ad"]["terms"]}
    assert body["job_ad"]["source"] == "pasted job ad"
    assert terms["PyTorch"]["ad_mentions"] == 1 and terms["PyTorch"]["resume_mentions"] >= 1
    matched = {m["term"]: m["count"] for m in body["matched"]}
    assert all(t["resume_mentions"] == matched.get(name, 0) for name, t in terms.items())
    assert 0 < body["content_similarity"] <= 1


def test_a_named_set_check_has_no_job_ad_section(web) -> None:
    body = web.post("/api/check", files={"file": ("a.pdf", pdf(STRONG))},
                    data={"keyword_set": "neural-network-architect"}).json()
    assert "job_ad" not in body and body["content_similarity"] is None


def test_an_ad_with_no_recognisable_term_is_a_422_with_the_reason(web) -> None:
    files = {"file": ("a.pdf", pdf(STRONG))}
    api = web.post("/api/check", files=files, data={"job_ad": NO_TERMS})
    assert api.status_code == 422
    message = api.json()["error"]["message"]
    assert message.startswith("pasted job ad: ") and "no skill, tool" in message
    page = web.post("/check", files={"file": ("a.pdf", pdf(STRONG))}, data={"job_ad": NO_TERMS})
    assert page.status_code == 422
    assert "no skill, tool" in page.text
    assert "Traceback" not in page.text
