"""Tests for WARC input: hand-written archives (gzip member per record, as CC-NEWS), every
record kind, charsets, size limits, and truncated or corrupt archives."""

from __future__ import annotations

import gzip
import io
import os
import tracemalloc
import uuid
from collections import Counter
from pathlib import Path

import pytest

from sanderling.model import Document, Rejected
from sanderling.settings import Settings
from sanderling.sources import iter_inputs
from sanderling.sources.warc import iter_warc

EN = (
    "Brazil and Argentina signed a new trade agreement in Buenos Aires on Friday, "
    "ending a two-year dispute over tariffs on cars and steel."
)
EN2 = (
    "Japan condemned the missile launch and demanded an emergency meeting of the United "
    "Nations Security Council, the foreign ministry in Tokyo said on Sunday."
)
CRAWLED = "2024-03-12T10:00:00Z"


def warc_record(warc_type: str, block: bytes, uri: str | None = "https://news.example/a",
                rid: str | None = None, content_type: str | None = None) -> bytes:
    """One uncompressed WARC record (header, block, the two CRLFs)."""
    rid = rid or f"urn:uuid:{uuid.uuid4()}"
    ctype = content_type or {"response": "application/http; msgtype=response",
                             "request": "application/http; msgtype=request",
                             "warcinfo": "application/warc-fields"}.get(warc_type, "text/plain")
    lines = [f"WARC-Type: {warc_type}", f"WARC-Record-ID: <{rid}>", f"WARC-Date: {CRAWLED}"]
    if uri:
        lines.append(f"WARC-Target-URI: {uri}")
    lines += [f"Content-Type: {ctype}", f"Content-Length: {len(block)}"]
    return ("WARC/1.0\r\n" + "\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(body: bytes, content_type: str | None = "text/html; charset=utf-8", status: str = "200 OK",
         headers: tuple[str, ...] = ()) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + ([f"Content-Type: {content_type}"] if content_type else [])
    lines += [*headers, f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def page(body: str, head: str = "<title>Trade deal</title>") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>".encode()


def write_warc(path: Path, records: list[bytes]) -> bytes:
    """Plain, or gzip member per record when the name ends with .gz."""
    data = b"".join(gzip.compress(r) for r in records) if path.name.endswith(".gz") else b"".join(records)
    path.write_bytes(data)
    return data


def run(*paths: Path, **kw: object) -> list[Document | Rejected]:
    return list(iter_inputs([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def archive() -> tuple[list[bytes], dict[str, str]]:
    ids = {"dated": str(uuid.uuid4()), "undated": str(uuid.uuid4()), "png": str(uuid.uuid4())}
    dated = page(f"<p>{EN}</p><p>{EN2}</p>",
                 '<title>Trade deal</title><meta property="article:published_time" content="2024-01-05">')
    records = [
        warc_record("warcinfo", b"software: test\r\n", uri=None),
        warc_record("request", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        warc_record("response", http(page(f"<p>{EN}</p>")), rid=f"urn:uuid:{ids['undated']}",
                    uri="https://news.example/undated"),
        warc_record("metadata", b"fetchTimeMs: 12\r\n", content_type="application/warc-fields"),
        warc_record("response", http(b"\x89PNG\r\n\x1a\n" + bytes(300), "image/png"),
                    rid=f"urn:uuid:{ids['png']}", uri="https://news.example/logo.png"),
        warc_record("response", http(dated), rid=f"urn:uuid:{ids['dated']}", uri="https://news.example/dated"),
    ]
    return records, ids


# --- records -> items ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_response_records_become_items(tmp_path: Path, name: str) -> None:
    records, ids = archive()
    path = tmp_path / name
    write_warc(path, records)
    items = run(path)
    assert [type(i).__name__ for i in items] == ["Document", "Rejected", "Document"]
    undated, png, dated = items
    assert isinstance(undated, Document) and isinstance(dated, Document) and isinstance(png, Rejected)
    assert [undated.id, png.id, dated.id] == [f"urn:uuid:{ids[k]}" for k in ("undated", "png", "dated")]
    assert undated.url == "https://news.example/undated" and dated.url == "https://news.example/dated"
    assert undated.text == EN and dated.text == EN + "\n\n" + EN2
    assert "HTTP/1.1" not in undated.text and "Content-Type" not in undated.text
    assert undated.title == "Trade deal"
    # WARC-Date only when the page has no date of its own
    assert (undated.pub_date, "date:crawl" in undated.flags) == ("2024-03-12", True)
    assert (dated.pub_date, "date:crawl" in dated.flags) == ("2024-01-05", False)
    assert (png.status, png.reason) == ("skipped", "not an HTML page (Content-Type image/png)")
    assert png.url == "https://news.example/logo.png"
    # origins point at the record's position among all records (1-based)
    assert [i.origin for i in items] == [f"{path}#3", f"{path}#5", f"{path}#6"]
    assert [i.id for i in run(path)] == [i.id for i in items]  # stable across runs


def test_record_counts_and_direct_stream(tmp_path: Path) -> None:
    records, _ = archive()
    data = write_warc(tmp_path / "a.warc.gz", records)
    counts: Counter[str] = Counter()
    items = list(iter_warc(io.BytesIO(data), "mem", Settings(), counts=counts))
    assert len(items) == 3
    assert counts == Counter(warcinfo=1, request=1, metadata=1, response=3)


def test_directory_and_stdin_sniffing(tmp_path: Path) -> None:
    records, _ = archive()
    data = write_warc(tmp_path / "x.warc.gz", records)
    assert len(run(tmp_path)) == 3
    plain = b"".join(records)
    assert [type(i).__name__ for i in run("-", stdin=io.BytesIO(plain))] == ["Document", "Rejected", "Document"]
    assert len(run("-", stdin=io.BytesIO(data))) == 3


def test_text_plain_payload_has_no_http_headers(tmp_path: Path) -> None:
    body = f"{EN}\n\n{EN2}\n".encode()
    write_warc(tmp_path / "t.warc", [warc_record("response", http(body, "text/plain"))])
    doc = run(tmp_path / "t.warc")[0]
    assert isinstance(doc, Document)
    assert doc.text == EN + "\n\n" + EN2


def test_http_charset_is_respected(tmp_path: Path) -> None:
    greek = page(f"<p>{EN} The talks were held in Αθήνα.</p>", "<title>Talks</title>")  # no <meta charset>
    latin = page(f"<p>{EN} The caf\u00e9 in Z\u00fcrich \u2019s owner said.</p>")
    write_warc(tmp_path / "c.warc.gz", [
        warc_record("response", http(greek.decode().encode("iso-8859-7"), "text/html; charset=ISO-8859-7")),
        warc_record("response", http(latin.decode().encode("cp1252"), 'text/html; charset="iso-8859-1"')),
    ])
    greek_doc, latin_doc = run(tmp_path / "c.warc.gz")
    assert isinstance(greek_doc, Document) and isinstance(latin_doc, Document)
    assert "Αθήνα" in greek_doc.text and "encoding:iso8859-7" in greek_doc.flags
    # iso-8859-1 is read as windows-1252, as browsers do (the ’ is byte 0x92)
    assert "café in Zürich ’s owner" in latin_doc.text and "encoding:cp1252" in latin_doc.flags


def test_content_encoding_gzip_payload(tmp_path: Path) -> None:
    body = gzip.compress(page(f"<p>{EN}</p>"))
    write_warc(tmp_path / "e.warc", [warc_record("response", http(body, headers=("Content-Encoding: gzip",)))])
    doc = run(tmp_path / "e.warc")[0]
    assert isinstance(doc, Document) and doc.text == EN


def test_error_statuses_and_empty_payload(tmp_path: Path) -> None:
    write_warc(tmp_path / "s.warc.gz", [
        warc_record("response", http(page(f"<p>{EN}</p>"), status="404 Not Found")),
        warc_record("response", http(b"", status="301 Moved Permanently", headers=("Location: /b",))),
        warc_record("response", http(b"  \n")),
        warc_record("response", http(b"\x89PNG\r\n\x1a\n" + bytes(200), content_type=None)),
    ])
    reasons = [(i.status, i.reason) for i in run(tmp_path / "s.warc.gz") if isinstance(i, Rejected)]
    assert reasons == [
        ("skipped", "HTTP status 404, not an article page"),
        ("skipped", "HTTP status 301, not an article page"),
        ("skipped", "empty HTTP payload"),
        ("skipped", "not an HTML page (no Content-Type, binary content)"),
    ]


# --- size limits and memory ----------------------------------------------------------------


def test_oversized_payloads_are_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    big = page("<p>" + EN * 200 + "</p>")  # ~26 KB
    bomb = gzip.compress(page("<p>" + EN * 2000 + "</p>"))  # small on the wire, 260 KB decoded
    write_warc(tmp_path / "big.warc.gz", [
        warc_record("response", http(big)),
        warc_record("response", http(bomb, headers=("Content-Encoding: gzip",))),
        warc_record("response", http(page(f"<p>{EN2}</p>"))),
    ])
    first, second, last = run(tmp_path / "big.warc.gz", settings=Settings(max_doc_bytes=20_000))
    assert isinstance(first, Rejected) and isinstance(second, Rejected)
    assert first.status == "skipped"
    assert first.reason == f"too large: payload {len(big) / 1000:.1f} KB > 20 KB limit (raise --max-bytes)"
    assert (second.status, second.reason) == ("skipped", "too large: payload more than 20 KB (raise --max-bytes)")
    assert isinstance(last, Document) and last.text == EN2


@pytest.mark.parametrize("name", ["huge.warc", "huge.warc.gz"])
def test_large_records_are_streamed_not_loaded(tmp_path: Path, name: str) -> None:
    huge = 5_000_000  # bytes, for the first two records
    records = [
        warc_record("response", http(b"\x89PNG\r\n\x1a\n" + b"\x01" * huge, "image/png")),
        warc_record("response", http(b"<html><body><p>" + b"spam " * (huge // 5) + b"</p></body></html>")),
        # 150 KB on the wire (so not skipped by its declared size), 6 MB once decoded
        warc_record("response", http(gzip.compress(b"<p>" + b"".join(
            os.urandom(8).hex().encode() + b" lorem ipsum dolor sit amet" * 20 for _ in range(10_800))),
            headers=("Content-Encoding: gzip",))),
        warc_record("response", http(page(f"<p>{EN}</p>"))),
    ]
    write_warc(tmp_path / name, records)
    del records
    with open(tmp_path / name, "rb") as fh:
        items = iter_warc(fh, name, Settings(max_doc_bytes=200_000))
        tracemalloc.start()
        try:
            skipped = [next(items) for _ in range(3)]  # the last page would load the extraction models
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        last = list(items)
    assert [(i.status, i.reason) for i in skipped if isinstance(i, Rejected)] == [
        ("skipped", "not an HTML page (Content-Type image/png)"),
        ("skipped", "too large: payload 5 MB > 200 KB limit (raise --max-bytes)"),
        ("skipped", "too large: payload more than 200 KB (raise --max-bytes)")]
    assert len(last) == 1 and isinstance(last[0], Document)
    assert peak < 4_000_000, f"peak {peak} bytes: a large record was read into memory"


# --- broken archives -----------------------------------------------------------------------


def test_truncated_warc_gz_keeps_records_read_so_far(tmp_path: Path) -> None:
    records = [warc_record("warcinfo", b"software: test\r\n", uri=None)]
    records += [warc_record("response", http(page(f"<p>{EN} Story {n}.</p>"))) for n in range(3)]
    data = write_warc(tmp_path / "cut.warc.gz", records)
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 60])  # cut inside the last member
    items = run(tmp_path / "cut.warc.gz")
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Rejected"]
    failed = items[-1]
    assert isinstance(failed, Rejected) and failed.status == "failed"
    assert failed.reason.startswith("WARC archive truncated or corrupt after 3 records: truncated gzip")
    assert failed.reason.endswith("; re-download it") and "\n" not in failed.reason
    assert failed.origin == str(tmp_path / "cut.warc.gz")


@pytest.mark.parametrize("cut", [40, 300])  # inside the last payload / inside the last WARC header
def test_truncated_plain_warc(tmp_path: Path, cut: int) -> None:
    body = page(f"<p>{EN}</p>")
    records = [warc_record("response", http(body)), warc_record("response", http(body))]
    data = write_warc(tmp_path / "cut.warc", records)
    (tmp_path / "cut.warc").write_bytes(data[: len(records[0]) + (len(records[1]) - cut if cut < 100 else 120)])
    items = run(tmp_path / "cut.warc")
    assert [type(i).__name__ for i in items] == ["Document", "Rejected"]
    failed = items[-1]
    assert isinstance(failed, Rejected) and failed.status == "failed"
    assert failed.reason.startswith("WARC archive truncated or corrupt after 1 records: ")


def test_corrupt_archive_garbage_between_records(tmp_path: Path) -> None:
    good = warc_record("response", http(page(f"<p>{EN}</p>")))
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(good) + b"this is not gzip at all" + gzip.compress(good))
    items = run(path)
    assert [type(i).__name__ for i in items] == ["Document", "Rejected"]
    assert isinstance(items[1], Rejected) and items[1].status == "failed"
    assert items[1].reason.startswith("WARC archive truncated or corrupt after 1 records: ")

    plain = tmp_path / "bad.warc"
    plain.write_bytes(good + b"garbage line\r\n" + good)
    items = run(plain)
    assert [type(i).__name__ for i in items] == ["Document", "Rejected"]
    assert isinstance(items[1], Rejected) and "corrupt after 1 records" in items[1].reason


def test_not_a_warc_and_empty(tmp_path: Path) -> None:
    (tmp_path / "page.warc").write_bytes(page(f"<p>{EN}</p>"))
    (tmp_path / "empty.warc.gz").write_bytes(gzip.compress(b""))
    items = run(tmp_path / "page.warc", tmp_path / "empty.warc.gz")
    assert [(i.status, i.reason) for i in items if isinstance(i, Rejected)] == [
        ("failed", "not a WARC archive: it does not start with a 'WARC/1.x' record header"),
        ("skipped", "empty input"),
    ]
