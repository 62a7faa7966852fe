"""Small walks over the dependency parse that every role module shares.

A mention is a character span; the parse is tokens. ``_tokens_of`` maps one onto the other, and
``_subtree``/``_head_of`` give the phrase a head token governs and the head of a run of tokens, e.g.
the head of "the Nigerian army" is "army".
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Span, Token

from sanderling.model import Mention

_SUBJ = ("nsubj", "csubj", "expl")

_SKIP_INSIDE = {"relcl", "acl", "advcl", "appos", "parataxis"}


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


def _head_of(toks: list[Token]) -> Token:
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[-1])
