"""Tests for CSV input: column mapping, one item per row, malformed rows and files."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import pytest

from sanderling.model import Document, Rejected
from sanderling.settings import Settings
from sanderling.sources import iter_inputs
from sanderling.sources.build import human_bytes
from sanderling.sources.csvsrc import iter_csv

EN = (
    "Brazil and Argentina signed a new trade agreement in Buenos Aires on Friday, "
    "ending a two-year dispute over tariffs on cars and steel."
)
EN2 = (
    "Japan condemned the missile launch and demanded an emergency meeting of the United "
    "Nations Security Council, the foreign ministry in Tokyo said on Sunday."
)


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> None:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def run(*paths: Path, **kw: object) -> list[Document | Rejected]:
    return list(iter_inputs([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def kinds(items: list[Document | Rejected]) -> list[str]:
    return [i.status if isinstance(i, Rejected) else "doc" for i in items]


def test_default_columns_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    write_csv(path, [
        ["ID", "Title", "Text", "URL", "Date", "extra"],
        ["a1", "Trade deal", EN, "https://x.example/1", "2024-03-05T10:00:00Z", "x"],
        ["", "", EN2, "", "March 7, 2024", ""],
        ["a3", "", EN, "", "1709942400", ""],
        ["a4", "", EN2, "", "someday", ""],
    ])
    docs = run(path)
    assert all(isinstance(d, Document) for d in docs), docs
    assert [d.id for d in docs][0] == "a1" and docs[1].id.startswith("sha256:")
    assert [d.origin for d in docs] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    first = docs[0]
    assert isinstance(first, Document)
    assert (first.text, first.title, first.url) == (EN, "Trade deal", "https://x.example/1")
    assert [d.pub_date for d in docs if isinstance(d, Document)] == ["2024-03-05", "2024-03-07", "2024-03-09", None]
    assert isinstance(docs[3], Document) and "date:unparsed" in docs[3].flags
    assert [d.id for d in run(path)] == [d.id for d in docs]  # content ids are stable


def test_alias_columns_and_html(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    write_csv(path, [["link", "published", "content"], ["https://x.example/2", "2024-01-02", EN]])
    doc = run(path)[0]
    assert isinstance(doc, Document)
    assert (doc.url, doc.pub_date, doc.text) == ("https://x.example/2", "2024-01-02", EN)
    html = tmp_path / "pages.csv"
    write_csv(html, [["id", "html"], ["h1", f"<html><body><article><p>{EN2}</p></article></body></html>"]])
    doc = run(html)[0]
    assert isinstance(doc, Document) and doc.text == EN2 and doc.id == "h1"


def test_column_mapping_from_settings_and_argument(tmp_path: Path) -> None:
    path = tmp_path / "custom.csv"
    write_csv(path, [["story", "when", "text"], [EN, "2024-02-03", "not this one, it is a short note"]])
    settings = Settings(csv_columns=(("text", "Story"), ("date", "when")))
    doc = run(path, settings=settings)[0]
    assert isinstance(doc, Document) and doc.text == EN and doc.pub_date == "2024-02-03"
    with path.open("rb") as fh:
        doc = next(iter_csv(fh, "custom.csv", Settings(), {"text": "story"}))
    assert isinstance(doc, Document) and doc.text == EN and doc.pub_date is None


def test_row_without_text_is_skipped_with_row_number(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    write_csv(path, [["id", "body"], ["1", EN], ["2", "   "], ["3", EN2]])
    items = run(path)
    assert kinds(items) == ["doc", "skipped", "doc"]
    assert items[1].reason == "row 2: no text (empty 'body' column)"
    assert (items[1].id, items[1].origin) == ("2", f"{path}:3")


def test_quoted_newlines_blank_lines_semicolons_bom_gzip(tmp_path: Path) -> None:
    text = "id;text\n" + f'm1;"{EN}\n\n{EN2}"\n' + "\n" + f"m2;{EN2}\n"
    path = tmp_path / "semi.csv.gz"
    path.write_bytes(gzip.compress(b"\xef\xbb\xbf" + text.encode()))
    items = run(path)
    assert kinds(items) == ["doc", "doc"]
    assert [i.id for i in items] == ["m1", "m2"]
    assert isinstance(items[0], Document) and items[0].text == EN + "\n\n" + EN2
    assert items[1].origin == f"{path}:6"


def test_cp1252_row_is_decoded_with_flag(tmp_path: Path) -> None:
    path = tmp_path / "win.csv"
    path.write_bytes(b"id,text\nw1,The president\x92s envoy said " + EN.encode() + b"\n")
    doc = run(path)[0]
    assert isinstance(doc, Document) and "president\u2019s envoy" in doc.text and "encoding:cp1252" in doc.flags


# --- malformed input -----------------------------------------------------------------------


def test_unbalanced_quotes_fail_one_row_only(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text(f'id,text\n1,{EN}\n2,"{EN2}" trailing\n3,{EN}\n4,"{EN2} and no closing quote\n')
    items = run(path)
    assert kinds(items) == ["doc", "failed", "doc", "failed"]
    assert items[1].reason == ("row 2 (line 3): malformed CSV: ',' expected after '\"' "
                               "(an unbalanced double quote?)")
    assert items[1].origin == f"{path}:3"
    assert items[3].reason.startswith("row 4 (line 5): malformed CSV: unexpected end of data")


def test_nul_byte_fails_its_row(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(f"id,text\n1,{EN}\n2,bad\x00row\n3,{EN2}\n".encode())
    items = run(path)
    assert kinds(items) == ["doc", "failed", "doc"]
    assert items[1].reason == "row 2 (line 3): malformed CSV: NUL byte in the line (binary data in the CSV?)"


def test_utf16_and_binary_files_fail_whole(tmp_path: Path) -> None:
    (tmp_path / "u16.csv").write_bytes(f"id,text\n1,{EN}\n".encode("utf-16"))
    (tmp_path / "zip.csv").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    items = run(tmp_path / "u16.csv", tmp_path / "zip.csv")
    assert [(i.status, i.reason) for i in items if isinstance(i, Rejected)] == [
        ("failed", "not a UTF-8 text CSV (UTF-16 or binary content): save it as CSV UTF-8"),
        ("failed", "binary content, not a CSV file"),
    ]


def test_long_fields(tmp_path: Path) -> None:
    long_text = " ".join([EN, EN2] * 800)  # ~220 KB: over csv's default 128 KB field limit
    path = tmp_path / "long.csv"
    write_csv(path, [["id", "text"], ["big", long_text], ["small", EN]])
    items = run(path)
    assert kinds(items) == ["doc", "doc"] and len(items[0].text) > 200_000  # type: ignore[union-attr]
    items = run(path, settings=Settings(max_line_bytes=50_000))
    assert kinds(items) == ["failed", "doc"]
    size = human_bytes(len(f"big,{long_text}\n".encode()))
    assert items[0].reason == f"row 1 (line 2): line too long: {size} > 50 KB line limit (raise --max-line-bytes)"
    quoted = tmp_path / "unclosed.csv"  # an unclosed quote must not swallow the whole file
    quoted.write_text("id,text\n1,\"start\n" + (EN + "\n") * 400 + f'2,"{EN2}"\n')
    items = run(quoted, settings=Settings(max_line_bytes=20_000))
    assert items[0].status == "failed" and "record longer than the 20 KB line limit" in items[0].reason  # type: ignore[union-attr]
    assert isinstance(items[-1], Document) and items[-1].text == EN2


@pytest.mark.parametrize(("header", "settings", "reason"), [
    ("id,headline,summary", Settings(),
     "no text column in the CSV header (id, headline, summary): name one with --csv-columns text=COLUMN"),
    ("id,text", Settings(csv_columns=(("text", "body"),)),
     "column 'body' (for text) is not in the CSV header (id, text); check --csv-columns"),
    ("id,text", Settings(csv_columns=(("txt", "text"),)),
     "unknown field txt in the CSV column mapping: use id, text, url, title, date, html "
     "(e.g. --csv-columns text=body)"),
])
def test_bad_header_or_mapping_fails_file(tmp_path: Path, header: str, settings: Settings, reason: str) -> None:
    path = tmp_path / "h.csv"
    path.write_text(f"{header}\n1,{EN},x\n2,{EN2},y\n")
    items = run(path, settings=settings)
    assert [(i.status, i.reason, i.origin) for i in items] == [("failed", reason, str(path))]  # type: ignore[union-attr]


def test_empty_and_header_only(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("")
    (tmp_path / "b.csv").write_text("id,text\n\n")
    items = run(tmp_path / "a.csv", tmp_path / "b.csv")
    assert [(i.status, i.reason) for i in items if isinstance(i, Rejected)] == [
        ("skipped", "empty input"), ("skipped", "empty input (a CSV header but no rows)")]


def test_cli_csv_column_mapping(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from sanderling.cli import main
    from sanderling.store import Store

    src = tmp_path / "news.csv"
    src.write_text("guid,body,published\n"
                   "a-1,\"Kenyan police arrested 40 protesters in Nairobi on Tuesday after clashes.\",2024-03-05\n",
                   encoding="utf-8")
    db = str(tmp_path / "c.duckdb")
    runner = CliRunner()
    res = runner.invoke(main, ["code", str(src), "--db", db, "-q", "--csv-columns", "id=guid,text=body,date=published"])
    assert res.exit_code == 0, res.output
    with Store(db, read_only=True) as st:
        (row,) = st.documents().to_pylist()
    assert row["id"] == "a-1" and row["status"] == "coded" and str(row["pub_date"]) == "2024-03-05"
    bad = runner.invoke(main, ["code", str(src), "--db", db, "--csv-columns", "body"])
    assert bad.exit_code == 2
