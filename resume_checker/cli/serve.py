"""`resume-checker serve`: the web app on uvicorn, loopback by default, a token elsewhere."""

from __future__ import annotations

import typer

from resume_checker.defaults import TOKEN_ENV  # not from web.app: --help would import FastAPI


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, help="Port to listen on."),
    token: str | None = typer.Option(
        None, envvar=TOKEN_ENV, help="Access token; required for a non-loopback --host."
    ),
) -> None:
    """Serve the web app: check, batch and keyword sets in a browser, plus the JSON API."""
    from resume_checker.web.security import is_loopback

    if not is_loopback(host) and not token:
        typer.echo(
            f"refusing to listen on {host} without a token: anyone on the network could upload "
            f"files. Give --token (or set {TOKEN_ENV}), or use --host 127.0.0.1.",
            err=True,
        )
        raise typer.Exit(2)
    import uvicorn

    from resume_checker.web.app import create_app
    from resume_checker.web.security import quiet_access_log

    app = create_app(token=token, warm=True)
    config = uvicorn.Config(app, host=host, port=port, workers=1, server_header=False,
                            proxy_headers=False)
    server = uvicorn.Server(config)
    quiet_access_log()
    typer.echo(f"resume-checker on http://{_shown(host)}:{port}/"
               + (" (token required)" if token else ""), err=True)
    server.run()


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host
