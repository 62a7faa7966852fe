"""Store tests on real DuckDB files; Outcomes and Events are built by hand."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import sanderling
from sanderling.errors import StoreError
from sanderling.model import Document, Entity, Event, Location, Outcome, Rejected, event_id
from sanderling.store import SCHEMA_VERSION, Store, duckdb_store


def ent(code: str, text: str | None = None, start: int = 0, sector: str = "GOV") -> Entity:
    text = text or code.title()
    return Entity(entity_text=text, code=code, sector=sector, start=start, end=start + len(text))


def make_event(doc_id: str, i: int, **kw) -> Event:
    fields = dict(
        id=event_id(doc_id, i * 100, i * 100 + 5, kw.get("event", "ACCUSE")),
        doc_id=doc_id,
        event="ACCUSE",
        mode="",
        context=("military",),
        actor=(ent("IRN", "Iran", i * 100),),
        recipient=(ent("USA", "Washington", i * 100 + 20),),
        event_text="condemned",
        event_start=i * 100 + 5,
        event_end=i * 100 + 14,
        text="Iran condemned Washington.",
        text_start=i * 100,
        text_end=i * 100 + 26,
        date=f"2024-03-0{1 + i % 9}",
        pub_date="2024-03-10",
        url=f"https://example.org/{doc_id}",
        event_loc=Location(country="IRN", text="Tehran", start=3, end=9) if i % 2 else None,
        negated=False,
        hypothetical=False,
        future=False,
        historical=False,
        confidence=0.75 + i / 1000,
        cameo="111",
        goldstein=-2.0,
        quad_code=3,
        plover_score=None if i % 3 else 0.5,
        coder="sanderling",
        coder_version="0.1.0",
    )
    fields.update(kw)
    return Event(**fields)


def make_doc(doc_id: str, text: str = "Iran condemned Washington. " * 4, **kw) -> Document:
    fields = dict(
        url=f"https://example.org/{doc_id}",
        title="T " + doc_id,
        pub_date="2024-03-10",
        language="en",
        origin="in.jsonl:1",
        flags=("spam:casino",),
    )
    fields.update(kw)
    return Document(id=doc_id, text=text, **fields)


def coded(doc_id: str, n: int = 2, **doc_kw) -> Outcome:
    return Outcome(
        doc=make_doc(doc_id, **doc_kw),
        rejected=None,
        status="coded",
        reason="",
        events=tuple(make_event(doc_id, i) for i in range(n)),
    )


def rows_without_coded_at(table) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "coded_at"} for r in table.to_pylist()]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "sub" / "events.duckdb"


def test_create_and_reopen(db: Path) -> None:
    with Store(str(db)) as s:
        assert s.counts() == {"documents": 0, "coded": 0, "skipped": 0, "failed": 0, "events": 0}
        s.write([coded("d1")], coder_version="0.1.0")
    assert db.exists()
    with Store(str(db), read_only=True) as s:
        assert s.counts()["events"] == 2
        assert s.document_states(["d1", "nope"]) == {"d1": (make_doc("d1").text_hash, "coded", "0.1.0")}
        with pytest.raises(StoreError, match="read-only"):
            s.write([coded("d2")], "0.1.0")
    with Store(db) as s:  # PathLike works too; schema is not re-created
        assert s.counts()["documents"] == 1


def test_read_only_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.duckdb"
    with pytest.raises(StoreError, match=r"no database at .*missing\.duckdb; run `sanderling code"):
        Store(str(path), read_only=True)
    assert not path.exists()


def test_schema_version_mismatch(db: Path) -> None:
    Store(str(db)).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match=rf"written by schema v99, this sanderling reads v{SCHEMA_VERSION}; upgrade"):
        Store(str(db))


def test_v1_database_is_migrated_in_place(db: Path) -> None:
    with Store(str(db)) as st:
        st.write([coded("d1")], "v")
    con = duckdb.connect(str(db))  # turn it back into a v1 file: event_loc without lat/lon
    con.execute("ALTER TABLE events ALTER event_loc TYPE STRUCT(country VARCHAR, text VARCHAR, start INTEGER, "
                '"end" INTEGER) USING CASE WHEN event_loc IS NULL THEN NULL ELSE struct_pack(country := '
                'event_loc.country, text := event_loc.text, start := event_loc.start, "end" := event_loc."end") END')
    con.execute("ALTER TABLE documents DROP COLUMN duplicate_of")
    con.execute("DROP TABLE doc_minhash")
    con.execute("DROP TABLE doc_bands")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    before = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    with Store(str(db)) as st:
        st.write([coded("d2")], "v")
        rows = st.events(include_all=True)
    assert len(rows) == before * 2
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert con.execute("SELECT count(*) FROM events WHERE event_loc.lat IS NULL").fetchone()[0] >= before
    con.close()


def test_not_a_sanderling_database(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a sanderling database"):
        Store(str(path))


def test_round_trip_equals_to_plover(db: Path) -> None:
    out = [coded("d1", n=4), coded("d2", n=3)]
    extra = make_event(
        "d2",
        7,
        actor=(ent("IRN"), ent("IGO", "UN", 40, "")),
        recipient=(),
        context=(),
        event_loc=Location(country="SYR"),
        goldstein=None,
        date=None,
    )
    out[1] = Outcome(doc=out[1].doc, rejected=None, status="coded", reason="", events=out[1].events + (extra,))
    with Store(str(db)) as s:
        s.write(out, coder_version="0.1.0")
        table = s.events(include_all=True)
    expected = {e.id: e.to_plover() for o in out for e in o.events}
    assert table.column_names == list(next(iter(expected.values())).keys())
    got = {r["id"]: r for r in table.to_pylist()}
    assert got == expected
    # ordering: date, doc_id, text_start, event_start (NULL dates last)
    keys = [(r["date"], r["doc_id"], r["text_start"], r["event_start"]) for r in table.to_pylist()]
    assert keys[-1][0] is None
    assert keys[:-1] == sorted(keys[:-1])


def test_documents_rows(db: Path) -> None:
    with Store(str(db)) as s:
        s.write([coded("d1", n=3)], coder_version="0.2.0")
        (row,) = s.documents().to_pylist()
        text = s._require().execute("SELECT text FROM documents WHERE id = 'd1'").fetchall()[0][0]
    assert "text" not in row
    assert text == make_doc("d1").text
    assert row["n_events"] == 3 and row["status"] == "coded" and row["coder_version"] == "0.2.0"
    assert row["flags"] == ["spam:casino"] and str(row["pub_date"]) == "2024-03-10"
    assert row["reason"] is None and row["coded_at"] is not None


def test_idempotent_rewrite(db: Path) -> None:
    out = [coded("d1", n=3), coded("d2", n=2)]
    with Store(str(db)) as s:
        s.write(out, "0.1.0")
        before = (s.counts(), s.events(include_all=True), rows_without_coded_at(s.documents()))
        s.write(out, "0.1.0")
        s.write(out[::-1], "0.1.0")
        after = (s.counts(), s.events(include_all=True), rows_without_coded_at(s.documents()))
    assert before[0] == after[0] == {"documents": 2, "coded": 2, "skipped": 0, "failed": 0, "events": 5}
    assert before[1].equals(after[1])
    assert before[2] == after[2]


def test_duplicates_within_one_call(db: Path) -> None:
    o1 = coded("d1", n=2)
    dup = Outcome(
        doc=o1.doc, rejected=None, status="coded", reason="", events=o1.events + (o1.events[0],)
    )  # same event id twice
    with Store(str(db)) as s:
        s.write([coded("d1", n=5), dup], "0.1.0")  # same doc twice: the last wins
        assert s.counts()["events"] == 2
        assert s.documents().column("n_events").to_pylist() == [2]


def test_rewrite_with_fewer_events_removes_old(db: Path) -> None:
    with Store(str(db)) as s:
        s.write([coded("d1", n=5), coded("d2", n=2)], "0.1.0")
        s.write([coded("d1", n=1)], "0.1.1")
        assert s.counts()["events"] == 3
        assert s.events(doc_id="d1").num_rows == 1
        assert s.events(doc_id="d2").num_rows == 2
        assert s.document_states(["d1"])["d1"][2] == "0.1.1"
        s.write([Outcome(doc=make_doc("d2"), rejected=None, status="coded", reason="", events=())], "0.1.1")
        assert s.counts()["events"] == 1


def test_filters(db: Path) -> None:
    d = "d1"
    evs = (
        make_event(d, 0, date="2024-01-05"),  # IRN -> USA, ACCUSE
        make_event(
            d,
            1,
            date="2024-02-05",
            event="protest",  # lower-case type
            actor=(ent("USA"),),
            recipient=(ent("IRN"), ent("ISR")),
        ),
        make_event(d, 2, date="2024-03-05", event="ASSAULT", actor=(ent("ISR"), ent("IRN"))),
        make_event(d, 3, date="2024-03-06", negated=True),
        make_event(d, 4, date="2024-03-07", hypothetical=True),
        make_event(d, 5, date="2024-03-08", future=True),
        make_event(d, 6, date="2024-03-09", historical=True),  # historical still happened
    )
    with Store(str(db)) as s:
        s.write([Outcome(doc=make_doc(d), rejected=None, status="coded", reason="", events=evs)], "0.1.0")
        s.write([coded("d2", n=1)], "0.1.0")

        def ids(**kw) -> list[str]:
            return s.events(**kw).column("id").to_pylist()

        (d2_event,) = ids(doc_id="d2")  # dated 2024-03-01
        assert ids() == [evs[0].id, evs[1].id, d2_event, evs[2].id, evs[6].id]
        assert ids(doc_id="d1", include_all=True) == [e.id for e in evs]
        assert ids(doc_id="d1", actor="IRN") == [evs[0].id, evs[2].id, evs[6].id]
        assert ids(doc_id="d1", actor="IRN", include_all=True) == [evs[0].id, evs[2].id, *[e.id for e in evs[3:]]]
        assert ids(recipient="ISR") == [evs[1].id]
        assert ids(actor="ISR", recipient="USA") == [evs[2].id]
        assert ids(event_type="PROTEST") == [evs[1].id]
        assert ids(event_type="assault") == [evs[2].id]
        assert ids(since="2024-02-05", until="2024-03-05") == [evs[1].id, d2_event, evs[2].id]
        assert ids(since="2024-03-06", doc_id="d1", include_all=True) == [e.id for e in evs[3:]]
        assert ids(until="2024-01-05") == [evs[0].id]
        assert ids(limit=2) == [evs[0].id, evs[1].id]
        assert ids(actor="x'; DROP TABLE events; --") == []
        assert s.counts()["events"] == 8
        with pytest.raises(StoreError, match="yyyy-mm-dd"):
            s.events(since="last week")
        with pytest.raises(StoreError, match="limit"):
            s.events(limit=-1)


def test_rejected_outcomes(db: Path) -> None:
    outs = [
        Outcome(
            doc=None,
            rejected=Rejected(id="r1", status="failed", reason="invalid JSON", origin="in.jsonl:7"),
            status="failed",
            reason="invalid JSON",
        ),
        Outcome(
            doc=None,
            rejected=Rejected(id="r2", status="skipped", reason="too large", url="https://x.org/a", text_hash="abc"),
            status="skipped",
            reason="too large",
        ),
        Outcome(doc=make_doc("d3", language="fr"), rejected=None, status="skipped", reason="language fr"),
        coded("d1", n=1),
    ]
    with Store(str(db)) as s:
        s.write(outs, "0.1.0")
        assert s.counts() == {"documents": 4, "coded": 1, "skipped": 2, "failed": 1, "events": 1}
        failed = s.documents(status="failed").to_pylist()
        assert [(r["id"], r["status"], r["reason"], r["origin"]) for r in failed] == [
            ("r1", "failed", "invalid JSON", "in.jsonl:7")
        ]
        texts = dict(s._require().execute("SELECT id, text FROM documents").fetchall())
        assert texts["r1"] is None and texts["r2"] is None and texts["d3"] == make_doc("d3").text
        assert s.document_states(["r2"]) == {"r2": ("abc", "skipped", "0.1.0")}
        assert s.documents(limit=1).num_rows == 1


def test_failing_write_leaves_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(str(db)) as s:
        s.write([coded("d1", n=3)], "0.1.0")
        before = (s.counts(), s.events(include_all=True), rows_without_coded_at(s.documents()))

        def boom(conn) -> None:
            conn.execute("DELETE FROM events")  # half of the work done ...
            raise RuntimeError("disk on fire")  # ... then a failure

        monkeypatch.setattr(Store, "_replace_events", staticmethod(boom))
        with pytest.raises(StoreError, match="disk on fire"):
            s.write([coded("d1", n=1), coded("d2", n=4)], "0.2.0")
        after = (s.counts(), s.events(include_all=True), rows_without_coded_at(s.documents()))
        assert before[0] == after[0] and before[1].equals(after[1]) and before[2] == after[2]
        monkeypatch.undo()
        s.write([coded("d2", n=4)], "0.2.0")  # the connection is usable afterwards
        assert s.counts()["events"] == 7


def test_bad_event_date_is_rejected_before_writing(db: Path) -> None:
    with Store(str(db)) as s:
        bad = Outcome(
            doc=make_doc("d1"), rejected=None, status="coded", reason="", events=(make_event("d1", 0, date="March 5"),)
        )
        with pytest.raises(StoreError, match="March 5"):
            s.write([coded("d0"), bad], "0.1.0")
        assert s.counts()["documents"] == 0


def test_document_states_many_ids(db: Path) -> None:
    with Store(str(db)) as s:
        s.write([coded(f"d{i}", n=0) for i in range(300)], "0.1.0")
        ids = [f"d{i}" for i in range(0, 5000, 2)] + ['it\'s "quoted"']
        states = s.document_states(ids)
    assert len(states) == 150 and set(states) == {f"d{i}" for i in range(0, 300, 2)}


_HOLDER = """
import sys, time
from sanderling.store import Store
s = Store(sys.argv[1])
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
s.close()
"""


def test_busy_database(db: Path) -> None:
    Store(str(db)).close()
    src = str(Path(sanderling.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-c", _HOLDER, str(db), "2.0"]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        t0 = time.monotonic()
        with pytest.raises(StoreError) as err:
            Store(str(db), lock_timeout=0.5)
        assert time.monotonic() - t0 < 2.0
        msg = str(err.value)
        assert "events.duckdb is busy" in msg and f"pid {child.pid}" in msg and "--lock-timeout" in msg
        with pytest.raises(StoreError, match="busy"):
            Store(str(db), read_only=True, lock_timeout=0.2)
        with Store(str(db), lock_timeout=20) as s:  # waits for the child to let go
            assert child.poll() is not None or time.monotonic() - t0 >= 1.5
            s.write([coded("d1")], "0.1.0")
            assert s.counts()["events"] == 2
    finally:
        child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()


def test_closed_store(db: Path) -> None:
    s = Store(str(db))
    s.close()
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.counts()


def test_schema_matches_model() -> None:
    assert duckdb_store.PLOVER_FIELDS == tuple(make_event("d", 0).to_plover())
