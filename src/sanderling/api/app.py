"""The app factory: one FastAPI app over one database, with error handlers, routes and the dashboard.

    app = create_app("events.duckdb", token=None)   # read-only; see sanderling.api for the locking model
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from sanderling import __version__
from sanderling.analysis import AnalysisError
from sanderling.api.routes_read import add_read_routes
from sanderling.api.routes_write import add_write_routes
from sanderling.api.security import MAX_BODY, BodyLimit
from sanderling.api.server import Server


def create_app(db: str, *, token: str | None = None, max_body: int = MAX_BODY, lock_timeout: float = 30.0) -> FastAPI:
    """The FastAPI app for database ``db``; ``token`` enables writes (``Authorization: Bearer <token>``).

    Raises :class:`~sanderling.errors.StoreError` when the database cannot be opened.
    """
    server = Server(db, token, lock_timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        server.close()

    app = FastAPI(
        title="Sanderling",
        version=__version__,
        description="PLOVER political events coded from news, with evidence. Read endpoints are open; writes "
                    "need `Authorization: Bearer <token>` when the server was started with a token.",
        lifespan=lifespan,
    )
    app.state.server = server
    app.add_middleware(BodyLimit, max_bytes=max_body)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errs = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        msg = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'body'}: {e.get('msg')}" for e in errs)
        return JSONResponse({"detail": msg or "invalid request", "errors": errs}, status_code=422)

    @app.exception_handler(AnalysisError)
    async def _analysis(request: Request, exc: AnalysisError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(duckdb.Error)
    async def _db(request: Request, exc: duckdb.Error) -> JSONResponse:
        return JSONResponse({"detail": f"database error: {str(exc).splitlines()[0]}"}, status_code=500)

    add_read_routes(app, server)
    add_write_routes(app, server)

    from sanderling.dashboard import mount

    mount(app)  # the dashboard page at / and its static files
    return app
