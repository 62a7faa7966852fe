"""`sanderling watch` and URL inputs end to end, against a local HTTP server (no internet)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_web import Site, article, page, serve

from sanderling.cli import main
from sanderling.store import Store

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local news</title><link>{base}/</link><description>x</description>
<item><title>Ceasefire</title><link>{base}/news/1.html</link></item>
<item><title>Gone</title><link>{base}/missing</link></item>
</channel></rss>
"""


def feed(h) -> None:  # type: ignore[no-untyped-def]
    base = f"http://127.0.0.1:{h.server.server_address[1]}"
    page(RSS.replace("{base}", base).encode(), "application/rss+xml")(h)


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve({"/feed.rss": feed, "/news/1.html": page(article("Ceasefire signed in Nairobi"))}) as s:
        yield s


def statuses(db: str) -> dict[str, str]:
    with Store(db, read_only=True) as st:
        return {r["url"] or r["id"]: r["status"] for r in st.documents().to_pylist()}


def test_watch_once_codes_new_entries_and_resumes(site: Site, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# my feeds\n{site.base}/feed.rss\n", encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    res = runner.invoke(main, ["watch", str(feeds), "--db", db, "--once", "--allow-private", "-q", "--workers", "1"])
    assert res.exit_code == 0, res.output
    got = statuses(db)
    assert got[site.base + "/news/1.html"] == "coded" and got[site.base + "/missing"] == "failed"
    before = site.paths()
    res = runner.invoke(main, ["watch", str(feeds), "--db", db, "--once", "--allow-private", "-q", "--workers", "1"])
    assert res.exit_code == 0, res.output
    again = site.paths()[len(before):]
    assert "/news/1.html" not in again  # coded entries are not fetched again after a restart
    assert "/missing" in again  # failed ones are retried


def test_private_urls_are_refused_by_default(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "u.duckdb")
    res = CliRunner().invoke(main, ["code", site.base + "/news/1.html", "--db", db, "-q"])
    assert res.exit_code == 0, res.output
    with Store(db, read_only=True) as st:
        (row,) = st.documents().to_pylist()
    assert row["status"] == "failed" and "private" in row["reason"] and "--allow-private" in row["reason"]


def test_every_must_be_a_duration(tmp_path: Path) -> None:
    feeds = tmp_path / "f.txt"
    feeds.write_text("", encoding="utf-8")
    res = CliRunner().invoke(main, ["watch", str(feeds), "--db", str(tmp_path / "x.duckdb"), "--every", "soon"])
    assert res.exit_code == 2
