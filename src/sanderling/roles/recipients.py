"""Recipient heads of a trigger and the phrases they span.

Objects, datives, passive subjects and the objects of directional prepositions ("talks with X",
"sanctions on X") are recipients; frame verbs pass on their complement's objects ("threatened to
expel U.N. peacekeepers"). ``_object_subtree`` then decides how far down a recipient phrase reaches:
in "an offer of French help against the jihadists" the jihadists receive nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Token

from sanderling.model import Mention
from sanderling.roles.clauses import _free_relative, _fronted_subjects, _labelled, _summary_aside
from sanderling.roles.generic import _GENERIC
from sanderling.roles.places import _SETTLEMENTS
from sanderling.roles.tree import _KEEP_PREPS, _SKIP_INSIDE, _SUBJ, _subtree

_RECIPIENT_PREPS = {"with", "against", "on", "upon", "to", "toward", "towards", "at", "into", "between",
                    "among", "from", "for", "of"}

# "on the sidelines of the summit", "on behalf of": the object of the preposition is not a party
_NOT_PARTIES = {"sideline", "sidelines", "margin", "margins", "occasion", "basis", "behalf", "eve", "condition",
                "ground", "grounds", "verge", "outskirt", "outskirts", "edge", "part", "way", "side",
                # "on Monday", "at a meeting of ...", "for the first time": when and where, not a party
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
                "january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "day", "night", "morning", "afternoon", "evening", "week",
                "month", "year", "time", "hour", "minute", "anniversary", "meeting", "summit", "conference",
                "session", "ceremony", "gathering", "forum", "briefing", "sitting", "assembly",
                # "killed at the hands of X": X is the agent
                "hand", "hands"}
_HARM = {"kill", "wound", "injure", "hurt", "maim"}
_BENEFIT = {"help", "assist", "support", "aid", "rebuild", "protect", "feed", "supply", "strengthen", "bolster"}
_DEMANDS = {"demand", "seek", "ask", "request", "press", "urge"}
_WARNINGS = {"threaten", "warn", "vow", "pledge", "resolve", "decide", "announce"}
_GRIEVANCE = {"protest", "demonstrate", "rally", "march", "campaign", "agitate", "strike"}
_FILINGS = {"complaint", "case", "lawsuit", "suit", "petition", "appeal", "charge", "claim", "protest", "file",
            "lodge", "bring", "submit"}  # filed "with"/"before" a court or body: a venue
# "a ceasefire brokered by Qatar": a go-between, not a party to what it brokered
_BROKERS = {"broker", "mediate", "facilitate", "host", "negotiate", "arrange", "sponsor", "organise", "organize"}


def _inner_prep(node: Token, prep: Token) -> bool:
    """Prepositional phrases that stay part of a recipient deep inside it: "of/from" (whose thing), "by" (the
    agent: "in protest against the sacking of workers by the state government") and "in" on villages and
    people ("water for dozens of villages in Sindh province")."""
    p = prep.lemma_.lower()
    return p in _KEEP_PREPS or p == "by" or (p == "in" and (node.lemma_.lower() in _SETTLEMENTS
                                                          or node.lemma_.lower() in _GENERIC)) or (
        p in ("in", "for", "with") and node.lemma_.lower() in _STANCE)  # "a vote of confidence in the governor"


_STANCE = {"confidence", "no-confidence", "trust", "faith", "support", "solidarity"}
_CLAIMS = {"complaint", "allegation", "charge", "claim", "accusation", "report", "suspicion", "evidence", "rumour",
           "rumor"}


def _object_subtree(root: Token, actor_toks: set[int], trigger: Token | None = None) -> set[int]:
    """Token ids of a recipient phrase. The head keeps its own prepositional phrases ("talks with X",
    "sanctions on X"), but deeper down only "of/from" phrases count: in "an offer of French help against
    the jihadists" the jihadists receive nothing. An owner that is an actor is the recipient of a thing:
    "rejected Seoul's offer of talks" → Seoul; "blocked the NATO bids of Sweden and Finland" → Sweden, Finland.
    """
    if root.i not in actor_toks:
        # ("the Ukrainian city of Kharkiv" names a place twice: no owner there)
        for deps in (("poss",), ("of",)) if root.lemma_.lower() not in _SETTLEMENTS else (("poss",),):
            owners = [c for c in root.children if c.dep_ in deps] if deps == ("poss",) else [
                p for c in root.children if c.dep_ == "prep" and c.lemma_.lower() == "of"
                for p in c.children if p.dep_ == "pobj"]
            owned = set().union(*(_subtree(o, block_preps=True) for o in owners)) if owners else set()
            if owned & actor_toks:
                return owned
        # "endorsed the roadmap drawn up by Chad's government": the author of the thing
        skip = trigger.i if trigger is not None else -1
        authors = [p for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i != skip
                   and c.lemma_.lower() not in _BROKERS
                   for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        owned = set().union(*(_subtree(o, block_preps=True) for o in authors)) if authors else set()
        if owned & actor_toks:
            return owned
    out = {root.i}
    stack = [root]
    venues = _venue_preps([root])
    while stack:
        node = stack.pop()
        for c in node.children:
            if c.dep_ in ("acl", "ccomp") and node.lemma_.lower() in _CLAIMS and any(
                    k.dep_ == "mark" and k.lower_ == "that" for k in c.children):
                # "an inquiry into complaints that a village officer demanded bribes": whom the claim is about
                for subj in c.children:
                    if subj.dep_ in ("nsubj", "nsubjpass"):
                        out |= _subtree(subj, block_preps=True)
                continue
            if c.dep_ in _SKIP_INSIDE or (node is not root and c.dep_ == "prep" and not _inner_prep(node, c)):
                continue
            if c.i in venues:
                continue
            out.add(c.i)
            stack.append(c)
    return out


def _recipient_roots(tok: Token, extra: Token | None) -> tuple[list[Token], list[Token]]:
    """Recipient heads of a verb trigger, and the objects of its complement (used when the heads hold no
    actor: "threatened on Monday to launch an offensive against X")."""
    roots: list[Token] = []
    complement: list[Token] = []  # objects of a frame verb's complement, used when nothing closer is found
    for node in (tok, extra):
        if node is None or (node is extra and roots and node.pos_ in ("VERB", "AUX")):
            continue
        skip = extra.i if extra is not None else -1
        addressee = any(c.dep_ in ("dobj", "obj", "dative", "iobj") and c.i != skip for c in node.children)
        for c in node.children:
            if c.dep_ in ("dobj", "obj", "dative", "iobj", "attr", "oprd"):
                if _summary_aside(node, c):
                    continue
                if c.pos_ == "ADP":  # "give rice to families": the parser calls "to" the dative; its object is
                    roots.extend(p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in _NOT_PARTIES)
                    continue
                roots.append(c)  # the trigger's own noun too: "summoned Belarus's envoy", "asked the IMF"
            elif c.dep_ == "prep" and c.lemma_.lower() in _RECIPIENT_PREPS:
                roots.extend(p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in _NOT_PARTIES)
            elif c.dep_ == "ccomp" and _free_relative(c):
                # "condemned what she called Bolivia's seizure", "held what officials described as talks with X":
                # the speaker of the label is no party; the labelled thing is the object
                roots.extend(_labelled(c))
            elif c.dep_ == "xcomp" or (c.dep_ == "ccomp" and not addressee and not (
                    c.i < node.i and _fronted_subjects(node))):
                # "demanded that X halt": X; but "promised Y that X would ..." is addressed to Y
                roots.extend(s for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
            if node is tok and c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _HARM:
                # "launched a drone at the base, wounding two US soldiers": the people the attack harmed
                complement.extend(o for o in c.children if o.dep_ in ("dobj", "obj"))
            if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _BENEFIT:  # "pledged $4m to help Pakistan"
                roots.extend(o for o in c.children if o.dep_ in ("dobj", "dative"))
                # "to help Pakistan rebuild roads": the helped party is parsed as the complement's subject
                roots.extend(s for cc in c.children if cc.dep_ in ("ccomp", "xcomp")
                             for s in cc.children if s.dep_ == "nsubj")
            elif c.dep_ == "advcl" and node is tok and c.lemma_.lower() in _GRIEVANCE:
                # "blocked a road to protest against ration cuts by the WFP": whom the protest is against
                complement.extend(p for pr in c.children
                                  if pr.dep_ == "prep" and pr.lemma_.lower() in ("against", "over")
                                  for p in pr.children if p.dep_ == "pobj")
                # "... to protest the killing of a trader by police officers": who did the grieved thing
                complement.extend(_doers(o) for o in c.children if o.dep_ in ("dobj", "obj") and _doers(o) is not o)
            elif node is tok and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children))):  # "to launch" parsed as advcl
                # frame verbs: "threatened to expel U.N. peacekeepers", "agreed to meet Iran"
                complement.extend(o for o in c.children if o.dep_ in ("dobj", "dative"))
                complement.extend(_partners(c))
            if node is tok and tok.lemma_.lower() in _WARNINGS and c.dep_ in ("xcomp", "ccomp", "advcl"):
                # "threatened to strike if the county does not pay ...": whom the condition is put to
                for cond in [c, *(g for g in c.children if g.dep_ == "advcl")]:
                    if cond.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("if", "unless")
                                                    for k in cond.children):
                        complement.extend(s for s in cond.children if s.dep_ in ("nsubj", "nsubjpass"))
            if node is tok and c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _DEMANDS:
                # "marched to demand higher wages from the city government", "..., demanding that the state
                # government pay compensation": whom the demand is made of
                complement.extend(p for pr in c.children if pr.dep_ == "prep" and pr.lemma_.lower() == "from"
                                  for p in pr.children if p.dep_ == "pobj")
                complement.extend(s for cc in c.children if cc.dep_ == "ccomp"
                                  for s in cc.children if s.dep_ in ("nsubj", "nsubjpass"))
            if c.dep_ == "nsubjpass":
                roots.append(c)
            if (node is tok and c.dep_ == "conj" and c.pos_ == "VERB" and c.i > node.i
                    and not any(s.dep_ in _SUBJ or s.dep_ == "nsubjpass" for s in c.children)):
                # "threatens to shut quarries, gives owners 30 days": the shared subject acts on the second
                # verb's people too
                complement.extend(o for o in c.children if o.dep_ in ("dative", "iobj") or (
                    o.dep_ == "dobj" and o.lemma_.lower() in _GENERIC))
        # "adopted a resolution calling on Eritrea to ...", "a statement urging Kyiv": whom the text addresses
        for noun in [node] + [c for c in node.children if c.dep_ in ("dobj", "obj")]:
            for c in noun.children:
                if c.dep_ == "acl" and c.tag_ == "VBG" and noun.pos_ in ("NOUN", "PROPN"):
                    complement.extend(o for o in c.children if o.dep_ in ("dobj", "dative"))
                    complement.extend(p for pr in c.children if pr.dep_ == "prep" and pr.lemma_.lower() in (
                        "on", "upon", "with", "against") for p in pr.children if p.dep_ == "pobj")
    venues = _venue_preps([tok] + [c for c in tok.children if c.dep_ in ("dobj", "obj")]
                          + ([extra] if extra is not None else []))
    roots = [r for r in roots if r.head.i not in venues or r.dep_ != "pobj"]
    return roots, complement


_REMOVALS = {"suspend", "expel", "bar", "ban", "exclude", "remove", "oust", "eject", "evict", "disqualify", "kick"}


def _removed_from(trigger: Token, recips: list[Mention], tok_of: dict[int, set[int]],
                  mention_toks: set[int]) -> list[Mention]:
    """"suspended Guinea-Bissau from the bloc's activities": what a coded party is removed from is no second
    recipient (but in "suspended imports from Israel" Israel is the only one)."""
    if trigger.lemma_.lower() not in _REMOVALS:
        return recips
    objs: set[int] = set().union(*(_object_subtree(o, mention_toks) for o in trigger.children
                                   if o.dep_ in ("dobj", "obj")))
    if not any(m.code and tok_of[id(m)] & objs for m in recips):
        return recips
    away = {t.i for c in trigger.children if c.dep_ == "prep" and c.lower_ == "from" for t in c.subtree}
    return [m for m in recips if not tok_of[id(m)] & away]


def _partners(verb: Token) -> list[Token]:
    """Objects of "with"/"against" on the verb or down its chain of prepositional phrases: "to meet with Iran",
    "to walk out of talks with Kosovo", "to pull out of the deal with Tehran"."""
    out, frontier = [], [verb]
    for _ in range(3):
        nxt = []
        for node in frontier:
            for pr in node.children:
                if pr.dep_ != "prep":
                    continue
                objs = [p for p in pr.children if p.dep_ == "pobj"]
                if pr.lemma_.lower() in ("with", "against"):
                    out.extend(objs)
                else:
                    nxt.extend([*objs, pr])  # "out of": a preposition under a preposition
        frontier = nxt
    return out


def _doers(thing: Token) -> Token:
    """The "by" agent of an event noun ("the killing of a trader by police" → police), else the noun itself."""
    for i in sorted(_subtree(thing)):
        t = thing.doc[i]
        if t.dep_ in ("prep", "agent") and t.lower_ == "by":
            objs = [p for p in t.children if p.dep_ == "pobj"]
            if objs:
                return objs[0]
    return thing


def _venue_preps(nodes: list[Token]) -> set[int]:
    """"lodged a complaint against X with the WTO": the body a complaint is filed with is a venue, not a target."""
    if not any(n.lemma_.lower() in _FILINGS for n in nodes):
        return set()
    preps = [c for n in nodes for c in n.children if c.dep_ == "prep"]
    if not any(c.lemma_.lower() == "against" for c in preps):
        return set()
    return {c.i for c in preps if c.lemma_.lower() in ("with", "before")}
