"""Coded outcomes as a Parquet lake: hive-partitioned files that DuckDB, Spark and Trino read.

Layout (one file per batch and partition, named after the batch's document ids, so that coding the
same batch again overwrites its files instead of adding copies)::

    lake/documents/pub_date=2019-04-10/part-<hash>.parquet   # the documents table's columns
    lake/events/pub_date=2019-04-10/part-<hash>.parquet      # the events table's columns
    lake/documents/pub_date=__HIVE_DEFAULT_PARTITION__/...   # no publication date (and rejected items)
    lake/minhash/part-<hash>.parquet, lake/bands/part-<hash>.parquet  # near-duplicate signatures

Every file has exactly the Arrow schema of the DuckDB table of the same name (``pub_date`` included,
so a file is complete on its own). Rows without a publication date go to Hive's standard null
partition, ``__HIVE_DEFAULT_PARTITION__``, which DuckDB, Spark, Trino and pyarrow read as NULL: a
literal ``pub_date=unknown`` would turn the partition column into a string for the whole lake.

Query it in place::

    SELECT event, count(*) FROM read_parquet('lake/events/**/*.parquet', hive_partitioning = true)
    WHERE pub_date >= DATE '2019-01-01' GROUP BY ALL

or merge it into a DuckDB file (idempotent, like Store.write)::

    with Store("events.duckdb") as store:
        load_lake("lake", store)

A batch is written events first and documents last, each file under a temporary name then renamed,
so readers never see half a file and a batch interrupted midway has no document rows (load_lake
ignores events without their document row). Writers of different batches never touch the same file,
so several `sanderling code --lake` processes can fill one lake at once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from sanderling.dedupe import Signature
from sanderling.errors import StoreError
from sanderling.model import Outcome
from sanderling.store.duckdb_store import DOCUMENT_COLUMNS, EVENT_COLUMNS, Store, _signatures_arrow, _to_arrow

DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # Hive's name for a NULL partition value
PARTITIONED = ("documents", "events")
UNPARTITIONED = ("minhash", "bands")
_COMPRESSION = "zstd"


def batch_name(doc_ids: Sequence[str]) -> str:
    """Deterministic file name of a batch: the same documents give the same name on every run."""
    h = hashlib.sha256("\x1f".join(sorted(set(doc_ids))).encode("utf-8", "surrogatepass")).hexdigest()
    return f"part-{h[:24]}.parquet"


class ParquetLake:
    """A directory of hive-partitioned Parquet files with the schemas of the DuckDB store."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def glob(self, table: str) -> str:
        """The glob DuckDB's read_parquet takes for ``table`` (documents, events, minhash, bands)."""
        sub = "**/*.parquet" if table in PARTITIONED else "*.parquet"
        return str(self.path / table / sub)

    def has(self, table: str) -> bool:
        root = self.path / table
        pattern = "*/*.parquet" if table in PARTITIONED else "*.parquet"
        return root.is_dir() and next(root.glob(pattern), None) is not None

    def write(self, outcomes: Sequence[Outcome], coder_version: str,
              signatures: Sequence[Signature] = ()) -> str | None:
        """Write one batch (same arguments as Store.write); returns its file name, None if empty."""
        if not outcomes:
            return None
        try:
            docs, events = _to_arrow(outcomes, coder_version)
            sigs, bands = _signatures_arrow(signatures)
        except StoreError:
            raise
        except Exception as e:
            raise StoreError(f"cannot write to the lake {self.path}: bad outcome data: {e}") from e
        name = batch_name(docs.column("id").to_pylist())
        try:
            self._write_partitioned("events", events, name)
            for table, rows in (("minhash", sigs), ("bands", bands)):
                target = self.path / table / name
                if len(rows):
                    _write_file(rows, target)
                elif target.exists():
                    target.unlink()
            self._write_partitioned("documents", docs, name)  # last: the batch is complete
        except OSError as e:
            raise StoreError(f"cannot write to the lake {self.path}: {e}") from e
        return name

    def _write_partitioned(self, table: str, rows: pa.Table, name: str) -> None:
        root = self.path / table
        written: set[Path] = set()
        if len(rows):
            keys = pc.cast(rows.column("pub_date"), pa.string()).fill_null(DEFAULT_PARTITION)
            for value in pc.unique(keys).to_pylist():
                part = rows.filter(pc.equal(keys, value))
                target = root / f"pub_date={value}" / name
                _write_file(part, target)
                written.add(target)
        # the same batch written before with other dates (or events): remove what this write did not replace
        if root.is_dir():
            for old in root.glob(f"*/{name}"):
                if old not in written:
                    old.unlink()

    def views(self, conn: duckdb.DuckDBPyConnection, prefix: str = "lake_") -> None:
        """Create views ``lake_documents`` and ``lake_events`` on ``conn``: the lake as load_lake sees it
        (each document's latest copy and that copy's events), for querying the lake without loading it."""
        if not self.has("documents"):
            raise StoreError(f"no lake at {self.path}: it has no documents/*/*.parquet files")
        conn.execute(f"CREATE OR REPLACE TEMP VIEW _{prefix}latest AS {_latest_docs_sql(self)}")
        conn.execute(f"CREATE OR REPLACE TEMP VIEW {prefix}documents AS SELECT * EXCLUDE (_batch) FROM _{prefix}latest")
        events = _events_sql(self, f"_{prefix}latest") if self.has("events") else _EMPTY_EVENTS
        conn.execute(f"CREATE OR REPLACE TEMP VIEW {prefix}events AS {events}")


def _write_file(rows: pa.Table, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")  # hidden: readers' globs skip it
    try:
        pq.write_table(rows, tmp, compression=_COMPRESSION)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


# -- reading the lake back -----------------------------------------------------------------


_EMPTY_EVENTS = "SELECT " + ", ".join(f'NULL::{t.split(" NOT NULL")[0].split(" CHECK")[0]} AS "{n}"'
                                      for n, t, _ in EVENT_COLUMNS) + " WHERE false"
_DOC_COLUMNS = ", ".join(f'"{n}"' for n, _, _ in DOCUMENT_COLUMNS)


def _scan(lake: ParquetLake, table: str) -> str:
    # hive_partitioning = false: pub_date comes from the file (a DATE), not from the directory name
    return (f"read_parquet({_quote(lake.glob(table))}, hive_partitioning = false, filename = true, "
            "union_by_name = true)")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _latest_docs_sql(lake: ParquetLake) -> str:
    """One row per document id: the latest coded copy (ties: the last file name), with its batch file."""
    return (f"SELECT * EXCLUDE (filename), parse_filename(filename) AS _batch FROM {_scan(lake, 'documents')} "
            "QUALIFY row_number() OVER (PARTITION BY id ORDER BY coded_at DESC, filename DESC) = 1")


def _events_sql(lake: ParquetLake, docs: str) -> str:
    """The events written with each document's latest copy; an event id twice: the first kept."""
    return (f"SELECT e.* EXCLUDE (filename) FROM {_scan(lake, 'events')} e "
            f"SEMI JOIN {docs} d ON e.doc_id = d.id AND parse_filename(e.filename) = d._batch "
            "QUALIFY row_number() OVER (PARTITION BY e.id ORDER BY e.doc_id, e.filename, e.text_start) = 1")


def load_lake(lake_path: str | os.PathLike[str], store: Store) -> tuple[int, int]:
    """Merge a lake into a DuckDB store in one transaction; returns (documents, events) loaded.

    Same semantics as Store.write: a document's row is replaced and all its events with it. The
    lake's ``coded_at`` is kept, so loading the same lake twice leaves the database unchanged.
    """
    lake = ParquetLake(lake_path)
    if store.read_only:
        raise StoreError(f"database {store.path} was opened read-only; cannot load into it")
    if not lake.has("documents"):
        raise StoreError(f"no lake at {lake.path}: it has no documents/*/*.parquet files")
    conn = store._require()
    staged = ("_batch_docs", "_batch_events", "_batch_sigs", "_batch_bands")
    try:
        _run(conn, "BEGIN")
        try:
            _run(conn, f"CREATE TEMP TABLE _lake_docs AS {_latest_docs_sql(lake)}")
            _run(conn, f"CREATE TEMP TABLE _batch_docs AS SELECT {_DOC_COLUMNS} FROM _lake_docs")
            if lake.has("events"):
                _run(conn, f"CREATE TEMP TABLE _batch_events AS {_events_sql(lake, '_lake_docs')}")
            else:
                _run(conn, f"CREATE TEMP TABLE _batch_events AS {_EMPTY_EVENTS}")
            Store._upsert_documents(conn)
            Store._replace_events(conn)
            if lake.has("minhash"):
                _run(conn, f"CREATE TEMP TABLE _batch_sigs AS SELECT m.doc_id, m.sig, m.text_key "
                           f"FROM {_scan(lake, 'minhash')} m SEMI JOIN _lake_docs d "
                           "ON m.doc_id = d.id AND parse_filename(m.filename) = d._batch")
                _run(conn, f"CREATE TEMP TABLE _batch_bands AS SELECT DISTINCT b.key, b.doc_id "
                           f"FROM {_scan(lake, 'bands')} b SEMI JOIN _lake_docs d "
                           "ON b.doc_id = d.id AND parse_filename(b.filename) = d._batch")
                _run(conn, "DELETE FROM doc_minhash WHERE doc_id IN (SELECT doc_id FROM _batch_sigs)")
                _run(conn, "DELETE FROM doc_bands WHERE doc_id IN (SELECT doc_id FROM _batch_sigs)")
                _run(conn, "INSERT INTO doc_minhash BY NAME SELECT * FROM _batch_sigs")
                _run(conn, "INSERT INTO doc_bands BY NAME SELECT * FROM _batch_bands")
            n_docs = _run(conn, "SELECT count(*) FROM _batch_docs")[0][0]
            n_events = _run(conn, "SELECT count(*) FROM _batch_events")[0][0]
            for name in ("_lake_docs", *staged):
                _run(conn, f"DROP TABLE IF EXISTS {name}")
            _run(conn, "COMMIT")
        except BaseException:
            try:
                _run(conn, "ROLLBACK")
            except duckdb.Error:
                pass
            raise
    except duckdb.Error as e:
        raise StoreError(f"cannot load the lake {lake.path} into {store.path}; nothing was loaded: {e}") from e
    return int(n_docs), int(n_events)


def _run(conn: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    return conn.execute(sql).fetchall()


# -- CLI glue --------------------------------------------------------------------------------


class LakeSink:
    """What the coding loop needs from a store, with outcomes going to a lake.

    ``write`` goes to the lake; ``document_states`` and ``signatures`` (skip unchanged documents, link
    near-duplicates across runs) look in the lake and, when it exists, in the DuckDB file ``db``
    (opened read-only, so a `sanderling load` or another reader can use it meanwhile).
    """

    def __init__(self, lake: str | os.PathLike[str], db: str | None = None, lock_timeout: float = 30.0) -> None:
        self.lake = ParquetLake(lake)
        self.path = str(self.lake.path)
        self.store = Store(db, read_only=True, lock_timeout=lock_timeout) if db and os.path.exists(db) else None
        self._state = duckdb.connect(":memory:")
        self._state.execute("CREATE TABLE docs (id VARCHAR, text_hash VARCHAR, status VARCHAR, coder_version VARCHAR)")
        self._state.execute("CREATE TABLE sigs (doc_id VARCHAR, sig BLOB, text_key VARCHAR)")
        self._state.execute("CREATE TABLE bands (key BIGINT, doc_id VARCHAR)")
        if self.lake.has("documents"):  # one columnar scan at start; lookups are then in memory
            self._state.execute(f"CREATE OR REPLACE TEMP VIEW _latest AS {_latest_docs_sql(self.lake)}")
            self._state.execute("INSERT INTO docs SELECT id, text_hash, status, coder_version FROM _latest")
            if self.lake.has("minhash"):
                self._state.execute(f"INSERT INTO sigs SELECT m.doc_id, m.sig, m.text_key FROM "
                                    f"{_scan(self.lake, 'minhash')} m SEMI JOIN _latest d "
                                    "ON m.doc_id = d.id AND parse_filename(m.filename) = d._batch")
                self._state.execute(f"INSERT INTO bands SELECT DISTINCT b.key, b.doc_id FROM "
                                    f"{_scan(self.lake, 'bands')} b SEMI JOIN sigs s ON b.doc_id = s.doc_id")

    def document_states(self, ids: Sequence[str]) -> dict[str, tuple[str | None, str, str | None]]:
        out = self.store.document_states(ids) if self.store is not None else {}
        if ids:
            rows = self._probe("SELECT d.id, d.text_hash, d.status, d.coder_version FROM docs d "
                               "SEMI JOIN _probe p ON d.id = p.id", "id", pa.array(list(ids), type=pa.string()))
            out.update({r[0]: (r[1], r[2], r[3]) for r in rows})
        return out

    def signatures(self, keys: Sequence[int]) -> list[Signature]:
        import numpy as np

        found = {s.doc_id: s for s in (self.store.signatures(keys) if self.store is not None else [])}
        if keys:
            rows = self._probe("SELECT s.doc_id, s.sig, s.text_key FROM sigs s WHERE s.doc_id IN "
                               "(SELECT b.doc_id FROM bands b SEMI JOIN _probe p ON b.key = p.key)",
                               "key", pa.array(list(keys), type=pa.int64()))
            for r in rows:
                found[r[0]] = Signature(r[0], np.frombuffer(r[1], dtype=np.uint64), r[2])
        return list(found.values())

    def _probe(self, sql: str, column: str, values: pa.Array) -> list[tuple[Any, ...]]:
        self._state.register("_probe", pa.table({column: values}))
        try:
            return self._state.execute(sql).fetchall()
        finally:
            self._state.unregister("_probe")

    def write(self, outcomes: Sequence[Outcome], coder_version: str, signatures: Sequence[Signature] = ()) -> None:
        self.lake.write(outcomes, coder_version, signatures)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
        self._state.close()

    def __enter__(self) -> LakeSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_sink(db: str, lake: str | None = None, lock_timeout: float = 30.0) -> Store | LakeSink:
    """The store `sanderling code` writes to: the DuckDB file, or with ``--lake DIR`` the lake."""
    if lake is None:
        return Store(db, lock_timeout=lock_timeout)
    return LakeSink(lake, db, lock_timeout)


def load_command(lake: str, db: str, lock_timeout: float = 30.0) -> tuple[int, int, dict[str, int]]:
    """`sanderling load LAKE --db FILE`: (documents, events) loaded and the database's counts after."""
    with Store(db, lock_timeout=lock_timeout) as store:
        n_docs, n_events = load_lake(lake, store)
        return n_docs, n_events, store.counts()
