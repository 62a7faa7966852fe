"""The write endpoints: code a text (and with ``store`` write it), rebuild canonical events.

    add_write_routes(app, server)   # called by create_app; writes need the token and the write lock
"""

from __future__ import annotations

import time

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from sanderling.analysis import build_canonical
from sanderling.api.query import _date
from sanderling.api.results import _json
from sanderling.api.security import require_token
from sanderling.api.server import Server
from sanderling.errors import SanderlingError


class CodeRequest(BaseModel):
    text: str = Field(..., min_length=1, description="Article or sentence text (plain text).")
    pub_date: str | None = Field(None, description="Publication date yyyy-mm-dd; resolves 'on Monday' etc.")
    url: str | None = None
    id: str | None = Field(None, max_length=500, description="Document id when stored (default: content hash).")
    store: bool = Field(False, description="Write the document and its events to the database (needs the token).")
    include_all: bool = Field(False, description="Also return negated, hypothetical and future events.")


def add_write_routes(app: FastAPI, server: Server) -> None:
    """Register the POST endpoints of ``app``; they check the token themselves."""

    @app.post("/api/code", summary="Code a text into PLOVER events; with store=true also write it (token)")
    def code(body: CodeRequest, request: Request) -> JSONResponse:
        _date(body.pub_date, "pub_date")
        if body.store:
            require_token(server, request)
        pipeline = server.pipeline()
        if not body.store:
            with server._pipeline_lock:  # the parser is shared; one document at a time
                evs = pipeline.code_text(body.text, doc_id=body.id or "text", pub_date=body.pub_date, url=body.url)
            return _json({"stored": False,
                          "events": [e.to_plover() for e in evs if body.include_all or e.happened]})
        from sanderling.settings import DEFAULT
        from sanderling.sources.build import Meta, build_document, content_id

        doc_id = body.id or content_id(body.text.encode("utf-8", "surrogatepass"))
        item = build_document(doc_id, "api", body.text, False, DEFAULT, Meta(url=body.url, pub_date=body.pub_date))
        with server._pipeline_lock:
            outcomes = [o for batch in pipeline.run([item]) for o in batch]
        try:
            with server.write_lock:
                server.store.write(outcomes, pipeline.version)
        except SanderlingError as exc:
            raise HTTPException(503, str(exc)) from exc
        o = outcomes[0]
        return _json({"stored": True, "doc_id": o.doc_id, "status": o.status, "reason": o.reason,
                      "events": [e.to_plover() for e in o.events if body.include_all or e.happened]})

    @app.post("/api/canonical/rebuild", summary="Rebuild canonical events (token)")
    def rebuild(request: Request) -> JSONResponse:
        require_token(server, request)
        t0 = time.perf_counter()
        with server.write_lock:
            n = build_canonical(server.store)
        return _json({"canonical": n, "seconds": round(time.perf_counter() - t0, 2)})
