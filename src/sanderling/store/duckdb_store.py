"""Persist :class:`~sanderling.model.Outcome` records in one DuckDB file.

The store knows nothing of NLP: it writes documents rows and their events, and reads
them back filtered. All bulk traffic goes through pyarrow tables registered with the
connection; every value reaches SQL as a bound parameter or through such a table.

Example::

    >>> with Store("out/events.duckdb") as store:          # doctest: +SKIP
    ...     store.write(outcomes, coder_version="0.1.0")
    ...     table = store.events(actor="IRN", since="2024-01-01")
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from sanderling.dedupe import Signature
from sanderling.errors import StoreError
from sanderling.model import Event, Location, Outcome

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3  # v2: event_loc gained lat/lon; v3: duplicates (older files are migrated on open)

# ---------------------------------------------------------------------------------------
# Schema: the one place where tables are defined. Each column is (name, SQL type, Arrow
# type); the DDL and the Arrow schemas of the batches written are both derived from it.
# ---------------------------------------------------------------------------------------

_ENTITY_SQL = 'STRUCT(entity_text VARCHAR, code VARCHAR, sector VARCHAR, start INTEGER, "end" INTEGER)'
_ENTITY_ARROW = pa.struct(
    [
        ("entity_text", pa.string()),
        ("code", pa.string()),
        ("sector", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)
_LOCATION_SQL = 'STRUCT(country VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, lat DOUBLE, lon DOUBLE)'
_LOCATION_ARROW = pa.struct(
    [("country", pa.string()), ("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
     ("lat", pa.float64()), ("lon", pa.float64())]
)
# MinHash signatures of the documents kept, for near-duplicate detection across runs (sanderling.dedupe)
_SIGNATURE_DDL = (
    "CREATE TABLE doc_minhash (doc_id VARCHAR PRIMARY KEY, sig BLOB NOT NULL, text_key VARCHAR NOT NULL)",
    "CREATE TABLE doc_bands (key BIGINT NOT NULL, doc_id VARCHAR NOT NULL)",
)
# schema migrations: statements that take a database from version k to k + 1
_MIGRATIONS: dict[int, list[str]] = {
    1: [f"ALTER TABLE events ALTER event_loc TYPE {_LOCATION_SQL} USING CASE WHEN event_loc IS NULL THEN NULL "
        "ELSE struct_insert(event_loc, lat := NULL::DOUBLE, lon := NULL::DOUBLE) END"],
    2: ["ALTER TABLE documents ADD COLUMN duplicate_of VARCHAR", *_SIGNATURE_DDL],
}

DOCUMENT_COLUMNS: tuple[tuple[str, str, pa.DataType], ...] = (
    ("id", "VARCHAR NOT NULL", pa.string()),
    ("url", "VARCHAR", pa.string()),
    ("title", "VARCHAR", pa.string()),
    ("author", "VARCHAR", pa.string()),
    ("site", "VARCHAR", pa.string()),
    ("pub_date", "DATE", pa.date32()),
    ("language", "VARCHAR", pa.string()),
    ("text_hash", "VARCHAR", pa.string()),
    ("status", "VARCHAR NOT NULL CHECK (status IN ('coded', 'skipped', 'failed'))", pa.string()),
    ("reason", "VARCHAR", pa.string()),
    ("origin", "VARCHAR", pa.string()),
    ("flags", "VARCHAR[]", pa.list_(pa.string())),
    ("text", "VARCHAR", pa.string()),
    ("n_events", "INTEGER NOT NULL", pa.int32()),
    ("coder_version", "VARCHAR", pa.string()),
    ("coded_at", "TIMESTAMP NOT NULL", pa.timestamp("us")),
    ("duplicate_of", "VARCHAR", pa.string()),  # the first copy of a (near-)duplicate, else NULL
)

# Columns in Event.to_plover() order, then the convenience columns used by filters.
EVENT_COLUMNS: tuple[tuple[str, str, pa.DataType], ...] = (
    ("id", "VARCHAR NOT NULL", pa.string()),
    ("doc_id", "VARCHAR NOT NULL", pa.string()),
    ("event", "VARCHAR NOT NULL", pa.string()),
    ("mode", "VARCHAR", pa.string()),
    ("context", "VARCHAR[]", pa.list_(pa.string())),
    ("actor", f"{_ENTITY_SQL}[]", pa.list_(_ENTITY_ARROW)),
    ("recipient", f"{_ENTITY_SQL}[]", pa.list_(_ENTITY_ARROW)),
    ("event_text", "VARCHAR", pa.string()),
    ("event_start", "INTEGER", pa.int32()),
    ("event_end", "INTEGER", pa.int32()),
    ("text", "VARCHAR", pa.string()),
    ("text_start", "INTEGER", pa.int32()),
    ("text_end", "INTEGER", pa.int32()),
    ("date", "DATE", pa.date32()),
    ("pub_date", "DATE", pa.date32()),
    ("url", "VARCHAR", pa.string()),
    ("event_loc", _LOCATION_SQL, _LOCATION_ARROW),
    ("negated", "BOOLEAN NOT NULL", pa.bool_()),
    ("hypothetical", "BOOLEAN NOT NULL", pa.bool_()),
    ("future", "BOOLEAN NOT NULL", pa.bool_()),
    ("historical", "BOOLEAN NOT NULL", pa.bool_()),
    ("confidence", "DOUBLE", pa.float64()),
    ("cameo", "VARCHAR", pa.string()),
    ("goldstein", "DOUBLE", pa.float64()),
    ("quad_code", "INTEGER", pa.int32()),
    ("plover_score", "DOUBLE", pa.float64()),
    ("coder", "VARCHAR", pa.string()),
    ("coder_version", "VARCHAR", pa.string()),
    # convenience columns, not part of PLOVER output
    ("actor_codes", "VARCHAR[]", pa.list_(pa.string())),
    ("recipient_codes", "VARCHAR[]", pa.list_(pa.string())),
    ("happened", "BOOLEAN NOT NULL", pa.bool_()),
)

PLOVER_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event) if f.name != "extra")
_EVENT_COLUMN_NAMES = [c[0] for c in EVENT_COLUMNS]
assert _EVENT_COLUMN_NAMES[: len(PLOVER_FIELDS)] == list(PLOVER_FIELDS), "events schema out of date"


def _create_table(name: str, columns: Sequence[tuple[str, str, pa.DataType]]) -> str:
    cols = ",\n  ".join(f'"{n}" {t}' for n, t, _ in columns)
    return f"CREATE TABLE {name} (\n  {cols},\n  PRIMARY KEY (id)\n)"


DDL: tuple[str, ...] = (
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    _create_table("documents", DOCUMENT_COLUMNS),
    _create_table("events", EVENT_COLUMNS),
    *_SIGNATURE_DDL,
)

_DOC_ARROW = pa.schema([(n, a) for n, _, a in DOCUMENT_COLUMNS])
_EVENT_ARROW = pa.schema([(n, a) for n, _, a in EVENT_COLUMNS])

# What events() returns: the PLOVER fields, dates as ISO strings like Event.to_plover().
_EVENTS_SELECT = ", ".join(
    f'CAST("{n}" AS VARCHAR) AS "{n}"' if n in ("date", "pub_date") else f'"{n}"' for n in PLOVER_FIELDS
)
_DOCUMENTS_SELECT = ", ".join(f'"{n}"' for n, _, _ in DOCUMENT_COLUMNS if n != "text")

_PID = re.compile(r"\bPID (\d+)", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _is_lock_error(exc: Exception) -> bool:
    msg = str(exc).lower()
    return isinstance(exc, duckdb.IOException) and ("conflicting lock" in msg or "could not set lock" in msg)


# ---------------------------------------------------------------------------------------


class Store:
    """One DuckDB file of documents and events. Use from one thread; close it when done."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False, lock_timeout: float = 30.0) -> None:
        self.path = os.fspath(path)
        self.read_only = read_only
        self._conn: duckdb.DuckDBPyConnection | None = None
        in_memory = self.path == ":memory:"
        if read_only and not in_memory and not os.path.exists(self.path):
            raise StoreError(f"no database at {self.path}; run `sanderling code ... --db {self.path}` first")
        if not in_memory:
            parent = os.path.dirname(os.path.abspath(self.path))
            try:
                os.makedirs(parent, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create directory {parent} for the database: {e}") from e
        self._conn = self._connect(lock_timeout)
        try:
            self._init_schema()
        except BaseException:
            self.close()
            raise

    # -- opening -----------------------------------------------------------------------

    def _connect(self, lock_timeout: float) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + max(0.0, lock_timeout)
        delay = 0.05
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only)
            except duckdb.Error as e:
                if not _is_lock_error(e):
                    raise StoreError(f"cannot open database {self.path}: {e}") from e
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    m = _PID.search(str(e))
                    who = f"another process (pid {m.group(1)})" if m else "another process"
                    raise StoreError(
                        f"database {os.path.basename(self.path)} is busy: {who} is writing it; "
                        f"waited {lock_timeout:g}s — retry later or raise --lock-timeout"
                    ) from e
                time.sleep(min(delay, remaining))
                delay = min(delay * 2, 1.0)

    def _init_schema(self) -> None:
        conn = self._require()
        try:
            found_tables = _run(conn, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'")
            tables = {r[0] for r in found_tables}
            if "meta" not in tables:
                if tables & {"documents", "events"} or self.read_only:
                    raise StoreError(f"{self.path} is not a sanderling database (it has no meta table)")
                _run(conn, "BEGIN")
                try:
                    for stmt in DDL:
                        _run(conn, stmt)
                    _run(
                        conn,
                        "INSERT INTO meta VALUES ('schema_version', $1), ('created_at', $2)",
                        [str(SCHEMA_VERSION), datetime.now(timezone.utc).isoformat(timespec="seconds")],
                    )
                    _run(conn, "COMMIT")
                except BaseException:
                    _run(conn, "ROLLBACK")
                    raise
            rows = _run(conn, "SELECT value FROM meta WHERE key = 'schema_version'")
        except duckdb.Error as e:
            raise StoreError(f"cannot read database {self.path}: {e}") from e
        found = rows[0][0] if rows else None
        if found is not None and found.isdigit() and int(found) < SCHEMA_VERSION and not self.read_only:
            found = self._migrate(conn, int(found))
        if found != str(SCHEMA_VERSION):
            name = os.path.basename(self.path)
            if found is not None and found.isdigit() and int(found) > SCHEMA_VERSION:
                hint = "upgrade sanderling"
            else:
                hint = "code into a new database, or use the sanderling version that wrote it"
            raise StoreError(
                f"database {name} was written by schema v{found}, this sanderling reads v{SCHEMA_VERSION}; {hint}"
            )

    def _migrate(self, conn: duckdb.DuckDBPyConnection, version: int) -> str:
        """Upgrade an older database in one transaction; returns the version reached."""
        if any(v not in _MIGRATIONS for v in range(version, SCHEMA_VERSION)):
            return str(version)
        _run(conn, "BEGIN")
        try:
            for v in range(version, SCHEMA_VERSION):
                for stmt in _MIGRATIONS[v]:
                    _run(conn, stmt)
            _run(conn, "UPDATE meta SET value = $1 WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
            _run(conn, "COMMIT")
        except BaseException:
            _run(conn, "ROLLBACK")
            raise
        log.info("migrated %s from schema v%d to v%d", self.path, version, SCHEMA_VERSION)
        return str(SCHEMA_VERSION)

    def _require(self) -> duckdb.DuckDBPyConnection:
        if self._conn is None:
            raise StoreError(f"database {self.path} is closed")
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------------------

    def document_states(self, ids: Sequence[str]) -> dict[str, tuple[str | None, str, str | None]]:
        """``id -> (text_hash, status, coder_version)`` for the ids already stored."""
        self._require()
        if not ids:
            return {}
        out = self._probe(pa.table({"id": pa.array(list(ids), type=pa.string())}),
                          "SELECT d.id, d.text_hash, d.status, d.coder_version FROM documents d "
                          "SEMI JOIN _probe p ON d.id = p.id")
        return {r[0]: (r[1], r[2], r[3]) for r in out}

    def events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_id: str | None = None,
        include_all: bool = False,
        min_confidence: float | None = None,
        limit: int | None = None,
    ) -> pa.Table:
        """Events as a pyarrow Table with PLOVER columns (dates as ``yyyy-mm-dd`` strings)."""
        where: list[str] = []
        params: list[Any] = []

        def cond(sql: str, value: Any) -> None:
            params.append(value)
            where.append(sql.replace("?", f"${len(params)}"))

        if actor is not None:
            cond("list_contains(actor_codes, ?)", actor)
        if recipient is not None:
            cond("list_contains(recipient_codes, ?)", recipient)
        if event_type is not None:
            cond("upper(event) = ?", event_type.upper())
        if since is not None:
            cond('"date" >= CAST(? AS DATE)', _check_date(since, "since"))
        if until is not None:
            cond('"date" <= CAST(? AS DATE)', _check_date(until, "until"))
        if doc_id is not None:
            cond("doc_id = ?", doc_id)
        if min_confidence is not None:
            cond("confidence >= ?", float(min_confidence))
        if not include_all:
            where.append("happened")
        sql = f"SELECT {_EVENTS_SELECT} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += ' ORDER BY "date", doc_id, text_start, event_start, id'
        if limit is not None:
            params.append(_check_limit(limit))
            sql += f" LIMIT ${len(params)}"
        return self._query(sql, params)

    def documents(self, *, status: str | None = None, limit: int | None = None) -> pa.Table:
        """Documents rows (all columns but ``text``), ordered by ``coded_at, id``."""
        params: list[Any] = []
        sql = f"SELECT {_DOCUMENTS_SELECT} FROM documents"
        if status is not None:
            params.append(status)
            sql += " WHERE status = $1"
        sql += " ORDER BY coded_at, id"
        if limit is not None:
            params.append(_check_limit(limit))
            sql += f" LIMIT ${len(params)}"
        return self._query(sql, params)

    def counts(self) -> dict[str, int]:
        conn = self._require()
        try:
            (d,) = _run(
                conn,
                "SELECT count(*), count(*) FILTER (status = 'coded'), count(*) FILTER (status = 'skipped'), "
                "count(*) FILTER (status = 'failed'), (SELECT count(*) FROM events) FROM documents",
            )
        except duckdb.Error as e:
            raise StoreError(f"cannot read database {self.path}: {e}") from e
        return {"documents": d[0], "coded": d[1], "skipped": d[2], "failed": d[3], "events": d[4]}

    def _query(self, sql: str, params: list[Any]) -> pa.Table:
        conn = self._require()
        try:
            return conn.sql(sql, params=params or None).to_arrow_table()
        except duckdb.Error as e:
            raise StoreError(f"cannot read database {self.path}: {e}") from e

    # -- writing -----------------------------------------------------------------------

    def _probe(self, probe: pa.Table, sql: str) -> list[tuple[Any, ...]]:
        """Run ``sql`` with ``probe`` registered as the view ``_probe`` (a bulk lookup, no SQL formatting)."""
        conn = self._require()
        try:
            conn.register("_probe", probe)
            try:
                return conn.sql(sql).fetchall()
            finally:
                conn.unregister("_probe")
        except duckdb.Error as e:
            raise StoreError(f"cannot read database {self.path}: {e}") from e

    def signatures(self, keys: Sequence[int]) -> list[Signature]:
        """Stored signatures sharing an LSH band key with ``keys`` (candidates for near-duplicates)."""
        self._require()
        if not keys:
            return []
        rows = self._probe(pa.table({"key": pa.array(list(keys), type=pa.int64())}),
                           "SELECT m.doc_id, m.sig, m.text_key FROM doc_minhash m WHERE m.doc_id IN "
                           "(SELECT b.doc_id FROM doc_bands b SEMI JOIN _probe p ON b.key = p.key)")
        return [Signature(r[0], np.frombuffer(r[1], dtype=np.uint64), r[2]) for r in rows]

    def write(self, outcomes: Sequence[Outcome], coder_version: str,
              signatures: Sequence[Signature] = ()) -> None:
        """Upsert the outcomes' documents and replace their events, in one transaction.

        Writing the same outcomes again leaves the same rows (only ``coded_at`` moves).
        If a doc id appears twice in ``outcomes`` the last one wins; if an event id
        appears twice the first one is kept.
        """
        conn = self._require()
        if self.read_only:
            raise StoreError(f"database {self.path} was opened read-only; cannot write")
        if not outcomes:
            return
        try:
            docs, events = _to_arrow(outcomes, coder_version)
            sigs, bands = _signatures_arrow(signatures)
        except StoreError:
            raise
        except Exception as e:
            raise StoreError(f"cannot write to {self.path}: bad outcome data: {e}") from e
        try:
            conn.register("_batch_docs", docs)
            conn.register("_batch_events", events)
            conn.register("_batch_sigs", sigs)
            conn.register("_batch_bands", bands)
            try:
                _run(conn, "BEGIN")
                try:
                    self._upsert_documents(conn)
                    self._replace_events(conn)
                    if len(sigs):
                        _run(conn, "DELETE FROM doc_minhash WHERE doc_id IN (SELECT doc_id FROM _batch_sigs)")
                        _run(conn, "DELETE FROM doc_bands WHERE doc_id IN (SELECT doc_id FROM _batch_sigs)")
                        _run(conn, "INSERT INTO doc_minhash BY NAME SELECT * FROM _batch_sigs")
                        _run(conn, "INSERT INTO doc_bands BY NAME SELECT * FROM _batch_bands")
                    _run(conn, "COMMIT")
                except BaseException:
                    try:
                        _run(conn, "ROLLBACK")
                    except duckdb.Error:
                        pass  # the failed statement may already have ended the transaction
                    raise
            finally:
                for name in ("_batch_docs", "_batch_events", "_batch_sigs", "_batch_bands"):
                    conn.unregister(name)
        except Exception as e:
            raise StoreError(f"cannot write to {self.path}; nothing of this batch was written: {e}") from e

    @staticmethod
    def _upsert_documents(conn: duckdb.DuckDBPyConnection) -> None:
        _run(conn, "DELETE FROM documents WHERE id IN (SELECT id FROM _batch_docs)")
        _run(conn, "INSERT INTO documents BY NAME SELECT * FROM _batch_docs")

    @staticmethod
    def _replace_events(conn: duckdb.DuckDBPyConnection) -> None:
        _run(
            conn,
            "DELETE FROM events WHERE doc_id IN (SELECT id FROM _batch_docs) OR id IN (SELECT id FROM _batch_events)",
        )
        _run(conn, "INSERT INTO events BY NAME SELECT * FROM _batch_events")


# ---------------------------------------------------------------------------------------
# Outcomes -> Arrow: one Python list per column, then pa.table with an explicit schema.
# ---------------------------------------------------------------------------------------


def _run(conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
    """Execute and consume the whole result, so the connection is free for the next call."""
    return conn.execute(sql, params).fetchall()


def _check_date(value: str, what: str) -> str:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise StoreError(f"{what}={value!r} is not a date; use yyyy-mm-dd")
    return value


def _check_limit(limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise StoreError(f"limit={limit!r} must be a non-negative integer")
    return limit


def _date_array(values: list[str | None], what: str, ids: list[str]) -> pa.Array:
    """ISO date strings (a longer ISO timestamp is cut to its date) -> date32."""
    cut = [v[:10] if v else None for v in values]
    try:
        return pa.array(cut, type=pa.string()).cast(pa.date32())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        for i, v in zip(ids, cut, strict=True):
            if v is not None and not _ISO_DATE.match(v):
                raise StoreError(f"{what} of {i} is {v!r}, not a yyyy-mm-dd date") from None
        raise


def _location(loc: Location) -> dict[str, Any]:
    return {"country": loc.country, "text": loc.text, "start": loc.start, "end": loc.end, "lat": loc.lat,
            "lon": loc.lon}


def _entity_lists(groups: list[tuple[Any, ...]]) -> tuple[pa.Array, pa.Array]:
    """Lists of Entity -> (list<struct> array, list<string> of codes), built flat."""
    offsets = [0]
    text: list[str] = []
    code: list[str] = []
    sector: list[str] = []
    start: list[int] = []
    end: list[int] = []
    n = 0
    for ents in groups:
        for e in ents:
            text.append(e.entity_text)
            code.append(e.code)
            sector.append(e.sector)
            start.append(e.start)
            end.append(e.end)
        n += len(ents)
        offsets.append(n)
    codes = pa.array(code, type=pa.string())
    structs = pa.StructArray.from_arrays(
        [
            pa.array(text, pa.string()),
            codes,
            pa.array(sector, pa.string()),
            pa.array(start, pa.int32()),
            pa.array(end, pa.int32()),
        ],
        fields=list(_ENTITY_ARROW),
    )
    offs = pa.array(offsets, type=pa.int32())
    return (
        pa.ListArray.from_arrays(offs, structs, type=pa.list_(_ENTITY_ARROW)),
        pa.ListArray.from_arrays(offs, codes, type=pa.list_(pa.string())),
    )


def _signatures_arrow(signatures: Sequence[Signature]) -> tuple[pa.Table, pa.Table]:
    last = {s.doc_id: s for s in signatures}
    sigs = pa.table({"doc_id": pa.array(list(last), type=pa.string()),
                     "sig": pa.array([s.values.astype(np.uint64).tobytes() for s in last.values()], type=pa.binary()),
                     "text_key": pa.array([s.text_key for s in last.values()], type=pa.string())})
    keys, ids = [], []
    for s in last.values():
        for k in dict.fromkeys(s.band_keys()):
            keys.append(k)
            ids.append(s.doc_id)
    bands = pa.table({"key": pa.array(keys, type=pa.int64()), "doc_id": pa.array(ids, type=pa.string())})
    return sigs, bands


def _to_arrow(outcomes: Sequence[Outcome], coder_version: str) -> tuple[pa.Table, pa.Table]:
    by_id: dict[str, Outcome] = {}
    for o in outcomes:  # last outcome for a doc id wins
        by_id.pop(o.doc_id, None)
        by_id[o.doc_id] = o
    kept: dict[str, Event] = {}
    n_events: dict[str, int] = dict.fromkeys(by_id, 0)
    for o in by_id.values():
        for ev in o.events:
            if ev.doc_id != o.doc_id:
                raise StoreError(f"event {ev.id} has doc_id {ev.doc_id!r} but belongs to outcome {o.doc_id!r}")
            if ev.id not in kept:  # first occurrence of an event id wins
                kept[ev.id] = ev
                n_events[o.doc_id] += 1

    coded_at = datetime.now(timezone.utc).replace(tzinfo=None)
    d: dict[str, list[Any]] = {n: [] for n, _, _ in DOCUMENT_COLUMNS}
    for doc_id, o in by_id.items():
        doc, rej = o.doc, o.rejected
        d["id"].append(doc_id)
        d["status"].append(o.status)
        d["reason"].append(o.reason or None)
        d["n_events"].append(n_events[doc_id])
        d["coder_version"].append(coder_version)
        d["duplicate_of"].append(rej.duplicate_of if rej is not None else None)
        if doc is not None:
            d["url"].append(doc.url)
            d["title"].append(doc.title)
            d["author"].append(doc.author)
            d["site"].append(doc.site)
            d["pub_date"].append(doc.pub_date)
            d["language"].append(doc.language)
            d["text_hash"].append(doc.text_hash)
            d["origin"].append(doc.origin)
            d["flags"].append(list(doc.flags))
            d["text"].append(doc.text)
        else:
            assert rej is not None, f"outcome {doc_id} has neither doc nor rejected"
            d["url"].append(rej.url)
            d["title"].append(None)
            d["author"].append(None)
            d["site"].append(None)
            d["pub_date"].append(None)
            d["language"].append(None)
            d["text_hash"].append(rej.text_hash)
            d["origin"].append(rej.origin)
            d["flags"].append([])
            d["text"].append(None)
    ids = d["id"]
    doc_cols = {n: d[n] for n in d}
    doc_cols["pub_date"] = _date_array(d["pub_date"], "pub_date", ids)
    doc_cols["coded_at"] = pa.array([coded_at] * len(ids), type=pa.timestamp("us"))
    docs = pa.table(doc_cols, schema=_DOC_ARROW)

    evs = list(kept.values())
    e: dict[str, Any] = {
        "id": [x.id for x in evs],
        "doc_id": [x.doc_id for x in evs],
        "event": [x.event for x in evs],
        "mode": [x.mode for x in evs],
        "context": [list(x.context) for x in evs],
        "event_text": [x.event_text for x in evs],
        "event_start": [x.event_start for x in evs],
        "event_end": [x.event_end for x in evs],
        "text": [x.text for x in evs],
        "text_start": [x.text_start for x in evs],
        "text_end": [x.text_end for x in evs],
        "url": [x.url for x in evs],
        "event_loc": [None if x.event_loc is None else _location(x.event_loc) for x in evs],
        "negated": [x.negated for x in evs],
        "hypothetical": [x.hypothetical for x in evs],
        "future": [x.future for x in evs],
        "historical": [x.historical for x in evs],
        "confidence": [x.confidence for x in evs],
        "cameo": [x.cameo for x in evs],
        "goldstein": [x.goldstein for x in evs],
        "quad_code": [x.quad_code for x in evs],
        "plover_score": [x.plover_score for x in evs],
        "coder": [x.coder for x in evs],
        "coder_version": [x.coder_version for x in evs],
        "happened": [x.happened for x in evs],
    }
    eids = e["id"]
    e["date"] = _date_array([x.date for x in evs], "date", eids)
    e["pub_date"] = _date_array([x.pub_date for x in evs], "pub_date", eids)
    e["actor"], e["actor_codes"] = _entity_lists([x.actor for x in evs])
    e["recipient"], e["recipient_codes"] = _entity_lists([x.recipient for x in evs])
    events = pa.table({n: e[n] for n in _EVENT_COLUMN_NAMES}, schema=_EVENT_ARROW)
    return docs, events
