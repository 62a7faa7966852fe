"""Whole-command throughput and peak memory of `sanderling code` on real news.

Codes ``../shared/data/guardian_sample.jsonl`` (249 Guardian articles, median ~780 words) into a fresh
DuckDB file, three times, and prints the median articles/s (wall clock of the whole command, start-up and
model loading included) and the peak RSS of the whole process tree (the CLI and its
worker processes, sampled from /proc every 0.25 s). Results go to benchmarks/RESULTS.md by hand.

    python benchmarks/throughput.py [--data PATH] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
from pathlib import Path

from proctree import run_sanderling_code

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "guardian_sample.jsonl"


def one_run(data: Path, workdir: Path, extra: tuple[str, ...] = ()) -> tuple[float, float, str]:
    db = workdir / "bench.duckdb"
    if db.exists():
        db.unlink()
    return run_sanderling_code([str(data), "--db", str(db), "--quiet", *extra])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-classifier", action="store_true", help="pass --no-classifier (lexicon and parse only)")
    args = ap.parse_args()
    extra = ("--no-classifier",) if args.no_classifier else ()
    if not args.data.exists():
        raise SystemExit(f"no data at {args.data}; pass --data PATH to a JSONL file of articles")
    n_docs = sum(1 for line in args.data.open() if line.strip())
    words = sum(len(json.loads(line)["text"].split()) for line in args.data.open() if line.strip())
    times, rss = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            elapsed, peak, summary = one_run(args.data, Path(tmp), extra)
            times.append(elapsed)
            rss.append(peak)
            print(f"run {i + 1}: {elapsed:.1f}s, {n_docs / elapsed:.1f} articles/s, peak RSS {peak:.0f} MB | {summary}")
    med = statistics.median(times)
    print(json.dumps({
        "data": str(args.data), "classifier": not args.no_classifier, "articles": n_docs, "words": words,
        "runs": args.runs,
        "median_seconds": round(med, 2), "articles_per_s": round(n_docs / med, 1),
        "words_per_s": round(words / med), "peak_rss_mb": round(max(rss)),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }, indent=2))


if __name__ == "__main__":
    main()
