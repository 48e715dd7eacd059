"""HTML pages: check one resume, run and browse a batch, log in.

Single-check downloads are rendered into the page as ``data:`` URLs (JSON, Markdown, standalone
HTML): the server keeps nothing of a checked resume, works the same with several worker
processes, and a reload cannot leak the report to another user.
"""

from __future__ import annotations

import base64
import hmac
import json
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from resume_checker.keywords.loader import list_keyword_sets
from resume_checker.ranking import Status
from resume_checker.render import render
from resume_checker.render.batch_html import histogram
from resume_checker.render.html import render_html, report_view
from resume_checker.render.json import to_dict
from resume_checker.web.responses import error_response, page
from resume_checker.web.routes_common import batch_download, read_batch_uploads, read_upload
from resume_checker.web.security import COOKIE, cookie_value
from resume_checker.web.service import CheckResult, check_upload, keyword_set_for

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def check_form(request: Request) -> Response:
    return page(request, "check.html", {"sets": _sets()})


@router.post("/check", response_class=HTMLResponse)
async def check_page(
    request: Request,
    file: Annotated[UploadFile, File()],
    keyword_set: str = Form(""),
    job_ad: str = Form(""),
    ats_mode: str = Form("normal", pattern="^(normal|exact)$"),  # the form's checkbox
) -> Response:
    limits = request.app.state.config.limits
    upload = await read_upload(file, limits)
    result = await _in_thread(check_upload, upload, limits, set_id=keyword_set, job_ad=job_ad,
                              ats_mode=ats_mode)
    return page(request, "report.html", _report_context(result))


@router.get("/batch", response_class=HTMLResponse)
def batch_form(request: Request) -> Response:
    jobs = request.app.state.jobs
    return page(request, "batch_form.html", {"sets": _sets(), "latest": jobs.latest()})


@router.post("/batch")
async def batch_start(
    request: Request, files: Annotated[list[UploadFile], File()], keyword_set: str = Form(...)
) -> Response:
    limits = request.app.state.config.limits
    uploads = await read_batch_uploads(files, limits)
    kwset = keyword_set_for(keyword_set)
    job = request.app.state.jobs.start(uploads, kwset)
    return RedirectResponse(f"/batch/{job.id}", status_code=303)


@router.get("/batch/{job_id}", response_class=HTMLResponse)
def batch_page(request: Request, job_id: str) -> Response:
    job = _job(request, job_id)
    if job is None:
        return _gone(request)
    context: dict = {"job": job, "sets": _sets()}
    if job.result is not None:
        result = job.result
        scored = [r.summary.score for r in result.ranked if r.summary and r.summary.scorable]
        context |= {
            "result": result,
            "histogram": histogram(scored),
            "failed": [r for r in result.rows if r.status in (Status.ERROR, Status.SKIPPED)],
            "moves": _moves(job),
        }
    return page(request, "batch.html", context)


@router.get("/batch/{job_id}/candidate/{number}", response_class=HTMLResponse)
def candidate_page(request: Request, job_id: str, number: int) -> Response:
    job = _job(request, job_id)
    row = job.row(number) if job else None
    if job is None or row is None or not row.report_json:
        return _gone(request)
    view = report_view(row.report_json)
    return page(request, "candidate.html", {"job": job, "row": row, "v": view})


@router.get("/batch/{job_id}/download.{fmt}")
def batch_download_page(request: Request, job_id: str, fmt: str) -> Response:
    job = _job(request, job_id)
    if job is None or job.result is None:
        return _gone(request)
    return batch_download(job, fmt)


@router.post("/batch/{job_id}/rerank")
def batch_rerank(request: Request, job_id: str, keyword_set: str = Form(...)) -> Response:
    job = _job(request, job_id)
    if job is None or job.result is None:
        return _gone(request)
    kwset = keyword_set_for(keyword_set)
    new = request.app.state.jobs.start(list(job.uploads), kwset, previous=job)
    return RedirectResponse(f"/batch/{new.id}", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return page(request, "login.html", {"failed": False})


@router.post("/login")
def login(request: Request, token: str = Form(...)) -> Response:
    expected = request.app.state.config.token
    if expected is None:
        return RedirectResponse("/", status_code=303)
    if not hmac.compare_digest(token.encode(), expected.encode()):
        return page(request, "login.html", {"failed": True}, status=401)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, cookie_value(expected), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


# ----------------------------------------------------------------------------- helpers


def _report_context(result: CheckResult) -> dict:
    data = to_dict(result.report)
    view = report_view(data, document=result.document, findings=result.findings)
    name = result.report.document.source.rsplit(".", 1)[0] or "resume"
    json_text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    downloads = [
        ("JSON", f"{name}.report.json", _data_url("application/json", json_text)),
        ("Markdown", f"{name}.report.md", _data_url("text/markdown", render(result.report, "md"))),
        ("HTML", f"{name}.report.html", _data_url("text/html", render_html(
            result.report, document=result.document, findings=result.findings))),
    ]
    return {"v": view, "downloads": downloads}


def _data_url(kind: str, text: str) -> str:
    return f"data:{kind};charset=utf-8;base64," + base64.b64encode(text.encode()).decode()


def _moves(job) -> list:
    return list(job.comparison.moves) if job.comparison else []


def _sets() -> list:
    return [s for s in list_keyword_sets() if not s.problems]


def _job(request: Request, job_id: str):
    return request.app.state.jobs.get(job_id)


def _gone(request: Request) -> Response:
    return error_response(request, 404, "This batch is no longer in memory (batches are kept "
                          "for 30 minutes, and only the newest few). Run it again.", "not_found")


async def _in_thread(fn, *args, **kwargs):
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(fn, *args, **kwargs)
