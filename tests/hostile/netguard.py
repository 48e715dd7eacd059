"""Make network access impossible, and record every attempt.

In the test process :func:`block_network` patches ``socket``; for subprocesses (the CLI and
its batch workers, which start fresh interpreters) :func:`write_sitecustomize` writes a
``sitecustomize.py`` that does the same at interpreter start and also turns logging up to
DEBUG on standard error, so a privacy test sees whatever any library would log.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

LOG_ENV = "HOSTILE_NET_LOG"

_GUARD = '''
import logging, os, socket, sys

_LOG = os.environ.get("HOSTILE_NET_LOG")
_LOCAL = {getattr(socket, "AF_UNIX", None)}


def _record(what, address):
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {what} {address!r}\\n")
    raise OSError(f"network access blocked in tests: {what} {address!r}")


_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
_sendto = socket.socket.sendto


def connect(self, address):
    if self.family in _LOCAL:  # multiprocessing talks to its forkserver over AF_UNIX
        return _connect(self, address)
    _record("connect", address)


def connect_ex(self, address):
    if self.family in _LOCAL:
        return _connect_ex(self, address)
    _record("connect_ex", address)


def sendto(self, data, *args):
    if self.family in _LOCAL:
        return _sendto(self, data, *args)
    _record("sendto", args[-1] if args else None)


def getaddrinfo(host, *args, **kwargs):
    _record("getaddrinfo", host)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.socket.sendto = sendto
socket.getaddrinfo = getaddrinfo
socket.create_connection = lambda address, *a, **k: _record("create_connection", address)
if os.environ.get("HOSTILE_DEBUG_LOG"):
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
'''


def write_sitecustomize(folder: Path) -> Path:
    """Write the guard as ``folder/sitecustomize.py``; put ``folder`` on PYTHONPATH."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sitecustomize.py"
    path.write_text(_GUARD, encoding="utf-8")
    return path


def guarded_env(folder: Path, log: Path, *, debug_log: bool = True) -> dict[str, str]:
    """The environment for a subprocess: the guard on PYTHONPATH, the attempt log, DEBUG logs."""
    write_sitecustomize(folder)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(folder), env.get("PYTHONPATH")) if p)
    env[LOG_ENV] = str(log)
    if debug_log:
        env["HOSTILE_DEBUG_LOG"] = "1"
    return env


def block_network(monkeypatch, attempts: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Patch this process's sockets: INET connects and name lookups are recorded and refused."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    local = getattr(socket, "AF_UNIX", None)

    def refuse(what: str, address: object) -> None:
        attempts.append(f"{what} {address!r}")
        raise OSError(f"network access blocked in tests: {what} {address!r}")

    def connect(self: socket.socket, address: object) -> None:
        if self.family == local:
            return real_connect(self, address)
        refuse("connect", address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if self.family == local:
            return real_connect_ex(self, address)
        refuse("connect_ex", address)
        return 1

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: refuse("getaddrinfo", host))
    monkeypatch.setattr(socket, "create_connection", lambda a, *x, **k: refuse("create", a))
