"""`sanderling serve`: the database as a REST API (sanderling.api)."""

from __future__ import annotations

import click

from sanderling.cli.common import _fail, _need_db, main
from sanderling.errors import SanderlingError


@main.command()
@click.option("--db", default="events.duckdb", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (0.0.0.0: all).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token-env", default="SANDERLING_TOKEN", show_default=True,
              help="Environment variable holding the write token; unset or empty: read-only server.")
@click.option("--lock-timeout", default=30.0, show_default=True, help="Seconds to wait for a busy database.")
def serve(db: str, host: str, port: int, token_env: str, lock_timeout: float) -> None:
    """Serve the database as a REST API (OpenAPI docs at /docs).

    \b
    Read-only unless the environment variable named by --token-env holds a token; writes
    (POST /api/code with "store": true, POST /api/canonical/rebuild) then need
    "Authorization: Bearer <token>". While it runs the server holds the database: stop it
    before `sanderling code` writes to the same file. docs/api.md.
    \b
    Examples:
      sanderling serve --db events.duckdb
      SANDERLING_TOKEN=$(openssl rand -hex 24) sanderling serve --db events.duckdb --port 9000
    """
    import os

    try:
        import uvicorn

        from sanderling.api import create_app
    except ImportError:
        _fail("sanderling serve needs FastAPI and uvicorn: pip install 'sanderling[serve]'")
    _need_db(db)
    token = os.environ.get(token_env) or None
    try:
        app = create_app(db, token=token, lock_timeout=lock_timeout)
    except SanderlingError as exc:
        _fail(str(exc))
    mode = f"read-write (token from ${token_env})" if token else f"read-only (set ${token_env} to allow writes)"
    click.echo(f"serving {db} {mode} on http://{host}:{port} — API docs at http://{host}:{port}/docs", err=True)
    if token and len(token) < 16:
        click.echo("warning: the token is shorter than 16 characters; use a long random one", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}, not only this machine; there is no TLS — put a reverse proxy "
                   "in front for anything but a trusted network", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
