"""PLOVER type rules that depend on who acts and how a trigger is used.

Promised meetings and aid are AGREE, a party announcing its own coming force THREATENs, violent civilians
PROTEST (riot), joint exercises are COOPERATE::

    >>> from sanderling.events.rules import _FUTURE_TO
    >>> _FUTURE_TO["CONSULT"]
    'AGREE'
"""

from __future__ import annotations

from collections.abc import Sequence

from sanderling.model import Mention

# PLOVER: promised future meetings, support, cooperation and aid are AGREE; announced retreats are CONCEDE
_FUTURE_TO = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}
# a cooperative act announced as not going to happen is a refusal: "said it would not recognise the ruling",
# "will not attend the summit" (REJECT, with the refused thing as mode)
_REFUSED_AS = {"SUPPORT": "", "AGREE": "", "CONSULT": "meet", "COOPERATE": "assist", "AID": "assist",
               "CONCEDE": "yield", "RETREAT": "yield"}
_REFUSAL_FACTOR = 0.8
_CIVIL = {"CVL", "LAB", "EDU", "AGR", "REF", "OPP", "SOC", "PTY"}  # party workers protest too
_AIMED = {"ASSAULT", "THREATEN", "COERCE"}  # force aimed at a place hits that place's country


def _adjust(etype: str, mode: str, trig, actors: Sequence[Mention]) -> tuple[str, str]:  # type: ignore
    """PLOVER's type rules that depend on who acts and how the trigger is used."""
    tok = trig.token
    if etype == "ASSAULT" and actors and all(a.sector == "CVL" and a.kind != "generic" for a in actors):
        return "PROTEST", "riot"  # violent collective civilian action
    if (etype == "REQUEST" and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl") and actors
            and all(a.sector in _CIVIL for a in actors)):
        return "PROTEST", "demo"  # "villagers blocked the highway, demanding ...": demands voiced by protest
    if etype == "MOBILIZE":
        nodes = [tok] + ([trig.head_noun] if trig.head_noun is not None else [])
        if any(c.lower_ == "joint" for n in nodes for c in n.subtree if c.i < n.i):
            return "COOPERATE", ""  # joint exercises and patrols
    return etype, mode


# a party announcing its own coming use of force, arrests or sanctions threatens (PLOVER THREATEN; CAMEO 13)
_THREAT_MODES: dict[str, dict[str, str]] = {
    "ASSAULT": {"": "violence"},
    "COERCE": {"": "", "arrest": "arrest", "expel": "expel", "seize": "territory", "restrict": "restrict",
               "ban": "restrict", "curfew": "restrict"},
    "SANCTION": {"": ""},
}
_ANNOUNCING = frozenset({"say", "announce", "warn", "declare", "state", "tell", "vow", "pledge", "promise",
                         "threaten", "insist", "add", "confirm", "signal", "indicate", "write", "tweet", "post"})


def _announced_by_actor(tok, actors: Sequence[Mention], mentions: Sequence[Mention]) -> bool:  # type: ignore
    """The trigger is in what a party of the event itself said ("Turkey will launch …, Erdogan said")."""
    top = tok
    while top.dep_ in ("xcomp", "conj", "aux", "advcl") and top.head.i != top.i:
        top = top.head
    verb = top.head if top.dep_ in ("ccomp", "parataxis") else None
    if verb is None or verb.lemma_.lower() not in _ANNOUNCING:
        return False
    codes = {a.code for a in actors if a.code}
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        start = subj.left_edge.idx
        end = subj.right_edge.idx + len(subj.right_edge.text)
        if any(m.code in codes and m.start < end and start < m.end for m in mentions):
            return True
    return False
