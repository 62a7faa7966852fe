"""Did it happen? Negation, futurity, hypotheticals and background from the parse.

Example: "China will not attend the talks" → negated and future; the event is kept
with its flags (analysts can ask for it) but hidden from default listings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Span, Token

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_HYPO_AUX = {"could", "would", "might", "may", "should", "can"}
_FUTURE_FRAMES = {"plan", "intend", "expect", "schedule", "set", "due", "prepare", "aim", "hope", "want",
                  "decide", "propose", "wish", "seek", "try", "attempt"}
_FUTURE_ONLY = {"plan", "intend", "expect", "schedule", "set", "due", "prepare", "aim", "decide", "propose",
                "prepared", "ready", "willing", "poised"}
# "X said it would withdraw": future in reported speech, not a hypothetical
_REPORTING = {"say", "announce", "tell", "state", "add", "report", "confirm", "insist", "declare", "note",
              "indicate", "signal", "reveal", "disclose", "write", "post", "tweet", "promise", "pledge", "vow"}
_REPORT_NOUNS = {"news", "word", "report", "statement", "announcement", "claim", "confirmation", "reports",
                 "rumour", "rumor", "allegation", "message", "bulletin", "assurance"}
_HYPO_FRAMES = {"consider", "mull", "weigh", "contemplate", "hope", "want", "wish", "seek", "try", "attempt",
                "fear", "urge", "ask", "hesitate", "design", "mean",
                "imagine", "dream", "picture"}  # "drills designed to intimidate"
# "a prosecution is more likely to take place", "is unlikely to attend": a chance, not an act
_CHANCE = {"likely", "unlikely", "possible", "impossible", "able", "unable"}
_FORMERLY = {"once", "formerly", "previously"}
# "the first leader to visit Kyiv": an ordinal noun's infinitive tells what was done
_ORDINALS = {"first", "second", "third", "last", "only", "latest", "next"}
_NEG_FRAMES = {"fail", "deny", "avoid", "refrain", "stop", "cease", "halt", "abandon", "cancel", "postpone"}
_DENY = {"deny", "refute", "dismiss", "reject"}
_PLAN_NOUNS = {"plan", "intention", "proposal", "bid", "attempt", "effort", "threat", "readiness", "willingness",
               "offer", "promise", "pledge", "vow", "call", "demand", "request", "decision"}
_NOBODY = {"nobody", "none", "neither", "no-one"}
_PREVENT = {"prevent", "stop", "keep", "bar", "ban", "block", "deter", "dissuade", "discourage", "restrain",
            "refrain", "hold", "forbid", "prohibit"}
_INVOLVEMENT = {"involvement", "role", "responsibility", "part", "hand", "complicity", "link", "links",
                "connection", "participation"}
_FUTURE_WORDS = re.compile(r"\b(?:next (?:week|month|year)|upcoming|later this (?:week|month|year)|tomorrow)\b",
                           re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december"
           "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# "in 2014", "in November 2013", "since early 2011", "in late march 2019"
_YEAR = re.compile(rf"\b(?:in|since|during|from|of)\s+(?:(?:early|late|mid)[ -]?)?(?:(?:{_MONTHS})\.?\s+)?"
                   r"((?:19|20)\d\d)\b", re.IGNORECASE)
_AGO = re.compile(r"\b(?:years|decades) ago\b|\bin the (?:19|20)\d0s\b", re.IGNORECASE)


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    historical: bool = False


def _chain(tok: Token) -> list[Token]:
    """The trigger and the verbs it complements: "plans to visit" → [visit, plans]."""
    out = [tok]
    node = tok
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != tok.i:
        node = tok.head  # "an investigation would follow", "talks will take place"
        out.append(node)
    while node.dep_ in ("xcomp", "auxpass", "conj", "dobj") and node.head.i != node.i and len(out) < 4:
        if node.dep_ == "dobj" and node.pos_ not in ("NOUN", "PROPN"):
            break
        node = node.head
        out.append(node)
    return out


def _reported(node: Token) -> bool:
    top = node
    while top.dep_ in ("xcomp", "conj") and top.head.i != top.i:
        top = top.head
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in _REPORTING:
        return True
    # "the news that the junta had rejected the plan", "reports that troops had crossed"
    return top.dep_ == "acl" and top.head.lemma_.lower() in _REPORT_NOUNS and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in top.children)


def modality(sent: Span, tok: Token, pub_year: int | None) -> Modality:
    negated = future = hypo = historical = False
    chain = _chain(tok)
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in tok.children)  # its own tense: a head's "had" is not its
    for i, node in enumerate(chain):
        kids = list(node.children)
        if any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "det" and c.lower_ == "no" for c in kids):
            negated = True
        for c in kids:
            if c.dep_ in ("aux", "auxpass"):
                w = c.lower_
                if w in _FUTURE_AUX:
                    future = True
                elif w == "would" and _reported(node):
                    future = True
                elif w in _HYPO_AUX:
                    hypo = True
                elif w in ("had",) and tok.tag_ == "VBN" and not _reported(node) and (i == 0 or not own_aux):
                    historical = True  # past perfect, unless reported speech's backshift ("said X had killed")
                elif w == "going" or (w in ("is", "are", "was", "were") and node.tag_ == "VB"):
                    future = True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                hypo = True
        lemma = node.lemma_.lower()
        if i > 0:
            if lemma in _FUTURE_ONLY:
                future = True
            elif lemma in _HYPO_FRAMES:
                hypo = True
            elif lemma in _FUTURE_FRAMES:
                future = True
            if lemma in _NEG_FRAMES:
                negated = True
        if any(c.dep_ == "acomp" and c.lower_ in _CHANCE for c in kids):
            hypo = True
        if node.tag_ in ("VBD", "VBN") and any(c.dep_ == "advmod" and c.lower_ in _FORMERLY and _formerly(c, node)
                                                for c in kids):
            historical = True  # "governments that once funded the rebels" (not "once the rebels withdrew, ...")
    top = chain[-1]
    # "denied that it planned to ...", "plans to impose a curfew", "neither side attacked"
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in _DENY:
        negated = True
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in _PLAN_NOUNS:
        future = True
    elif _aim(tok):
        hypo = True  # "a challenge to prosecute the fighters", "a plot to shoot soldiers": what is to be done
    head = tok.head
    if tok.dep_ == "pcomp" and head.head.i != head.i:
        if head.lower_ == "from" and head.head.lemma_.lower() in _PREVENT:
            negated = True  # "prevented Erdogan from destroying the project"
        elif head.lower_ == "by" and head.head.pos_ in ("VERB", "AUX"):
            # "may not want to alienate Putin by boycotting the talks": the means shares its verb's modality
            outer = modality(sent, head.head, pub_year)
            negated, future, hypo = negated or outer.negated, future or outer.future, hypo or outer.hypothetical
    if not hypo and tok.pos_ in ("NOUN", "PROPN") and _modal_object(tok, chain):
        hypo = True  # "could prompt drills, possibly including a blockade": deep in a modal verb's object
    if tok.pos_ in ("NOUN", "PROPN") and head.dep_ == "prep" and head.head.lemma_.lower() in _INVOLVEMENT:
        frame = head.head.head  # "denied involvement in March's attack"
        if frame.lemma_.lower() in _DENY | {"deny"} and frame.i != head.head.i:
            negated = True
    for node in chain:
        for subj in (c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subj.lower_ in _NOBODY or any(c.lower_ in ("neither", "no") for c in subj.children):
                negated = True
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in (t for left in tok.lefts for t in left.subtree):  # "the 1984 miners' strike", "the 2019 protests"
            if c.like_num and len(c.text) == 4 and c.text.isdigit() and c.text[:2] in ("19", "20"):
                if pub_year is None or int(c.text) < pub_year:
                    historical = True
    if tok.pos_ in ("NOUN", "PROPN") and _FUTURE_WORDS.search(sent.text):
        future = True
    if not future and any(c.dep_ == "amod" and c.lower_ in ("planned", "proposed", "upcoming", "possible")
                          for c in tok.children):
        future = True
    # dates of the trigger's own clause: in "Russia, which annexed Crimea in 2014, struck Kyiv on Monday" the
    # strike is today's news and only the annexation is background
    words = f"{_clause_words(chain)} {_opening_time(sent)}"
    if _AGO.search(words) or _LAST_YEAR.search(words):
        historical = True
    elif pub_year is not None:
        years = [int(y) for y in _YEAR.findall(words)]
        if years and max(years) < pub_year - 1:
            historical = True
    return Modality(negated, future, hypo, historical)


_MODAL_ONLY = {"could", "might", "may", "would"}
_OBJECT_LINKS = {"pobj", "prep", "dobj", "conj", "appos"}
_WHAT_PREPS = {"including", "to", "into", "of", "like", "as"}


def _modal_object(tok: Token, chain: list[Token]) -> bool:
    """A noun reached from a verb through objects and prepositions ("could prompt drills, possibly including a
    blockade") shares that verb's "could", "might" (not reported speech's "would", a future)."""
    node, steps = tok, 0
    while node.dep_ in _OBJECT_LINKS and node.head.i != node.i and steps < 5:
        node, steps = node.head, steps + 1
        if node.dep_ == "prep" and node.lower_ not in _WHAT_PREPS:
            return False  # "could collapse after the attack": the attack is what happened, not what might
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "prep":
            break
    if steps < 2 or node in chain or node.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _MODAL_ONLY and not (c.lower_ == "would" and _reported(node))
               for c in node.children)


def _formerly(adv: Token, verb: Token) -> bool:
    """ "once" after the subject or right before the verb in mid-clause: formerly, not "once they left, ..." """
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < adv.i for c in verb.children):
        return True
    return adv.i == verb.i - 1 and adv.i > 0 and not adv.doc[adv.i - 1].is_punct


def _aim(tok: Token) -> bool:
    """An infinitive describing a noun: "efforts to arrest him", not "the first leader to visit"."""
    noun = tok.head
    return (tok.dep_ in ("acl", "relcl") and noun.pos_ in ("NOUN", "PROPN") and noun.i < tok.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and not any(c.lower_ in _ORDINALS or c.dep_ == "nummod" for c in noun.children))


def _opening_time(sent: Span) -> str:
    """A fronted time phrase or "when" clause dates the whole sentence: "Last year, ... he ordered a strike",
    "In 2014, ...", "When the drills began in August 2022, analysts ..."."""
    start = sent[0].i
    for c in sent:
        when = c.dep_ == "advcl" and any(m.dep_ == "advmod" and m.lower_ == "when" for m in c.children)
        if (c.dep_ in _TIME_DEPS or when) and c.left_edge.i == start and c.head.pos_ in ("VERB", "AUX"):
            end = c.right_edge.i + 1
            if c.right_edge.text == "," or (end < sent.end and sent.doc[end].text == ","):
                return " ".join(t.text for t in c.subtree)
    return ""


_LAST_YEAR = re.compile(r"\blast year\b(?!\s*['’]s)", re.IGNORECASE)  # not "last year's protests": a thing's date
_TIME_DEPS = {"prep", "npadvmod", "advmod", "tmod"}


def _clause_words(chain: list[Token]) -> str:
    """The time modifiers of the trigger and of the verbs it complements ("in 2014", "two years ago",
    "last year"), not those of other clauses or of its objects ("convicted him of ordering a massacre in 1982")."""
    words: list[Token] = []
    for node in chain:
        for c in node.children:
            if c.dep_ in _TIME_DEPS:
                words.extend(c.subtree)
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words)
