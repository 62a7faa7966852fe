"""`sanderling canonical` and `trend`: canonical events and trends (sanderling.analysis)."""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from sanderling.cli.common import _fail, _is_date, _need_db, main
from sanderling.cli.export import _emit
from sanderling.errors import SanderlingError


@main.command(name="canonical")
@click.option("--db", default="events.duckdb", show_default=True)
@click.option("--window", default=3, show_default=True, type=click.IntRange(0, 60),
              help="Days between the first and the last report of one real-world event.")
@click.option("--min-similarity", default=0.0, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="Also require this content-word Jaccard similarity of the sentences (0: tie-breaker only).")
@click.option("--lock-timeout", default=30.0, show_default=True, help="Seconds to wait for a busy database.")
def canonical_cmd(db: str, window: int, min_similarity: float, lock_timeout: float) -> None:
    """Rebuild canonical events: one per real-world event, however many articles report it.

    \b
    Same PLOVER type, overlapping actor and recipient codes (direction matters, except for
    CONSULT and COOPERATE), dates at most --window days from the first report, same location;
    rule and tables: docs/trends.md. Re-run after coding more articles.
    \b
    Example:
      sanderling canonical --db events.duckdb
    """
    from sanderling.analysis import build_canonical
    from sanderling.analysis.canonical import connection
    from sanderling.store import Store

    _need_db(db)
    try:
        with Store(db, lock_timeout=lock_timeout) as store:
            t0 = time.perf_counter()
            n = build_canonical(store, window=window, min_similarity=min_similarity)
            elapsed = time.perf_counter() - t0
            mentions, multi, top = connection(store).execute(
                "SELECT sum(n_mentions), count(*) FILTER (n_mentions > 1), max(n_mentions) FROM canonical_events"
            ).fetchall()[0]
    except SanderlingError as exc:
        _fail(str(exc))
    click.echo(f"{mentions or 0} events that happened → {n} canonical events ({multi or 0} reported more than once, "
               f"at most {top or 0} mentions); window {window} days; {elapsed:.1f}s → {db}")


TREND_FORMATS = ["table", "csv", "jsonl"]


@main.command()
@click.option("--db", default="events.duckdb", show_default=True)
@click.option("--actor", required=True, help="Actor code (ISO-3 or IGO/NGO/UNO ...), e.g. PRK.")
@click.option("--vs", default=None, help="Recipient code, e.g. USA (default: anyone).")
@click.option("--since", default=None, help="From (YYYY-MM-DD, inclusive).")
@click.option("--until", default=None, help="Up to (YYYY-MM-DD, inclusive).")
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week", show_default=True)
@click.option("--both-directions", is_flag=True, help="Also count --vs → --actor.")
@click.option("--mentions", is_flag=True, help="Count every event record instead of canonical events.")
@click.option("--format", "fmt", type=click.Choice(TREND_FORMATS), default="table", show_default=True)
@click.option("--output", "-o", default=None, help="Write csv/jsonl to this file instead of stdout.")
@click.option("--plot", "plot_to", default=None, help="Also draw the series into this PNG file (matplotlib).")
def trend(db: str, actor: str, vs: str | None, since: str | None, until: str | None, freq: str,
          both_directions: bool, mentions: bool, fmt: str, output: str | None, plot_to: str | None) -> None:
    """What --actor did to --vs per day/week/month: counts by quad class, index, spikes.

    \b
    Columns: counts per PLOVER quad class (verbal/material cooperation/conflict), total,
    Goldstein and PLOVER score sums, news volume (documents coded in the period), total per
    1,000 documents, conflict index (conflict - cooperation) / (conflict + cooperation + 1),
    robust z-score against the previous 8 periods and a spike flag (z > 3.5). docs/trends.md.
    \b
    Examples:
      sanderling trend --db events.duckdb --actor PRK --vs USA --since 2024-01-01
      sanderling trend --db events.duckdb --actor RUS --vs UKR --freq day --plot rus_ukr.png
    """
    from sanderling.analysis import AnalysisError, canonical_status, dyad_series, has_canonical
    from sanderling.store import Store

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not (_is_date(value) and len(value) == 10):
            raise click.BadParameter(f"{value!r} is not a date like 2024-07-01", param_hint=name)
    if since and until and since > until:
        raise click.BadParameter(f"{since} is after --until {until}", param_hint="--since")
    if plot_to is not None:
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            _fail("--plot needs matplotlib: pip install 'sanderling[plot]'")
    _need_db(db)
    try:
        with Store(db, read_only=True) as store:
            if not mentions:
                if not has_canonical(store):
                    _fail(f"canonical events are not built for {db}; run `sanderling canonical --db {db}` "
                          "first, or pass --mentions to count every event record")
                if canonical_status(store)["stale"]:
                    click.echo(f"warning: events changed since canonical events were built; run "
                               f"`sanderling canonical --db {db}` to update them", err=True)
            table = dyad_series(store, actor, vs, since=since, until=until, freq=freq, canonical=not mentions,
                                both_directions=both_directions)
    except (SanderlingError, AnalysisError) as exc:
        _fail(str(exc))
    what = f"{actor.upper()} → {vs.upper() if vs else 'anyone'}" + (" (both directions)" if both_directions else "")
    unit = "event records" if mentions else "canonical events"
    if plot_to is not None:
        _plot_series(table, plot_to, f"{what}: {unit} per {freq}")
        click.echo(f"wrote {plot_to}", err=True)
    if fmt == "table":
        _trend_table(table, f"{what}: {unit} per {freq}")
    elif fmt == "csv":
        _emit(table, "csv", output, "trend")
    else:
        _emit(table, "jsonl", output, "trend")


def _trend_table(table: Any, title: str) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"{title} ({table.num_rows} periods)", box=box.SIMPLE_HEAD)
    t.add_column("period", no_wrap=True)
    for c in ("v.coop", "m.coop", "v.confl", "m.confl", "total", "goldstein", "docs", "per 1k", "index", "z"):
        t.add_column(c, justify="right", no_wrap=True)
    t.add_column("spike", justify="center")
    for r in table.to_pylist():
        t.add_row(str(r["period"]), str(r["verbal_coop"]), str(r["material_coop"]), str(r["verbal_conflict"]),
                  str(r["material_conflict"]), str(r["total"]), f"{r['goldstein_sum']:.1f}", str(r["news_volume"]),
                  "" if r["per_1k"] is None else f"{r['per_1k']:.1f}", f"{r['conflict_index']:+.2f}",
                  "" if r["spike_z"] is None else f"{r['spike_z']:.1f}", "▲" if r["spike"] else "")
    Console(width=None if sys.stdout.isatty() else 132).print(t)


def _plot_series(table: Any, path: str, title: str) -> None:
    """Stacked bars of counts by quad class, the conflict index below, spikes marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = table.to_pylist()
    x = list(range(len(rows)))
    labels = [str(r["period"]) for r in rows]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    bottom_acc = [0] * len(rows)
    for key, label, color in (("verbal_coop", "verbal cooperation", "#7fc97f"),
                              ("material_coop", "material cooperation", "#1b9e77"),
                              ("verbal_conflict", "verbal conflict", "#fdb462"),
                              ("material_conflict", "material conflict", "#d95f02")):
        values = [r[key] for r in rows]
        top.bar(x, values, bottom=bottom_acc, color=color, label=label, width=0.9)
        bottom_acc = [a + b for a, b in zip(bottom_acc, values, strict=True)]
    spikes = [i for i, r in enumerate(rows) if r["spike"]]
    if spikes:
        top.scatter(spikes, [bottom_acc[i] * 1.05 + 0.5 for i in spikes], marker="v", color="crimson", zorder=3,
                    label="spike (robust z > 3.5)")
    top.set_ylim(0, max([*bottom_acc, 1]) * 1.3)  # room for the legend
    top.set_ylabel("events")
    top.set_title(title)
    top.legend(loc="upper left", fontsize="small", ncol=3)
    bottom.plot(x, [r["conflict_index"] for r in rows], color="black", linewidth=1.2)
    bottom.axhline(0, color="grey", linewidth=0.6)
    bottom.set_ylim(-1.05, 1.05)
    bottom.set_ylabel("conflict index")
    step = max(1, len(rows) // 12)
    bottom.set_xticks(x[::step])
    bottom.set_xticklabels(labels[::step], rotation=30, ha="right", fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
