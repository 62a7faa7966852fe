"""The trigger lexicon: lemma + POS + optional syntactic constraints → PLOVER type/mode/CAMEO.

Entries live in ``events/data/triggers.json`` (built by ``scripts/build_triggers.py``).
A cheap surface-form index (Aho-Corasick over generated inflections) decides which
sentences are worth parsing; the parse then confirms lemma, POS and constraints.

Example::

    >>> lex = Lexicon.default()
    >>> lex.has_candidate("Police detained dozens of students.")
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick

from sanderling.errors import ModelError

# irregular forms the lemmatiser maps back; only used to decide what to parse
_IRREGULAR = {
    "meet": ["met"], "fight": ["fought"], "shoot": ["shot"], "strike": ["struck", "stricken"],
    "hold": ["held"], "seek": ["sought"], "bring": ["brought"], "take": ["took", "taken"],
    "send": ["sent"], "freeze": ["froze", "frozen"], "withdraw": ["withdrew", "withdrawn"],
    "beat": ["beaten"], "break": ["broke", "broken"], "speak": ["spoke", "spoken"],
    "throw": ["threw", "thrown"], "lead": ["led"], "flee": ["fled"], "leave": ["left"],
    "make": ["made"], "give": ["gave", "given"], "win": ["won"], "lose": ["lost"],
    "steal": ["stole", "stolen"], "bind": ["bound"], "tell": ["told"], "sell": ["sold"],
    "forbid": ["forbade", "forbidden"], "undertake": ["undertook", "undertaken"],
    "overthrow": ["overthrew", "overthrown"], "shake": ["shook"], "stand": ["stood"],
    "set": ["set"], "put": ["put"], "cut": ["cut"], "quit": ["quit"], "hit": ["hit"],
    "shut": ["shut"], "spread": ["spread"], "bid": ["bid"], "upset": ["upset"],
    "begin": ["began", "begun"], "blow": ["blew", "blown"], "draw": ["drew", "drawn"],
    "drive": ["drove", "driven"], "fall": ["fell", "fallen"], "rise": ["rose", "risen"],
    "ride": ["rode", "ridden"], "seize": [], "stab": ["stabbed"], "swear": ["swore", "sworn"],
    "tear": ["tore", "torn"], "write": ["wrote", "written"], "slay": ["slew", "slain"],
    "hang": ["hung", "hanged"], "pay": ["paid"], "lay": ["laid"], "say": ["said"],
    "buy": ["bought"], "catch": ["caught"], "teach": ["taught"], "think": ["thought"],
    "feed": ["fed"], "keep": ["kept"], "sweep": ["swept"], "sleep": ["slept"], "deal": ["dealt"],
    "mean": ["meant"], "build": ["built"], "spend": ["spent"], "lend": ["lent"], "bend": ["bent"],
    "rebuild": ["rebuilt"], "overrun": ["overran"], "run": ["ran"], "go": ["went", "gone"],
    "come": ["came"], "do": ["did", "done"], "see": ["saw", "seen"], "know": ["knew", "known"],
    "grow": ["grew", "grown"], "show": ["shown"], "choose": ["chose", "chosen"],
    "wake": ["woke", "woken"], "get": ["got", "gotten"], "find": ["found"], "hide": ["hid", "hidden"],
    "bite": ["bit", "bitten"], "light": ["lit"], "slide": ["slid"], "stick": ["stuck"],
    "sting": ["stung"], "swing": ["swung"], "wind": ["wound"], "foresee": ["foresaw", "foreseen"],
    "withhold": ["withheld"], "uphold": ["upheld"], "oversee": ["oversaw", "overseen"],
    "mislead": ["misled"], "burn": ["burnt"], "spell": ["spelt"], "learn": ["learnt"], "spill": ["spilt"],
    "dream": ["dreamt"], "smell": ["smelt"], "leap": ["leapt"], "kneel": ["knelt"], "dwell": ["dwelt"],
    "forgive": ["forgave", "forgiven"], "forsake": ["forsook", "forsaken"],
}
_VOWELS = set("aeiou")
_NEVER_FORMS = {"according", "accordingly"}  # "according to" is attribution, never an accord


def inflections(lemma: str) -> set[str]:
    """Generous English inflections of a (possibly multiword) lemma's first word."""
    first, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {first, first + "s", first + "es", first + "ed", first + "d", first + "ing"}
    if first.endswith("e"):
        forms |= {first[:-1] + "ing"}
    if first.endswith("y") and len(first) > 2 and first[-2] not in _VOWELS:
        forms |= {first[:-1] + "ies", first[:-1] + "ied"}
    if len(first) > 2 and first[-1] not in _VOWELS | {"w", "x", "y"} and first[-2] in _VOWELS:
        forms |= {first + first[-1] + "ed", first + first[-1] + "ing"}
    forms |= set(_IRREGULAR.get(first, []))
    forms -= _NEVER_FORMS
    return {f + tail for f in forms} | {f for f in forms}


@dataclass(frozen=True)
class TriggerEntry:
    lemma: str
    pos: str
    event: str
    mode: str
    cameo: str
    context: tuple[str, ...]
    objects: frozenset[str]
    with_: frozenset[str]
    modifiers: frozenset[str]
    weight: float
    index: int

    @property
    def specificity(self) -> int:
        return int(bool(self.objects)) + int(bool(self.with_)) + int(bool(self.modifiers))


class Lexicon:
    def __init__(self, entries: list[dict[str, Any]]) -> None:
        self.by_key: dict[tuple[str, str], list[TriggerEntry]] = {}
        self._auto = ahocorasick.Automaton()
        forms: dict[str, set[str]] = {}
        for i, e in enumerate(entries):
            entry = TriggerEntry(
                lemma=e["lemma"].lower(), pos=e["pos"], event=e["event"], mode=e.get("mode", ""),
                cameo=e.get("cameo", ""), context=tuple(e.get("context", [])),
                objects=frozenset(x.lower() for x in e.get("objects", [])),
                with_=frozenset(x.lower() for x in e.get("with", [])),
                modifiers=frozenset(x.lower() for x in e.get("modifiers", [])),
                weight=float(e.get("weight", 1.0)), index=i,
            )
            self.by_key.setdefault((entry.lemma, entry.pos), []).append(entry)
            for form in inflections(entry.lemma):
                forms.setdefault(form, set()).add(entry.lemma)
        if not self.by_key:
            raise ModelError("trigger lexicon is empty; reinstall sanderling")
        self.lemmas = frozenset(k[0] for k in self.by_key)
        self._needs = self._object_needs()
        for form, lemmas in forms.items():
            self._auto.add_word(form, (form, tuple(sorted(lemmas))))
        self._auto.make_automaton()

    def _object_needs(self) -> dict[str, tuple[str, ...] | None]:
        """Per lemma: None if some entry fires alone, else words one of which must occur too.

        Light verbs ("hold", "send", "impose") only count with their objects, so a sentence with
        "held" but no "talks"/"meeting"/... is not worth parsing.
        """
        needs: dict[str, tuple[str, ...] | None] = {}
        for (lemma, _), entries in self.by_key.items():
            if needs.get(lemma, ()) is None:
                continue
            if any(not e.objects for e in entries):
                needs[lemma] = None
                continue
            # stem: "supply" ~ "supplies", "party" ~ "parties"
            words = {o.split()[-1].removesuffix("y")[:5] for e in entries for o in e.objects}
            needs[lemma] = tuple(sorted(set(needs.get(lemma) or ()) | words))
        return needs

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Lexicon:
        try:
            raw = resources.files("sanderling.events").joinpath("data", "triggers.json").read_text("utf-8")
        except OSError as exc:  # pragma: no cover
            raise ModelError(f"trigger lexicon missing ({exc}); reinstall sanderling") from exc
        data = json.loads(raw)
        return cls(data["entries"] if isinstance(data, dict) else data)

    def has_candidate(self, text: str) -> bool:
        """Cheap pre-filter: does any inflected trigger word occur on word boundaries?"""
        low = text.lower()
        n = len(low)
        for end_idx, (key, lemmas) in self._auto.iter(low):
            start = end_idx - len(key) + 1
            if start > 0 and low[start - 1].isalpha():
                continue
            if end_idx + 1 < n and low[end_idx + 1].isalpha():
                continue
            for lemma in lemmas:
                need = self._needs[lemma]
                if need is None or any(w in low for w in need):
                    return True
        return False

    def entries_for(self, lemma: str, pos: str) -> list[TriggerEntry]:
        pos = "NOUN" if pos in ("NOUN", "PROPN") else "VERB" if pos in ("VERB", "AUX") else pos
        return self.by_key.get((lemma, pos), [])
