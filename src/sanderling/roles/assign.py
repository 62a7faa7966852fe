"""Who did it and to whom: ``assign_roles`` picks actors and recipients for one trigger.

Subjects (or passive agents) are actors; recipients come from ``recipients``; both are then narrowed
by ``parties`` and ``places``. When the parse gives nothing, the nearest mention on each side of the
trigger is used and ``Roles.from_parse`` is False, so the caller lowers the event's confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Span, Token

from sanderling.model import Mention
from sanderling.roles.agents import (
    _ATTACKS,
    _asides,
    _claimant,
    _drawn,
    _fired,
    _hands_of,
    _hit_by,
    _noun_roots,
    _stray_agents,
    _undergone,
    _wielders,
)
from sanderling.roles.clauses import (
    _DIE,
    _after_clause,
    _antecedent,
    _clause_objects,
    _headline_verb,
    _named,
    _reported,
    _subject,
    _suffers,
    _trails,
    _when_clause,
)
from sanderling.roles.generic import _STATE
from sanderling.roles.parties import (
    _byline,
    _counterpart,
    _own_institutions,
    _pronoun_owner,
    _told_press,
    _whose,
    _whose_owned,
    _without_members,
)
from sanderling.roles.places import _probed_places, is_place_use
from sanderling.roles.recipients import _object_subtree, _recipient_roots, _removed_from
from sanderling.roles.tree import _head_of, _subtree, _tokens_of

# verbs whose participle after a people noun is never a passive ("youths protested at ..."): the noun acts
_ACTING_ONLY = {"protest", "demonstrate", "rally", "march", "agitate", "riot", "clash", "picket"}


@dataclass(frozen=True)
class Roles:
    actors: tuple[Mention, ...]
    recipients: tuple[Mention, ...]
    from_parse: bool
    actor_roots: tuple[Token, ...] = ()  # the parse's subject/agent heads, coded or not
    recipient_roots: tuple[Token, ...] = ()


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


def _holds_mention(roots: list[Token], tok_of: dict[int, set[int]]) -> bool:
    ids = set().union(*(_subtree(r, block_preps=True) for r in roots)) if roots else set()
    return any(toks & ids for toks in tok_of.values())


_OFFENSIVES = {"offensive", "attack", "assault", "raid", "strike", "airstrike", "bombardment", "shelling", "operation",
               "ambush", "incursion", "invasion", "bombing", "crackdown"}


def _attack_owners(trigger: Token) -> list[Token]:
    """ "24 civilians have been killed in Turkey's offensive", "were wounded in a Russian airstrike": whose
    attack it was (the owner or nationality of the attack noun the victims fell in)."""
    out = []
    # "have been killed and 5,000 displaced in ...": the phrase may hang on the coordinated participle
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj")]
    for prep in (p for v in verbs for p in v.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "by"):
            continue
        nouns = [p for p in prep.children if p.dep_ == "pobj"]
        # "in the first three days of Turkey's offensive"
        nouns += [q for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                  for q in c.children if q.dep_ == "pobj"]
        for n in nouns:
            if n.lemma_.lower() in _OFFENSIVES:
                out += [c for c in n.children if c.dep_ == "poss" or (c.dep_ in ("amod", "compound")
                                                                    and c.pos_ in ("PROPN", "ADJ", "NOUN"))]
    return out


_REPORT_VERBS = {"say", "tell", "announce", "report", "confirm", "add", "state", "claim", "allege"}
_SENT_AWAY = {"expel", "deport", "eject", "kick", "oust"}  # not "barred from Gaza": the place kept out of


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
    semis = [t.i for t in sent if t.text == ";"]
    if semis:  # "youth killed; police deploy force": a semicolon ends the trigger's clause
        cands = [m for m in cands if not tok_of[id(m)] or not any(
            min(trigger.i, min(tok_of[id(m)])) < k < max(trigger.i, max(tok_of[id(m)])) for k in semis)]
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
        undergone = _undergone(phrase) or _fired(phrase) or _drawn(phrase)
        if undergone is not None:
            a_roots, r_roots = undergone
    else:
        agents = [p for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        # "a woman was allegedly raped by ...": a passive the parser read as "was" + adjective
        be_passive = (trigger.tag_ == "VBN" and trigger.dep_ == "acomp" and trigger.head.lemma_.lower() == "be"
                      and any(c.dep_ == "agent" for c in trigger.children))
        passive = be_passive or any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
        # reduced relative: "westerners imprisoned by Isis", "soldiers killed in the attack"
        # ... but "Sheinbaum, who ..., rejected on Monday a proposal": a verb with a direct object is active
        reduced = (trigger.tag_ == "VBN" and trigger.dep_ in ("acl", "relcl") and not passive
                   and not any(c.dep_ in ("dobj", "obj", "dative") for c in trigger.children))
        if passive and not agents and trigger.lemma_.lower() in _SENT_AWAY:
            # "two Russian diplomats were expelled from Poland": the country they are sent from sends them away
            agents = [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "from"
                      for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
        if passive and not agents:
            agents = _stray_agents(trigger) or _hands_of(trigger) or [
                s for c in trigger.children if c.dep_ == "advcl" and _when_clause(c)
                for s in c.children if s.dep_ == "nsubj"] or _attack_owners(trigger)  # "... when gunmen opened fire"
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
            if be_passive:
                r_roots += [c for c in trigger.head.children if c.dep_ == "nsubj"]
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
    noun = extra if extra is not None else trigger
    if noun.pos_ in ("NOUN", "PROPN"):
        # "began joint military drills", "launched a police crackdown on X": an uncoded sector word that
        # modifies the event noun is the doers' own force, never whom the event is aimed at
        mods = {c.i for c in noun.children if c.dep_ in ("amod", "compound")}
        recips = [m for m in recips if m.code or not tok_of[id(m)] <= mods]
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
        # "a British worker who went to Syria to fight Islamic State has been killed", "a British woman fighting
        # alongside Kurdish forces has been killed": whom the victim fought against or alongside is no doer
        asides |= {t.i for r in r_roots for d in r.subtree if trigger not in d.subtree and (
                   d.dep_ == "relcl" or (d.dep_ == "acl" and r.dep_ == "nsubjpass")) for t in d.subtree}
        before = [m for m in cands if m.end <= trigger.idx and m not in recips and not tok_of[id(m)] & asides]
        # "the lawyer for X, the US woman who fled Islamic State, called for ...": a relative clause in the subject
        # describes someone; its parties act only when nothing else is named ("the force, which answers to the
        # ministry in Caracas, detained ...")
        described = {t.i for r in a_roots for d in r.subtree if d.dep_ == "relcl" and trigger not in d.subtree
                     for t in d.subtree}
        before = [m for m in before if not tok_of[id(m)] & described] or before
        if before:
            actors = _with_conjuncts(sent, before[-1], before)
    if not recips:
        # not the source of a report that frames the act: "..., Japan's defence ministry said"
        frame = {t.i for a in trigger.ancestors if a.lemma_.lower() in _REPORT_VERBS
                 for c in a.children if c.dep_ == "nsubj" and trigger not in c.subtree for t in c.subtree}
        after = [m for m in cands if m.start >= trigger.idx + len(trigger.text) and m not in actors
                 and not tok_of[id(m)] & frame]
        if after and not r_roots:
            recips = [after[0]]
    # "talks between Seoul and Japan, whose prime minister ...": the people of a "whose" clause are its owner's
    recips = [m for m in recips if _whose(sent, m, mentions) not in actors]
    actors, recips = _whose_owned(sent, actors, mentions), _whose_owned(sent, recips, mentions)
    return Roles(tuple(actors), tuple(recips), from_parse, tuple(a_roots), tuple(r_roots))
