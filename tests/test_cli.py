"""The `sanderling` command end to end on realistic articles and hostile inputs."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from sanderling.cli import main
from sanderling.store import Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "example.html").write_bytes((ROOT / "examples" / "arms_factories.html").read_bytes())
    (d / "spam.html").write_bytes((FIXTURES / "article_boilerplate_spam.html").read_bytes())
    (d / "wire.txt").write_bytes((FIXTURES / "article_plain.txt").read_bytes())
    (d / "stories.jsonl").write_text(
        json.dumps({"id": "s-1", "text": "Kenyan police arrested 40 protesters in Nairobi on Tuesday after a "
                    "week of demonstrations over tax rises.", "date": "2024-06-28", "url": "https://n.example/1",
                    "title": "Arrests in Nairobi"}) + "\n"
        + "{not json at all\n"
        + json.dumps({"id": "s-2", "text": "Turkish warplanes bombed Kurdish militant positions in northern "
                      "Iraq overnight, the defence ministry in Ankara said.", "date": "2024-06-29"}) + "\n")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (d / "latin1.txt").write_bytes("Brazil's president criticised Venezuela's government over the "
                                   "election, calling the result \xabunacceptable\xbb.".encode("cp1252"))
    gz = gzip.compress(b"Indian troops clashed with Chinese soldiers along the disputed border in Ladakh. " * 50)
    (d / "cut.txt.gz").write_bytes(gz[: len(gz) // 2])
    with open(d / "huge.txt", "wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    return d


def test_code_events_docs_end_to_end(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "events.duckdb")
    res = run("code", str(corpus), "--db", db, "--quiet")
    assert res.exit_code == 0, res.output
    assert "documents read" in res.output
    with Store(db, read_only=True) as store:
        docs = {r["origin"]: r for r in store.documents().to_pylist()}
        events = store.events().to_pylist()
        counts = store.counts()
    statuses = {Path(str(k).split(":")[0] if k else "").name: v["status"] for k, v in docs.items()}
    assert statuses["empty.txt"] == "skipped" and statuses["binary.txt"] == "skipped"
    assert statuses["huge.txt"] == "skipped" and statuses["latin1.txt"] == "coded"
    assert "failed" in {v["status"] for k, v in docs.items() if "stories.jsonl" in str(k)}
    assert "failed" in {v["status"] for k, v in docs.items() if "cut.txt.gz" in str(k)}
    assert all(v["reason"] and "\n" not in v["reason"] for v in docs.values())
    types = {(e["event"], tuple(sorted(a["code"] for a in e["actor"]))) for e in events}
    assert ("REQUEST", ("JPN", "KOR", "USA")) in types
    assert any(e["event"] == "COERCE" and e["doc_id"] == "s-1" for e in events)
    # spam and reader comments never reach events
    assert not any("casino" in e["text"].lower() or "Reader42" in e["text"] for e in events)
    # re-running is idempotent
    res2 = run("code", str(corpus), "--db", db, "--quiet")
    assert res2.exit_code == 0 and "unchanged" in res2.output
    with Store(db, read_only=True) as store:
        assert store.counts() == counts


def test_exports(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "e.duckdb")
    assert run("code", str(corpus / "example.html"), "--db", db, "-q").exit_code == 0
    res = run("events", "--db", db, "--format", "jsonl", "--actor", "PRK")
    rows = [json.loads(line) for line in res.output.splitlines() if line.strip()]
    assert rows and all(any(a["code"] == "PRK" for a in r["actor"]) for r in rows)
    assert {"id", "doc_id", "event", "actor", "recipient", "text", "event_text", "cameo", "goldstein"} <= set(rows[0])
    out = tmp_path / "e.parquet"
    assert run("events", "--db", db, "--format", "parquet", "-o", str(out)).exit_code == 0
    assert pq.read_table(out).num_rows >= len(rows)
    csv_out = run("events", "--db", db, "--format", "csv").output
    assert csv_out.splitlines()[0].startswith('"id"') or csv_out.splitlines()[0].startswith("id")
    table = run("docs", "--db", db)
    assert table.exit_code == 0 and "coded" in table.output
    bad = run("events", "--db", db, "--since", "yesterday")
    assert bad.exit_code == 2
    every = [json.loads(x) for x in run("events", "--db", db, "--format", "jsonl").output.splitlines() if x]
    sure = [json.loads(x) for x in run("events", "--db", db, "--format", "jsonl", "--min-confidence", "0.8")
            .output.splitlines() if x]
    assert all(r["confidence"] >= 0.8 for r in sure) and len(sure) < len(every)


def test_text_mode_prints_json() -> None:
    res = run("code", "--text", "The United States demanded that North Korea halt its missile tests.")
    assert res.exit_code == 0
    events = json.loads(res.output)
    assert events[0]["event"] == "REQUEST"
    assert [a["code"] for a in events[0]["actor"]] == ["USA"]
    assert [a["code"] for a in events[0]["recipient"]] == ["PRK"]


def test_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    res = run("code", "-", "--db", db, "-q", input="Protesters in Lima clashed with riot police on Monday "
              "as thousands marched against the new president.\n")
    assert res.exit_code == 0
    with Store(db, read_only=True) as store:
        assert store.counts()["coded"] == 1


def test_busy_database_fails_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    Store(str(db)).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db)!r})
        print("locked", flush=True)
        time.sleep(20)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        src = tmp_path / "a.txt"
        src.write_text("Iran condemned the attack on its embassy in Damascus on Monday.")
        proc = subprocess.run([sys.executable, "-m", "sanderling.cli", "code", str(src), "--db", str(db),
                               "--lock-timeout", "1", "-q"], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1
        assert proc.stderr.strip().count("\n") == 0 and "busy" in proc.stderr
    finally:
        holder.kill()


def test_eval_json(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"id": "1", "text": "The United States demanded that North Korea halt its missile tests.",
         "event": "REQUEST", "source": [{"text": "United States", "code": "USA"}],
         "target": [{"text": "North Korea", "code": "PRK"}]},
        {"id": "2", "text": "Stock markets in Asia rose on Tuesday.", "event": None, "source": [], "target": []},
    ]) + "\n")
    res = run("eval", str(gold), "--json")
    m = json.loads(res.output)
    assert m["n"] == 2 and m["event_accuracy"] == 1.0 and m["false_event_rate"] == 0.0
    assert m["source_code_accuracy"] == 1.0 and m["per_type"]["REQUEST"]["f1"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "event": "NOPE", "text": "x"}\n')
    assert run("eval", str(bad), "--json").exit_code == 1


def test_gold_files_in_other_coders_shapes_are_read(tmp_path: Path) -> None:
    from sanderling.evaluate import load_gold

    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "sentence": "Kenya and Uganda agreed to reopen the border.", "event_type": "agree",
         "actor": ["KEN", "uga"], "recipient": "", "story_date": "07/19/2024"},
        {"doc_id": "b", "text": "Weather was fine.", "event": "NONE"},
        {"id": "c", "text": "x", "event": "no_event", "source": {"code": "usa", "sector": "gov"},
         "target": "PRK;KOR", "date": "20240105"},
        {"id": "d", "text": "y", "label": None, "date": "sometime"},
    ]) + "\n")
    a, b, c, d = load_gold(gold)
    assert (a.text, a.event, a.source, a.target, a.date) == (
        "Kenya and Uganda agreed to reopen the border.", "AGREE", frozenset({"KEN", "UGA"}), frozenset(), "2024-07-19")
    assert (b.id, b.event) == ("b", None)
    assert c.event is None and c.source_actors == frozenset({("USA", "GOV")})
    assert c.target == frozenset({"PRK", "KOR"}) and c.date == "2024-01-05"
    assert d.event is None and d.date is None


def test_eval_goes_on_when_a_record_breaks_the_coder(tmp_path: Path, monkeypatch) -> None:  # type: ignore
    from sanderling.evaluate import evaluate
    from sanderling.pipeline import Pipeline

    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"id": "ok", "text": "Iran condemned the attack on its embassy.", "event": "ACCUSE"},
        {"id": "boom", "text": "BOOM Iran condemned the attack.", "event": "ACCUSE"},
    ]) + "\n")
    pipe = Pipeline()
    real = pipe.code_documents

    def fragile(docs):  # type: ignore[no-untyped-def]
        if any(d.text.startswith("BOOM") for d in docs):
            raise RuntimeError("coder bug")
        return real(docs)

    monkeypatch.setattr(pipe, "code_documents", fragile)
    metrics, rows = evaluate(gold, pipe)
    assert [r["pred"] for r in rows] == ["ACCUSE", None]
    assert metrics["event_accuracy"] == 0.5
