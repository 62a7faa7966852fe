"""Salience: how likely an event is *the* event a text reports (its ``confidence``).

A trigger's lexicon weight is discounted for subordinate clauses, background phrases ("during the strike"),
habits, undated scene-setting and later sentences (news states its main event first), mixed with the
classifier's p(type) and calibrated on the development set (``sanderling.calibration``). A reaction to an event
the story already told ("condemned the attack") yields to that event::

    >>> from sanderling.events.salience import _LEDE_FLOOR
    >>> _LEDE_FLOOR  # a late sentence keeps at least half its confidence
    0.5
"""

from __future__ import annotations

from sanderling.calibration import calibrate
from sanderling.events.clauses import _clause_depth
from sanderling.events.mix import CLASSIFIER
from sanderling.ontology import ONTOLOGY

# salience: a news article states its main event first; later sentences lose up to half their confidence
# (measured on 400 NGEC synthetic stories, document-level labels: top-event accuracy 0.43 → 0.47 from this alone)
_LEDE_FLOOR = 0.5
_LEDE_SLOPE = 0.1
_LEDE_FLAT = 1  # positions counted from the lede: the lede and its next sentence weigh the same
_BACKGROUND_PREPS = {"during", "after", "before", "since", "amid", "following", "despite", "ahead", "until",
                     "throughout", "like"}


def _confidence(weight: float, tok, etype: str, roles, historical: bool, position: int,  # type: ignore
                p_type: float | None = None) -> float:
    """How likely this is *the* event the text reports (see docs/data-model.md), calibrated on the dev set."""
    conf = weight * (1.0 if roles.from_parse else 0.75) * (0.9 if tok.pos_ != "VERB" else 1.0)
    conf *= 0.85 ** _clause_depth(tok)
    if tok.pos_ in ("NOUN", "PROPN") and _background_prep(tok):
        conf *= 0.5  # "during the strike", "after the talks": background, not the reported act
    # background ("the 2019 protests") and habits ("every Friday the women have walked to the square") are rarely
    # the reported event; like the lede factor, applied after the mix, which would otherwise all but erase them
    background = _HISTORICAL if historical else _HABITUAL if _habitual(tok) else 1.0
    if getattr(tok, "doc", None) is not None and tok.doc.user_data.get(_FALLBACK) == tok.i:
        background *= _FALLBACK_SALIENCE  # no trigger word: the classifier's guess yields to a found event
    if _UNANCHORED < 1.0 and not _anchored(tok):
        background *= _UNANCHORED  # news is dated ("on Tuesday"); scene-setting and background mostly are not
    if ONTOLOGY.types[etype].requires_recipient and not roles.recipients:
        conf *= 0.85
    elif etype == "CONSULT" and not roles.recipients and len(roles.actors) < 2:
        conf *= 0.6  # a meeting needs two parties: "the leader toured factories" is not one
    if p_type is not None:
        mix = CLASSIFIER["mix"]
        conf = max(conf, 1e-6) ** (1.0 - mix) * max(p_type, 1e-6) ** mix
    # inverted pyramid: the lede states the event; applied after the mix, which would otherwise all but erase it
    conf *= max(_LEDE_FLOOR, 1.0 - _LEDE_SLOPE * max(0, position - _LEDE_FLAT))
    conf *= background
    # calibrated on the development set: P(the event type is right) for this raw score (docs/accuracy.md)
    return round(calibrate(max(0.05, min(0.99, conf))), 4)


# A reaction to an event the story has already told ("the governor condemned the attack", "welcomed the
# deal", "demanded a probe into the killing") is rarely the story's news: later in a text it yields to the event.
_REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "PROTEST"})
_REACTION_FACTOR = 0.8
_TOLD_EVENT_NOUNS = frozenset("""
    attack attacks assault bombing bombings blast blasts explosion shooting shootings killing killings murder murders
    massacre violence clash clashes incident incidents raid raids strike strikes airstrike airstrikes abduction
    abductions kidnapping kidnappings arrest arrests detention crackdown execution executions ambush invasion
    offensive incursion shelling lynching rape assassination coup test tests launch launches deal agreement accord
    decision move ruling verdict sentence sanctions ban expulsion annexation deployment protest protests
    demonstration demonstrations march riot riots act acts action actions operation atrocity atrocities
    """.split())
_PROBE_NOUNS = frozenset({"probe", "investigation", "inquiry", "enquiry", "justice", "action", "punishment"})
_DEMAND_VERBS = frozenset({"demand", "seek", "protest"})
_JUSTICE_NOUNS = frozenset({"arrest", "punishment", "justice", "action", "compensation", "probe", "investigation",
                            "inquiry", "enquiry"})
_REACTION_PREPS = frozenset({"over", "of", "on", "about", "against", "for"})  # not "into": probes launched are news
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such", "its", "their", "his", "her", "our"})


def _reacts_to_told_event(tok, etype: str) -> bool:  # type: ignore[no-untyped-def]
    """The trigger's object is a definite event noun ("condemned the attack", "Saturday's bombing"). A probe
    demanded is a reaction, a probe launched is news (ACCUSE investigate)."""
    objs = []
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            objs.append(child)
        elif child.dep_ == "prep" and child.lower_ in _REACTION_PREPS:
            objs += [c for c in child.children if c.dep_ == "pobj"]
    if etype == "PROTEST":
        # "villagers blocked the road with the body, demanding the arrest of the killers": a protest for justice
        # after the story's event
        if any(o.dep_ in ("dobj", "obj") and o.lemma_.lower() in _JUSTICE_NOUNS for c in tok.children
               if c.dep_ == "advcl" and c.lemma_.lower() in _DEMAND_VERBS for o in c.children):
            return True
    for noun in list(objs):  # "demanded a probe into the killing"
        if etype == "REQUEST" and noun.lemma_.lower() in _PROBE_NOUNS:
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ in ("into", "of", "for", "over"):
                    objs += [c for c in prep.children if c.dep_ == "pobj"]
    for noun in objs:
        for n in (noun, *(c for c in noun.children if c.dep_ == "conj")):
            if n.lemma_.lower() in _TOLD_EVENT_NOUNS or n.lower_ in _TOLD_EVENT_NOUNS:
                if any(d.dep_ == "poss" or (d.dep_ == "det" and d.lower_ in _DEFINITE) for d in n.children):
                    return True
    # "condemned the attack and paid tribute to the victims": one reaction
    return tok.dep_ == "conj" and tok.head.i != tok.i and _reacts_to_told_event(tok.head, etype)


_HISTORICAL = 0.6
_HABITUAL = 0.7
_HABIT_ADVERBS = frozenset({"usually", "often", "routinely", "regularly", "traditionally", "habitually", "always",
                            "customarily", "typically", "normally", "annually"})
_HABIT_TIMES = frozenset({"day", "week", "month", "year", "morning", "evening", "night", "weekend", "spring", "summer",
                          "autumn", "winter", "season", "monday", "tuesday", "wednesday", "thursday", "friday",
                          "saturday", "sunday", "anniversary", "election", "harvest"})
_HABIT_SPANS = frozenset({"decades", "generations", "centuries", "years"})


def _habitual(tok) -> bool:  # type: ignore[no-untyped-def]
    """The trigger's clause tells a habit: "every Friday", "each spring", "for decades", "usually"."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for c in getattr(verb, "children", ()):
        if c.dep_ == "advmod" and c.lower_ in _HABIT_ADVERBS:
            return True
        if c.dep_ in ("npadvmod", "advmod", "obl", "dobj") and c.lemma_.lower() in _HABIT_TIMES and any(
                d.lower_ in ("every", "each") for d in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                p.lower_ in _HABIT_SPANS and not any(d.like_num for d in p.children) for p in c.children):
            return True
    return False


_UNANCHORED = 0.95
_FALLBACK = "sanderling.fallback"  # the token of the sentence's classifier-only (fallback) event
_FALLBACK_SALIENCE = 0.9
_NEWS_TIMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                         "yesterday", "overnight", "tonight"})


def _anchored(tok) -> bool:  # type: ignore[no-untyped-def]
    """The trigger's clause, or the speech frame reporting it, is dated the way news is: "on Tuesday",
    "overnight", "this week", "..., the ministry said on Friday"."""
    doc = getattr(tok, "doc", None)
    if doc is None:
        return True
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    heads = {verb.i}
    node = verb
    while node.dep_ in ("ccomp", "parataxis", "conj", "xcomp") and node.head.i != node.i:
        node = node.head
        heads.add(node.i)
    for t in doc:
        low = t.lower_
        if low in _NEWS_TIMES or (low == "week" and any(c.lower_ == "this" for c in t.children)):
            anc = t.head
            for _ in range(4):
                if anc.i in heads:
                    return True
                if anc.head.i == anc.i:
                    break
                anc = anc.head
    return False


def _background_prep(tok) -> bool:  # type: ignore[no-untyped-def]
    """The noun is the object of a background preposition, also through a partitive or a series: "after the
    talks", "hours after one of the largest attacks of the year", "during a wave of arrests"."""
    for _ in range(3):
        head = tok.head
        if head.lemma_.lower() in _BACKGROUND_PREPS:
            return True
        if not (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PRON", "NUM", "PROPN")):
            return False
        tok = head.head
    return False
