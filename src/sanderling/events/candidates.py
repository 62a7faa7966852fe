"""What a sentence's text alone says before it is parsed: datelines, sports reports, people and modal words.

The coder parses only candidate sentences; these cheap tests pick them and clean them for the parser::

    >>> from sanderling.events.candidates import _mask_dateline
    >>> _mask_dateline("NAIROBI (Reuters) - Police fired tear gas.")
    '                    Police fired tear gas.'
"""

from __future__ import annotations

import re
from functools import lru_cache

from sanderling.actors.gazetteer import _builtin_data
from sanderling.roles import GENERIC_WORDS

# match reports ("City beat Madrid 3-1", "the Diamond League meeting") are not political events
_SPORTS = re.compile(
    r"\b(?:\d{1,2}-\d{1,2} (?:win|victory|defeat|draw)"
    r"|(?:beat|defeated|thrashed|edged|drew with) [A-Z][\w .]+ \d{1,2}-\d{1,2}"
    r"|premier league|champions league|diamond league|world cup|grand slam|olympics?|semi-?finals?|quarter-?finals?"
    r"|tournament|championships?|innings|wickets?|goalkeeper|striker|penalty shoot-?out|\d{3,5} ?met(?:re|er)s)\b",
    re.IGNORECASE,
)


# "NAIROBI, March 3 (Reuters) -", "BRUSSELS (AP) —", "imphal:" — location/agency prefixes confuse the parser
_DATELINE = re.compile(
    r"^(?:(?:[A-Z][A-Z.'’ -]{2,40}(?:,\s*(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}|[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}))?"
    r"|[a-z][a-z.'’ -]{2,30},\s*(?P<country>[a-z][a-z.]+(?:\s+[a-z][a-z.]+){0,2}))"  # "lagos, nigeria — "
    r"\s*(?:\([A-Za-z.& ]{2,20}\))?\s*[-–—]+\s+"
    r"|[a-z][a-z .'-]{2,30}:\s+)"
)


_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)?")
_MODAL_WORDS = re.compile(r"\b(?:not|never|no|neither|nor|without|if|unless|could|would|might|may)\b|n't",
                          re.IGNORECASE)
_PEOPLE_FORMS = frozenset(GENERIC_WORDS) | {w + "s" for w in GENERIC_WORDS}


def _has_people_word(text: str) -> bool:
    return any(w in _PEOPLE_FORMS for w in _WORDS.findall(text.lower()))


def _dateline_end(text: str) -> int:
    m = _DATELINE.match(text)
    if m is None:
        return 0
    # a lower-case "place, country —" needs a real country: "in kabul, taliban fighters — armed with ..." is text
    country = m.group("country")
    return 0 if country is not None and country not in _country_names() else m.end()


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(n.lower() for c in _builtin_data()["countries"] for n in c["names"])


def _mask_dateline(text: str) -> str:
    """Blank a leading dateline, keeping character offsets unchanged."""
    end = _dateline_end(text)
    return " " * end + text[end:]
