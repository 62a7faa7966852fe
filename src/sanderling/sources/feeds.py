"""RSS 2.0, Atom and RDF feeds → the pages they link to → Documents.

Feeds are fetched with the same safe :class:`~sanderling.sources.web.Fetcher` as
pages and handed to feedparser as bytes: feedparser never opens a URL or a file
itself (given a string it would fetch URLs without our checks, or read local files).

Example::

    with Fetcher() as fetcher:
        for item in iter_feed_documents(read_feed_list("FEEDS.txt"), fetcher=fetcher):
            ...
"""

from __future__ import annotations

import calendar
import html
import io
import logging
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

import feedparser

from sanderling.errors import InputError
from sanderling.model import Document, Rejected, sha256_hex
from sanderling.settings import DEFAULT, Settings
from sanderling.sources.build import Meta, Unbuilt, reject
from sanderling.sources.decode import decode_bytes
from sanderling.sources.web import Fetcher, FetchError, fetch_document, normalize_url, url_id

__all__ = ["FeedEntry", "FeedError", "iter_feed_documents", "read_feed", "read_feed_list"]

log = logging.getLogger(__name__)
Item = Document | Rejected

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_MAX_SUMMARY = 2_000


class FeedError(FetchError):
    """A feed was fetched but is not a readable RSS/Atom/RDF feed."""


@dataclass(frozen=True)
class FeedEntry:
    id: str  # guid / Atom id, else the link, else a hash of title and summary
    link: str | None  # absolute when the feed was fetched from a URL
    title: str | None
    published: str | None  # ISO yyyy-mm-dd (published, else updated date), UTC
    summary: str | None  # plain text, tags removed


def read_feed(source: str | bytes, fetcher: Fetcher | None = None) -> list[FeedEntry]:
    """Entries of a feed given by URL (fetched safely) or as raw bytes.

    Raises FetchError (or its subclass FeedError) with a one-line reason when the feed
    cannot be fetched or is not a feed.
    """
    headers: dict[str, str] = {}
    if isinstance(source, str):
        own = fetcher is None
        fetcher = fetcher or Fetcher()
        try:
            result = fetcher.get(source)
        finally:
            if own:
                fetcher.close()
        data = result.data
        headers["content-location"] = result.url
        if result.content_type:
            headers["content-type"] = result.content_type + (f"; charset={result.charset}" if result.charset else "")
    else:
        data = bytes(source)
    if not data.strip():
        raise FeedError("empty feed")
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)  # a stream: never a URL or path
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception")
        detail = f": {str(problem).splitlines()[0][:200]}" if problem else ""
        if not parsed.version:
            raise FeedError(f"not an RSS/Atom/RDF feed{detail}")
        raise FeedError(f"malformed feed{detail}")
    if parsed.bozo:
        log.info("feed has errors but was read (%s)", parsed.get("bozo_exception"))
    return [_entry(e) for e in parsed.entries]


def _entry(e: Any) -> FeedEntry:
    link = _clean(e.get("link"))
    title = _plain(e.get("title"))
    summary = _plain(e.get("summary"))
    if summary and len(summary) > _MAX_SUMMARY:
        summary = summary[:_MAX_SUMMARY].rsplit(" ", 1)[0] + "…"
    entry_id = _clean(e.get("id")) or link or "sha256:" + sha256_hex(f"{title}\x1f{summary}")[:16]
    return FeedEntry(id=entry_id, link=link, title=title, published=_date(e), summary=summary)


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _plain(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", value))).strip()
    return text or None


def _date(e: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = e.get(key)
        if t:
            try:
                return datetime.fromtimestamp(calendar.timegm(t), tz=timezone.utc).date().isoformat()
            except (OverflowError, OSError, ValueError, TypeError):
                continue
    return None


def iter_feed_documents(feed_urls: Iterable[str], settings: Settings = DEFAULT, fetcher: Fetcher | None = None,
                        seen: Callable[[str], bool] | None = None, defer: bool = False) -> Iterator[Item | Unbuilt]:
    """For each feed, one Document or Rejected per entry not ``seen`` (by document id, ``url:<link>``).

    A feed that cannot be fetched or parsed yields one failed Rejected for the feed
    (id ``"feed:" + normalised URL``). Entries are fetched with ``fetch_document``, so
    page ids are ``url:<normalised link>``, the same as for ``fetch_documents``; a link
    met twice in one call is fetched once. The entry's title and date fill in what the
    page does not provide. Never raises. ``defer=True``: fetched pages come as :class:`Unbuilt`
    (built later by ``materialize``, with the same result).
    """
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    done: set[str] = set()
    try:
        for feed_url in feed_urls:
            feed_url = feed_url.strip()
            if not feed_url or feed_url.startswith("#"):
                continue
            try:
                yield from _iter_feed(feed_url, settings, fetcher, seen, done, defer)
            except Exception as exc:  # noqa: BLE001 - by contract one bad feed never stops a run
                log.exception("unexpected error while reading feed %s", feed_url)
                reason = f"internal error reading feed {feed_url}: {type(exc).__name__}: {exc}"
                yield reject("failed", reason.splitlines()[0][:300], feed_url, _feed_id(feed_url), url=feed_url)
    finally:
        if own:
            fetcher.close()


def _feed_id(feed_url: str) -> str:
    return "feed:" + normalize_url(feed_url)


def _iter_feed(feed_url: str, settings: Settings, fetcher: Fetcher, seen: Callable[[str], bool] | None,
               done: set[str], defer: bool = False) -> Iterator[Item | Unbuilt]:
    try:
        entries = read_feed(feed_url, fetcher)
    except FetchError as exc:
        yield reject("failed", f"feed: {exc.reason}", feed_url, _feed_id(feed_url), url=feed_url)
        return
    if not entries:
        log.info("feed %s has no entries", feed_url)
    for entry in entries:
        doc_id = url_id(entry.link) if entry.link else f"feed-entry:{entry.id}"
        if seen is not None and seen(doc_id):
            continue
        if not entry.link:
            yield reject("skipped", "feed entry has no link to fetch", feed_url, doc_id)
            continue
        if doc_id in done:
            continue
        done.add(doc_id)
        item = fetch_document(entry.link, settings, fetcher, origin=feed_url, defer=defer)
        if isinstance(item, Document):
            item = replace(item, title=item.title or entry.title, pub_date=item.pub_date or entry.published)
        elif isinstance(item, Unbuilt):
            item = replace(item, fallback=Meta(title=entry.title, pub_date=entry.published))
        yield item


def read_feed_list(path: str | os.PathLike[str]) -> list[str]:
    """Feed URLs from a FEEDS.txt (one per line, ``#`` comments, blank lines ignored) or
    an OPML file (``xmlUrl`` of every outline). Duplicates are dropped, order kept.

    Raises InputError when the file cannot be read or the OPML is malformed.
    """
    try:
        with open(path, "rb") as fh:
            raw = fh.read(10_000_001)
    except OSError as exc:
        raise InputError(f"cannot read feed list {os.fspath(path)}: {exc.strerror or exc}") from None
    if len(raw) > 10_000_000:
        raise InputError(f"feed list {os.fspath(path)} is larger than 10 MB; is it the right file?")
    text, _ = decode_bytes(raw)
    text = text.lstrip("\ufeff")
    if "<opml" in text[:2048].lower():
        urls = _opml_urls(raw, os.fspath(path))
    else:
        urls = []
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            urls.append(re.split(r"\s+#", line, maxsplit=1)[0].strip())  # "url  # comment"
    return list(dict.fromkeys(urls))


def _opml_urls(raw: bytes, name: str) -> list[str]:
    try:
        root = ET.fromstring(raw)  # ElementTree resolves no external entities; expat caps entity expansion
    except ET.ParseError as exc:
        raise InputError(f"{name}: malformed OPML ({exc})") from None
    urls = []
    for outline in root.iter("outline"):
        attrs = {k.lower(): v for k, v in outline.attrib.items()}
        url = (attrs.get("xmlurl") or "").strip()
        if url:
            urls.append(url)
    return urls
