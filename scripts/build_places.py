#!/usr/bin/env python3
"""Build ``src/sanderling/actors/data/places.json`` deterministically.

The data lives in ``scripts/places/<region>.py`` (one module per world region, each
defining ``PLACES: dict[str, list[str]]`` -- ISO 3166-1 alpha-3 code -> sub-national
place names -- and optionally ``CUES: dict[str, list[str]]`` -- lower-case words that
betray a country's local news, such as "panchayat" or "barangay").  It is hand-written
from public geographic knowledge; no event data or gold standards were used.

What ends up in the file:
  * only sub-national regions and non-capital cities/towns (country names, capitals
    and seat-of-government metonyms live in gazetteer.json and are dropped here);
  * no name that is listed under two countries (ambiguous: "Hyderabad", "Mirpur"...);
  * no name in STOPLIST (common English words and notoriously ambiguous places);
  * no cue listed under two countries.

Comparison keys ignore case, accents and apostrophe style ("Bouaké" == "bouake").

Usage:  python scripts/build_places.py [--check]   (--check: verify file is current)
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

OUT = ROOT / "src" / "sanderling" / "actors" / "data" / "places.json"
GAZETTEER = ROOT / "src" / "sanderling" / "actors" / "data" / "gazetteer.json"
ABOUT = "hand-written from public geographic knowledge; sub-national places → ISO 3166-1 alpha-3"

REGIONS = (
    "south_asia",
    "africa",
    "middle_east",
    "europe",
    "americas",
    "east_asia",
    "southeast_asia_oceania",
)

# Common English words, personal names and places that exist in several countries.
# Entries need not occur in the data; they guard against later additions too.
STOPLIST = {
    # asked for explicitly
    "Reading", "Split", "Nice", "Mobile", "Bath", "Orange", "Marathon", "Buffalo",
    "Phoenix", "Victoria", "Jersey", "Salem", "Hamilton", "Cork", "Bar", "Mau", "Una",
    "Ara", "Punjab", "Kashmir", "Hyderabad", "Georgia", "Santiago", "Cordoba",
    "Córdoba", "Valencia", "Granada", "Alexandria", "Tripoli", "Paris", "London", "Of",
    "Male", "Malé",
    # English words / first names / surnames that are also place names
    "Washington", "Lincoln", "Jackson", "Madison", "Aurora", "Florence", "Sale",
    "Deal", "March", "Wells", "Hope", "Liberty", "Independence", "Union", "Concord",
    "Temple", "Mission", "Paradise", "Eden", "Kingston", "Windsor", "Nelson",
    "Regina", "Columbus", "Charlotte", "Austin", "Kerry", "Darwin", "Adelaide",
    "Hassan", "Nadia", "Anand", "Sagar", "Farah", "Harper", "Man", "Wa", "Ho", "Bo",
    "Erode", "Tyre", "Acre", "Salt", "Mocha", "Lira", "Rio", "Santos", "Natal",
    # places found in more than one country
    "Patan", "Mirpur", "Gopalganj", "Busia", "Pemba", "Limbe", "Brest", "Galicia",
    "Bago", "Yala", "Beni", "Amazonas", "Parana", "Paraná", "Durango", "San Jose",
    "San José", "Merida", "Mérida", "Leon", "León", "Trinidad", "Santa Cruz",
    "San Fernando", "Toledo", "Richmond", "Perth", "Newcastle", "Dover", "Cambridge",
    "Canterbury", "Salisbury", "Portland", "Albany", "Olympia", "Durham", "Al Bayda",
    "Northern State", "Eastern Province", "Western Province", "Northern Province",
    "Southern Province", "Central Province", "Lake Chad",
    "Macedonia", "Moldavia", "Kurdistan",
}

CODE_RE = re.compile(r"^[A-Z]{3}$")


def key(s: str) -> str:
    """Comparison key: case-, accent- and apostrophe-insensitive, spaces collapsed."""
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.casefold().split())


def load_regions() -> tuple[dict[str, list[str]], dict[str, list[str]], list[str]]:
    """Merge PLACES and CUES of all region modules; return (places, cues, errors)."""
    places: dict[str, list[str]] = defaultdict(list)
    cues: dict[str, list[str]] = defaultdict(list)
    errors: list[str] = []
    seen_in: dict[str, str] = {}
    for name in REGIONS:
        mod = importlib.import_module(f"places.{name}")
        for table, out in ((getattr(mod, "PLACES", {}), places), (getattr(mod, "CUES", {}), cues)):
            for code, names in table.items():
                if not isinstance(code, str) or not CODE_RE.match(code):
                    errors.append(f"{name}: bad country code {code!r}")
                    continue
                if out is places:
                    if code in seen_in and seen_in[code] != name:
                        errors.append(f"{code} defined in both {seen_in[code]} and {name}")
                    seen_in[code] = name
                for n in names:
                    if not isinstance(n, str) or not n.strip() or n != n.strip():
                        errors.append(f"{name}/{code}: bad entry {n!r}")
                        continue
                    if out is cues and n != n.lower():
                        errors.append(f"{name}/{code}: cue {n!r} must be lower case")
                        continue
                    out[code].append(n)
    return dict(places), dict(cues), errors


def gazetteer_strings() -> tuple[set[str], set[str], dict[str, str]]:
    """(comparison keys of country names/capitals/metonyms/adjectives, known codes,
    comparison key -> code of organization and people strings)."""
    g = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    keys: set[str] = set()
    codes: set[str] = set()
    for c in g["countries"]:
        codes.add(c["code"])
        for field in ("names", "capitals", "gov_metonyms", "adjectives"):
            keys.update(key(s) for s in c.get(field, []))
    entities: dict[str, str] = {}
    for section in ("organizations", "people"):
        for e in g.get(section, []):
            for s in e.get("names", []):
                entities[key(s)] = e.get("code", "")
    return keys, codes, entities


def dedupe(table: dict[str, list[str]]) -> dict[str, list[str]]:
    """Remove exact repeats within a country, keeping first occurrence."""
    return {code: list(dict.fromkeys(names)) for code, names in table.items()}


def ambiguous(table: dict[str, list[str]]) -> dict[str, set[str]]:
    """Comparison key -> set of codes, for keys listed under 2+ countries."""
    owners: dict[str, set[str]] = defaultdict(set)
    for code, names in table.items():
        for n in names:
            owners[key(n)].add(code)
    return {k: v for k, v in owners.items() if len(v) > 1}


def build() -> tuple[dict, list[str], list[str]]:
    """Return (document, errors, report lines)."""
    places, cues, errors = load_regions()
    places, cues = dedupe(places), dedupe(cues)
    gaz_keys, gaz_codes, gaz_entities = gazetteer_strings()
    stop_keys = {key(s) for s in STOPLIST}
    report: list[str] = []

    for code in sorted(set(places) | set(cues)):
        if code not in gaz_codes:
            errors.append(f"{code} is not a country code in gazetteer.json")

    amb = ambiguous(places)
    dropped: dict[str, list[str]] = {
        "in two countries": [], "stoplist": [], "gazetteer country string": [],
        "gazetteer entity with another code": [],
    }
    for code, names in places.items():
        kept = []
        for n in names:
            k = key(n)
            if k in amb:
                dropped["in two countries"].append(f"{n} ({'/'.join(sorted(amb[k]))})")
            elif k in stop_keys:
                dropped["stoplist"].append(f"{n} ({code})")
            elif k in gaz_keys:
                dropped["gazetteer country string"].append(f"{n} ({code})")
            elif k in gaz_entities and gaz_entities[k] != code:
                dropped["gazetteer entity with another code"].append(
                    f"{n} ({code}; gazetteer: {gaz_entities[k] or 'blocked'})")
            else:
                kept.append(n)
        places[code] = kept

    amb_cues = ambiguous(cues)
    dropped["cue in two countries"] = []
    for code, words in cues.items():
        kept = []
        for w in words:
            if key(w) in amb_cues:
                dropped["cue in two countries"].append(f"{w} ({'/'.join(sorted(amb_cues[key(w)]))})")
            else:
                kept.append(w)
        cues[code] = kept

    for why, items in dropped.items():
        items = sorted(set(items), key=key)
        report.append(f"dropped, {why}: {len(items)}" + (": " + ", ".join(items) if items else ""))

    def order(names: list[str]) -> list[str]:
        return sorted(names, key=lambda n: (key(n), n))

    doc = {
        "_about": ABOUT,
        "places": {c: order(v) for c, v in sorted(places.items()) if v},
        "cues": {c: order(v) for c, v in sorted(cues.items()) if v},
    }
    return doc, errors, report


def dump(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def summary(doc: dict) -> str:
    lines = []
    total = 0
    for code, names in doc["places"].items():
        n_cues = len(doc["cues"].get(code, []))
        lines.append(f"  {code}: {len(names):4d} places" + (f", {n_cues} cues" if n_cues else ""))
        total += len(names)
    n_cues = sum(len(v) for v in doc["cues"].values())
    lines.append(f"total: {total} places in {len(doc['places'])} countries; "
                 f"{n_cues} cues for {len(doc['cues'])} countries")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    doc, errors, report = build()
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print(f"{len(errors)} error(s); places.json not written", file=sys.stderr)
        return 1
    text = dump(doc)
    json.loads(text)  # must round-trip
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date; run scripts/build_places.py", file=sys.stderr)
            return 1
        print("places.json up to date")
        return 0
    for line in report:
        print(line)
    print(summary(doc))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
