"""The state behind one app: the database connection, the write lock and the lazily loaded coder.

    server = Server("events.duckdb", token=None)   # read-only; each request reads through server.cursor()
"""

from __future__ import annotations

import re
import threading
from typing import Any

import duckdb

from sanderling.analysis.canonical import connection
from sanderling.errors import StoreError
from sanderling.store import Store


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
