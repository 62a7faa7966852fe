"""The tables of a sanderling database, defined once.

Each column is (name, SQL type, Arrow type): the DuckDB DDL, the schema migrations and the
Arrow schemas of the batches written are all derived from the column lists here, so the
SQL and Arrow types never drift apart. Re-exported by :mod:`sanderling.store.duckdb_store`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pyarrow as pa

from sanderling.model import Event

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
