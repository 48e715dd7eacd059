"""Security headers, the access token, the request-size cap, and a log filter that drops queries.

Pure ASGI middleware (no body buffering).  Without a token the app answers only requests whose
Host is a loopback name (a DNS-rebinding page cannot reach it); with a token every request but the
login form and the static files needs it, as a header or as the cookie the login form sets.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Callable
from http.cookies import SimpleCookie
from typing import Any

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
COOKIE = "resume_checker_auth"
TOKEN_HEADER = "x-resume-checker-token"
OPEN_PATHS = ("/login", "/static/")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cache-control", b"no-store"),
)

Scope = dict[str, Any]
ASGIApp = Callable[..., Any]


def is_loopback(host: str) -> bool:
    return host.strip("[]") in LOOPBACK_HOSTS or host.startswith("127.")


def cookie_value(token: str) -> str:
    """What the login cookie holds: derived from the token, not the token itself."""
    return hmac.new(token.encode(), b"resume-checker-cookie", hashlib.sha256).hexdigest()


class SecurityMiddleware:
    """Headers on every response; host check or token check before the app sees a request."""

    def __init__(self, app: ASGIApp, *, token: str | None, body_limit: Callable[[str], int]):
        self.app = app
        self.token = token
        self.body_limit = body_limit

    async def __call__(self, scope: Scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(send_with_headers)
            return
        limit = self.body_limit(scope["path"])
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _plain(send_with_headers, scope, 413, _too_large(limit))
            return
        await self.app(scope, _capped(receive, limit), send_with_headers)

    def _refusal(self, scope: Scope):
        path = scope["path"]
        if self.token is None:
            if not is_loopback(_host_name(scope)):
                return lambda send: _plain(send, scope, 421, "This server answers localhost only.")
            return None
        if path.startswith(OPEN_PATHS) or self._authorised(scope):
            return None
        if path.startswith("/api/"):
            return lambda send: _plain(send, scope, 401, "A token is needed (header "
                                       "X-Resume-Checker-Token or Authorization: Bearer).")
        return _redirect_to_login

    def _authorised(self, scope: Scope) -> bool:
        assert self.token is not None
        given = _header(scope, TOKEN_HEADER.encode()) or ""
        bearer = _header(scope, b"authorization") or ""
        if bearer.lower().startswith("bearer "):
            given = bearer[7:].strip()
        if given and hmac.compare_digest(given.encode(), self.token.encode()):
            return True
        cookie = SimpleCookie()
        cookie.load(_header(scope, b"cookie") or "")
        held = cookie[COOKIE].value if COOKIE in cookie else ""
        return bool(held) and hmac.compare_digest(held, cookie_value(self.token))


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(_too_large(limit))
        self.limit = limit


def _capped(receive, limit: int):
    """A receive that raises BodyTooLarge once more than ``limit`` bytes have arrived."""
    seen = 0

    async def wrapped() -> dict[str, Any]:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
        return message

    return wrapped


def _host_name(scope: Scope) -> str:
    """The Host header without its port ("[::1]:8000" -> "::1")."""
    host = _header(scope, b"host") or ""
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0]


def _too_large(limit: int) -> str:
    return f"The upload is too large: at most {limit // (1024 * 1024)} MB per request."


def _header(scope: Scope, name: bytes, default: str | None = None) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return default


async def _plain(send, scope: Scope, status: int, message: str) -> None:
    if scope["path"].startswith("/api/"):
        body = json.dumps({"error": {"code": f"http_{status}", "message": message}}).encode()
        kind = b"application/json"
    else:
        body = message.encode()
        kind = b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def _redirect_to_login(send) -> None:
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", b"/login"), (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})


class DropQueryStrings(logging.Filter):
    """Access-log filter: log the path, never the query string (it could carry data)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


def quiet_access_log() -> None:
    logging.getLogger("uvicorn.access").addFilter(DropQueryStrings())
