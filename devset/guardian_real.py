"""Build the real-news gold file from our labels and the Guardian sample (which may not be copied into the repo).

`guardian_real.labels.jsonl` holds our blind labels of 160 real sentences (one per article; 110 from the first 15
sentences of political articles, 50 at random; 72 % hold no codable event), with character offsets into
`../shared/data/guardian_sample.jsonl` and a hash of each sentence. This script joins them into a gold file::

    python devset/guardian_real.py /tmp/guardian_real.jsonl   # then: sanderling eval /tmp/guardian_real.jsonl --json
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "guardian_sample.jsonl"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("guardian_real.jsonl")
    data = Path(argv[1]) if len(argv) > 1 else DATA
    if not data.is_file():
        print(f"{data} not found: pass the Guardian sample's path as the second argument", file=sys.stderr)
        return 1
    arts = {r["id"]: r["text"] for r in map(json.loads, data.open(encoding="utf-8"))}
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for line in (HERE / "guardian_real.labels.jsonl").open(encoding="utf-8"):
            lab = json.loads(line)
            text = arts[lab["article_id"]][lab["start"]:lab["end"]]
            if hashlib.sha1(text.encode()).hexdigest()[:12] != lab["sha1"]:
                print(f"{lab['id']}: sentence does not match its hash (different data file?)", file=sys.stderr)
                return 1
            rec = {k: lab[k] for k in ("id", "date", "event", "mode", "source", "target", "kind")}
            fh.write(json.dumps({**rec, "text": text}, ensure_ascii=False) + "\n")
            n += 1
    print(f"wrote {n} records to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
