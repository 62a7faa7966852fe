"""Reading inputs: paths, directories, gzip, JSON Lines, CSV, WARC and stdin → Documents.

``iter_inputs`` is a generator that never raises for bad input and never drops an
item silently: every file, line or stream problem becomes a :class:`Rejected` with a
one-line reason saying what to do, so a run over a messy archive always finishes
and its documents table accounts for every input.

Example::

    for item in iter_inputs(["news/", "feed.jsonl.gz", "-"]):
        ...
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO

from sanderling.model import Document, Rejected
from sanderling.settings import DEFAULT, Settings
from sanderling.sources.build import build_document, content_id, human_bytes, reject
from sanderling.sources.csvsrc import iter_csv
from sanderling.sources.decode import decode_bytes, has_utf16_bom, is_binary, looks_like_html, sniff_kind
from sanderling.sources.jsonl import iter_jsonl
from sanderling.sources.streams import (
    STREAM_ERRORS,
    Prefixed,
    file_size,
    maybe_gunzip,
    open_binary,
    read_bounded,
    stream_error_reason,
)
from sanderling.sources.warc import iter_warc

__all__ = ["iter_inputs"]

log = logging.getLogger(__name__)
Item = Document | Rejected

_KIND_BY_EXT = {".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl",
                ".ndjson": "jsonl", ".txt": "text", ".text": "text", ".json": None,
                ".warc": "warc", ".csv": "csv"}
_ARCHIVES = {"warc": iter_warc, "csv": iter_csv}  # many items each; they check their own content


def iter_inputs(paths: Sequence[str], settings: Settings = DEFAULT,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Yield one Document or Rejected per input item, in a stable order.

    ``paths`` may name files (text, HTML, JSONL, CSV, WARC, any of them gzipped), directories
    (read recursively in sorted order, hidden entries skipped) or ``"-"`` for stdin.
    """
    for path in map(os.fspath, paths):
        if path == "-":
            yield from _guarded(_iter_stdin(stdin, settings), "-")
        else:
            yield from _guarded(_iter_path(path, settings), path)


def _iter_stdin(stdin: BinaryIO | None, settings: Settings) -> Iterator[Item]:
    source = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if source is None:
        yield reject("failed", "cannot read stdin: it is closed or not a byte stream", "-")
        return
    yield from _iter_stream(Prefixed(b"", source), "-", None, None, settings)


def _guarded(items: Iterator[Item], origin: str) -> Iterator[Item]:
    """Last line of defence: an unexpected bug becomes one failed item, not a crash."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - by contract nothing escapes iter_inputs
        log.exception("unexpected error while reading %s", origin)
        yield reject("failed", f"internal error reading {origin}: {type(exc).__name__}: {exc}"
                     .splitlines()[0][:300], origin)


def _iter_path(path: str, settings: Settings) -> Iterator[Item]:
    try:
        is_dir = os.path.isdir(path)
        size = None if is_dir else file_size(path)
    except OSError as exc:
        yield reject("failed", stream_error_reason(exc, path), path)
        return
    if is_dir:
        yield from _iter_dir(path, settings)
    else:
        yield from _iter_file(path, size, settings)


def _iter_dir(path: str, settings: Settings) -> Iterator[Item]:
    """Recursive, name-sorted walk; symlinked directories are not followed (no loops)."""
    try:
        with os.scandir(path) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield reject("failed", stream_error_reason(exc, path), path)
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _iter_dir(entry.path, settings)
                continue
            regular = entry.is_file()
            size = entry.stat().st_size if regular else None
        except OSError as exc:
            yield reject("failed", stream_error_reason(exc, entry.path), entry.path)
            continue
        if not regular:
            yield reject("skipped", "not a regular file (pipe, socket or device)", entry.path)
            continue
        yield from _iter_file(entry.path, size, settings)


def _iter_file(path: str, size: int | None, settings: Settings) -> Iterator[Item]:
    """Open one file and hand it to the stream reader; size-check documents first."""
    kind = _kind_from_name(path)
    one_doc = kind != "jsonl" and kind not in _ARCHIVES
    if size is not None and one_doc and not _is_gz_name(path) and size > settings.max_doc_bytes:
        yield reject("skipped", _too_large(size, settings), path)
        return
    try:
        fh = open_binary(path)
    except OSError as exc:
        yield reject("failed", stream_error_reason(exc, path), path)
        return
    with fh:
        yield from _iter_stream(Prefixed(b"", fh), path, kind, size, settings)


def _iter_stream(stream: Prefixed, origin: str, kind: str | None, size: int | None,
                 settings: Settings) -> Iterator[Item]:
    """Sniff gzip and content kind, then read the stream as JSONL or one document."""
    try:
        stream, gunzipped = maybe_gunzip(stream)
        head = stream.peek_head()
    except STREAM_ERRORS as exc:
        yield reject("failed", stream_error_reason(exc, origin), origin)
        return
    if not head.strip():
        yield reject("skipped", "empty input", origin)
        return
    if kind is None and head.startswith(b"WARC/"):
        kind = "warc"
    if kind in _ARCHIVES:
        yield from _ARCHIVES[kind](stream, origin, settings)
        return
    if is_binary(head) and not has_utf16_bom(head):
        yield reject("skipped", "binary content, not text/HTML/JSONL", origin)
        return
    if kind is None and head.lstrip().startswith(b"[") and origin.lower().endswith((".json", ".json.gz")):
        yield reject("failed", "a JSON array, not JSON Lines: write one object per line "
                     "(e.g. jq -c '.[]' file.json > file.jsonl)", origin)
        return
    kind = kind or sniff_kind(head)
    if kind == "jsonl":
        yield from iter_jsonl(stream, origin, settings)
        return
    yield _read_document(stream, origin, kind, size if not gunzipped else None, settings)


def _read_document(stream: Prefixed, origin: str, kind: str, size: int | None,
                   settings: Settings) -> Item:
    try:
        raw = read_bounded(stream, settings.max_doc_bytes)
    except STREAM_ERRORS as exc:
        return reject("failed", stream_error_reason(exc, origin), origin)
    if len(raw) > settings.max_doc_bytes:
        return reject("skipped", _too_large(size, settings), origin)
    text, flags = decode_bytes(raw, html=kind == "html")
    is_html = kind == "html" or looks_like_html(text[:4096])
    item = build_document(content_id(raw), origin, text, is_html, settings)
    if flags and isinstance(item, Document):
        item = replace(item, flags=flags + item.flags)
    return item


def _too_large(size: int | None, settings: Settings) -> str:
    limit = human_bytes(settings.max_doc_bytes)
    if size is None:
        return f"too large: more than {limit} (raise --max-bytes)"
    return f"too large: {human_bytes(size)} > {limit} limit (raise --max-bytes)"


def _is_gz_name(path: str) -> bool:
    return path.lower().endswith(".gz")


def _kind_from_name(path: str) -> str | None:
    """"jsonl"/"html"/"text" from the extension (under any .gz); None means sniff."""
    name = path.lower().removesuffix(".gz")
    ext = os.path.splitext(name)[1]
    if ext in _KIND_BY_EXT:
        return _KIND_BY_EXT[ext]
    return "text"
