"""Canonical events: one row per real-world event, however many articles and days report it.

Event records are *mentions*: three outlets reporting the same Russian strike on Kharkiv on
Monday, Tuesday and Wednesday give three ``events`` rows. ``build_canonical`` clusters the
mentions that happened (``happened`` is true) into canonical events and stores derived tables
next to the store's own (the store's tables are not changed):

* ``canonical_events`` — one row per canonical event (type, dates, union of actor and recipient
  codes, location country, mention and document counts, scores, a sample sentence and URL);
* ``event_canonical`` — ``(event_id, canonical_id)`` for every event that happened, so mention
  counts and the evidence of each canonical event stay available;
* ``canonical_dyads`` — (canonical event, actor code, recipient code) rows for fast dyad tables;
* ``canonical_meta`` — window, counts, a fingerprint of the events and the build time.

The rule (``docs/trends.md`` has the long version). Two mentions *can* report the same event when

1. they have the same PLOVER type (modes may differ between outlets);
2. directed types: their actor code sets overlap, and their recipient code sets overlap or are
   both empty. Direction matters: "the US accused China" and "China accused the US" are two
   events. The undirected types ``CONSULT`` (meetings, talks, visits) and ``COOPERATE`` (benefit
   flows both ways) compare participants (actors ∪ recipients) instead, so "the US met China",
   "China met the US" and "the US and China held talks" agree: they must share
   ``min(2, |P1|, |P2|)`` participant codes. Empty codes (unidentified actors) never match;
3. their event dates are at most ``window`` days apart (default 3);
4. their ``event_loc`` countries are equal when both are known, and when both have coordinates
   (a known city) the places are at most 100 km apart (a strike on Kharkiv is not one on Odesa).

Clustering is *leader-anchored single link* in date order (``date``, then event ``id``): each
mention joins the canonical event of an earlier compatible mention if that canonical event's
first mention is at most ``window`` days older (so daily events do not chain into month-long
clusters) and its known location country does not differ; among several such canonical events
it joins the one whose first mention's sentence is most similar — Jaccard similarity of content
words (lower-case words of 3+ letters minus a stop-word list) — and on a tie the oldest one.
Otherwise it starts a new canonical event. ``min_similarity`` (default 0) makes the sentence
similarity a hard requirement too. Mentions with the same type, code sets, location and date
(a *unit*) always share a canonical event.

Ids are deterministic: ``canonical_id`` is the first 24 hex digits of sha256 of the first
mention's event id, so the same input gives the same ids; appending later-dated events changes
only canonical events of the last ``window`` days.

Speed: candidate pairs of units come from one SQL hash join on blocking keys — (type, actor
code, recipient code) or participant pairs, each with a date bucket of ``window + 1`` days — whose
join condition is the compatibility test; only the sequential assignment runs in Python, over
integer arrays, reading sentences only where a tie must be broken. 1M events: see
``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import hashlib
import re
import time
from datetime import datetime, timezone
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sanderling.errors import SanderlingError

DEFAULT_WINDOW = 3
MAX_DISTANCE_KM = 100.0
UNDIRECTED_TYPES: tuple[str, ...] = ("CONSULT", "COOPERATE")
CANONICAL_VERSION = "1"

# Function words and newswire filler: they make unrelated sentences look alike.
STOPWORDS: tuple[str, ...] = tuple(sorted(set("""
the and for that with from this was were are has have had been being its his her their they them
who whom which what when where while than then there these those will would could should can may might
said says say told also about after before over under into onto upon out off not but nor yet all any
each other some such more most much many own same very just only again once here our ours you your
him she itself themselves did does doing per via amid among against between during since until
according reported reports report statement spokesman spokeswoman official officials news agency
monday tuesday wednesday thursday friday saturday sunday yesterday today week month year
""".split())))

CANONICAL_DDL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS canonical_events (
  canonical_id VARCHAR NOT NULL,
  event VARCHAR NOT NULL,
  mode VARCHAR,
  date_first DATE,
  date_last DATE,
  actor_codes VARCHAR[],
  recipient_codes VARCHAR[],
  country VARCHAR,
  n_mentions INTEGER NOT NULL,
  n_documents INTEGER NOT NULL,
  quad_code INTEGER,
  goldstein DOUBLE,
  plover_score DOUBLE,
  confidence DOUBLE,
  sample_event_id VARCHAR NOT NULL,
  sample_text VARCHAR,
  url VARCHAR
)""",
    "CREATE TABLE IF NOT EXISTS event_canonical (event_id VARCHAR NOT NULL, canonical_id VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS canonical_meta (key VARCHAR NOT NULL PRIMARY KEY, value VARCHAR)",
    # one row per (canonical event, actor code, recipient code): top_dyads without unnesting at query time
    "CREATE TABLE IF NOT EXISTS canonical_dyads (date_first DATE, actor VARCHAR NOT NULL, recipient VARCHAR NOT NULL, "
    "event VARCHAR NOT NULL, quad_code INTEGER, goldstein DOUBLE)",
)
DERIVED_TABLES = ("canonical_events", "event_canonical", "canonical_meta", "canonical_dyads")
CANONICAL_COLUMNS: tuple[str, ...] = (
    "canonical_id", "event", "mode", "date_first", "date_last", "actor_codes", "recipient_codes", "country",
    "n_mentions", "n_documents", "quad_code", "goldstein", "plover_score", "confidence", "sample_event_id",
    "sample_text", "url",
)


_WORD = re.compile(r"\w{3,}")
_STOP = frozenset(STOPWORDS)


class AnalysisError(SanderlingError):
    """Derived tables are missing or a parameter is wrong; the message says what to do."""


def connection(obj: Any) -> Any:
    """The DuckDB connection of a :class:`~sanderling.store.Store`, or ``obj`` itself if it is one."""
    conn = getattr(obj, "_conn", None) if not hasattr(obj, "execute") else obj
    if conn is None:
        raise AnalysisError("the store is closed")
    return conn


def canonical_id(first_event_id: str) -> str:
    """Canonical id of the cluster whose first mention (by date, then id) is ``first_event_id``."""
    return hashlib.sha256(first_event_id.encode("utf-8")).hexdigest()[:24]


def has_canonical(conn_or_store: Any) -> bool:
    conn = connection(conn_or_store)
    rows = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' "
        "AND table_name IN ('canonical_events', 'event_canonical', 'canonical_meta', 'canonical_dyads')"
    ).fetchall()
    return rows[0][0] == len(DERIVED_TABLES)


def canonical_status(conn_or_store: Any) -> dict[str, Any]:
    """``{"built": bool, "built_at", "window", "events", "canonical", "stale": bool}``.

    ``stale`` is true when the events that happened changed since the last build (their count or
    an order-free hash of their ids differ), i.e. ``sanderling canonical`` should be run again.
    """
    conn = connection(conn_or_store)
    if not has_canonical(conn):
        return {"built": False, "stale": True}
    meta = dict(conn.execute("SELECT key, value FROM canonical_meta").fetchall())
    n, fp = _fingerprint(conn)
    return {
        "built": True,
        "built_at": meta.get("built_at"),
        "window": int(meta["window"]) if "window" in meta else None,
        "events": int(meta.get("events", -1)),
        "canonical": int(meta.get("canonical", -1)),
        "stale": meta.get("fingerprint") != fp or meta.get("events") != str(n),
    }


def _fingerprint(conn: Any) -> tuple[int, str]:
    n, h = conn.execute("SELECT count(*), coalesce(sum(hash(id)), 0) FROM events WHERE happened").fetchall()[0]
    return int(n), str(h)


def build_canonical(conn_or_store: Any, *, window: int = DEFAULT_WINDOW, min_similarity: float = 0.0,
                    timings: dict[str, float] | None = None) -> int:
    """(Re)build ``canonical_events`` and ``event_canonical``; returns the number of canonical events.

    Idempotent: the same events give the same tables and ids. Runs in one transaction, so readers
    see either the old or the new tables. ``timings`` (optional dict) receives seconds per step.
    """
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise AnalysisError(f"window={window!r} must be a non-negative number of days")
    if not 0.0 <= float(min_similarity) <= 1.0:
        raise AnalysisError(f"min_similarity={min_similarity!r} must be between 0 and 1")
    conn = connection(conn_or_store)
    if getattr(conn_or_store, "read_only", False):
        raise AnalysisError("the database is open read-only; cannot build canonical events")
    t: dict[str, float] = timings if timings is not None else {}
    t0 = time.perf_counter()
    undirected = "[" + ", ".join(f"'{x}'" for x in UNDIRECTED_TYPES) + "]"
    try:
        _prepare(conn, window, undirected)
        t["pairs"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        roots = _assign(conn, window, float(min_similarity))
        t["assign"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        n = _persist(conn, roots, window, undirected)
        t["persist"] = time.perf_counter() - t2
    finally:
        for name in ("_ce_sorted", "_ce_ev", "_ce_keys", "_ce_pairs", "_ce_roots", "_ce_ids"):
            conn.execute(f"DROP TABLE IF EXISTS {name}")
    t["total"] = time.perf_counter() - t0
    return n


def _prepare(conn: Any, window: int, undirected: str) -> None:
    """Temp tables: the mentions (``_ce_ev``) and their compatible earlier mentions (``_ce_pairs``)."""
    # u: the unit of a mention = the first mention (by idx) with the same type, actor and recipient code
    # sets, location and date. Mentions of one unit always share a canonical event, so pairs are formed
    # between units only (far fewer in dense dyads: the number of pairs grows with the square of density).
    # idx = position in (date, id) order: the rowid of a table created with ORDER BY (DuckDB keeps
    # insertion order), which is cheaper than row_number() over the whole table (single-threaded)
    conn.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ce_sorted AS
        SELECT id, doc_id, event, "date", ("date" - DATE '1970-01-01')::INTEGER AS d,
               list_sort(coalesce(actor_codes, [])) AS a, list_sort(coalesce(recipient_codes, [])) AS r,
               nullif(event_loc.country, '') AS country, event_loc.lat AS lat, event_loc.lon AS lon,
               confidence, goldstein, plover_score, list_contains({undirected}, event) AS undirected
        FROM events WHERE happened
        ORDER BY "date" NULLS LAST, id
    """)
    conn.execute("""
        CREATE OR REPLACE TEMP TABLE _ce_ev AS
        SELECT *, CASE WHEN d IS NULL OR array_to_string(a, '') = '' THEN idx  -- no known actor: alone
                       ELSE min(idx) OVER (PARTITION BY event, a, r, country, lat, lon, d) END AS u
        FROM (SELECT rowid::INTEGER AS idx, * FROM _ce_sorted)
    """)
    conn.execute("DROP TABLE _ce_sorted")
    # Blocking keys make the join itself the compatibility test (no list functions on pairs):
    # directed types: (actor code, recipient code or '' when there is none); undirected types: every
    # unordered pair of participant codes, plus (code, '*') keys that only pair a single-participant
    # mention with another mention holding that code. Each key carries a bucket of window+1 days;
    # the earlier side is repeated in the next bucket so every pair at most `window` days apart meets.
    # Empty codes ('' = actor not identified) never match.
    cols = f"idx, event, d, d // {window + 1} AS b, country, lat, lon"
    keep = "idx, event, d, b, country, lat, lon"
    conn.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ce_keys AS
        WITH dir AS (
            SELECT {cols}, a, CASE WHEN array_to_string(r, '') = '' THEN [''] ELSE r END AS r
            FROM _ce_ev WHERE d IS NOT NULL AND idx = u AND NOT undirected
        ), und AS (
            SELECT {cols}, list_distinct(a || r) AS parts FROM _ce_ev WHERE d IS NOT NULL AND idx = u AND undirected
        ), und1 AS (
            SELECT {keep}, parts, unnest(parts) AS k1 FROM und
        )
        SELECT {keep}, false AS single, k1, k2 FROM (
            SELECT {keep}, k1, unnest(r) AS k2, len(r) = 1 AND r[1] = '' AS no_r
            FROM (SELECT {keep}, unnest(a) AS k1, r FROM dir)
            WHERE k1 <> '')
        WHERE k2 <> '' OR no_r
        UNION ALL
        SELECT {keep}, false AS single, k1, k2
        FROM (SELECT {keep}, k1, unnest(parts) AS k2 FROM und1 WHERE k1 <> '')
        WHERE k2 <> '' AND k1 < k2
        UNION ALL
        SELECT {keep}, count(*) OVER (PARTITION BY idx) = 1 AS single, k1, '*' AS k2 FROM und1 WHERE k1 <> ''
    """)
    km = ("2 * 6371 * asin(sqrt(pow(sin(radians(y.lat - x.lat) / 2), 2) + cos(radians(x.lat)) * "
          "cos(radians(y.lat)) * pow(sin(radians(y.lon - x.lon) / 2), 2)))")
    conn.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ce_pairs AS
        SELECT DISTINCT x.idx AS e, y.idx AS p
        FROM _ce_keys x
        JOIN (SELECT * FROM _ce_keys UNION ALL SELECT * REPLACE (b + 1 AS b) FROM _ce_keys) y
          ON x.event = y.event AND x.k1 = y.k1 AND x.k2 = y.k2 AND x.b = y.b
        WHERE y.idx < x.idx AND x.d - y.d <= {window}
          AND (x.k2 <> '*' OR x.single OR y.single)
          AND (x.country IS NULL OR y.country IS NULL OR x.country = y.country)
          AND (x.lat IS NULL OR x.lon IS NULL OR y.lat IS NULL OR y.lon IS NULL OR {km} <= {MAX_DISTANCE_KM})
    """)


def content_words(text: str | None) -> frozenset[str]:
    """Lower-case words of 3+ characters minus :data:`STOPWORDS`: what sentence similarity compares."""
    return frozenset(w for w in _WORD.findall((text or "").lower()) if w not in _STOP)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _assign(conn: Any, window: int, min_similarity: float) -> np.ndarray:
    """Sequential leader-anchored assignment of units in date order; returns the root idx of every mention.

    Sentence similarity (of the units' first mentions) is computed lazily, only when a unit could join
    more than one canonical event (or ``min_similarity`` is set): most have one candidate and need no text.
    """
    cols = conn.sql("SELECT idx, d, country, u FROM _ce_ev").to_arrow_table()
    cols = cols.take(pc.sort_indices(cols.column("idx")))  # row i is mention idx i
    n = cols.num_rows
    dated = cols.column("d").drop_null().to_numpy()
    if n and (cols.column("idx")[n - 1].as_py() != n - 1 or (len(dated) > 1 and (np.diff(dated) < 0).any())):
        raise AnalysisError("internal error: mentions are not in date order (DuckDB preserve_insertion_order off?)")
    unit = np.asarray(cols.column("u").to_numpy(zero_copy_only=False), dtype=np.int64)
    pairs = conn.sql("SELECT e, p FROM _ce_pairs ORDER BY e, p").fetchnumpy()
    if n == 0 or len(pairs["e"]) == 0:
        return unit
    day = cols.column("d").to_numpy(zero_copy_only=False).tolist()
    ctry = pc.dictionary_encode(cols.column("country").combine_chunks()).indices
    ctry = ctry.fill_null(-1).to_numpy(zero_copy_only=False).tolist()
    texts: list[str | None] = []  # loaded on the first tie to break
    words: dict[int, frozenset[str]] = {}

    def words_of(i: int) -> frozenset[str]:
        w = words.get(i)
        if w is None:
            if not texts:
                texts.extend(_load_texts(conn).to_pylist())
            w = words[i] = content_words(texts[i])
        return w

    e_arr = np.asarray(pairs["e"], dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, e_arr[1:] != e_arr[:-1]])
    ends = np.r_[starts[1:], len(e_arr)].tolist()
    p_list = np.asarray(pairs["p"], dtype=np.int64).tolist()
    root = list(range(n))
    cluster_country = list(ctry)  # the first known location country of the cluster rooted at i
    need_sim = min_similarity > 0
    for e, lo, hi in zip(e_arr[starts].tolist(), starts.tolist(), ends, strict=True):
        de = day[e]
        ce = ctry[e]
        first = -1
        more: set[int] | None = None
        for p in p_list[lo:hi]:
            r = root[p]
            if de - day[r] > window:  # that canonical event's first mention is too old
                continue
            if ce >= 0:
                cc = cluster_country[r]
                if cc >= 0 and cc != ce:
                    continue
            if first < 0:
                first = r
            elif r != first:
                if more is None:
                    more = {first}
                more.add(r)
        if first < 0:
            continue
        if more is None and not need_sim:
            best = first
        else:
            options = sorted(more) if more is not None else [first]
            we = words_of(e)
            best, best_sim = -1, -1.0
            for r in options:  # ascending: on equal similarity the oldest canonical event wins
                s = jaccard(we, words_of(r))
                if s > best_sim:
                    best, best_sim = r, s
            if best_sim < min_similarity:
                continue
        root[e] = best
        if ce >= 0 and cluster_country[best] < 0:
            cluster_country[best] = ce
    return np.asarray(root, dtype=np.int64)[unit]  # every mention follows its unit


def _load_texts(conn: Any) -> pa.ChunkedArray:
    """The sentences of all mentions, row i = mention idx i (one query, on the first use)."""
    t = conn.sql("SELECT x.idx, e.text FROM _ce_ev x JOIN events e ON e.id = x.id").to_arrow_table()
    return t.column("text").take(pc.sort_indices(t.column("idx")))


def _persist(conn: Any, roots: np.ndarray, window: int, undirected: str) -> int:
    conn.register("_ce_root_arrow", pa.table({"idx": pa.array(np.arange(len(roots), dtype=np.int32)),
                                              "root": pa.array(roots.astype(np.int32))}))
    # one row per canonical event, grouped by the root mention's idx; undirected types: a mention
    # listing the first mention's recipients as its actors is turned round
    conn.execute("""
        CREATE OR REPLACE TEMP TABLE _ce_roots AS
        WITH o AS (
            SELECT ra.root, m.idx, m."date", m.doc_id, m.country, m.confidence, m.goldstein, m.plover_score,
                   coalesce(m.undirected AND NOT list_has_any(m.a, f.a) AND list_has_any(m.a, f.r), false) AS swapped,
                   m.a, m.r
            FROM _ce_root_arrow ra JOIN _ce_ev m ON m.idx = ra.idx
            LEFT JOIN (SELECT idx, a, r FROM _ce_ev WHERE undirected) f ON f.idx = ra.root AND m.undirected
        )
        SELECT root, min("date") AS date_first, max("date") AS date_last,
               list_sort(list_distinct(flatten(list(CASE WHEN swapped THEN r ELSE a END)))) AS ac,
               list_sort(list_distinct(flatten(list(CASE WHEN swapped THEN a ELSE r END)))) AS rc,
               arg_min(country, idx) FILTER (WHERE country IS NOT NULL) AS country,
               count(*)::INTEGER AS n_mentions, count(DISTINCT doc_id)::INTEGER AS n_documents,
               avg(goldstein) AS goldstein, avg(plover_score) AS plover_score, max(confidence) AS confidence,
               arg_max(idx, {'c': coalesce(confidence, -1.0), 'i': -idx}) AS sample_idx
        FROM o GROUP BY root
    """)
    conn.execute("""
        CREATE OR REPLACE TEMP TABLE _ce_ids AS
        SELECT g.root, left(sha256(f.id), 24) AS canonical_id, s.id AS sample_id
        FROM _ce_roots g JOIN _ce_ev f ON f.idx = g.root JOIN _ce_ev s ON s.idx = g.sample_idx
    """)
    n_events, fp = _fingerprint(conn)
    conn.execute("BEGIN")
    try:
        # drop and create rather than DELETE: deleting a million indexed rows is slow in DuckDB
        for name in DERIVED_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {name}")
        for stmt in CANONICAL_DDL:
            conn.execute(stmt)
        conn.execute("""
            INSERT INTO event_canonical
            SELECT m.id, i.canonical_id
            FROM _ce_root_arrow ra JOIN _ce_ev m ON m.idx = ra.idx JOIN _ce_ids i ON i.root = ra.root
            ORDER BY i.canonical_id, m.idx
        """)
        # code lists are sorted, so an empty code ('' = unidentified actor) can only be the first element
        drop_empty = "CASE WHEN len({0}) > 0 AND {0}[1] = '' THEN {0}[2:] ELSE {0} END"
        conn.execute(f"""
            INSERT INTO canonical_events
            SELECT i.canonical_id, e.event, e.mode, g.date_first, g.date_last, {drop_empty.format('g.ac')},
                   {drop_empty.format('g.rc')}, g.country, g.n_mentions, g.n_documents, e.quad_code, g.goldstein,
                   g.plover_score, g.confidence, e.id, e.text, e.url
            FROM _ce_roots g JOIN _ce_ids i ON i.root = g.root JOIN events e ON e.id = i.sample_id
            ORDER BY g.date_first NULLS LAST, g.root
        """)
        conn.execute("""
            INSERT INTO canonical_dyads
            SELECT date_first, actor, recipient, event, quad_code, goldstein FROM (
                SELECT date_first, actor, unnest(recipient_codes) AS recipient, event, quad_code, goldstein
                FROM (SELECT date_first, unnest(actor_codes) AS actor, recipient_codes, event, quad_code, goldstein
                      FROM canonical_events WHERE len(recipient_codes) > 0))
            WHERE actor <> '' AND recipient <> ''
            ORDER BY date_first
        """)
        # point lookups by id (/api/canonical/{id}); built in bulk after the insert, which is cheaper
        # than a PRIMARY KEY maintained row by row
        conn.execute("CREATE INDEX IF NOT EXISTS canonical_events_id ON canonical_events (canonical_id)")
        n = conn.execute("SELECT count(*) FROM canonical_events").fetchall()[0][0]
        meta = {"version": CANONICAL_VERSION, "window": str(window), "events": str(n_events), "fingerprint": fp,
                "canonical": str(n), "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        conn.executemany("INSERT INTO canonical_meta VALUES ($1, $2)", list(meta.items()))
        conn.execute("COMMIT")
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - the failed statement may have ended the transaction
            pass
        raise
    finally:
        conn.unregister("_ce_root_arrow")
    return int(n)
