"""Response helpers of the REST API: rows as JSON (dates as ISO strings) and nested columns flattened for CSV.

    return _json({"items": _rows(table)})   # compact UTF-8 JSON; NaN is refused
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pyarrow as pa
from fastapi.responses import JSONResponse


def _rows(table: pa.Table) -> list[dict[str, Any]]:
    return table.to_pylist()


def _json_default(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return str(v)


class _JSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, default=_json_default,
                          separators=(",", ":")).encode("utf-8")


def _json(content: Any, status: int = 200) -> JSONResponse:
    return _JSONResponse(content, status_code=status)


def _flatten(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Nested columns (actor lists, event_loc) become JSON strings for CSV."""
    cols, names = [], []
    for name, col in zip(batch.schema.names, batch.columns, strict=True):
        if pa.types.is_nested(col.type):
            col = pa.array([None if v is None else json.dumps(v, default=_json_default) for v in col.to_pylist()],
                           pa.string())
        cols.append(col)
        names.append(name)
    return pa.RecordBatch.from_arrays(cols, names=names)
