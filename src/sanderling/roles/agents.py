"""Actor heads outside the plain subject: agents of event nouns, weapons and passives.

"the killing of a trader by police", "killed at the hands of RSF fighters", "a rocket fired by
Hezbollah", "an attack claimed by Islamic State": who acts is named in a by-phrase, an owner or a
claim rather than as the subject of the trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Token

from sanderling.model import Mention
from sanderling.roles.clauses import _free_relative, _subject
from sanderling.roles.recipients import _RECIPIENT_PREPS
from sanderling.roles.tree import _subtree


def _undergone(phrase: Token) -> tuple[list[Token], list[Token]] | None:
    """"aid workers were subjected to a campaign of intimidation by X", "the town came under attack from Y", "were
    hit with sanctions by the EU": the
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
    passive = any(c.dep_ == "auxpass" for c in gov.children)
    if not ((prep == "to" and lemma in ("subject", "expose") and passive)
            or (prep == "under" and lemma in ("come", "fall", "be", "remain", "stay"))
            or (prep == "with" and lemma in ("hit", "slap", "target") and passive)):
        return None
    # the parser may hang "by X" on the verb as its passive agent
    conj = [c for n in nouns for c in n.children if c.dep_ == "conj"]  # "hit with asset freezes and bans by X"
    doers = [p for n in (*nouns, *conj, gov) for c in n.children if c.dep_ in ("prep", "agent")
             and c.lower_ in ("by", "from") for p in c.children if p.dep_ == "pobj"]
    undergoers = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (doers, undergoers) if doers and undergoers else None


# "the launches drew condemnation from Japan": verbs by which a thing or party meets a reaction from others
_DRAW = {"draw", "attract", "prompt", "provoke", "spark", "trigger", "elicit", "earn", "invite", "face", "receive"}
_REACTIONS = {"condemnation", "criticism", "protest", "rebuke", "censure", "denunciation", "objection", "complaint",
              "outrage", "anger", "ire", "backlash", "reprimand", "warning", "threat", "demand", "appeal", "call",
              "praise", "support", "sanction", "retaliation", "response", "reaction"}


def _drawn(phrase: Token) -> tuple[list[Token], list[Token]] | None:
    """"The launches drew condemnation from Japan", "Pyongyang's tests drew criticism from Seoul": who the reaction
    comes "from" acts; the subject's own doers (its owner, a compound or "by" agent), or the subject itself when it
    names a party, are reacted to."""
    if phrase.dep_ not in ("dobj", "obj") or phrase.lemma_.lower() not in _REACTIONS:
        return None
    verb = phrase.head
    if verb.lemma_.lower() not in _DRAW or verb.pos_ not in ("VERB", "AUX"):
        return None
    doers = [p for n in (phrase, verb) for c in n.children if c.dep_ == "prep" and c.lower_ == "from"
             for p in c.children if p.dep_ == "pobj"]
    if not doers:
        return None
    return doers, _subject(verb)


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


_ATTACKS = {"attack", "assault", "bombing", "raid", "ambush", "strike", "blast", "explosion", "killing", "massacre",
            "abduction", "kidnapping", "operation", "airstrike", "shelling", "bombardment", "offensive", "incursion"}


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
