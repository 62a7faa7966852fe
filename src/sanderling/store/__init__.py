"""Persistence of coded outcomes in DuckDB (or PostgreSQL). See docs/store.md."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from sanderling.store import duckdb_store
from sanderling.store.duckdb_store import SCHEMA_VERSION, Store

if TYPE_CHECKING:
    from sanderling.store.postgres_store import PostgresStore

__all__ = ["SCHEMA_VERSION", "Store", "display_db", "is_postgres_url", "open_store"]

_PG_URL = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)


def is_postgres_url(db: object) -> bool:
    """Is ``db`` a ``postgresql://`` or ``postgres://`` URL (rather than a DuckDB file path)?"""
    return isinstance(db, str) and bool(_PG_URL.match(db))


def open_store(db: str | os.PathLike[str], *, read_only: bool = False,
               lock_timeout: float = 30.0) -> Store | PostgresStore:
    """A :class:`PostgresStore` for ``postgresql://`` / ``postgres://`` URLs, else a DuckDB :class:`Store`.

    Both have the same methods and return types; psycopg is imported only for URLs.
    """
    if is_postgres_url(db):
        from sanderling.store.postgres_store import PostgresStore

        return PostgresStore(str(db), read_only=read_only, lock_timeout=lock_timeout)
    return duckdb_store.Store(db, read_only=read_only, lock_timeout=lock_timeout)


def display_db(db: str | os.PathLike[str]) -> str:
    """``db`` as it may be shown to users: PostgreSQL URLs without their password."""
    if is_postgres_url(db):
        from sanderling.store.postgres_store import redact_dsn

        return redact_dsn(str(db))
    return os.fspath(db)
