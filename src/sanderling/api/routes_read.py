"""The read endpoints: health, events (paged and exported), canonical events, documents, trends, dyads.

    add_read_routes(app, server)   # called by create_app; each request reads through its own cursor
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import JSONResponse, StreamingResponse

from sanderling import __version__
from sanderling.analysis import canonical_status, dyad_series, has_canonical, top_dyads
from sanderling.api.query import (
    _CANONICAL_SELECT,
    _DOCUMENTS_SELECT,
    _EVENTS_ORDER,
    _EVENTS_SELECT,
    MAX_LIMIT,
    EventFilters,
    Filters,
    Page,
    _code,
    _date,
    _type,
    _Where,
    paginate,
)
from sanderling.api.results import _flatten, _json, _json_default, _rows
from sanderling.api.server import Server
from sanderling.store.duckdb_store import PLOVER_FIELDS

_CANONICAL_ID = re.compile(r"^[0-9a-f]{24}$")
_NOT_BUILT = ("canonical events are not built for this database; run `sanderling canonical --db DB` "
              "(or POST /api/canonical/rebuild with the token)")


def add_read_routes(app: FastAPI, server: Server) -> None:
    """Register the GET endpoints of ``app`` over ``server``'s database."""

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
