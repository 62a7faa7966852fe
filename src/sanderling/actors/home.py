"""The home country of a document, to code actors the text never places ("the district police").

Local news rarely names its own country. We vote with every coded place-like mention in the
document (country names, demonyms, capitals, cities and regions), the towns of GeoNames' 15,000+
list (``homeplaces.json``: they vote, and become actors only as "the town of X"; its unshared names
of 5,000+ towns only vote) and weak
country-specific cue words of local press ("mla", "barangay"); the winner needs half the votes (a tie
goes to the country named first). A single cue word decides only when nothing else votes.

Example::

    >>> home_country([Mention("Imphal", 0, 6, "IND", kind="place")], "imphal: the police said")
    'IND'
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources

import ahocorasick

from sanderling.model import Mention

_PLACE_KINDS = {"country", "adjective", "capital", "place"}
_NONSTATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
_STATE_BODIES = {"GOV", "COP", "JUD", "LEG"}


_WORDCHAR = re.compile(r"[\w-]")


@lru_cache(maxsize=1)
def _cues():  # type: ignore[no-untyped-def]
    """An Aho-Corasick automaton of lowercase cue words -> country code (None without cues)."""
    try:
        data = json.loads(resources.files("sanderling.actors").joinpath("data", "places.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    table = {w.lower(): (code, 0.5) for code, words in data.get("cues", {}).items() for w in words}
    try:  # towns of 15,000+ people (GeoNames): they vote, but never become actors
        towns = json.loads(resources.files("sanderling.actors").joinpath("data", "homeplaces.json").read_text("utf-8"))
        for section in ("places", "votes"):  # "votes": unshared names of 5,000+ towns, vote only
            for code, names in towns.get(section, {}).items():
                for name in names:
                    table.setdefault(name, (code, 1.0))
    except (OSError, ValueError):
        pass
    if not table:
        return None
    automaton = ahocorasick.Automaton()
    for word, (code, weight) in table.items():
        automaton.add_word(word, (len(word), code, weight))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def _towns() -> dict[str, str]:
    """Lower-cased town name -> country, from ``homeplaces.json`` (names of one country only)."""
    try:
        data = json.loads(resources.files("sanderling.actors").joinpath("data", "homeplaces.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {name: code for code, names in data.get("places", {}).items() for name in names}


def town_country(name: str) -> str | None:
    """The country of a town of GeoNames' 15,000+ list, or None (unknown, or shared by two countries)."""
    return _towns().get(name.lower().replace("’", "'").strip())


def _cue_votes(text: str) -> Iterator[tuple[str, float]]:
    automaton = _cues()
    if automaton is None:
        return
    low = text[:50_000].lower()
    for end, (length, code, weight) in automaton.iter(low):
        start = end - length + 1
        if (start == 0 or not _WORDCHAR.match(low[start - 1])) and (
                end + 1 >= len(low) or not _WORDCHAR.match(low[end + 1])):
            yield code, weight


def home_country(mentions: Sequence[Mention], text: str, min_share: float = 0.5) -> str | None:
    votes: Counter[str] = Counter()
    for m in mentions:
        if m.code and m.code not in _NONSTATE and m.kind in _PLACE_KINDS:
            votes[m.code] += 1.0
        elif m.code and m.code not in _NONSTATE and m.kind == "org" and m.sector in _STATE_BODIES:
            # "the ctd", "nscdc operatives", "rab members": a country's own police, courts or agencies are a
            # cue to where the news is, like "tehsildar" (armed groups and parties often act abroad: no vote)
            votes[m.code] += 0.5
    for code, weight in _cue_votes(text):
        votes[code] += weight
    if not votes:
        return None
    # most_common keeps insertion order among equals: a tie goes to the first named (often the dateline)
    (code, top), total = votes.most_common(1)[0], sum(votes.values())
    # one cue word is enough when nothing points elsewhere ("the sdm ordered ...": Indian local press)
    return code if top / total >= min_share and top >= 0.5 else None
