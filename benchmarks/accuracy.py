"""Event-type accuracy side by side: Sanderling vs the NGEC recipe baseline, on hand-labelled sentences.

Issue "Baseline side by side". In one run, for each gold file (default: the frozen ``devset/test.jsonl``):

(a) **Sanderling**: ``Pipeline.code_documents`` on the record texts; the top *happened* event per record is
    the prediction, exactly as ``sanderling eval`` (src/sanderling/evaluate.py) does. Reported twice: as shipped
    (lexicon + parse + the fine-tuned classifier) and with ``Settings(classifier=False)`` (lexicon + parse).
(b) **NGEC recipe baseline** (ahalterman/NGEC ``setup/train_classifiers/fit_event_classifier.py``, with the
    MiniLM encoder instead of paraphrase-mpnet-base-v2): sentence embeddings (all-MiniLM-L6-v2, int8 ONNX, mean
    pooling over the attention mask + L2 norm, 128 word pieces) of each synthetic NGEC story (title + text,
    truncated at 128 word pieces), one binary ``LogisticRegression(class_weight="balanced")`` per event type
    (one-vs-rest, scikit-learn defaults otherwise, as in NGEC). A test sentence gets the type whose binary
    probability is highest; it has no "no event" class, so it **abstains** (predicts no event) when that
    probability is below a threshold chosen on ``devset/dev.jsonl`` (the threshold maximising dev accuracy;
    the smallest such threshold on a 0.01 grid).

Both are scored with the same definitions as ``sanderling eval``: accuracy over all records (a gold ``null``
is right only when nothing is predicted), macro-F1 over the types present in the gold file, per-type F1.
Speed: sentences/s of ``code_documents`` on the gold texts (Sanderling, one process) and of embedding + head
(baseline, onnxruntime with 2 threads), models loaded and warmed up first, median of ``--repeat`` runs.

    /work/venv/bin/python benchmarks/accuracy.py                                   # frozen test set
    /work/venv/bin/python benchmarks/accuracy.py --gold devset/dev.jsonl --gold devset/test.jsonl

scikit-learn is needed here only (benchmark dependency, not a runtime one): ``pip install scikit-learn``.
Encoder files come from ``--model-dir`` (built by ``scripts/build_classifier.py``, see docs/classifier.md);
the event head shipped there is *not* used: the baseline trains its own head. Results: docs/accuracy.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MODEL_DIR = Path("/tmp/clf_keep")
DEFAULT_TRAIN = ROOT.parent / "shared" / "data" / "ngec_synthetic_events.jsonl"
ONNX_NAME = "minilm-l6-int8.onnx"
TOKENIZER_NAME = "minilm-tokenizer.json"
MAX_TOKENS = 128
BATCH = 64
BUILD_HINT = (
    "build the encoder first (torch goes into a separate venv, never the project one; see docs/classifier.md):\n"
    "    python3 -m venv /tmp/exportenv && /tmp/exportenv/bin/pip install torch==2.13.0\n"
    "    /tmp/exportenv/bin/pip install transformers onnx onnxruntime tokenizers scikit-learn numpy\n"
    "    /tmp/exportenv/bin/python scripts/build_classifier.py --data /work/shared/data/ngec_synthetic_events.jsonl "
    "--work-dir /tmp/sanderling-clf --out-dir /tmp/clf_keep\n"
    "then pass --model-dir DIR (the directory holding minilm-l6-int8.onnx and minilm-tokenizer.json)"
)


# --------------------------------------------------------------------------- encoder (same recipe as the runtime)


class Encoder:
    """all-MiniLM-L6-v2 (int8 ONNX): mean pooling over the attention mask, L2 norm, 128 word pieces."""

    def __init__(self, model_dir: Path, threads: int = 2):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(model_dir / TOKENIZER_NAME))
        pad = self.tok.token_to_id("[PAD]")
        self.tok.enable_truncation(MAX_TOKENS)
        self.tok.enable_padding(pad_id=0 if pad is None else pad, pad_token="[PAD]")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        opts.add_session_config_entry("session.disable_quant_qdq", "1")  # fold the int8 weights to fp32 at load
        self.sess = ort.InferenceSession(str(model_dir / ONNX_NAME), opts, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.sess.get_inputs()}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        from sanderling.events.classifier import mean_pooled

        return mean_pooled(self.sess, self.tok, self.inputs, texts, BATCH)


# --------------------------------------------------------------------------- baseline


class Baseline:
    """One-vs-rest logistic regression on story embeddings; abstains below ``threshold``."""

    def __init__(self, encoder: Encoder, labels: Sequence[str], models: Sequence[Any], threshold: float = 0.0):
        self.encoder = encoder
        self.labels = tuple(labels)
        self.W = np.stack([m.coef_[0] for m in models]).astype(np.float32)  # [16, 384]
        self.b = np.array([m.intercept_[0] for m in models], dtype=np.float32)
        self.threshold = threshold

    def proba(self, X: np.ndarray) -> np.ndarray:
        """Per-type binary probabilities [n, 16] (not normalised across types, as in NGEC)."""
        return 1.0 / (1.0 + np.exp(-(X @ self.W.T + self.b)))

    def decide(self, P: np.ndarray, threshold: float | None = None) -> list[str | None]:
        th = self.threshold if threshold is None else threshold
        best = P.argmax(axis=1)
        return [self.labels[j] if P[i, j] >= th else None for i, j in enumerate(best)]

    def predict(self, texts: Sequence[str]) -> list[str | None]:
        return self.decide(self.proba(self.encoder.embed(texts)))


def training_texts(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                title, body = (row.get("title") or "").strip(), (row.get("text") or "").strip()
                texts.append(f"{title}\n{body}" if title else body)  # the tokenizer cuts at 128 word pieces
                labels.append(row["event"])
    return texts, labels


def train_baseline(encoder: Encoder, train_path: Path, labels: Sequence[str], cache: Path | None,
                   model_key: bytes = b"") -> Baseline:
    from sklearn.linear_model import LogisticRegression

    texts, y = training_texts(train_path)
    X = None
    if cache is not None:
        key = hashlib.sha256(train_path.read_bytes() + model_key).hexdigest()[:16]  # data and encoder
        cache_file = cache / f"ngec-story-emb-{key}.npy"
        if cache_file.is_file():
            X = np.load(cache_file)
    if X is None:
        t0 = time.perf_counter()
        X = encoder.embed(texts)
        log(f"embedded {len(texts)} training stories in {time.perf_counter() - t0:.0f} s")
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            np.save(cache_file, X)
    y_arr = np.array(y)
    models = []
    for t in labels:
        clf = LogisticRegression(class_weight="balanced", max_iter=2000)  # NGEC: defaults, C=1, one per type
        clf.fit(X, (y_arr == t).astype(int))
        models.append(clf)
    return Baseline(encoder, labels, models)


def choose_threshold(P: np.ndarray, gold: Sequence[str | None], baseline: Baseline) -> tuple[float, float]:
    """Smallest threshold (0.01 grid) with the highest accuracy on the given (dev) records."""
    best = (-1.0, 0.0)
    for th in np.round(np.arange(0.0, 1.0, 0.01), 2):
        pred = baseline.decide(P, float(th))
        acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
        if acc > best[0] + 1e-12:
            best = (acc, float(th))
    return best[1], best[0]


# --------------------------------------------------------------------------- scoring (as sanderling eval)


def type_metrics(gold: Sequence[str | None], pred: Sequence[str | None]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the types present in gold, per-type P/R/F1 -- the definitions of evaluate.score."""
    from sanderling.ontology import EVENT_TYPES

    n = len(gold)
    per_type: dict[str, dict[str, float]] = {}
    for t in [t for t in EVENT_TYPES if t in gold]:
        tp = sum(g == t and p == t for g, p in zip(gold, pred, strict=True))
        fp = sum(g != t and p == t for g, p in zip(gold, pred, strict=True))
        fn = sum(g == t and p != t for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_type[t] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "n": tp + fn}
    with_event = [p for g, p in zip(gold, pred, strict=True) if g]
    without = [p for g, p in zip(gold, pred, strict=True) if not g]
    return {
        "n": n,
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / n, 4),
        "accuracy_with_event": round(sum(g == p for g, p in zip(gold, pred, strict=True) if g) / len(with_event), 4)
        if with_event else None,
        "macro_f1": round(sum(v["f1"] for v in per_type.values()) / len(per_type), 4),
        "per_type": per_type,
        "miss_rate": round(sum(p is None for p in with_event) / len(with_event), 4) if with_event else None,
        "false_event_rate": round(sum(p is not None for p in without) / len(without), 4) if without else None,
    }


# --------------------------------------------------------------------------- runs


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _timed(fn, repeat: int) -> tuple[Any, float]:  # type: ignore[no-untyped-def]
    result, times = None, []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return result, statistics.median(times)


def load_records(path: Path):  # type: ignore[no-untyped-def]
    from sanderling.evaluate import load_gold
    from sanderling.extract import clean_text
    from sanderling.model import Document

    gold = load_gold(path)
    # the same cleaning as `sanderling eval` / `sanderling code` apply to their inputs
    docs = [Document(id=g.id, text=clean_text(g.text)[0] or g.text, pub_date=g.date) for g in gold]
    return gold, docs


def run_sanderling(pipe, path: Path, repeat: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from sanderling.evaluate import score, top_event

    gold, docs = load_records(path)
    events, secs = _timed(lambda: pipe.code_documents(docs), repeat)
    top = [top_event(evs) for evs in events]
    m = type_metrics([g.event for g in gold], [e.event if e else None for e in top])
    ref = score(gold, top)  # same numbers as `sanderling eval`
    assert (ref["event_accuracy"], ref["event_macro_f1"]) == (m["accuracy"], m["macro_f1"]), (ref, m)
    m["sentences_per_s"] = round(len(docs) / secs, 1)
    return m


def run_baseline(baseline: Baseline, path: Path, repeat: int) -> dict[str, Any]:
    gold, docs = load_records(path)
    texts = [d.text for d in docs]
    pred, secs = _timed(lambda: baseline.predict(texts), repeat)
    m = type_metrics([g.event for g in gold], pred)
    m["sentences_per_s"] = round(len(texts) / secs, 1)
    return m


def print_table(name: str, results: dict[str, dict[str, Any]]) -> None:
    from sanderling.ontology import EVENT_TYPES

    systems = list(results)
    print(f"\n## {name}\n")
    print("| metric | " + " | ".join(systems) + " |")
    print("|---|" + "---:|" * len(systems))
    for key, label in (("n", "records"), ("accuracy", "accuracy"), ("macro_f1", "macro-F1"),
                       ("accuracy_with_event", "accuracy on records with a gold event"),
                       ("miss_rate", "miss rate (gold event, none predicted)"),
                       ("false_event_rate", "false-event rate (gold null, event predicted)"),
                       ("sentences_per_s", "sentences/s")):
        print(f"| {label} | " + " | ".join(str(results[s].get(key)) for s in systems) + " |")
    print("\nPer-type F1 (gold count n):\n")
    print("| type | n | " + " | ".join(systems) + " |")
    print("|---|---:|" + "---:|" * len(systems))
    first = results[systems[0]]["per_type"]
    for t in [t for t in EVENT_TYPES if t in first]:
        print(f"| {t} | {first[t]['n']} | " + " | ".join(f"{results[s]['per_type'][t]['f1']:.3f}" for s in systems)
              + " |")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, action="append",
                    help="gold JSONL to score (repeatable; default devset/test.jsonl)")
    ap.add_argument("--model-dir", type=Path, default=DEFAULT_MODEL_DIR,
                    help=f"directory with {ONNX_NAME} and {TOKENIZER_NAME} (default {DEFAULT_MODEL_DIR})")
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN, help="NGEC synthetic stories (JSONL)")
    ap.add_argument("--dev", type=Path, default=ROOT / "devset" / "dev.jsonl",
                    help="records used to choose the baseline's abstention threshold (never the test set)")
    ap.add_argument("--cache", type=Path, default=None, help="directory to cache the training-story embeddings")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per system (median reported)")
    ap.add_argument("--threads", type=int, default=2, help="onnxruntime intra-op threads for the baseline")
    ap.add_argument("--json", type=Path, default=None, help="also write all results to this JSON file")
    args = ap.parse_args(argv)
    golds = args.gold or [ROOT / "devset" / "test.jsonl"]

    missing = [n for n in (ONNX_NAME, TOKENIZER_NAME) if not (args.model_dir / n).is_file()]
    if missing:
        raise SystemExit(f"no {', '.join(missing)} in {args.model_dir}: {BUILD_HINT}")
    if not args.train.is_file():
        raise SystemExit(f"no training stories at {args.train}; pass --train PATH (NGEC synthetic events JSONL)")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise SystemExit("the baseline needs scikit-learn (benchmark-only): pip install scikit-learn") from None

    from sanderling.ontology import EVENT_TYPES
    from sanderling.pipeline import Pipeline

    labels = list(EVENT_TYPES)
    encoder = Encoder(args.model_dir, threads=args.threads)
    model_key = hashlib.sha256((args.model_dir / ONNX_NAME).read_bytes()).digest()
    log("training the baseline head on the NGEC synthetic stories ...")
    baseline = train_baseline(encoder, args.train, labels, args.cache, model_key)
    dev_gold, dev_docs = load_records(args.dev)
    P_dev = baseline.proba(encoder.embed([d.text for d in dev_docs]))
    baseline.threshold, dev_acc = choose_threshold(P_dev, [g.event for g in dev_gold], baseline)
    log(f"baseline abstention threshold {baseline.threshold:.2f} (dev accuracy {dev_acc:.4f})")

    from sanderling.settings import Settings

    pipe = Pipeline()
    lexicon_only = Pipeline(Settings(classifier=False))
    for p in (pipe, lexicon_only):  # load spaCy, lexicon, classifier
        p.code_text("The United States demanded that North Korea halt its missile tests.")
    baseline.predict(["warm-up sentence"])

    report: dict[str, Any] = {
        "machine": {"cpu": _cpu(), "cores": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "load_average_1_5_15": _loadavg(),
                    "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())},
        "baseline": {"threshold": baseline.threshold, "threshold_dev_accuracy": round(dev_acc, 4),
                     "train": str(args.train), "model_dir": str(args.model_dir)},
        "results": {},
    }
    for path in golds:
        log(f"scoring {path} ...")
        res = {"Sanderling": run_sanderling(pipe, path, args.repeat),
               "Sanderling, lexicon only": run_sanderling(lexicon_only, path, args.repeat),
               "NGEC-recipe baseline": run_baseline(baseline, path, args.repeat)}
        report["results"][str(path)] = res
        print_table(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path), res)
    report["machine"]["load_average_at_end"] = _loadavg()
    print(f"\nBaseline abstains when its top per-type probability < {baseline.threshold:.2f} "
          f"(chosen on {args.dev.name}: dev accuracy {dev_acc:.4f}). Machine: {report['machine']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", "utf-8")


def _loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    main()
