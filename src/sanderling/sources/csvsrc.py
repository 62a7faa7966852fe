"""CSV files: one article per row, columns found by header name, streamed row by row.

The first non-blank row is the header. Our fields (id, text, url, title, date, html)
are matched to columns case-insensitively by name: by default ``id``; ``text``,
``body`` or ``content``; ``url`` or ``link``; ``title``; ``date`` or ``published``;
``html``. A mapping (``Settings.csv_columns``, from ``--csv-columns text=body,...``)
names other columns. The delimiter is the one of ``, ; TAB |`` the header uses most.

Like JSON Lines, a bad row is one item with its row and line number and never stops
the file: a row without text is skipped, a malformed row (unbalanced quotes, NUL
bytes, a record longer than ``settings.max_line_bytes``) is failed. Only problems
with the whole file (no usable header, a read error) end it.

Example::

    for item in iter_csv(open("news.csv", "rb"), "news.csv", Settings(), {"text": "body"}):
        ...
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from sanderling.model import Document, Rejected
from sanderling.settings import Settings
from sanderling.sources.build import Meta, Unbuilt, built, content_id, human_bytes, reject
from sanderling.sources.dates import normalize_date
from sanderling.sources.decode import decode_bytes, has_utf16_bom, is_binary
from sanderling.sources.streams import (
    STREAM_ERRORS,
    Prefixed,
    maybe_gunzip,
    skip_line_rest,
    stream_error_reason,
)

__all__ = ["FIELDS", "DEFAULT_COLUMNS", "iter_csv"]

FIELDS = ("id", "text", "url", "title", "date", "html")
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",), "text": ("text", "body", "content"), "url": ("url", "link"),
    "title": ("title",), "date": ("date", "published"), "html": ("html",),
}
_DELIMITERS = (",", ";", "\t", "|")
_MAX_NUL_RATIO = 0.01  # more NULs than this in the first 64 KB: UTF-16 or binary, not a CSV


class _BadRow(Exception):
    """This row cannot be parsed; the file goes on with the next line."""


class _Lines:
    """Decoded lines for csv.reader, with line counting and per-record size bounds.

    An iterator class, not a generator: it must survive raising :class:`_BadRow`
    (csv.reader starts a fresh record on the next call).
    """

    def __init__(self, stream: Prefixed, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self.count = 0  # physical lines read
        self.record_bytes = 0  # bytes of the current CSV record (may span lines)
        self.flags: set[str] = set()

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._stream.readline(self._limit + 1)
        if not line:
            raise StopIteration
        self.count += 1
        if len(line) > self._limit and not line.endswith(b"\n"):
            size = len(line) + skip_line_rest(self._stream)
            raise _BadRow(f"line too long: {human_bytes(size)} > {human_bytes(self._limit)} "
                          "line limit (raise --max-line-bytes)")
        self.record_bytes += len(line)
        if self.record_bytes > self._limit:
            raise _BadRow(f"record longer than the {human_bytes(self._limit)} line limit "
                          "(an unclosed double quote?)")
        if b"\x00" in line:
            raise _BadRow("malformed CSV: NUL byte in the line (binary data in the CSV?)")
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text, flags = decode_bytes(line)
            self.flags.update(flags)
        return text.lstrip("\ufeff") if self.count == 1 else text

    def start_record(self) -> tuple[int, tuple[str, ...]]:
        """Line number where the next record starts; the flags of the previous one."""
        flags, self.flags, self.record_bytes = tuple(sorted(self.flags)), set(), 0
        return self.count + 1, flags


def iter_csv(stream: BinaryIO | Prefixed, origin: str, settings: Settings,
             mapping: Mapping[str, str] | None = None, defer: bool = False) -> Iterator[Document | Rejected | Unbuilt]:
    """Yield one item per non-blank data row; never raises.

    ``mapping`` maps our fields to column names (defaults to ``settings.csv_columns``);
    fields it leaves out are found by their default names. ``defer=True``: rows are yielded
    as :class:`Unbuilt` (extraction, cleaning and language identification left to ``materialize``).
    """
    items = _read_csv(stream, origin, settings, mapping)
    return items if defer else built(items, settings)


def _read_csv(stream: BinaryIO | Prefixed, origin: str, settings: Settings,
              mapping: Mapping[str, str] | None) -> Iterator[Document | Rejected | Unbuilt]:
    mapping = dict(settings.csv_columns) if mapping is None else dict(mapping)
    source = stream if isinstance(stream, Prefixed) else Prefixed(b"", stream)
    try:
        source, _ = maybe_gunzip(source)
        head = source.peek_head()
    except STREAM_ERRORS as exc:
        yield reject("failed", stream_error_reason(exc, origin), origin)
        return
    if not head.strip():
        yield reject("skipped", "empty input", origin)
        return
    problem = _not_csv(head)
    if problem:
        yield reject("failed", problem, origin)
        return
    # Global to the csv module: fields up to one line long (the default, 128 KB, is too small).
    csv.field_size_limit(settings.max_line_bytes)
    yield from _rows(source, origin, settings, mapping, _delimiter(head))


def _rows(source: Prefixed, origin: str, settings: Settings, mapping: dict[str, str],
          delimiter: str) -> Iterator[Document | Rejected | Unbuilt]:
    lines = _Lines(source, settings.max_line_bytes)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    columns: dict[str, int] = {}
    row_no = 0
    start, _ = lines.start_record()
    while True:
        try:
            row = next(reader, None)
        except STREAM_ERRORS as exc:
            yield reject("failed", stream_error_reason(exc, origin), origin)
            return
        except (_BadRow, csv.Error) as exc:
            if header is None:
                yield reject("failed", f"bad CSV header (line {start}): {_explain(exc)}", origin)
                return
            row_no += 1
            yield reject("failed", f"row {row_no} (line {start}): {_explain(exc)}", f"{origin}:{start}")
            start, _ = lines.start_record()
            continue
        if row is None:
            break
        where = f"{origin}:{start}"
        start, flags = lines.start_record()
        if not any(cell.strip() for cell in row):
            continue  # blank line
        if header is None:
            header = row
            columns, error = _resolve(header, mapping)
            if error:
                yield reject("failed", error, origin)
                return
            continue
        row_no += 1
        yield _record(row, row_no, header, columns, where, flags, settings)
    if header is None:
        yield reject("skipped", "empty input (no CSV header)", origin)
    elif not row_no:
        yield reject("skipped", "empty input (a CSV header but no rows)", origin)


def _not_csv(head: bytes) -> str | None:
    """Why the file is not a text CSV (UTF-16, binary), or None."""
    if has_utf16_bom(head) or head.count(b"\x00") > _MAX_NUL_RATIO * len(head):
        return "not a UTF-8 text CSV (UTF-16 or binary content): save it as CSV UTF-8"
    if is_binary(head.replace(b"\x00", b"")):
        return "binary content, not a CSV file"
    return None


def _delimiter(head: bytes) -> str:
    first = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _resolve(header: list[str], mapping: dict[str, str]) -> tuple[dict[str, int], str | None]:
    """Column index of each of our fields, or an error naming what is missing."""
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        index.setdefault(name.strip().lower(), i)
    shown = ", ".join(h.strip() for h in header[:15]) + (", ..." if len(header) > 15 else "")
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        return {}, (f"unknown field {', '.join(unknown)} in the CSV column mapping: "
                    f"use {', '.join(FIELDS)} (e.g. --csv-columns text=body)")
    columns: dict[str, int] = {}
    for field in FIELDS:
        if field in mapping:
            column = mapping[field].strip().lower()
            if column not in index:
                return {}, (f"column '{mapping[field]}' (for {field}) is not in the CSV header "
                            f"({shown}); check --csv-columns")
            columns[field] = index[column]
            continue
        found = next((index[alias] for alias in DEFAULT_COLUMNS[field] if alias in index), None)
        if found is not None:
            columns[field] = found
    if "text" not in columns and "html" not in columns:
        return {}, (f"no text column in the CSV header ({shown}): name one with "
                    "--csv-columns text=COLUMN")
    return columns, None


def _record(row: list[str], row_no: int, header: list[str], columns: dict[str, int], where: str,
            flags: tuple[str, ...], settings: Settings) -> Rejected | Unbuilt:
    def cell(field: str) -> str:
        i = columns.get(field)
        return row[i].strip() if i is not None and i < len(row) else ""

    item_id = cell("id") or content_id("\x1f".join(row).encode("utf-8", "surrogatepass"))
    url = cell("url") or None
    text, is_html = cell("text"), False
    if not text and cell("html"):
        text, is_html = cell("html"), True
    if not text:
        names = " and ".join(f"'{header[columns[f]].strip()}'" for f in ("text", "html") if f in columns)
        return reject("skipped", f"row {row_no}: no text (empty {names} column)", where, item_id, url=url)
    raw_date = cell("date")
    pub_date = _date(raw_date)
    if raw_date and pub_date is None:
        flags += ("date:unparsed",)
    meta = Meta(url=url, title=cell("title") or None, pub_date=pub_date, flags=flags)
    return Unbuilt(item_id, where, text, is_html, meta)


def _date(value: str) -> str | None:
    if not value:
        return None
    if value.isdigit() and len(value) >= 9:  # epoch seconds or milliseconds
        return normalize_date(int(value))
    return normalize_date(value)


def _explain(exc: BaseException) -> str:
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, csv.Error):
        message = f"malformed CSV: {message}"
        if "expected after" in message or "end of data" in message:
            message += " (an unbalanced double quote?)"
    return message[:240]
