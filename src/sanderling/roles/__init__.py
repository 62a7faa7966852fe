"""Who did it and to whom: actor and recipient roles from the dependency parse.

Subjects (or passive agents) are actors; objects, datives, passive subjects and the
objects of directional prepositions ("with", "against", "on", "at") are recipients.
Every actor mention inside the chosen subtree is kept, so compound actors stay together
("The United States, South Korea and Japan demanded ..." → three actors, one event).
When the parse gives nothing, the nearest mention on each side of the trigger is used
and the event's confidence is lowered.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Span, Token

from sanderling.model import Mention

_RECIPIENT_PREPS = {"with", "against", "on", "upon", "to", "toward", "towards", "at", "into", "between",
                    "among", "from", "for", "of"}
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within"}
_SUBJ = ("nsubj", "csubj", "expl")
_SETTLEMENTS = {"city", "town", "village", "port", "province", "region", "district", "state", "county", "capital",
                "area", "outskirts", "suburb", "island", "border", "neighbourhood", "neighborhood", "camp"}
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
_SKIP_INSIDE = {"relcl", "acl", "advcl", "appos", "parataxis"}
# verbs whose participle after a people noun is never a passive ("youths protested at ..."): the noun acts
_ACTING_ONLY = {"protest", "demonstrate", "rally", "march", "agitate", "riot", "clash", "picket"}


@dataclass(frozen=True)
class Roles:
    actors: tuple[Mention, ...]
    recipients: tuple[Mention, ...]
    from_parse: bool
    actor_roots: tuple[Token, ...] = ()  # the parse's subject/agent heads, coded or not
    recipient_roots: tuple[Token, ...] = ()


def _tokens_of(sent: Span, m: Mention) -> list[Token]:
    """Tokens of ``sent`` whose start offset (``Token.idx``) falls inside the mention."""
    doc = sent.doc
    starts = doc.user_data.get("sanderling_starts")
    if starts is None:  # token start offsets, computed once per parsed sentence
        starts = doc.user_data["sanderling_starts"] = [t.idx for t in doc]
    lo = max(bisect_left(starts, m.start), sent.start)
    hi = min(bisect_left(starts, m.end), sent.end)
    return [doc[i] for i in range(lo, hi)]


_KEEP_PREPS = {"of", "from"}  # "the leader of X", "officials from X" belong to the phrase; "for/against X" do not


def _subtree(root: Token, block_preps: bool = False) -> set[int]:
    """Token ids under ``root``, leaving out relative clauses and asides (and, for actors, attached
    prepositional phrases: "the envoy for Yemen" is not Yemen acting)."""
    out = {root.i}
    stack = [root]
    while stack:
        node = stack.pop()
        for c in node.children:
            if c.dep_ in _SKIP_INSIDE or (block_preps and c.dep_ == "prep" and c.lemma_.lower() not in _KEEP_PREPS):
                continue
            out.add(c.i)
            stack.append(c)
    return out


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
# texts a body adopts or issues: in "passed a resolution condemning X" the body condemns
_TEXTS = {"resolution", "statement", "letter", "motion", "declaration", "communique", "communiqué", "memorandum",
          "notice", "circular", "petition", "press release", "release", "order", "advisory", "note", "bill"}


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
    while h.dep_ == "conj":
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


def _subject(tok: Token) -> list[Token]:
    node, via_xcomp = tok, False
    for _ in range(4):
        # "X are scheduled to meet", "X were expected to sign": a passive raising verb's subject does the xcomp
        subs = [c for c in node.children if c.dep_ in _SUBJ or (via_xcomp and c.dep_ == "nsubjpass")]
        if subs:
            return subs
        fronted = _fronted_subjects(node)
        if fronted:
            return fronted
        via_xcomp = node.dep_ == "xcomp"
        if (node.dep_ == "acl" and node.tag_ == "VBG" and node.head.lemma_.lower() in _TEXTS
                and node.head.dep_ in ("dobj", "obj") and node.head.head.pos_ in ("VERB", "AUX")):
            node = node.head.head  # "the assembly passed a resolution urging ...": the assembly
            continue
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [node.head]
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "dep" and node.head.pos_ == "VERB" and node.head.i < node.i and any(
                t.text == "," for t in node.doc[node.head.i:node.i]):
            node = node.head  # headline chain "bandits kill X, accuse him of ...": the parser leaves "dep"
            continue
        break
    return []


def _fronted_subjects(verb: Token) -> list[Token]:
    """"Canada and Mexico, both stung by new tariffs, lodged a complaint": the parser makes the aside a clause
    in front of the verb ("Canada ... stung") and leaves the verb without a subject. A subjectless verb whose
    clausal complement comes first, with its subject right at the start, gets that subject back."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")
                                               for c in verb.children):
        return []
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ in ("VBN", "VBD"):
            subs = [s for s in c.children if s.dep_ == "nsubj" and s.i < c.i]
            if subs and subs[0].lower_ in ("both", "all", "each"):  # "Ghana and Togo, both stung by ...": Ghana
                subs = [n for n in c.children if n.i < subs[0].i and n.pos_ in ("PROPN", "NOUN")] or subs
            # the aside is set off by a comma between the subject and the participle
            if subs and any(t.text == "," for t in c.doc[subs[0].i:c.i]):
                return subs
        # headlines chain clauses with a comma ("naxals kill ex-sarpanch, accuse him of ..."): the parser makes
        # the first clause a complement of the second, which then shares its subject
        if (c.dep_ == "ccomp" and c.i < verb.i and c.tag_ in ("VBP", "VBZ") and verb.tag_ in ("VBP", "VBZ", "VB")
                and any(t.text == "," for t in c.doc[c.right_edge.i:verb.i])):
            subs = [s for s in c.children if s.dep_ == "nsubj" and s.i < c.i]
            if subs:
                return subs
    return []


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


def _undergone(phrase: Token) -> tuple[list[Token], list[Token]] | None:
    """"aid workers were subjected to a campaign of intimidation by X", "the town came under attack from Y": the
    clause's subject undergoes the noun's act; who does it is the "by"/"from" object of the noun, of the
    "campaign", "wave" or "series" it is part of, or of the verb."""
    nouns = [phrase]
    while len(nouns) < 3 and phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.pos_ == "NOUN":
        phrase = phrase.head.head
        nouns.append(phrase)
    if phrase.dep_ != "pobj" or phrase.head.dep_ != "prep":
        return None
    gov, prep = phrase.head.head, phrase.head.lower_
    lemma = gov.lemma_.lower()
    if not ((prep == "to" and lemma in ("subject", "expose") and any(c.dep_ == "auxpass" for c in gov.children))
            or (prep == "under" and lemma in ("come", "fall"))):
        return None
    # the parser may hang "by X" on the verb as its passive agent
    doers = [p for n in (*nouns, gov) for c in n.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
             for p in c.children if p.dep_ == "pobj"]
    undergoers = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (doers, undergoers) if doers and undergoers else None


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


def _with_conjuncts(sent: Span, m: Mention, others: list[Mention]) -> list[Mention]:
    """A mention and those coordinated with it ("Israel and Hamas"), in text order."""
    toks = _tokens_of(sent, m)
    if not toks:
        return [m]
    top = _conj_root(_head_of(toks))
    chain = {top.i} | {t.i for t in top.subtree if t.dep_ == "conj" and _conj_root(t).i == top.i}
    out = [o for o in others if o is not m and _head_of(_tokens_of(sent, o) or toks).i in chain]
    return sorted([m, *out], key=lambda x: x.start)


def _conj_root(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _trails(verb: Token) -> bool:
    """A participle or a conjoined verb that follows the verb it hangs on and shares its subject."""
    head = verb.head
    if head.pos_ != "VERB" or head.i >= verb.i:
        return False
    if verb.dep_ == "advcl":
        return verb.tag_ == "VBG"
    return verb.dep_ == "conj" and not any(c.dep_ in _SUBJ or c.dep_ == "nsubjpass" for c in verb.children)


def _fired(weapon: Token) -> tuple[list[Token], list[Token]] | None:
    """"two soldiers were wounded by a mortar round, fired by Hamas": who fired the weapon acts on whom it hit."""
    wielders = _wielders(weapon)
    if wielders == [weapon]:
        return None
    return wielders, _hit_by(weapon)


def _hit_by(weapon: Token) -> list[Token]:
    """Who a weapon hit: the subject of the passive whose "by" agent it is ("soldiers were wounded by a round")."""
    if weapon.dep_ != "pobj" or weapon.head.dep_ != "agent":
        return []
    return [c for c in weapon.head.head.children if c.dep_ == "nsubjpass"]


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


def _holds_mention(roots: list[Token], tok_of: dict[int, set[int]]) -> bool:
    ids = set().union(*(_subtree(r, block_preps=True) for r in roots)) if roots else set()
    return any(toks & ids for toks in tok_of.values())


def _after_clause(clause: Token) -> bool:
    """"three protesters died after police opened fire": the clause tells what befell the main clause's subject."""
    return any(c.dep_ == "mark" and c.lower_ in ("after", "as", "when") for c in clause.children)


def _when_clause(clause: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in ("when", "as") for c in clause.children)


def _summary_aside(verb: Token, obj: Token) -> bool:
    """"met X in Kampala on Monday, the first trip of its kind in a decade": a noun phrase after a comma that follows
    the verb's own object sums the event up; the parser calls it a second object, but it names no party."""
    edge = obj.left_edge
    if edge.i > verb.i and any(t.lower_ == "according" for t in verb.doc[verb.i:edge.i]):
        return True  # "..., according to residents, a local group and an aid worker": sources, not objects
    return (edge.i > 0 and edge.nbor(-1).text == "," and any(
        c.dep_ in ("dobj", "obj") and c.i < obj.i for c in verb.children))


_LABEL_VERBS = {"call", "describe", "term", "label", "characterize", "characterise", "dub", "brand", "deem",
                "consider", "see", "portray", "refer"}


def _free_relative(clause: Token) -> bool:
    """"what he called …": a labelling verb whose object is the wh-word of a free relative clause."""
    return clause.lemma_.lower() in _LABEL_VERBS and any(
        c.dep_ in ("dobj", "obj", "nsubjpass") and c.lower_ in ("what", "whatever") for c in clause.children)


def _labelled(clause: Token) -> list[Token]:
    """The thing a free relative labels: "called [Bolivia's seizure]", "described as [talks with X]"."""
    out = [c for c in clause.children if c.dep_ in ("oprd", "dobj", "obj", "attr") and c.lower_ not in (
        "what", "whatever")]
    out.extend(p for pr in clause.children if pr.dep_ == "prep" and pr.lower_ in ("as", "to")
               for p in pr.children if p.dep_ == "pobj")
    return out


def _stray_agents(tok: Token) -> list[Token]:
    """A passive's "by" phrase the parser hung on a nearby noun: "was hacked to death with machetes by
    cattle rustlers" (by → machetes). Searched two prepositional phrases down from the verb."""
    frontier = [tok]
    for _ in range(2):
        nxt = []
        for node in frontier:
            for pr in node.children:
                if pr.dep_ not in ("prep", "agent"):
                    continue
                objs = [p for p in pr.children if p.dep_ == "pobj"]
                if pr.lemma_.lower() == "by" and node is not tok:
                    return objs
                nxt.extend(objs)
        frontier = nxt
    return []


_HANDS = {"hand", "hands"}  # also in _NOT_PARTIES


def _hands_of(node: Token) -> list[Token]:
    """"killed at the hands of RSF fighters": the hands' owner is the agent."""
    return [o for pr in node.children if pr.dep_ == "prep" and pr.lower_ == "at"
            for h in pr.children if h.dep_ == "pobj" and h.lemma_.lower() in _HANDS
            for of in h.children if of.dep_ == "prep" and of.lower_ == "of"
            for o in of.children if o.dep_ == "pobj"]


def _noun_roots(tok: Token) -> tuple[list[Token], list[Token]]:
    actors, recips = [], []
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
            actors.append(c)
        elif c.dep_ == "prep" and c.lemma_.lower() == "by":
            actors.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lemma_.lower() in ("between", "among"):
            actors.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lemma_.lower() in _RECIPIENT_PREPS:
            recips.extend(p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in _HANDS)
    actors.extend(_hands_of(tok))
    label = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("as", "to") else tok.head
    if (tok.dep_ in ("pobj", "oprd", "dobj", "obj", "attr") and label.dep_ == "ccomp"
            and _free_relative(label) and label.head.pos_ in ("VERB", "AUX")):
        # "X held what officials described as cordial talks with Y": X talks, not the officials
        actors = [a for a in actors if a.dep_ != "amod" or a.tag_ != "JJ"] + _subject(label.head)
    elif not actors and tok.dep_ in ("dobj", "obj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        actors = _subject(tok.head)
    elif not actors and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        actors = _subject(tok.head.head)  # "the minister flew to Tehran for talks with ..."
    return actors, recips


_SPEECH = {"say", "add", "state", "report"}
# participles the parser mistakes for the main verb: "Hackers linked to Russia knocked websites offline"
_MODIFIER_VERBS = {"link", "tie", "connect", "affiliate", "associate", "back", "ally", "believe", "suspect",
                   "align", "loyal"}


def _reported(trigger: Token) -> Token:
    """A verb of saying stands for nothing the text reports: "X knocked Y offline, the agency said". The
    parties are those of the reported clause, so roles are read from its verb."""
    if trigger.lemma_.lower() not in _SPEECH or trigger.pos_ not in ("VERB", "AUX"):
        return trigger
    clause = next((c for c in trigger.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return trigger
    if clause.lemma_.lower() in _MODIFIER_VERBS and clause.tag_ in ("VBD", "VBN"):
        nxt = next((c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"
                    and not any(s.dep_ in _SUBJ for s in c.children)), None)
        if nxt is not None:
            return nxt
    return clause


_DIE = {"die", "perish", "drown", "succumb"}
_SUFFER_PASSIVE = {"kill", "injure", "wound", "hurt", "hit", "maim", "kidnap", "abduct", "displace", "trap", "bury"}


def _suffers(verb: Token) -> bool:
    """The verb's subject is a victim: "died", "were killed", "was wounded"."""
    lemma = verb.lemma_.lower()
    return lemma in _DIE or (lemma in _SUFFER_PASSIVE and any(c.dep_ in ("auxpass", "nsubjpass")
                                                               for c in verb.children))


def assign_roles(sent: Span, trigger: Token, extra: Token | None, mentions: list[Mention]) -> Roles:
    """Pick actors and recipients for a trigger among the sentence's mentions."""
    if extra is None:
        clause = _reported(trigger)
        if clause.i != trigger.i:
            roles = _assign(sent, clause, None, mentions)
            if roles.actors or roles.recipients:
                return roles
    return _assign(sent, trigger, extra, mentions)


def _assign(sent: Span, trigger: Token, extra: Token | None, mentions: list[Mention]) -> Roles:
    text = sent.doc.text  # Doc.text joins every token: once per sentence, not per mention
    cands = [m for m in mentions if not is_place_use(sent, m) and not _byline(text, m)
             and not _told_press(sent, m)]
    tok_of = {id(m): {t.i for t in _tokens_of(sent, m)} for m in cands}
    r_comp: list[Token] = []
    if trigger.pos_ in ("NOUN", "PROPN") and extra is None:
        a_roots, r_roots = _noun_roots(trigger)
        phrase = trigger  # "activated a currency swap line": the trigger modifies the noun the clause governs
        while phrase.dep_ == "compound" and phrase.head.i != phrase.i and phrase.head.pos_ in ("NOUN", "PROPN"):
            phrase = phrase.head
        gov = phrase.head.head if phrase.dep_ == "pobj" and phrase.head.dep_ == "prep" else (
            phrase.head if phrase.dep_ in ("dobj", "obj", "attr") else None)
        if gov is not None and gov.pos_ in ("VERB", "AUX") and not _holds_mention(a_roots, tok_of):
            # "resumed joint river patrols", "In a phone call, X told Y": modifiers name no party; the clause does
            a_roots = _subject(gov)
            if phrase.dep_ == "pobj" and phrase.head.lower_ in ("in", "during") and not _holds_mention(
                    r_roots, tok_of):
                r_roots = [c for c in gov.children if c.dep_ in ("dobj", "dative", "iobj")]
        if (gov is not None and phrase.dep_ == "pobj" and phrase.head.lower_ in ("in", "during", "by")
                and gov.pos_ in ("VERB", "AUX") and _suffers(gov)):
            # "a British soldier has died in an explosion", "were wounded in an airstrike": the subject is a victim
            victims = {c.i for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")}
            r_roots = r_roots + [r for r in a_roots if r.i in victims]
            a_roots = [r for r in a_roots if r.i not in victims]
        undergone = _undergone(phrase) or _fired(phrase)
        if undergone is not None:
            a_roots, r_roots = undergone
    else:
        agents = [p for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
        # reduced relative: "westerners imprisoned by Isis", "soldiers killed in the attack"
        # ... but "Sheinbaum, who ..., rejected on Monday a proposal": a verb with a direct object is active
        reduced = (trigger.tag_ == "VBN" and trigger.dep_ in ("acl", "relcl") and not passive
                   and not any(c.dep_ in ("dobj", "obj", "dative") for c in trigger.children))
        if passive and not agents:
            agents = _stray_agents(trigger) or _hands_of(trigger) or [
                s for c in trigger.children if c.dep_ == "advcl" and _when_clause(c)
                for s in c.children if s.dep_ == "nsubj"]  # "were killed when gunmen opened fire"
        if reduced and not agents and trigger.head.dep_ == "ROOT" and trigger.lemma_.lower() in _ACTING_ONLY:
            # "youths protested at the government house": with no finite verb the parser reads the lower-case
            # clause as a noun with a participle, but nobody is "protested"; the noun is the subject
            reduced = False
            a_roots = [trigger.head]
            r_roots, r_comp = _recipient_roots(trigger, extra)
        elif passive or reduced:
            a_roots = agents
            r_main, r_comp = _recipient_roots(trigger, extra)
            r_roots = [c for c in trigger.children if c.dep_ == "nsubjpass"] + r_main
            if reduced and trigger.head.pos_ in ("NOUN", "PROPN"):
                r_roots.append(trigger.head)
                r_roots.extend(_hit_by(trigger.head))  # "were wounded by a round fired by X": the wounded
        else:
            a_roots = _subject(trigger)
            r_roots, r_comp = _recipient_roots(trigger, extra)
            if _trails(trigger):
                # "students padlocked the office of the campus chief, demanding a cut in fees", "offered an
                # apology to the families and promised compensation": whom the demand (or protest, or promise)
                # is put to is who the first verb acts on
                r_comp = r_comp + _recipient_roots(trigger.head, None)[0]
            if trigger.lemma_.lower() in _DIE and trigger.pos_ in ("VERB", "AUX"):
                # "a British soldier has died": a victim, not an actor ("died at the hands of X": X acts)
                a_roots, r_roots = _hands_of(trigger), a_roots + r_roots
            if trigger.dep_ == "advcl" and (_when_clause(trigger) or (
                    _after_clause(trigger) and _suffers(trigger.head))):
                # "two guards were shot dead when gunmen stormed a bank": the victims of the clause
                r_comp = r_comp + [c for c in trigger.head.children if c.dep_ == "nsubjpass" or (
                    c.dep_ == "nsubj" and trigger.head.lemma_.lower() in ("die", "perish"))]
    coded = {i for m in cands if m.code for i in tok_of[id(m)]}
    a_roots = [w for r in a_roots for w in _wielders(_named(_antecedent(r), coded))]
    # "Hezbollah's drone attack on an Israeli base killed two soldiers": the attacked side's people
    r_comp = r_comp + [p for r in a_roots if r.lemma_.lower() in _ATTACKS for pr in r.children
                       if pr.dep_ == "prep" and pr.lower_ in ("on", "against") for p in pr.children if p.dep_ == "pobj"]
    r_roots = [_named(_antecedent(r), coded) for r in r_roots]
    a_ids: set[int] = set().union(*(_subtree(r, block_preps=True) for r in a_roots)) if a_roots else set()
    # owners of a recipient thing are coded parties ("Seoul's offer"); people inside it are its content
    # ("a Togolese offer of a swap of detainees")
    mention_toks: set[int] = {i for m in cands if m.code or m.sector in _STATE for i in tok_of[id(m)]}
    r_ids: set[int] = set().union(*(_object_subtree(r, mention_toks, trigger) for r in r_roots)) if r_roots else set()
    actors = _without_members(sent, [m for m in cands if tok_of[id(m)] & a_ids], tok_of)
    recips = [m for m in cands if tok_of[id(m)] & r_ids and m not in actors]
    recips = _removed_from(trigger, recips, tok_of, mention_toks)
    split = _headline_verb(a_roots)
    if split is not None:
        # "police raid opposition offices, seize documents": the parser read the first clause as one noun
        # compound; who is left of its verb acts, who is right of it is acted on
        left = [m for m in actors if max(tok_of[id(m)]) < split]
        right = [m for m in actors if min(tok_of[id(m)]) > split]
        if left and right:
            actors = left
            if not any(m.code for m in recips):
                recips = right
    # "X promised that Hanoi would sign a pact with Y": a clause subject that is the actor itself gives way to
    # the clause's own objects
    own = {m.code for m in actors if m.code}
    if own and any(m.code for m in recips) and all(m.code in own for m in recips if m.code):
        objs = [o for r in r_roots if r.dep_ in ("nsubj", "nsubjpass") and r.head.dep_ == "ccomp"
                for o in _clause_objects(r.head)]
        o_ids: set[int] = set().union(*(_object_subtree(o, mention_toks, trigger) for o in objs)) if objs else set()
        other = [m for m in cands if tok_of[id(m)] & o_ids and m not in actors and m.code and m.code not in own]
        if other:
            recips, r_roots = other, objs
    if r_comp and not any(m.code for m in recips):
        c_ids: set[int] = set().union(*(_object_subtree(r, mention_toks, trigger) for r in r_comp))
        comp = [m for m in cands if tok_of[id(m)] & c_ids and m not in actors]
        if comp:
            recips, r_roots = comp, r_comp
        elif not recips:  # people named by no mention: generic_party looks at the complement's objects too
            r_roots = r_roots + [r for r in r_comp if r not in r_roots]
    if not any(m.code for m in recips):
        recips = _probed_places(sent, r_roots, mentions) or recips
    if actors:
        owner = _pronoun_owner(sent, r_roots, cands, actors, missions_only=any(m.code for m in recips))
        if owner is not None:
            recips = [owner]
    if recips and actors:
        recips = _own_institutions(sent, actors, recips, mentions)
        recips = _counterpart(sent.doc.text, actors, recips)
    claimant = _claimant(trigger, cands, tok_of)
    if claimant and not any(m.code for m in actors):
        actors = claimant
        recips = [m for m in recips if m not in claimant]
    from_parse = bool(actors)
    if not actors:
        asides = _asides(a_roots)  # "tribes, backed by a US-led coalition, are fighting": not the coalition
        before = [m for m in cands if m.end <= trigger.idx and m not in recips and not tok_of[id(m)] & asides]
        if before:
            actors = _with_conjuncts(sent, before[-1], before)
    if not recips:
        after = [m for m in cands if m.start >= trigger.idx + len(trigger.text) and m not in actors]
        if after and not r_roots:
            recips = [after[0]]
    return Roles(tuple(actors), tuple(recips), from_parse, tuple(a_roots), tuple(r_roots))


_ATTACKS = {"attack", "assault", "bombing", "raid", "ambush", "strike", "blast", "explosion", "killing", "massacre",
            "abduction", "kidnapping", "operation"}


def _claimant(trigger: Token, cands: list[Mention], tok_of: dict[int, set[int]]) -> list[Mention]:
    """"A suicide bomber blew himself up ..., in an attack claimed by Islamic State": the group that claimed
    the attack acts for its unnamed gunmen and bombers."""
    for t in trigger.subtree:
        if not (t.lemma_.lower() == "claim" and t.tag_ == "VBN" and t.dep_ == "acl"
                and t.head.lemma_.lower() in _ATTACKS):
            continue
        ids = {i for a in t.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
               for i in _subtree(p, block_preps=True)}
        named = [m for m in cands if m.code and tok_of[id(m)] & ids]
        if named:
            return named
    return []


def _asides(roots: list[Token]) -> set[int]:
    """Tokens of the "by" agents of participles and relative clauses hung on subject heads ("tribes, backed by a
    US-led coalition", "rebels who are armed by Rwanda"): who backs the subject is someone else."""
    return {t.i for r in roots for c in r.children if c.dep_ in ("acl", "relcl")
            for a in c.children if a.dep_ == "agent" for t in a.subtree}


_HEADLINE_VERBS = {"raid", "raids", "attack", "attacks", "storm", "storms", "arrest", "arrests", "detain", "detains",
                   "seize", "seizes", "block", "blocks", "ban", "bans", "sue", "sues", "slam", "slams", "target",
                   "targets", "kill", "kills", "beat", "beats", "thrash", "thrashes", "gherao", "gheraos", "nab",
                   "nabs", "book", "books", "evict", "evicts", "seal", "seals", "warn", "warns", "urge", "urges",
                   "accuse", "accuses", "blame", "blames", "meet", "meets", "petition", "petitions", "sack",
                   "sacks", "suspend", "suspends", "expel", "expels", "abduct", "abducts", "kidnap", "kidnaps",
                   "hurl", "hurls", "pelt", "pelts", "stone", "stones", "besiege", "besieges", "shut", "shuts",
                   "torch", "torches", "loot", "loots", "ransack", "ransacks", "vandalise", "vandalises",
                   "vandalize", "vandalizes", "burn", "burns"}


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


def _headline_verb(roots: list[Token]) -> int | None:
    """The verb buried in a subject misparsed as a noun compound ("police raid opposition party offices")."""
    for r in roots:
        if r.pos_ not in ("NOUN", "PROPN") or r.dep_ not in ("nsubj", "nsubjpass"):
            continue
        span = r.doc[r.left_edge.i:r.i]
        if any(t.pos_ == "DET" for t in span):
            continue  # "the police raid on ..." is a noun phrase
        for t in span:
            if t.dep_ == "compound" and t.lower_ in _HEADLINE_VERBS and t.i > r.left_edge.i:
                return t.i
    return None


def _clause_objects(verb: Token) -> list[Token]:
    return [o for o in verb.children if o.dep_ in ("dobj", "dative")] + [
        p for pr in verb.children if pr.dep_ == "prep" and pr.lemma_.lower() in ("with", "against")
        for p in pr.children if p.dep_ == "pobj"]


def _antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes: "pupils of a school in Kebbi who were kidnapped"
    → the pupils. "who" names people, so a place or thing the parser hung the clause on passes to the people
    noun above it."""
    low = tok.lower_
    if low in ("him", "her", "them") and tok.dep_ in ("dobj", "dative"):
        # "gunmen killed a chief and burnt his house", "naxals kill ex-sarpanch, accuse him of ...": the object
        # pronoun of a chained verb is the object of the first one
        verb = tok.head
        first = [verb.head] if verb.dep_ in ("conj", "dep") and verb.head.i < verb.i else [
            c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        objs = [o for f in first for o in f.children if o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN")]
        return objs[0] if objs else tok
    if low not in ("who", "whom", "which", "that") or tok.head.dep_ != "relcl" or tok.head.head.i == tok.head.i:
        return tok
    node = tok.head.head
    if low in ("who", "whom"):
        up = node
        for _ in range(4):
            if up.lemma_.lower() in _GENERIC or up.lower_ in GENERIC_WORDS or up.pos_ == "PROPN":
                return up
            if up.dep_ not in ("pobj", "conj", "compound") or up.head.i == up.i:
                break
            up = up.head.head if up.dep_ == "pobj" else up.head
    return node


_NAMING = {"know", "call", "name", "dub", "identify"}
_SUSPECTED = {"believe", "suspect", "think", "presume"}


def _named(tok: Token, coded: set[int]) -> Token:
    """"a Kurdish militia known as the Syrian Democratic Forces", "gunmen believed to be members of Boko Haram":
    the coded name stands for the noun it names."""
    clauses = [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SUSPECTED:
        clauses.append(tok.head)  # the parser may make "believed" the main verb of "gunmen believed to be X killed"
    for n in (n for c in clauses for n in _names_in(c)):
        if any(t.i in coded for t in n.subtree):
            return n
    return tok


def _names_in(clause: Token) -> list[Token]:
    """What a naming clause says the noun is: "known as X", "called X", "believed to be X"."""
    lemma = clause.lemma_.lower()
    if lemma in _NAMING:
        return [n for n in clause.children if n.dep_ == "oprd"] + [
            p for pr in clause.children if pr.dep_ == "prep" and pr.lower_ == "as" for p in pr.children
            if p.dep_ == "pobj"]
    if lemma in _SUSPECTED:
        return [a for x in clause.children if x.dep_ == "xcomp" and x.lemma_ == "be" for a in x.children
                if a.dep_ == "attr"]
    return []


_WEAPONS = {"rocket", "missile", "drone", "bomb", "shell", "round", "grenade", "mine", "bullet", "projectile", "device",
            "explosive", "mortar", "shot", "munition", "torpedo", "rpg", "airstrike"}


def _wielders(tok: Token) -> list[Token]:
    """"A rocket fired by Hezbollah struck a house", "was hit by an RPG round, fired by militants": whoever fired
    the weapon acts (the parser may hang the participle on the verb)."""
    if tok.lemma_.lower() not in _WEAPONS:
        return [tok]
    holders = [tok, tok.head.head] if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else [tok]
    found = [p for h in holders for c in h.children if c.dep_ in ("acl", "advcl") and c.tag_ == "VBN"
             for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return found or [tok]


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


_NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRM"})


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


# People the gazetteer cannot code by name ("a blogger", "11 young men", "striking resident doctors"):
# PLOVER codes them by country and a sector. Lemma -> sector.
_GENERIC: dict[str, str] = {
    **dict.fromkeys(("people", "person", "man", "woman", "child", "boy", "girl", "youth", "resident", "villager",
                     "civilian", "family", "passenger", "tourist", "citizen", "national", "member", "supporter",
                     "follower", "voter", "elder", "team", "crowd", "group", "teenager", "minor", "victim",
                     "worshipper", "mourner", "fisherman", "driver", "pedestrian", "household", "tenant",
                     "blogger", "critic", "dissident", "lawyer", "candidate", "hostage", "detainee",
                     "prisoner", "inmate", "guard", "volunteer", "tribe", "tribesman",
                     # "bandits attacked villages": the people who live there
                     "village", "hamlet", "community",
                     # local crime news names people by kinship: "a man shot dead his two sisters"
                     "husband", "wife", "son", "daughter", "father", "mother", "brother", "sister", "relative",
                     "nephew", "niece", "uncle", "cousin", "neighbour", "neighbor", "deceased", "couple", "widow"),
                    "CVL"),
    **dict.fromkeys(("chieftain", "stalwart", "loyalist", "aspirant"), "PTY"),
    # a bare "chief" in local news is the local administrator or traditional chief ("police arrested a chief")
    **dict.fromkeys(("chief",), "GOV"),
    **dict.fromkeys(("journalist", "reporter", "photographer", "editor", "broadcaster"), "JRN"),
    **dict.fromkeys(("doctor", "nurse", "paramedic", "medic", "physician", "surgeon"), "MED"),
    **dict.fromkeys(("student", "teacher", "lecturer", "professor", "pupil"), "EDU"),
    **dict.fromkeys(("farmer", "herder", "peasant", "grower"), "AGR"),
    **dict.fromkeys(("worker", "employee", "labourer", "laborer", "miner", "vendor", "hawker"), "LAB"),
    **dict.fromkeys(("trader", "businessman", "businesswoman", "shopkeeper", "merchant", "investor",
                     "company", "firm", "owner", "operator", "landlord", "contractor", "developer", "landowner"),
                    "BUS"),
    **dict.fromkeys(("trucker", "transporter", "rider", "motorist", "commuter"), "LAB"),
    **dict.fromkeys(("smuggler", "suspect", "criminal", "robber", "gangster", "trafficker", "kidnapper",
                     "thief", "poacher", "bandit", "gang", "rustler", "pirate", "accused", "undertrial",
                     "convict", "culprit", "offender"), "CRM"),
    **dict.fromkeys(("migrant", "refugee", "asylum-seeker"), "REF"),
    **dict.fromkeys(("pilgrim", "priest", "imam", "cleric", "monk", "nun", "pastor"), "REL"),
}


GENERIC_WORDS = frozenset(_GENERIC) | {"men", "women", "children", "people", "youths", "families"}

# bodies local news names by their kind ("the district ulama council", "its youth wing"): coded like people
_BODIES: dict[str, str] = {
    **dict.fromkeys(("wing", "outfit"), "PTY"),
    **dict.fromkeys(("council", "panel", "county"), "GOV"),  # "if the county does not pay": Kenya's county government
    **dict.fromkeys(("union", "federation"), "LAB"),
    **dict.fromkeys(("association", "forum", "collective", "coalition", "alliance"), "SOC"),
}
_NOT_ACRONYMS = frozenset({"mrs", "mr", "dr", "st", "ltd", "pvt", "kg", "km", "hrs", "pm", "am", "rs", "tv", "hq"})
# an unknown acronym in a lower-case page ("odm expels ...", "rjd accuses ..."): a local party or agency
_ACRONYM = re.compile(r"[b-df-hj-np-tv-z]{2,5}|[aeiou][b-df-hj-np-tv-z]{2,4}|[b-df-hj-np-tv-z]{2,4}[aeiou]")


def generic_party(sent: Span, roots: tuple[Token, ...], code: str, taken: list[Mention]) -> Mention | None:
    """An uncoded human noun phrase in a role ("police arrested 11 young men") as a Mention of ``code``.

    ``code`` is the country the caller infers (event location, the document's home country, or the
    acting state's own). The phrase is the noun with its left modifiers; None when nothing fits.
    """
    for root in roots:
        head, left = root, root.i
        if root.pos_ == "NUM" and root.i + 1 < sent.end:
            # "convicted four accused": the parser makes the number the object and the noun a participle
            nxt = sent.doc[root.i + 1]
            if nxt.head.i == root.i and nxt.lower_ in _GENERIC:
                head = nxt
        sector = _GENERIC.get(head.lemma_.lower()) or _GENERIC.get(head.lower_) or _BODIES.get(head.lower_)
        if sector is None and head.pos_ in ("PROPN", "NOUN", "X") and head.text.islower() and _ACRONYM.fullmatch(
                head.text) and head.lower_ not in _NOT_ACRONYMS:
            sector = ""
        if sector is None:
            continue
        left = min([left] + [c.left_edge.i for c in root.lefts
                             if c.dep_ in ("amod", "compound", "nummod", "det", "nmod", "quantmod")])
        start_tok = sent.doc[left]
        start, end = start_tok.idx, head.idx + len(head.text)
        while start < end and sent.doc.text[start].isspace():  # a masked dateline's blanks are no part of it
            start += 1
        own = code
        inside = [m for m in taken if m.start < end and start < m.end]
        if inside:  # "Kenyan doctors": a bare country adjective in front gives the country
            if not (len(inside) == 1 and inside[0].kind == "adjective" and inside[0].code
                    and inside[0].end <= head.idx):
                continue  # part of a coded mention already
            own = inside[0].code
        if not own:
            continue
        text = sent.doc.text[start:end]
        return Mention(text=text, start=start, end=end, code=own, sector=sector, kind="generic")
    return None


_AIM_PREPS = {"at", "on", "against", "into", "toward", "towards", "across"}


def aimed_places(sent: Span, trigger: Token, mentions: list[Mention]) -> list[Mention]:
    """Places an attack is aimed at ("fired rockets at northern Israel", "drones on Kyiv"): for force
    events the place named after at/on/against is the target, not just the location."""
    out = _across_border(sent, trigger, mentions)
    for m in mentions:
        if not (m.code and is_place_use(sent, m)) or m in out:
            continue
        toks = _tokens_of(sent, m)
        if not toks:
            continue
        head = toks[-1]
        while head.dep_ in ("compound", "amod", "flat") and head.head.i != head.i:
            head = head.head
        prep = head.head if head.dep_ == "pobj" else None
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


def _head_of(toks: list[Token]) -> Token:
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[-1])


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
