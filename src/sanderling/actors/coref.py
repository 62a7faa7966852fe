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


_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
# after a bare surname: the person acts or is described ("Zulum said", "Khan, who ...")
_PERSON_NEXT = re.compile(r"(?:['’]s\b|,|\s+(?:said|says|told|added|warned|accused|urged|called|met|has|had|was|is|"
                          r"who|also|announced|insisted|denied|rejected|ordered|vowed|visited|signed)\b)")


def _surnames(text: str, mentions: Sequence[Mention], free) -> list[Mention]:  # type: ignore[no-untyped-def]
    """Later references to named people by surname, each to the nearest earlier person with that name part.
    Name parts two differently coded people share ("Kim" of both Koreas) are left alone; a bare surname (no
    "Mr."/"Ms.") counts only where a sentence could not start with it as a word ("In May", "Price increases")."""
    owners: dict[str, list[Mention]] = {}
    surnames: set[str] = set()
    for m in mentions:
        if m.kind != "person" or not m.code:
            continue
        name = _name_run(m.text)
        if len(name) < 2:
            continue
        surnames.add(name[-1])
        for part in {name[0], name[-1]}:
            if len(part) >= 2 and part not in _MONTHS:
                owners.setdefault(part, []).append(m)
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for part, people in owners.items():
        if len({(p.code, p.sector) for p in people}) > 1:
            continue
        first = min(p.start for p in people)
        surname = part in surnames and len(part) >= 3
        for hit in re.finditer(rf"\b({_HONORIFIC})?{re.escape(part)}\b", text):
            s, e = hit.span()
            if s <= first or not free(s, e) or any(a < e and s < b for a, b in taken):
                continue
            if hit.group(1) is None:
                before = text[max(0, s - 2):s]
                if not surname or ((s == 0 or before.endswith(("\n", ". ", "? ", "! ", '" ', "“", "”")))
                                   and not _PERSON_NEXT.match(text, e)):
                    continue
            owner = max((p for p in people if p.end <= s), key=lambda p: p.start)
            out.append(Mention(text=hit.group(0), start=s, end=e, code=owner.code, sector=owner.sector, kind="person"))
            taken.append((s, e))
    return out


def _korea_story(mentions: Sequence[Mention]) -> bool:
    """The Koreas are the story's main countries: together named at least as often as any other state (not a
    Nigerian story that mentions a trip to South Korea, whose "the North" is northern Nigeria)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.code and m.code not in NONSTATE:
            key = "KOREA" if m.code in ("PRK", "KOR") else m.code
            counts[key] = counts.get(key, 0) + 1
    korea = counts.pop("KOREA", 0)
    return korea > 0 and korea >= max(counts.values(), default=0)


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
    out.extend(_surnames(text, mentions, free))
    # Korea stories call the two states "the North" and "the South"
    if _korea_story(mentions):
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
