"""PLOVER and CAMEO facts the coder needs at run time, loaded once from package data.

Sources: PLOVER v0.8 draft manual (openeventdata/PLOVER, CC BY-SA 4.0; definitions paraphrased)
and CAMEO 1.1b3 codes with Goldstein scores and the CAMEO2PLOVER crosswalk.

Example::

    >>> from sanderling.ontology import ONTOLOGY
    >>> ONTOLOGY.quad("ASSAULT"), ONTOLOGY.score("RETREAT", "release")
    (4, 6.5)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

from sanderling.errors import ModelError

# The manual's own table conflicts on SANCTION (3 vs 4); its section text says material conflict.
_QUAD_OVERRIDES = {"SANCTION": 4}


def _load(name: str) -> dict[str, Any]:
    try:
        return json.loads(resources.files("sanderling.ontology").joinpath("data", name).read_text("utf-8"))
    except (OSError, ValueError) as exc:  # pragma: no cover - broken install
        raise ModelError(f"ontology file {name} missing or corrupt ({exc}); reinstall sanderling") from exc


@dataclass(frozen=True)
class EventType:
    name: str
    quad: int
    score: float
    requires_recipient: bool
    modes: dict[str, float | None]
    cameo_roots: tuple[str, ...]


class Ontology:
    """Lookups over PLOVER types/modes and CAMEO codes."""

    @cached_property
    def plover(self) -> dict[str, Any]:
        return _load("plover.json")

    @cached_property
    def cameo(self) -> dict[str, Any]:
        return _load("cameo.json")

    @cached_property
    def types(self) -> dict[str, EventType]:
        out = {}
        for t in self.plover["event_types"]:
            out[t["name"]] = EventType(
                name=t["name"],
                quad=_QUAD_OVERRIDES.get(t["name"], int(t["quad_class"])),
                score=float(t["score"]),
                requires_recipient=bool(t["requires_recipient"]),
                modes={m["name"]: m.get("score") for m in t["modes"]},
                cameo_roots=tuple(t["cameo_roots"]),
            )
        return out

    @cached_property
    def cameo_codes(self) -> dict[str, dict[str, Any]]:
        return {c["code"]: c for c in self.cameo["codes"]}

    @cached_property
    def sectors(self) -> frozenset[str]:
        return frozenset(s["code"] for s in self.plover["sectors"])

    @cached_property
    def contexts(self) -> frozenset[str]:
        return frozenset(c["name"] for c in self.plover["contexts"])

    def quad(self, event_type: str) -> int:
        return self.types[event_type].quad

    def score(self, event_type: str, mode: str = "") -> float | None:
        t = self.types[event_type]
        if mode and mode in t.modes:
            return t.modes[mode]
        return t.score

    def goldstein(self, cameo: str) -> float | None:
        code = self.cameo_codes.get(cameo)
        return None if code is None else code.get("goldstein")

    def default_cameo(self, event_type: str, mode: str = "") -> str:
        """The most typical CAMEO code for a PLOVER type/mode (crosswalk, inverted)."""
        return self._default_cameo.get((event_type, mode)) or self._default_cameo.get((event_type, ""), "")

    @cached_property
    def _default_cameo(self) -> dict[tuple[str, str], str]:
        best: dict[tuple[str, str], str] = {}
        for c in self.cameo["codes"]:
            p = c.get("plover") or {}
            ev = p.get("event")
            if not ev:
                continue
            for key in ((ev, p.get("mode") or ""), (ev, "")):
                # prefer the shortest (most general) code, then the lowest number
                if key not in best or (len(c["code"]), c["code"]) < (len(best[key]), best[key]):
                    best[key] = c["code"]
        return best


ONTOLOGY = Ontology()
EVENT_TYPES: tuple[str, ...] = tuple(t["name"] for t in ONTOLOGY.plover["event_types"])
