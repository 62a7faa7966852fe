"""Clause structure: subjects, reported speech, relative and labelling clauses.

Finds who a verb's subject is when the parser leaves it elsewhere ("the assembly passed a resolution
urging ..." → the assembly), reads through verbs of saying to the clause they report ("X knocked Y
offline, the agency said" → knocked), and resolves relative pronouns and naming clauses to the noun
they stand for ("a militia known as the SDF" → the SDF).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Token

from sanderling.roles.generic import _GENERIC, GENERIC_WORDS
from sanderling.roles.tree import _SUBJ

# texts a body adopts or issues: in "passed a resolution condemning X" the body condemns
_TEXTS = {"resolution", "statement", "letter", "motion", "declaration", "communique", "communiqué", "memorandum",
          "notice", "circular", "petition", "press release", "release", "order", "advisory", "note", "bill"}


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
        if (node.dep_ == "conj" and node.lemma_.lower() in _SPEECH_ACTS and node.head.lemma_.lower() in _STATES
                and node.head.dep_ == "ccomp" and node.head.head.lemma_.lower() in _COMMENT):
            # "the WHO said the situation was critical and called on all parties ...": the parser joins the act
            # to the reported clause; it is the speaker's second verb
            node = node.head.head
            continue
        told = _told_clause(node)
        if told is not None:
            node = told  # "X toured a plant, state media reported, urging workers to ...": X urges
            continue
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "dep" and node.head.pos_ == "VERB" and node.head.i < node.i and any(
                t.text == "," for t in node.doc[node.head.i:node.i]):
            node = node.head  # headline chain "bandits kill X, accuse him of ...": the parser leaves "dep"
            continue
        break
    return []


_SPEECH_ACTS = {"call", "urge", "demand", "appeal", "ask", "warn", "accuse", "condemn", "promise", "vow", "pledge",
                "reject", "deny", "threaten", "announce", "invite", "welcome", "praise"}
_STATES = {"be", "remain", "seem", "appear", "become"}
_COMMENT = {"say", "add", "note", "cite", "quote", "explain", "stress", "insist", "acknowledge", "describe", "report",
            "state", "claim", "clarify", "confirm", "deny"}


def _told_clause(node: Token) -> Token | None:
    """"Kim toured a factory, state media reported, urging workers to ...": the parser hangs a trailing participle
    on the verb of saying that follows the report; it belongs to the reported clause before that verb."""
    speech = node.head
    if node.lemma_.lower() in _COMMENT:  # "..., the ministry said, adding that ...": the speaker goes on
        return None
    if not (node.dep_ == "advcl" and node.tag_ == "VBG" and speech.i < node.i
            and speech.lemma_.lower() in _SPEECH and speech.pos_ in ("VERB", "AUX")):
        return None
    return next((c for c in speech.children if c.dep_ == "ccomp" and c.i < speech.i
                 and c.pos_ in ("VERB", "AUX")), None)


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


def _trails(verb: Token) -> bool:
    """A participle or a conjoined verb that follows the verb it hangs on and shares its subject."""
    head = verb.head
    if head.pos_ != "VERB" or head.i >= verb.i:
        return False
    if verb.dep_ == "advcl":
        return verb.tag_ == "VBG"
    return verb.dep_ == "conj" and not any(c.dep_ in _SUBJ or c.dep_ == "nsubjpass" for c in verb.children)


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


_HEADLINE_VERBS = {"raid", "raids", "attack", "attacks", "storm", "storms", "arrest", "arrests", "detain", "detains",
                   "seize", "seizes", "block", "blocks", "ban", "bans", "sue", "sues", "slam", "slams", "target",
                   "targets", "kill", "kills", "beat", "beats", "thrash", "thrashes", "gherao", "gheraos", "nab",
                   "nabs", "book", "books", "evict", "evicts", "seal", "seals", "warn", "warns", "urge", "urges",
                   "accuse", "accuses", "blame", "blames", "meet", "meets", "petition", "petitions", "sack",
                   "sacks", "suspend", "suspends", "expel", "expels", "abduct", "abducts", "kidnap", "kidnaps",
                   "hurl", "hurls", "pelt", "pelts", "stone", "stones", "besiege", "besieges", "shut", "shuts",
                   "torch", "torches", "loot", "loots", "ransack", "ransacks", "vandalise", "vandalises",
                   "vandalize", "vandalizes", "burn", "burns"}


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
