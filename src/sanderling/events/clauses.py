"""Clause structure of a parsed sentence: how deep a trigger sits, the main verb, reported clauses.

Helpers over spaCy tokens used by the coder to rank triggers and to find what a speech verb reports. For
example, in "police said protesters blocked the road" ``_clause_depth`` of "blocked" (the complement of
"said") is 1, and ``_main_verb`` of the sentence is "said".
"""

from __future__ import annotations

from sanderling.events.candidates import _PEOPLE_FORMS

# subordinate clauses report background and motives; the main clause usually carries the event
_SUBORDINATE = {"advcl", "acl", "relcl", "ccomp", "xcomp", "pcomp", "csubj", "parataxis"}


def _semicolon_clause(node) -> bool:  # type: ignore[no-untyped-def]
    """A clause the parser hung as the complement of the next one across a semicolon: "a woman was raped by
    three men; the police have registered a case" reports two events, not a case about a rape."""
    head = node.head
    return node.dep_ in ("ccomp", "parataxis") and node.i < head.i and any(
        c.dep_ == "punct" and c.text == ";" and node.i < c.i < head.i for c in head.children)


def _clause_depth(tok) -> int:  # type: ignore[no-untyped-def]
    depth = 0
    while tok.head.i != tok.i:
        depth += tok.dep_ in _SUBORDINATE and not _semicolon_clause(tok)
        tok = tok.head
    return depth


# a frame of at least this many tokens before the reported clause, and a clause of at least this many
_FRAME_TOKENS = 5
_CLAUSE_TOKENS = 6


def _said_content(c, verb) -> bool:  # type: ignore[no-untyped-def]
    """``c`` heads what ``verb`` reports: its complement clause ("said that ..."), or the clause of its
    statement noun ("said in a statement that ...", "issued a statement saying ...")."""
    if c.dep_ == "ccomp":
        return c.head.i == verb.i
    return c.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) and (
        c.head.head.i == verb.i or c.head.head.head.i == verb.i)


def _reported_clause(tok, frame: int = _FRAME_TOKENS) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """Character span of the innermost reported clause holding ``tok`` when a frame of at least ``frame`` tokens
    precedes it: the complement of a verb ("officials confirmed on Monday that ...") or of a noun ("the news
    that ...")."""
    node = tok
    while node.head.i != node.i:
        clausal = node.dep_ == "ccomp" or (node.dep_ == "acl" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in node.children))
        if clausal and node.head.i < node.i:
            toks = [t for t in node.subtree if not (t.dep_ == "mark" and t.head.i == node.i and t.i < node.i)]
            first, last = toks[0], toks[-1]
            if first.i >= frame and len(toks) >= _CLAUSE_TOKENS:
                return first.idx, last.idx + len(last.text)
            return None
        node = node.head
    return None


# main verbs that never carry a classifier-only (fallback) event: changes of state and judgements
# ("tensions rose", "the hoarding has worsened the crisis", "the move highlighted Russia's primacy")
_NO_FALLBACK = frozenset({"rise", "fall", "grow", "increase", "decrease", "worsen", "deepen", "ease", "soar", "climb",
                          "drop", "decline", "heighten", "highlight", "remain", "appear", "seem", "become",
                          "lose", "prolong", "hesitate", "boil", "simmer", "flare", "raise", "prompt", "fuel"})


def _changed_state(tok) -> bool:  # type: ignore[no-untyped-def]
    """ "tensions rose", "the hoarding has worsened the crisis": a change-of-state verb whose one subject is a thing,
    not people (a misparse can give a verb two subjects: then it is not trusted)."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return (tok.lemma_.lower() in _NO_FALLBACK and len(subjects) == 1 and subjects[0].pos_ == "NOUN"
            and subjects[0].lower_ not in _PEOPLE_FORMS)


def _main_verb(sent):  # type: ignore[no-untyped-def]
    """The verb of the main clause (the root, or the first verb it governs), or None."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX"):
        return root
    for tok in sent:
        if tok.pos_ == "VERB" and tok.head.i == root.i:
            return tok
    return root if root.pos_ in ("NOUN", "PROPN") else None
