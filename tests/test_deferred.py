"""Extraction in the workers: ``iter_inputs(..., defer=True)`` + ``materialize`` gives exactly the items,
documents rows and events of building in the reading process, in-process and through worker processes."""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest
from test_feeds import ROUTES
from test_warc import http, page, warc_record, write_warc
from test_web import local_policy, serve

from sanderling.cli import _code_items
from sanderling.engines import LocalEngine
from sanderling.model import Document, Rejected
from sanderling.settings import Settings
from sanderling.sources import build as build_mod
from sanderling.sources import iter_inputs
from sanderling.sources.build import Meta, Unbuilt, materialize
from sanderling.sources.feeds import iter_feed_documents
from sanderling.sources.web import Fetcher, fetch_documents

FIXTURES = Path(__file__).parent / "fixtures"
EN = ("Kenyan police arrested 40 protesters in Nairobi on Tuesday after clashes near parliament, "
      "the interior ministry said.")
EN2 = ("The United States demanded that North Korea halt its missile tests, and Japan condemned the launch "
       "at an emergency meeting of the United Nations Security Council in New York on Sunday.")
EN3 = ("Russia threatened to cut gas supplies to Moldova unless the government in Chisinau paid its debts, "
       "officials in Moscow said on Monday.")
EN4 = ("Egypt hosted talks between Israeli and Hamas negotiators in Cairo on Wednesday, as Qatar urged both "
       "sides to agree to a ceasefire.")
FR = ("Le gouvernement français a convoqué lundi l'ambassadeur d'Algérie à Paris pour exiger des explications "
      "sur les déclarations du ministre des affaires étrangères.")
DATED = '<title>Talks in Cairo</title><meta property="article:published_time" content="2024-01-05">'


def mixed_input(root: Path) -> Path:
    """A directory with every kind of item: HTML and text files, JSONL (HTML and text records, too short,
    not English, invalid, duplicate), CSV, and a WARC.gz (dated and undated pages, an image, a 404)."""
    src = root / "in"
    src.mkdir()
    shutil.copy(FIXTURES / "article_boilerplate_spam.html", src / "a_spam.html")
    (src / "b_story.html").write_text(f"<html><head>{DATED}</head><body><article><p>{EN4}</p><p>{EN}</p>"
                                      "</article></body></html>", encoding="utf-8")
    (src / "c_cp1252.txt").write_bytes(f"{EN3} Caf\u00e9 owners \u201cwelcomed\u201d it.".encode("cp1252"))
    records: list[dict[str, Any]] = [
        {"id": "j-html", "html": f"<html><body><article><h1>Talks</h1><p>{EN2}</p></article></body></html>",
         "url": "https://news.example/j-html", "date": "2024-03-05"},
        {"id": "j-text", "text": EN, "title": "Arrests", "date": "05/03/2024"},
        {"id": "j-short", "text": "Too short."},
        {"id": "j-fr", "text": FR},
        {"id": "j-baddate", "text": EN3, "date": "sometime last spring"},
        {"id": "j-dup", "text": EN},  # the same text as j-text: a duplicate
    ]
    lines = [json.dumps(r) for r in records]
    lines.insert(3, "{not json")
    (src / "d_news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (src / "e_rows.csv").write_text(f'id,text,date\nc-1,"{EN4}",2024-02-01\nc-2,,2024-02-02\n', encoding="utf-8")
    write_warc(src / "f_crawl.warc.gz", [
        warc_record("warcinfo", b"software: test\r\n", uri=None),
        warc_record("response", http(page(f"<p>{EN2}</p><p>{EN3}</p>")), uri="https://news.example/undated"),
        warc_record("response", http(page(f"<p>{EN4}</p>", DATED)), uri="https://news.example/dated"),
        warc_record("response", http(b"\x89PNG\r\n\x1a\n" + bytes(300), "image/png"), uri="https://news.example/x.png"),
        warc_record("response", http(b"<html>gone</html>", status="404 Not Found"), uri="https://news.example/gone"),
        warc_record("response", http(page(f"<p>{FR}</p>")), uri="https://news.example/fr"),
    ])
    (src / "g_gz.txt.gz").write_bytes(gzip.compress(EN2.encode()))
    return src


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mixed_input(tmp_path_factory.mktemp("deferred"))


def test_materialize_gives_the_items_of_iter_inputs(src: Path) -> None:
    settings = Settings()
    direct = list(iter_inputs([str(src)], settings))
    deferred = list(iter_inputs([str(src)], settings, defer=True))
    assert any(isinstance(i, Unbuilt) for i in deferred)
    assert not any(isinstance(i, Document) for i in deferred)  # nothing is extracted while reading
    assert [materialize(i, settings) for i in deferred] == direct  # same ids, texts, flags, dates, reasons
    docs = {d.id: d for d in direct if isinstance(d, Document)}
    kinds = Counter(type(i).__name__ for i in direct)
    assert kinds["Document"] >= 9 and kinds["Rejected"] >= 6
    assert "encoding:cp1252" in next(d for d in docs.values() if d.origin.endswith("c_cp1252.txt")).flags
    assert "date:unparsed" in docs["j-baddate"].flags
    undated = next(d for d in docs.values() if d.url == "https://news.example/undated")
    assert "date:crawl" in undated.flags
    reasons = " | ".join(i.reason for i in direct if isinstance(i, Rejected))
    assert "too short" in reasons and "language 'fr'" in reasons and "invalid JSON" in reasons
    assert "image/png" in reasons and "HTTP status 404" in reasons


def test_materialize_turns_a_bug_into_one_failed_item(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kw: object) -> None:
        raise RuntimeError("extractor bug\nsecond line")

    monkeypatch.setattr(build_mod, "build_document", boom)
    item = Unbuilt("x1", "feed.jsonl:3", "<p>text</p>", True, Meta(url="https://news.example/x"))
    got = materialize(item, Settings())
    assert isinstance(got, Rejected) and (got.id, got.status, got.origin) == ("x1", "failed", "feed.jsonl:3")
    assert got.reason == "internal error extracting feed.jsonl:3: RuntimeError: extractor bug"
    assert got.url == "https://news.example/x"
    # through an engine: that item fails, its batch-mates are coded
    batch = [item, Document(id="d1", text=EN, pub_date="2024-05-03")]
    outcomes = [o for b in LocalEngine(Settings(), workers=1).run([batch]) for o in b]
    assert [(o.doc_id, o.status) for o in outcomes] == [("x1", "failed"), ("d1", "coded")]
    assert outcomes[1].events


def test_feed_fallback_fills_title_and_date_only() -> None:
    page_html = f"<html><head>{DATED}</head><body><article><p>{EN4}</p><p>{EN}</p></article></body></html>"
    fb = Meta(title="From the feed", pub_date="2024-02-02", flags=("date:feed",))
    dated = materialize(Unbuilt("u1", "feed", page_html, True, fallback=fb), Settings())
    assert isinstance(dated, Document) and (dated.title, dated.pub_date) == ("Talks in Cairo", "2024-01-05")
    assert "date:feed" not in dated.flags
    undated = materialize(Unbuilt("u2", "feed", f"<html><body><p>{EN4}</p><p>{EN}</p></body></html>", True,
                                  fallback=fb), Settings())
    assert isinstance(undated, Document) and (undated.title, undated.pub_date) == ("From the feed", "2024-02-02")
    assert undated.flags[-1] == "date:feed"


def test_pages_and_feeds_deferred_give_the_same_items() -> None:
    settings = Settings()
    with serve(ROUTES) as site, Fetcher(local_policy()) as fetcher:
        feeds = [site.base + p for p in ("/feed.rss", "/feeds/world.atom", "/feed.rdf", "/garbage.xml")]
        urls = [site.base + p for p in ("/news/1.html", "/news/2.html", "/missing", "/feed.rss")]
        for read in (lambda **kw: iter_feed_documents(feeds, settings, fetcher, **kw),
                     lambda **kw: fetch_documents(urls, settings, fetcher, **kw)):
            direct = list(read())
            deferred = list(read(defer=True))
            assert any(isinstance(i, Unbuilt) for i in deferred) and not any(isinstance(i, Document) for i in deferred)
            assert [materialize(i, settings) for i in deferred] == direct
            assert sum(isinstance(i, Document) for i in direct) >= 2


def _code(src: Path, db: Path, defer: bool, workers: int, batch_size: int) -> tuple[Counter[str], list[Any], list[Any]]:
    settings = Settings(batch_size=batch_size)

    def items(store: Any) -> Any:
        return iter_inputs([str(src)], settings, defer=defer)

    counts = _code_items(items, str(db), settings, recode=False, quiet=True, workers=workers, dup_threshold=0.8)
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = con.execute("SELECT * EXCLUDE (coded_at) FROM documents ORDER BY id").fetchall()
        events = con.execute("SELECT * FROM events ORDER BY id").fetchall()
    finally:
        con.close()
    counts.pop("elapsed_ms")
    return counts, docs, events


def test_same_documents_and_events_with_and_without_deferral(src: Path, tmp_path: Path) -> None:
    before = _code(src, tmp_path / "direct.duckdb", defer=False, workers=1, batch_size=4)
    after = _code(src, tmp_path / "deferred.duckdb", defer=True, workers=1, batch_size=4)
    assert after == before
    counts, docs, events = before
    n_items = len(list(iter_inputs([str(src)], Settings(), defer=True)))
    assert len(docs) == n_items == counts["read"]  # one documents row per input item
    assert counts["coded"] >= 8 and counts["skipped"] >= 5 and counts["failed"] >= 1 and len(events) >= 5
    assert any(row for row in docs if "duplicate of j-text" in str(row))
    # a second run reads everything again and finds it unchanged, deferred or not
    again = _code(src, tmp_path / "deferred.duckdb", defer=True, workers=1, batch_size=4)
    assert again[0]["unchanged"] == counts["coded"] and again[1:] == after[1:]


def test_worker_processes_give_the_same_results(src: Path, tmp_path: Path) -> None:
    """Batches of 3 with 2 workers: the workers start, build (extract) and code; the CLI process only reads."""
    expected = _code(src, tmp_path / "inproc.duckdb", defer=False, workers=1, batch_size=3)
    parallel = _code(src, tmp_path / "workers.duckdb", defer=True, workers=2, batch_size=3)
    assert parallel == expected


# -- engines: build → prepare → code, also on Ray and after a worker failure ---------------------------


def _deferred_batches(src: Path, size: int = 3) -> list[list[Any]]:
    items = list(iter_inputs([str(src)], Settings(batch_size=size), defer=True))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _keeping(log: list[list[Any]]) -> Any:
    """A prepare step that records what it saw and keeps only the documents of each batch."""
    def prepare(batch: list[Any]) -> list[Any]:
        log.append(batch)
        return [i for i in batch if isinstance(i, Document)]
    return prepare


class _DyingStream:
    """Ray's stream, in this process: answers ``answers`` jobs (build or code), then the cluster 'dies'."""

    def __init__(self, answers: int) -> None:
        self.jobs: list[tuple[int, Any]] = []
        self.answers = answers
        self.closed = False

    def send(self, idx: int, job: Any) -> None:
        self.jobs.append((idx, job))

    def end(self) -> None:
        pass

    def receive(self) -> list[tuple[int, Any]]:
        from sanderling.engines import ray_engine

        if not self.answers or not self.jobs:
            raise ConnectionError("node lost")
        self.answers -= 1
        idx, job = self.jobs.pop(0)
        if isinstance(job, ray_engine._Build):
            return [(idx, build_mod.materialize_all(job.items, Settings(batch_size=3)))]
        return [(idx, ray_engine._code_local(ray_engine.Pipeline(Settings(batch_size=3)), job))]

    def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize("answers", [0, 1, 4, 100])
def test_ray_failure_midway_loses_nothing(src: Path, answers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from sanderling.engines import ray_engine

    settings = Settings(batch_size=3)
    local_log: list[list[Any]] = []
    local = list(LocalEngine(settings, workers=1).run(_deferred_batches(src), prepare=_keeping(local_log)))
    streams: list[_DyingStream] = []
    monkeypatch.setattr(ray_engine, "_ray", lambda: None)
    monkeypatch.setattr(ray_engine, "_Stream", lambda *a: streams.append(_DyingStream(answers)) or streams[-1])
    monkeypatch.setattr(ray_engine.RayEngine, "start", lambda self: 1)
    ray_log: list[list[Any]] = []
    got = list(ray_engine.RayEngine(settings).run(_deferred_batches(src), prepare=_keeping(ray_log)))
    assert got == local  # same outcomes, same order, nothing twice
    assert ray_log == local_log  # every batch prepared exactly once, built, in input order
    assert not any(isinstance(i, Unbuilt) for b in ray_log for i in b)
    assert streams[0].closed


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray is not installed")
def test_ray_engine_builds_and_codes(src: Path) -> None:
    import ray

    from sanderling.engines.ray_engine import RayEngine

    settings = Settings(batch_size=3)
    local_log: list[list[Any]] = []
    local = list(LocalEngine(settings, workers=1).run(_deferred_batches(src), prepare=_keeping(local_log)))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        ray_log: list[list[Any]] = []
        with RayEngine(settings, num_workers=2) as engine:
            got = list(engine.run(_deferred_batches(src), prepare=_keeping(ray_log)))
            whole = list(engine.run(_deferred_batches(src)))  # no prepare: built and coded in one trip
    finally:
        ray.shutdown()
    assert got == local and ray_log == local_log
    assert whole == list(LocalEngine(settings, workers=1).run(_deferred_batches(src)))
