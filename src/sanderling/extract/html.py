"""HTML → main text and metadata, offline, never raising on hostile markup.

trafilatura finds the article body and drops menus, sidebars and reader comments far
better than any tag heuristic we could write; when it gives up (tiny pages, odd
markup) we fall back to the plain text of ``<body>`` so the item is not lost.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html import unescape as _unescape

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
     "section", "blockquote", "pre", "td", "dd", "dt", "header", "footer", "main"}
)
_INVISIBLE = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|article|section|blockquote)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_WS = re.compile(r"\s+")
# Guard for the fallback walk: libxml2 already caps depth, this caps total work.
_MAX_FALLBACK_CHARS = 20_000_000


@dataclass(frozen=True)
class ExtractedPage:
    """What we keep from one HTML page. ``date`` is ISO yyyy-mm-dd or None.

    ``method`` says which extractor produced ``text`` ("trafilatura", "fallback" or
    "none"), and ``error`` carries a one-line reason when extraction failed, so the
    caller can record *why* a page ended up empty instead of guessing.
    """

    text: str
    title: str | None = None
    author: str | None = None
    site: str | None = None
    date: str | None = None
    url: str | None = None
    method: str = "trafilatura"
    error: str | None = None


def extract_html(html: str, url: str | None = None) -> ExtractedPage:
    """Extract the article text and metadata of one page; never raises.

    Paragraphs are separated by a blank line so later cleaning and sentence
    splitting see the page's paragraph structure.
    """
    if not html or not html.strip():
        return ExtractedPage(text="", url=url, method="none", error="empty HTML")
    try:
        page = _with_trafilatura(html, url)
    except Exception as exc:  # hostile markup must never take the run down
        log.warning("trafilatura failed on %s: %s", url or "<html>", _one_line(exc))
        page = None
    if page is not None and page.text:
        return page
    try:
        text = _body_text(html) or _strip_tags(html)
    except Exception as exc:
        log.warning("fallback HTML parse failed on %s: %s", url or "<html>", _one_line(exc))
        return _empty_from(page, url, f"HTML could not be parsed: {_one_line(exc)}")
    if not text:
        return _empty_from(page, url, "no text found in HTML")
    meta = page or ExtractedPage(text="", url=url)
    return ExtractedPage(
        text=text, title=meta.title, author=meta.author, site=meta.site,
        date=meta.date, url=meta.url or url, method="fallback",
    )


def _with_trafilatura(html: str, url: str | None) -> ExtractedPage | None:
    """Run trafilatura with comments excluded and metadata on; None if it finds nothing."""
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, with_metadata=True,
        include_tables=False, deduplicate=False,
    )
    if doc is None:
        return None
    title = _clean_meta(getattr(doc, "title", None))
    text = _paragraphs(getattr(doc, "text", None) or "", title)
    return ExtractedPage(
        text=text,
        title=title,
        author=_clean_meta(getattr(doc, "author", None)),
        site=_clean_meta(getattr(doc, "sitename", None) or getattr(doc, "hostname", None)),
        date=_iso_date(getattr(doc, "date", None)),
        url=_clean_meta(getattr(doc, "url", None)) or url,
    )


def _paragraphs(text: str, title: str | None) -> str:
    """trafilatura puts one paragraph per line; make them blank-line separated.

    The headline is often repeated as the first line; it is kept in ``title`` only,
    so the same claim is not coded twice.
    """
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def _body_text(html: str) -> str:
    """Plain text of <body> (scripts and styles skipped), one block per paragraph."""
    import lxml.html

    root = lxml.html.fromstring(html)
    body = root.find(".//body")
    node = body if body is not None else root
    parts: list[str] = []
    size = 0
    for event, el in _walk(node):
        piece = "\n\n" if event == "block" else el
        parts.append(piece)
        size += len(piece)
        if size > _MAX_FALLBACK_CHARS:
            break
    blocks = (_WS.sub(" ", b).strip() for b in "".join(parts).split("\n\n"))
    return "\n\n".join(b for b in blocks if b)


def _strip_tags(html: str) -> str:
    """Last resort for markup libxml2 refuses (e.g. nesting deeper than its limit)."""
    html = _INVISIBLE.sub(" ", html[:_MAX_FALLBACK_CHARS])
    html = _BLOCK_TAG.sub("\n\n", html)
    text = _unescape(_ANY_TAG.sub(" ", html))
    blocks = (_WS.sub(" ", b).strip() for b in text.split("\n\n"))
    return "\n\n".join(b for b in blocks if b)


def _walk(node):  # type: ignore[no-untyped-def]
    """Iterative (not recursive) walk yielding text pieces and block boundaries.

    Recursion would overflow on pages with tens of thousands of nested tags.
    """
    stack = [(node, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if closing:
            if tag in _BLOCK_TAGS:
                yield "block", None
            if el.tail:
                yield "text", el.tail
            continue
        if tag in _SKIP_TAGS or not tag:
            if el.tail:
                yield "text", el.tail
            continue
        if tag in _BLOCK_TAGS:
            yield "block", None
        if el.text:
            yield "text", el.text
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))


def _empty_from(page: ExtractedPage | None, url: str | None, error: str) -> ExtractedPage:
    meta = page or ExtractedPage(text="", url=url)
    return ExtractedPage(
        text="", title=meta.title, author=meta.author, site=meta.site, date=meta.date,
        url=meta.url or url, method="none", error=error,
    )


def _iso_date(value: object) -> str | None:
    """Keep only a well-formed yyyy-mm-dd prefix; anything else is not a date we trust."""
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    month, day = int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return m.group(0)


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _one_line(exc: BaseException) -> str:
    msg = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {msg}"[:200] if msg else type(exc).__name__
