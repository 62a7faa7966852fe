"""Independent clauses that the parser hung below the next one across a semicolon."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def _semicolon_clause(node: Token) -> bool:
    """A clause the parser hung as the complement of the next one across a semicolon: "a woman was raped by
    three men; the police have registered a case" reports two events, not a case about a rape."""
    head = node.head
    return node.dep_ in ("ccomp", "parataxis") and node.i < head.i and any(
        c.dep_ == "punct" and c.text == ";" and node.i < c.i < head.i for c in head.children)
