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
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick

from sanderling.actors.people import Person, load_people
from sanderling.errors import ModelError
from sanderling.model import Mention


@dataclass(frozen=True)
class Entry:
    code: str
    sector: str
    kind: str  # country | adjective | capital | gov | org | person | place | sector
    strict_case: str | None  # the only accepted spelling, when case matters
    is_place: bool = False
    person: int = -1  # index into Gazetteer.people: the sector then depends on the date


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[0] for c in text)  # keep offsets when lower() grows a char (İ)


class Gazetteer:
    """Finds actor mentions; build once, reuse (the automaton is immutable and thread-safe)."""

    def __init__(self, data: dict[str, Any], people: Sequence[Person] = ()) -> None:
        self._auto = ahocorasick.Automaton()
        self._entries: dict[str, list[Entry]] = {}
        self.people: tuple[Person, ...] = tuple(people)
        # dated people first, newest file first: a user's --actors entry wins over a shipped one
        for k in range(len(self.people) - 1, -1, -1):
            person = self.people[k]
            sector = person.at(None).sector
            for name, cs in person.names():
                self._add(name, Entry(person.code, sector, "person", name if cs else None, person=k))
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
            strict = set(s.get("case_sensitive", []))  # "dc", "sp": local-press abbreviations, never "DC"
            for noun in s["nouns"]:
                self._add(noun, Entry("", s["sector"], "sector", noun if noun in strict else None))
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
    def default(cls) -> Gazetteer:
        return cls.with_actors(())

    @classmethod
    @lru_cache(maxsize=4)
    def with_actors(cls, files: tuple[str, ...] = ()) -> Gazetteer:
        """The shipped gazetteer and people, plus the entries of the user's YAML files."""
        return cls(_builtin_data(), load_people(files))

    def raw_matches(self, text: str, lowercase_doc: bool = False,
                    date: str | None = None) -> list[tuple[int, int, Entry]]:
        """All word-bounded matches, longest first where they overlap; people coded as of ``date``."""
        kept = self._scan(text, lowercase_doc)
        if date is None or not any(e.person >= 0 for _, _, e in kept):
            return kept
        return [(s, t, self._dated(e, date) if e.person >= 0 else e) for s, t, e in kept]

    def _dated(self, entry: Entry, date: str) -> Entry:
        sector = self.people[entry.person].at(date).sector
        return entry if sector == entry.sector else replace(entry, sector=sector)

    def _scan(self, text: str, lowercase_doc: bool) -> list[tuple[int, int, Entry]]:
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
                    if not (lowercase_doc and surface.islower()
                            and (not e.strict_case.isupper() or len(e.strict_case.replace(".", "")) >= 4)):
                        continue
                found.append((start, end, e))
                break
        found.extend(_combining_forms(text, found))
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        kept: list[tuple[int, int, Entry]] = []
        last_end = -1
        for s, e, entry in found:
            if s >= last_end:
                kept.append((s, e, entry))
                last_end = e
        return kept

    def find(self, text: str, lowercase_doc: bool | None = None, date: str | None = None) -> list[Mention]:
        """Coded actor mentions in ``text``, with adjacent pieces combined; people coded as of ``date``."""
        if lowercase_doc is None:
            lowercase_doc = is_lowercase_text(text)
        # entries with neither code nor sector only block wrong shorter matches ("Latin America")
        found = [m for m in combine(text, self.raw_matches(text, lowercase_doc, date))
                 if m.code or (m.sector and not _PARTICIPLE_AFTER.match(text, m.end))]
        return _named_towns(text, found)


# a sector word as the first half of a participle compound is no party: "gang-raped", "rebel-held",
# "militant-infested", "police-run", "army-backed" (but "student-led protests": the students act)
_PARTICIPLE_AFTER = re.compile(r"-(?:raped|held|controlled|dominated|occupied|infested|affected|hit|run|owned|"
                               r"backed|funded|sponsored|torn|ridden|made)\b")


# combining forms of country names, only inside a hyphenated pair: "Franco-German", "Sino-Indian", "indo-pak"
_COMBINING = {"franco": "FRA", "sino": "CHN", "indo": "IND", "russo": "RUS", "anglo": "GBR", "italo": "ITA",
              "greco": "GRC", "turco": "TUR", "pak": "PAK", "bangla": "BGD"}
# pairs that name a region, a language family or a sport, not two countries
_NOT_PAIRED = frozenset({"pacific", "european", "europeans", "aryan", "saxon", "saxons", "tibetan", "iranian",
                         "gangetic", "china", "chinese", "roman", "catholic", "norman", "arabic", "bangladesh"})
_COMBINING_RX = re.compile(r"(?<![\w-])([A-Za-z]+)-([A-Za-z]+)(?:-([A-Za-z]+))?(?![\w-])")


def _combining_forms(text: str, found: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """Country halves of hyphenated pairs that the word list does not hold ("Franco" in "Franco-German")."""
    out = []
    for hit in _COMBINING_RX.finditer(text):
        parts = [(hit.start(k), hit.end(k)) for k in (1, 2, 3) if hit.group(k)]
        words = [text[a:b].lower() for a, b in parts]
        if any(w in _NOT_PAIRED for w in words):
            continue
        for (a, b), w in zip(parts, words, strict=True):
            code = _COMBINING.get(w)
            if code and not any(s < b and a < e for s, e, _ in found):
                out.append((a, b, Entry(code, "", "adjective", None)))
    return out


# "the town of Zaranj", "the city of Bunia": a settlement noun says the next name is a town, so a town of the
# GeoNames list (which otherwise only votes for the home country) becomes a place mention
_TOWN_OF = re.compile(r"\b(?:town|city|village|port|provincial capital|district capital|regional capital|"
                      r"district headquarters|market town|border town|mining town|trading hub|hub) of "
                      r"((?:[A-Z][\w'’-]+|[a-z][\w'’-]+)(?: [A-Z][\w'’-]+)?)")


def _named_towns(text: str, found: list[Mention]) -> list[Mention]:
    from sanderling.actors.home import town_country

    extra = []
    for hit in _TOWN_OF.finditer(text):
        name = hit.group(1)
        if name[0].islower() and not is_lowercase_text(text):
            continue
        s = hit.start(1)
        for cand in (name, name.split(" ")[0]):
            code = town_country(cand)
            e = s + len(cand)
            if code and not any(m.start < e and s < m.end for m in found):
                extra.append(Mention(text=text[s:e], start=s, end=e, code=code, sector="", kind="place",
                                     is_place=True))
                break
    return sorted(found + extra, key=lambda m: m.start) if extra else found


@lru_cache(maxsize=1)
def _builtin_data() -> dict[str, Any]:
    files = resources.files("sanderling.actors").joinpath("data")
    try:
        data = json.loads(files.joinpath("gazetteer.json").read_text("utf-8"))
    except OSError as exc:  # pragma: no cover - broken install
        raise ModelError(f"actor gazetteer missing ({exc}); reinstall sanderling") from exc
    try:  # cities and regions: optional, for locations and home-country inference
        data["places"] = json.loads(files.joinpath("places.json").read_text("utf-8")).get("places", {})
    except OSError:
        data["places"] = {}
    return data


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
    r"opposition|ruling|new|newly|elected|government|state-run|main|\w+-led|vice|prime|"
    r"trade|finance|justice|economy|health|anti-government|pro-government|-))*\s+$",
    re.IGNORECASE,
)
# a demonym before its noun phrase: "the Indian high commissioner", "14 Colombian fuel smugglers"
_ADJ_GAP = re.compile(r"^(?:\s+[a-z][a-z-]*){1,2}\s+$")
_NOT_MODIFIER = frozenset({"and", "or", "but", "the", "a", "an", "to", "of", "in", "on", "at", "by", "with", "for",
                           "from", "that", "who", "which", "said", "says", "say", "told", "have", "has", "had",
                           "is", "are", "was", "were", "be", "been", "will", "would", "could", "should", "may",
                           "might", "must", "can", "not", "also", "then", "than", "as", "while", "when", "after",
                           "before", "since", "if", "its", "their", "his", "her", "our", "this", "these", "those"})
_BACKER = re.compile(r"[-‐–]\s?(?:backed|supported|sponsored|funded|armed|trained|aligned|allied|friendly|"
                     r"controlled|installed|proxy|mediated|brokered)\b", re.IGNORECASE)
_OF_IN = re.compile(r"^\s+(?:of|in|from)\s+(?:the\s+)?$", re.IGNORECASE)
_HONORIFIC_GAP = re.compile(r"^\s+$")
_COORD = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$")


def _mention(text: str, s: int, e: int, entry: Entry) -> Mention:
    return Mention(text=text[s:e], start=s, end=e, code=entry.code, sector=entry.sector,
                   kind=entry.kind, is_place=entry.is_place)


def combine(text: str, matches: list[tuple[int, int, Entry]]) -> list[Mention]:
    """Merge "country word + sector noun", "sector noun of/in country" and "title + person"."""
    # "Iran-backed militias", "Rwanda-backed M23": the backer is not the group; drop the backer's name
    ments = [_mention(text, s, e, entry) for s, e, entry in matches if not _BACKER.match(text, e)]
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
    out = [_with_name(text, m, out[k + 1].start if k + 1 < len(out) else len(text)) for k, m in enumerate(out)]
    # "former Peruvian president (X)": a former office holder is PLOVER's ELI
    out = [replace(m, sector="ELI") if m.sector and (m.kind == "person" or _TITLE.search(m.text))
           and _FORMER_BEFORE.search(text[max(0, m.start - 10):m.start]) else m for m in out]
    # "the Indian and French navies": the bare adjective shares the sector of its coordinated partner
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.kind == "adjective" and not a.sector and b.sector and b.code and _COORD.match(text[a.end:b.start]):
            out[k] = replace(a, sector=b.sector, kind="country")
        # "Venezuelan government and opposition negotiators": the country word covers both conjuncts
        elif (a.code and a.sector and a.kind == "country" and b.kind == "sector" and not b.code
              and _COORD.match(text[a.end:b.start])):
            out[k + 1] = replace(b, code=a.code, kind="country")
    return out


_TITLE = re.compile(
    r"(?:president|minister|premier|chancellor|secretary|leader|spokes(?:man|woman|person)|ambassador|envoy|"
    r"king|queen|prince|princess|general|commander|chief|governor|mayor|senator|judge|diplomat|negotiator|"
    r"advis[eo]r|director|chair(?:man|woman)?|speaker|colonel|admiral|marshal|lawmaker|activist|journalist)$",
    re.IGNORECASE,
)
_NAME_AFTER = re.compile(r"^,?\s(?:(?:[A-Z][\w'’.-]*|al-|bin|de|da|van|von)\s){0,3}[A-Z][\w'’-]*[a-z][\w'’-]*")
_NOT_NAME = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|The|A|An|On|In|At|For|And|But|He|She|It|They|This|That)\b"
)


def _with_name(text: str, m: Mention, limit: int) -> Mention:
    """"North Korean leader" + "Kim Jong-un": a coded office followed by a capitalised name is that person."""
    if not (m.code and m.sector and m.kind != "person" and _TITLE.search(m.text)):
        return m
    hit = _NAME_AFTER.match(text[m.end:min(limit, m.end + 60)])
    if hit is None or hit.group(0).startswith(",") or _NOT_NAME.search(hit.group(0)):
        return m
    end = m.end + hit.end()
    return replace(m, text=text[m.start:end], end=end, kind="person")


_FORMER = re.compile(r"\b(?:former|ex-|late)\b", re.IGNORECASE)
_FORMER_BEFORE = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)


def _office_sector(text: str, title: Mention, person: Mention) -> str:
    """The office the article gives ("Prime Minister X") beats the dictionary's date rules for X."""
    if not title.sector:
        return person.sector
    if _FORMER.search(text[max(0, title.start - 10):title.end]):
        return "ELI"
    return title.sector


_FOREIGN = re.compile(r"\b(?:foreign|overseas|international|expatriate|non-local)\s+$", re.IGNORECASE)


def _merge_pair(text: str, a: Mention, b: Mention, gap: str) -> Mention | None:
    country_like = ("country", "adjective", "capital", "gov", "org", "place")
    span = dict(text=text[a.start:b.end], start=a.start, end=b.end, is_place=False)
    if a.kind in country_like and b.kind == "sector" and a.code and _GLUE.match(gap + " "):
        return replace(b, code=a.code, kind="country", sector=b.sector, **span)
    if a.kind == "adjective" and b.kind == "sector" and a.code and _ADJ_GAP.match(gap) and not any(
            w in _NOT_MODIFIER or (w.endswith("ed") and "-" not in w) for w in gap.split()):
        return replace(b, code=a.code, kind="country", sector=b.sector, **span)
    if a.kind == "sector" and b.kind in ("country", "capital", "place") and _OF_IN.match(gap):
        if _FOREIGN.search(text[max(0, a.start - 12):a.start]):
            return None  # "foreign fighters in Syria", "overseas troops in Iraq" are not the place's own
        where = {}
        if b.is_place and "of" not in gap.lower():  # "police in Mombasa" also says where
            where = dict(place_at=b.start - a.start, place_len=b.end - b.start)
        return replace(a, code=b.code, kind="country", **span, **where)
    if a.kind == "org" and a.code and b.kind == "place" and b.code == a.code and _OF_IN.match(gap):
        # "the sangguniang panlalawigan of cagayan", "the hisbah board in kano": a body of a place in its own country
        return replace(a, **span)
    if a.kind == "sector" and b.kind == "org" and b.code and (_OF_IN.match(gap) or gap == " "):
        # "foreign ministers of ASEAN", "the paramilitary Rapid Support Forces": the organisation's own people
        return replace(b, sector=b.sector or a.sector, **span)
    if a.kind == "sector" and b.kind == "person" and _HONORIFIC_GAP.match(gap):
        return replace(b, sector=_office_sector(text, a, b), **span)
    if a.kind in ("country", "adjective") and b.kind == "person" and _GLUE.match(gap + " "):
        return replace(b, sector=_office_sector(text, a, b), **span)
    return None
