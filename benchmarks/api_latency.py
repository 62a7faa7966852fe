"""API latency on a large synthetic store: generate events, build canonical events, time the endpoints.

    python benchmarks/api_latency.py                      # 1,000,000 events, 200 requests per endpoint
    python benchmarks/api_latency.py --events 100000 --requests 50 --keep /tmp/bench.duckdb

Steps: (1) write N synthetic events straight into a fresh DuckDB file through Arrow (the ``events``
and ``documents`` tables of ``sanderling.store``, no NLP): ~500k real-world events over 5 years
(2020–2024), 16 PLOVER types with ICEWS-like frequencies, actors and recipients drawn from ~200
codes with Zipf-like weights (USA, CHN, RUS, UKR ... first), 15 % without a recipient, 10 % with two
actors, each real event reported by 1–6 mentions (geometric, mean ~1.8) on the day and up to 2 days
later in different documents (~4 events per document), 8 % negated/hypothetical/future, 60 % with a
location country; (2) ``build_canonical`` (timed, 2 runs); (3) the FastAPI app in-process
(``TestClient``, so the figures include the ASGI stack but no network) and ``--requests`` random
requests per endpoint with filters and pagination, in round robin; p50/p95/max wall time and p50/p95
CPU time per request in ms. Prints JSON and, with
``--results``, appends a section to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sanderling.store import Store
from sanderling.store.duckdb_store import DOCUMENT_COLUMNS, EVENT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
START = date(2020, 1, 1)
DAYS = 5 * 365 + 1
TOP = ["USA", "CHN", "RUS", "UKR", "ISR", "PSE", "IRN", "GBR", "FRA", "DEU", "IND", "PAK", "TUR", "PRK", "KOR",
       "JPN", "SYR", "IRQ", "AFG", "SAU", "EGY", "NGA", "ZAF", "BRA", "MEX", "VEN", "UNO", "EUR", "IGO", "NGO"]
# type, share, quad class, PLOVER score, CAMEO root, Goldstein of that root
TYPES = [("CONSULT", 0.22, 1, 2.5, "040", 1.0), ("ACCUSE", 0.12, 3, -3.0, "112", -2.0),
         ("REQUEST", 0.08, 3, 0.0, "100", -5.0), ("SUPPORT", 0.08, 1, 5.0, "051", 3.4),
         ("AGREE", 0.07, 1, 2.5, "030", 4.0), ("COOPERATE", 0.05, 2, 9.5, "060", 6.0),
         ("AID", 0.04, 2, 10.0, "070", 7.0), ("ASSAULT", 0.10, 4, -9.0, "190", -10.0),
         ("COERCE", 0.06, 4, -7.0, "170", -7.0), ("PROTEST", 0.05, 4, -5.0, "140", -6.5),
         ("THREATEN", 0.04, 3, -3.5, "130", -4.4), ("REJECT", 0.03, 3, -2.0, "120", -4.0),
         ("SANCTION", 0.03, 4, -6.0, "160", -4.0), ("MOBILIZE", 0.02, 4, -5.5, "150", -7.2),
         ("RETREAT", 0.005, 2, 6.5, "084", 7.0), ("CONCEDE", 0.005, 1, 4.5, "081", 5.0)]
VERBS = {"CONSULT": "met", "ACCUSE": "accused", "REQUEST": "urged", "SUPPORT": "praised", "AGREE": "agreed with",
         "COOPERATE": "signed a deal with", "AID": "sent aid to", "ASSAULT": "attacked", "COERCE": "arrested",
         "PROTEST": "protested against", "THREATEN": "threatened", "REJECT": "rejected", "SANCTION": "sanctioned",
         "MOBILIZE": "deployed troops near", "RETREAT": "withdrew from", "CONCEDE": "eased curbs on"}
WORDS = ("border talks missile strike ceasefire trade tariffs election embassy capital port refinery pipeline "
         "airbase convoy summit sanctions drones rally village province harbour bridge ministry court "
         "parliament grain energy loan vaccine reactor journalists students farmers").split()
FILLER = ("officials said the move followed weeks tension as leaders sought calm amid rising concern over "
          "security while observers warned further escalation could follow within days region").split()


def _codes() -> list[str]:
    gaz = json.loads((ROOT / "src/sanderling/actors/data/gazetteer.json").read_text())
    rest = sorted({c["code"] for c in gaz["countries"]} - set(TOP))
    return TOP + rest


def _take(words: list[str], idx: np.ndarray) -> pa.Array:
    return pa.array(words, pa.string()).take(pa.array(idx))


def generate(path: str, n_events: int = 1_000_000, seed: int = 7, shuffled: bool = False) -> dict[str, Any]:
    """Write ``n_events`` synthetic events (and their documents) into a new sanderling database."""
    rng = np.random.default_rng(seed)
    codes = _codes()
    nc = len(codes)
    w = 1.0 / np.arange(1, nc + 1) ** 1.1
    w /= w.sum()
    shares = np.array([t[1] for t in TYPES])
    shares /= shares.sum()

    # real-world events and how many mentions each gets
    n_real = int(n_events / 1.8) + 1000
    k = np.minimum(rng.geometric(0.55, n_real), 6)
    k = k[: np.searchsorted(np.cumsum(k), n_events) + 1]
    n_real = len(k)
    total = int(k.sum())
    k[-1] -= total - n_events
    r_type = rng.choice(len(TYPES), n_real, p=shares)
    r_actor = rng.choice(nc, n_real, p=w)
    r_recip = rng.choice(nc, n_real, p=w)
    r_recip = np.where(r_recip == r_actor, (r_recip + 1) % nc, r_recip)
    r_has_recip = rng.random(n_real) > 0.15
    r_second = np.where(rng.random(n_real) < 0.10, rng.choice(nc, n_real, p=w), -1)
    r_second = np.where(r_second == r_actor, -1, r_second)
    r_day = rng.integers(0, DAYS - 3, n_real)
    r_word = rng.integers(0, len(WORDS), (n_real, 2))
    r_loc = rng.random(n_real)
    r_city = rng.random(n_real) < 0.3
    r_lat = rng.uniform(-40, 60, n_real)
    r_lon = rng.uniform(-120, 140, n_real)

    # mentions
    src = np.repeat(np.arange(n_real), k)
    n = len(src)
    lag = rng.choice(3, n, p=[0.5, 0.35, 0.15])
    pub_day = r_day[src] + lag
    ev_day = np.where(rng.random(n) < 0.75, r_day[src], pub_day)
    docs_per_day = max(1, n // 4 // DAYS)
    doc = pub_day * docs_per_day + rng.integers(0, docs_per_day, n)
    t = r_type[src]
    a1, a2 = r_actor[src], r_second[src]
    has_r = r_has_recip[src]
    rc = r_recip[src]

    code_arr = pa.array(codes, pa.string())
    n_act = 1 + (a2 >= 0)
    act_codes_flat = np.empty(int(n_act.sum()), dtype=np.int64)
    offs = np.r_[0, np.cumsum(n_act)]
    act_codes_flat[offs[:-1]] = a1
    act_codes_flat[offs[:-1][a2 >= 0] + 1] = a2[a2 >= 0]
    rec_offs = np.r_[0, np.cumsum(has_r.astype(np.int64))]
    rec_flat = rc[has_r]

    def entities(flat: np.ndarray, offsets: np.ndarray) -> tuple[pa.Array, pa.Array]:
        cc = code_arr.take(pa.array(flat))
        m = len(flat)
        structs = pa.StructArray.from_arrays(
            [cc, cc, pa.array(np.where(rng.random(m) < 0.6, "GOV", "MIL")), pa.array(np.zeros(m, np.int32)),
             pa.array(np.full(m, 3, np.int32))], names=["entity_text", "code", "sector", "start", "end"])
        o = pa.array(offsets.astype(np.int32))
        return pa.ListArray.from_arrays(o, structs), pa.ListArray.from_arrays(o, cc)

    actor, actor_codes = entities(act_codes_flat, offs)
    recipient, recipient_codes = entities(rec_flat, rec_offs)

    verbs = [VERBS[x[0]] for x in TYPES]
    fill = rng.integers(0, len(FILLER), (n, 4))
    wd = r_word[src]
    text = pc.binary_join_element_wise(
        code_arr.take(pa.array(a1)), _take(verbs, t), code_arr.take(pa.array(np.where(has_r, rc, a1))),
        pa.scalar("over the"), _take(WORDS, wd[:, 0]), _take(WORDS, wd[:, 1]),
        *[_take(FILLER, fill[:, j]) for j in range(4)], pa.scalar(" "))
    loc_kind = r_loc[src]
    loc_country = np.where(has_r, rc, a1)
    has_loc = loc_kind < 0.6
    city = r_city[src] & has_loc
    event_loc = pa.StructArray.from_arrays(
        [code_arr.take(pa.array(loc_country)), _take(WORDS, wd[:, 0]), pa.array(np.zeros(n, np.int32)),
         pa.array(np.full(n, 5, np.int32)),
         pa.array(r_lat[src], mask=~city), pa.array(r_lon[src], mask=~city)],
        names=["country", "text", "start", "end", "lat", "lon"], mask=pa.array(~has_loc))
    not_happened = rng.random(n) < 0.08
    flag = rng.integers(0, 3, n)
    epoch = np.datetime64(START, "D")
    ids = pc.utf8_lpad(pc.cast(pa.array(np.arange(n, dtype=np.int64) * 2654435761 % (1 << 62)), pa.string()),
                       24, "0")
    doc_ids = pc.binary_join_element_wise(pa.scalar("doc-"), pc.cast(pa.array(doc), pa.string()), "")
    cameo = [x[4] for x in TYPES]
    cols: dict[str, Any] = {
        "id": ids, "doc_id": doc_ids, "event": _take([x[0] for x in TYPES], t), "mode": pa.nulls(n, pa.string()),
        "context": pa.array([[]] * n, pa.list_(pa.string())), "actor": actor, "recipient": recipient,
        "event_text": _take(verbs, t), "event_start": pa.array(np.full(n, 4, np.int32)),
        "event_end": pa.array(np.full(n, 12, np.int32)), "text": text,
        "text_start": pa.array(np.zeros(n, np.int32)), "text_end": pc.cast(pc.utf8_length(text), pa.int32()),
        "date": pa.array(epoch + ev_day.astype("timedelta64[D]")),
        "pub_date": pa.array(epoch + pub_day.astype("timedelta64[D]")),
        "url": pc.binary_join_element_wise(pa.scalar("https://news.example/"), doc_ids, ""),
        "event_loc": event_loc,
        "negated": pa.array(not_happened & (flag == 0)), "hypothetical": pa.array(not_happened & (flag == 1)),
        "future": pa.array(not_happened & (flag == 2)), "historical": pa.array(np.zeros(n, bool)),
        "confidence": pa.array(np.round(rng.uniform(0.2, 1.0, n), 3)), "cameo": _take(cameo, t),
        "goldstein": pa.array(np.array([x[5] for x in TYPES])[t]),
        "quad_code": pa.array(np.array([x[2] for x in TYPES], np.int32)[t]),
        "plover_score": pa.array(np.array([x[3] for x in TYPES])[t]),
        "coder": pa.array(np.full(n, "sanderling")), "coder_version": pa.array(np.full(n, "bench")),
        "actor_codes": actor_codes, "recipient_codes": recipient_codes, "happened": pa.array(~not_happened),
    }
    schema = pa.schema([(name, arrow) for name, _, arrow in EVENT_COLUMNS])
    events = pa.table([cols[f.name].cast(f.type) for f in schema], schema=schema)
    # insertion order: as `sanderling code` writes them when articles are coded as they are published
    # (by publication date, a day's documents together), or --shuffled: no order at all (the worst case)
    order = rng.permutation(n) if shuffled else np.lexsort((doc, pub_day))
    events = events.take(pa.array(order))

    # documents: every doc id used, plus documents without events (3 % skipped/failed, 20 % no events)
    used, counts = np.unique(doc, return_counts=True)
    extra = rng.choice(DAYS * docs_per_day, len(used) // 4, replace=False)
    extra = np.setdiff1d(extra, used)
    all_docs = np.r_[used, extra]
    nd = len(all_docs)
    n_ev = np.r_[counts, np.zeros(len(extra), np.int64)]
    status = np.where(n_ev > 0, "coded", np.where(rng.random(nd) < 0.1, "failed", "coded"))
    did = pc.binary_join_element_wise(pa.scalar("doc-"), pc.cast(pa.array(all_docs), pa.string()), "")
    dcols: dict[str, Any] = {
        "id": did, "url": pc.binary_join_element_wise(pa.scalar("https://news.example/"), did, ""),
        "title": did, "author": pa.nulls(nd, pa.string()), "site": pa.array(np.full(nd, "news.example")),
        "pub_date": pa.array(epoch + (all_docs // docs_per_day).astype("timedelta64[D]")),
        "language": pa.array(np.full(nd, "en")), "text_hash": did, "status": pa.array(status),
        "reason": pa.nulls(nd, pa.string()), "origin": pa.array(np.full(nd, "bench")),
        "flags": pa.array([[]] * nd, pa.list_(pa.string())), "text": pa.nulls(nd, pa.string()),
        "n_events": pa.array(n_ev.astype(np.int32)), "coder_version": pa.array(np.full(nd, "bench")),
        "coded_at": pa.array(np.full(nd, np.datetime64("2026-01-01T00:00:00", "us"))),
        "duplicate_of": pa.nulls(nd, pa.string()),
    }
    dschema = pa.schema([(name, arrow) for name, _, arrow in DOCUMENT_COLUMNS])
    documents = pa.table([dcols[f.name].cast(f.type) for f in dschema], schema=dschema)

    Store(path).close()  # schema and meta
    conn = duckdb.connect(path)
    try:
        conn.register("_gen_events", events)
        conn.register("_gen_docs", documents)
        conn.execute("INSERT INTO events BY NAME SELECT * FROM _gen_events")
        conn.execute("INSERT INTO documents BY NAME SELECT * FROM _gen_docs")
        conn.execute("CHECKPOINT")
    finally:
        conn.close()
    return {"events": n, "real_events": n_real, "documents": nd, "codes": nc,
            "happened": int((~not_happened).sum()), "period": f"{START} .. 2024-12-31",
            "insert_order": "shuffled" if shuffled else "publication date"}


def _cpu() -> float:
    """CPU seconds of this process (all threads): less sensitive than wall time to other load on the VM."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _percentiles(ms: list[float]) -> dict[str, float]:
    s = sorted(ms)
    return {"p50": round(statistics.median(s), 1), "p95": round(s[min(len(s) - 1, int(0.95 * len(s)))], 1),
            "max": round(s[-1], 1), "n": len(s)}


def measure(path: str, n_requests: int, seed: int = 11) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from sanderling.api import create_app

    rng = np.random.default_rng(seed)
    top = TOP[:26]
    types = [x[0] for x in TYPES]

    def window() -> tuple[str, str]:
        a = int(rng.integers(0, DAYS - 400))
        b = a + int(rng.integers(30, 400))
        d0 = np.datetime64(START, "D")
        return str(d0 + a), str(d0 + b)

    def events_q() -> dict[str, Any]:
        s, u = window()
        q: dict[str, Any] = {"limit": 100, "offset": int(rng.integers(0, 5)) * 100, "since": s, "until": u}
        q["actor"] = top[int(rng.integers(0, len(top)))]
        if rng.random() < 0.5:
            q["type"] = types[int(rng.integers(0, len(types)))]
        if rng.random() < 0.3:
            q["recipient"] = top[int(rng.integers(0, len(top)))]
        if rng.random() < 0.3:
            q["min_confidence"] = 0.5
        return q

    def trends_q() -> dict[str, Any]:
        a = top[int(rng.integers(0, len(top)))]
        q: dict[str, Any] = {"actor": a, "freq": ["week", "day", "month"][int(rng.integers(0, 3))]}
        if rng.random() < 0.7:
            q["vs"] = top[int(rng.integers(0, len(top)))]
        if rng.random() < 0.5:
            q["since"], q["until"] = window()
        return q

    def dyads_q() -> dict[str, Any]:
        q: dict[str, Any] = {"limit": 50}
        if rng.random() < 0.7:
            q["since"], q["until"] = window()
        return q

    def unfiltered_q() -> dict[str, Any]:
        return {"limit": 100, "offset": int(rng.integers(0, 100)) * 100}

    plans = {"/api/events": events_q, "/api/events (no filter)": unfiltered_q, "/api/canonical": events_q,
             "/api/trends": trends_q, "/api/dyads": dyads_q}
    wall: dict[str, list[float]] = {name: [] for name in [*plans, "/api/canonical/{id}"]}
    cpu: dict[str, list[float]] = {name: [] for name in wall}
    app = create_app(path)
    with TestClient(app) as client:
        ids = [r["canonical_id"] for r in client.get("/api/canonical", params={"limit": 1000}).json()["items"]]
        for name, plan in plans.items():  # warm-up
            for _ in range(5):
                client.get(name.split(" ")[0], params=plan())
        # round robin over the endpoints, so a burst of load from other jobs on the machine hits all alike
        for i in range(n_requests):
            for name in wall:
                if name == "/api/canonical/{id}":
                    url, params = f"/api/canonical/{ids[i % len(ids)]}", None
                else:
                    url, params = name.split(" ")[0], plans[name]()
                t0, c0 = time.perf_counter(), _cpu()
                r = client.get(url, params=params)
                wall[name].append((time.perf_counter() - t0) * 1000)
                cpu[name].append((_cpu() - c0) * 1000)
                if r.status_code != 200:
                    raise SystemExit(f"{url} {params} -> {r.status_code} {r.text[:200]}")
    out = {name: {**_percentiles(wall[name]), "cpu_p50": _percentiles(cpu[name])["p50"],
                  "cpu_p95": _percentiles(cpu[name])["p95"]} for name in wall}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--keep", default=None, help="Database path to (re)use; default a temporary file.")
    ap.add_argument("--reuse", action="store_true", help="Use --keep as it is (skip generation).")
    ap.add_argument("--shuffled", action="store_true",
                    help="Insert events in random order instead of publication order (worst case for date filters).")
    ap.add_argument("--results", action="store_true", help="Append the results to benchmarks/RESULTS.md.")
    args = ap.parse_args()

    from sanderling.analysis import build_canonical

    tmp = None
    if args.keep:
        path = args.keep
    else:
        tmp = tempfile.TemporaryDirectory()
        path = os.path.join(tmp.name, "bench.duckdb")
    report: dict[str, Any] = {}
    if args.reuse:
        report["data"] = {"reused": os.path.basename(path),
                          "insert_order": "shuffled" if args.shuffled else "as generated earlier"}
    else:
        if os.path.exists(path):
            os.remove(path)
        t0 = time.perf_counter()
        report["data"] = generate(path, args.events, shuffled=args.shuffled)
        report["generate_s"] = round(time.perf_counter() - t0, 1)
    build = []
    report["load_before"] = [round(x, 2) for x in os.getloadavg()]
    with Store(path) as store:
        for _ in range(2):
            timings: dict[str, float] = {}
            cpu0 = _cpu()
            n = build_canonical(store, timings=timings)
            timings["cpu"] = _cpu() - cpu0
            build.append({k: round(v, 2) for k, v in timings.items()})
        report["canonical"] = n
        report["mentions"] = store.counts()["events"]
    report["build_canonical_s"] = build
    report["file_mb"] = round(os.path.getsize(path) / 1e6, 1)
    report["latency_ms"] = measure(path, args.requests)
    report["load_after"] = [round(x, 2) for x in os.getloadavg()]
    report["machine"] = {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
                         "cores": os.cpu_count(), "duckdb": duckdb.__version__, "pyarrow": pa.__version__}
    print(json.dumps(report, indent=2))
    if args.results:
        _append_results(report)
    if tmp is not None:
        tmp.cleanup()


def _append_results(r: dict[str, Any]) -> None:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "", f"## `benchmarks/api_latency.py` — REST API on {r.get('mentions', 0):,} synthetic events ({stamp})", "",
        f"Machine: {r['machine']['cores']} cores, Python {r['machine']['python']}, DuckDB {r['machine']['duckdb']}, "
        f"pyarrow {r['machine']['pyarrow']}. Data: {json.dumps(r.get('data', {}))}; file {r['file_mb']} MB.",
        f"Load average (1/5/15 min) before: {r['load_before']}, after: {r['load_after']} (a shared VM: other "
        "jobs were running).",
        f"`build_canonical`: {r['canonical']:,} canonical events; seconds per run: "
        + "; ".join(f"wall {b['total']} (pairs {b['pairs']}, assign {b['assign']}, persist {b['persist']}), "
                    f"CPU {b['cpu']}" for b in r["build_canonical_s"]) + ".",
        "In-process TestClient (ASGI stack, no network), random filters and pages, endpoints in round robin; "
        "CPU = CPU time of the process (all threads) per request, which other jobs on the machine hardly affect:",
        "",
        "| endpoint | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms | requests |", "|---|---|---|---|---|---|---|",
    ]
    for name, v in r["latency_ms"].items():
        cells = [v[k] for k in ("p50", "p95", "max", "cpu_p50", "cpu_p95", "n")]
        lines.append(f"| `{name}` | " + " | ".join(str(c) for c in cells) + " |")
    with open(ROOT / "benchmarks" / "RESULTS.md", "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
