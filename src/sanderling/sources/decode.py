"""Bytes → text: binary detection, charset fallback and content sniffing.

Inputs come from scrapers and archives of every vintage, so a wrong encoding is a
normal case, not an error: we decode with a fallback chain and record which codec
was used as a flag instead of rejecting the article.
"""

from __future__ import annotations

import codecs
import re

_BINARY_MAGIC = (
    b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x28\xb5\x2f\xfd", b"OggS", b"ID3",
)
_SNIFF_BYTES = 65_536
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.05
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]{1,40})", re.I)
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|!--|\?xml)[\s>/]", re.I
)
_HTML_ANYWHERE = re.compile(r"<(?:html|body|head|article|p|div|br)[\s>/]", re.I)
GZIP_MAGIC = b"\x1f\x8b"


def is_binary(head: bytes) -> bool:
    """True for content that is clearly not text: NUL bytes, known binary
    signatures, or many control bytes (random or compressed data)."""
    if head.startswith(_BINARY_MAGIC):
        return True
    sample = head[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = len(_CONTROL_BYTES.findall(sample))
    return controls > max(2, _MAX_CONTROL_RATIO * len(sample))


def decode_bytes(data: bytes, html: bool = False) -> tuple[str, tuple[str, ...]]:
    """Decode with BOM → UTF-8 → declared HTML charset → cp1252 → latin-1.

    Returns the text and flags such as ``("encoding:cp1252",)`` when the input was
    not UTF-8, so suspicious decodings can be found later.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            return text, (() if codec == "utf-8" else ("encoding:utf-16",))
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if html else None
    for codec in (declared, "cp1252"):
        if not codec:
            continue
        try:
            return data.decode(codec), (f"encoding:{codec}",)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1"), ("encoding:latin-1",)


def has_utf16_bom(head: bytes) -> bool:
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name == "utf-8" else name


def looks_like_html(head: str) -> bool:
    """HTML if it starts with a tag we know, or has body/paragraph tags early on."""
    start = head.lstrip("\ufeff \t\r\n")[:4096]
    if _HTML_START.match(start):
        return True
    return start.startswith("<") and bool(_HTML_ANYWHERE.search(start))


def sniff_kind(head: bytes) -> str:
    """Guess "jsonl", "html" or "text" from the first bytes of a stream."""
    text = head[:_SNIFF_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("{"):
        return "jsonl"
    if looks_like_html(text):
        return "html"
    return "text"
