"""Persist :class:`~sanderling.model.Outcome` records in a shared PostgreSQL database.

Same tables, same public methods and same return types as the DuckDB
:class:`~sanderling.store.duckdb_store.Store`, so the CLI and library callers do not
care which one they hold (use :func:`sanderling.store.open_store`). The DDL is derived
from ``DOCUMENT_COLUMNS`` / ``EVENT_COLUMNS``; lists of structs (actor, recipient) and
``event_loc`` are JSONB, ``VARCHAR[]`` is ``text[]``, dates are ``date``.

Writing: the outcomes are turned into the same Arrow tables as for DuckDB (same
validation and "last doc / first event wins" rules), streamed with binary ``COPY`` into
session temporary staging tables, then moved into place with set-based SQL, all in one
transaction per batch. Writers serialise per batch on a transaction-level advisory lock
(one per schema), so concurrent ``sanderling code`` runs interleave their batches and
never see each other's half-written batch; readers never wait (MVCC). Every value
reaches SQL as a bound parameter or through ``COPY``.

Example::

    >>> with PostgresStore("postgresql://me@db.example/events") as store:   # doctest: +SKIP
    ...     store.write(outcomes, coder_version="0.1.0")
    ...     table = store.events(actor="IRN", since="2024-01-01")
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json

from sanderling.dedupe import Signature
from sanderling.errors import StoreError
from sanderling.model import Outcome
from sanderling.store.duckdb_store import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    PLOVER_FIELDS,
    SCHEMA_VERSION,
    _check_date,
    _check_limit,
    _signatures_arrow,
    _to_arrow,
)

try:  # optional dependency: pip install 'sanderling[postgres]'
    import psycopg
    from psycopg import errors as pg_errors
    from psycopg.conninfo import conninfo_to_dict
except ImportError:  # pragma: no cover - exercised only without the extra
    psycopg = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------
# Schema, derived from the DuckDB column lists: (PostgreSQL DDL type, COPY type name).
# ---------------------------------------------------------------------------------------


def _pg_type(t: pa.DataType) -> tuple[str, str]:
    if pa.types.is_string(t):
        return "text", "text"
    if pa.types.is_date32(t):
        return "date", "date"
    if pa.types.is_int32(t):
        return "integer", "int4"
    if pa.types.is_int64(t):
        return "bigint", "int8"
    if pa.types.is_float64(t):
        return "double precision", "float8"
    if pa.types.is_boolean(t):
        return "boolean", "bool"
    if pa.types.is_timestamp(t) and t.tz is None:
        return "timestamp", "timestamp"
    if pa.types.is_binary(t):
        return "bytea", "bytea"
    if pa.types.is_list(t) and pa.types.is_string(t.value_type):
        return "text[]", "text[]"
    if pa.types.is_struct(t) or (pa.types.is_list(t) and pa.types.is_struct(t.value_type)):
        return "jsonb", "jsonb"
    raise TypeError(f"no PostgreSQL type for Arrow type {t}")  # a new column type needs a mapping here


def _constraints(sql: str) -> str:
    """The constraints of a DuckDB column definition ("VARCHAR NOT NULL CHECK (...)" -> " NOT NULL CHECK (...)")."""
    i = sql.find(" NOT NULL")
    return "" if i < 0 else sql[i:]


_Columns = tuple[tuple[str, str, str], ...]  # (name, DDL type, COPY type)
_DOC_COLS: _Columns = tuple((n, *_pg_type(a)) for n, _, a in DOCUMENT_COLUMNS)
_EVENT_COLS: _Columns = tuple((n, *_pg_type(a)) for n, _, a in EVENT_COLUMNS)
_SIG_COLS: _Columns = (("doc_id", "text", "text"), ("sig", "bytea", "bytea"), ("text_key", "text", "text"))
_BAND_COLS: _Columns = (("key", "bigint", "int8"), ("doc_id", "text", "text"))


def _table_ddl(name: str, cols: _Columns, source: Sequence[tuple[str, str, pa.DataType]]) -> str:
    sql = dict((n, s) for n, s, _ in source)
    body = ",\n  ".join(f'"{n}" {t}{_constraints(sql[n])}' for n, t, _ in cols)
    return f"CREATE TABLE {name} (\n  {body},\n  PRIMARY KEY (id)\n)"


def _names(cols: _Columns) -> str:
    return ", ".join(f'"{n}"' for n, _, _ in cols)


DDL: tuple[str, ...] = (
    "CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)",
    _table_ddl("documents", _DOC_COLS, DOCUMENT_COLUMNS),
    _table_ddl("events", _EVENT_COLS, EVENT_COLUMNS),
    "CREATE TABLE doc_minhash (doc_id text PRIMARY KEY, sig bytea NOT NULL, text_key text NOT NULL)",
    "CREATE TABLE doc_bands (key bigint NOT NULL, doc_id text NOT NULL)",
    # DuckDB scans; PostgreSQL needs indexes for the per-batch deletes and the common filters
    "CREATE INDEX events_doc_id_idx ON events (doc_id)",
    'CREATE INDEX events_date_idx ON events ("date")',
    "CREATE INDEX events_actor_codes_idx ON events USING gin (actor_codes)",
    "CREATE INDEX events_recipient_codes_idx ON events USING gin (recipient_codes)",
    "CREATE INDEX doc_bands_key_idx ON doc_bands (key)",
    "CREATE INDEX doc_bands_doc_id_idx ON doc_bands (doc_id)",
)

# Session temporary staging tables for COPY; emptied at every commit or rollback.
_STAGING: tuple[tuple[str, _Columns], ...] = (
    ("_batch_docs", _DOC_COLS),
    ("_batch_events", _EVENT_COLS),
    ("_batch_sigs", _SIG_COLS),
    ("_batch_bands", _BAND_COLS),
)


def _staging_ddl(name: str, cols: _Columns) -> str:
    body = ", ".join(f'"{n}" {t}' for n, t, _ in cols)  # no constraints: the real tables check them
    return f"CREATE TEMP TABLE IF NOT EXISTS {name} ({body}) ON COMMIT DELETE ROWS"


_STAGING_DDL = tuple(_staging_ddl(name, cols) for name, cols in _STAGING)

# What events() returns: exactly DuckDB's Arrow schema (PLOVER columns, dates as yyyy-mm-dd strings,
# list children named "l" like DuckDB's Arrow export).


def _duck_arrow(t: pa.DataType) -> pa.DataType:
    if pa.types.is_list(t):
        return pa.list_(pa.field("l", _duck_arrow(t.value_type)))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, _duck_arrow(f.type)) for f in t])
    return t


_EVENT_ARROW_TYPES = {n: a for n, _, a in EVENT_COLUMNS}
EVENTS_SCHEMA = pa.schema(
    [(n, pa.string() if n in ("date", "pub_date") else _duck_arrow(_EVENT_ARROW_TYPES[n])) for n in PLOVER_FIELDS]
)
DOCUMENTS_SCHEMA = pa.schema([(n, _duck_arrow(a)) for n, _, a in DOCUMENT_COLUMNS if n != "text"])
_EVENTS_SELECT = ", ".join(
    f"to_char(\"{n}\", 'YYYY-MM-DD') AS \"{n}\"" if n in ("date", "pub_date") else f'"{n}"' for n in PLOVER_FIELDS
)
_DOCUMENTS_SELECT = ", ".join(f'"{n}"' for n in DOCUMENTS_SCHEMA.names)

_NUL_REPLACEMENT = "\ufffd"
_JSON_READ = pa_json.ReadOptions(block_size=8 << 20)  # a row must fit in one block (else the slow path)

# Advisory lock of the writers: (class, key) with class = "SAND", key from the schema name.
_LOCK_CLASS = 0x53414E44


def _lock_key(schema: str) -> int:
    return int.from_bytes(hashlib.blake2b(schema.encode(), digest_size=4).digest(), "big") & 0x7FFFFFFF


def redact_dsn(dsn: str) -> str:
    """``postgresql://user@host:port/dbname``: the DSN without password or other parameters."""
    try:
        p = conninfo_to_dict(dsn) if psycopg is not None else {}
    except Exception:
        p = {}
    if not p:  # unparsable: keep scheme and host part, drop any user:password@
        m = re.match(r"^(postgres(?:ql)?://)(?:[^@/]*@)?([^/?#]*)(/[^?#]*)?", dsn, re.IGNORECASE)
        return f"postgresql://{m.group(2)}{m.group(3) or ''}" if m else "the PostgreSQL database"
    user = f"{quote(p['user'], safe='')}@" if p.get("user") else ""
    host = p.get("host") or p.get("hostaddr") or ""
    if "/" in host or "," in host:  # unix socket directory or multiple hosts
        host = quote(host, safe=",")
    elif ":" in host:  # IPv6 address
        host = f"[{host}]"
    port = f":{p['port']}" if p.get("port") else ""
    return f"postgresql://{user}{host}{port}/{quote(p.get('dbname') or '', safe='')}"


# ---------------------------------------------------------------------------------------


class PostgresStore:
    """Documents and events in one schema of a PostgreSQL database (the first one on the
    ``search_path``, normally ``public``). Use from one thread; close it when done.

    ``dsn`` is a libpq URL (``postgresql://user:password@host:port/dbname``) or key=value
    string; the password may also come from ``PGPASSWORD`` or ``~/.pgpass``. ``lock_timeout``
    is how long one batch waits for another writer's batch before failing as busy.
    """

    def __init__(self, dsn: str, *, read_only: bool = False, lock_timeout: float = 30.0) -> None:
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self._conn: Any = None
        self.path = redact_dsn(dsn)  # what messages show; never the password
        self.url = self.path
        if psycopg is None:
            raise StoreError("PostgreSQL databases need psycopg: pip install 'sanderling[postgres]'")
        self._dsn = dsn
        self._conn = self._connect(dsn)
        try:
            self._schema, self._key = self._init_schema()
        except BaseException:
            self.close()
            raise

    # -- opening -----------------------------------------------------------------------

    def _connect(self, dsn: str) -> Any:
        try:
            params = conninfo_to_dict(dsn)
        except psycopg.Error as e:
            raise StoreError(f"{self.path} is not a valid PostgreSQL URL: {_first_line(e)}") from None
        extra: dict[str, Any] = {}
        if "connect_timeout" not in params:
            extra["connect_timeout"] = 10
        if "application_name" not in params:
            extra["application_name"] = "sanderling"
        try:
            conn = psycopg.connect(dsn, autocommit=True, **extra)
        except psycopg.Error as e:
            raise StoreError(_connect_message(self.path, params, e)) from None
        try:
            conn.execute("SET extra_float_digits = 3")  # doubles as text (JSON reads) round-trip exactly
            if self.read_only:
                conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as e:
            conn.close()
            raise StoreError(f"cannot open database {self.path}: {_first_line(e)}") from None
        return conn

    def _init_schema(self) -> tuple[str, int]:
        conn = self._require()
        try:
            with conn.transaction():
                (schema,) = conn.execute("SELECT current_schema()").fetchone()
                if schema is None:
                    raise StoreError(f"{self.path}: no schema on the search_path exists; create one or fix "
                                     "search_path (e.g. ?options=-csearch_path%3Dpublic in the URL)")
                key = _lock_key(schema)
                if not self.read_only:  # serialise first-time creation with the writers
                    self._lock(conn, key)
                rows = conn.execute(
                    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                    [schema],
                ).fetchall()
                tables = {r[0] for r in rows}
                if "meta" not in tables:
                    if tables & {"documents", "events"}:
                        raise StoreError(f"{self.path} (schema {schema}) is not a sanderling database "
                                         "(it has no meta table)")
                    if self.read_only:
                        raise StoreError(f"no sanderling tables in {self.path} (schema {schema}); "
                                         f"run `sanderling code ... --db {self.path}` first")
                    for stmt in DDL:
                        conn.execute(stmt)
                    conn.execute(
                        "INSERT INTO meta VALUES ('schema_version', %s), ('created_at', %s)",
                        [str(SCHEMA_VERSION), datetime.now(timezone.utc).isoformat(timespec="seconds")],
                    )
                    log.info("created sanderling tables in %s (schema %s)", self.path, schema)
                row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except pg_errors.LockNotAvailable:
            raise self._busy(key) from None
        except psycopg.Error as e:
            raise StoreError(f"cannot open database {self.path}: {_first_line(e)}") from None
        found = row[0] if row else None
        if found != str(SCHEMA_VERSION):
            if found is not None and found.isdigit() and int(found) > SCHEMA_VERSION:
                hint = "upgrade sanderling"
            else:
                hint = "code into a new database or schema, or use the sanderling version that wrote it"
            raise StoreError(
                f"database {self.path} was written by schema v{found}, this sanderling reads v{SCHEMA_VERSION}; {hint}"
            )
        return schema, key

    def _lock(self, conn: Any, key: int) -> None:
        """Take the writers' advisory lock for the rest of the transaction, waiting at most lock_timeout."""
        ms = max(1, round(self.lock_timeout * 1000))
        conn.execute("SELECT set_config('lock_timeout', %s, true), set_config('client_min_messages', 'warning', true)",
                     [f"{ms}ms"])
        conn.execute("SELECT pg_advisory_xact_lock(%s::int4, %s::int4)", [_LOCK_CLASS, key])

    def _busy(self, key: int) -> StoreError:
        pid = None
        try:
            row = self._require().execute(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 "
                "AND classid::bigint = %s AND objid::bigint = %s "
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1",
                [_LOCK_CLASS, key],
            ).fetchone()
            pid = row[0] if row else None
        except psycopg.Error:
            pass
        who = f"another writer (server pid {pid})" if pid else "another writer"
        return StoreError(
            f"database {self.path} is busy: {who} holds its write lock; "
            f"waited {self.lock_timeout:g}s — retry later or raise --lock-timeout"
        )

    def _require(self) -> Any:
        if self._conn is None:
            raise StoreError(f"database {self.path} is closed")
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------------------

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        conn = self._require()
        try:
            return conn.execute(sql, list(params)).fetchall()
        except psycopg.Error as e:
            raise StoreError(f"cannot read database {self.path}: {_first_line(e)}") from None

    def _query(self, sql: str, params: list[Any], schema: pa.Schema) -> pa.Table:
        """Rows of ``sql`` as an Arrow table of ``schema``: PostgreSQL renders each row as JSON
        (row_to_json, in C) and pyarrow parses them (in C++), so no Python object per value."""
        rows = self._fetch(f"SELECT row_to_json(q)::text FROM ({sql}) q", params)
        if not rows:
            return schema.empty_table()
        data = "\n".join([r[0] for r in rows]).encode()
        json_schema = pa.schema([pa.field(f.name, pa.string()) if pa.types.is_date32(f.type) else f for f in schema])
        opts = pa_json.ParseOptions(explicit_schema=json_schema, unexpected_field_behavior="error")
        try:
            table = pa_json.read_json(io.BytesIO(data), read_options=_JSON_READ, parse_options=opts)
            return table.cast(schema) if not table.schema.equals(schema) else table
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):  # e.g. NaN, which JSON cannot carry
            return _arrow(self._fetch(sql, params), schema)

    def document_states(self, ids: Sequence[str]) -> dict[str, tuple[str | None, str, str | None]]:
        """``id -> (text_hash, status, coder_version)`` for the ids already stored."""
        self._require()
        if not ids:
            return {}
        asked = {_clean(i): i for i in ids}  # stored ids have NUL replaced; answer with the caller's ids
        rows = self._fetch(
            "SELECT id, text_hash, status, coder_version FROM documents WHERE id = ANY(%s::text[])", [list(asked)]
        )
        return {asked[r[0]]: (r[1], r[2], r[3]) for r in rows}

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
            params.append(_clean(value) if isinstance(value, str) else value)
            where.append(sql)

        if actor is not None:
            cond("actor_codes @> ARRAY[%s::text]", actor)
        if recipient is not None:
            cond("recipient_codes @> ARRAY[%s::text]", recipient)
        if event_type is not None:
            cond("upper(event) = %s", event_type.upper())
        if since is not None:
            cond('"date" >= %s::date', _check_date(since, "since"))
        if until is not None:
            cond('"date" <= %s::date', _check_date(until, "until"))
        if doc_id is not None:
            cond("doc_id = %s", doc_id)
        if min_confidence is not None:
            cond("confidence >= %s", float(min_confidence))
        if not include_all:
            where.append("happened")
        sql = f"SELECT {_EVENTS_SELECT} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        # byte order for text, like DuckDB, whatever the database collation
        sql += ' ORDER BY "date", doc_id COLLATE "C", text_start, event_start, id COLLATE "C"'
        if limit is not None:
            params.append(_check_limit(limit))
            sql += " LIMIT %s"
        return self._query(sql, params, EVENTS_SCHEMA)

    def documents(self, *, status: str | None = None, limit: int | None = None) -> pa.Table:
        """Documents rows (all columns but ``text``), ordered by ``coded_at, id``."""
        params: list[Any] = []
        sql = f"SELECT {_DOCUMENTS_SELECT} FROM documents"
        if status is not None:
            params.append(_clean(status))
            sql += " WHERE status = %s"
        sql += ' ORDER BY coded_at, id COLLATE "C"'
        if limit is not None:
            params.append(_check_limit(limit))
            sql += " LIMIT %s"
        return self._query(sql, params, DOCUMENTS_SCHEMA)

    def counts(self) -> dict[str, int]:
        (d,) = self._fetch(
            "SELECT count(*), count(*) FILTER (WHERE status = 'coded'), count(*) FILTER (WHERE status = 'skipped'), "
            "count(*) FILTER (WHERE status = 'failed'), (SELECT count(*) FROM events) FROM documents"
        )
        return {"documents": d[0], "coded": d[1], "skipped": d[2], "failed": d[3], "events": d[4]}

    def signatures(self, keys: Sequence[int]) -> list[Signature]:
        """Stored signatures sharing an LSH band key with ``keys`` (candidates for near-duplicates)."""
        self._require()
        if not keys:
            return []
        rows = self._fetch(
            "SELECT m.doc_id, m.sig, m.text_key FROM doc_minhash m WHERE m.doc_id IN "
            "(SELECT b.doc_id FROM doc_bands b WHERE b.key = ANY(%s::bigint[]))",
            [[int(k) for k in keys]],
        )
        return [Signature(r[0], np.frombuffer(bytes(r[1]), dtype=np.uint64), r[2]) for r in rows]

    # -- writing -----------------------------------------------------------------------

    def write(self, outcomes: Sequence[Outcome], coder_version: str,
              signatures: Sequence[Signature] = ()) -> None:
        """Upsert the outcomes' documents and replace their events, in one transaction.

        Same rules as the DuckDB store: re-writing leaves the same rows (only ``coded_at``
        moves); the last outcome of a doc id wins; the first event of an event id is kept.
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
            with conn.transaction(), conn.cursor() as cur:
                self._lock(cur, self._key)
                for stmt in _STAGING_DDL:
                    cur.execute(stmt)
                _copy(cur, "_batch_docs", _DOC_COLS, docs)
                _copy(cur, "_batch_events", _EVENT_COLS, events)
                self._upsert_documents(cur)
                self._replace_events(cur)
                if len(sigs):
                    _copy(cur, "_batch_sigs", _SIG_COLS, sigs)
                    _copy(cur, "_batch_bands", _BAND_COLS, bands)
                    cur.execute("DELETE FROM doc_minhash m USING _batch_sigs s WHERE m.doc_id = s.doc_id")
                    cur.execute("DELETE FROM doc_bands b USING _batch_sigs s WHERE b.doc_id = s.doc_id")
                    cur.execute(f"INSERT INTO doc_minhash ({_names(_SIG_COLS)}) "
                                f"SELECT {_names(_SIG_COLS)} FROM _batch_sigs")
                    cur.execute(f"INSERT INTO doc_bands ({_names(_BAND_COLS)}) "
                                f"SELECT {_names(_BAND_COLS)} FROM _batch_bands")
        except pg_errors.LockNotAvailable:
            raise self._busy(self._key) from None
        except Exception as e:
            msg = _first_line(e) if psycopg is not None and isinstance(e, psycopg.Error) else str(e)
            raise StoreError(f"cannot write to {self.path}; nothing of this batch was written: {msg}") from e

    @staticmethod
    def _upsert_documents(cur: Any) -> None:
        cur.execute("DELETE FROM documents d USING _batch_docs b WHERE d.id = b.id")
        cur.execute(f"INSERT INTO documents ({_names(_DOC_COLS)}) SELECT {_names(_DOC_COLS)} FROM _batch_docs")

    @staticmethod
    def _replace_events(cur: Any) -> None:
        cur.execute("DELETE FROM events e USING _batch_docs b WHERE e.doc_id = b.id")
        cur.execute("DELETE FROM events e USING _batch_events b WHERE e.id = b.id")
        cur.execute(f"INSERT INTO events ({_names(_EVENT_COLS)}) SELECT {_names(_EVENT_COLS)} FROM _batch_events")


# ---------------------------------------------------------------------------------------


def _scrub(arr: pa.Array) -> pa.Array:
    """PostgreSQL text cannot hold NUL characters: replace them with U+FFFD, in nested values too."""
    if pa.types.is_string(arr.type):
        return pc.replace_substring(arr, "\x00", _NUL_REPLACEMENT)
    if pa.types.is_list(arr.type):
        return pa.ListArray.from_arrays(arr.offsets, _scrub(arr.values), type=arr.type, mask=arr.is_null())
    if pa.types.is_struct(arr.type):
        return pa.StructArray.from_arrays([_scrub(arr.field(i)) for i in range(arr.type.num_fields)],
                                          fields=list(arr.type), mask=arr.is_null())
    return arr


def _clean(value: str) -> str:
    return value.replace("\x00", _NUL_REPLACEMENT)


def _copy(cur: Any, table: str, cols: _Columns, data: pa.Table) -> None:
    """Stream an Arrow table into a staging table with binary COPY (one round trip per buffer, not per row)."""
    columns = [_scrub(data.column(n).combine_chunks()).to_pylist() for n, _, _ in cols]
    with cur.copy(f"COPY {table} ({_names(cols)}) FROM STDIN (FORMAT BINARY)") as cp:
        cp.set_types([t for _, _, t in cols])
        for row in zip(*columns, strict=True):
            cp.write_row(row)


def _arrow(rows: list[tuple[Any, ...]], schema: pa.Schema) -> pa.Table:
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.table([pa.array(list(c), type=f.type) for c, f in zip(cols, schema, strict=True)], schema=schema)


def _first_line(exc: BaseException) -> str:
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    return lines[0] if lines else type(exc).__name__


def _connect_message(where: str, params: dict[str, Any], exc: BaseException) -> str:
    """One actionable line for a failed connection; never the password."""
    raw = str(exc)
    password = params.get("password")
    public = " ".join(str(params.get(k) or "") for k in ("user", "dbname", "host"))
    if password and password not in public:  # libpq does not echo passwords; belt and braces
        raw = raw.replace(password, "***")
    low = raw.lower()
    user = params.get("user") or "(default user)"
    db = params.get("dbname") or user
    head = f"cannot connect to {where}"
    if "connection refused" in low:
        return f"{head}: connection refused; is the server running and listening on that host and port?"
    if "no such file or directory" in low and "socket" in low:
        return f"{head}: no server on the local socket; is the server running? (or give a host in the URL)"
    if "password authentication failed" in low or "authentication failed" in low:
        return (f"{head}: authentication failed for user {user}; check the user and password "
                "(URL, PGPASSWORD or ~/.pgpass)")
    if "no password supplied" in low:
        return f"{head}: the server asks for a password; put it in the URL, PGPASSWORD or ~/.pgpass"
    m = re.search(r'database "([^"]*)" does not exist', raw)
    if m:
        return f"{head}: database {m.group(1)} does not exist; create it (createdb -O {user} {m.group(1)})"
    m = re.search(r'role "([^"]*)" does not exist', raw)
    if m:
        return f"{head}: role {m.group(1)} does not exist; create it or fix the user in the URL"
    if "pg_hba.conf" in low:
        return f"{head}: the server does not accept this client (pg_hba.conf); ask its admin to allow it"
    if "translate host name" in low or "failed to resolve" in low or "name or service not known" in low:
        return f"{head}: unknown host {params.get('host', '')}; check the host name"
    if "timeout" in low:
        return f"{head}: no answer in time; check the host, port and firewall"
    if "permission denied" in low and "connect" in low:
        return f"{head}: permission denied to connect to database {db}; ask its admin to GRANT CONNECT"
    m = re.search(r"(?:FATAL|ERROR):\s*(.*)", raw)
    return f"{head}: {(m.group(1) if m else _first_line(exc)).strip()}"
