"""The dashboard: one web page over the REST API, served by the same process.

    from sanderling.api import create_app
    from sanderling.dashboard import mount
    app = create_app("events.duckdb")
    mount(app)          # GET / is the page, /static/* its script and style sheet

The page is plain HTML, CSS and JavaScript in ``static/`` (no build step, no CDN: it works
offline). It only reads the JSON endpoints (``/api/health``, ``/api/events``, ``/api/trends``,
``/api/dyads``) with relative URLs, so it also works behind a reverse proxy under a path prefix.
Every string from the database reaches the page as a text node, never as HTML; the page is sent
with a Content-Security-Policy that allows scripts, styles and requests only from this server.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from starlette.staticfiles import StaticFiles

STATIC = Path(__file__).with_name("static")

#: Sent with the page: nothing is loaded from, or sent to, anywhere but this server.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class _Static(StaticFiles):
    """Static files with ``nosniff`` and no caching surprises during development."""

    async def get_response(self, path: str, scope):  # type: ignore[no-untyped-def]
        response = await super().get_response(path, scope)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers.setdefault("Cache-Control", "no-cache")
        return response


def mount(app: FastAPI) -> None:
    """Serve the dashboard page at ``GET /`` and its files under ``/static/`` on ``app``."""
    index = STATIC / "index.html"

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8",
                            headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})

    app.mount("/static", _Static(directory=STATIC), name="static")
