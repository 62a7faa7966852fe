"""From decoded text (or HTML) to a Document, or a Rejected saying why not.

All per-item decisions live here so every input kind (file, JSONL line, stdin)
applies the same extraction, cleaning, length and language rules.

Reading and building are separable: a reader can hand out an :class:`Unbuilt` item
(the decoded body and what is known about it) and leave the expensive step, HTML
extraction, cleaning and language identification (~13 ms a page), to whoever calls
:func:`materialize`, e.g. a worker process of an engine. ``materialize(unbuilt)``
gives exactly what the reader would have yielded had it built the item itself.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from sanderling.extract import clean_text, detect_language, extract_html
from sanderling.model import Document, Rejected, Status, sha256_hex
from sanderling.settings import Settings

log = logging.getLogger(__name__)

_NO_LANGUAGE = ("zxx", "und")  # py3langid's "no linguistic content" and "undetermined"


def content_id(raw: bytes) -> str:
    """Stable id from content: same bytes give the same id on every run and path."""
    return "sha256:" + hashlib.sha256(raw).hexdigest()[:16]


def origin_id(origin: str) -> str:
    """Id for items whose content could not be read (missing, too large, empty)."""
    return f"origin:{origin}"


def human_bytes(n: int) -> str:
    """52428800 → "52.4 MB", 10000000 → "10 MB": for reasons people read."""
    for unit, size in (("MB", 1_000_000), ("KB", 1_000)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def reject(status: Status, reason: str, origin: str, item_id: str | None = None,
           url: str | None = None, text: str | None = None) -> Rejected:
    return Rejected(
        id=item_id or origin_id(origin), status=status, reason=reason, origin=origin,
        url=url, text_hash=sha256_hex(text) if text else None,
    )


@dataclass(frozen=True)
class Meta:
    """Metadata known before extraction (from a JSONL record); it wins over the page's."""

    url: str | None = None
    title: str | None = None
    pub_date: str | None = None
    flags: tuple[str, ...] = ()


def build_document(item_id: str, origin: str, body: str, is_html: bool,
                   settings: Settings, meta: Meta = Meta()) -> Document | Rejected:
    """Extract (if HTML), clean, check length and language; return the result."""
    author = site = None
    url, title, pub_date, flags = meta.url, meta.title, meta.pub_date, list(meta.flags)
    if is_html:
        page = extract_html(body, url=url)
        if not page.text:
            reason = f"no article text found in HTML ({page.error or 'empty'})"
            return reject("skipped", reason, origin, item_id, url=page.url or url)
        if page.method != "trafilatura":
            flags.append(f"extract:{page.method}")
        body, author, site = page.text, page.author, page.site
        url, title, pub_date = url or page.url, title or page.title, pub_date or page.date
    text, clean_flags = clean_text(body)
    flags.extend(clean_flags)
    if len(text) < settings.min_text_chars:
        removed = f"; removed {', '.join(clean_flags)}" if clean_flags else ""
        reason = f"too short ({len(text)} chars < {settings.min_text_chars}){removed}"
        return reject("skipped", reason, origin, item_id, url=url, text=text)
    language = detect_language(text)
    if language in _NO_LANGUAGE and language not in settings.languages:
        reason = f"not natural-language text (language '{language}'): codes, numbers or markup"
        return reject("skipped", reason, origin, item_id, url=url, text=text)
    if language not in settings.languages:
        allowed = ",".join(settings.languages)
        reason = f"language '{language}' not in {allowed}; pass --lang {language} to code it"
        return reject("skipped", reason, origin, item_id, url=url, text=text)
    return Document(
        id=item_id, text=text, url=url, title=title, author=author, site=site,
        pub_date=pub_date, language=language, origin=origin, flags=tuple(flags),
    )


@dataclass(frozen=True)
class Unbuilt:
    """An input item that was read (decoded, size-checked, given its id) but not yet built.

    ``meta`` is what :func:`build_document` gets (its flags come first in the Document's
    flags, e.g. the decoding's ``encoding:cp1252``); ``fallback`` fills in what the page
    does not give: its title, and its date (adding ``fallback.flags``, e.g. a WARC
    record's crawl date with ``date:crawl``). Small and picklable: it is what the CLI
    process sends to the worker processes.
    """

    id: str
    origin: str
    body: str
    is_html: bool
    meta: Meta = Meta()
    fallback: Meta = Meta()


def build(item: Unbuilt, settings: Settings) -> Document | Rejected:
    """The Document or Rejected of ``item``; raises on a bug (see :func:`materialize`)."""
    doc = build_document(item.id, item.origin, item.body, item.is_html, settings, item.meta)
    fb = item.fallback
    if isinstance(doc, Document) and (fb.title or fb.pub_date):
        changes: dict[str, object] = {}
        if fb.title and not doc.title:
            changes["title"] = fb.title
        if fb.pub_date and not doc.pub_date:
            changes.update(pub_date=fb.pub_date, flags=doc.flags + fb.flags)
        if changes:
            doc = replace(doc, **changes)  # type: ignore[arg-type]
    return doc


def materialize(item: Document | Rejected | Unbuilt, settings: Settings) -> Document | Rejected:
    """Build an Unbuilt item (other items pass through); never raises: a bug in extraction
    becomes this item's failure (status "failed", one-line reason), not the batch's."""
    if not isinstance(item, Unbuilt):
        return item
    try:
        return build(item, settings)
    except Exception as exc:  # noqa: BLE001 - by contract one bad item never stops a run
        log.exception("unexpected error while extracting %s", item.origin)
        reason = f"internal error extracting {item.origin}: {type(exc).__name__}: {exc}"
        return reject("failed", reason.splitlines()[0][:300], item.origin, item.id, url=item.meta.url)


def materialize_all(items: list[Document | Rejected | Unbuilt], settings: Settings) -> list[Document | Rejected]:
    """:func:`materialize` over a batch (what an engine's worker does first).

    Documents built here also get their near-duplicate signature (``settings.dedupe``): ~15 ms of CPU per
    article that then runs in the workers, in parallel, instead of in the one process that checks duplicates."""
    out = [materialize(item, settings) for item in items]
    if settings.dedupe:
        from sanderling.dedupe import signature

        out = [replace(d, signature=signature(d.id, d.text)) if isinstance(d, Document) and isinstance(src, Unbuilt)
               else d for d, src in zip(out, items, strict=True)]
    return out


def is_deferred(items: Iterable[object]) -> bool:
    """True when some item of the batch still has to be built."""
    return any(isinstance(item, Unbuilt) for item in items)


def built(items: Iterable[Document | Rejected | Unbuilt], settings: Settings) -> Iterator[Document | Rejected]:
    """Build items as they come, in this process: what readers do when not asked to defer.

    Unlike :func:`materialize`, a bug propagates, as it always did for readers (``iter_inputs``
    turns it into one failed item for the file)."""
    for item in items:
        yield build(item, settings) if isinstance(item, Unbuilt) else item
