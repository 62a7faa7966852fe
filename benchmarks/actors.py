"""Actor dictionary: load time and gazetteer scan speed on real news.

Loads the shipped gazetteer (countries, organisations, sector words, places, dated people) in a fresh
process, then scans every article of ``../shared/data/guardian_sample.jsonl`` (whole-document scan:
one Aho-Corasick pass plus combination rules, as the pipeline does) and reports the median over
``--runs`` of: load seconds, MB/s, and microseconds per sentence.

    python benchmarks/actors.py [--data PATH] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "guardian_sample.jsonl"

_LOAD = ("import time; t = time.perf_counter(); from sanderling.actors import Gazetteer; "
         "g = Gazetteer.default(); print(time.perf_counter() - t, len(g.people))")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from sanderling.actors import Gazetteer, is_lowercase_text
    from sanderling.segment import split_sentences

    texts = [json.loads(line)["text"] for line in args.data.open() if line.strip()]
    n_sent = sum(len(split_sentences(t)) for t in texts)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    loads, scans, people = [], [], 0
    g = Gazetteer.default()
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True).stdout.split()
        loads.append(float(out[0]))
        people = int(out[1])
        t = time.perf_counter()
        n_mentions = sum(len(g.find(x, lowercase_doc=is_lowercase_text(x), date="2019-01-01")) for x in texts)
        scans.append(time.perf_counter() - t)
    scan = statistics.median(scans)
    print(json.dumps({
        "articles": len(texts), "sentences": n_sent, "megabytes": round(mb, 2), "mentions": n_mentions,
        "people_entries": people, "runs": args.runs,
        "load_seconds": round(statistics.median(loads), 3),
        "scan_seconds": round(scan, 3), "scan_mb_per_s": round(mb / scan, 2),
        "microseconds_per_sentence": round(scan / n_sent * 1e6, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
