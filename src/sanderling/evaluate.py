"""Score the coder on a gold file a user brings (format in docs/evaluation.md).

For each gold record the predicted event with the highest confidence in its text is
compared with the gold event (``null`` = no event). Only events the text reports as
having happened count as predictions (negated, hypothetical and future ones do not).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sanderling.errors import InputError
from sanderling.model import Event
from sanderling.ontology import EVENT_TYPES
from sanderling.pipeline import Pipeline


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


def _codes(items: Any) -> frozenset[str]:
    return frozenset(str(x.get("code") or "") for x in (items or []) if isinstance(x, dict)) - {""}


def _actors(items: Any) -> frozenset[tuple[str, str]]:
    """(code, sector) pairs: "Kenyan police" is KEN/COP, not just KEN."""
    return frozenset((str(x.get("code") or ""), str(x.get("sector") or "")) for x in (items or [])
                     if isinstance(x, dict) and x.get("code"))


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read a gold JSONL file; a bad line raises InputError naming the line."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                ev = r.get("event") or None
                if ev is not None and ev not in EVENT_TYPES:
                    raise ValueError(f"unknown event type {ev!r}")
                out.append(GoldRecord(
                    id=str(r.get("id", n)), text=r["text"], event=ev, mode=r.get("mode") or "",
                    source=_codes(r.get("source", r.get("actor"))),
                    target=_codes(r.get("target", r.get("recipient"))),
                    source_actors=_actors(r.get("source", r.get("actor"))),
                    target_actors=_actors(r.get("target", r.get("recipient"))),
                    date=str(r["date"])[:10] if r.get("date") else None,
                ))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise InputError(f"{path}:{n}: not a gold record ({exc}); see docs/evaluation.md") from exc
    return out


def top_event(events: Iterable[Event]) -> Event | None:
    happened = [e for e in events if e.happened]
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
        predicted.extend(top_event(evs) for evs in pipe.code_documents(docs[i:i + 256]))
    rows = [{"id": g.id, "text": g.text, "gold": g.event, "pred": p.event if p else None,
             "gold_mode": g.mode, "pred_mode": p.mode if p else None,
             "gold_source": sorted(g.source), "pred_source": sorted({e.code for e in p.actor}) if p else [],
             "gold_target": sorted(g.target), "pred_target": sorted({e.code for e in p.recipient}) if p else [],
             "trigger": p.event_text if p else None}
            for g, p in zip(gold, predicted, strict=True)]
    return score(gold, predicted), rows
