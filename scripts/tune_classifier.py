"""Choose how the learned classifier combines with the lexicon (``sanderling.pipeline.CLASSIFIER``).

Coordinate search over the thresholds, scoring event accuracy on tuning files only: ``devset/dev.jsonl`` and the
held-out validation share of ``training/sentences`` (the same 10 % by text hash that
``scripts/finetune_classifier.py`` kept out of training). ``devset/test.jsonl`` is never read.
Parses and classifier outputs are cached, so each setting costs only the rule logic.

    python scripts/tune_classifier.py            # prints the best setting; paste it into events/mix.py
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GRID = {
    "skip_none": (0.95, 0.98, 0.99, 0.995),
    "drop_none": (0.5, 0.6, 0.7, 0.8, 0.9, 0.95),
    "drop_type": (0.02, 0.05, 0.1, 0.2, 0.3),
    "retype": (0.4, 0.5, 0.6, 0.7, 0.8, 0.9),
    "keep_type": (0.05, 0.1, 0.2, 0.3),
    "mix": (0.0, 0.25, 0.5, 0.75, 0.9),
    "fallback": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
    "fallback_weight": (0.3, 0.5, 0.7),
}


def validation_gold(folder: Path, share: float, dest: Path) -> Path:
    from sanderling.events.train import held_out

    rows, seen = [], set()
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            t = " ".join(str(r["text"]).split())
            if t in seen:
                continue
            seen.add(t)
            if held_out(t, share):
                rows.append({"id": f"val-{len(rows):04d}", "text": t, "event": r.get("event"), "source": [],
                             "target": []})
    dest.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return dest


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--val-share", type=float, default=0.1)
    args = ap.parse_args(argv)

    import sanderling.pipeline as pl
    from sanderling.evaluate import evaluate
    from sanderling.events.classifier import SentenceClassifier

    clf = SentenceClassifier.default()
    memo: dict[str, object] = {}
    raw_proba = clf.predict_proba

    def cached_proba(texts):  # type: ignore[no-untyped-def]
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            for t, row in zip(missing, raw_proba(missing), strict=True):
                memo[t] = row
        return np.vstack([memo[t] for t in texts]) if texts else raw_proba([])

    clf.predict_proba = cached_proba  # type: ignore[method-assign]
    nlp, annotate = pl.fast_parser()
    parsed: dict[str, object] = {}

    class CachedNlp:
        def pipe(self, texts, batch_size=256):  # type: ignore[no-untyped-def]
            texts = list(texts)
            missing = [t for t in dict.fromkeys(texts) if t not in parsed]
            for t, doc in zip(missing, nlp.pipe(missing, batch_size=batch_size), strict=True):
                parsed[t] = doc
            return (parsed[t] for t in texts)

    pl.fast_parser = lambda: (CachedNlp(), annotate)  # type: ignore[assignment]
    tmp = Path(tempfile.mkdtemp())
    files = [ROOT / "devset" / "dev.jsonl",
             validation_gold(ROOT / "training" / "sentences", args.val_share, tmp / "validation.jsonl")]
    pipe = pl.Pipeline()

    def score() -> tuple[float, list[float]]:
        accs = [evaluate(f, pipe)[0]["event_accuracy"] for f in files]
        return sum(accs) / len(accs), accs

    best = dict(pl.CLASSIFIER)
    best_score, parts = score()
    print(f"start {best_score:.4f} {parts} {best}", flush=True)
    for rnd in range(args.rounds):
        for key, values in GRID.items():
            for v in values:
                if v == best[key]:
                    continue
                pl.CLASSIFIER.update(best, **{key: v})
                s, parts = score()
                if s > best_score + 1e-9:
                    best_score, best = s, dict(pl.CLASSIFIER)
                    print(f"round {rnd + 1}: {key}={v} -> {s:.4f} {parts}", flush=True)
            pl.CLASSIFIER.update(best)
    print(json.dumps({"score": round(best_score, 4), "setting": best}, indent=1))
    no_clf = pl.Pipeline(pl.Settings(classifier=False))
    print("lexicon only:", [evaluate(f, no_clf)[0]["event_accuracy"] for f in files], file=sys.stderr)


if __name__ == "__main__":
    main()
