"""JSON Lines: one article per line, streamed line by line with a per-line size cap.

A bad line is one failed item with its line number; it never stops the file.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from sanderling.model import Document, Rejected
from sanderling.settings import Settings
from sanderling.sources.build import Meta, Unbuilt, built, content_id, human_bytes, reject
from sanderling.sources.dates import normalize_date
from sanderling.sources.decode import decode_bytes
from sanderling.sources.streams import STREAM_ERRORS, Prefixed, skip_line_rest, stream_error_reason

log = logging.getLogger(__name__)

_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number",
               bool: "boolean", type(None): "null"}


def iter_jsonl(stream: Prefixed, origin: str, settings: Settings,
               defer: bool = False) -> Iterator[Document | Rejected | Unbuilt]:
    """Yield one item per non-blank line; a read error ends the file with one failure.

    ``defer=True``: records are yielded as :class:`Unbuilt` (extraction, cleaning and language
    identification left to ``materialize``)."""
    items = _lines(stream, origin, settings)
    return items if defer else built(items, settings)


def _lines(stream: Prefixed, origin: str, settings: Settings) -> Iterator[Document | Rejected | Unbuilt]:
    lineno = produced = 0
    limit = settings.max_line_bytes
    while True:
        try:
            line = stream.readline(limit + 1)
            if not line:
                break
            lineno += 1
            if len(line) > limit and not line.endswith(b"\n"):
                size = len(line) + skip_line_rest(stream)
                yield _too_long(lineno, size, origin, limit)
                produced += 1
                continue
        except STREAM_ERRORS as exc:
            yield reject("failed", stream_error_reason(exc, origin), origin)
            return
        if line.strip():
            produced += 1
            yield _record(line.strip(), lineno, origin, settings)
    if not produced:
        yield reject("skipped", "empty input (no JSON records)", origin)


def _too_long(lineno: int, size: int, origin: str, limit: int) -> Rejected:
    reason = (f"line {lineno}: too long: {human_bytes(size)} > {human_bytes(limit)} "
              "line limit (raise --max-line-bytes)")
    return reject("failed", reason, f"{origin}:{lineno}")


def _record(raw: bytes, lineno: int, origin: str, settings: Settings) -> Rejected | Unbuilt:
    where = f"{origin}:{lineno}"
    obj, enc_flags, error = _parse(raw)
    if error:
        return reject("failed", f"line {lineno}: {error}", where, content_id(raw))
    item_id = _record_id(obj.get("id"), raw)
    url = _str_or_none(obj.get("url"))
    text, is_html, error = _body(obj)
    if error:
        return reject("failed", f"line {lineno}: {error}", where, item_id, url=url)
    pub_date = normalize_date(obj.get("date"))
    flags = enc_flags
    if obj.get("date") not in (None, "") and pub_date is None:
        flags += ("date:unparsed",)
    meta = Meta(url=url, title=_str_or_none(obj.get("title")), pub_date=pub_date, flags=flags)
    return Unbuilt(item_id, where, text, is_html, meta)


def _parse(raw: bytes) -> tuple[dict[str, Any], tuple[str, ...], str | None]:
    """The line's object, its encoding flags, or an error saying what is wrong."""
    text, flags = decode_bytes(raw)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return {}, flags, f"invalid JSON ({exc.msg} at col {exc.colno})"
    except (ValueError, RecursionError) as exc:
        return {}, flags, f"invalid JSON ({type(exc).__name__}: {str(exc)[:80]})"
    if not isinstance(obj, dict):
        return {}, flags, f"expected a JSON object, got {_JSON_TYPES.get(type(obj), 'value')}"
    return obj, flags, None


def _body(obj: dict[str, Any]) -> tuple[str, bool, str | None]:
    """The article body: ``text``, else ``html``; with an error if neither is usable."""
    for key, is_html in (("text", False), ("html", True)):
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            kind = _JSON_TYPES.get(type(value), "value")
            return "", is_html, f"'{key}' must be a string, got {kind}"
        if not value.strip():
            return "", is_html, f"empty '{key}' field"
        return value, is_html, None
    return "", False, "no 'text' field"


def _record_id(value: object, raw: bytes) -> str:
    if value is None or isinstance(value, dict | list):
        return content_id(raw)
    item_id = str(value).strip()
    return item_id or content_id(raw)


def _str_or_none(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
