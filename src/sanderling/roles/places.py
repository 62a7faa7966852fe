"""Place names used as places, and places that are targets.

"in Kabul" is where an event happens, not an actor (``is_place_use``); but "fired rockets at northern
Israel" aims at Israel, and "opened an investigation into war crimes committed in Venezuela" targets
Venezuela (``aimed_places``, ``_probed_places``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Span, Token

from sanderling.model import Mention
from sanderling.roles.generic import _GENERIC, _NONSTATE, GENERIC_WORDS
from sanderling.roles.tree import _head_of, _subtree, _tokens_of

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "through"}

_SETTLEMENTS = {"city", "town", "village", "port", "province", "region", "district", "state", "county", "capital",
                "area", "outskirts", "suburb", "island", "border", "neighbourhood", "neighborhood", "camp"}


def is_place_use(sent: Span, m: Mention) -> bool:
    """A place name used as a location ("in Kabul"), not as an actor."""
    if not m.is_place:
        return False
    toks = _tokens_of(sent, m)
    if not toks:
        return False
    head = toks[-1]
    while head.head.i != head.i and head.dep_ in ("compound", "flat", "amod", "conj", "cc") and head.head in toks:
        head = head.head
    h = head
    while h.dep_ in ("conj", "appos") and h.head.i != h.i:  # "in Afrin, northern Syria": the apposition too
        h = h.head
    if h.dep_ == "pobj" and h.head.lemma_.lower() == "of" and h.head.head.lemma_.lower() in _SETTLEMENTS:
        h = h.head.head  # "near the port of Gwadar", "in the city of Goma": the settlement noun's preposition
        while h.dep_ == "conj":
            h = h.head
    if h.dep_ == "pobj" and h.head.lemma_.lower() in ("between", "from", "to") and (
            h.head.head.lemma_.lower() in _ROUTES):
        return True  # "on the road between Gao and Menaka", "the highway from Kabul to Kandahar": ends of a route
    return h.dep_ == "pobj" and h.head.lemma_.lower() in _PLACE_PREPS


_ROUTES = {"road", "highway", "motorway", "expressway", "street"}

_PROBES = {"investigation", "inquiry", "probe", "investigate", "inquest"}


def _probed_places(sent: Span, roots: list[Token], mentions: list[Mention]) -> list[Mention]:
    """"opened an investigation into war crimes committed in Venezuela": the country whose affairs are
    investigated is the target, though named as a place."""
    out = []
    for r in roots:
        if not (r.dep_ == "pobj" and r.head.lower_ == "into"):
            continue
        probe = r.head.head  # "opened an investigation on Tuesday into ...": the parser may hang "into" on the verb
        if probe.lemma_.lower() not in _PROBES and not any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _PROBES for c in probe.children):
            continue
        inside = {t.i for t in r.subtree}
        for m in mentions:
            toks = {t.i for t in _tokens_of(sent, m)}
            if m.code and m.is_place and m not in out and toks and toks <= inside:
                out.append(m)
    return out


_AIM_PREPS = {"at", "on", "against", "into", "toward", "towards", "across", "around"}  # "drills around Taiwan"


def _place_prep(sent: Span, m: Mention) -> Token | None:
    """The preposition a coded place used as a place hangs on ("fired rockets at northern Israel" → "at")."""
    if not (m.code and is_place_use(sent, m)):
        return None
    toks = _tokens_of(sent, m)
    if not toks:
        return None
    head = toks[-1]
    while head.dep_ in ("compound", "amod", "flat") and head.head.i != head.i:
        head = head.head
    return head.head if head.dep_ == "pobj" else None


def aimed_places(sent: Span, trigger: Token, mentions: list[Mention]) -> list[Mention]:
    """Places an attack is aimed at ("fired rockets at northern Israel", "drones on Kyiv"): for force
    events the place named after at/on/against is the target, not just the location."""
    out = _across_border(sent, trigger, mentions)
    for m in mentions:
        prep = _place_prep(sent, m) if m not in out else None
        if prep is None:
            continue
        gov = prep.head
        if prep.lemma_.lower() in ("in", "of", "near", "outside") and _seized_settlement(trigger, gov):
            out.append(m)  # "captured a village in eastern Ukraine", "overran the town of Bakhmut"
            continue
        if prep.lemma_.lower() in ("in", "near", "outside") and _struck_thing(trigger, gov):
            out.append(m)  # "struck a fuel depot in Port Sudan", "shelled a camp near El Fasher"
            continue
        if prep.lemma_.lower() not in _AIM_PREPS:
            continue
        if gov.i == trigger.i or (gov.head.i == trigger.i and gov.dep_ in ("dobj", "obj", "nsubjpass")):
            out.append(m)
    return out


def left_places(sent: Span, trigger: Token, mentions: list[Mention]) -> list[Mention]:
    """Places a withdrawal leaves ("withdrew from Niger", "handed over their last base in Chad"): the country
    left is the recipient."""
    out = []
    for m in mentions:
        prep = _place_prep(sent, m)
        if prep is None:
            continue
        gov = prep.head
        # ... or "the withdrawal of 2,000 US troops in Syria"
        of_thing = gov.dep_ == "pobj" and gov.head.lower_ == "of" and gov.head.head.i == trigger.i
        if (prep.lemma_.lower() == "from" and gov.i == trigger.i) or (
                prep.lemma_.lower() in ("in", "from") and (gov.head.i == trigger.i and gov.dep_ in ("dobj", "obj")
                                                           or of_thing)):
            out.append(m)
    return out


_FRONTIERS = {"border", "frontier", "boundary"}


def _across_border(sent: Span, trigger: Token, mentions: list[Mention]) -> list[Mention]:
    """"deployed troops along its border with China", "moved fighters closer to the Israeli border": force sent
    to a frontier is aimed at the country across it."""
    inside = _subtree(trigger)
    borders = [t for t in sent if t.i in inside and t.lemma_.lower() in _FRONTIERS and t.i != trigger.i]
    if not borders:
        return []
    out = []
    for m in mentions:
        if not m.code or m.code in _NONSTATE:
            continue
        toks = _tokens_of(sent, m)
        if not toks:
            continue
        head = _head_of(toks)
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        for b in borders:
            if (head.head.i == b.i and head.dep_ in ("amod", "compound", "poss", "nmod")) or (
                    head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head.i == b.i):
                out.append(m)
                break
    return out


def _struck_thing(trigger: Token, gov: Token) -> bool:
    """The place phrase hangs on a thing (not people) the trigger acts on: its object or a conjoined object (or on
    the verb itself, when it has such an object: "struck targets near Damascus")."""
    if gov.i == trigger.i:
        return any(_struck_thing(trigger, c) for c in trigger.children if c.dep_ in ("dobj", "obj"))
    node = gov
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return (node.dep_ in ("dobj", "obj", "nsubjpass") and node.head.i == trigger.i and gov.pos_ in ("NOUN", "PROPN")
            and gov.lemma_.lower() not in _GENERIC and gov.lemma_.lower() not in GENERIC_WORDS)


def _seized_settlement(trigger: Token, gov: Token) -> bool:
    """The place phrase belongs to a village or town the trigger acts on (its object, or the verb itself when the
    parser hangs "in X" there and the object is a settlement)."""
    objs = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in _SETTLEMENTS]
    if not objs:
        return False
    return gov.i == trigger.i or any(gov.i == o.i for o in objs)
