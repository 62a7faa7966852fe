"""Speed of the classification stage (embedding + head) on real candidate sentences.

Candidate sentences (an actor mention and a trigger word: the ones the pipeline classifies) are taken from the
Guardian sample; the shipped classifier scores them (a) in one process with 2 onnxruntime threads and (b) in 2
processes with 1 thread each (how ``sanderling code`` runs it). Median of ``--runs``; results in
benchmarks/RESULTS.md.

    python benchmarks/classifier_speed.py --docs 100 --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "guardian_sample.jsonl"


def candidates(path: Path, n_docs: int) -> list[str]:
    from sanderling.extract import clean_text
    from sanderling.model import Document
    from sanderling.pipeline import Pipeline

    pipe = Pipeline()
    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n_docs:
                break
            doc = Document(id=str(i), text=clean_text(json.loads(line)["text"])[0])
            out.extend(c.sentence.text for c in pipe._candidates(i, doc))
    return out


def _score(texts: list[str], data_dir: str | None = None) -> float:
    from sanderling.events.classifier import SentenceClassifier

    clf = SentenceClassifier(data_dir, threads=1)
    clf.predict_proba(texts[:4])
    t = time.perf_counter()
    clf.predict_proba(texts)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--classifier", default=None, help="a classifier folder (default: the shipped one)")
    args = ap.parse_args()
    from sanderling.events.classifier import SentenceClassifier

    texts = candidates(args.data, args.docs)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} candidate sentences from {args.docs} articles, {words / len(texts):.1f} words each")
    clf = SentenceClassifier(args.classifier, threads=2)
    clf.predict_proba(texts[:4])
    one = []
    for _ in range(args.runs):
        t = time.perf_counter()
        clf.predict_proba(texts)
        one.append(len(texts) / (time.perf_counter() - t))
    print(f"1 process x 2 threads: {statistics.median(one):.0f} sentences/s (runs: {[round(x) for x in one]})")
    half = len(texts) // 2
    two = []
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_score, [texts[:8], texts[:8]], [args.classifier] * 2))  # start and warm the workers
        for _ in range(args.runs):
            t = time.perf_counter()
            list(pool.map(_score, [texts[:half], texts[half:]], [args.classifier] * 2))
            two.append(len(texts) / (time.perf_counter() - t))
    print(f"2 processes x 1 thread: {statistics.median(two):.0f} sentences/s (runs: {[round(x) for x in two]}; "
          f"includes model loading per call)")
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()}; model {clf.version} "
          f"({clf.meta['encoder'].get('layers', 6)} layers, {clf.meta['encoder'].get('quantization', 'weight')})")


if __name__ == "__main__":
    main()
