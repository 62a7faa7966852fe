"""Persistence of coded outcomes in DuckDB. See docs/store.md."""

from sanderling.store.duckdb_store import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
