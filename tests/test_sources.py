"""Tests for iter_inputs: every input kind, and every bad-input case becomes a Rejected."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sanderling.sources as sources
from sanderling.model import Document, Rejected
from sanderling.settings import Settings
from sanderling.sources import iter_inputs

FIXTURES = Path(__file__).parent / "fixtures"

EN = (
    "Brazil and Argentina signed a new trade agreement in Buenos Aires on Friday, "
    "ending a two-year dispute over tariffs on cars and steel."
)
EN2 = (
    "Japan condemned the missile launch and demanded an emergency meeting of the United "
    "Nations Security Council, the foreign ministry in Tokyo said on Sunday."
)
DE = (
    "Die Regierung in Berlin hat am Montag den Botschafter einbestellt und eine "
    "Erklärung zu den Vorwürfen verlangt, teilte das Auswärtige Amt mit."
)


def run(*paths: str | Path, **kw: object) -> list[Document | Rejected]:
    return list(iter_inputs([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def only(items: list[Document | Rejected]) -> Document | Rejected:
    assert len(items) == 1, items
    return items[0]


def sha16(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]


def write_jsonl(path: Path, records: list[dict[str, object]]) -> bytes:
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    path.write_bytes(data)
    return data


# --- input kinds ------------------------------------------------------------------


def test_text_file(tmp_path: Path) -> None:
    raw = (EN + "\n\n" + EN2 + "\n\nRead more\n").encode()
    (tmp_path / "a.txt").write_bytes(raw)
    doc = only(run(tmp_path / "a.txt"))
    assert isinstance(doc, Document)
    assert doc.id == sha16(raw)
    assert doc.text == EN + "\n\n" + EN2
    assert doc.origin == str(tmp_path / "a.txt")
    assert doc.language == "en"
    assert doc.flags == ("boilerplate:1",)


def test_id_stable_across_paths_and_runs(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(EN)
    (tmp_path / "two.dat").write_text(EN)  # unknown extension is read as text
    a, b = run(tmp_path / "one.txt", tmp_path / "two.dat")
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.id == b.id == only(run(tmp_path / "one.txt")).id


def test_plain_fixture() -> None:
    doc = only(run(FIXTURES / "article_plain.txt"))
    assert isinstance(doc, Document)
    assert doc.text.startswith("Kenya and Tanzania agree")
    assert "NAIROBI, May 7 (Sandwire) - Kenya and Tanzania agreed on Tuesday" in doc.text


def test_html_fixture() -> None:
    doc = only(run(FIXTURES / "article_boilerplate_spam.html"))
    assert isinstance(doc, Document)
    assert doc.title == "Norway and Chile trade accusations over detained fishing crew"
    assert doc.author == "Marta Lindqvist"
    assert doc.site == "The Harbour Gazette"
    assert doc.pub_date == "2024-03-12"
    assert doc.url and doc.url.startswith("https://harbourgazette.example/world/")
    assert "spam:casino" in doc.flags
    assert "A spokesman said on Tuesday that the boarding" in doc.text
    assert "casino" not in doc.text and "grandstanding" not in doc.text


def test_html_sniffed_in_txt_and_htm(tmp_path: Path) -> None:
    page = f"<!DOCTYPE html><html><head><title>T</title></head><body><p>{EN}</p><p>{EN2}</p></body></html>"
    (tmp_path / "page.txt").write_text(page)
    (tmp_path / "page.htm").write_text(page)
    for item in run(tmp_path / "page.txt", tmp_path / "page.htm"):
        assert isinstance(item, Document)
        assert "<p>" not in item.text and item.text.startswith("Brazil")


def test_jsonl(tmp_path: Path) -> None:
    records = [
        {"id": "a1", "text": EN, "date": "2024-03-05T10:00:00Z", "url": "https://x.example/1", "title": "Deal"},
        {"id": 42, "text": EN2, "date": "March 7, 2024"},
        {"text": EN, "date": "20240309"},
        {"id": "h1", "html": f"<html><body><article><p>{EN2}</p></article></body></html>", "date": 1709942400},
    ]
    path = tmp_path / "feed.jsonl"
    data = write_jsonl(path, records)
    items = run(path)
    assert all(isinstance(i, Document) for i in items), items
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["a1", "42", sha16(data.splitlines()[2]), "h1"]
    assert [d.pub_date for d in docs] == ["2024-03-05", "2024-03-07", "2024-03-09", "2024-03-09"]
    assert [d.origin for d in docs] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    assert docs[0].url == "https://x.example/1" and docs[0].title == "Deal"
    assert docs[3].text == EN2


def test_ndjson_blank_lines_and_unparsed_date(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_text("\n" + json.dumps({"id": "x", "text": EN, "date": "sometime"}) + "\n\n")
    doc = only(run(path))
    assert isinstance(doc, Document)
    assert doc.origin == f"{path}:2" and doc.pub_date is None and "date:unparsed" in doc.flags


@pytest.mark.parametrize("name", ["a.txt.gz", "a.html.gz", "a.jsonl.gz"])
def test_gzip_kinds(tmp_path: Path, name: str) -> None:
    if name.startswith("a.html"):
        raw = f"<html><body><p>{EN}</p></body></html>".encode()
    elif name.startswith("a.jsonl"):
        raw = (json.dumps({"id": "g1", "text": EN}) + "\n").encode()
    else:
        raw = EN.encode()
    with gzip.open(tmp_path / name, "wb") as fh:
        fh.write(raw)
    doc = only(run(tmp_path / name))
    assert isinstance(doc, Document), doc
    assert doc.text == EN
    assert doc.id == ("g1" if "jsonl" in name else sha16(raw))


def test_directory_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(EN2)
    (tmp_path / "a.txt").write_text(EN)
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c", "text": EN2}) + "\n")
    (tmp_path / ".hidden.txt").write_text(EN)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(EN)
    origins = [i.origin for i in run(tmp_path)]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt"), f"{tmp_path / 'c.jsonl'}:1"]


def test_stdin_sniffing() -> None:
    jsonl = (json.dumps({"id": "s1", "text": EN}) + "\n" + json.dumps({"id": "s2", "text": EN2}) + "\n").encode()
    assert [i.id for i in run("-", stdin=io.BytesIO(b"  " + jsonl))] == ["s1", "s2"]
    html = f"<html><body><p>{EN}</p></body></html>".encode()
    doc = only(run("-", stdin=io.BytesIO(html)))
    assert isinstance(doc, Document) and doc.text == EN and doc.origin == "-"
    doc = only(run("-", stdin=io.BytesIO(EN.encode())))
    assert isinstance(doc, Document) and doc.id == sha16(EN.encode())
    doc = only(run("-", stdin=io.BytesIO(gzip.compress(EN.encode()))))
    assert isinstance(doc, Document) and doc.text == EN


def test_stdin_jsonl_origin_has_line_numbers() -> None:
    data = (json.dumps({"text": EN}) + "\n{bad\n").encode()
    items = run("-", stdin=io.BytesIO(data))
    assert [i.origin for i in items] == ["-:1", "-:2"]
    assert isinstance(items[1], Rejected) and items[1].status == "failed"


# --- bad inputs --------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n \n")
    for item in run(tmp_path / "empty.txt", tmp_path / "blank.jsonl"):
        assert isinstance(item, Rejected)
        assert (item.status, item.reason) == ("skipped", "empty input")


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "doc.html").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    for item in run(tmp_path / "blob.txt", tmp_path / "doc.html"):
        assert isinstance(item, Rejected)
        assert (item.status, item.reason) == ("skipped", "binary content, not text/HTML/JSONL")


def test_cp1252_text_decoded_with_flag(tmp_path: Path) -> None:
    text = "The president\u2019s envoy said \u201cwe will not back down\u201d after talks with Mexico on Friday."
    (tmp_path / "win.txt").write_bytes(text.encode("cp1252"))
    doc = only(run(tmp_path / "win.txt"))
    assert isinstance(doc, Document)
    assert doc.text == text
    assert "encoding:cp1252" in doc.flags


def test_invalid_utf8_bytes_do_not_stop_reading(tmp_path: Path) -> None:
    raw = EN.encode() + b" \x81\x8d\x90 " + EN2.encode()  # undefined even in cp1252
    (tmp_path / "bad.txt").write_bytes(raw)
    doc = only(run(tmp_path / "bad.txt"))
    assert isinstance(doc, Document)
    assert "encoding:latin-1" in doc.flags and "Japan condemned" in doc.text


def test_html_declared_charset(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="iso-8859-7"></head><body><p>{EN} Αθήνα.</p></body></html>'
    (tmp_path / "greek.html").write_bytes(page.encode("iso-8859-7"))
    doc = only(run(tmp_path / "greek.html"))
    assert isinstance(doc, Document) and "Αθήνα" in doc.text


def test_json_array_file_explained(tmp_path: Path) -> None:
    (tmp_path / "dump.json").write_text(json.dumps([{"id": "a", "text": EN}]))
    item = only(run(tmp_path / "dump.json"))
    assert isinstance(item, Rejected) and item.status == "failed" and "JSON Lines" in item.reason
    (tmp_path / "lines.json").write_text(json.dumps({"id": "a", "text": EN}) + "\n")
    assert isinstance(only(run(tmp_path / "lines.json")), Document)


def test_jsonl_cp1252_line(tmp_path: Path) -> None:
    line = json.dumps({"id": "w", "text": EN + " The envoy\u2019s visit."}, ensure_ascii=False)
    (tmp_path / "win.jsonl").write_bytes(line.encode("cp1252") + b"\n")
    doc = only(run(tmp_path / "win.jsonl"))
    assert isinstance(doc, Document) and "encoding:cp1252" in doc.flags and "envoy\u2019s" in doc.text


def test_path_objects_accepted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN)
    doc = only(list(iter_inputs([tmp_path / "a.txt"])))  # type: ignore[list-item]
    assert isinstance(doc, Document) and doc.origin == str(tmp_path / "a.txt")


def test_too_large_file_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    chunk = (EN + "\n").encode() * 4096
    with path.open("wb") as fh:
        while fh.tell() < 52_400_000:
            fh.write(chunk)
        fh.truncate(52_400_000)
    assert path.stat().st_size == 52_400_000

    def no_open(p: str) -> None:
        raise AssertionError("too-large file was opened")

    monkeypatch.setattr(sources, "open_binary", no_open)
    start = time.perf_counter()
    item = only(run(path))
    assert time.perf_counter() - start < 1
    assert isinstance(item, Rejected)
    assert (item.status, item.reason) == ("skipped", "too large: 52.4 MB > 10 MB limit (raise --max-bytes)")


def test_too_large_gzip_and_stdin_read_bounded(tmp_path: Path) -> None:
    small = Settings(max_doc_bytes=1_000)
    with gzip.open(tmp_path / "big.txt.gz", "wb") as fh:
        fh.write(EN.encode() * 100)
    item = only(run(tmp_path / "big.txt.gz", settings=small))
    assert isinstance(item, Rejected) and item.reason == "too large: more than 1 KB (raise --max-bytes)"
    item = only(run("-", settings=small, stdin=io.BytesIO(EN.encode() * 100)))
    assert isinstance(item, Rejected) and item.status == "skipped"


def test_jsonl_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": EN}),
        '{"id": "x", "text": "abc" "date": 1}',
        json.dumps({"id": "nt", "title": "no body"}),
        "[1, 2, 3]",
        json.dumps({"id": "num", "text": 12}),
        json.dumps({"id": "ok2", "text": EN2}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = run(path)
    assert [type(i).__name__ for i in items] == ["Document", "Rejected", "Rejected", "Rejected", "Rejected", "Document"]
    reasons = [i.reason for i in items if isinstance(i, Rejected)]
    assert reasons == [
        "line 2: invalid JSON (Expecting ',' delimiter at col 27)",
        "line 3: no 'text' field",
        "line 4: expected a JSON object, got array",
        "line 5: 'text' must be a string, got number",
    ]
    assert all(i.status == "failed" for i in items if isinstance(i, Rejected))
    assert items[2].id == "nt" and items[2].origin == f"{path}:3"


def test_jsonl_line_too_long_small_limit(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    long_line = json.dumps({"id": "big", "text": EN * 100})
    path.write_text(long_line + "\n" + json.dumps({"id": "after", "text": EN2}) + "\n")
    items = run(path, settings=Settings(max_line_bytes=1_000))
    assert isinstance(items[0], Rejected) and items[0].status == "failed"
    assert items[0].reason.startswith("line 1: too long: ") and "raise --max-line-bytes" in items[0].reason
    assert isinstance(items[1], Document) and items[1].id == "after"


def test_jsonl_50mb_line_streamed(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "huge", "text": "')
        block = b"x" * 1_000_000
        for _ in range(50):
            fh.write(block)
        fh.write(b'"}\n')
        fh.write((json.dumps({"id": "next", "text": EN}) + "\n").encode())
    items = run(path)
    assert isinstance(items[0], Rejected)
    assert items[0].reason == "line 1: too long: 50 MB > 10 MB line limit (raise --max-line-bytes)"
    assert isinstance(items[1], Document) and items[1].id == "next"


def test_truncated_gzip_jsonl(tmp_path: Path) -> None:
    words = (EN + " " + EN2).split()
    records = [{"id": f"r{n}", "text": " ".join(random.Random(n).sample(words, len(words)))} for n in range(300)]
    full = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(full[: len(full) // 2])
    items = run(path)
    docs = [i for i in items if isinstance(i, Document)]
    assert 0 < len(docs) < 300
    assert [d.id for d in docs] == [f"r{n}" for n in range(len(docs))]
    last = items[-1]
    assert isinstance(last, Rejected) and last.status == "failed"
    assert last.reason.startswith("truncated gzip: ") and last.reason.endswith("(file ended early)")
    assert len(items) == len(docs) + 1


def test_truncated_gzip_text(tmp_path: Path) -> None:
    full = gzip.compress((EN + " " + os.urandom(2000).hex()).encode())
    (tmp_path / "cut.txt.gz").write_bytes(full[:-30])
    item = only(run(tmp_path / "cut.txt.gz"))
    assert isinstance(item, Rejected) and item.status == "failed" and item.reason.startswith("truncated gzip")


def test_gz_name_but_not_gzip_and_corrupt_gzip(tmp_path: Path) -> None:
    (tmp_path / "plain.txt.gz").write_text(EN)
    assert isinstance(only(run(tmp_path / "plain.txt.gz")), Document)
    (tmp_path / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate" + bytes(50))
    item = only(run(tmp_path / "bad.txt.gz"))
    assert isinstance(item, Rejected) and item.status == "failed"


def test_missing_path() -> None:
    item = only(run("/nonexistent/dir/file.txt"))
    assert isinstance(item, Rejected)
    assert (item.status, item.reason) == ("failed", "cannot read /nonexistent/dir/file.txt: No such file or directory")


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "secret.txt").write_text(EN)

    def deny(p: str) -> None:
        raise PermissionError(13, "Permission denied", p)

    monkeypatch.setattr(sources, "open_binary", deny)
    item = only(run(tmp_path / "secret.txt"))
    assert isinstance(item, Rejected)
    assert item.reason == f"cannot read {tmp_path / 'secret.txt'}: Permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(EN)
    path.chmod(0)
    item = only(run(path))
    assert isinstance(item, Rejected) and item.reason.endswith("Permission denied")


def test_too_short(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Iran protests.\n\nRead more")
    item = only(run(tmp_path / "short.txt"))
    assert isinstance(item, Rejected)
    assert (item.status, item.reason) == ("skipped", "too short (14 chars < 40); removed boilerplate:1")
    (tmp_path / "s2.txt").write_text("Talks resume.")
    assert only(run(tmp_path / "s2.txt")).reason == "too short (13 chars < 40)"  # type: ignore[union-attr]


def test_non_english_skipped_unless_allowed(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(DE)
    item = only(run(tmp_path / "de.txt"))
    assert isinstance(item, Rejected) and item.status == "skipped"
    assert item.reason == "language 'de' not in en; pass --lang de to code it"
    doc = only(run(tmp_path / "de.txt", settings=Settings(languages=("en", "de"))))
    assert isinstance(doc, Document) and doc.language == "de"


def test_html_without_text(tmp_path: Path) -> None:
    page = "<html><head><title>x</title><script>var a=1;</script></head><body></body></html>"
    (tmp_path / "nav.html").write_text(page)
    item = only(run(tmp_path / "nav.html"))
    assert isinstance(item, Rejected) and item.status == "skipped"


def test_html_50k_nested_divs(tmp_path: Path) -> None:
    html = "<html><body>" + "<div>" * 50_000 + f"<p>{EN}</p>" + "</div>" * 50_000 + "</body></html>"
    (tmp_path / "deep.html").write_text(html)
    item = only(run(tmp_path / "deep.html"))
    assert isinstance(item, Document | Rejected)


def test_bugs_become_failed_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(EN)

    def boom(*args: object, **kw: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(sources, "_read_document", boom)
    items = run(tmp_path / "a.txt", "-", stdin=io.BytesIO(EN.encode()))
    assert [i.status for i in items] == ["failed", "failed"]  # type: ignore[union-attr]
    assert "internal error" in items[0].reason  # type: ignore[union-attr]


# --- property: arbitrary bytes never raise and never vanish --------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), ext=st.sampled_from([".txt", ".html", ".jsonl", ".json", ".bin", ".txt.gz"]),
       gz=st.booleans())
def test_arbitrary_bytes_never_raise(tmp_path_factory: pytest.TempPathFactory, data: bytes, ext: str,
                                     gz: bool) -> None:
    path = tmp_path_factory.mktemp("prop") / f"input{ext}"
    path.write_bytes(gzip.compress(data) if gz else data)
    items = list(iter_inputs([str(path)], Settings(max_line_bytes=500)))
    assert len(items) >= 1
    assert all(isinstance(i, Document | Rejected) for i in items)
    items = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert len(items) >= 1
