"""The web app through FastAPI's TestClient: every route, limits (413/422), bad files, tokens."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("reportlab")
from fastapi.testclient import TestClient  # noqa: E402
from reportlab.lib.pagesizes import LETTER  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from resume_checker.limits import Limits  # noqa: E402
from resume_checker.web.app import create_app  # noqa: E402
from resume_checker.web.uploads import UploadLimits  # noqa: E402

SET = "neural-network-architect"
STRONG = [
    "Ada Example", "ada@example.com", "Summary",
    "Neural network architect: deep learning, machine learning, neural network design.",
    "Experience", "Designed transformers and convolutional neural networks in PyTorch and JAX.",
    "Trained large language models with CUDA on GPU clusters; distributed training.",
    "Skills", "PyTorch, JAX, TensorFlow, CUDA, GPU, linear algebra, probability, calculus",
]
WEAK = ["Bob Example", "bob@example.com", "Experience", "Sold shoes at a store.",
        "Skills", "Customer service, <script>alert(1)</script>"]


def pdf(lines: list[str], pages: int = 1) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=LETTER, invariant=1)
    for _ in range(pages):
        y = 740
        for line in lines:
            canvas.drawString(72, y, line)
            y -= 16
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def client(**kwargs) -> TestClient:
    return TestClient(create_app(**kwargs), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def web() -> TestClient:
    return client()


@pytest.fixture(autouse=True)
def user_sets(tmp_path, monkeypatch):
    monkeypatch.setenv("RESUME_CHECKER_SETS_DIR", str(tmp_path / "sets"))


def wait_batch(web: TestClient, job_id: str) -> dict:
    for _ in range(300):
        status = web.get(f"/api/batch/{job_id}").json()
        if status["finished"]:
            return status
        time.sleep(0.1)
    raise AssertionError("batch did not finish")


def test_api_check_pdf_reports_score_missing_and_findings(web):
    r = web.post("/api/check", files={"file": ("ada.pdf", pdf(STRONG))},
                 data={"keyword_set": SET})
    assert r.status_code == 200
    body = r.json()
    assert body["score"] > 20
    assert {m["term"] for m in body["matched"]} >= {"PyTorch", "CUDA"}
    assert body["missing_certifications"], "the set has certifications this resume lacks"
    assert "findings" in body
    assert body["document"]["source"] == "ada.pdf"


def test_api_check_formats(web):
    for fmt, marker in (("md", "#"), ("html", "<!doctype html>"), ("text", "")):
        r = web.post(f"/api/check?format={fmt}", files={"file": ("a.txt", b"PyTorch and CUDA")},
                     data={"keyword_set": SET})
        assert r.status_code == 200 and marker in r.text
    bad = web.post("/api/check?format=exe", files={"file": ("a.txt", b"x")})
    assert bad.status_code == 422


def test_api_check_with_job_ad_builds_the_set(web):
    ad = ("Machine learning engineer. Requirements: Python, PyTorch, Kubernetes, AWS. "
          "Must have CUDA experience. Nice to have: JAX.")
    r = web.post("/api/check", files={"file": ("a.pdf", pdf(STRONG))}, data={"job_ad": ad})
    assert r.status_code == 200
    body = r.json()
    assert body["keyword_set"]["id"] == "job-ad"
    assert 0 <= body["content_similarity"] <= 1


def test_api_check_with_job_ad_is_the_library_job_ad_check(web):
    """One job-ad path: the web's report is the library's (the ad named "pasted job ad"), the
    similarity and the ad beside the resume in every format, as `check --jd` shows them."""
    from resume_checker.api import check_against_job_ad
    from resume_checker.documents import parse_document
    from resume_checker.render.json import to_dict

    ad = "Machine learning engineer. Requirements: Python, PyTorch, CUDA. Nice to have: JAX."
    data = pdf(STRONG)
    body = web.post("/api/check", files={"file": ("a.pdf", data)}, data={"job_ad": ad}).json()
    expected = to_dict(check_against_job_ad(parse_document(data, filename="a.pdf"), ad,
                                            source="pasted job ad"))
    assert {k: body[k] for k in expected} == expected
    md = web.post("/api/check?format=md", files={"file": ("a.pdf", data)}, data={"job_ad": ad})
    assert "similarity to the job ad" in md.text.lower()
    assert "## The job ad beside the resume (pasted job ad)" in md.text


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("broken.pdf", b"%PDF-1.7\n1 0 obj garbage", 422),
        ("empty.pdf", b"", 422),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, 422),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, 422),
    ],
)
def test_api_check_bad_files_get_a_plain_422(web, name, data, status):
    r = web.post("/api/check", files={"file": (name, data)}, data={"keyword_set": SET})
    assert r.status_code == status
    assert r.json()["error"]["message"]


def test_file_over_the_size_limit_is_413():
    small = client(limits=UploadLimits(files=Limits(max_file_bytes=2000)))
    r = small.post("/api/check", files={"file": ("big.txt", b"a " * 5000)},
                   data={"keyword_set": SET})
    assert r.status_code == 413
    assert "limit" in r.json()["error"]["message"]


def test_request_body_over_the_cap_is_413_before_parsing():
    small = client(limits=UploadLimits(files=Limits(max_file_bytes=1000), max_job_ad_chars=10))
    r = small.post("/api/check", files={"file": ("big.txt", b"a" * 3_000_000)})
    assert r.status_code == 413


def test_parse_over_the_time_limit_is_422_and_the_server_lives_on():
    slow = client(limits=UploadLimits(files=Limits(time_seconds=0.001)))
    r = slow.post("/api/check", files={"file": ("a.pdf", pdf(STRONG, pages=3))},
                  data={"keyword_set": SET})
    assert r.status_code == 422
    assert "longer" in r.json()["error"]["message"]
    assert slow.get("/api/sets").status_code == 200


def test_unknown_set_is_404_and_a_path_is_refused(web):
    r = web.post("/api/check", files={"file": ("a.txt", b"x y z")},
                 data={"keyword_set": "no-such-set"})
    assert r.status_code == 404
    r = web.post("/api/check", files={"file": ("a.txt", b"x y z")},
                 data={"keyword_set": "/etc/passwd"})
    assert r.status_code == 400


def test_api_batch_ranks_files_and_zips_and_downloads(web):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("folder/weak.pdf", pdf(WEAK))
        z.writestr("__MACOSX/._weak.pdf", b"junk")
    files = [("files", ("../../etc/strong.pdf", pdf(STRONG))),
             ("files", ("pool.zip", archive.getvalue()))]
    r = web.post("/api/batch", files=files, data={"keyword_set": SET})
    assert r.status_code == 202
    status = wait_batch(web, r.json()["id"])
    rows = status["result"]["files"]
    assert [f["file"] for f in rows] == ["strong.pdf", "weak.pdf"]
    assert rows[0]["score"] > rows[1]["score"]
    job = r.json()["id"]
    assert web.get(f"/api/batch/{job}/download.csv").text.lstrip("\ufeff").startswith("rank,")
    assert web.get(f"/api/batch/{job}/download.json").json()["files"]
    assert "<table" in web.get(f"/api/batch/{job}/download.html").text
    assert web.get(f"/api/batch/{job}/download.exe").status_code == 404
    page = web.get(f"/batch/{job}")
    assert page.status_code == 200 and "strong.pdf" in page.text
    candidate = web.get(f"/batch/{job}/candidate/1")
    assert candidate.status_code == 200 and "Missing terms" in candidate.text


def test_batch_limits(web):
    few = client(limits=UploadLimits(max_batch_files=2))
    files = [("files", (f"{i}.txt", b"PyTorch")) for i in range(3)]
    assert few.post("/api/batch", files=files, data={"keyword_set": SET}).status_code == 413
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bomb.txt", b"\0" * 5_000_000)
    r = web.post("/api/batch", files=[("files", ("bomb.zip", bomb.getvalue()))],
                 data={"keyword_set": SET})
    assert r.status_code == 413 and "ZIP bomb" in r.json()["error"]["message"]
    assert web.get("/api/batch/nope").status_code == 404


def test_rerank_reports_who_moved(web, tmp_path):
    files = [("files", ("a.txt", "\n".join(STRONG).replace("JAX", "").replace("TensorFlow", "")
                        .encode())),
             ("files", ("b.txt", b"JAX TensorFlow"))]
    first = web.post("/api/batch", files=files, data={"keyword_set": SET}).json()["id"]
    before = wait_batch(web, first)["result"]["files"]
    yaml_text = (
        "id: only-jax\ntitle: Only JAX\ncategories:\n  tools: {title: Tools}\n"
        "terms:\n  - {name: JAX, category: tools}\n  - {name: TensorFlow, category: tools}\n"
    )
    assert web.post("/api/sets", content=yaml_text,
                    headers={"content-type": "text/plain"}).status_code == 201
    again = web.post(f"/api/batch/{first}/rerank", data={"keyword_set": "only-jax"})
    assert again.status_code == 202
    status = wait_batch(web, again.json()["id"])
    after = status["result"]["files"]
    assert before[0]["file"] == "a.txt" and after[0]["file"] == "b.txt"
    assert status["moves"]


def test_sets_api_list_view_validate_save(web):
    sets = web.get("/api/sets").json()
    assert any(s["id"] == SET and s["bundled"] for s in sets)
    assert web.get(f"/api/sets/{SET}").json()["id"] == SET
    assert web.get("/api/sets/..%2Fetc").status_code in (400, 404)
    bad = ("id: x\ntitle: X\ncategories:\n  a: {title: A}\n"
           "terms:\n  - {name: Go, category: a, weight: -1}\n")
    v = web.post("/api/sets/validate", content=bad, headers={"content-type": "text/plain"}).json()
    assert not v["valid"] and any("Go" in p and "weight" in p for p in v["problems"])
    r = web.post("/api/sets", content=bad, headers={"content-type": "text/plain"})
    assert r.status_code == 422 and r.json()["error"]["problems"]
    bundled = web.get(f"/api/sets/{SET}").json()
    import yaml

    r = web.post("/api/sets", content=yaml.safe_dump(bundled),
                 headers={"content-type": "text/plain"})
    assert r.status_code == 400, "a bundled set is never overwritten"


def test_set_edit_form_saves_a_new_version_and_shows_cli_messages(web):
    form = web.get(f"/sets/{SET}/edit")
    assert form.status_code == 200 and f"{SET}-v2" in form.text
    fields = {"id": "mine-v2", "title": "Mine", "version": "2",
              "cat-0-id": "tools", "cat-0-title": "Tools", "cat-0-weight": "1",
              "term-0-name": "PyTorch", "term-0-category": "tools", "term-0-aliases": "torch",
              "term-0-weight": "heavy", "term-0-orig": ""}
    r = web.post(f"/sets/{SET}/edit", data=fields)
    assert r.status_code == 422 and "PyTorch" in r.text and "weight" in r.text
    fields["term-0-weight"] = "3"
    r = web.post(f"/sets/{SET}/edit", data=fields, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/sets/mine-v2?saved=1"
    assert "Saved as" in web.get("/sets/mine-v2?saved=1").text
    fields["id"] = SET
    r = web.post(f"/sets/{SET}/edit", data=fields)
    assert r.status_code == 422 and "bundled" in r.text


def test_pages_render(web):
    for path in ("/", "/batch", "/sets", f"/sets/{SET}", "/login", "/static/app.js",
                 "/static/app.css", "/static-report.css"):
        assert web.get(path).status_code == 200, path
    r = web.post("/check", files={"file": ("w.pdf", pdf(WEAK))}, data={"keyword_set": SET})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text and "&lt;script&gt;" in r.text
    assert "Missing certifications" in r.text and "ATS view" in r.text
    assert r.text.count("data:application/json;charset=utf-8;base64,") == 1
    bad = web.post("/check", files={"file": ("x.pdf", b"%PDF-1.7 junk")},
                   data={"keyword_set": SET})
    assert bad.status_code == 422 and "text/html" in bad.headers["content-type"]


def test_openapi_describes_the_api(web):
    paths = web.get("/openapi.json").json()["paths"]
    assert {"/api/check", "/api/batch", "/api/sets", "/api/batch/{job_id}"} <= set(paths)
    assert not any(p.startswith("/batch") for p in paths)


def test_check_page_preselects_the_neural_network_architect_set(web) -> None:
    html = web.get("/").text
    assert '<option value="neural-network-architect" selected>' in html


def test_web_serves_the_same_sort_script_the_batch_report_inlines(web) -> None:
    from resume_checker.render.batch_html import sort_script

    response = web.get("/static-sort-table.js")
    assert response.status_code == 200
    assert response.text == sort_script()
    assert 'src="/static-sort-table.js"' in web.get("/").text
