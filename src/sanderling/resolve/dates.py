"""Event dates from the sentence, relative to the publication date.

Handles what wire copy uses: weekdays ("on Tuesday" → the last Tuesday on or before
publication), yesterday/today/last night, and explicit dates ("March 3", "3 March 2024",
"2024-03-03"). Without a date expression the publication date is used.

Example::

    >>> resolve_date("Police raided the office on Tuesday.", "2024-07-05")
    '2024-07-02'
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_PATTERNS = [
    ("iso", re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?\b", re.IGNORECASE)),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+((?:19|20)\d\d))?\b",
                       re.IGNORECASE)),
    ("wd", re.compile(r"\b(?:on |last |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                      re.IGNORECASE)),
    ("rel", re.compile(r"\b(yesterday|today|tonight|last night|this morning|earlier today)\b", re.IGNORECASE)),
]


def _parse_pub(pub: str | None) -> date | None:
    if not pub:
        return None
    try:
        return date.fromisoformat(pub[:10])
    except ValueError:
        return None


def _explicit(kind: str, m: re.Match[str], base: date | None) -> date | None:
    try:
        if kind == "iso":
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if kind == "mdy":
            mon, day, year = _MONTHS[m.group(1).lower()[:3]], int(m.group(2)), m.group(3)
        else:
            day, mon, year = int(m.group(1)), _MONTHS[m.group(2).lower()[:3]], m.group(3)
        if year:
            return date(int(year), mon, day)
        if base is None:
            return None
        d = date(base.year, mon, day)
        return d if d <= base + timedelta(days=7) else date(base.year - 1, mon, day)
    except (ValueError, KeyError):
        return None


def resolve_date(sentence: str, pub_date: str | None, near: int | None = None) -> str | None:
    """The event date (ISO) for a sentence; ``near`` picks the expression closest to the trigger."""
    base = _parse_pub(pub_date)
    best: tuple[int, date] | None = None
    for kind, rx in _PATTERNS:
        for m in rx.finditer(sentence):
            d: date | None
            if kind == "wd":
                if base is None:
                    continue
                back = (base.weekday() - _WEEKDAYS.index(m.group(1).lower())) % 7
                d = base - timedelta(days=back)
            elif kind == "rel":
                if base is None:
                    continue
                d = base - timedelta(days=1) if m.group(1).lower() in ("yesterday", "last night") else base
            else:
                d = _explicit(kind, m, base)
            if d is None:
                continue
            dist = abs(m.start() - near) if near is not None else m.start()
            if best is None or dist < best[0]:
                best = (dist, d)
        if best is not None and kind in ("iso", "mdy", "dmy"):
            break
    if best is not None:
        return best[1].isoformat()
    return base.isoformat() if base else None
