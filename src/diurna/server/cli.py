"""`diurna serve`: run the web API and dashboard with uvicorn. FastAPI and uvicorn are
imported only when the command runs, so the rest of the CLI starts as fast as before."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..cli_store import DEFAULT_DB, DbOpt
from ..errors import DiurnaError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on; anything but loopback needs --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[Optional[str], typer.Option(envvar="DIURNA_TOKEN", help="Bearer token every /api request must carry (env DIURNA_TOKEN); required off loopback.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML settings file (used by POST /api/extract).")] = None,
    allowed_host: Annotated[Optional[list[str]], typer.Option("--allowed-host", help="Without a token, also answer requests for this Host name (repeatable); loopback names are always allowed.")] = None,
) -> None:
    """Serve the store over HTTP: a JSON API (OpenAPI at /openapi.json) and the dashboard at /."""
    from ..settings import Settings

    if token is not None and not token.strip():
        typer.echo("refusing a blank token: give --token SECRET (or DIURNA_TOKEN) with a real secret, or none "
                   "on the default --host 127.0.0.1", err=True)
        raise typer.Exit(2)
    token = token.strip() if token else None
    if not is_loopback(host) and not token:
        typer.echo(f"refusing to serve {host} without a token: give --token SECRET or set DIURNA_TOKEN "
                   "(or keep the default --host 127.0.0.1)", err=True)
        raise typer.Exit(2)
    try:
        import uvicorn

        from . import create_app

        app = create_app(db, Settings.load(config), token=token, allowed_hosts=[host, *(allowed_host or [])])
    except DiurnaError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"diurna: serving {db} at http://{shown}:{port}/" + (" (token required)" if token else ""), err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
