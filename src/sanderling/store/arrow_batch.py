"""Convert outcomes and MinHash signatures into the Arrow batches the store writes.

Pure functions with no database access: :func:`_to_arrow` builds the documents and events
tables, :func:`_signatures_arrow` the ``doc_minhash`` / ``doc_bands`` rows. Both the DuckDB
and the PostgreSQL store (and the Parquet lake) write exactly these batches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

import numpy as np
import pyarrow as pa

from sanderling.dedupe import Signature
from sanderling.errors import StoreError
from sanderling.model import Event, Location, Outcome
from sanderling.store.schema import (
    _DOC_ARROW,
    _ENTITY_ARROW,
    _EVENT_ARROW,
    _EVENT_COLUMN_NAMES,
    DOCUMENT_COLUMNS,
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# ---------------------------------------------------------------------------------------
# Outcomes -> Arrow: one Python list per column, then pa.table with an explicit schema.
# ---------------------------------------------------------------------------------------


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
