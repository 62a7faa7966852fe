"""PostgresStore against a real PostgreSQL server: the behaviours of test_store.py, compared
with the DuckDB store where both must agree, plus locking, connection errors and the CLI.

Needs ``SANDERLING_TEST_PG`` (e.g. postgresql://sanderling:sanderling@127.0.0.1:5432/sanderling_test,
a role that may create schemas in that database); the module is skipped when it is unset.
Every test works in its own throwaway schema (``search_path`` set through the URL).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

DSN = os.environ.get("SANDERLING_TEST_PG", "")
if not DSN:
    pytest.skip("SANDERLING_TEST_PG is not set (no PostgreSQL server to test against)", allow_module_level=True)

import numpy as np  # noqa: E402
import psycopg  # noqa: E402  (a missing driver must fail, not skip, once a server is configured)
from click.testing import CliRunner  # noqa: E402
from psycopg import sql  # noqa: E402
from psycopg.conninfo import conninfo_to_dict  # noqa: E402
from test_store import coded, ent, make_doc, make_event, rows_without_coded_at  # noqa: E402

from sanderling import cli  # noqa: E402
from sanderling.dedupe import Signature  # noqa: E402
from sanderling.errors import StoreError  # noqa: E402
from sanderling.model import Location, Outcome, Rejected  # noqa: E402
from sanderling.store import SCHEMA_VERSION, Store, display_db, open_store, postgres_store  # noqa: E402
from sanderling.store.postgres_store import PostgresStore  # noqa: E402

PARAMS = conninfo_to_dict(DSN)


def make_url(schema: str | None = None, **override: str) -> str:
    """A postgresql:// URL from the test DSN's parts, with ``override`` applied and search_path = schema."""
    p = {**PARAMS, **override}
    auth = quote(p.get("user", ""), safe="")
    if p.get("password"):
        auth += ":" + quote(p["password"], safe="")
    host = p.get("host", "")
    url = f"postgresql://{auth + '@' if auth else ''}{host}{':' + p['port'] if p.get('port') else ''}/"
    url += quote(p.get("dbname", ""), safe="")
    query = {k: v for k, v in p.items() if k not in ("user", "password", "host", "port", "dbname")}
    if schema is not None:
        query["options"] = f"-csearch_path={schema}"
    if query:
        url += "?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in query.items())
    return url


def shows_password(msg: str, password: str | None = PARAMS.get("password")) -> bool:
    """Does ``msg`` reveal ``password``? (The test password may equal the user or database name.)"""
    if not password:
        return False
    if f":{password}@" in msg or f":{quote(password, safe='')}@" in msg:
        return True
    public = " ".join(str(PARAMS.get(k) or "") for k in ("user", "dbname", "host"))
    return password not in public and password in msg


@pytest.fixture(scope="module")
def admin() -> Iterator[psycopg.Connection]:
    with psycopg.connect(DSN, autocommit=True) as conn:
        yield conn


@pytest.fixture()
def schema(admin: psycopg.Connection) -> Iterator[str]:
    name = f"sanderling_t_{uuid.uuid4().hex[:12]}"
    admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
    try:
        yield name
    finally:
        admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))


@pytest.fixture()
def url(schema: str) -> str:
    return make_url(schema)


def q(admin: psycopg.Connection, schema: str, query: str, params: tuple = ()) -> list[tuple]:
    with admin.transaction():
        admin.execute(sql.SQL("SET LOCAL search_path TO {}").format(sql.Identifier(schema)))
        cur = admin.execute(query, params)
        return cur.fetchall() if cur.description else []


# -- opening ------------------------------------------------------------------------------


def test_create_and_reopen(url: str, admin: psycopg.Connection, schema: str) -> None:
    with PostgresStore(url) as s:
        assert s.counts() == {"documents": 0, "coded": 0, "skipped": 0, "failed": 0, "events": 0}
        s.write([coded("d1")], coder_version="0.1.0")
    tables = {r[0] for r in admin.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [schema])}
    assert tables == {"meta", "documents", "events", "doc_minhash", "doc_bands"}
    assert q(admin, schema, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    with PostgresStore(url, read_only=True) as s:
        assert s.counts()["events"] == 2
        assert s.document_states(["d1", "nope"]) == {"d1": (make_doc("d1").text_hash, "coded", "0.1.0")}
        with pytest.raises(StoreError, match="read-only"):
            s.write([coded("d2")], "0.1.0")
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):  # the session itself is read-only
            s._require().execute("DELETE FROM documents")
    with PostgresStore(url) as s:  # the schema is not re-created
        assert s.counts()["documents"] == 1


def test_read_only_on_empty_schema_creates_nothing(url: str, admin: psycopg.Connection, schema: str) -> None:
    with pytest.raises(StoreError, match=r"no sanderling tables in postgresql://.*; run `sanderling code"):
        PostgresStore(url, read_only=True)
    assert admin.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s", [schema]).fetchone() == (0,)


def test_schema_version_mismatch(url: str, admin: psycopg.Connection, schema: str) -> None:
    PostgresStore(url).close()
    q(admin, schema, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match=rf"written by schema v99, this sanderling reads v{SCHEMA_VERSION}; upgrade"):
        PostgresStore(url)


def test_not_a_sanderling_database(url: str, admin: psycopg.Connection, schema: str) -> None:
    q(admin, schema, "CREATE TABLE events (x integer)")
    with pytest.raises(StoreError, match="not a sanderling database"):
        PostgresStore(url)


def test_open_store_dispatch_and_display(tmp_path: Path, url: str) -> None:
    with open_store(str(tmp_path / "e.duckdb")) as s:
        assert isinstance(s, Store)
    with open_store(url) as s:
        assert isinstance(s, PostgresStore)
    with open_store(url.replace("postgresql://", "postgres://", 1), read_only=True, lock_timeout=1) as s:
        assert isinstance(s, PostgresStore) and s.read_only
    secret = make_url(password="s3cr3t-pw", host="db.example", port="6543", dbname="ev")
    assert display_db(secret) == f"postgresql://{quote(PARAMS.get('user', ''), safe='')}@db.example:6543/ev"
    assert display_db(str(tmp_path / "e.duckdb")) == str(tmp_path / "e.duckdb")


# -- reading and writing: the same results as the DuckDB store -------------------------------


def both(url: str, outcomes: list[Outcome], version: str = "0.1.0") -> tuple[PostgresStore, Store]:
    pg, duck = PostgresStore(url), Store(":memory:")
    for s in (pg, duck):
        s.write(outcomes, version)
    return pg, duck


def test_round_trip_equals_duckdb_and_to_plover(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def row_by_row(*a):  # type: ignore[no-untyped-def]
        raise AssertionError("events() fell back to building Arrow row by row")

    monkeypatch.setattr(postgres_store, "_arrow", row_by_row)  # reads go through row_to_json + pyarrow.json
    out = [coded("d1", n=4), coded("d2", n=3)]
    extra = make_event(
        "d2", 7, actor=(ent("IRN"), ent("IGO", "UN", 40, "")), recipient=(), context=(),
        event_loc=Location(country="SYR", lat=35.0, lon=38.5), goldstein=None, date=None, text="Ünïcode “quotes” 🙂",
    )
    out[1] = Outcome(doc=out[1].doc, rejected=None, status="coded", reason="", events=out[1].events + (extra,))
    pg, duck = both(url, out)
    with pg, duck:
        table, expected_table = pg.events(include_all=True), duck.events(include_all=True)
    assert table.schema.equals(expected_table.schema)
    assert table.equals(expected_table)  # same rows, same order, same Arrow types
    expected = {e.id: e.to_plover() for o in out for e in o.events}
    assert {r["id"]: r for r in table.to_pylist()} == expected
    assert table.to_pylist()[-1]["date"] is None  # NULL dates last


def test_documents_rows_equal_duckdb(url: str, admin: psycopg.Connection, schema: str) -> None:
    pg, duck = both(url, [coded("d1", n=3), coded("d0", n=1, flags=())], "0.2.0")
    with pg, duck:
        got, expected = pg.documents(), duck.documents()
    assert got.schema.equals(expected.schema)
    assert rows_without_coded_at(got) == rows_without_coded_at(expected)
    row = got.to_pylist()[0]
    assert "text" not in row and row["coded_at"] is not None and row["reason"] is None
    assert q(admin, schema, "SELECT text FROM documents WHERE id = 'd1'") == [(make_doc("d1").text,)]
    types = dict(q(admin, schema, "SELECT column_name, data_type FROM information_schema.columns "
                                  "WHERE table_schema = current_schema() AND table_name = 'events'"))
    assert types["actor"] == types["event_loc"] == "jsonb" and types["context"] == "ARRAY"
    assert types["date"] == "date"


def test_idempotent_rewrite(url: str) -> None:
    out = [coded("d1", n=3), coded("d2", n=2)]
    with PostgresStore(url) as s:
        s.write(out, "0.1.0")
        before = (s.counts(), s.events(include_all=True), rows_without_coded_at(s.documents()))
        s.write(out, "0.1.0")
        s.write(out[::-1], "0.1.0")
        after = (s.counts(), s.events(include_all=True), rows_without_coded_at(s.documents()))
    assert before[0] == after[0] == {"documents": 2, "coded": 2, "skipped": 0, "failed": 0, "events": 5}
    assert before[1].equals(after[1])
    assert before[2] == after[2]


def test_duplicates_within_one_call(url: str) -> None:
    o1 = coded("d1", n=2)
    dup = Outcome(doc=o1.doc, rejected=None, status="coded", reason="", events=o1.events + (o1.events[0],))
    with PostgresStore(url) as s:
        s.write([coded("d1", n=5), dup], "0.1.0")  # same doc twice: the last wins
        assert s.counts()["events"] == 2
        assert s.documents().column("n_events").to_pylist() == [2]


def test_rewrite_with_fewer_events_removes_old(url: str) -> None:
    with PostgresStore(url) as s:
        s.write([coded("d1", n=5), coded("d2", n=2)], "0.1.0")
        s.write([coded("d1", n=1)], "0.1.1")
        assert s.counts()["events"] == 3
        assert s.events(doc_id="d1").num_rows == 1
        assert s.events(doc_id="d2").num_rows == 2
        assert s.document_states(["d1"])["d1"][2] == "0.1.1"
        s.write([Outcome(doc=make_doc("d2"), rejected=None, status="coded", reason="", events=())], "0.1.1")
        assert s.counts()["events"] == 1


def test_filters(url: str) -> None:
    d = "d1"
    evs = (
        make_event(d, 0, date="2024-01-05"),  # IRN -> USA, ACCUSE
        make_event(d, 1, date="2024-02-05", event="protest", actor=(ent("USA"),), recipient=(ent("IRN"), ent("ISR"))),
        make_event(d, 2, date="2024-03-05", event="ASSAULT", actor=(ent("ISR"), ent("IRN"))),
        make_event(d, 3, date="2024-03-06", negated=True),
        make_event(d, 4, date="2024-03-07", hypothetical=True),
        make_event(d, 5, date="2024-03-08", future=True),
        make_event(d, 6, date="2024-03-09", historical=True),  # historical still happened
    )
    out = [Outcome(doc=make_doc(d), rejected=None, status="coded", reason="", events=evs), coded("d2", n=1)]
    pg, duck = both(url, out)
    with pg as s, duck:

        def ids(**kw) -> list[str]:
            got = s.events(**kw)
            assert got.equals(duck.events(**kw)), kw
            return got.column("id").to_pylist()

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
        assert ids(limit=0) == []
        assert ids(min_confidence=0.7535) == [evs[6].id]
        assert ids(actor="x'; DROP TABLE events; --") == []
        assert ids(doc_id="%") == [] and ids(event_type="%") == []
        assert s.counts()["events"] == 8
        with pytest.raises(StoreError, match="yyyy-mm-dd"):
            s.events(since="last week")
        with pytest.raises(StoreError, match="limit"):
            s.events(limit=-1)
        with pytest.raises(StoreError, match="cannot read database postgresql://"):
            s.events(since="2024-02-30")  # looks like a date, is not one


def test_rejected_outcomes(url: str, admin: psycopg.Connection, schema: str) -> None:
    outs = [
        Outcome(doc=None, rejected=Rejected(id="r1", status="failed", reason="invalid JSON", origin="in.jsonl:7"),
                status="failed", reason="invalid JSON"),
        Outcome(doc=None, rejected=Rejected(id="r2", status="skipped", reason="too large", url="https://x.org/a",
                                            text_hash="abc", duplicate_of="d1"),
                status="skipped", reason="too large"),
        Outcome(doc=make_doc("d3", language="fr"), rejected=None, status="skipped", reason="language fr"),
        coded("d1", n=1),
    ]
    pg, duck = both(url, outs)
    with pg as s, duck:
        assert s.counts() == duck.counts() == {"documents": 4, "coded": 1, "skipped": 2, "failed": 1, "events": 1}
        failed = s.documents(status="failed").to_pylist()
        assert [(r["id"], r["status"], r["reason"], r["origin"]) for r in failed] == [
            ("r1", "failed", "invalid JSON", "in.jsonl:7")
        ]
        assert rows_without_coded_at(s.documents()) == rows_without_coded_at(duck.documents())
        texts = dict(q(admin, schema, "SELECT id, text FROM documents"))
        assert texts["r1"] is None and texts["r2"] is None and texts["d3"] == make_doc("d3").text
        assert s.document_states(["r2"]) == {"r2": ("abc", "skipped", "0.1.0")}
        assert s.documents(limit=1).num_rows == 1
        assert s.documents(status="coded").column("id").to_pylist() == ["d1"]


def test_signatures_round_trip(url: str) -> None:
    values = (np.arange(128, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)) | np.uint64(1 << 63)  # > int64 max
    sig = Signature("d1", values, "text-key-d1")
    empty = Signature("d2", sig.values[:0], "short-text-key")
    with PostgresStore(url) as s, Store(":memory:") as duck:
        for st in (s, duck):
            st.write([coded("d1"), coded("d2")], "v", signatures=[sig, empty])
            st.write([coded("d1")], "v", signatures=[sig])  # re-writing replaces, never duplicates
        for keys in (sig.band_keys(), empty.band_keys(), sig.band_keys()[:1] + empty.band_keys(), [0]):
            got = sorted(s.signatures(keys), key=lambda x: x.doc_id)
            want = sorted(duck.signatures(keys), key=lambda x: x.doc_id)
            assert [(x.doc_id, x.text_key, x.values.tolist()) for x in got] == \
                [(x.doc_id, x.text_key, x.values.tolist()) for x in want]
        assert [x.doc_id for x in s.signatures(sig.band_keys())] == ["d1"]
        assert s.signatures([]) == []
        (n_bands,) = s._require().execute("SELECT count(*) FROM doc_bands").fetchone()
        assert n_bands == len(set(sig.band_keys())) + 1


def test_document_states_many_ids(url: str) -> None:
    with PostgresStore(url) as s:
        s.write([coded(f"d{i}", n=0) for i in range(300)], "0.1.0")
        ids = [f"d{i}" for i in range(0, 5000, 2)] + ['it\'s "quoted"', "{a,b}", "NULL"]
        states = s.document_states(ids)
        assert s.document_states([]) == {}
    assert len(states) == 150 and set(states) == {f"d{i}" for i in range(0, 300, 2)}


def test_nul_characters_and_nan(url: str) -> None:
    """PostgreSQL text cannot hold NUL: it becomes U+FFFD, lookups by the original id still work; NaN survives."""
    nul = "d\x00x"
    ev = make_event(nul, 0, text="before\x00after", actor=(ent("IRN", "Ir\x00an"),), confidence=float("nan"),
                    event_loc=Location(country="IRN", text="Teh\x00ran"))
    out = [Outcome(doc=make_doc(nul, text="a\x00b " * 20, title="t\x00"), rejected=None, status="coded", reason="",
                   events=(ev,))]
    with PostgresStore(url) as s:
        s.write(out, "0.1.0")
        s.write(out, "0.1.0")
        assert s.counts()["documents"] == 1
        assert set(s.document_states([nul, "d"])) == {nul}
        (row,) = s.events(include_all=True).to_pylist()
        assert s.events(doc_id=nul, include_all=True).num_rows == 1
    assert row["doc_id"] == "d\ufffdx" and row["text"] == "before\ufffdafter"
    assert row["actor"][0]["entity_text"] == "Ir\ufffdan" and row["event_loc"]["text"] == "Teh\ufffdran"
    assert row["confidence"] != row["confidence"]  # NaN


# -- one transaction per batch, bulk COPY ---------------------------------------------------


def test_failing_write_leaves_nothing(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with PostgresStore(url) as s, psycopg.connect(url, autocommit=True) as other:
        s.write([coded("d1", n=3)], "0.1.0")
        before = (s.counts(), s.events(include_all=True), rows_without_coded_at(s.documents()))
        seen_mid_batch: list[tuple] = []

        def boom(cur) -> None:
            cur.execute("DELETE FROM events")  # half of the work done ...
            seen_mid_batch.append(other.execute("SELECT count(*) FROM documents WHERE id = 'd2'").fetchone())
            seen_mid_batch.append(other.execute("SELECT count(*) FROM events").fetchone())
            raise RuntimeError("disk on fire")  # ... then a failure

        monkeypatch.setattr(PostgresStore, "_replace_events", staticmethod(boom))
        with pytest.raises(StoreError, match="nothing of this batch was written: disk on fire"):
            s.write([coded("d1", n=1), coded("d2", n=4)], "0.2.0")
        assert seen_mid_batch == [(0,), (3,)]  # other sessions never see a half-written batch
        after = (s.counts(), s.events(include_all=True), rows_without_coded_at(s.documents()))
        assert before[0] == after[0] and before[1].equals(after[1]) and before[2] == after[2]
        monkeypatch.undo()
        s.write([coded("d2", n=4)], "0.2.0")  # the connection is usable afterwards
        assert s.counts()["events"] == 7


def test_constraint_violation_rolls_back(url: str) -> None:
    bad = Outcome(doc=make_doc("d9"), rejected=None, status="weird", reason="")  # type: ignore[arg-type]
    with PostgresStore(url) as s:
        with pytest.raises(StoreError, match="nothing of this batch was written: .*check constraint"):
            s.write([coded("d1"), bad], "0.1.0")
        assert s.counts()["documents"] == 0
        s.write([coded("d1")], "0.1.0")
        assert s.counts()["documents"] == 1


def test_write_streams_through_copy(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    copies: list[str] = []
    real_copy = psycopg.Cursor.copy

    def spy_copy(self, statement, *a, **kw):  # type: ignore[no-untyped-def]
        copies.append(str(statement))
        return real_copy(self, statement, *a, **kw)

    def no_executemany(*a, **kw):  # type: ignore[no-untyped-def]
        raise AssertionError("row-by-row executemany")

    monkeypatch.setattr(psycopg.Cursor, "copy", spy_copy)
    monkeypatch.setattr(psycopg.Cursor, "executemany", no_executemany)
    with PostgresStore(url) as s:
        s.write([coded(f"d{i}", n=3) for i in range(50)], "0.1.0")
        assert s.counts()["events"] == 150
    assert [c.split()[1] for c in copies] == ["_batch_docs", "_batch_events"]
    assert all("FORMAT BINARY" in c for c in copies)


def test_bad_event_date_is_rejected_before_writing(url: str) -> None:
    with PostgresStore(url) as s:
        bad = Outcome(doc=make_doc("d1"), rejected=None, status="coded", reason="",
                      events=(make_event("d1", 0, date="March 5"),))
        with pytest.raises(StoreError, match="March 5"):
            s.write([coded("d0"), bad], "0.1.0")
        assert s.counts()["documents"] == 0


# -- concurrency ----------------------------------------------------------------------------


def test_busy_writer_and_waiting_writer(url: str) -> None:
    with PostgresStore(url) as a, PostgresStore(url, lock_timeout=0.3) as b:
        b.write([coded("d1", n=2)], "0.1.0")
        inside, release = threading.Event(), threading.Event()
        errors: list[BaseException] = []

        def slow(cur) -> None:  # writer A stops in the middle of its batch
            PostgresStore._replace_events(cur)
            inside.set()
            release.wait(10)

        def run_a() -> None:
            try:
                a.write([coded("d1", n=3)], "0.2.0")
            except BaseException as e:  # pragma: no cover - reported below
                errors.append(e)

        a._replace_events = slow  # type: ignore[method-assign]
        t = threading.Thread(target=run_a)
        t.start()
        try:
            assert inside.wait(10)
            t0 = time.monotonic()
            with pytest.raises(StoreError) as err:
                b.write([coded("d2")], "0.1.0")
            assert time.monotonic() - t0 < 2.5
            msg = str(err.value)
            assert "is busy" in msg and f"server pid {a._require().info.backend_pid}" in msg
            assert "waited 0.3s" in msg and "--lock-timeout" in msg and "\n" not in msg
            assert not shows_password(msg)
            # readers never wait and see only committed data
            assert b.counts() == {"documents": 1, "coded": 1, "skipped": 0, "failed": 0, "events": 2}
            # a patient writer waits for A's batch, then writes on top of it
            b.lock_timeout = 20
            threading.Timer(0.5, release.set).start()
            b.write([coded("d1", n=1), coded("d2")], "0.3.0")
        finally:
            release.set()
            t.join(20)
        assert not errors
        assert b.counts()["events"] == 3 and b.events(doc_id="d1").num_rows == 1
        assert b.document_states(["d1"])["d1"][2] == "0.3.0"


def test_concurrent_writers_stay_consistent(url: str) -> None:
    PostgresStore(url).close()
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            with PostgresStore(url) as s:
                for round_ in range(6):  # overlapping doc ids, different event counts
                    s.write([coded(f"d{i}", n=(n + round_ + i) % 4) for i in range(20)], f"w{n}")
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    with PostgresStore(url, read_only=True) as s:
        docs = {r["id"]: r["n_events"] for r in s.documents().to_pylist()}
        per_doc = {}
        for r in s.events(include_all=True).to_pylist():
            per_doc[r["doc_id"]] = per_doc.get(r["doc_id"], 0) + 1
    assert len(docs) == 20
    assert all(per_doc.get(d, 0) == n for d, n in docs.items())  # no stale or missing events


# -- connection failures: one actionable line, never the password -----------------------------


def free_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return str(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({"host": "127.0.0.1", "port": "<free>"}, "connection refused; is the server running"),
        ({"password": "not-the-Pa55word"}, "authentication failed for user"),
        ({"dbname": "sanderling_no_such_db"}, "database sanderling_no_such_db does not exist"),
    ],
    ids=["refused", "auth", "missing-db"],
)
def test_connection_errors(override: dict[str, str], expected: str) -> None:
    override = {k: free_port() if v == "<free>" else v for k, v in override.items()}
    bad = make_url(**override)
    t0 = time.monotonic()
    with pytest.raises(StoreError) as err:
        open_store(bad, lock_timeout=1)
    assert time.monotonic() - t0 < 5
    msg = str(err.value)
    assert msg.startswith("cannot connect to postgresql://") and expected in msg, msg
    assert "\n" not in msg
    assert not shows_password(msg) and not shows_password(msg, override.get("password"))
    assert err.value.__cause__ is None and err.value.__suppress_context__  # no driver traceback chained


def test_closed_store(url: str) -> None:
    s = PostgresStore(url)
    s.close()
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.counts()


def test_schema_matches_duckdb() -> None:
    assert [n for n, _, _ in postgres_store._EVENT_COLS] == [n for n, _, _ in postgres_store.EVENT_COLUMNS]
    assert postgres_store.EVENTS_SCHEMA.names == list(postgres_store.PLOVER_FIELDS)


# -- the CLI: `code` then `events` give the same events as with a DuckDB file -------------------

STORIES = [
    {"id": "s-1", "text": "Kenyan police arrested 40 protesters in Nairobi on Tuesday after a week of "
     "demonstrations over tax rises.", "date": "2024-06-28", "url": "https://n.example/1"},
    {"id": "s-2", "text": "Turkish warplanes bombed Kurdish militant positions in northern Iraq overnight, "
     "the defence ministry in Ankara said.", "date": "2024-06-29"},
    {"id": "s-3", "text": "Japan and South Korea urged the United States to resume talks with North Korea, "
     "while Iran condemned the sanctions.", "date": "2024-07-01"},
]


@pytest.fixture()
def wired_cli():  # type: ignore[no-untyped-def]
    """The CLI entry point (it opens databases with open_store, so postgresql:// URLs go to PostgreSQL)."""
    return cli.main


def test_cli_round_trip(wired_cli, url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "stories.jsonl"
    src.write_text("".join(json.dumps(s) + "\n" for s in STORIES) + "{broken\n")
    duck = str(tmp_path / "events.duckdb")
    runner = CliRunner()

    def run(*args: str):  # type: ignore[no-untyped-def]
        res = runner.invoke(wired_cli, list(args), catch_exceptions=False)
        assert res.exit_code == 0, res.output
        return res

    out = {}
    for db in (duck, url):
        coded_ = run("code", str(src), "--db", db, "--quiet", "--workers", "1")
        assert "3 coded" in coded_.stderr and "1 failed" in coded_.stderr
        assert not shows_password(coded_.output), "cli.py must print display_db(db), not the URL with its password"
        out[db] = [json.loads(line) for line in run("events", "--db", db, "--format", "jsonl").stdout.splitlines()]
        out[db, "docs"] = [{k: v for k, v in json.loads(line).items() if k != "coded_at"}
                           for line in run("docs", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert out[url] == out[duck] and len(out[duck]) >= 3
    assert out[url, "docs"] == out[duck, "docs"] and len(out[duck, "docs"]) == 4
    again = run("code", str(src), "--db", url, "--quiet", "--workers", "1")
    assert "3 unchanged" in again.stderr


def test_cli_connection_failure_is_one_line(wired_cli) -> None:  # type: ignore[no-untyped-def]
    bad = make_url(password="not-the-Pa55word")
    res = CliRunner().invoke(wired_cli, ["events", "--db", bad], catch_exceptions=False)
    assert res.exit_code == 1
    assert res.stderr.startswith("error: cannot connect to postgresql://") and res.stderr.count("\n") == 1
    assert "authentication failed" in res.stderr and "not-the-Pa55word" not in res.output
