"""What the routes answer with: a rendered page, an error (JSON under /api/, else a page), and
the HTTP status of a library error.

Its own module so that the routes and the app factory both import it and the imports point one
way: app -> routes -> responses.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from resume_checker.errors import (
    DocumentError,
    InvalidKeywordSetError,
    KeywordSetNotFoundError,
    LimitExceededError,
    ResumeCheckerError,
)


def status_for(exc: ResumeCheckerError) -> int:
    """The HTTP status of a library error: 413 for size limits, 422 for what cannot be read."""
    if isinstance(exc, LimitExceededError):
        return 422 if exc.code in ("timeout", "out_of_memory") else 413
    if isinstance(exc, KeywordSetNotFoundError):
        return 404
    if isinstance(exc, DocumentError | InvalidKeywordSetError):
        return 422
    return 400


def error_response(request: Request, status: int, message: str, code: str,
                   problems: list[str] | None = None) -> Response:
    if request.url.path.startswith("/api/"):
        body = {"error": {"code": code, "message": message, "problems": problems or []}}
        return JSONResponse(body, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"message": message, "problems": problems or [], "status": status},
        status_code=status,
    )


def page(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    """Render a page template (autoescaped)."""
    context = {"token_required": request.app.state.config.token is not None, **context}
    return request.app.state.templates.TemplateResponse(request, name, context,
                                                        status_code=status)
