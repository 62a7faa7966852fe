"""Carry actors over within a document: "he", "the country", "the regime", "the group".

News names an actor once and then refers back to it. We resolve four kinds of reference to
the most recent compatible mention in the preceding sentences (at most ``window`` back):

* "he" / "she" → the last named person or singular office holder ("Kenya's president");
* "the country" / "the nation" / "the kingdom" … → the last state (code, no sector);
* "the group" / "the militants" / "the movement" … → the last organisation or armed group;
* bare sector nouns with no country ("the regime", "the army") → the last state named,
  keeping their own sector.

A reference with no compatible antecedent stays unresolved (and uncoded). The evidence keeps
the pronoun's own span; the code comes from the antecedent.

Example::

    >>> from sanderling.model import Mention, Sentence
    >>> text = "Kenya's president arrived on Monday. He accused Uganda of smuggling."
    >>> sents = [Sentence(text[:36], 0, 36), Sentence(text[37:], 37, len(text))]
    >>> ms = [Mention("Kenya's president", 0, 17, "KEN", "GOV"), Mention("Uganda", 48, 54, "UGA", "")]
    >>> [(m.text, m.code, m.sector) for m in carry_over(text, sents, ms)]
    [("Kenya's president", 'KEN', 'GOV'), ('He', 'KEN', 'GOV'), ('Uganda', 'UGA', '')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from sanderling.model import Mention, Sentence

NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_STATE_DESC = re.compile(r"\b[Tt]he (?:country|nation|kingdom|republic|island nation|emirate|state)\b(?!['’]s? ?-)")
_GROUP_DESC = re.compile(r"\b[Tt]he (?:group|militants|militia|movement|organi[sz]ation|alliance|bloc|rebels|"
                         r"insurgents|jihadists|faction)\b")
# "the North" / "the South" of Korea stories (capitalised, not the start of a longer name: "the South China Sea")
_KOREAS = re.compile(r"\b[Tt]he (North|South)\b(?![ -][A-Z]|-)")
_KOREA_CODES = {"North": "PRK", "South": "KOR"}
_TITLE_END = re.compile(
    r"(?:president|minister|premier|chancellor|secretary|leader|spokes(?:man|woman|person)|ambassador|envoy|"
    r"king|queen|emperor|prince|princess|sultan|emir|general|commander|chief|governor|mayor|senator|judge|"
    r"official|diplomat|negotiator|advis[eo]r|director|chair(?:man|woman)?|speaker|monarch)$",
    re.IGNORECASE,
)


_ORIGIN_AFTER = re.compile(r"-(?:based|born|flagged|registered|headquartered)\b", re.IGNORECASE)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Mme)\.?\s+"
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’-]*$")


def _name_run(text: str) -> list[str]:
    """The capitalised name at the end of a person mention, without titles: "North Korean leader Kim Jong Un"
    → ["Kim", "Jong", "Un"]; "Turkish President Recep Tayyip Erdogan" → ["Recep", "Tayyip", "Erdogan"]."""
    run: list[str] = []
    for tok in reversed(text.split()):
        if not _NAME_TOKEN.match(tok) or _TITLE_END.search(tok) or tok.lower() in _TITLE_WORDS:
            break
        run.append(tok)
    return run[::-1]


_TITLE_WORDS = {"prime", "foreign", "defence", "defense", "interior", "finance", "vice", "deputy", "supreme",
                "crown", "former", "acting", "state", "general", "lieutenant", "colonel", "major", "captain"}


def _is_person(m: Mention) -> bool:
    return m.kind == "person" or (bool(m.code) and bool(_TITLE_END.search(m.text)) and m.kind != "pronoun")


def _is_state(m: Mention) -> bool:
    return bool(m.code) and m.code not in NONSTATE and m.kind in ("country", "adjective", "capital", "gov", "place")


def _is_group(m: Mention) -> bool:
    return m.kind == "org" and bool(m.code)


def carry_over(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
               window: int = 3) -> list[Mention]:
    """``mentions`` plus resolved references, sorted by position (document offsets)."""
    if not mentions:
        return list(mentions)
    out = list(mentions)
    starts = [m.start for m in mentions]
    sent_starts = [s.start for s in sentences]
    taken = [(m.start, m.end) for m in mentions]
    # "a Seoul-based think tank": where something is from is no antecedent of "the government"
    origin = {id(m) for m in mentions if _ORIGIN_AFTER.match(text, m.end)}

    def antecedent(pos: int, ok, same_sentence: bool = True) -> Mention | None:  # type: ignore[no-untyped-def]
        k = bisect_left(sent_starts, pos + 1) - 1  # sentence holding pos
        limit = sentences[max(0, k - window)].start if sentences and k >= 0 else 0
        if not same_sentence and k >= 0:
            pos = sentences[k].start
        for j in range(bisect_left(starts, pos) - 1, -1, -1):
            m = mentions[j]
            if m.start < limit:
                return None
            if m.end <= pos and ok(m) and id(m) not in origin:
                return m
        return None

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    named: list[tuple[int, int]] = []

    for rx, ok, keep_sector in ((_PRONOUN, _is_person, True), (_STATE_DESC, _is_state, False),
                                (_GROUP_DESC, _is_group, True)):
        for hit in rx.finditer(text):
            s, e = hit.span()
            if not free(s, e):
                continue
            ante = antecedent(s, ok)
            if ante is not None and ok is _is_state and ante.kind == "adjective":
                # "rejected what it calls American aggression. The country tested ...": a demonym modifies
                # something else; a state named as such is the likelier antecedent
                ante = antecedent(s, lambda m: _is_state(m) and m.kind != "adjective") or ante
            if ante is not None:
                out.append(Mention(text=hit.group(0), start=s, end=e, code=ante.code,
                                   sector=ante.sector if keep_sector else "", kind="pronoun"))
    # sentence-initial "It" ("... Hezbollah. It fired rockets"): the last organisation or state, one sentence back
    for sent in sentences:
        if sent.text.startswith("It ") and free(sent.start, sent.start + 2):
            ante = antecedent(sent.start, lambda m: _is_group(m) or _is_state(m) or m.kind == "country"
                              and bool(m.code) and bool(m.sector))
            if ante is not None and bisect_left(sent_starts, ante.start + 1) - 1 >= bisect_left(
                    sent_starts, sent.start + 1) - 2:
                out.append(Mention(text="It", start=sent.start, end=sent.start + 2, code=ante.code,
                                   sector=ante.sector, kind="pronoun"))
    # "North Korean leader Kim Jong Un ... Mr. Kim", "Nigerian governor Babagana Zulum ... Zulum": a named
    # person is later called by surname (or, with an honorific, by the first part of an East Asian name)
    for m in mentions:
        if m.kind != "person" or not m.code:
            continue
        name = _name_run(m.text)
        if len(name) < 2:
            continue
        keys = [re.escape(name[0])] if len(name[0]) >= 2 else []
        pattern = rf"\b{_HONORIFIC}(?:{'|'.join(keys)})\b" if keys else None
        if len(name[-1]) >= 3:
            last = rf"\b(?:{_HONORIFIC})?{re.escape(name[-1])}\b"
            pattern = f"{pattern}|{last}" if pattern else last
        if pattern is None:
            continue
        for hit in re.finditer(pattern, text[m.end:]):
            s, e = m.end + hit.start(), m.end + hit.end()
            if free(s, e) and not any(a < e and s < b for a, b in named):
                out.append(Mention(text=hit.group(0), start=s, end=e, code=m.code, sector=m.sector, kind="person"))
                named.append((s, e))
    # Korea stories call the two states "the North" and "the South"
    if any(m.code in ("PRK", "KOR") for m in mentions):
        for hit in _KOREAS.finditer(text):
            s, e = hit.span()
            if free(s, e):
                out.append(Mention(text=hit.group(0), start=s, end=e, code=_KOREA_CODES[hit.group(1)], sector="",
                                   kind="country"))
    # "the regime", "the army": a sector noun the gazetteer could not place gets the last state named
    for i, m in enumerate(out[:len(mentions)]):
        if not m.code and m.sector and text[max(0, m.start - 4):m.start].lower() == "the ":
            # only from earlier sentences: in "Iran condemned Israel's strike on the consulate" the
            # consulate is not Israel's
            ante = antecedent(m.start, _is_state, same_sentence=False)
            if ante is not None:
                out[i] = replace(m, code=ante.code)
    out.sort(key=lambda m: m.start)
    return out
