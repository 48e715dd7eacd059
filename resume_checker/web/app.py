"""The FastAPI application factory: pages, the JSON API, security middleware, error mapping.

Routes are thin: they read the upload, call :mod:`resume_checker.web.service` (which calls the
library), and render with :mod:`resume_checker.web.responses`.  Library errors map to HTTP
statuses once, in the handlers here.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader

from resume_checker.defaults import DEFAULT_SET, TOKEN_ENV
from resume_checker.errors import InvalidKeywordSetError, ResumeCheckerError
from resume_checker.render.batch_html import sort_script
from resume_checker.render.html import report_css
from resume_checker.version import __version__
from resume_checker.web.responses import error_response, status_for
from resume_checker.web.routes_api import router as api_router
from resume_checker.web.routes_pages import router as pages_router
from resume_checker.web.routes_sets import router as sets_router
from resume_checker.web.security import BodyTooLarge, SecurityMiddleware
from resume_checker.web.service import JobStore
from resume_checker.web.uploads import UploadLimits

#: "off": parse each upload in a throw-away worker instead of the persistent pool (the old way;
#: slower, kept to measure against and as a fallback)
PARSE_POOL_ENV = "RESUME_CHECKER_PARSE_POOL"
_HERE = files("resume_checker.web")
DEFAULT_UPLOAD_LIMITS = UploadLimits()
_OVERHEAD = 1024 * 1024  # multipart framing and form fields around the files


@dataclass(frozen=True)
class WebConfig:
    token: str | None
    limits: UploadLimits


def create_app(
    *, token: str | None = None, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS, warm: bool = False
) -> FastAPI:
    """The app.  ``token``: when set, every request needs it; ``warm``: start the persistent
    parse pool with the app and stop it at shutdown (the server does; tests need not, and then
    each upload is parsed in a throw-away worker)."""
    app = FastAPI(
        lifespan=_parse_pool_lifespan(limits) if warm else None,
        title="resume-checker",
        version=__version__,
        description="Local resume keyword screening: the CLI's check, batch and sets as JSON.",
        docs_url=None,    # Swagger UI loads assets from a CDN; the OpenAPI JSON stays
        redoc_url=None,
    )
    app.state.config = WebConfig(token or None, limits)
    app.state.jobs = JobStore(limits)
    app.state.templates = _templates()
    app.add_middleware(SecurityMiddleware, token=token or None,
                       body_limit=partial(body_limit_for, limits))
    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")

    app.include_router(pages_router)
    app.include_router(sets_router)
    app.include_router(api_router)

    @app.get("/static-report.css", include_in_schema=False)
    def report_stylesheet() -> Response:
        return Response(report_css(), media_type="text/css")

    @app.get("/static-sort-table.js", include_in_schema=False)
    def sort_table_script() -> Response:
        return Response(sort_script(), media_type="text/javascript")

    app.add_exception_handler(ResumeCheckerError, _library_error)
    app.add_exception_handler(BodyTooLarge, _body_too_large)
    return app


def _parse_pool_lifespan(limits: UploadLimits):
    """Start the parse workers (and the forkserver) before the first request; stop them at
    shutdown.  With RESUME_CHECKER_PARSE_POOL=off only the forkserver is started."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        from starlette.concurrency import run_in_threadpool

        from resume_checker.web.isolate import start_parse_pool, stop_parse_pools, warm_up

        if os.environ.get(PARSE_POOL_ENV, "").lower() != "off":
            start_parse_pool(limits.files)
        await run_in_threadpool(warm_up, limits.files)
        try:
            yield
        finally:
            await run_in_threadpool(stop_parse_pools)

    return lifespan


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (several worker processes): token from the environment."""
    return create_app(token=os.environ.get(TOKEN_ENV) or None, warm=True)


async def _library_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ResumeCheckerError)
    problems = exc.problems if isinstance(exc, InvalidKeywordSetError) else None
    message = exc.reason if problems else str(exc)
    return error_response(request, status_for(exc), message, exc.code, problems)


async def _body_too_large(request: Request, exc: Exception) -> Response:
    return error_response(request, 413, str(exc), "too_large")


def body_limit_for(limits: UploadLimits, path: str) -> int:
    """The most bytes a request to ``path`` may send: one upload, or a batch, plus form overhead."""
    if "batch" in path:
        return limits.max_batch_bytes + _OVERHEAD
    return limits.max_file_bytes + 4 * limits.max_job_ad_chars + _OVERHEAD


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(_HERE / "templates"))
    templates.env.loader = ChoiceLoader([
        FileSystemLoader(str(_HERE / "templates")),
        PackageLoader("resume_checker.render", "templates"),
    ])
    templates.env.autoescape = True  # every template, including the shared *.html.j2 ones
    templates.env.trim_blocks = True
    templates.env.lstrip_blocks = True
    templates.env.globals["version"] = __version__
    templates.env.globals["default_set"] = DEFAULT_SET  # preselected in every set picker
    return templates

