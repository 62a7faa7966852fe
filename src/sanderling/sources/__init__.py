"""Reading inputs: paths, directories, gzip, JSON Lines, CSV, WARC and stdin → Documents.

``iter_inputs`` is a generator that never raises for bad input and never drops an
item silently: every file, line or stream problem becomes a :class:`Rejected` with a
one-line reason saying what to do, so a run over a messy archive always finishes
and its documents table accounts for every input.

Example::

    for item in iter_inputs(["news/", "feed.jsonl.gz", "-"]):
        ...

With ``defer=True`` the expensive per-item step (HTML extraction, cleaning, language
identification) is left undone: items that need it come as
:class:`~sanderling.sources.build.Unbuilt`, to be built by
:func:`~sanderling.sources.build.materialize` elsewhere (the CLI has the engine's worker
processes do it, so it scales with cores). Everything else (reading, decoding, size
limits, ids, JSONL/CSV/WARC parsing) happens here either way.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from sanderling.model import Document, Rejected
from sanderling.settings import DEFAULT, Settings
from sanderling.sources.build import Meta, Unbuilt, built, content_id, human_bytes, reject
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

__all__ = ["Unbuilt", "iter_inputs"]

log = logging.getLogger(__name__)
Item = Document | Rejected
Read = Document | Rejected | Unbuilt  # what the readers below yield: building is left to iter_inputs' caller

_KIND_BY_EXT = {".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl",
                ".ndjson": "jsonl", ".txt": "text", ".text": "text", ".json": None,
                ".warc": "warc", ".csv": "csv"}
_ARCHIVES = {"warc": iter_warc, "csv": iter_csv}  # many items each; they check their own content


def iter_inputs(paths: Sequence[str], settings: Settings = DEFAULT,
                stdin: BinaryIO | None = None, defer: bool = False) -> Iterator[Item | Unbuilt]:
    """Yield one Document or Rejected per input item, in a stable order.

    ``paths`` may name files (text, HTML, JSONL, CSV, WARC, any of them gzipped), directories
    (read recursively in sorted order, hidden entries skipped) or ``"-"`` for stdin.
    ``defer=True``: yield an :class:`Unbuilt` instead of a Document (or a Rejected found by
    extraction, length or language) for each item read; ``materialize`` turns it into
    exactly the item yielded without ``defer``.
    """
    for path in map(os.fspath, paths):
        read = _iter_stdin(stdin, settings) if path == "-" else _iter_path(path, settings)
        yield from _guarded(read if defer else built(read, settings), path)


def _iter_stdin(stdin: BinaryIO | None, settings: Settings) -> Iterator[Read]:
    source = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if source is None:
        yield reject("failed", "cannot read stdin: it is closed or not a byte stream", "-")
        return
    yield from _iter_stream(Prefixed(b"", source), "-", None, None, settings)


def _guarded(items: Iterator[Read], origin: str) -> Iterator[Read]:
    """Last line of defence: an unexpected bug becomes one failed item, not a crash."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - by contract nothing escapes iter_inputs
        log.exception("unexpected error while reading %s", origin)
        yield reject("failed", f"internal error reading {origin}: {type(exc).__name__}: {exc}"
                     .splitlines()[0][:300], origin)


def _iter_path(path: str, settings: Settings) -> Iterator[Read]:
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


def _iter_dir(path: str, settings: Settings) -> Iterator[Read]:
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


def _iter_file(path: str, size: int | None, settings: Settings) -> Iterator[Read]:
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
                 settings: Settings) -> Iterator[Read]:
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
        yield from _ARCHIVES[kind](stream, origin, settings, defer=True)
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
        yield from iter_jsonl(stream, origin, settings, defer=True)
        return
    yield _read_document(stream, origin, kind, size if not gunzipped else None, settings)


def _read_document(stream: Prefixed, origin: str, kind: str, size: int | None,
                   settings: Settings) -> Read:
    try:
        raw = read_bounded(stream, settings.max_doc_bytes)
    except STREAM_ERRORS as exc:
        return reject("failed", stream_error_reason(exc, origin), origin)
    if len(raw) > settings.max_doc_bytes:
        return reject("skipped", _too_large(size, settings), origin)
    text, flags = decode_bytes(raw, html=kind == "html")
    is_html = kind == "html" or looks_like_html(text[:4096])
    return Unbuilt(content_id(raw), origin, text, is_html, Meta(flags=flags))  # decoding flags come first


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
