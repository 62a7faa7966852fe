"""Score the coder on a gold file a user brings (format in docs/evaluation.md).

For each gold record the predicted event with the highest confidence in its text is
compared with the gold event (``null`` = no event). Only events the text reports as
having happened count as predictions (negated, hypothetical and future ones do not), and not
background history ("kidnapped by Islamic State in 2014", "last year", a past perfect outside reported speech).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sanderling.errors import InputError
from sanderling.model import Event
from sanderling.ontology import EVENT_TYPES
from sanderling.pipeline import Pipeline

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    event: str | None
    mode: str
    source: frozenset[str]
    target: frozenset[str]
    source_actors: frozenset[tuple[str, str]] = frozenset()
    target_actors: frozenset[tuple[str, str]] = frozenset()
    date: str | None = None  # publication date: offices of named people depend on it


def _entities(items: Any) -> list[dict[str, str]]:
    """Gold entities as dicts: a list of ``{"code", "sector", …}``, one such dict, or bare codes ("USA",
    ["USA", "KOR"], "USA;KOR") as other coders' gold files write them."""
    if items is None or items == "":
        return []
    if isinstance(items, (str, dict)):
        items = [items]
    out = []
    for x in items if isinstance(items, (list, tuple)) else []:
        if isinstance(x, dict):
            code = x.get("code") or x.get("country") or ""
            out.append({"code": str(code).strip().upper(), "sector": str(x.get("sector") or "").strip().upper()})
        elif isinstance(x, str):
            out += [{"code": c.strip().upper(), "sector": ""} for c in x.replace(";", ",").split(",") if c.strip()]
    return out


def _codes(items: Any) -> frozenset[str]:
    return frozenset(x["code"] for x in _entities(items)) - {""}


def _actors(items: Any) -> frozenset[tuple[str, str]]:
    """(code, sector) pairs: "Kenyan police" is KEN/COP, not just KEN."""
    return frozenset((x["code"], x["sector"]) for x in _entities(items) if x["code"])


_NO_EVENT = {"", "NONE", "NULL", "NO_EVENT", "NO-EVENT", "NOEVENT", "NO EVENT", "O", "NAN"}


def _event(r: dict[str, Any]) -> str | None:
    """The gold type: ``event`` (or ``event_type``/``type``/``label``), any case; null/"none"/"no_event" = none."""
    for key in ("event", "event_type", "type", "label"):
        if key in r:
            ev = r[key]
            break
    else:
        return None
    if ev is None or ev is False:
        return None
    ev = str(ev).strip().upper()
    if ev in _NO_EVENT:
        return None
    if ev not in EVENT_TYPES:
        raise ValueError(f"unknown event type {ev!r} (one of the 16 PLOVER types or null)")
    return ev


_DATES = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), (1, 2, 3)),
    (re.compile(r"(\d{4})(\d{2})(\d{2})\b"), (1, 2, 3)),
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), (1, 2, 3)),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), (3, 1, 2)),  # US style, as PLOVER's story dates
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), (3, 2, 1)),
)


def _iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from the common ways gold files write dates (unreadable dates are dropped, not fatal)."""
    s = str(value).strip()
    for rx, (y, m, d) in _DATES:
        hit = rx.match(s)
        if hit and 1 <= int(hit.group(m)) <= 12 and 1 <= int(hit.group(d)) <= 31:
            return f"{hit.group(y)}-{int(hit.group(m)):02d}-{int(hit.group(d)):02d}"
    return None


def _first(r: dict[str, Any], *keys: str) -> Any:
    return next((r[k] for k in keys if r.get(k) is not None), None)


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read a gold JSONL file; a bad line raises InputError naming the line."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                if not isinstance(r, dict):
                    raise ValueError("a line must hold one JSON object")
                text = _first(r, "text", "sentence", "story", "body", "content")
                if not isinstance(text, str):
                    raise KeyError("text")
                src = _first(r, "source", "actor", "source_actor")
                tgt = _first(r, "target", "recipient", "target_actor")
                date = _first(r, "date", "pub_date", "publication_date", "story_date")
                out.append(GoldRecord(
                    id=str(_first(r, "id", "doc_id", "sentence_id") or n), text=text, event=_event(r),
                    mode=str(r.get("mode") or "").strip().lower(),
                    source=_codes(src), target=_codes(tgt), source_actors=_actors(src), target_actors=_actors(tgt),
                    date=_iso_date(date) if date else None,
                ))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise InputError(f"{path}:{n}: not a gold record ({exc}); see docs/evaluation.md") from exc
    return out


def top_event(events: Iterable[Event]) -> Event | None:
    """The text's main event: the most confident one that happened and is not background history."""
    happened = [e for e in events if e.happened and not e.historical]
    return max(happened, key=lambda e: e.confidence, default=None)


def score(gold: Sequence[GoldRecord], predicted: Sequence[Event | None]) -> dict[str, Any]:
    n = len(gold)
    pred_types = [p.event if p else None for p in predicted]
    correct = sum(g.event == p for g, p in zip(gold, pred_types, strict=True))
    per_type: dict[str, dict[str, float]] = {}
    for t in [t for t in EVENT_TYPES if any(g.event == t for g in gold)]:
        tp = sum(g.event == t and p == t for g, p in zip(gold, pred_types, strict=True))
        fp = sum(g.event != t and p == t for g, p in zip(gold, pred_types, strict=True))
        fn = sum(g.event == t and p != t for g, p in zip(gold, pred_types, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_type[t] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                       "n": tp + fn}
    with_event = [p for g, p in zip(gold, pred_types, strict=True) if g.event]
    without = [p for g, p in zip(gold, pred_types, strict=True) if not g.event]

    def code_acc(attr: str) -> tuple[float | None, int]:
        pairs = [(getattr(g, attr), p) for g, p in zip(gold, predicted, strict=True) if getattr(g, attr)]
        if not pairs:
            return None, 0
        role = "actor" if attr == "source" else "recipient"
        hits = sum(p is not None and frozenset(e.code for e in getattr(p, role) if e.code) == codes
                   for codes, p in pairs)
        return round(hits / len(pairs), 4), len(pairs)

    def actor_acc(attr: str) -> float | None:
        pairs = [(getattr(g, attr), p) for g, p in zip(gold, predicted, strict=True) if getattr(g, attr)]
        if not pairs:
            return None
        role = "actor" if attr == "source_actors" else "recipient"
        hits = sum(p is not None and frozenset((e.code, e.sector) for e in getattr(p, role) if e.code) == want
                   for want, p in pairs)
        return round(hits / len(pairs), 4)

    src, n_src = code_acc("source")
    tgt, n_tgt = code_acc("target")
    mode_pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if g.event and g.mode and p
                  and p.event == g.event]
    return {
        "n": n,
        "event_accuracy": round(correct / n, 4) if n else None,
        "event_macro_f1": round(sum(v["f1"] for v in per_type.values()) / len(per_type), 4) if per_type else None,
        "per_type": per_type,
        "miss_rate": round(sum(p is None for p in with_event) / len(with_event), 4) if with_event else None,
        "false_event_rate": round(sum(p is not None for p in without) / len(without), 4) if without else None,
        "source_code_accuracy": src, "source_n": n_src,
        "target_code_accuracy": tgt, "target_n": n_tgt,
        "source_actor_accuracy": actor_acc("source_actors"), "target_actor_accuracy": actor_acc("target_actors"),
        "mode_accuracy_when_type_correct": round(sum(g.mode == p.mode for g, p in mode_pairs) / len(mode_pairs), 4)
        if mode_pairs else None,
    }


def _code_robustly(pipe: Pipeline, docs: list[Any]) -> list[list[Event]]:
    """Events per document; a record that breaks the coder counts as "nothing predicted" (and is logged)
    instead of ending the evaluation."""
    try:
        return pipe.code_documents(docs)
    except Exception:  # noqa: BLE001 - retried one by one below
        out: list[list[Event]] = []
        for d in docs:
            try:
                out.append(pipe.code_documents([d])[0])
            except Exception as exc:  # noqa: BLE001 - reported, scored as no prediction
                log.warning("gold record %s could not be coded: %s: %s", d.id, type(exc).__name__, exc)
                out.append([])
        return out


def evaluate(path: str | Path, pipeline: Pipeline | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Metrics and per-record predictions (for error analysis)."""
    from sanderling.extract import clean_text
    from sanderling.model import Document

    gold = load_gold(path)
    pipe = pipeline or Pipeline()
    # the same cleaning as `sanderling code` applies to its inputs (boilerplate lines, injected spam)
    docs = [Document(id=g.id, text=clean_text(g.text)[0] or g.text, pub_date=g.date) for g in gold]
    predicted: list[Event | None] = []
    for i in range(0, len(docs), 256):
        predicted.extend(top_event(evs) for evs in _code_robustly(pipe, docs[i:i + 256]))
    rows = [{"id": g.id, "text": g.text, "gold": g.event, "pred": p.event if p else None,
             "gold_mode": g.mode, "pred_mode": p.mode if p else None,
             "gold_source": sorted(g.source), "pred_source": sorted({e.code for e in p.actor}) if p else [],
             "gold_target": sorted(g.target), "pred_target": sorted({e.code for e in p.recipient}) if p else [],
             "trigger": p.event_text if p else None}
            for g, p in zip(gold, predicted, strict=True)]
    return score(gold, predicted), rows
