"""Fit the classifier's PLOVER mode heads (``src/sanderling/events/data/mode-head.npz``).

For each event type that has modes, a softmax over its modes plus "" (no mode fits) on the shipped encoder's
sentence embeddings, fitted on ``training/sentences`` of that type (numpy, ``sanderling.events.train``). The 10 %
validation share (by text hash, as in scripts/finetune_classifier.py) is left out and scored; then the head is
refitted on all sentences. The pipeline uses it to fill the mode of events whose trigger gave none.

    python scripts/build_mode_head.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "sanderling" / "events" / "data" / "mode-head.npz"


def main() -> None:
    from sanderling.events.classifier import SentenceClassifier
    from sanderling.events.train import fit_softmax, held_out
    from sanderling.ontology import ONTOLOGY

    rows, seen = [], set()
    for path in sorted((ROOT / "training" / "sentences").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            text = " ".join(str(r["text"]).split())
            etype = r.get("event")
            if not etype or text in seen or not ONTOLOGY.types[etype].modes:
                continue
            seen.add(text)
            mode = r.get("mode") or ""
            if mode and mode not in ONTOLOGY.types[etype].modes:
                continue
            rows.append((text, etype, mode, held_out(text, 0.1)))
    clf = SentenceClassifier.default()
    X = clf.embed([t for t, _, _, _ in rows]).astype(np.float64)
    arrays: dict[str, np.ndarray] = {}
    report = {}
    for etype in sorted({e for _, e, _, _ in rows}):
        idx = [i for i, r in enumerate(rows) if r[1] == etype]
        modes = sorted({rows[i][2] for i in idx})
        y = np.array([modes.index(rows[i][2]) for i in idx])
        held = np.array([rows[i][3] for i in idx])
        Xt = X[idx]
        if held.any() and (~held).any():
            W, b = fit_softmax(Xt[~held], y[~held], len(modes), l2=1e-2)
            acc = float(((Xt[held] @ W.T + b).argmax(1) == y[held]).mean())
            report[etype] = {"n": len(idx), "held_out": int(held.sum()), "held_out_accuracy": round(acc, 3)}
        W, b = fit_softmax(Xt, y, len(modes), l2=1e-2)
        arrays[f"{etype}_W"], arrays[f"{etype}_b"] = W, b
        arrays[f"{etype}_modes"] = np.array(modes)
    np.savez(OUT, **arrays)
    held_total = sum(v["held_out"] for v in report.values())
    overall = sum(v["held_out_accuracy"] * v["held_out"] for v in report.values()) / max(1, held_total)
    print(json.dumps({"per_type": report, "held_out_mode_accuracy": round(overall, 3)}, indent=1))
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
