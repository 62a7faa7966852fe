"""REST API over one Sanderling database: events, canonical events, trends, documents, coding.

    sanderling serve --db events.duckdb                      # read-only, http://127.0.0.1:8765/docs
    SANDERLING_TOKEN=s3cret sanderling serve --db events.duckdb   # writes allowed with the token

Locking model (``docs/api.md``): DuckDB lets one *process* open a file, and a writable open
excludes every other process. The server therefore opens the database once — read-only when no
token is configured (other processes may then read it too, none may write), read-write when one
is (the server is then the only process using the file) — and every request reads through its own
cursor of that database, which sees a consistent committed snapshot and runs in parallel with
other requests. Writes (``POST /api/code`` with ``store``, ``POST /api/canonical/rebuild``) go
through the one store connection and are serialised by a lock; each is one transaction.

Every value from a request reaches SQL as a bound ``$n`` parameter; nothing is formatted into SQL.
"""

from __future__ import annotations

import hmac
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from typing import Annotated, Any

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from sanderling import __version__
from sanderling.analysis import AnalysisError, build_canonical, canonical_status, dyad_series, has_canonical, top_dyads
from sanderling.analysis.canonical import CANONICAL_COLUMNS, connection
from sanderling.errors import SanderlingError, StoreError
from sanderling.store import Store
from sanderling.store.duckdb_store import DOCUMENT_COLUMNS, PLOVER_FIELDS

MAX_LIMIT = 1000
MAX_BODY = 1_000_000
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
               "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CANONICAL_ID = re.compile(r"^[0-9a-f]{24}$")
_EVENTS_SELECT = ", ".join(f'CAST("{n}" AS VARCHAR) AS "{n}"' if n in ("date", "pub_date") else f'"{n}"'
                           for n in PLOVER_FIELDS)
_EVENTS_ORDER = '"date", doc_id, text_start, event_start, id'
_CANONICAL_SELECT = ", ".join(f'CAST("{n}" AS VARCHAR) AS "{n}"' if n.startswith("date_") else f'"{n}"'
                              for n in CANONICAL_COLUMNS)
_DOCUMENTS_SELECT = ", ".join(f'"{n}"' for n, _, _ in DOCUMENT_COLUMNS if n != "text")
_NOT_BUILT = ("canonical events are not built for this database; run `sanderling canonical --db DB` "
              "(or POST /api/canonical/rebuild with the token)")


class CodeRequest(BaseModel):
    text: str = Field(..., min_length=1, description="Article or sentence text (plain text).")
    pub_date: str | None = Field(None, description="Publication date yyyy-mm-dd; resolves 'on Monday' etc.")
    url: str | None = None
    id: str | None = Field(None, max_length=500, description="Document id when stored (default: content hash).")
    store: bool = Field(False, description="Write the document and its events to the database (needs the token).")
    include_all: bool = Field(False, description="Also return negated, hypothetical and future events.")


class BodyLimit:
    """ASGI middleware: a request body larger than ``max_bytes`` gets 413, by header or while it streams in.

    Bodies of POST/PUT/PATCH requests are read (at most ``max_bytes``) before the app sees them and
    then replayed, so the app never works on, or waits for, an oversized upload.
    """

    def __init__(self, app: Any, max_bytes: int = MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._reject(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._reject(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _reject(self, send: Any) -> None:
        body = json.dumps({"detail": f"request body larger than {self.max_bytes} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class Server:
    """The database, the write lock and the (lazily loaded) coder behind one app."""

    def __init__(self, db: str, token: str | None = None, lock_timeout: float = 30.0) -> None:
        if re.match(r"^postgres(?:ql)?://", str(db), re.IGNORECASE):
            raise StoreError("the REST API serves DuckDB files only; export the PostgreSQL data or code into a "
                             "DuckDB file")
        self.db = db
        self.token = token or None
        self.writable = self.token is not None
        # opening through Store validates (and, when writable, migrates) the schema
        self.store = Store(db, read_only=not self.writable, lock_timeout=lock_timeout)
        self.conn: duckdb.DuckDBPyConnection = connection(self.store)
        self.write_lock = threading.Lock()
        self._pipeline: Any = None
        self._pipeline_lock = threading.Lock()

    def close(self) -> None:
        self.store.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.conn.cursor()

    def pipeline(self) -> Any:
        with self._pipeline_lock:
            if self._pipeline is None:
                from sanderling.pipeline import Pipeline

                self._pipeline = Pipeline()
            return self._pipeline


# -- parameter checks -----------------------------------------------------------------------


def _bad(msg: str, status: int = 422) -> HTTPException:
    return HTTPException(status_code=status, detail=msg)


def _date(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        if not _DATE.match(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise _bad(f"{what}={value!r} is not a date; use yyyy-mm-dd, e.g. 2024-07-01") from None
    return value


def _code(value: str | None) -> str | None:
    return value.strip().upper() if value else None


def _type(value: str | None) -> str | None:
    if value is None:
        return None
    t = value.strip().upper()
    if t not in EVENT_TYPES:
        raise _bad(f"type={value!r} is not a PLOVER event type; use one of {', '.join(EVENT_TYPES)}")
    return t


class _Where:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *values: Any) -> None:
        for v in values:
            self.params.append(v)
            sql = sql.replace("?", f"${len(self.params)}", 1)
        self.parts.append(sql)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


class EventFilters:
    """Query parameters shared by /api/events, its exports and /api/canonical."""

    def __init__(
        self,
        actor: str | None = Query(None, description="Actor code (ISO-3 or IGO/NGO/UNO ...), e.g. PRK"),
        recipient: str | None = Query(None, description="Recipient code"),
        type: str | None = Query(None, description="PLOVER event type, e.g. ASSAULT (case-insensitive)"),
        since: str | None = Query(None, description="Event date from (yyyy-mm-dd, inclusive)"),
        until: str | None = Query(None, description="Event date up to (yyyy-mm-dd, inclusive)"),
        min_confidence: float | None = Query(None, ge=0.0, le=1.0, description="Lowest confidence"),
        include_all: bool = Query(False, description="Also negated, hypothetical and future events"),
    ) -> None:
        self.actor = _code(actor)
        self.recipient = _code(recipient)
        self.type = _type(type)
        self.since = _date(since, "since")
        self.until = _date(until, "until")
        if self.since and self.until and self.since > self.until:
            raise _bad(f"since={self.since} is after until={self.until}")
        self.min_confidence = min_confidence
        self.include_all = include_all

    def events_where(self) -> _Where:
        w = _Where()
        if self.actor:
            w.add("list_contains(actor_codes, ?)", self.actor)
        if self.recipient:
            w.add("list_contains(recipient_codes, ?)", self.recipient)
        if self.type:
            w.add("event = ?", self.type)
        if self.since:
            w.add('"date" >= CAST(? AS DATE)', self.since)
        if self.until:
            w.add('"date" <= CAST(? AS DATE)', self.until)
        if self.min_confidence is not None:
            w.add("confidence >= ?", self.min_confidence)
        if not self.include_all:
            w.add("happened")
        return w

    def canonical_where(self) -> _Where:
        w = _Where()
        if self.actor:
            w.add("list_contains(actor_codes, ?)", self.actor)
        if self.recipient:
            w.add("list_contains(recipient_codes, ?)", self.recipient)
        if self.type:
            w.add("event = ?", self.type)
        if self.since:  # canonical events that overlap [since, until]
            w.add("date_last >= CAST(? AS DATE)", self.since)
        if self.until:
            w.add("date_first <= CAST(? AS DATE)", self.until)
        if self.min_confidence is not None:
            w.add("confidence >= ?", self.min_confidence)
        return w


def _page(limit: int = Query(100, ge=1, le=MAX_LIMIT, description=f"Rows per page (max {MAX_LIMIT})"),
          offset: int = Query(0, ge=0, description="Rows to skip")) -> tuple[int, int]:
    return limit, offset


Filters = Annotated[EventFilters, Depends()]
Page = Annotated[tuple[int, int], Depends(_page)]


def paginate(cur: duckdb.DuckDBPyConnection, table: str, select: str, where: _Where, date_col: str, order: str,
             limit: int, offset: int, key: str | None = None) -> tuple[int, pa.Table | None]:
    """``(total, rows)`` of one page, ordered by ``order`` (which starts with ``date_col``).

    A plain ``ORDER BY … LIMIT … OFFSET`` sorts every matching row of a million-row table (~1 s).
    Instead: (1) count the matching rows per date (this also gives the total); (2) keep only the dates
    that hold the page and sort those rows; (3) with ``key``, first select only the keys of the page
    and then fetch its full rows by key (the primary-key index), so wide columns of rows that are
    not shown are never read. All three run in one read transaction, so they see the same snapshot.
    """
    cur.execute("BEGIN TRANSACTION")
    try:
        hist = cur.execute(f"SELECT {date_col}, count(*) FROM {table}{where.sql()} GROUP BY 1 ORDER BY 1 NULLS LAST",
                           where.params).fetchall()
        total = sum(n for _, n in hist)
        if offset >= total:
            return total, None
        before = 0
        lo = hi = None
        local_offset = 0
        found = False
        for d, n in hist:
            if not found and before + n > offset:
                found, lo, local_offset = True, d, offset - before
            if found:
                hi = d
            before += n
            if before >= offset + limit:
                break
        w = _Where()
        w.parts, w.params = list(where.parts), list(where.params)
        if lo is None:
            w.add(f"{date_col} IS NULL")
        elif hi is None:
            w.add(f"({date_col} >= ? OR {date_col} IS NULL)", lo)
        else:
            w.add(f"{date_col} BETWEEN ? AND ?", lo, hi)
        n = len(w.params)
        page = f"ORDER BY {order} LIMIT ${n + 1} OFFSET ${n + 2}"
        if key is None:
            rows = cur.sql(f"SELECT {select} FROM {table}{w.sql()} {page}",
                           params=[*w.params, limit, local_offset]).to_arrow_table()
            return total, rows
        keys = [r[0] for r in cur.execute(f"SELECT {key} FROM {table}{w.sql()} {page}",
                                          [*w.params, limit, local_offset]).fetchall()]
        marks = ", ".join(f"${i + 1}" for i in range(len(keys)))
        rows = cur.sql(f"SELECT {select} FROM {table} WHERE {key} IN ({marks}) ORDER BY {order}",
                       params=keys).to_arrow_table()
        return total, rows
    finally:
        cur.execute("ROLLBACK")


# -- result helpers --------------------------------------------------------------------------


def _rows(table: pa.Table) -> list[dict[str, Any]]:
    return table.to_pylist()


def _json_default(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return str(v)


class _JSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, default=_json_default,
                          separators=(",", ":")).encode("utf-8")


def _json(content: Any, status: int = 200) -> JSONResponse:
    return _JSONResponse(content, status_code=status)


def _flatten(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Nested columns (actor lists, event_loc) become JSON strings for CSV."""
    cols, names = [], []
    for name, col in zip(batch.schema.names, batch.columns, strict=True):
        if pa.types.is_nested(col.type):
            col = pa.array([None if v is None else json.dumps(v, default=_json_default) for v in col.to_pylist()],
                           pa.string())
        cols.append(col)
        names.append(name)
    return pa.RecordBatch.from_arrays(cols, names=names)


# -- the app ---------------------------------------------------------------------------------


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

    def require_token(request: Request) -> None:
        if server.token is None:
            raise HTTPException(403, "this server is read-only; restart it with a token (--token-env) to allow writes")
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise HTTPException(401, "missing bearer token: send Authorization: Bearer <token>",
                                headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.strip().encode("utf-8"), server.token.encode("utf-8")):
            raise HTTPException(403, "invalid token")

    def need_canonical(cur: duckdb.DuckDBPyConnection) -> None:
        if not has_canonical(cur):
            raise HTTPException(409, _NOT_BUILT)

    # -- reading ---------------------------------------------------------------------------

    @app.get("/api/health", summary="Status, counts and whether canonical events are up to date")
    def health() -> JSONResponse:
        with server.cursor() as cur:
            d = cur.execute(
                "SELECT count(*), count(*) FILTER (status = 'coded'), count(*) FILTER (status = 'skipped'), "
                "count(*) FILTER (status = 'failed'), (SELECT count(*) FROM events) FROM documents").fetchall()[0]
            canon = canonical_status(cur)
        return _json({"status": "ok", "version": __version__, "db": os.path.basename(server.db),
                      "writable": server.writable,
                      "counts": {"documents": d[0], "coded": d[1], "skipped": d[2], "failed": d[3], "events": d[4]},
                      "canonical": canon})

    @app.get("/api/events", summary="Event records (mentions), filtered and paginated")
    def events(f: Filters, page: Page) -> JSONResponse:
        limit, offset = page
        w = f.events_where()
        with server.cursor() as cur:
            total, items = paginate(cur, "events", _EVENTS_SELECT, w, '"date"', _EVENTS_ORDER, limit, offset, key="id")
        return _json({"total": total, "limit": limit, "offset": offset, "items": _rows(items) if items else []})

    def _export(f: EventFilters, fmt: str) -> StreamingResponse:
        w = f.events_where()
        cur = server.cursor()
        try:
            reader = cur.sql(f"SELECT {_EVENTS_SELECT} FROM events{w.sql()} ORDER BY {_EVENTS_ORDER}",
                             params=w.params or None).to_arrow_reader(10_000)
        except BaseException:
            cur.close()
            raise

        def lines() -> Iterator[bytes]:
            try:
                first = True
                for batch in reader:
                    if fmt == "csv":
                        sink = pa.BufferOutputStream()
                        pacsv.write_csv(_flatten(batch), sink,
                                        write_options=pacsv.WriteOptions(include_header=first))
                        first = False
                        yield sink.getvalue().to_pybytes()
                    else:
                        yield "".join(json.dumps(r, ensure_ascii=False, default=_json_default) + "\n"
                                      for r in batch.to_pylist()).encode("utf-8")
                if fmt == "csv" and first:  # no rows: still send the header
                    yield (",".join(f'"{n}"' for n in PLOVER_FIELDS) + "\n").encode()
            finally:
                cur.close()

        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
        return StreamingResponse(lines(), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'})

    @app.get("/api/events.csv", summary="Export events as CSV (same filters, streamed; nested fields as JSON)")
    def events_csv(f: Filters) -> StreamingResponse:
        return _export(f, "csv")

    @app.get("/api/events.jsonl", summary="Export events as PLOVER JSON Lines (same filters, streamed)")
    def events_jsonl(f: Filters) -> StreamingResponse:
        return _export(f, "jsonl")

    @app.get("/api/canonical", summary="Canonical events (one per real-world event), filtered and paginated")
    def canonical(f: Filters, page: Page,
                  min_mentions: int = Query(1, ge=1, description="At least this many mentions")) -> JSONResponse:
        limit, offset = page
        w = f.canonical_where()
        if min_mentions > 1:
            w.add("n_mentions >= ?", min_mentions)
        with server.cursor() as cur:
            need_canonical(cur)
            # canonical_events is stored in date order, so the dates of a page are a few row groups
            total, items = paginate(cur, "canonical_events", _CANONICAL_SELECT, w, "date_first",
                                    "date_first, canonical_id", limit, offset)
        return _json({"total": total, "limit": limit, "offset": offset, "items": _rows(items) if items else []})

    @app.get("/api/canonical/{canonical_id}", summary="One canonical event with its mentions as evidence")
    def canonical_one(canonical_id: str) -> JSONResponse:
        if not _CANONICAL_ID.match(canonical_id):
            raise HTTPException(404, f"no canonical event {canonical_id!r} (ids are 24 hex digits)")
        with server.cursor() as cur:
            need_canonical(cur)
            rows = _rows(cur.sql(f"SELECT {_CANONICAL_SELECT} FROM canonical_events WHERE canonical_id = $1",
                                 params=[canonical_id]).to_arrow_table())
            if not rows:
                raise HTTPException(404, f"no canonical event {canonical_id!r}")
            # ids first (event_canonical is stored by canonical_id), then the rows by primary key
            ids = [r[0] for r in cur.execute("SELECT event_id FROM event_canonical WHERE canonical_id = $1 LIMIT $2",
                                             [canonical_id, MAX_LIMIT]).fetchall()]
            marks = ", ".join(f"${i + 1}" for i in range(len(ids)))
            mentions = _rows(cur.sql(f"SELECT {_EVENTS_SELECT} FROM events WHERE id IN ({marks}) "
                                     f"ORDER BY {_EVENTS_ORDER}", params=ids).to_arrow_table()) if ids else []
        return _json({**rows[0], "mentions": mentions})

    @app.get("/api/documents", summary="Documents with their status (coded / skipped / failed) and reason")
    def documents(page: Page,
                  status: str | None = Query(None, pattern="^(coded|skipped|failed)$")) -> JSONResponse:
        limit, offset = page
        w = _Where()
        if status:
            w.add("status = ?", status)
        with server.cursor() as cur:
            total = cur.execute(f"SELECT count(*) FROM documents{w.sql()}", w.params).fetchall()[0][0]
            n = len(w.params)
            items = cur.sql(f"SELECT {_DOCUMENTS_SELECT} FROM documents{w.sql()} ORDER BY coded_at, id "
                            f"LIMIT ${n + 1} OFFSET ${n + 2}", params=[*w.params, limit, offset]).to_arrow_table()
        return _json({"total": total, "limit": limit, "offset": offset, "items": _rows(items)})

    @app.get("/api/trends", summary="Time series of one dyad: counts by quad class, index, spikes")
    def trends(actor: str = Query(..., description="Actor code, e.g. PRK"),
               vs: str | None = Query(None, description="Recipient code, e.g. USA (default: anyone)"),
               freq: str = Query("week", pattern="^(day|week|month)$"),
               since: str | None = None, until: str | None = None,
               both_directions: bool = Query(False, description="Also count vs → actor"),
               canonical: bool = Query(True, description="Count canonical events (else mentions)")) -> JSONResponse:
        _date(since, "since")
        _date(until, "until")
        with server.cursor() as cur:
            if canonical:
                need_canonical(cur)
            table = dyad_series(cur, actor, vs, since=since, until=until, freq=freq, canonical=canonical,
                                both_directions=both_directions)
        return _json({"actor": _code(actor), "vs": _code(vs), "freq": freq, "canonical": canonical,
                      "both_directions": both_directions, "items": _rows(table)})

    @app.get("/api/dyads", summary="The busiest actor→recipient pairs")
    def dyads(since: str | None = None, until: str | None = None,
              limit: int = Query(50, ge=1, le=MAX_LIMIT), actor: str | None = None, type: str | None = None,
              canonical: bool = Query(True, description="Count canonical events (else every mention)")) -> JSONResponse:
        _date(since, "since")
        _date(until, "until")
        event_type = _type(type)
        with server.cursor() as cur:
            if canonical:
                need_canonical(cur)
            table = top_dyads(cur, since, until, limit, canonical=canonical, actor=_code(actor),
                              event_type=event_type)
        return _json({"canonical": canonical, "items": _rows(table)})

    # -- writing ---------------------------------------------------------------------------

    @app.post("/api/code", summary="Code a text into PLOVER events; with store=true also write it (token)")
    def code(body: CodeRequest, request: Request) -> JSONResponse:
        _date(body.pub_date, "pub_date")
        if body.store:
            require_token(request)
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
        require_token(request)
        t0 = time.perf_counter()
        with server.write_lock:
            n = build_canonical(server.store)
        return _json({"canonical": n, "seconds": round(time.perf_counter() - t0, 2)})

    from sanderling.dashboard import mount

    mount(app)  # the dashboard page at / and its static files
    return app
