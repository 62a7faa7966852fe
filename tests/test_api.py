"""The REST API in-process (FastAPI TestClient): filters, pagination, exports, canonical events, auth."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanderling.analysis import build_canonical
from sanderling.api import create_app
from sanderling.model import Document, Entity, Event, Outcome, Rejected, event_id
from sanderling.store import Store

TOKEN = "test-token-0123456789abcdef"
QUAD = {"ASSAULT": 4, "ACCUSE": 3, "CONSULT": 1, "AID": 2}


def ent(code: str) -> Entity:
    return Entity(entity_text=code, code=code, sector="GOV", start=0, end=len(code))


def ev(doc: str, n: int, etype: str, actor: str, recipient: str, day: str | None, *, negated: bool = False,
       confidence: float = 0.8) -> Event:
    return Event(
        id=event_id(doc, n * 100, n * 100 + 3, etype), doc_id=doc, event=etype, mode="", context=("military",),
        actor=(ent(actor),), recipient=(ent(recipient),) if recipient else (), event_text="hit",
        event_start=n * 100 + 3, event_end=n * 100 + 6, text=f"{actor} {etype.lower()} {recipient} ({doc}, {n}).",
        text_start=n * 100, text_end=n * 100 + 30, date=day, pub_date=day, url=f"https://news.example/{doc}",
        event_loc=None, negated=negated, hypothetical=False, future=False, historical=False, confidence=confidence,
        cameo="190", goldstein=-10.0 if QUAD[etype] == 4 else 1.0, quad_code=QUAD[etype], plover_score=-9.0,
        coder="sanderling", coder_version="test")


def make_db(path: Path) -> str:
    """30 events in 10 documents over 5 days (and two undated), one negated; a skipped document."""
    outcomes = []
    for i in range(10):
        doc = f"doc-{i:02d}"
        day = f"2024-03-0{1 + i // 2}"
        evs = [ev(doc, 0, "ASSAULT", "RUS", "UKR", day, confidence=0.5 + i / 40),
               ev(doc, 1, "ACCUSE", "UKR", "RUS", day),
               ev(doc, 2, "CONSULT" if i % 2 else "AID", "USA", "UKR", day if i < 8 else None, negated=i == 9)]
        d = Document(id=doc, text="text " * 20, url=f"https://news.example/{doc}", pub_date=day, language="en")
        outcomes.append(Outcome(doc=d, rejected=None, status="coded", reason="", events=tuple(evs)))
    outcomes.append(Outcome(None, Rejected(id="bad", status="skipped", reason="too short", origin="x"), "skipped",
                            "too short"))
    db = str(path / "events.duckdb")
    with Store(db) as store:
        store.write(outcomes, coder_version="test")
    return db


@pytest.fixture()
def db(tmp_path: Path) -> str:
    """A fresh database for tests that write or build canonical events."""
    return make_db(tmp_path)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One database for the read-only tests of this module (they never change it)."""
    return make_db(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(shared_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(shared_db)) as c:
        yield c


@pytest.fixture()
def writer(db: str, pipeline) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    app = create_app(db, token=TOKEN, max_body=100_000)
    app.state.server._pipeline = pipeline  # the session's coder: load spaCy once
    with TestClient(app) as c:
        yield c


def test_health_and_docs(client: TestClient) -> None:
    h = client.get("/api/health").json()
    assert h["status"] == "ok" and h["writable"] is False
    assert h["counts"] == {"documents": 11, "coded": 10, "skipped": 1, "failed": 0, "events": 30}
    assert h["canonical"] == {"built": False, "stale": True}
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events.csv", "/api/canonical/{canonical_id}", "/api/code"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_events_filters(client: TestClient, shared_db: str) -> None:
    r = client.get("/api/events").json()
    assert r["total"] == 29 and len(r["items"]) == 29  # the negated one is left out
    assert client.get("/api/events", params={"include_all": "true"}).json()["total"] == 30
    r = client.get("/api/events", params={"actor": "rus", "type": "assault", "since": "2024-03-02",
                                          "until": "2024-03-03"}).json()
    assert r["total"] == 4 and {x["doc_id"] for x in r["items"]} == {"doc-02", "doc-03", "doc-04", "doc-05"}
    assert all(x["event"] == "ASSAULT" and x["actor"][0]["code"] == "RUS" for x in r["items"])
    assert client.get("/api/events", params={"recipient": "UKR", "actor": "USA"}).json()["total"] == 9
    assert client.get("/api/events", params={"min_confidence": 0.7, "type": "ASSAULT"}).json()["total"] == 2
    # injection attempts are just values
    assert client.get("/api/events", params={"actor": "RUS' OR 1=1 --"}).json()["total"] == 0
    # the records are PLOVER records, as the store and the CLI give them
    with Store(shared_db, read_only=True) as store:
        expected = store.events(actor="RUS").to_pylist()
    assert client.get("/api/events", params={"actor": "RUS"}).json()["items"] == expected


@pytest.mark.parametrize("params, fragment", [
    ({"since": "2024-13-01"}, "since='2024-13-01' is not a date"),
    ({"until": "yesterday"}, "until='yesterday' is not a date"),
    ({"since": "2024-03-05", "until": "2024-03-01"}, "after"),
    ({"limit": 1001}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"min_confidence": 2}, "min_confidence"),
    ({"type": "bombing"}, "not a PLOVER event type"),
    ({"include_all": "maybe"}, "include_all"),
])
def test_bad_parameters_are_clear_422s(client: TestClient, params: dict, fragment: str) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert fragment in r.json()["detail"]


def test_pagination_walks_every_row_once_in_store_order(client: TestClient, shared_db: str) -> None:
    with Store(shared_db, read_only=True) as store:
        expected = [r["id"] for r in store.events(include_all=True).to_pylist()]
    assert len(expected) == 30
    for size in (1, 4, 7, 30):
        seen = []
        offset = 0
        while True:
            r = client.get("/api/events", params={"limit": size, "offset": offset, "include_all": True}).json()
            assert r["total"] == 30 and r["limit"] == size and r["offset"] == offset
            if not r["items"]:
                break
            seen.extend(x["id"] for x in r["items"])
            offset += size
        assert seen == expected, size  # undated events come last, as in the store
    assert client.get("/api/events", params={"offset": 1000}).json() == {"total": 29, "limit": 100,
                                                                       "offset": 1000, "items": []}


def test_csv_and_jsonl_exports(client: TestClient) -> None:
    r = client.get("/api/events.csv", params={"actor": "UKR"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert len(table) == 10 and table[0]["event"] == "ACCUSE"
    assert json.loads(table[0]["actor"])[0]["code"] == "UKR"  # nested fields as JSON
    assert [x["date"] for x in table] == sorted(x["date"] for x in table)
    r = client.get("/api/events.jsonl", params={"type": "ASSAULT", "until": "2024-03-02"})
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert len(lines) == 4 and all(x["event"] == "ASSAULT" for x in lines)
    api = client.get("/api/events", params={"type": "ASSAULT", "until": "2024-03-02"}).json()["items"]
    assert lines == api
    empty = client.get("/api/events.csv", params={"actor": "XXX"})
    assert empty.status_code == 200 and empty.text.startswith('"id","doc_id"') and len(empty.text.splitlines()) == 1
    assert client.get("/api/events.csv", params={"since": "2024-02-31"}).status_code == 422


def test_documents(client: TestClient) -> None:
    r = client.get("/api/documents", params={"status": "skipped"}).json()
    assert r["total"] == 1 and r["items"][0]["reason"] == "too short" and "text" not in r["items"][0]
    r = client.get("/api/documents", params={"limit": 3, "offset": 9}).json()
    assert r["total"] == 11 and len(r["items"]) == 2
    assert client.get("/api/documents", params={"status": "lost"}).status_code == 422


def test_canonical_endpoints(db: str) -> None:
    with TestClient(create_app(db)) as c:  # not built yet: a clear 409
        r = c.get("/api/canonical")
        assert r.status_code == 409 and "sanderling canonical" in r.json()["detail"]
        assert c.get("/api/trends", params={"actor": "RUS"}).status_code == 409
        assert c.get("/api/trends", params={"actor": "RUS", "canonical": False}).status_code == 200
    with Store(db) as store:
        build_canonical(store)
    with TestClient(create_app(db)) as c:
        r = c.get("/api/canonical", params={"actor": "RUS", "type": "ASSAULT"}).json()
        # daily reports of RUS->UKR strikes on 5 days: the window (3 days) makes two canonical events
        assert r["total"] == 2
        first = r["items"][0]
        assert (first["date_first"], first["date_last"], first["n_mentions"]) == ("2024-03-01", "2024-03-04", 8)
        assert first["actor_codes"] == ["RUS"] and first["recipient_codes"] == ["UKR"]
        one = c.get(f"/api/canonical/{first['canonical_id']}").json()
        assert one["n_mentions"] == len(one["mentions"]) == 8
        assert {m["doc_id"] for m in one["mentions"]} == {f"doc-0{i}" for i in range(8)}
        assert one["sample_event_id"] in {m["id"] for m in one["mentions"]}
        assert c.get("/api/canonical/" + "0" * 24).status_code == 404
        assert c.get("/api/canonical/nonsense").status_code == 404
        page = c.get("/api/canonical", params={"limit": 2, "offset": 1}).json()
        everything = c.get("/api/canonical").json()
        assert page["items"] == everything["items"][1:3]
        # ASSAULT and ACCUSE: 8 + 2 mentions each; AID: 4 + an undated one; CONSULT: 4
        assert everything["total"] == 7
        assert c.get("/api/canonical", params={"min_mentions": 4}).json()["total"] == 4
        assert c.get("/api/canonical", params={"since": "2024-03-04"}).json()["total"] == 6  # overlapping the date
        t = c.get("/api/trends", params={"actor": "RUS", "vs": "UKR", "freq": "day"}).json()
        assert [x["total"] for x in t["items"]] == [1, 0, 0, 0, 1] and t["items"][0]["material_conflict"] == 1
        t = c.get("/api/trends", params={"actor": "RUS", "vs": "UKR", "canonical": False,
                                         "since": "2024-03-01", "until": "2024-03-31", "freq": "month"}).json()
        assert t["items"][0]["total"] == 10 and t["items"][0]["news_volume"] == 10
        assert c.get("/api/trends", params={"actor": "RUS", "freq": "hour"}).status_code == 422
        assert c.get("/api/trends", params={"actor": "RUS", "since": "03/01/2024"}).status_code == 422
        assert c.get("/api/trends").status_code == 422
        d = c.get("/api/dyads", params={"limit": 2}).json()["items"]
        # canonical: USA->UKR 3 (AID 2, CONSULT 1), RUS->UKR 2, UKR->RUS 2 (ties by code)
        assert [(x["actor"], x["recipient"], x["total"]) for x in d] == [("USA", "UKR", 3), ("RUS", "UKR", 2)]
        d = c.get("/api/dyads", params={"canonical": False, "actor": "USA"}).json()["items"]
        assert d[0]["total"] == 9
        assert c.get("/api/dyads", params={"limit": 5000}).status_code == 422


def test_writes_need_the_token(client: TestClient) -> None:
    r = client.post("/api/code", json={"text": "Iran condemned the strike.", "store": True})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    assert client.post("/api/canonical/rebuild").status_code == 403


def test_token_writes(writer: TestClient) -> None:
    text = "The United States demanded that North Korea halt its missile tests on Monday."
    assert writer.post("/api/code", json={"text": text, "store": True}).status_code == 401
    r = writer.post("/api/code", json={"text": text, "store": True}, headers={"Authorization": "Bearer nope"})
    assert r.status_code == 403
    r = writer.post("/api/code", json={"text": text, "store": True}, headers={"Authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401
    # coding without storing is not a write
    r = writer.post("/api/code", json={"text": text, "pub_date": "2024-07-03"})
    assert r.status_code == 200 and r.json()["stored"] is False
    (e,) = r.json()["events"]
    assert (e["event"], e["actor"][0]["code"], e["recipient"][0]["code"]) == ("REQUEST", "USA", "PRK")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writer.post("/api/code", json={"text": text, "store": True, "pub_date": "2024-07-03",
                                       "url": "https://x.example/1", "id": "api-1"}, headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["stored"] is True and r.json()["doc_id"] == "api-1" and r.json()["status"] == "coded"
    got = writer.get("/api/events", params={"actor": "USA", "recipient": "PRK"}).json()
    assert got["total"] == 1 and got["items"][0]["doc_id"] == "api-1" and got["items"][0]["date"] == "2024-07-01"
    r = writer.post("/api/canonical/rebuild", headers=auth)
    assert r.status_code == 200 and r.json()["canonical"] > 0
    assert writer.get("/api/canonical", params={"actor": "USA", "type": "REQUEST"}).json()["total"] == 1
    assert writer.get("/api/health").json()["canonical"]["stale"] is False


def test_request_validation_and_body_limit(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writer.post("/api/code", content=json.dumps({"text": "x" * 200_000}), headers=auth)
    assert r.status_code == 413 and "larger than" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 10_000
        yield b'"}'

    r = writer.post("/api/code", content=chunks(), headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 413
    assert writer.post("/api/code", json={"text": ""}).status_code == 422
    assert writer.post("/api/code", json={"store": True}).status_code == 422
    r = writer.post("/api/code", json={"text": "Iran condemned it.", "pub_date": "2024-02-30"})
    assert r.status_code == 422 and "pub_date" in r.json()["detail"]


def test_serve_refuses_what_it_cannot_serve(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sanderling.cli import main
    from sanderling.errors import StoreError

    res = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 1 and "no database" in res.output
    assert not (tmp_path / "missing.duckdb").exists()
    with pytest.raises(StoreError, match="DuckDB files only"):
        create_app("postgresql://user@localhost/events", token=TOKEN)
    res = CliRunner().invoke(main, ["serve", "--db", str(tmp_path), "--port", "0"])
    assert res.exit_code == 2
