"""Opening inputs as bounded byte streams: files, stdin, gzip, without slurping.

Everything downstream reads through :class:`Prefixed`, which lets us peek at the
first bytes (to sniff gzip/JSONL/HTML) and then keep streaming from the same place,
which matters for stdin and for gzip members that cannot be rewound cheaply.
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from typing import BinaryIO

from sanderling.sources.decode import GZIP_MAGIC

PEEK_BYTES = 65_536
STREAM_ERRORS = (EOFError, OSError, zlib.error)  # gzip.BadGzipFile is an OSError
SKIP_CHUNK = 65_536


class Prefixed:
    """A read-only binary stream made of already-read bytes followed by the rest.

    A read error met while peeking (e.g. a truncated gzip) is kept and raised only
    once the bytes read before it have been consumed, so records before the break
    are still delivered.
    """

    def __init__(self, prefix: bytes, rest: BinaryIO | gzip.GzipFile | None) -> None:
        self._prefix = prefix
        self._rest = rest
        self._error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            data, self._prefix = self._prefix, b""
            return data + self._read_rest(-1)
        data, self._prefix = self._prefix[:size], self._prefix[size:]
        if len(data) < size:
            data += self._read_rest(size - len(data))
        return data

    def readline(self, limit: int = -1) -> bytes:
        """One line including its newline, at most ``limit`` bytes."""
        if not self._prefix:
            return self._readline_rest(limit)
        cut = self._prefix.find(b"\n")
        end = len(self._prefix) if cut < 0 else cut + 1
        if limit >= 0:
            end = min(end, limit)
        data, self._prefix = self._prefix[:end], self._prefix[end:]
        if data.endswith(b"\n") or (limit >= 0 and len(data) >= limit) or self._prefix:
            return data
        return data + self._readline_rest(-1 if limit < 0 else limit - len(data))

    def peek_head(self, size: int = PEEK_BYTES) -> bytes:
        """Buffer at least ``size`` bytes (or all there is) and return them."""
        while len(self._prefix) < size and self._rest is not None and self._error is None:
            try:
                chunk = _read_some(self._rest, size - len(self._prefix))
            except STREAM_ERRORS as exc:
                self._error = exc
                break
            if not chunk:
                break
            self._prefix += chunk
        if self._error is not None and not self._prefix:
            self._raise_pending()
        return self._prefix[:size]

    def _read_rest(self, size: int) -> bytes:
        self._raise_pending()
        if self._rest is None:
            return b""
        return self._rest.read(size)

    def _readline_rest(self, limit: int) -> bytes:
        self._raise_pending()
        return self._rest.readline(limit) if self._rest is not None else b""

    def _raise_pending(self) -> None:
        if self._error is not None:
            exc, self._error = self._error, None
            self._rest = None
            raise exc


def _read_some(stream: BinaryIO | gzip.GzipFile, size: int) -> bytes:
    """One bounded read; read1 returns what one underlying read gives, so an error
    later in the stream does not swallow bytes already decompressed."""
    read1 = getattr(stream, "read1", None)
    return read1(size) if read1 is not None else stream.read(size)


def open_binary(path: str) -> BinaryIO:
    """Open a path for binary reading (separate so tests can simulate failures)."""
    return open(path, "rb")  # noqa: SIM115 - the caller owns and closes it


def maybe_gunzip(stream: Prefixed) -> tuple[Prefixed, bool]:
    """If the stream starts with the gzip magic, return a decompressing stream.

    Detection is by content, not extension: ``.gz`` files that are not compressed
    are read as they are, and compressed files without ``.gz`` still work.
    """
    if not stream.peek_head(2).startswith(GZIP_MAGIC):
        return stream, False
    return Prefixed(b"", gzip.GzipFile(fileobj=stream, mode="rb")), True  # type: ignore[arg-type]


def read_bounded(stream: Prefixed, limit: int) -> bytes:
    """Read at most ``limit + 1`` bytes, so "too large" is known without reading more."""
    return stream.read(limit + 1)


def skip_line_rest(stream: Prefixed) -> int:
    """Consume the rest of an over-long line in chunks; return how many bytes it had."""
    total = 0
    while True:
        chunk = stream.readline(SKIP_CHUNK)
        total += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return total


def stream_error_reason(exc: BaseException, origin: str) -> str:
    """One actionable line for a read failure."""
    if isinstance(exc, EOFError):
        return f"truncated gzip: {exc} (file ended early)"
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a valid gzip file: {exc}"
    if isinstance(exc, zlib.error):
        return f"corrupt gzip data: {exc}"
    if isinstance(exc, OSError):
        return f"cannot read {origin}: {exc.strerror or exc}"
    return f"cannot read {origin}: {type(exc).__name__}: {exc}"


def file_size(path: str) -> int | None:
    """Size of a regular file, None for pipes, devices and the like."""
    st = os.stat(path)
    return st.st_size if stat.S_ISREG(st.st_mode) else None
