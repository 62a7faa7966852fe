"""People and bodies the gazetteer cannot code by name, and the sector classes of codes.

PLOVER codes "a blogger", "11 young men" or "striking resident doctors" by country and a sector: the
lemma gives the sector ("doctor" → MED) and the caller gives the country. ``generic_party`` turns such
a noun phrase in a role into a Mention, e.g. "police arrested 11 young men" → "11 young men" (CVL).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Span, Token

from sanderling.model import Mention

_NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRM"})

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
