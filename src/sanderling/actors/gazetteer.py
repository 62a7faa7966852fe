"""Actor mentions from a gazetteer: one Aho-Corasick automaton over lower-cased text.

Countries (names, demonyms, capitals, seats of government), organisations, people and
PLOVER sector nouns are matched in one pass (pyahocorasick, ~50 MB/s); matches are then
kept longest-first on word boundaries and adjacent pieces are combined into coded actors
("North Korean" + "leader" → PRK/GOV, "police in" + "Kenya" → KEN/COP).

Example::

    >>> g = Gazetteer.default()
    >>> [(m.text, m.code, m.sector) for m in g.find("Russian troops shelled Kharkiv.")]
    [('Russian troops', 'RUS', 'MIL')]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick

from sanderling.errors import ModelError
from sanderling.model import Mention


@dataclass(frozen=True)
class Entry:
    code: str
    sector: str
    kind: str  # country | adjective | capital | gov | org | person | place | sector
    strict_case: str | None  # the only accepted spelling, when case matters
    is_place: bool = False


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[0] for c in text)  # keep offsets when lower() grows a char (İ)


class Gazetteer:
    """Finds actor mentions; build once, reuse (the automaton is immutable and thread-safe)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._auto = ahocorasick.Automaton()
        self._entries: dict[str, list[Entry]] = {}
        for c in data.get("countries", []):
            strict = set(c.get("case_sensitive", []))
            for key, kind, sector, place in (
                ("names", "country", "", True),
                ("adjectives", "adjective", "", False),
                ("capitals", "capital", "GOV", True),
                ("gov_metonyms", "gov", "GOV", False),
            ):
                for name in c.get(key, []):
                    self._add(name, Entry(c["code"], sector, kind, name if name in strict else None, place))
        for o in data.get("organizations", []):
            strict = set(o.get("case_sensitive", []))
            for name in o["names"]:
                self._add(name, Entry(o["code"], o.get("sector", ""), "org", name if name in strict else None))
        for p in data.get("people", []):
            strict = set(p.get("case_sensitive", []))
            for name in p["names"]:
                self._add(name, Entry(p["code"], p.get("sector", ""), "person", name if name in strict else None))
        for code, names in data.get("places", {}).items():
            for name in names:
                self._add(name, Entry(code, "", "place", None, True))
        for s in data.get("sectors", []):
            for noun in s["nouns"]:
                self._add(noun, Entry("", s["sector"], "sector", None))
        if not self._entries:
            raise ModelError("actor gazetteer is empty; reinstall sanderling")
        self._auto.make_automaton()

    def _add(self, name: str, entry: Entry) -> None:
        key = _lower(name.strip())
        if not key:
            return
        bucket = self._entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
            self._auto.add_word(key, key)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Gazetteer:
        files = resources.files("sanderling.actors").joinpath("data")
        try:
            data = json.loads(files.joinpath("gazetteer.json").read_text("utf-8"))
        except OSError as exc:  # pragma: no cover - broken install
            raise ModelError(f"actor gazetteer missing ({exc}); reinstall sanderling") from exc
        try:  # cities and regions: optional, for locations and home-country inference
            data["places"] = json.loads(files.joinpath("places.json").read_text("utf-8")).get("places", {})
        except OSError:
            data["places"] = {}
        return cls(data)

    def raw_matches(self, text: str, lowercase_doc: bool = False) -> list[tuple[int, int, Entry]]:
        """All word-bounded matches, longest first where they overlap."""
        low = _lower(text)
        found: list[tuple[int, int, Entry]] = []
        n = len(text)
        for end_idx, key in self._auto.iter(low):
            start = end_idx - len(key) + 1
            end = end_idx + 1
            if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "_"):
                continue
            if end < n and (low[end].isalnum() or low[end] == "_"):
                continue
            surface = text[start:end]
            for e in self._entries[key]:
                if e.strict_case is not None and surface != e.strict_case:
                    # all-lowercase pages: accept title-case names, never abbreviations like "US"
                    if not (lowercase_doc and not e.strict_case.isupper() and surface.islower()):
                        continue
                found.append((start, end, e))
                break
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        kept: list[tuple[int, int, Entry]] = []
        last_end = -1
        for s, e, entry in found:
            if s >= last_end:
                kept.append((s, e, entry))
                last_end = e
        return kept

    def find(self, text: str, lowercase_doc: bool | None = None) -> list[Mention]:
        """Coded actor mentions in ``text``, with adjacent pieces combined."""
        if lowercase_doc is None:
            lowercase_doc = is_lowercase_text(text)
        # entries with neither code nor sector only block wrong shorter matches ("Latin America")
        return [m for m in combine(text, self.raw_matches(text, lowercase_doc)) if m.code or m.sector]


_UPPER = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[A-Za-z]")


def is_lowercase_text(text: str) -> bool:
    """True for pages written (or scraped) without capitals, common in regional news."""
    sample = text[:20_000]
    letters = len(_LETTER.findall(sample))
    return letters > 0 and len(_UPPER.findall(sample)) / letters < 0.01


# words allowed between a country word and a sector noun: "Iran's top nuclear negotiator"
_GLUE = re.compile(
    r"^(?:'s|’s|s'|’)?(?:\s+(?:the|top|senior|former|acting|deputy|chief|foreign|defen[cs]e|interior|state|"
    r"federal|national|local|central|provincial|regional|military|security|border|riot|armed|special|"
    r"opposition|ruling|new|newly|elected|government|state-run|main|\w+-backed|\w+-led|vice|prime|"
    r"trade|finance|justice|economy|health|anti-government|pro-government|-))*\s+$",
    re.IGNORECASE,
)
_OF_IN = re.compile(r"^\s+(?:of|in|from)\s+(?:the\s+)?$", re.IGNORECASE)
_HONORIFIC_GAP = re.compile(r"^\s+$")
_COORD = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$")


def _mention(text: str, s: int, e: int, entry: Entry) -> Mention:
    return Mention(text=text[s:e], start=s, end=e, code=entry.code, sector=entry.sector,
                   kind=entry.kind, is_place=entry.is_place)


def combine(text: str, matches: list[tuple[int, int, Entry]]) -> list[Mention]:
    """Merge "country word + sector noun", "sector noun of/in country" and "title + person"."""
    ments = [_mention(text, s, e, entry) for s, e, entry in matches]
    out: list[Mention] = []
    i = 0
    while i < len(ments):
        m = ments[i]
        nxt = ments[i + 1] if i + 1 < len(ments) else None
        if nxt is not None:
            gap = text[m.end:nxt.start]
            merged = _merge_pair(text, m, nxt, gap)
            if merged is not None:
                ments[i + 1] = merged
                i += 1
                continue
        out.append(m)
        i += 1
    # "the Indian and French navies": the bare adjective shares the sector of its coordinated partner
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.kind == "adjective" and not a.sector and b.sector and b.code and _COORD.match(text[a.end:b.start]):
            out[k] = replace(a, sector=b.sector, kind="country")
    return out


def _merge_pair(text: str, a: Mention, b: Mention, gap: str) -> Mention | None:
    country_like = ("country", "adjective", "capital", "gov", "org", "place")
    span = dict(text=text[a.start:b.end], start=a.start, end=b.end, is_place=False)
    if a.kind in country_like and b.kind == "sector" and a.code and _GLUE.match(gap + " "):
        return replace(b, code=a.code, kind="country", sector=b.sector, **span)
    if a.kind == "sector" and b.kind in ("country", "capital", "place") and _OF_IN.match(gap):
        return replace(a, code=b.code, kind="country", **span)
    if a.kind == "sector" and b.kind == "person" and _HONORIFIC_GAP.match(gap):
        return replace(b, sector=b.sector or a.sector, **span)
    if a.kind in ("country", "adjective") and b.kind == "person" and _GLUE.match(gap + " "):
        return replace(b, **span)
    return None
