"""``sanderling train``: rebuild the classifier's softmax head on labelled sentences, without torch.

The shipped encoder (a fine-tuned all-MiniLM-L6-v2, ``scripts/finetune_classifier.py``) stays as it is; only the
linear head on its sentence embeddings is refitted, so users can add their own labelled sentences (new phrasings,
a new region's local press) in minutes on a laptop. Input: JSON Lines files or folders of them, one
``{"text": ..., "event": "ASSAULT" | null}`` per line (the gold format of ``sanderling eval`` works as is).
Output: a folder with ``classifier.json`` and ``event-head.npz`` that ``sanderling code --classifier DIR`` uses.

Example::

    result = train_head(["training/sentences", "my_sentences.jsonl"], "my-classifier")
    result["validation"]["accuracy"]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sanderling.events.classifier import META_FILE, SentenceClassifier

HEAD_FILE = "event-head.npz"


class TrainingDataError(ValueError):
    """Labelled sentences are missing or unusable; the message says which file and line."""


def read_labelled(paths: Sequence[str | Path], labels: Sequence[str]) -> list[tuple[str, str]]:
    """(text, label) pairs from JSONL files or folders (``*.jsonl``, sorted); duplicates dropped."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.glob("*.jsonl")))
        elif p.is_file():
            files.append(p)
        else:
            raise TrainingDataError(f"{p}: no such file or folder")
    known = set(labels)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for f in files:
        try:
            lines = f.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise TrainingDataError(f"{f}: cannot read it as UTF-8 text ({type(exc).__name__})") from exc
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = " ".join(str(row["text"]).split())
                label = row.get("event") or "none"
            except (ValueError, KeyError, TypeError) as exc:
                raise TrainingDataError(f"{f}:{n}: not a JSON object with 'text' and 'event' ({exc})") from exc
            if label not in known:
                raise TrainingDataError(f"{f}:{n}: unknown event {label!r} (use a PLOVER type or null)")
            if text and text not in seen:
                seen.add(text)
                out.append((text, label))
    if not out:
        raise TrainingDataError("no labelled sentences found in " + ", ".join(map(str, paths)))
    return out


def fit_softmax(X: np.ndarray, y: np.ndarray, k: int, l2: float = 1e-3, epochs: int = 400,
                lr: float = 0.05, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression (class-balanced, L2) by full-batch Adam; returns W [k, d], b [k]."""
    n, d = X.shape
    rng = np.random.default_rng(seed)
    W = rng.normal(0, 0.01, (k, d)).astype(np.float64)
    b = np.zeros(k)
    counts = np.bincount(y, minlength=k).astype(np.float64)
    sample_w = (n / (k * np.maximum(counts, 1)))[y]
    sample_w /= sample_w.sum()
    onehot = np.eye(k)[y]
    m = [np.zeros_like(W), np.zeros_like(b)]
    v = [np.zeros_like(W), np.zeros_like(b)]
    for t in range(1, epochs + 1):
        z = X @ W.T + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_w[:, None]
        grads = [g.T @ X + l2 * W, g.sum(axis=0)]
        for i, (param, grad) in enumerate(zip((W, b), grads, strict=True)):
            m[i] = 0.9 * m[i] + 0.1 * grad
            v[i] = 0.999 * v[i] + 0.001 * grad * grad
            step = lr * (m[i] / (1 - 0.9**t)) / (np.sqrt(v[i] / (1 - 0.999**t)) + 1e-8)
            param -= step
    return W.astype(np.float32), b.astype(np.float32)


def held_out(text: str, share: float) -> bool:
    """The fixed validation split of the training sentences: SHA-256 of the text, as a fraction, below ``share``."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF < share


def _scores(y: np.ndarray, pred: np.ndarray, k: int) -> dict[str, float]:
    f1s = []
    for c in range(k):
        tp, fp = int(((pred == c) & (y == c)).sum()), int(((pred == c) & (y != c)).sum())
        fn = int(((pred != c) & (y == c)).sum())
        if tp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return {"n": int(len(y)), "accuracy": round(float((pred == y).mean()), 4) if len(y) else 0.0,
            "macro_f1": round(float(np.mean(f1s)), 4) if f1s else 0.0}


def train_head(paths: Sequence[str | Path], out_dir: str | Path, *, validation_share: float = 0.1,
               l2: float = 1e-3, base: SentenceClassifier | None = None) -> dict[str, Any]:
    """Fit a new head on the shipped encoder's embeddings and write it to ``out_dir``; returns the metadata.

    A fixed share of the sentences (by text hash) is held out and scored first; the written head is then fitted
    on all sentences.
    """
    clf = base or SentenceClassifier.default()
    labels = list(clf.labels)
    rows = read_labelled(paths, labels)
    X = clf.embed([t for t, _ in rows]).astype(np.float64)
    y = np.array([labels.index(lab) for _, lab in rows])
    hold = np.array([held_out(t, validation_share) for t, _ in rows], dtype=bool)
    validation: dict[str, float] = {}
    if 0 < hold.sum() < len(rows):
        W, b = fit_softmax(X[~hold], y[~hold], len(labels), l2=l2)
        validation = _scores(y[hold], (X[hold] @ W.T + b).argmax(1), len(labels))
    W, b = fit_softmax(X, y, len(labels), l2=l2)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / HEAD_FILE, W=W, b=b, labels=np.array(labels))
    src_meta = clf.meta
    meta = {
        "version": f"head-{dt.date.today().isoformat()}-{hashlib.sha256(W.tobytes()).hexdigest()[:8]}",
        "labels": labels,
        # the encoder is the installed one; absolute paths keep the head folder small
        "encoder": {**src_meta["encoder"], "onnx": str(clf.base / src_meta["encoder"]["onnx"]),
                    "tokenizer": str(clf.base / src_meta["encoder"]["tokenizer"])},
        "head": {"file": HEAD_FILE, "kind": "linear-softmax", "fitted_by": "sanderling train", "l2": l2},
        "training": {"sentences": len(rows), "files": [str(p) for p in paths],
                     "per_label": {lab: int((y == i).sum()) for i, lab in enumerate(labels)}},
        "validation": validation,
        "base_version": clf.version,
    }
    (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
    return meta
