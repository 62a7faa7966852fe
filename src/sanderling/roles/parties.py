"""Which candidate mentions are parties, and whose.

Bylines and the press a speaker addresses name no party; a body's members are that body; "its
consulate" belongs to the party "its" points back to; a country's own army is its own; an uncoded
phrase inside a coded one is that one's ("the IAEA's board of governors" → IAEA, ``owner_code``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Span, Token

from sanderling.model import Mention
from sanderling.roles.generic import _GENERIC, _NONSTATE, _STATE
from sanderling.roles.places import is_place_use
from sanderling.roles.tree import _head_of, _tokens_of


def _without_members(sent: Span, actors: list[Mention], tok_of: dict[int, set[int]]) -> list[Mention]:
    """"troops of the Nigerian army and Cameroonian soldiers": among parties of two countries, the members of
    a named body are that body; one party per country keeps the first-named one the actor."""
    if len({m.code for m in actors if m.code}) < 2:
        return actors
    drop = []
    for m in actors:
        toks = _tokens_of(sent, m)
        if not toks:
            continue
        owners = {p.i for c in _head_of(toks).children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"}
        if any(o is not m and tok_of[id(o)] & owners and (not m.code or o.code == m.code) for o in actors):
            drop.append(m)
    return [m for m in actors if m not in drop]


_BYLINE_BEFORE = re.compile(r"(?:^|[\n|/•])\s*(?:by\s+)?(?:(?:our|staff|special|a|the|senior|district|local)\s+){0,2}$",
                            re.IGNORECASE)
_BYLINE_AFTER = re.compile(r"\s*(?:$|[\n|/•(]|,\s*\w+\s*(?:[\n|/•]|$))")


def _byline(text: str, m: Mention) -> bool:
    """"staff reporter | posted on ...", "by our correspondent": a page's byline names the writer, no party."""
    return (m.sector == "JRN" and not m.code
            and _BYLINE_BEFORE.search(text[max(0, m.start - 40):m.start]) is not None
            and _BYLINE_AFTER.match(text, m.end) is not None)


def _told_press(sent: Span, m: Mention) -> bool:
    """"his wife told reporters in Dhaka that ...": the press addressed by a speaker is no party."""
    if m.sector != "JRN":
        return False
    toks = _tokens_of(sent, m)
    if not toks:
        return False
    head = _head_of(toks)
    return head.dep_ in ("dobj", "dative", "iobj") and head.head.lemma_.lower() in ("tell", "brief", "inform")


_MISSIONS = {"embassy", "consulate", "mission", "ambassador", "envoy", "diplomat", "consul", "citizen", "national"}


def _pronoun_owner(sent: Span, roots: list[Token], cands: list[Mention], actors: list[Mention],
                   missions_only: bool = False) -> Mention | None:
    """"Iran said Israel had attacked its consulate", "Ukraine said Russian forces shelled its positions": the
    owner a recipient's "its/their" points back to, the nearest coded party named before it that does not act.
    Once the recipient is coded only missions abroad change hands ("its consulate in Damascus" is not Syria's)."""
    acting = {a.code for a in actors}
    for root in roots:
        if missions_only and root.lemma_.lower() not in _MISSIONS:
            continue
        if root.lemma_.lower() in _GENERIC and not any(m.start <= root.idx < m.end for m in cands):
            continue  # "their supporters": people coded by where the event is (generic_party)
        pron = next((c for c in root.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if pron is None:
            continue
        before = [m for m in cands if m.code and m.end <= pron.idx and m not in actors and m.code not in acting]
        if before:
            return before[-1]
    return None


def _whose(sent: Span, m: Mention, cands: list[Mention]) -> Mention | None:
    """"..., Japan, whose prime minister called them a provocation": the coded party a "whose" relative clause
    hangs on owns the clause's people."""
    toks = _tokens_of(sent, m)
    if not toks:
        return None
    node = _head_of(toks)
    whose = next((c for c in node.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    if whose is None:
        return None
    for _ in range(3):  # up to the clause's verb
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    # the parser may make the clause a conjunct ("talks between Seoul and Japan, whose ... called") or hang it on
    # the phrase's head ("talks"): then the word before ", whose" is the owner
    antes = [node.head.i] if node.dep_ == "relcl" else []
    antes.append(whose.i - 2 if whose.i > 1 and whose.nbor(-1).text == "," else whose.i - 1)
    for ante in antes:
        owner = next((o for o in cands if o.code and o is not m and any(t.i == ante for t in _tokens_of(sent, o))),
                     None)
        if owner is not None:
            return owner
    return None


def _whose_owned(sent: Span, party: list[Mention], cands: list[Mention]) -> list[Mention]:
    """Uncoded mentions of ``party`` owned through "whose" take the owner's code and keep their own sector."""
    out = []
    for m in party:
        owner = None if m.code else _whose(sent, m, cands)
        out.append(replace(m, code=owner.code) if owner is not None else m)
    return out


def _counterpart(text: str, actors: list[Mention], recips: list[Mention]) -> list[Mention]:
    """"Beijing hailed the Sino-Japanese fisheries deal", "China welcomed Sino-US talks": in a hyphenated pair
    that includes the actor's own country, the other half is the recipient."""
    own = {a.code for a in actors if a.code}

    def paired(m: Mention) -> bool:
        return (m.start > 0 and text[m.start - 1] == "-") or (m.end < len(text) and text[m.end] == "-")

    drop = [r for r in recips if r.code in own and paired(r)]
    if drop and any(r.code and r.code not in own and paired(r) for r in recips):
        return [r for r in recips if r not in drop]
    return recips


def _own_institutions(sent: Span, actors: list[Mention], recips: list[Mention],
                      mentions: list[Mention]) -> list[Mention]:
    """State bodies named without a country are the actor's own when nothing places them elsewhere: in
    "Peru's president accused the army of ..." the army is Peru's. A coded recipient beside them wins: in
    "Colombia extradited a trafficker to the United States" the trafficker is not a second party."""
    if any(m.code for m in recips):
        return [m for m in recips if m.code] if any(not m.code for m in recips) else recips
    codes = {a.code for a in actors if a.code}
    if len(codes) != 1 or codes & _NONSTATE:
        return recips
    own = next(iter(codes))
    if any(m.code and m.code != own and is_place_use(sent, m) for m in mentions):
        return recips  # "... talks with the government in Riyadh": placed elsewhere
    return [replace(m, code=own) if m.sector in _STATE else m for m in recips]


def _noun_chain(start: Token, steps: int = 3) -> set[int]:
    """The token and the nouns above it inside one noun phrase (through of/'s/compounds)."""
    out, node = {start.i}, start
    for _ in range(steps):
        if node.dep_ not in ("pobj", "prep", "poss", "compound", "nmod", "appos") or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            out.add(node.i)
        elif node.pos_ != "ADP":
            break
    return out


def owner_code(sent: Span, m: Mention, party: list[Mention]) -> str | None:
    """The code of a coded mention an uncoded one is part of: "the IAEA's board of governors", "governors of
    the IAEA" — the governors are the agency's, not the country where the event happens."""
    toks = _tokens_of(sent, m)
    if not toks:
        return None
    mine = {t.i for t in toks}
    for other in party:
        if not other.code or other is m:
            continue
        theirs = _tokens_of(sent, other)
        if not theirs:
            continue
        a, b = _noun_chain(_head_of(toks)) | mine, _noun_chain(_head_of(theirs)) | {t.i for t in theirs}
        if a & b:
            return other.code
    return None
