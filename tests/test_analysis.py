"""Canonical events and dyad trends on hand-built multi-article stores (no NLP)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import numpy as np
import pytest
from click.testing import CliRunner

from sanderling.analysis import (
    AnalysisError,
    build_canonical,
    canonical_id,
    canonical_status,
    dyad_series,
    robust_z,
    top_dyads,
)
from sanderling.cli import main
from sanderling.model import Document, Entity, Event, Location, Outcome, event_id
from sanderling.store import Store

KHARKIV = (49.99, 36.23)
ODESA = (46.48, 30.72)
QUAD = {"ASSAULT": 4, "ACCUSE": 3, "CONSULT": 1, "COOPERATE": 2, "AID": 2, "PROTEST": 4, "SANCTION": 4}
GOLDSTEIN = {"ASSAULT": -10.0, "ACCUSE": -2.0, "CONSULT": 1.0, "COOPERATE": 6.0, "AID": 7.0, "PROTEST": -6.5,
             "SANCTION": -4.0}


def ent(code: str, sector: str = "GOV") -> Entity:
    return Entity(entity_text=code, code=code, sector=sector, start=0, end=len(code))


def ev(doc: str, n: int, etype: str, actors: list[str], recipients: list[str], day: str, text: str, *,
       loc: tuple[str, tuple[float, float] | None] | None = None, happened: bool = True,
       confidence: float = 0.8) -> Event:
    country, coords = loc if loc else (None, None)
    return Event(
        id=event_id(doc, n * 100, n * 100 + 3, etype), doc_id=doc, event=etype, mode="", context=(),
        actor=tuple(ent(a) for a in actors), recipient=tuple(ent(r) for r in recipients),
        event_text="x", event_start=n * 100 + 3, event_end=n * 100 + 4, text=text, text_start=n * 100,
        text_end=n * 100 + len(text), date=day, pub_date=day, url=f"https://{doc}.example/story",
        event_loc=Location(country=country, text="there", lat=coords[0] if coords else None,
                           lon=coords[1] if coords else None) if country else None,
        negated=not happened, hypothetical=False, future=False, historical=False, confidence=confidence,
        cameo="190", goldstein=GOLDSTEIN.get(etype, 0.0), quad_code=QUAD.get(etype, 1),
        plover_score=-9.0 if QUAD.get(etype, 1) >= 3 else 2.5, coder="sanderling", coder_version="test")


def outcome(doc: str, events: list[Event], pub_date: str = "2024-03-04") -> Outcome:
    d = Document(id=doc, text="article text " * 5, url=f"https://{doc}.example/story", pub_date=pub_date,
                 language="en")
    return Outcome(doc=d, rejected=None, status="coded", reason="", events=tuple(events))


def write(path: Path, outcomes: list[Outcome]) -> str:
    db = str(path / "events.duckdb")
    with Store(db) as store:
        store.write(outcomes, coder_version="test")
    return db


def rows(db: str | Store, sql: str, params: list | None = None) -> list[tuple]:
    """Query a closed database file (opened read-only here) or an open Store."""
    if isinstance(db, Store):
        return db._conn.execute(sql, params).fetchall()  # noqa: SLF001 - test inspection
    with Store(db, read_only=True) as store:
        return rows(store, sql, params)


def canonical_of(db: str | Store) -> dict[str, str]:
    return dict(rows(db, "SELECT event_id, canonical_id FROM event_canonical"))


@pytest.fixture()
def war(tmp_path: Path) -> tuple[str, dict[str, Event]]:
    """Three outlets report one Russian strike on Kharkiv on consecutive days, plus look-alikes."""
    e = {
        "a": ev("outlet-a", 0, "ASSAULT", ["RUS"], ["UKR"], "2024-03-04",
                "Russian missiles struck Kharkiv overnight, killing five people.", loc=("UKR", KHARKIV)),
        "b": ev("outlet-b", 0, "ASSAULT", ["RUS"], ["UKR"], "2024-03-05",
                "Kharkiv counts its dead after a Russian missile strike on the city.", loc=("UKR", KHARKIV)),
        "c": ev("outlet-c", 0, "ASSAULT", ["RUS", "BLR"], ["UKR"], "2024-03-06",
                "Officials in Kyiv said the attack on Kharkiv used Iskander missiles.", loc=None),
        # the same day: a strike on Odesa, 400 km away -> another event
        "odesa": ev("outlet-a", 1, "ASSAULT", ["RUS"], ["UKR"], "2024-03-04",
                    "Drones hit the port of Odesa.", loc=("UKR", ODESA)),
        # a week later: another strike
        "later": ev("outlet-d", 0, "ASSAULT", ["RUS"], ["UKR"], "2024-03-12",
                    "Russian missiles struck Kharkiv again.", loc=("UKR", KHARKIV)),
        # same dyad, same day, different type
        "accuse": ev("outlet-a", 2, "ACCUSE", ["RUS"], ["UKR"], "2024-03-04",
                     "Moscow accused Kyiv of shelling Belgorod."),
        # opposite direction
        "back": ev("outlet-b", 1, "ASSAULT", ["UKR"], ["RUS"], "2024-03-05",
                   "Ukrainian drones struck a refinery in Russia."),
        # a strike located in another country
        "belgorod": ev("outlet-c", 1, "ASSAULT", ["RUS"], ["UKR"], "2024-03-05",
                       "Shelling hit Belgorod.", loc=("RUS", None)),
        # a negated report never counts
        "denied": ev("outlet-d", 1, "ASSAULT", ["RUS"], ["UKR"], "2024-03-04",
                     "Russia denied striking Kharkiv.", happened=False),
    }
    docs: dict[str, list[Event]] = {}
    for x in e.values():
        docs.setdefault(x.doc_id, []).append(x)
    db = write(tmp_path, [outcome(d, evs) for d, evs in docs.items()])
    return db, e


def test_three_outlets_one_strike_others_separate(war: tuple[str, dict[str, Event]]) -> None:
    db, e = war
    with Store(db) as store:
        n = build_canonical(store)
    cmap = canonical_of(db)
    assert e["denied"].id not in cmap  # only events that happened
    assert len(cmap) == 8
    strike = cmap[e["a"].id]
    assert cmap[e["b"].id] == strike and cmap[e["c"].id] == strike
    others = {k: cmap[e[k].id] for k in ("odesa", "later", "accuse", "back", "belgorod")}
    assert strike not in others.values() and len(set(others.values())) == 5
    assert n == 6
    (row,) = rows(db, "SELECT event, date_first, date_last, actor_codes, recipient_codes, country, n_mentions, "
                      "n_documents, quad_code, goldstein, sample_event_id FROM canonical_events "
                      "WHERE canonical_id = $1", [strike])
    assert row[0] == "ASSAULT" and str(row[1]) == "2024-03-04" and str(row[2]) == "2024-03-06"
    assert row[3] == ["BLR", "RUS"] and row[4] == ["UKR"] and row[5] == "UKR"
    assert row[6:9] == (3, 3, 4) and row[9] == pytest.approx(-10.0)
    assert row[10] in {e["a"].id, e["b"].id, e["c"].id}
    # the id is the hash of the first mention's event id
    assert strike == canonical_id(e["a"].id) == hashlib.sha256(e["a"].id.encode()).hexdigest()[:24]


def test_rebuild_is_idempotent_and_status_tracks_changes(war: tuple[str, dict[str, Event]], tmp_path: Path) -> None:
    db, e = war
    with Store(db) as store:
        build_canonical(store)
        conn = store._conn  # noqa: SLF001
        first = conn.execute("SELECT * FROM canonical_events ORDER BY canonical_id").fetchall()
        links = conn.execute("SELECT * FROM event_canonical ORDER BY event_id").fetchall()
        assert canonical_status(store)["stale"] is False
        build_canonical(store)
        assert conn.execute("SELECT * FROM canonical_events ORDER BY canonical_id").fetchall() == first
        assert conn.execute("SELECT * FROM event_canonical ORDER BY event_id").fetchall() == links
        # a new report arrives: status says stale until the next build
        store.write([outcome("outlet-e", [ev("outlet-e", 0, "ASSAULT", ["RUS"], ["UKR"], "2024-03-05",
                                             "Kharkiv was hit by missiles.", loc=("UKR", KHARKIV))])], "test")
        assert canonical_status(store)["stale"] is True
        build_canonical(store)
        status = canonical_status(store)
        assert status["stale"] is False and status["window"] == 3
        strike = canonical_id(e["a"].id)
        n = conn.execute("SELECT n_mentions FROM canonical_events WHERE canonical_id = $1", [strike]).fetchall()
        assert n == [(4,)]


def test_window_anchors_on_the_first_report_so_daily_events_do_not_chain(tmp_path: Path) -> None:
    days = [f"2024-05-0{d}" for d in range(1, 9)]  # a report every day for 8 days
    outs = [outcome(f"d{i}", [ev(f"d{i}", 0, "PROTEST", ["KEN"], ["KEN"], day, f"Protesters marched in Nairobi {i}.")])
            for i, day in enumerate(days)]
    db = write(tmp_path, outs)
    with Store(db) as store:
        assert build_canonical(store) == 2
        assert build_canonical(store, window=0) == 8
        assert build_canonical(store, window=10) == 1
    with Store(db) as store:
        build_canonical(store)
    spans = rows(db, "SELECT date_first, date_last, n_mentions FROM canonical_events ORDER BY date_first")
    assert [(str(a), str(b), n) for a, b, n in spans] == [("2024-05-01", "2024-05-04", 4),
                                                         ("2024-05-05", "2024-05-08", 4)]


def test_direction_matters_except_for_meetings_and_cooperation(tmp_path: Path) -> None:
    e = {
        "us_cn": ev("p1", 0, "CONSULT", ["USA"], ["CHN"], "2024-06-10", "Blinken met Wang Yi in Beijing."),
        "cn_us": ev("p2", 0, "CONSULT", ["CHN"], ["USA"], "2024-06-11", "Wang Yi met Blinken in Beijing."),
        "joint": ev("p3", 0, "CONSULT", ["USA", "CHN"], [], "2024-06-10", "The US and China held talks."),
        "us_jp": ev("p4", 0, "CONSULT", ["USA"], ["JPN"], "2024-06-10", "Blinken met Kamikawa in Tokyo."),
        "acc1": ev("p1", 1, "ACCUSE", ["USA"], ["CHN"], "2024-06-10", "Washington accused Beijing of hacking."),
        "acc2": ev("p2", 1, "ACCUSE", ["CHN"], ["USA"], "2024-06-10", "Beijing accused Washington of hacking."),
        "deal1": ev("p1", 2, "COOPERATE", ["USA"], ["CHN"], "2024-06-20", "The US signed a chip deal with China."),
        "deal2": ev("p2", 2, "COOPERATE", ["CHN"], ["USA"], "2024-06-21", "China signed a chip deal with the US."),
    }
    docs: dict[str, list[Event]] = {}
    for x in e.values():
        docs.setdefault(x.doc_id, []).append(x)
    db = write(tmp_path, [outcome(d, evs) for d, evs in docs.items()])
    with Store(db) as store:
        build_canonical(store)
    c = {k: canonical_of(db)[x.id] for k, x in e.items()}
    assert c["us_cn"] == c["cn_us"] == c["joint"]  # one meeting, however it is phrased
    assert c["us_jp"] != c["us_cn"]
    assert c["acc1"] != c["acc2"]  # accusations are directed
    (codes,) = rows(db, "SELECT actor_codes, recipient_codes, n_mentions FROM canonical_events "
                        "WHERE canonical_id = $1", [c["us_cn"]])
    assert codes[2] == 3 and set(codes[0]) | set(codes[1]) == {"USA", "CHN"}
    assert c["deal1"] == c["deal2"]
    (codes,) = rows(db, "SELECT actor_codes, recipient_codes FROM canonical_events WHERE canonical_id = $1",
                    [c["deal1"]])
    assert codes == (["USA"], ["CHN"])  # the reversed report is turned round to the first report's direction


def test_recipients_must_overlap_or_both_be_empty_and_empty_codes_never_match(tmp_path: Path) -> None:
    e = {
        "r1": ev("q1", 0, "SANCTION", ["USA"], ["IRN"], "2024-02-01", "Washington sanctioned Iran."),
        "r0": ev("q2", 0, "SANCTION", ["USA"], [], "2024-02-01", "Washington imposed new sanctions."),
        "r0b": ev("q3", 0, "SANCTION", ["USA"], [], "2024-02-02", "The US announced sanctions."),
        "anon1": ev("q1", 1, "PROTEST", [""], [], "2024-02-01", "Thousands protested."),
        "anon2": ev("q2", 1, "PROTEST", [""], [], "2024-02-01", "Thousands protested."),
    }
    docs: dict[str, list[Event]] = {}
    for x in e.values():
        docs.setdefault(x.doc_id, []).append(x)
    db = write(tmp_path, [outcome(d, evs) for d, evs in docs.items()])
    with Store(db) as store:
        build_canonical(store)
    c = {k: canonical_of(db)[x.id] for k, x in e.items()}
    assert c["r0"] == c["r0b"] != c["r1"]
    assert c["anon1"] != c["anon2"]


def test_sentence_similarity_breaks_ties_between_candidate_events(tmp_path: Path) -> None:
    e = {
        "fordow": ev("s1", 0, "ACCUSE", ["USA"], ["IRN"], "2024-04-01",
                     "The United States accused Iran of enriching uranium at Fordow."),
        "tanker": ev("s2", 0, "ACCUSE", ["GBR"], ["IRN"], "2024-04-02",
                     "Britain accused Iran of seizing the tanker Stena Impero in the Gulf."),
        "both": ev("s3", 0, "ACCUSE", ["USA", "GBR"], ["IRN"], "2024-04-03",
                   "The US and Britain accused Iran of seizing the tanker Stena Impero."),
    }
    db = write(tmp_path, [outcome(x.doc_id, [x]) for x in e.values()])
    with Store(db) as store:
        build_canonical(store)
        c = {k: canonical_of(store)[x.id] for k, x in e.items()}
        assert c["both"] == c["tanker"] != c["fordow"]  # the older Fordow event loses on similarity
        build_canonical(store, min_similarity=0.9)  # similarity as a hard rule: nobody merges
        c = {k: canonical_of(store)[x.id] for k, x in e.items()}
        assert len(set(c.values())) == 3


def test_build_refuses_bad_parameters_and_read_only(war: tuple[str, dict[str, Event]]) -> None:
    db, _ = war
    with Store(db) as store:
        with pytest.raises(AnalysisError, match="window"):
            build_canonical(store, window=-1)
        with pytest.raises(AnalysisError, match="min_similarity"):
            build_canonical(store, min_similarity=2)
    with Store(db, read_only=True) as store, pytest.raises(AnalysisError, match="read-only"):
        build_canonical(store)


def test_empty_store_builds_empty_tables(tmp_path: Path) -> None:
    db = str(tmp_path / "e.duckdb")
    with Store(db) as store:
        assert build_canonical(store) == 0
        assert top_dyads(store).num_rows == 0
        assert dyad_series(store, "USA").num_rows == 0


# -- trends ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dyads(tmp_path_factory: pytest.TempPathFactory) -> str:
    """PRK → USA over four weeks: two reports of one missile launch in week 2, a protest in week 3."""
    outs = [
        outcome("w1", [ev("w1", 0, "ACCUSE", ["PRK"], ["USA"], "2024-01-02", "Pyongyang accused Washington.")],
                "2024-01-02"),
        outcome("w2a", [ev("w2a", 0, "ASSAULT", ["PRK"], ["USA"], "2024-01-09", "North Korea fired a missile.")],
                "2024-01-09"),
        outcome("w2b", [ev("w2b", 0, "ASSAULT", ["PRK"], ["USA"], "2024-01-10", "The missile launch alarmed Tokyo.")],
                "2024-01-10"),
        outcome("w2c", [ev("w2c", 0, "CONSULT", ["USA"], ["PRK"], "2024-01-10", "US envoy met North Koreans.")],
                "2024-01-10"),
        outcome("w4", [ev("w4", 0, "COOPERATE", ["PRK"], ["USA"], "2024-01-24", "They agreed a trade deal."),
                       ev("w4", 1, "AID", ["PRK"], ["RUS"], "2024-01-24", "Pyongyang sent shells to Russia.")],
                "2024-01-24"),
        outcome("quiet1", [], "2024-01-16"),
        outcome("quiet2", [], "2024-01-17"),
    ]
    db = write(tmp_path_factory.mktemp("dyads"), outs)
    with Store(db) as store:
        build_canonical(store)
    return db


def test_weekly_series_counts_volume_index_and_gaps(dyads: str) -> None:
    with Store(dyads, read_only=True) as store:
        t = dyad_series(store, "PRK", "USA", freq="week", canonical=False)
        rows_ = t.to_pylist()
        assert [str(r["period"]) for r in rows_] == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"]
        assert [r["total"] for r in rows_] == [1, 2, 0, 1]  # week 3 has no events but is there
        assert [r["material_conflict"] for r in rows_] == [0, 2, 0, 0]
        assert [r["news_volume"] for r in rows_] == [1, 3, 2, 1]  # all coded documents, not only this dyad
        assert rows_[1]["per_1k"] == pytest.approx(1000 * 2 / 3)
        assert rows_[1]["goldstein_sum"] == pytest.approx(-20.0)
        assert rows_[1]["conflict_index"] == pytest.approx((2 - 0) / (2 + 0 + 1))
        assert rows_[3]["conflict_index"] == pytest.approx(-1 / 2)
        assert rows_[2]["conflict_index"] == 0.0
        # canonical: the two launch reports are one event
        c = dyad_series(store, "PRK", "USA", freq="week").to_pylist()
        assert [r["total"] for r in c] == [1, 1, 0, 1]
        both = dyad_series(store, "PRK", "USA", canonical=False, both_directions=True).to_pylist()
        assert [r["total"] for r in both] == [1, 3, 0, 1]
        anyone = dyad_series(store, "PRK", canonical=False, freq="month").to_pylist()
        assert len(anyone) == 1 and anyone[0]["total"] == 5 and anyone[0]["material_coop"] == 2
        # since/until fix the range, even beyond the data
        ranged = dyad_series(store, "PRK", "USA", since="2023-12-25", until="2024-02-05", canonical=False)
        assert ranged.num_rows == 7 and ranged.column("total").to_pylist()[0] == 0
        days = dyad_series(store, "PRK", "USA", since="2024-01-09", until="2024-01-10", freq="day", canonical=False)
        assert days.column("total").to_pylist() == [1, 1]


def test_series_rejects_bad_input(dyads: str, tmp_path: Path) -> None:
    with Store(dyads, read_only=True) as store:
        with pytest.raises(AnalysisError, match="freq"):
            dyad_series(store, "PRK", freq="year")
        with pytest.raises(AnalysisError, match="since"):
            dyad_series(store, "PRK", since="2024-02-30")
        with pytest.raises(AnalysisError, match="actor"):
            dyad_series(store, "P'); DROP TABLE events; --")
        with pytest.raises(AnalysisError, match="after"):
            dyad_series(store, "PRK", since="2024-02-01", until="2024-01-01")
    db = str(tmp_path / "fresh.duckdb")
    with Store(db) as store, pytest.raises(AnalysisError, match="sanderling canonical"):
        dyad_series(store, "PRK")


def test_robust_z_flags_bursts_not_noise() -> None:
    z = robust_z(np.array([2, 3, 2, 3, 2, 2, 3, 2, 15]))
    assert np.isnan(z[:4]).all() and z[-1] > 3.5
    assert not (robust_z(np.array([0] * 8 + [1])) > 3.5).any()  # one event after silence is not a spike
    assert robust_z(np.array([0] * 8 + [5]))[-1] == pytest.approx(5.0)
    noisy = robust_z(np.array([7, 8, 7, 8, 7, 8, 7, 8, 11]))  # Poisson floor: 11 vs ~7.5 is noise
    assert noisy[-1] < 3.5
    assert len(robust_z(np.array([]))) == 0


def test_top_dyads_canonical_and_mentions(dyads: str) -> None:
    with Store(dyads, read_only=True) as store:
        t = top_dyads(store, limit=10).to_pylist()
        assert (t[0]["actor"], t[0]["recipient"], t[0]["total"]) == ("PRK", "USA", 3)
        assert {(r["actor"], r["recipient"]) for r in t} == {("PRK", "USA"), ("USA", "PRK"), ("PRK", "RUS")}
        m = top_dyads(store, limit=1, canonical=False).to_pylist()
        assert m[0]["total"] == 4 and m[0]["material_conflict"] == 2
        assert m[0]["conflict_index"] == pytest.approx((3 - 1) / (3 + 1 + 1))
        assert top_dyads(store, since="2024-01-20", limit=5).column("total").to_pylist() == [1, 1]
        assert top_dyads(store, actor="USA").column("recipient").to_pylist() == ["PRK"]
        assert top_dyads(store, event_type="aid").column("recipient").to_pylist() == ["RUS"]
        with pytest.raises(AnalysisError, match="limit"):
            top_dyads(store, limit=0)


# -- CLI ---------------------------------------------------------------------------------------


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_canonical_and_trend(war: tuple[str, dict[str, Event]], tmp_path: Path) -> None:
    db, _ = war
    res = run("trend", "--db", db, "--actor", "RUS", "--vs", "UKR")
    assert res.exit_code == 1 and "sanderling canonical --db" in res.output
    res = run("canonical", "--db", db)
    assert res.exit_code == 0, res.output
    assert "8 events that happened → 6 canonical events (1 reported more than once, at most 3 mentions)" in res.output
    res = run("trend", "--db", db, "--actor", "RUS", "--vs", "UKR", "--freq", "day")
    assert res.exit_code == 0, res.output
    assert "2024-03-04" in res.output and "RUS → UKR" in res.output
    res = run("trend", "--db", db, "--actor", "rus", "--vs", "ukr", "--format", "jsonl", "--mentions")
    lines = [json.loads(x) for x in res.output.splitlines()]
    # mentions: 3 Kharkiv reports, Odesa, Belgorod, the accusation; the next week's strike
    assert [x["total"] for x in lines] == [6, 1]
    res = run("trend", "--db", db, "--actor", "RUS", "--format", "csv", "--since", "2024-03-01", "--until",
              "2024-03-31", "--freq", "month")
    assert res.output.splitlines()[0].startswith('"period","verbal_coop"')
    png = tmp_path / "t.png"
    res = run("trend", "--db", db, "--actor", "RUS", "--vs", "UKR", "--freq", "day", "--plot", str(png))
    assert res.exit_code == 0 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_errors(tmp_path: Path) -> None:
    res = run("trend", "--db", str(tmp_path / "none.duckdb"), "--actor", "RUS", "--since", "2024-13-01")
    assert res.exit_code == 2 and "--since" in res.output
    res = run("trend", "--db", str(tmp_path / "none.duckdb"), "--actor", "RUS")
    assert res.exit_code == 1 and "no database" in res.output
    res = run("canonical", "--db", str(tmp_path / "none.duckdb"))
    assert res.exit_code == 1 and "no database" in res.output
    assert not (tmp_path / "none.duckdb").exists()
    res = run("canonical", "--db", str(tmp_path / "none.duckdb"), "--window", "-1")
    assert res.exit_code == 2


def test_derived_tables_do_not_break_the_store(war: tuple[str, dict[str, Event]]) -> None:
    db, e = war
    with Store(db) as store:
        build_canonical(store)
        store.write([outcome("outlet-a", [e["a"]])], "test")  # re-coding still works
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == 7
    con = duckdb.connect(db, read_only=True)
    try:
        names = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    finally:
        con.close()
    assert {"canonical_events", "event_canonical", "canonical_meta", "canonical_dyads"} <= names
