"""Query parameters and SQL building: checks of request values, WHERE clauses with bound ``$n``
parameters, and date-bucketed pagination.

    w = EventFilters(actor="prk", since="2024-07-01").events_where()
    total, rows = paginate(cur, "events", EVENTS_SELECT, w, '"date"', EVENTS_ORDER, 100, 0, key="id")

Every value from a request reaches SQL as a bound parameter; nothing is formatted into SQL.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

import duckdb
import pyarrow as pa
from fastapi import Depends, HTTPException, Query

from sanderling.analysis.canonical import CANONICAL_COLUMNS
from sanderling.store.duckdb_store import DOCUMENT_COLUMNS, PLOVER_FIELDS

MAX_LIMIT = 1000
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
               "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EVENTS_SELECT = ", ".join(f'CAST("{n}" AS VARCHAR) AS "{n}"' if n in ("date", "pub_date") else f'"{n}"'
                           for n in PLOVER_FIELDS)
_EVENTS_ORDER = '"date", doc_id, text_start, event_start, id'
_CANONICAL_SELECT = ", ".join(f'CAST("{n}" AS VARCHAR) AS "{n}"' if n.startswith("date_") else f'"{n}"'
                              for n in CANONICAL_COLUMNS)
_DOCUMENTS_SELECT = ", ".join(f'"{n}"' for n, _, _ in DOCUMENT_COLUMNS if n != "text")


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

    def _parties_and_type(self) -> _Where:
        w = _Where()
        if self.actor:
            w.add("list_contains(actor_codes, ?)", self.actor)
        if self.recipient:
            w.add("list_contains(recipient_codes, ?)", self.recipient)
        if self.type:
            w.add("event = ?", self.type)
        return w

    def events_where(self) -> _Where:
        w = self._parties_and_type()
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
        w = self._parties_and_type()
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
