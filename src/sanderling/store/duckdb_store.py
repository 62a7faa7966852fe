"""Persist :class:`~sanderling.model.Outcome` records in one DuckDB file.

The store knows nothing of NLP: it writes documents rows and their events, and reads
them back filtered. All bulk traffic goes through pyarrow tables registered with the
connection; every value reaches SQL as a bound parameter or through such a table.

Example::

    >>> with Store("out/events.duckdb") as store:          # doctest: +SKIP
    ...     store.write(outcomes, coder_version="0.1.0")
    ...     table = store.events(actor="IRN", since="2024-01-01")

The tables are defined in :mod:`sanderling.store.schema` and the Arrow batches built in
:mod:`sanderling.store.arrow_batch`; the names other modules use are re-exported here.
"""

from __future__ import annotations

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
from sanderling.model import Outcome
from sanderling.store.arrow_batch import _ISO_DATE
from sanderling.store.arrow_batch import _signatures_arrow as _signatures_arrow
from sanderling.store.arrow_batch import _to_arrow as _to_arrow
from sanderling.store.schema import _DOC_ARROW as _DOC_ARROW
from sanderling.store.schema import _DOCUMENTS_SELECT, _EVENTS_SELECT, _MIGRATIONS
from sanderling.store.schema import _EVENT_ARROW as _EVENT_ARROW
from sanderling.store.schema import DDL as DDL
from sanderling.store.schema import DOCUMENT_COLUMNS as DOCUMENT_COLUMNS
from sanderling.store.schema import EVENT_COLUMNS as EVENT_COLUMNS
from sanderling.store.schema import PLOVER_FIELDS as PLOVER_FIELDS
from sanderling.store.schema import SCHEMA_VERSION as SCHEMA_VERSION

log = logging.getLogger(__name__)


_PID = re.compile(r"\bPID (\d+)", re.IGNORECASE)


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
# Helpers (also used by postgres_store).
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

