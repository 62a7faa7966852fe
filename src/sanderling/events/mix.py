"""How the learned sentence classifier's probabilities combine with the lexicon's triggers.

The lexicon finds trigger words and their types; the classifier (``events/classifier.py``) reads the whole
sentence. These functions decide which of them wins: re-typing or dropping a trigger's event, keeping a firm
main-clause verb, and sharing the sentence's p(type) among several triggers. The knobs are in ``CLASSIFIER``
(chosen on the development set, ``scripts/tune_classifier.py``), which scripts may tune in place::

    >>> from sanderling.events.mix import _with_classifier
    >>> _with_classifier("ACCUSE", "", {"none": 0.1, "ACCUSE": 0.01, "PROTEST": 0.85})
    ('PROTEST', '', 0.85)
"""

from __future__ import annotations

from sanderling.events.clauses import _clause_depth

# How the learned sentence classifier (events/classifier.py) combines with the lexicon; chosen on devset/dev.jsonl
# (docs/classifier.md). p(type) is the classifier's probability of the event's type, p(none) of "no event".
CLASSIFIER = {
    "max_sentences": 3,  # candidate sentences per document that the classifier reads (speed; see docs)
    "skip_none": 0.985,  # candidate sentences with p(none) at least this are not parsed (speed)
    "drop_none": 0.5,  # events in sentences with p(none) at least this are dropped ...
    "drop_type": 0.3,  # ... unless the classifier gives their type at least this
    "retype": 0.4,  # an event is re-typed to the classifier's best type when that has at least this ...
    "keep_type": 0.05,  # ... and the lexicon's type has less than this
    "mix": 0.9,  # raw confidence = lexicon score^(1 - mix) * p(type)^mix
    "fallback": 0.6,  # a parsed sentence the lexicon found no event in gets the classifier's type at this p ...
    "fallback_weight": 0.5,  # ... with the main verb as trigger and this lexicon-equivalent weight
    "mode": 0.5,  # an event without a mode takes the mode head's best guess from this probability
    "firm_weight": 0.75,  # a main-clause lexicon verb trigger of at least this weight keeps its type ...
    "firm_retype": 0.93,  # ... unless the classifier's best type has at least this
    "firm_share": 0.5,  # ... and such a kept type has at least this share of the sentence's p(event)
    "main_share": 0.5,  # share of p(type) of a sentence's subordinate-only event types its main trigger takes
}


_CLAUSE_PROBS = "sanderling.clause_probs"


def _fit_classifier(found, probs: dict[str, float]):  # type: ignore[no-untyped-def]
    """Triggers the classifier's sentence type may re-type: only the main one.

    The classifier reads the whole sentence, so its type belongs to the main clause's event. A trigger whose type
    it rules out is dropped rather than re-typed when it is a noun or sits below another trigger's clause
    ("Germany delivers air-defence systems as Russian strikes intensify" is not MOBILIZE via "strikes")."""
    best = max((k for k in probs if k != "none"), key=probs.__getitem__)
    if probs[best] < CLASSIFIER["retype"]:
        return found

    def rank(t):  # type: ignore[no-untyped-def]
        return _main_rank(t.token)  # a participle describing a noun ("the protesting students") is no main act
    top = min((rank(t) for t, _, _ in found), default=None)
    keep = []
    for t, etype, mode in found:
        ruled_out = etype != best and probs.get(etype, 0.0) < CLASSIFIER["keep_type"]
        if ruled_out and (t.token.pos_ != "VERB" or rank(t) > top) and not _firm(t):
            continue
        keep.append((t, etype, mode))
    return keep


def _with_classifier(etype: str, mode: str, probs: dict[str, float],
                     keep: bool = False, trig=None) -> tuple[str, str, float | None]:  # type: ignore[no-untyped-def]
    """(type, mode, p(type)) after the classifier's opinion; p(type) None means drop the event (never if keep)."""
    if trig is not None:  # the reported clause read alone, when the whole sentence left the classifier unsure
        probs = trig.token.doc.user_data.get(_CLAUSE_PROBS, {}).get(trig.token.i, probs)
    p_type = probs.get(etype, 0.0)
    p_none = probs.get("none", 0.0)
    best = max((k for k in probs if k != "none"), key=probs.__getitem__)
    content = set(trig.token.doc.user_data.get(_CONTENT, {}).get(trig.token.i, ())) - {etype} if trig else set()
    if best in content:
        # "accused the authorities of using pretrial detention against critics": the classifier reads the act the
        # accusation (or threat) is about; its probability is the framing act's, which it must not re-type
        p_type += sum(probs.get(t, 0.0) for t in content)
    elif best != etype and probs[best] >= CLASSIFIER["retype"] and p_type < CLASSIFIER["keep_type"] and not (
            trig is not None and _sibling_has(trig.token, best)):
        # (a sibling trigger that has the classifier's type explains it: "condemned the raid and demanded a
        # probe" stays ACCUSE and REQUEST)
        # a specific main-clause verb ("police lathicharged the crowd", "closed the crossing") names the act
        # better than a moderately sure sentence classifier misled by a word ("charged" → ACCUSE)
        if not (trig is not None and (probs[best] < CLASSIFIER["firm_retype"] or _joined(trig)) and _firm(trig)):
            return best, "", probs[best]
    if p_type < CLASSIFIER["keep_type"] and trig is not None and _firm(trig):
        # the classifier sees an event but not the act of a word it has not learnt ("lathicharged", "gheraoed"):
        # the firm verb names the act, and the sentence's event probability backs it
        p_type = max(p_type, CLASSIFIER["firm_share"] * (1.0 - p_none))
    if p_none >= CLASSIFIER["drop_none"] and p_type < CLASSIFIER["drop_type"] and not keep:
        return etype, mode, None
    if trig is not None and trig.token.doc.user_data.get(_SIBLINGS):
        p_type = _shared(p_type, etype, trig.token, trig.token.doc.user_data[_SIBLINGS], probs)
    return etype, mode, p_type


_SIBLINGS = "sanderling.triggers"


def _sibling_has(tok, etype: str) -> bool:  # type: ignore[no-untyped-def]
    """Another trigger of the sentence, as close to the main clause as ``tok``, has ``etype``."""
    rank = _main_rank(tok)
    return any(t == etype and i != tok.i and _main_rank(tok.doc[i]) <= rank
               for i, t in tok.doc.user_data.get(_SIBLINGS, ()))


_CONTENT = "sanderling.content"  # per framing trigger token: the types of the triggers it governs
# verbal acts about another act: accusing of, threatening
_FRAMING = frozenset({"ACCUSE", "THREATEN"})


def _main_rank(tok) -> tuple[int, bool]:  # type: ignore[no-untyped-def]
    """How far a trigger is from the main clause: clause depth (a participle describing a noun,
    "stone-pelting protesters", counts as a clause), then nouns after verbs."""
    participle = tok.tag_ == "VBG" and tok.dep_ in ("amod", "compound", "nmod")
    return _clause_depth(tok) + participle, tok.pos_ != "VERB"


def _shared(p_type: float, etype: str, tok, siblings, probs: dict[str, float]) -> float:  # type: ignore
    """The sentence classifier's p(type) for one of several events in a sentence.

    The classifier reads the whole sentence: a type it favours may come from a subordinate or participial
    trigger describing the participants ("police lathicharge students protesting ...", "doctors reject the
    offer, say strike continues"). The main-clause trigger, when there is a single one, takes a share of the
    probability of the types only subordinate triggers hold; those keep the rest."""
    doc = tok.doc
    ranks = {i: _main_rank(doc[i]) for i, _ in siblings}
    top = min(ranks.values())
    mains = [i for i, r in ranks.items() if r == top]
    if len(mains) != 1:
        return p_type
    main_i = mains[0]
    main_types = {t for i, t in siblings if i == main_i} | ({etype} if tok.i == main_i else set())
    sub_types = {t for i, t in siblings if ranks[i] > top} - main_types
    share = CLASSIFIER["main_share"]
    if tok.i == main_i:
        return p_type + share * sum(probs.get(t, 0.0) for t in sub_types)
    if etype in sub_types:
        return p_type * (1.0 - share)
    return p_type


_SAY_VERBS = {"say", "tell", "report", "confirm", "announce", "state", "claim", "add", "note", "insist"}


# verbs whose infinitive complement is what was done, not a promise or a frame
_CARRY_OUT = frozenset({"resort", "begin", "start", "continue", "proceed", "have", "manage"})
_BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being"})


def _joined(trig) -> bool:  # type: ignore[no-untyped-def]
    """The trigger matched as a hyphenated compound ("lathi-charged" → "lathi-charge"): a word the classifier
    reads as its last part ("charged" → ACCUSE) names a more specific act."""
    lemma = trig.token.lemma_.lower()
    return trig.entry.lemma != lemma and trig.entry.lemma.endswith(lemma)


def _firm(trig) -> bool:  # type: ignore[no-untyped-def]
    """A lexicon trigger sure enough to outvote the classifier: the main-clause verb of a weighty entry.
    The main clause is the root, its conjunct, a headline participle on the root noun, or the
    reported clause of "..., officials said"."""
    tok = trig.token
    if (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "to"
            and tok.head.head.lemma_.lower() in _CARRY_OUT):
        tok = tok.head.head  # "police resorted to a lathicharge": the act itself, carried out
    if trig.entry.weight < CLASSIFIER["firm_weight"] or tok.pos_ != "VERB":
        return False
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ == "amod":  # "cops lathi-charged sp workers" parsed as a modifier of the root noun
        tok = tok.head
    elif tok.dep_ == "acomp" and tok.tag_ == "VBN" and (tok.head.lemma_.lower() == "be"
                                                        or tok.head.lower_ in _BE_FORMS):
        tok = tok.head  # "the students were lathi-charged by police": a passive parsed as a predicate adjective
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(
            c.dep_ == "nsubj" or (c.dep_ == "mark" and 0 < tok.i - c.i <= 2) for c in tok.children):
        tok = tok.head  # "..., rebuffing repeated appeals": the main clause's subject acts again
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _CARRY_OUT:
        tok = tok.head  # "police resorted to lathicharge", "had to open fire": the act itself
    if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in _SAY_VERBS:
        tok = tok.head
    return tok.head.i == tok.i
