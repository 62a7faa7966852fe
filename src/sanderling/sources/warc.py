"""WARC archives (plain or gzipped per record, as Common Crawl's CC-NEWS) → Documents.

Streaming: records are read one at a time and a payload is read into memory only up
to ``settings.max_doc_bytes`` (larger ones are skipped, the rest of the record is read
through in 64 KB chunks), so memory stays flat however large the archive is.

Which records become items: only ``response`` records are input items. An HTML (or
plain text) response becomes a Document or a Rejected from :func:`build_document`; any
other response (an image, a PDF, a redirect, a 404) becomes a skipped Rejected saying
why. ``warcinfo``, ``request``, ``metadata``, ``revisit`` ... records describe the crawl,
not articles: they are counted (logged at the end) and produce nothing. A truncated or
corrupt archive keeps the records read before the break and ends with one failed
item.

Library: warcio (Webrecorder), chosen over fastwarc (Resiliparse). Measured on this
machine (2-core AMD EPYC, Python 3.11) on a 200 MB CC-NEWS-like WARC.gz (122,252
records: request + HTML response pairs), reading headers and payloads only:
fastwarc 2.0.1 39,000-49,000 records/s (65-81 MB/s), warcio 1.8.1 9,600-13,300
records/s (16-22 MB/s); behind our own gzip layer (below) 23,000 vs 9,000-9,800/s.
Through ``iter_inputs`` (benchmarks/ingest.py, 15 KB pages) the warcio reader does
~4,500 records/s while extraction does 48-76 pages/s, so WARC parsing is ~3 % of
ingestion time and fastwarc's speed would not show. warcio wins on robustness and
weight: pure Python, errors are ordinary exceptions (fastwarc 2.0.1 aborts with a
Rust panic, a BaseException, on a stream without ``tell()``), one small dependency
(six) instead of brotli+click+tqdm, and a decade of use in web-archiving tools.

Both libraries treat a truncated gzip member as the end of the archive, silently, so
we decompress with Python's gzip (which raises on a cut member) and give warcio the
plain WARC stream, and we check every record's body was read to its Content-Length.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from sanderling.model import Document, Rejected, Status
from sanderling.settings import Settings
from sanderling.sources.build import Meta, Unbuilt, built, content_id, human_bytes, origin_id, reject
from sanderling.sources.dates import normalize_date
from sanderling.sources.decode import decode_bytes, is_binary, looks_like_html
from sanderling.sources.streams import (
    SKIP_CHUNK,
    STREAM_ERRORS,
    Prefixed,
    maybe_gunzip,
    stream_error_reason,
)

__all__ = ["iter_warc"]

log = logging.getLogger(__name__)

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]{1,40})", re.I)
# WHATWG: pages labelled latin-1/ascii are decoded as windows-1252, as browsers do.
_AS_CP1252 = frozenset({"latin-1", "iso8859-1", "ascii"})
_MAX_ERROR_CHARS = 200


class _ArchiveError(Exception):
    """The archive's bytes ended early or could not be read: stop reading it."""


class _Source:
    """warcio's byte source: counts bytes for ``tell()`` and turns read errors into
    :class:`_ArchiveError`, so warcio cannot take a cut gzip member (EOFError) for
    the normal end of the archive."""

    def __init__(self, stream: Prefixed, origin: str) -> None:
        self._stream = stream
        self._origin = origin
        self._pos = 0
        self.at_end = False  # the underlying stream has no more bytes

    def read(self, size: int = -1) -> bytes:
        try:
            if size is None or size < 0:
                data = self._stream.read()
            else:
                # Buffer first, then take only what was buffered: a read error (a cut gzip
                # member) then surfaces on the next call, after the bytes before it.
                head = self._stream.peek_head(size)
                data = self._stream.read(len(head)) if head else b""
        except STREAM_ERRORS as exc:
            raise _ArchiveError(stream_error_reason(exc, self._origin)) from exc
        self._pos += len(data)
        self.at_end = self.at_end or not data
        return data

    def tell(self) -> int:
        return self._pos


@dataclass(frozen=True)
class _Response:
    """What one response record gave: its payload (≤ max_doc_bytes) or a skip reason."""

    item_id: str | None
    where: str
    url: str | None
    crawl_date: str | None
    payload: bytes = b""
    mime: str = ""
    charset: str | None = None
    skip: str | None = None
    status: Status = "skipped"
    flags: tuple[str, ...] = ()


def iter_warc(stream: BinaryIO | Prefixed, origin: str, settings: Settings,
              counts: Counter[str] | None = None, defer: bool = False) -> Iterator[Document | Rejected | Unbuilt]:
    """Yield one item per ``response`` record of a WARC or WARC.gz stream; never raises.

    ``counts`` (optional) is filled with the number of records of each WARC-Type.
    ``defer=True``: pages are yielded as :class:`Unbuilt` (extraction, cleaning and language
    identification left to ``materialize``).
    """
    items = _read_warc(stream, origin, settings, counts)
    return items if defer else built(items, settings)


def _read_warc(stream: BinaryIO | Prefixed, origin: str, settings: Settings,
               counts: Counter[str] | None) -> Iterator[Document | Rejected | Unbuilt]:
    counts = Counter() if counts is None else counts
    source = stream if isinstance(stream, Prefixed) else Prefixed(b"", stream)
    try:
        source, _ = maybe_gunzip(source)
        head = source.peek_head(64)
    except STREAM_ERRORS as exc:
        yield reject("failed", stream_error_reason(exc, origin), origin)
        return
    if not head.strip():
        yield reject("skipped", "empty input", origin)
        return
    if not head.lstrip().startswith(b"WARC/"):
        yield reject("failed", "not a WARC archive: it does not start with a 'WARC/1.x' "
                     "record header", origin)
        return
    yield from _records(_Source(source, origin), origin, settings, counts)
    log.info("%s: %d WARC records (%s)", origin, counts.total(),
             ", ".join(f"{n} {kind}" for kind, n in counts.most_common()))


def _records(source: _Source, origin: str, settings: Settings,
             counts: Counter[str]) -> Iterator[Rejected | Unbuilt]:
    done = 0
    records = iter(ArchiveIterator(source))
    while True:
        try:
            record = next(records, None)
            if record is None:
                return
            response = _read_response(record, f"{origin}#{done + 1}", settings) \
                if record.rec_type == "response" else None
            _read_to_end(record)
        except Exception as exc:  # noqa: BLE001 - any parse/read error ends this archive only
            error = _one_line(exc)
            if not isinstance(exc, _ArchiveError):
                where = "bad or incomplete record near the end of the file" if source.at_end else "invalid record"
                error = f"{where} ({type(exc).__name__}: {error})"
            reason = f"WARC archive truncated or corrupt after {done} records: {error}; re-download it"
            yield reject("failed", reason, origin)
            return
        done += 1
        counts[record.rec_type or "unknown"] += 1
        if response is not None:
            yield _to_item(response, settings)


def _read_response(record: Any, where: str, settings: Settings) -> _Response:
    """Headers and bounded payload of one response record (HTTP headers stripped)."""
    headers = record.rec_headers
    item_id = (headers.get_header("WARC-Record-ID") or "").strip().strip("<>") or None
    url = (headers.get_header("WARC-Target-URI") or "").strip().strip("<>") or None
    crawl_date = normalize_date(headers.get_header("WARC-Date"))
    http = record.http_headers
    base = _Response(item_id, where, url, crawl_date)
    if http is not None:
        code = http.get_statuscode() or ""
        if not code.startswith("2"):
            return replace(base, skip=f"HTTP status {code or 'missing'}, not an article page")
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.content_type or ""
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime and mime not in _HTML_TYPES and mime not in _TEXT_TYPES:
        return replace(base, skip=f"not an HTML page (Content-Type {mime})")
    limit = settings.max_doc_bytes
    declared = record.payload_length if record.payload_length >= 0 else (record.length or 0)
    if declared > limit:
        return replace(base, skip=_too_large(declared, limit))
    payload, error = _read_payload(record, limit)
    if error is not None:
        return replace(base, skip=error, status="failed")
    if len(payload) > limit:
        return replace(base, skip=_too_large(None, limit))
    if not payload.strip():
        return replace(base, skip="empty HTTP payload")
    if not mime and is_binary(payload[:65_536]):
        return replace(base, skip="not an HTML page (no Content-Type, binary content)")
    flags = ("warc:truncated",) if headers.get_header("WARC-Truncated") else ()
    charset = m.group(1) if (m := _CHARSET.search(content_type)) else None
    return replace(base, payload=payload, mime=mime, charset=charset, flags=flags)


def _read_payload(record: Any, limit: int) -> tuple[bytes, str | None]:
    """At most ``limit + 1`` bytes of the payload, chunked/Content-Encoding decoded,
    or an error when that decoding fails (this page's problem: the archive goes on)."""
    try:
        return record.content_stream().read(limit + 1), None
    except _ArchiveError:
        raise
    except Exception as exc:  # noqa: BLE001 - e.g. zlib.error, brotli.error
        encoding = record.http_headers.get_header("Content-Encoding") if record.http_headers else None
        return b"", (f"cannot decode the HTTP payload (Content-Encoding {encoding}): "
                     f"{type(exc).__name__}: {_one_line(exc)}")


def _read_to_end(record: Any) -> None:
    """Read the rest of the record in chunks; fail if the archive ends inside it."""
    raw = record.raw_stream
    remaining = getattr(raw, "limit", None)
    if remaining is None:
        raise _ArchiveError("record without a valid Content-Length")
    while raw.read(SKIP_CHUNK):
        pass
    if raw.limit > 0:
        raise _ArchiveError(f"the archive ends {human_bytes(raw.limit)} before the end of a record")


def _to_item(resp: _Response, settings: Settings) -> Rejected | Unbuilt:
    if resp.skip is not None:
        return reject(resp.status, resp.skip, resp.where, resp.item_id or origin_id(resp.where), url=resp.url)
    text, flags = _decode(resp.payload, resp.charset, resp.mime != "text/plain")
    is_html = resp.mime in _HTML_TYPES or looks_like_html(text[:4096])
    item_id = resp.item_id or content_id(resp.payload)
    meta = Meta(url=resp.url, flags=flags + resp.flags)
    # a page that gives no date of its own is dated by its crawl (flagged date:crawl)
    crawled = Meta(pub_date=resp.crawl_date, flags=("date:crawl",)) if resp.crawl_date else Meta()
    return Unbuilt(item_id, resp.where, text, is_html, meta, fallback=crawled)


def _decode(payload: bytes, charset: str | None, html: bool) -> tuple[str, tuple[str, ...]]:
    """Decode like :func:`decode_bytes`, but a charset from the HTTP Content-Type beats
    the page's <meta> and the cp1252 guess. Valid UTF-8 still wins over a declared
    single-byte charset: mislabelled UTF-8 pages are common, the reverse is rare."""
    text, flags = decode_bytes(payload, html=html)
    codec = _codec(charset)
    if not flags or flags == ("encoding:utf-16",) or codec is None:
        return text, flags
    try:
        return payload.decode(codec), (f"encoding:{codec}",)
    except UnicodeDecodeError:
        return text, flags


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return None
    if name in _AS_CP1252:
        return "cp1252"
    return None if name.startswith("utf") else name


def _too_large(size: int | None, limit: int) -> str:
    if size is None:
        return f"too large: payload more than {human_bytes(limit)} (raise --max-bytes)"
    return f"too large: payload {human_bytes(size)} > {human_bytes(limit)} limit (raise --max-bytes)"


def _one_line(exc: BaseException) -> str:
    """The first non-blank line of an error message, printable and short."""
    text = str(exc).strip() or type(exc).__name__
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), text)
    return "".join(ch if ch.isprintable() else "?" for ch in line)[:_MAX_ERROR_CHARS]
