"""Scale-out: the Ray engine gives LocalEngine's outcomes; the Parquet lake round-trips into DuckDB."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from sanderling.engines import ray_engine
from sanderling.engines.local import LocalEngine
from sanderling.engines.ray_engine import RayEngine, RayEngineError, make_engine
from sanderling.errors import StoreError
from sanderling.model import Document, Outcome, Rejected
from sanderling.settings import Settings
from sanderling.store import Store
from sanderling.store.duckdb_store import _DOC_ARROW, _EVENT_ARROW
from sanderling.store.parquet_lake import DEFAULT_PARTITION, LakeSink, ParquetLake, load_lake, open_sink

HAVE_RAY = importlib.util.find_spec("ray") is not None

TEXTS = [
    ("Kenyan police arrested 40 protesters in Nairobi on Tuesday.", "2024-05-03"),
    ("The United States demanded that North Korea halt its missile tests.", "2024-05-03"),
    ("Russia threatened to cut gas supplies to Moldova.", "2024-05-04"),
    ("Egypt hosted talks between Israeli and Hamas negotiators in Cairo.", "2024-05-04"),
    ("Shares rose in Tokyo.", "2024-05-04"),
    ("France and Germany signed a defence cooperation agreement in Paris.", None),
    ("Pakistan accused India of shelling villages along the Line of Control.", "2024-05-05"),
    ("The European Union imposed new sanctions on Iran over its drone exports.", "2024-05-05"),
    ("Turkish troops clashed with Kurdish fighters near the Syrian border.", "2024-05-06"),
    ("China urged the Philippines to withdraw its ships from the disputed shoal.", "2024-05-06"),
    ("Brazil's president met Argentina's president in Brasilia to discuss trade.", "2024-05-07"),
    ("Israeli aircraft struck targets in southern Lebanon overnight.", "2024-05-07"),
]
SETTINGS = Settings(batch_size=2)


def _items(broken: bool = False) -> list[Document | Rejected]:
    items: list[Document | Rejected] = [Document(id=f"d{i}", text=t, pub_date=d) for i, (t, d) in enumerate(TEXTS)]
    items.insert(3, Rejected(id="bad-line", status="failed", reason="line 4: invalid JSON", origin="x.jsonl:4"))
    if broken:  # breaks the coder (text is not a string): must fail alone
        items.insert(6, Document(id="broken", text=None))  # type: ignore[arg-type]
    return items


def _batches(items: list[Document | Rejected], size: int = 2) -> list[list[Document | Rejected]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@pytest.fixture(scope="module")
def local_batches() -> list[list[Outcome]]:
    """LocalEngine in-process outcomes per batch, broken document included."""
    return list(LocalEngine(SETTINGS, workers=1).run(_batches(_items(broken=True))))


@pytest.fixture(scope="module")
def outcomes(local_batches: list[list[Outcome]]) -> list[list[Outcome]]:
    """Batches of writable outcomes (without the broken document)."""
    return [[o for o in b if o.doc_id != "broken"] for b in local_batches]


# -- Ray engine --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ray_local():  # type: ignore[no-untyped-def]
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.mark.skipif(not HAVE_RAY, reason="ray is not installed (pip install 'sanderling[ray]')")
def test_ray_engine_matches_local_engine(ray_local, local_batches) -> None:  # type: ignore[no-untyped-def]
    engine = RayEngine(SETTINGS, num_workers=2)
    got = list(engine.run(_batches(_items(broken=True))))
    engine.close()  # Ray was started by the fixture: the engine leaves it running
    assert ray_local.is_initialized()
    assert got == local_batches  # same batches, same order, same documents, events and fields
    flat = [o for b in got for o in b]
    assert [e.id for o in flat for e in o.events] == [e.id for b in local_batches for o in b for e in o.events]
    assert sum(len(o.events) for o in flat) >= 8
    status = {o.doc_id: (o.status, o.reason) for o in flat}
    assert status["bad-line"] == ("failed", "line 4: invalid JSON")  # a Rejected item passes through
    assert status["broken"][0] == "failed" and status["broken"][1].startswith("coder error: TypeError")
    assert status["d5"][0] == "coded"  # the broken document's batch-mate is coded


class _FailingStream:
    """Stands in for the Ray pipeline: answers the first two batches, then the cluster 'dies'."""

    def __init__(self, settings: Settings, version: str, workers: int) -> None:
        self.sent: list[tuple[int, list[Document | Rejected]]] = []
        self.answered = 0
        self.closed = False

    def send(self, idx: int, batch: list[Document | Rejected]) -> None:
        self.sent.append((idx, batch))

    def end(self) -> None:
        pass

    def receive(self) -> list[tuple[int, list[Outcome]]]:
        if self.answered >= 2:
            raise ConnectionError("node lost")
        idx, batch = self.sent[self.answered]
        self.answered += 1
        return [(idx, ray_engine._code_local(ray_engine.Pipeline(SETTINGS), batch))]

    def close(self) -> None:
        self.closed = True


@pytest.fixture()
def fake_ray(monkeypatch: pytest.MonkeyPatch) -> list[_FailingStream]:
    streams: list[_FailingStream] = []

    def stream(*args: object) -> _FailingStream:
        streams.append(_FailingStream(*args))  # type: ignore[arg-type]
        return streams[-1]

    monkeypatch.setattr(ray_engine, "_ray", lambda: None)
    monkeypatch.setattr(ray_engine, "_Stream", stream)
    monkeypatch.setattr(RayEngine, "start", lambda self: 1)
    return streams


def test_ray_failure_codes_the_rest_in_process(fake_ray, local_batches) -> None:  # type: ignore[no-untyped-def]
    got = list(RayEngine(SETTINGS).run(_batches(_items(broken=True))))
    assert got == local_batches  # nothing lost, nothing twice, input order kept
    assert fake_ray[0].closed


def test_input_errors_are_not_taken_for_ray_failures(fake_ray) -> None:  # type: ignore[no-untyped-def]
    def batches():  # type: ignore[no-untyped-def]
        yield _items()[:2]
        raise ValueError("disk on fire")

    with pytest.raises(ValueError, match="disk on fire"):
        list(RayEngine(SETTINGS).run(batches()))
    assert fake_ray[0].closed


def test_missing_ray_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    with pytest.raises(RayEngineError, match=r"pip install 'sanderling\[ray\]'"):
        make_engine(SETTINGS, "ray")
    assert isinstance(make_engine(SETTINGS, "local", workers=1), LocalEngine)
    with pytest.raises(RayEngineError, match="unknown engine"):
        make_engine(SETTINGS, "spark")


# -- Parquet lake ------------------------------------------------------------------------------


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.parquet"))


def test_lake_layout_schemas_and_direct_query(tmp_path: Path, outcomes) -> None:  # type: ignore[no-untyped-def]
    lake = ParquetLake(tmp_path / "lake")
    names = [lake.write(b, "v1") for b in outcomes]
    files = _files(lake.path)
    assert f"documents/pub_date=2024-05-03/{names[0]}" in files
    assert f"events/pub_date=2024-05-03/{names[0]}" in files
    assert any(f.startswith(f"documents/pub_date={DEFAULT_PARTITION}/") for f in files)  # no date, rejected
    assert not any(p.name.startswith(".") for p in lake.path.rglob("*"))  # no temporary files left
    for f in files:
        schema = pq.read_schema(lake.path / f)
        assert schema.equals(_DOC_ARROW if f.startswith("documents/") else _EVENT_ARROW)
    n_events = sum(len(o.events) for b in outcomes for o in b)
    con = duckdb.connect()
    rows = con.sql(f"SELECT count(*), count(DISTINCT id), typeof(any_value(pub_date)) FROM read_parquet("
                   f"'{lake.path}/events/**/*.parquet', hive_partitioning = true)").fetchall()
    assert rows == [(n_events, n_events, "DATE")]
    per_day = dict(con.sql(f"SELECT pub_date::VARCHAR, count(*) FROM read_parquet('{lake.path}/documents/**/"
                           "*.parquet', hive_partitioning = true) GROUP BY ALL").fetchall())
    assert per_day["2024-05-04"] == 3 and per_day[None] == 2  # d5 has no date; the rejected line neither
    lake.views(con)  # the lake as load_lake sees it, queried in place
    assert con.sql("SELECT count(*) FROM lake_events").fetchall() == [(n_events,)]
    assert "_batch" not in con.sql("SELECT * FROM lake_documents").columns
    # writing the same batches again overwrites their files instead of adding copies
    for b in outcomes:
        lake.write(b, "v1")
    assert _files(lake.path) == files


def test_load_lake_is_idempotent_and_matches_store_write(tmp_path: Path, outcomes) -> None:  # type: ignore
    lake = ParquetLake(tmp_path / "lake")
    for b in outcomes:
        lake.write(b, "v1")
    direct = Store(tmp_path / "direct.duckdb")
    for b in outcomes:
        direct.write(b, "v1")
    with Store(tmp_path / "loaded.duckdb") as store:
        n_docs, n_events = load_lake(lake.path, store)
        first = (store.counts(), store.events(include_all=True), store.documents())
        assert load_lake(lake.path, store) == (n_docs, n_events)
        assert (store.counts(), store.events(include_all=True), store.documents()) == first  # twice: no change
        assert first[0] == direct.counts()
        assert n_docs == first[0]["documents"] == 13 and n_events == first[0]["events"] > 0
        assert first[1] == direct.events(include_all=True)
        drop = ["coded_at"]
        assert first[2].drop_columns(drop) == direct.documents().drop_columns(drop)
    direct.close()


def test_load_lake_replaces_a_documents_events(tmp_path: Path, outcomes) -> None:  # type: ignore
    """Upsert semantics: a document recoded in the lake loses the events it had in the database."""
    flat = [o for b in outcomes for o in b]
    coded = next(o for o in flat if len(o.events) >= 1)
    with Store(tmp_path / "db.duckdb") as store:
        store.write(flat, "v1")
        lake = ParquetLake(tmp_path / "lake")
        lake.write([Outcome(coded.doc, None, "coded", "0 events")], "v2")
        assert load_lake(lake.path, store) == (1, 0)
        assert store.events(doc_id=coded.doc_id, include_all=True).num_rows == 0
        assert store.document_states([coded.doc_id])[coded.doc_id][2] == "v2"
        assert store.counts()["documents"] == len(flat)


def test_a_failed_batch_does_not_lose_the_others(tmp_path: Path, local_batches) -> None:  # type: ignore
    lake = ParquetLake(tmp_path / "lake")
    written = 0
    for batch in local_batches:
        if any(o.doc_id == "broken" for o in batch):
            with pytest.raises(StoreError, match="bad outcome data"):
                lake.write(batch, "v1")
            continue
        lake.write(batch, "v1")
        written += len(batch)
    with Store(tmp_path / "db.duckdb") as store:
        n_docs, _ = load_lake(lake.path, store)
        assert n_docs == written == 13 - 1  # only the broken document's batch-mate is missing
        assert store.document_states(["bad-line"])["bad-line"][1] == "failed"  # the Rejected item is kept


def test_lake_sink_knows_what_is_coded(tmp_path: Path, outcomes) -> None:  # type: ignore[no-untyped-def]
    from sanderling.dedupe import Deduper

    dd = Deduper(0.8)
    text = " ".join(f"word{i}" for i in range(80))
    dd.check_batch([("d0", text)])
    with open_sink(str(tmp_path / "none.duckdb"), str(tmp_path / "lake")) as sink:
        assert isinstance(sink, LakeSink)
        sink.write(outcomes[0], "v1", signatures=dd.added)
    assert not (tmp_path / "none.duckdb").exists()  # a lake run creates no database
    with LakeSink(tmp_path / "lake") as sink:
        states = sink.document_states(["d0", "d1", "zzz"])
        assert set(states) == {"d0", "d1"} and states["d0"][1:] == ("coded", "v1")
        found = sink.signatures(dd.added[0].band_keys()[:3])
        assert [s.doc_id for s in found] == ["d0"]
    with Store(tmp_path / "db.duckdb") as store:
        load_lake(tmp_path / "lake", store)
        assert [s.doc_id for s in store.signatures(dd.added[0].band_keys()[:1])] == ["d0"]
    with open_sink(str(tmp_path / "db.duckdb")) as plain:
        assert isinstance(plain, Store)


def test_cli_lake_then_load(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from sanderling.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "date": d}) + "\n"
                           for i, (t, d) in enumerate(TEXTS[:4])), encoding="utf-8")
    lake, db = tmp_path / "lake", str(tmp_path / "m.duckdb")
    runner = CliRunner()
    res = runner.invoke(main, ["code", str(src), "--lake", str(lake), "-q", "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert any(lake.glob("events/pub_date=*/*.parquet"))
    for _ in range(2):  # idempotent
        res = runner.invoke(main, ["load", str(lake), "--db", db])
        assert res.exit_code == 0, res.output
        with Store(db, read_only=True) as st:
            assert st.counts()["documents"] == 4
