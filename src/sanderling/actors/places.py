"""Coordinates of the places Sanderling codes (GeoNames cities, shipped as a small JSON file).

Example::

    >>> coordinates("KEN", "Mombasa")
    (-4.0547, 39.6636)
    >>> coordinates("KEN", "Rift Valley") is None   # a region: no single point
    True
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from sanderling.actors.people import fold_ascii


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, list[float]]]:
    try:
        raw = resources.files("sanderling.actors").joinpath("data", "coords.json").read_text("utf-8")
        return dict(json.loads(raw).get("coords", {}))
    except (OSError, ValueError):
        return {}


def coordinates(code: str, place: str) -> tuple[float, float] | None:
    """(lat, lon) of ``place`` in country ``code``, or None when it is not a known city."""
    hit = _table().get(code, {}).get(fold_ascii(place).casefold().replace("’", "'").strip())
    return (hit[0], hit[1]) if hit else None
