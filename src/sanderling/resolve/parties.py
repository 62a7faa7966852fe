"""Codes and places for an event's parties: entities, the event's location, local and generic parties.

Sector words without a country ("the district police", "militants near Gwadar") get the country where the
event happens, else the document's home; an empty side may be filled by an uncoded human phrase
("11 young men"). A place where the news is told ("officials in Vilnius said") is not where the event is::

    >>> from sanderling.model import Mention
    >>> from sanderling.resolve.parties import _location_of
    >>> _location_of([Mention("Kenya", 0, 5, "KEN")], 100).country
    'KEN'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sanderling.actors.coref import NONSTATE
from sanderling.actors.places import coordinates
from sanderling.model import Entity, Location, Mention
from sanderling.roles import _tokens_of, generic_party, is_place_use, owner_code

_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY", "PRM", "LEG"}


_SPEECH_VERBS = {"say", "tell", "add", "state", "report", "confirm", "announce", "speak", "write", "claim"}


def _speaker_place(sent, m: Mention) -> bool:  # type: ignore[no-untyped-def]
    """"..., officials in Vilnius said", "she told reporters in Geneva": where the news is told, not where the
    event is (the reporter's place, like a dateline)."""
    toks = _tokens_of(sent, m)
    node = toks[-1] if toks else None
    for _ in range(6):
        if node is None or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in _SPEECH_VERBS and any(
                c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "dobj" and c.lemma_.lower() == "reporter")
                for c in node.children)
    return False


def _local_code(sent, mentions: Sequence[Mention], home: str | None) -> str | None:  # type: ignore
    """Country of actors the text does not place: where the event happens, else the document's home."""
    loc = _location(sent, [m for m in mentions if not _speaker_place(sent, m)], 0)
    if loc is not None and loc.country and loc.country not in NONSTATE:
        return loc.country
    return home


_ENVOY = re.compile(r"\b(?:counterparts?|ambassadors?|envoys?|diplomats?|embassy|charg[eé] d['’]affaires)\b",
                    re.IGNORECASE)
_ENVOY_AFTER = re.compile(r"\s+(?:counterparts?|ambassadors?|envoys?|diplomats?|embassy)\b", re.IGNORECASE)
_LOCAL_NGO = re.compile(r"\b(?:an?|local|grassroots|community-based|domestic|small)\s+$", re.IGNORECASE)
_NGO_WORD = re.compile(r"ngos?|non-governmental organi[sz]ations?", re.IGNORECASE)


def _place_uncoded(sent, roles, mentions: Sequence[Mention], home: str | None):  # type: ignore[no-untyped-def]
    """"militants near Gwadar", "the district police": sector words without a country get the local one."""
    def local_ngo(m: Mention) -> bool:
        return m.code == "NGO" and _NGO_WORD.fullmatch(m.text) is not None and _LOCAL_NGO.search(
            sent.doc.text, max(0, m.start - 30), m.start) is not None

    if any(local_ngo(m) for m in (*roles.actors, *roles.recipients)):
        # "an ngo running shelters", "a local NGO": a domestic group is the country's civil society (SOC);
        # the NGO code is for international ones
        local = _local_code(sent, mentions, home)
        if local:
            def domestic(party):  # type: ignore[no-untyped-def]
                return tuple(replace(m, code=local, sector="SOC", kind="sector") if local_ngo(m) else m
                             for m in party)
            roles = replace(roles, actors=domestic(roles.actors), recipients=domestic(roles.recipients))
    if all(m.code for m in (*roles.actors, *roles.recipients)):
        return roles
    if any(m.code for m in roles.recipients):
        # "accept an Egyptian proposal for an exchange of prisoners": people named deep inside a coded
        # recipient's phrase are its content, not a second party; only the phrase heads count
        heads = {t.i for t in roles.recipient_roots}
        roles = replace(roles, recipients=tuple(m for m in roles.recipients if m.code or any(
            t.i in heads for t in _tokens_of(sent, m))))

    code = _local_code(sent, mentions, home)

    def fill(party, local):  # type: ignore[no-untyped-def]
        # "the IAEA's board of governors": a body of a coded party is that party's
        return tuple(m if m.code else replace(m, code=owner_code(sent, m, list(party)) or local or m.code)
                     for m in party)
    # people a state acts on are its own ("Belarus freed 31 political prisoners"), wherever the dateline is
    own = _state_code(sent, roles, mentions) if any(not m.code and m.sector not in _STATE_SECTORS
                                                   for m in roles.recipients) else None
    # "the prime minister called on Pakistan to act", "met his Chinese counterpart": an unplaced official does
    # not act on their own state; the named state on the other side is not where they come from
    # ("summoned the Russian ambassador": the envoy's state is the one addressed)
    # (not where the event happens: "police arrested a former Kenyan ambassador in Mombasa")
    loc = _location(sent, [m for m in mentions if not _speaker_place(sent, m)], 0)
    here = loc.country if loc is not None else None
    addressed = {m.code for m in roles.recipients if m.code and (
        m.kind in ("country", "capital") and not m.sector or m.code != here and (
            _ENVOY.search(m.text) is not None or _ENVOY_AFTER.match(sent.doc.text, m.end) is not None))}
    return replace(roles, actors=fill(roles.actors, None if code in addressed else code),
                   recipients=fill(roles.recipients, own or code))


_FORCE_VERBS = {"kill", "attack", "shell", "bomb", "strike", "shoot", "wound", "injure", "target", "hit", "fire",
                "massacre", "slaughter", "murder", "raid", "ambush", "abduct", "kidnap", "capture", "invade"}


def _state_code(sent, roles, mentions: Sequence[Mention]) -> str | None:  # type: ignore[no-untyped-def]
    """The acting state's country when its own people are the ones acted on: "Belarus freed 31 prisoners",
    "the Kenyan government evacuated villagers". A dateline (or a document about a neighbour) says where the
    reporter is, not whose prisoners these are. Force aimed at people is not assumed domestic, nor the military's."""
    civil = {a.code for a in roles.actors if a.code and a.code not in NONSTATE and (
        a.sector in _STATE_SECTORS - {"MIL", "SPY", "PRM"} or (not a.sector and a.kind in ("country", "capital")))}
    if len(civil) != 1 or _location(sent, [m for m in mentions if not _speaker_place(sent, m)], 0) is not None:
        return None
    verbs = {r.head.lemma_.lower() for r in roles.recipient_roots} | {
        r.head.head.lemma_.lower() for r in roles.recipient_roots if r.dep_ == "pobj"}
    return None if verbs & _FORCE_VERBS else next(iter(civil))


def _generic_parties(sent, roles, mentions: Sequence[Mention], home: str | None):  # type: ignore[no-untyped-def]
    """Fill an empty side with an uncoded human phrase ("11 young men"), coded by where the event is."""
    if roles.recipients and roles.actors:
        return roles
    state = {a.code for a in roles.actors if a.sector in _STATE_SECTORS and a.code}
    code = (_state_code(sent, roles, mentions) or _local_code(sent, mentions, home)
            or (next(iter(state)) if len(state) == 1 else None))
    taken = list(mentions)
    if not roles.recipients:
        party = generic_party(sent, roles.recipient_roots, code or "", taken)
        if party is not None:
            roles = replace(roles, recipients=(party,))
    if not roles.actors:
        party = generic_party(sent, roles.actor_roots, code or "", taken)
        if party is not None:
            roles = replace(roles, actors=(party,))
    return roles


def _location_of(mentions: Sequence[Mention], offset: int) -> Location | None:
    m = mentions[0] if mentions else None
    if m is None:
        return None
    lat_lon = coordinates(m.code, m.text)
    return Location(country=m.code, text=m.text, start=m.start + offset, end=m.end + offset,
                    lat=lat_lon[0] if lat_lon else None, lon=lat_lon[1] if lat_lon else None)


def _entity(m: Mention, offset: int, as_target: bool = False) -> Entity:
    # a capital is its government when it acts ("Pyongyang said"), the country when acted upon
    sector = "" if as_target and m.kind == "capital" else m.sector
    return Entity(entity_text=m.text, code=m.code, sector=sector, start=m.start + offset, end=m.end + offset)


def _location(sent, mentions: Sequence[Mention], offset: int) -> Location | None:  # type: ignore[no-untyped-def]
    found = _location_of([m for m in mentions if m.code and is_place_use(sent, m)][:1], offset)
    if found is None:  # "protesters in Mombasa": the place inside a merged actor phrase
        for m in mentions:
            if m.place_at >= 0 and m.code:
                start = m.start + m.place_at
                return _location_of([Mention(m.text[m.place_at:m.place_at + m.place_len], start,
                                             start + m.place_len, m.code)], offset)
    return found


# acts a state does itself and announces in the passive: "3,000 prisoners were pardoned, the junta announced",
# "five protesters were arrested, police said" (not killings: police report those, others commit them)
_STATE_ACTS = frozenset({"COERCE", "CONCEDE", "RETREAT", "SANCTION", "MOBILIZE", "AID"})


def announcing_state(sent, tok, mentions: Sequence[Mention]) -> list[Mention]:  # type: ignore[no-untyped-def]
    """The state body that announces an agentless passive act of the kind states do: it did it."""
    kids = list(tok.children)
    if not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return []
    for verb in tok.ancestors:
        if verb.lemma_.lower() in _SPEECH_VERBS:
            subj = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
            # only an uncoded body ("police said", "officials said"): "Ukraine's navy said" of its own sailors
            # detained, or "the Israeli military said" of hostages released, reports what others did
            return [m for m in mentions if m.sector in _STATE_SECTORS and not m.code
                    and {t.i for t in _tokens_of(sent, m)} & subj]
    return []
