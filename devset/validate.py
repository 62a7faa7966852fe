"""Validate devset JSONL files against the PLOVER ontology and print counts.

Usage: python3 devset/validate.py [files...]   (defaults to dev.jsonl and test.jsonl)
"""
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ONT = Path("/work/shared/ontology/plover.json")
STYLES = {"wire", "feature", "regional"}
FIELDS = ["id", "text", "event", "mode", "source", "target", "style"]


def load_ontology():
    d = json.loads(ONT.read_text())
    modes = {e["name"]: {m["name"] for m in e["modes"]} for e in d["event_types"]}
    sectors = {s["code"] for s in d["sectors"]}
    return modes, sectors


def check(path, modes, sectors):
    errors, recs = [], []
    prefix = Path(path).stem
    for n, line in enumerate(open(path), 1):
        try:
            r = json.loads(line)
        except Exception as e:  # noqa
            errors.append(f"{path}:{n}: bad JSON {e}")
            continue
        recs.append(r)
        where = f"{path}:{n} ({r.get('id')})"
        for f in FIELDS:
            if f not in r:
                errors.append(f"{where}: missing {f}")
        # ids are <prefix>-NNN numbered in file order; the prefix is the file name or a short form (act-dev)
        if not str(r.get("id", "")).endswith(f"-{n:03d}") and r.get("id") != f"{prefix}-{n:03d}":
            errors.append(f"{where}: id not sequential")
        ev, mode = r.get("event"), r.get("mode")
        if ev is not None and ev not in modes:
            errors.append(f"{where}: bad event {ev}")
        if ev is None and mode:
            errors.append(f"{where}: mode on null event")
        if ev in modes and mode and mode not in modes[ev]:
            errors.append(f"{where}: bad mode {mode} for {ev}")
        if r.get("style") not in STYLES:
            errors.append(f"{where}: bad style")
        if not str(r.get("text", "")).strip():
            errors.append(f"{where}: empty text")
        for role in ("source", "target"):
            for a in r.get(role, []):
                if set(a) != {"text", "code", "sector"}:
                    errors.append(f"{where}: {role} keys {sorted(a)}")
                if not re.fullmatch(r"[A-Z]{3}|", a.get("code", "")):
                    errors.append(f"{where}: bad code {a.get('code')!r}")
                if a.get("sector") and a["sector"] not in sectors:
                    errors.append(f"{where}: bad sector {a['sector']}")
                if a.get("text") and a["text"] not in r["text"]:
                    errors.append(f"{where}: actor text not in sentence: {a['text']!r}")
        if ev is None and (r.get("source") or r.get("target")):
            errors.append(f"{where}: null event with actors")
        if ev is not None and not r.get("source"):
            errors.append(f"{where}: event without source")
    texts = collections.Counter(r["text"] for r in recs)
    errors += [f"{path}: duplicate text {t[:60]!r}" for t, c in texts.items() if c > 1]
    return recs, errors


def main():
    modes, sectors = load_ontology()
    files = sys.argv[1:] or [HERE / "dev.jsonl", HERE / "test.jsonl"]
    all_errors, texts = [], {}
    for p in files:
        recs, errs = check(p, modes, sectors)
        all_errors += errs
        texts[str(p)] = {r["text"] for r in recs}
        ev = collections.Counter(str(r["event"]) for r in recs)
        st = collections.Counter(r["style"] for r in recs)
        md = collections.Counter((str(r["event"]), r["mode"] or "-") for r in recs)
        print(f"== {p}: {len(recs)} records")
        print("  per type :", dict(sorted(ev.items())))
        print("  per style:", dict(sorted(st.items())))
        print("  modes    :", ", ".join(f"{e}/{m}:{c}" for (e, m), c in sorted(md.items())))
    if len(texts) > 1:
        a, b = list(texts.values())[:2]
        for t in a & b:
            all_errors.append(f"text in both files: {t[:60]!r}")
    for e in all_errors:
        print("ERROR", e)
    print("OK" if not all_errors else f"{len(all_errors)} errors")
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main())
