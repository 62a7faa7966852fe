"""Dyad time series and dyad tables from the events (or canonical events) of a store.

``dyad_series`` counts what ``actor`` did to ``vs`` per day, week or month: counts by PLOVER quad
class, Goldstein and PLOVER score sums, the news volume of the period, counts per 1,000 documents,
a conflict–cooperation index and spike flags. ``top_dyads`` ranks actor→recipient pairs.

Formulas (``docs/trends.md`` explains the choices):

* ``conflict_index = (conflict - cooperation) / (conflict + cooperation + 1)`` with
  conflict = quad classes 3 + 4 and cooperation = 1 + 2: from −1 (all cooperation) to +1 (all
  conflict); the +1 pulls periods with few events towards 0.
* ``spike_z = (total - median) / max(1.4826 · MAD, sqrt(median), 1)`` over the previous
  ``spike_window`` (8) periods (at least 4 needed, else null); ``spike`` is ``spike_z > 3.5``
  (Iglewicz–Hoaglin's cut-off for robust z-scores).
* ``news_volume``: documents coded with a publication date in the period (all documents, not only
  this dyad's); ``per_1k = 1000 · total / news_volume`` (null without documents).

Periods are ``date_trunc`` buckets: ISO weeks start on Monday, months on the 1st. Events are
bucketed by event date (canonical events by their first date), documents by publication date.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sanderling.analysis.canonical import AnalysisError, connection, has_canonical

FREQS: dict[str, str] = {"day": "1 day", "week": "1 week", "month": "1 month"}
QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
SPIKE_WINDOW = 8
SPIKE_MIN_PERIODS = 4
SPIKE_THRESHOLD = 3.5
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")

SERIES_SCHEMA = pa.schema([
    ("period", pa.date32()),
    *[(q, pa.int64()) for q in QUAD_COLUMNS],
    ("total", pa.int64()),
    ("goldstein_sum", pa.float64()),
    ("plover_score_sum", pa.float64()),
    ("news_volume", pa.int64()),
    ("per_1k", pa.float64()),
    ("conflict_index", pa.float64()),
    ("spike_z", pa.float64()),
    ("spike", pa.bool_()),
])


def check_date(value: str | None, what: str) -> str | None:
    """``None`` or a valid ``yyyy-mm-dd``; else :class:`AnalysisError` naming the parameter."""
    if value is None:
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise AnalysisError(f"{what}={value!r} is not a date; use yyyy-mm-dd") from None
    return value


def check_code(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _CODE.match(value):
        raise AnalysisError(f"{what}={value!r} is not an actor code such as USA, PRK or IGO")
    return value.upper()


def _source(conn: Any, canonical: bool) -> tuple[str, str]:
    """(FROM clause, date column) of events or canonical events."""
    if canonical:
        if not has_canonical(conn):
            raise AnalysisError("canonical events are not built for this database; run "
                                "`sanderling canonical --db DB` first (or count mentions with canonical=False)")
        return "canonical_events", "date_first"
    return "events", '"date"'


def _dyad_filter(actor: str, vs: str | None, both_directions: bool, params: list[Any]) -> str:
    params.extend([actor, vs])
    a, v = f"${len(params) - 1}", f"${len(params)}"
    forward = f"(list_contains(actor_codes, {a}) AND ({v} IS NULL OR list_contains(recipient_codes, {v})))"
    if not both_directions:
        return forward
    backward = f"(list_contains(recipient_codes, {a}) AND ({v} IS NULL OR list_contains(actor_codes, {v})))"
    return f"({forward} OR {backward})"


def dyad_series(store_or_conn: Any, actor: str, vs: str | None = None, *, since: str | None = None,
                until: str | None = None, freq: str = "week", canonical: bool = True,
                both_directions: bool = False, spike_window: int = SPIKE_WINDOW,
                spike_threshold: float = SPIKE_THRESHOLD) -> pa.Table:
    """One row per period from ``since`` (or the first event) to ``until`` (or the last), gaps as zeros.

    ``actor`` → ``vs`` events (``vs=None``: everything ``actor`` did); ``both_directions=True`` adds
    ``vs`` → ``actor``. ``canonical=True`` counts canonical events (built by ``build_canonical``),
    else every mention that happened. Columns: :data:`SERIES_SCHEMA`.
    """
    conn = connection(store_or_conn)
    actor_code = check_code(actor, "actor")
    if actor_code is None:
        raise AnalysisError("actor is required (a code such as PRK)")
    vs_code = check_code(vs, "vs")
    check_date(since, "since")
    check_date(until, "until")
    if freq not in FREQS:
        raise AnalysisError(f"freq={freq!r} must be one of {', '.join(FREQS)}")
    if since and until and since > until:
        raise AnalysisError(f"since={since} is after until={until}")
    table, dcol = _source(conn, canonical)
    params: list[Any] = [freq]
    where = [_dyad_filter(actor_code, vs_code, both_directions, params)]
    if not canonical:
        where.append("happened")
    params.extend([since, until])
    s, u = f"${len(params) - 1}", f"${len(params)}"
    where.append(f"({s}::DATE IS NULL OR {dcol} >= {s}::DATE) AND ({u}::DATE IS NULL OR {dcol} <= {u}::DATE)")
    params.append(FREQS[freq])
    step = f"${len(params)}::INTERVAL"
    sql = f"""
        WITH ev AS (
            SELECT date_trunc($1, {dcol})::DATE AS period, quad_code, goldstein, plover_score
            FROM {table} WHERE {dcol} IS NOT NULL AND {' AND '.join(where)}
        ), agg AS (
            SELECT period,
                   count(*) FILTER (quad_code = 1) AS verbal_coop, count(*) FILTER (quad_code = 2) AS material_coop,
                   count(*) FILTER (quad_code = 3) AS verbal_conflict,
                   count(*) FILTER (quad_code = 4) AS material_conflict,
                   count(*) AS total, coalesce(sum(goldstein), 0) AS goldstein_sum,
                   coalesce(sum(plover_score), 0) AS plover_score_sum
            FROM ev GROUP BY period
        ), bounds AS (
            SELECT coalesce(date_trunc($1, {s}::DATE)::DATE, min(period)) AS lo,
                   coalesce(date_trunc($1, {u}::DATE)::DATE, max(period)) AS hi
            FROM agg
        ), periods AS (
            SELECT unnest(generate_series(lo::TIMESTAMP, hi::TIMESTAMP, {step}))::DATE AS period
            FROM bounds WHERE lo IS NOT NULL AND hi IS NOT NULL
        ), docs AS (
            SELECT date_trunc($1, pub_date)::DATE AS period, count(*) AS news_volume
            FROM documents, bounds
            WHERE status = 'coded' AND pub_date >= lo AND pub_date < hi + {step}
            GROUP BY 1
        )
        SELECT p.period,
               {', '.join(f'coalesce(a.{q}, 0) AS {q}' for q in QUAD_COLUMNS)},
               coalesce(a.total, 0) AS total, coalesce(a.goldstein_sum, 0) AS goldstein_sum,
               coalesce(a.plover_score_sum, 0) AS plover_score_sum, coalesce(d.news_volume, 0) AS news_volume
        FROM periods p LEFT JOIN agg a USING (period) LEFT JOIN docs d USING (period)
        ORDER BY p.period
    """
    res = conn.sql(sql, params=params).to_arrow_table()
    return _finish(res, spike_window, spike_threshold)


def _finish(res: pa.Table, spike_window: int, spike_threshold: float) -> pa.Table:
    n = res.num_rows
    total = np.asarray(res.column("total").to_numpy(zero_copy_only=False), dtype=np.float64) if n else np.zeros(0)
    volume = np.asarray(res.column("news_volume").to_numpy(zero_copy_only=False), dtype=np.float64) if n else total
    quads = {q: np.asarray(res.column(q).to_numpy(zero_copy_only=False), dtype=np.float64) if n else total
             for q in QUAD_COLUMNS}
    conflict = quads["verbal_conflict"] + quads["material_conflict"]
    coop = quads["verbal_coop"] + quads["material_coop"]
    index = (conflict - coop) / (conflict + coop + 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_1k = np.where(volume > 0, 1000.0 * total / np.where(volume > 0, volume, 1), np.nan)
    z = robust_z(total, spike_window)
    cols: dict[str, Any] = {}
    for f in SERIES_SCHEMA:
        if f.name in res.column_names:
            cols[f.name] = res.column(f.name).cast(f.type)
    cols["per_1k"] = pa.array(per_1k, pa.float64(), mask=np.isnan(per_1k))
    cols["conflict_index"] = pa.array(index, pa.float64())
    cols["spike_z"] = pa.array(z, pa.float64(), mask=np.isnan(z))
    cols["spike"] = pa.array(np.nan_to_num(z, nan=-np.inf) > spike_threshold, pa.bool_())
    return pa.table([cols[f.name] for f in SERIES_SCHEMA], schema=SERIES_SCHEMA)


def robust_z(values: np.ndarray, window: int = SPIKE_WINDOW, min_periods: int = SPIKE_MIN_PERIODS) -> np.ndarray:
    """Robust z-score of each value against the previous ``window`` values (NaN with fewer than ``min_periods``).

    ``z = (x - median) / max(1.4826 · MAD, sqrt(median), 1)``. 1.4826 · MAD estimates the standard
    deviation robustly; for counts it is floored at the Poisson standard deviation sqrt(median) and
    at one count, so flat or nearly flat baselines (MAD = 0, e.g. all zeros or 7, 8, 7, 8 ...) do
    not turn ordinary count noise into huge z-scores.
    """
    x = np.asarray(values, dtype=np.float64)
    n = len(x)
    z = np.full(n, np.nan)
    if n <= min_periods or window < 1:
        return z
    # trailing windows, padded with NaN at the start; nanmedian ignores the padding
    padded = np.r_[np.full(window, np.nan), x]
    past = np.lib.stride_tricks.sliding_window_view(padded, window)[:n]  # row i = x[i-window:i]
    enough = np.sum(~np.isnan(past), axis=1) >= min_periods
    if not enough.any():
        return z
    p = past[enough]
    med = np.nanmedian(p, axis=1)
    mad = np.nanmedian(np.abs(p - med[:, None]), axis=1)
    z[enough] = (x[enough] - med) / np.maximum(np.maximum(1.4826 * mad, np.sqrt(np.maximum(med, 0.0))), 1.0)
    return z


DYADS_SCHEMA = pa.schema([
    ("actor", pa.string()), ("recipient", pa.string()), ("total", pa.int64()),
    *[(q, pa.int64()) for q in QUAD_COLUMNS],
    ("goldstein_sum", pa.float64()), ("conflict_index", pa.float64()),
    ("date_first", pa.date32()), ("date_last", pa.date32()),
])


def top_dyads(store_or_conn: Any, since: str | None = None, until: str | None = None, limit: int = 20, *,
              canonical: bool = True, actor: str | None = None, event_type: str | None = None) -> pa.Table:
    """The ``limit`` busiest actor→recipient code pairs (an event with two actors counts for both).

    Ordered by total (descending), then actor and recipient. Events without a recipient code, and
    empty codes, are left out. Optional ``actor`` keeps the dyads of one actor code.
    """
    conn = connection(store_or_conn)
    check_date(since, "since")
    check_date(until, "until")
    actor_code = check_code(actor, "actor")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise AnalysisError(f"limit={limit!r} must be a positive integer")
    table, dcol = _source(conn, canonical)
    params: list[Any] = []

    def p(value: Any) -> str:
        params.append(value)
        return f"${len(params)}"

    etype = event_type.upper() if event_type else None
    if canonical:  # pre-unnested (canonical event, actor, recipient) rows, stored by build_canonical
        conds = [f"date_first >= {p(since)}::DATE" if since else "",
                 f"date_first <= {p(until)}::DATE" if until else "",
                 f"actor = {p(actor_code)}" if actor_code else "", f"event = {p(etype)}" if etype else ""]
        where = " AND ".join(c for c in conds if c)
        source = ("SELECT actor, recipient, quad_code, goldstein, date_first AS d FROM canonical_dyads"
                  + (f" WHERE {where}" if where else ""))
    else:
        conds = ["happened", "len(recipient_codes) > 0",
                 f"{dcol} >= {p(since)}::DATE" if since else "", f"{dcol} <= {p(until)}::DATE" if until else "",
                 f"list_contains(actor_codes, {p(actor_code)})" if actor_code else "",
                 f"event = {p(etype)}" if etype else ""]
        outer = f" AND actor = {p(actor_code)}" if actor_code else ""
        source = f"""
            SELECT actor, unnest(recipient_codes) AS recipient, quad_code, goldstein, d FROM (
                SELECT unnest(actor_codes) AS actor, recipient_codes, quad_code, goldstein, {dcol} AS d
                FROM {table} WHERE {" AND ".join(c for c in conds if c)})
            WHERE actor <> ''{outer}
        """
    lim = p(limit)
    sql = f"""
        WITH ar AS ({source})
        SELECT actor, recipient, count(*) AS total,
               count(*) FILTER (quad_code = 1) AS verbal_coop, count(*) FILTER (quad_code = 2) AS material_coop,
               count(*) FILTER (quad_code = 3) AS verbal_conflict, count(*) FILTER (quad_code = 4) AS material_conflict,
               coalesce(sum(goldstein), 0) AS goldstein_sum, min(d) AS date_first, max(d) AS date_last
        FROM ar WHERE recipient <> ''
        GROUP BY actor, recipient
        ORDER BY total DESC, actor, recipient
        LIMIT {lim}
    """
    res = conn.sql(sql, params=params).to_arrow_table()
    conflict = pc.add(res.column("verbal_conflict"), res.column("material_conflict"))
    coop = pc.add(res.column("verbal_coop"), res.column("material_coop"))
    index = pc.divide(pc.cast(pc.subtract(conflict, coop), pa.float64()),
                      pc.add(pc.cast(pc.add(conflict, coop), pa.float64()), 1.0))
    res = res.append_column("conflict_index", index)
    return pa.table([res.column(f.name).cast(f.type) for f in DYADS_SCHEMA], schema=DYADS_SCHEMA)
