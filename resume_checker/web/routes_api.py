"""The JSON API under /api/: the CLI's check, batch and sets, described in /openapi.json."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from resume_checker.defaults import DEFAULT_SET
from resume_checker.errors import InvalidKeywordSetError, KeywordSetError
from resume_checker.keywords.loader import list_keyword_sets, parse_keyword_set, save_keyword_set
from resume_checker.render import render
from resume_checker.render.batch_json import to_dict as batch_to_dict
from resume_checker.render.html import render_html
from resume_checker.render.json import to_dict
from resume_checker.web.responses import error_response
from resume_checker.web.routes_common import batch_download, read_batch_uploads, read_upload
from resume_checker.web.service import check_upload, keyword_set_by_id, keyword_set_for

router = APIRouter(prefix="/api", tags=["api"])

_MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
          "text": "text/plain; charset=utf-8"}


@router.post("/check", summary="Check one resume (like `resume-checker check`)")
async def api_check(
    request: Request,
    file: Annotated[UploadFile, File(description="PDF, DOCX or TXT; the format is sniffed")],
    keyword_set: str = Form("", description="A bundled or saved set id (default set if empty)"),
    job_ad: str = Form("", description="Job ad text: build the set from it instead"),
    ats_mode: str = Form("normal", pattern="^(normal|exact)$",
                         description="exact: add the score of an exact-string ATS search"),
    format: str = Query("json", pattern="^(json|md|html|text)$"),
) -> Response:
    """The report as JSON (the documented report fields plus `findings`), Markdown, HTML or text."""
    limits = request.app.state.config.limits
    upload = await read_upload(file, limits)
    set_id = keyword_set or (None if job_ad.strip() else DEFAULT_SET)
    result = await run_in_threadpool(check_upload, upload, limits, set_id=set_id, job_ad=job_ad,
                                     ats_mode=ats_mode)
    if format == "html":
        body = render_html(result.report, document=result.document, findings=result.findings)
        return Response(body, media_type=_MEDIA["html"])
    if format in ("md", "text"):
        return PlainTextResponse(render(result.report, format), media_type=_MEDIA[format])
    data: dict[str, Any] = to_dict(result.report)
    if result.findings is not None:
        data["findings"] = [_finding(f) for f in result.findings]
    return JSONResponse(data)


@router.post("/batch", status_code=202, summary="Start a batch (like `resume-checker batch`)")
async def api_batch(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Resumes, or ZIP archives of them")],
    keyword_set: str = Form(...),
) -> dict[str, Any]:
    """Starts the batch and answers at once; poll the status URL until `finished` is true."""
    limits = request.app.state.config.limits
    uploads = await read_batch_uploads(files, limits)
    kwset = keyword_set_for(keyword_set)
    job = request.app.state.jobs.start(uploads, kwset)
    return {"id": job.id, "files": len(uploads), "status_url": f"/api/batch/{job.id}"}


@router.get("/batch/{job_id}", summary="A batch's progress, then its ranking")
def api_batch_status(request: Request, job_id: str) -> Response:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        return error_response(request, 404, "no such batch (batches are kept 30 minutes)",
                              "not_found")
    body: dict[str, Any] = {"id": job.id, "finished": job.finished, "done": job.done,
                            "total": job.total, "error": job.error}
    if job.result is not None:
        body["result"] = batch_to_dict(job.result)
    if job.comparison is not None:
        body["moves"] = [{"file": m.file, "before": m.before, "after": m.after}
                         for m in job.comparison.moves]
    return JSONResponse(body)


@router.get("/batch/{job_id}/download.{fmt}", summary="The batch as CSV, HTML or JSON")
def api_batch_download(request: Request, job_id: str, fmt: str) -> Response:
    job = request.app.state.jobs.get(job_id)
    if job is None or job.result is None:
        return error_response(request, 404, "no finished batch with that id", "not_found")
    return batch_download(job, fmt)


@router.post("/batch/{job_id}/rerank", status_code=202,
             summary="Re-rank a batch's files with another set; the status shows who moved")
def api_batch_rerank(request: Request, job_id: str, keyword_set: str = Form(...)) -> Response:
    job = request.app.state.jobs.get(job_id)
    if job is None or job.result is None:
        return error_response(request, 404, "no finished batch with that id", "not_found")
    kwset = keyword_set_for(keyword_set)
    new = request.app.state.jobs.start(list(job.uploads), kwset, previous=job)
    return JSONResponse({"id": new.id, "status_url": f"/api/batch/{new.id}"}, status_code=202)


@router.get("/sets", summary="Every keyword set (like `resume-checker sets list`)")
def api_sets() -> list[dict[str, Any]]:
    return [{"id": s.id, "title": s.title, "terms": s.term_count, "bundled": s.bundled,
             "problems": list(s.problems)} for s in list_keyword_sets()]


@router.get("/sets/{set_id}", summary="One keyword set, as data")
def api_set(set_id: str) -> dict[str, Any]:
    return keyword_set_by_id(set_id).model_dump(mode="json")


@router.post("/sets/validate", summary="Validate keyword-set YAML (like `sets validate`)")
def api_set_validate(yaml_text: str = Body(..., media_type="text/plain")) -> dict[str, Any]:
    try:
        kwset = parse_keyword_set(yaml_text, source=_EDITOR)
    except InvalidKeywordSetError as exc:
        return {"valid": False, "problems": exc.problems}
    return {"valid": True, "problems": [], "id": kwset.id, "terms": len(kwset.terms)}


@router.post("/sets", status_code=201, summary="Save keyword-set YAML as a new user set")
def api_set_save(yaml_text: str = Body(..., media_type="text/plain")) -> dict[str, Any]:
    """Validated like the CLI (422 with the problems); a bundled id is refused (400)."""
    kwset = parse_keyword_set(yaml_text, source=_EDITOR)
    if any(s.id == kwset.id for s in list_keyword_sets()):
        raise KeywordSetError(f"a set with id '{kwset.id}' exists; save under a new id")
    save_keyword_set(kwset)
    return {"id": kwset.id, "terms": len(kwset.terms)}


_EDITOR = "<api>"


def _finding(f: Any) -> dict[str, Any]:
    return {"code": f.code, "severity": getattr(f.severity, "value", f.severity),
            "title": f.title, "explanation": f.explanation, "fix": f.fix, "page": f.page,
            "line": f.line, "evidence": f.evidence}
