"""Normalising the many date spellings found in JSONL feeds to ISO yyyy-mm-dd."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:$|[T\s_]?\d)")
_TEXT_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
                 "%d/%m/%Y", "%d.%m.%Y")
# Epoch numbers: seconds between 1970 and 2100, else milliseconds.
_MAX_EPOCH_S = 4_102_444_800


def normalize_date(value: object) -> str | None:
    """ISO yyyy-mm-dd for a date string or epoch number; None when unparseable.

    Day-first numeric dates (dd/mm/yyyy) are assumed, as in most non-US news feeds.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    s = value.strip()
    for rx in (_YMD, _COMPACT):
        m = rx.match(s)
        if m:
            return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return _from_text(s)


def _from_text(s: str) -> str | None:
    for fmt in _TEXT_FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _from_epoch(x: float) -> str | None:
    if x != x or x <= 0:  # NaN or not a plausible timestamp
        return None
    if x > _MAX_EPOCH_S:
        x /= 1000.0
    try:
        return datetime.fromtimestamp(x, tz=timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
