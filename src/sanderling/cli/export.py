"""`sanderling events` and `docs`: list or export what the database holds."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from sanderling.cli.common import FORMATS, _fail, _is_date, main
from sanderling.errors import SanderlingError


def _emit(table: Any, fmt: str, output: str | None, title: str) -> None:
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    if fmt == "parquet":
        target = output or f"{title}.parquet"
        pq.write_table(table, target)
        click.echo(f"wrote {table.num_rows} rows to {target}", err=True)
        return
    if fmt == "csv":
        flat = _flatten(table)
        if output:
            pacsv.write_csv(flat, output)
        else:
            sink = sys.stdout.buffer
            pacsv.write_csv(flat, sink)
        return
    rows = table.to_pylist()
    if fmt == "jsonl":
        fh = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        finally:
            if output:
                fh.close()
        return
    _table(rows, title)


def _flatten(table: Any) -> Any:
    """Nested columns (actor lists, event_loc) become JSON strings for CSV."""
    import pyarrow as pa

    cols = {}
    for name in table.column_names:
        col = table.column(name)
        if pa.types.is_nested(col.type):
            cols[name] = pa.array([None if v is None else json.dumps(v, default=str) for v in col.to_pylist()],
                                  pa.string())
        else:
            cols[name] = col
    return pa.table(cols)


def _table(rows: list[dict[str, Any]], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if title == "events":
        t = Table(title=f"{len(rows)} events")
        for c in ("date", "event", "mode", "actor", "recipient", "trigger", "conf", "doc"):
            t.add_column(c)
        for r in rows:
            t.add_row(str(r["date"] or ""), r["event"], r["mode"] or "", _ents(r["actor"]), _ents(r["recipient"]),
                      r["event_text"], f"{r['confidence']:.2f}", str(r["doc_id"])[:24])
    else:
        t = Table(title=f"{len(rows)} documents")
        for c in ("id", "status", "reason", "n_events", "pub_date", "title"):
            t.add_column(c)
        for r in rows:
            t.add_row(str(r["id"])[:32], r["status"], (r["reason"] or "")[:60], str(r.get("n_events", "")),
                      str(r.get("pub_date") or ""), (r.get("title") or "")[:40])
    console.print(t)


def _ents(ents: list[dict[str, Any]] | None) -> str:
    return ", ".join(f"{e['code'] or '?'}{'/' + e['sector'] if e['sector'] else ''}" for e in ents or [])


@main.command()
@click.option("--db", default="events.duckdb", show_default=True, help="DuckDB file or postgresql:// URL.")
@click.option("--actor", default=None, help="Actor code (ISO-3 or IGO/NGO/UNO ...), e.g. PRK.")
@click.option("--recipient", default=None, help="Recipient code.")
@click.option("--type", "event_type", default=None, help="PLOVER event type, e.g. REQUEST.")
@click.option("--since", default=None, help="Event date from (YYYY-MM-DD, inclusive).")
@click.option("--until", default=None, help="Event date up to (YYYY-MM-DD, inclusive).")
@click.option("--all", "include_all", is_flag=True, help="Include negated, hypothetical and future events.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Only events whose confidence is at least this (0-1).")
@click.option("--limit", default=None, type=int)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--output", "-o", default=None, help="Write to this file instead of stdout.")
def events(db: str, actor: str | None, recipient: str | None, event_type: str | None, since: str | None,
           until: str | None, include_all: bool, min_confidence: float | None, limit: int | None, fmt: str,
           output: str | None) -> None:
    """List or export events (by default only events that happened).

    \b
    Examples:
      sanderling events --db events.duckdb --actor PRK --type REQUEST --since 2024-07-01
      sanderling events --db events.duckdb --format jsonl -o events.jsonl
      sanderling events --db events.duckdb --format parquet -o events.parquet
    """
    from sanderling.store import open_store

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _is_date(value):
            raise click.BadParameter(f"{value!r} is not a date like 2024-07-01", param_hint=name)
    try:
        with open_store(db, read_only=True) as store:
            table = store.events(actor=actor, recipient=recipient, event_type=event_type, since=since,
                                 until=until, include_all=include_all, min_confidence=min_confidence,
                                 limit=limit)
    except SanderlingError as exc:
        _fail(str(exc))
    _emit(table, fmt, output, "events")


@main.command()
@click.option("--db", default="events.duckdb", show_default=True, help="DuckDB file or postgresql:// URL.")
@click.option("--status", type=click.Choice(["coded", "skipped", "failed"]), default=None)
@click.option("--limit", default=None, type=int)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--output", "-o", default=None)
def docs(db: str, status: str | None, limit: int | None, fmt: str, output: str | None) -> None:
    """List documents with their status (coded / skipped / failed) and reason.

    \b
    Example:
      sanderling docs --db events.duckdb --status failed
    """
    from sanderling.store import open_store

    try:
        with open_store(db, read_only=True) as store:
            table = store.documents(status=status, limit=limit)
    except SanderlingError as exc:
        _fail(str(exc))
    _emit(table, fmt, output, "documents")
