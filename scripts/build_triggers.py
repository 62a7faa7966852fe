"""Build src/sanderling/events/data/triggers.json from the hand-written modules in scripts/triggers/.

Validates every entry against the packaged PLOVER/CAMEO facts and fails loudly on errors.

    python scripts/build_triggers.py
"""

from __future__ import annotations

import importlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
OUT = ROOT / "src" / "sanderling" / "events" / "data" / "triggers.json"
MODULES = ["triggers.cooperation", "triggers.conflict", "triggers.extra"]
KEYS = ["lemma", "pos", "event", "mode", "cameo", "context", "objects", "with", "modifiers", "weight"]


def main() -> None:
    plover = json.loads((ROOT / "src/sanderling/ontology/data/plover.json").read_text())
    cameo = {c["code"] for c in json.loads((ROOT / "src/sanderling/ontology/data/cameo.json").read_text())["codes"]}
    modes = {t["name"]: {m["name"] for m in t["modes"]} for t in plover["event_types"]}
    contexts = {c["name"] for c in plover["contexts"]}
    entries, errors, seen = [], [], set()
    for mod in MODULES:
        for e in importlib.import_module(mod).ENTRIES:
            e = {k: e.get(k, [] if k in ("context", "objects", "with", "modifiers") else "") for k in KEYS} | {
                "weight": float(e.get("weight", 1.0))}
            where = f"{mod}: {e['lemma']!r} {e['event']}"
            if e["pos"] not in ("VERB", "NOUN"):
                errors.append(f"{where}: pos {e['pos']!r}")
            if e["event"] not in modes:
                errors.append(f"{where}: unknown event")
            elif e["mode"] and e["mode"] not in modes[e["event"]]:
                errors.append(f"{where}: mode {e['mode']!r} not a mode of {e['event']}")
            if e["cameo"] and e["cameo"] not in cameo:
                errors.append(f"{where}: unknown CAMEO code {e['cameo']!r}")
            errors.extend(f"{where}: unknown context {c!r}" for c in e["context"] if c not in contexts)
            if not 0 < e["weight"] <= 1:
                errors.append(f"{where}: weight {e['weight']}")
            key = (e["lemma"], e["pos"], tuple(sorted(e["objects"])), tuple(sorted(e["with"])),
                   tuple(sorted(e["modifiers"])))
            if key in seen:
                errors.append(f"{where}: duplicate {key}")
            seen.add(key)
            entries.append(e)
    if errors:
        raise SystemExit("\n".join(errors))
    OUT.write_text(json.dumps({"_about": "hand-written trigger lexicon for PLOVER v0.8 types (scripts/triggers/)",
                               "entries": entries}, indent=0, ensure_ascii=False) + "\n")
    print(f"wrote {len(entries)} entries to {OUT}")
    for t, n in sorted(Counter(e["event"] for e in entries).items()):
        print(f"  {t:<10} {n}")


if __name__ == "__main__":
    main()
