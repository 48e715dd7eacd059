"""Real-browser tests: Playwright driving Debian's headless Chromium against a live server.

Screenshots of every page go to ``test-artifacts/`` (gitignored) for a person to look at.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM),
                       reason=f"{CHROMIUM} is absent: apt-get install chromium to run them"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")

STRONG = ["Ada Example", "ada@example.com", "Summary",
          "Neural network architect: deep learning, machine learning, neural network design.",
          "Experience", "Designed transformers and convolutional neural networks in PyTorch.",
          "Trained large language models with CUDA on GPU clusters; distributed training.",
          "Skills", "PyTorch, TensorFlow, CUDA, GPU, linear algebra, probability, calculus"]
MIDDLE = ["Cy Example", "cy@example.com", "Experience", "Deep learning with PyTorch.",
          "Skills", "Python, machine learning"]
JAXER = ["Di Example", "di@example.com", "Skills", "JAX, JAX, Flax"]


def _pdf(lines: list[str]) -> bytes:
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, invariant=1)
    y = 780
    for line in lines:
        c.drawString(60, y, line)
        y -= 16
    c.showPage()
    c.save()
    return buf.getvalue()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    env = dict(os.environ, RESUME_CHECKER_SETS_DIR=str(tmp_path_factory.mktemp("sets")))
    env.pop("RESUME_CHECKER_TOKEN", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "resume_checker.web.app:create_app_from_env",
         "--factory", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/login", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("the server did not start")
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("resumes")
    out = {}
    for name, lines in (("strong.pdf", STRONG), ("middle.pdf", MIDDLE), ("jaxer.pdf", JAXER)):
        (folder / name).write_bytes(_pdf(lines))
        out[name] = folder / name
    return out


@pytest.fixture(scope="module")
def page():
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900},
                                      accept_downloads=True)
        tab = context.new_page()
        errors: list[str] = []
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.errors = errors
        yield tab
        browser.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_check_a_resume_shows_score_and_missing_certification(server, files, page):
    page.goto(server + "/")
    shot(page, "01-check-form")
    page.set_input_files("#file", str(files["strong.pdf"]))
    page.select_option("#keyword_set", "neural-network-architect")
    page.click("button[type=submit]")
    page.wait_for_selector("#missing-certifications")
    score = float(page.text_content(".rc-score"))
    assert score > 20
    assert page.locator("#missing-certifications + ul li").count() >= 1
    assert page.locator(".rc-ats mark").count() >= 3
    with page.expect_download() as download:
        page.click("[data-download=json]")
    assert download.value.suggested_filename == "strong.report.json"
    shot(page, "02-report")
    assert not [e for e in page.errors if "Content Security Policy" in e]


def test_phone_layout_is_readable(server, files, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/")
    page.set_input_files("#file", str(files["middle.pdf"]))
    page.select_option("#keyword_set", "neural-network-architect")
    page.click("button[type=submit]")
    page.wait_for_selector(".rc-score")
    width = page.evaluate("document.documentElement.scrollWidth")
    shot(page, "03-report-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert width <= 400, "the report page must not scroll sideways on a phone"


def test_paste_a_job_ad(server, files, page):
    page.goto(server + "/")
    page.set_input_files("#file", str(files["strong.pdf"]))
    page.fill("#job_ad", "Senior ML engineer. Requirements: PyTorch, CUDA, Kubernetes, AWS and "
                         "Docker. Must have experience training large language models.")
    page.click("button[type=submit]")
    page.wait_for_selector(".rc-score")
    assert "Job ad" in page.text_content(".rc-meta")
    assert "Similarity to ad" in page.text_content(".rc-meta")
    shot(page, "04-report-job-ad")


def test_batch_ranks_and_sorts_then_an_edited_set_moves_people(server, files, page):
    page.goto(server + "/batch")
    page.set_input_files("#files", [str(p) for p in files.values()])
    page.select_option("#keyword_set", "neural-network-architect")
    page.click("button[type=submit]")
    page.wait_for_selector("#ranking", timeout=60_000)
    first = page.locator("#ranking tbody tr td:nth-child(2)").first.text_content()
    assert first == "strong.pdf"
    page.click("#ranking th:has-text('Score')")
    page.click("#ranking th:has-text('Score')")  # descending
    scores = [float(t) if t != "–" else -1
              for t in page.locator("#ranking tbody td:nth-child(3)").all_text_contents()]
    assert scores == sorted(scores, reverse=True)
    page.click("#ranking th:has-text('Score')")  # ascending
    scores = [float(t) if t != "–" else -1
              for t in page.locator("#ranking tbody td:nth-child(3)").all_text_contents()]
    assert scores == sorted(scores)
    shot(page, "05-batch")

    page.goto(server + "/sets/neural-network-architect/edit")
    shot(page, "06-set-edit")
    page.fill("input[name=id]", "jax-first")
    row = page.locator("#terms tbody tr", has=page.locator("input[value=JAX]"))
    row.locator("input[aria-label='term weight']").fill("100")
    row.locator("input[aria-label=required]").check()
    page.click("#save")
    page.wait_for_selector("#saved")
    shot(page, "07-set-saved")
    page.click("#rerank")
    page.wait_for_selector("#moves", timeout=60_000)
    assert page.locator("#moves-table tbody tr").count() >= 1
    moved = page.locator("#moves-table tbody tr", has_text="jaxer.pdf")
    assert "▲" in moved.text_content(), "the JAX-only resume moves up with JAX weighted 100"
    shot(page, "08-batch-reranked")
