"""The `sanderling` command: a thin shell over Pipeline, sources and Store.

Exit codes: 0 when the run completed (even if some documents were skipped or failed —
their status and reason are in the documents table); 1 when the run could not proceed
(database busy or unreadable, model missing, bad gold file); 2 for usage errors.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import click

from sanderling import __version__
from sanderling.errors import SanderlingError
from sanderling.model import Document
from sanderling.settings import Settings

FORMATS = ["table", "jsonl", "csv", "parquet"]


def _fail(msg: str) -> None:
    click.echo(f"error: {msg}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sanderling")
def main() -> None:
    """Turn news articles into PLOVER political events, stored in DuckDB.

    \b
    Quick check, no database:
      sanderling code --text "The United States demanded that North Korea halt its missile tests."
    Code files and list the events:
      sanderling code examples/ --db events.duckdb
      sanderling events --db events.duckdb --actor PRK --format table
    """


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--db", default="events.duckdb", show_default=True,
              help="DuckDB file (created on first use) or postgresql://user@host/dbname URL.")
@click.option("--text", "text", default=None, help="Code this text and print its events as JSON (no database).")
@click.option("--pub-date", default=None, help="Publication date (YYYY-MM-DD) for --text.")
@click.option("--all", "show_all", is_flag=True, help="With --text: include negated/hypothetical/future events.")
@click.option("--batch-size", default=64, show_default=True, help="Documents per transaction.")
@click.option("--lock-timeout", default=30.0, show_default=True, help="Seconds to wait for a busy database.")
@click.option("--max-bytes", default=10_000_000, show_default=True, help="Skip documents larger than this.")
@click.option("--max-line-bytes", default=10_000_000, show_default=True, help="Fail JSONL lines longer than this.")
@click.option("--csv-columns", default=None, metavar="FIELD=COLUMN,...",
              help="CSV column mapping, e.g. text=body,date=published,id=guid (fields: id, text, url, title, date, "
                   "html); default: columns named like the fields.")
@click.option("--lang", "langs", multiple=True, default=["en"], show_default=True,
              help="Languages to code (ISO 639-1); others are recorded as skipped.")
@click.option("--recode", is_flag=True, help="Recode documents even when already coded by this version.")
@click.option("--workers", type=int, default=None,
              help="Coding processes (default: one per core; inputs of one batch stay in-process).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actors YAML file (people and organisations; see docs/actors.md). Repeatable.")
@click.option("--engine", "engine_name", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where coding runs: worker processes on this machine, or Ray (pip install 'sanderling[ray]').")
@click.option("--address", default=None,
              help="Ray cluster to use: auto, or ray://HOST:10001 (implies --engine ray; default: a local Ray).")
@click.option("--lake", default=None, metavar="DIR",
              help="Write partitioned Parquet (by publication date) to DIR instead of the database; "
                   "merge it later with `sanderling load DIR --db …`.")
@click.option("--feeds", "feeds", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="FEEDS.txt (one RSS/Atom URL per line) or OPML: code the entries not coded yet. Repeatable.")
@click.option("--allow-private", is_flag=True,
              help="Allow fetching URLs on private, loopback or link-local addresses (refused by default).")
@click.option("--ignore-robots", is_flag=True, help="Fetch pages even where robots.txt disallows it.")
@click.option("--dedupe/--no-dedupe", default=True, show_default=True,
              help="Link exact and near-duplicate articles (syndicated copies) to the first copy instead of "
                   "coding them again.")
@click.option("--dup-threshold", default=0.8, show_default=True, type=click.FloatRange(0.3, 1.0),
              help="Estimated word-shingle Jaccard similarity from which two articles are duplicates.")
@click.option("--classifier", "classifier_dir", default=None, type=click.Path(exists=True, file_okay=False),
              help="Use a classifier head folder written by `sanderling train` instead of the shipped one.")
@click.option("--no-classifier", is_flag=True,
              help="Lexicon and parse only: do not use the learned sentence classifier (faster, less accurate).")
@click.option("--max-sentences", default=12, show_default=True, type=click.IntRange(min=0),
              help="Code at most this many candidate sentences (an actor and a trigger word) per document, "
                   "in text order; 0 codes them all. Events live in the first sentences; later ones are mostly "
                   "background and speculation.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def code(paths: tuple[str, ...], db: str, text: str | None, pub_date: str | None, show_all: bool,
         batch_size: int, lock_timeout: float, max_bytes: int, max_line_bytes: int, csv_columns: str | None,
         langs: tuple[str, ...],
         recode: bool, workers: int | None, actor_files: tuple[str, ...], feeds: tuple[str, ...],
         allow_private: bool, ignore_robots: bool, engine_name: str, address: str | None, lake: str | None,
         dedupe: bool, dup_threshold: float, max_sentences: int, quiet: bool, classifier_dir: str | None,
         no_classifier: bool) -> None:
    """Code PATHS (text, HTML, JSONL, CSV, WARC, .gz, directories, http(s) URLs; - for stdin) into --db.

    \b
    Examples:
      sanderling code article.html news.jsonl.gz feeds/ --db events.duckdb
      cat story.txt | sanderling code - --db events.duckdb
      sanderling code --text "Kenyan police arrested 40 protesters in Nairobi on Tuesday."

    \b
    Exit status: 0 when the run completed, even if some documents were skipped or
    failed (see `sanderling docs --status failed`); 1 when it could not proceed
    (database busy or unreadable, model missing); 2 for usage errors.
    """
    from sanderling.pipeline import Pipeline

    settings = Settings(batch_size=batch_size, lock_timeout=lock_timeout, max_doc_bytes=max_bytes,
                        max_line_bytes=max_line_bytes, languages=tuple(langs), actors=tuple(actor_files),
                        csv_columns=_csv_mapping(csv_columns), classifier=not no_classifier,
                        classifier_dir=classifier_dir, dedupe=dedupe, max_sentences=max_sentences)
    try:
        _check_actors(settings)
        if text is not None:
            events = Pipeline(settings).code_text(text, pub_date=pub_date)
            out = [e.to_plover() for e in events if show_all or e.happened]
            click.echo(json.dumps(out, indent=2, ensure_ascii=False))
            return
        if not paths and not feeds:
            raise click.UsageError("give PATHS or URLs to code (or - for stdin), --feeds FILE, or --text TEXT")
        _code_paths(paths, db, settings, recode, quiet, workers, dup_threshold if dedupe else None, feeds,
                    _fetch_policy(allow_private, ignore_robots), engine_name, address, lake)
    except SanderlingError as exc:
        _fail(str(exc))


_CSV_FIELDS = ("id", "text", "url", "title", "date", "html")


def _csv_mapping(value: str | None) -> tuple[tuple[str, str], ...]:
    if not value:
        return ()
    pairs = []
    for part in value.split(","):
        field, sep, column = part.partition("=")
        if not sep or field.strip() not in _CSV_FIELDS or not column.strip():
            raise click.BadParameter(f"{part!r}: expected FIELD=COLUMN with FIELD one of {', '.join(_CSV_FIELDS)}",
                                     param_hint="--csv-columns")
        pairs.append((field.strip(), column.strip()))
    return tuple(pairs)


def _check_actors(settings: Settings) -> None:
    """Load the user's actor files now, so a bad file is one clear error before any work starts."""
    if settings.actors:
        from sanderling.actors import Gazetteer

        Gazetteer.with_actors(settings.actors)


def _is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def _fetch_policy(allow_private: bool, ignore_robots: bool) -> Any:
    from sanderling.sources.web import FetchPolicy

    return FetchPolicy(allow_private=allow_private, respect_robots=not ignore_robots)


def _code_paths(paths: tuple[str, ...], db: str, settings: Settings, recode: bool, quiet: bool,
                workers: int | None, dup_threshold: float | None = 0.8, feeds: tuple[str, ...] = (),
                policy: Any = None, engine_name: str = "local", address: str | None = None,
                lake: str | None = None) -> None:
    """Read local paths, URLs and feeds, then code everything new into ``db``."""
    from sanderling.sources import iter_inputs

    def items(store: Any) -> Any:
        # defer: HTML extraction, cleaning and language identification run in the engine's workers
        local = [p for p in paths if not _is_url(p)]
        urls = [p for p in paths if _is_url(p)]
        if local:
            yield from iter_inputs(local, settings, stdin=sys.stdin.buffer, defer=True)
        if urls or feeds:
            from sanderling.sources.feeds import iter_feed_documents, read_feed_list
            from sanderling.sources.web import Fetcher, fetch_documents

            with Fetcher(policy) as fetcher:
                if urls:
                    yield from fetch_documents(urls, settings, fetcher, defer=True)
                for feed_file in feeds:
                    yield from iter_feed_documents(read_feed_list(feed_file), settings, fetcher,
                                                   seen=_seen_in(store), defer=True)

    counts = _code_items(items, db, settings, recode, quiet, workers, dup_threshold, engine_name, address, lake)
    _summary(counts, lake or db)


def _seen_in(store: Any) -> Any:
    """A feed entry is done once its document is stored with any status but "failed" (failures are retried)."""
    def seen(doc_id: str) -> bool:
        state = store.document_states([doc_id]).get(doc_id)
        return state is not None and state[1] != "failed"
    return seen


def _summary(counts: Counter[str], db: str) -> None:
    from sanderling.store import display_db

    elapsed = counts["elapsed_ms"] / 1000
    rate = counts["read"] / elapsed if elapsed else 0.0
    click.echo(
        f"{counts['read']} documents read: {counts['coded']} coded, {counts['skipped']} skipped, "
        f"{counts['failed']} failed, {counts['unchanged']} unchanged; {counts['events']} events; "
        f"{elapsed:.1f}s ({rate:.1f} docs/s) → {display_db(db)}",
        err=True,
    )


def _code_items(make_items: Any, db: str, settings: Settings, recode: bool, quiet: bool, workers: int | None,
                dup_threshold: float | None, engine_name: str = "local", address: str | None = None,
                lake: str | None = None) -> Counter[str]:
    """The coding loop shared by ``code`` and ``watch``: skip unchanged, link duplicates, code, write.

    ``make_items(store)`` may yield Unbuilt items (``defer=True``): the engine's workers build them,
    and ``prepare`` below sees each batch built, in input order, before anything of it is coded."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from sanderling.dedupe import Deduper, Signature
    from sanderling.engines.ray_engine import close_engine, make_engine
    from sanderling.store import open_store
    from sanderling.store.parquet_lake import open_sink

    t0 = time.perf_counter()
    engine = make_engine(settings, engine_name, workers, address)
    counts: Counter[str] = Counter()
    console = Console(stderr=True)
    sink = open_sink(db, lake, settings.lock_timeout) if lake else open_store(db, lock_timeout=settings.lock_timeout)
    with sink as store, contextlib.ExitStack() as cleanup:
        cleanup.callback(close_engine, engine)  # a private Ray instance is shut down, even on errors
        items = make_items(store)
        progress = Progress(SpinnerColumn(), TextColumn("[bold]coding[/]"), BarColumn(),
                            TextColumn("{task.fields[docs]} docs · {task.fields[events]} events"),
                            TimeElapsedColumn(), console=console, disable=quiet or not console.is_terminal)

        deduper = Deduper(dup_threshold, lookup=store.signatures) if dup_threshold is not None else None
        kept: dict[str, Signature] = {}  # signatures of documents sent to coding, written with their outcome

        def prepare(batch: list[Any]) -> list[Any]:
            """The items of a (built) batch that need coding; unchanged documents are counted and dropped,
            duplicates become skipped items linked to their first copy."""
            ids = [d.id for d in batch if isinstance(d, Document)]
            known = store.document_states(ids) if ids and not recode else {}
            fresh = [d for d in batch if not (isinstance(d, Document) and _unchanged(d, known, engine.version))]
            counts["unchanged"] += len(batch) - len(fresh)
            counts["read"] += len(batch)
            if deduper is not None:
                fresh = _link_duplicates(fresh, deduper, kept)
            return fresh

        with progress:
            task = progress.add_task("code", total=None, docs=0, events=0)
            for outcomes in engine.run(_batches(items, settings.batch_size), prepare=prepare):
                sigs = [kept.pop(o.doc_id) for o in outcomes if o.doc_id in kept]
                store.write(outcomes, engine.version, signatures=sigs)
                for o in outcomes:
                    counts[o.status] += 1
                    counts["events"] += len(o.events)
                progress.update(task, docs=counts["read"], events=counts["events"])
    counts["elapsed_ms"] = int((time.perf_counter() - t0) * 1000)
    return counts


def _link_duplicates(batch: list[Any], deduper: Any, kept: dict[str, Any]) -> list[Any]:
    from sanderling.model import Rejected

    docs = [d for d in batch if isinstance(d, Document)]
    # signatures come ready from the workers that built the documents (sources/build.py); else computed here
    verdicts = dict(zip((d.id for d in docs), deduper.check_batch([(d.id, d.text) for d in docs],
                                                                  [d.signature for d in docs]), strict=True))
    for sig in deduper.added:  # new first copies: their signatures are stored with their outcomes
        kept[sig.doc_id] = sig
    deduper.added.clear()
    out = []
    for item in batch:
        hit = verdicts.get(item.id) if isinstance(item, Document) else None
        if hit is None:
            out.append(item)
            continue
        first, sim = hit
        out.append(Rejected(id=item.id, status="skipped", reason=f"near-duplicate of {first} (similarity {sim:.2f})"
                            if sim < 1 else f"duplicate of {first}", origin=item.origin, url=item.url,
                            text_hash=item.text_hash, duplicate_of=first))
    return out


def _batches(items: Any, size: int) -> Any:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _unchanged(doc: Any, known: dict[str, tuple[str | None, str, str | None]], version: str) -> bool:
    state = known.get(doc.id)
    return state is not None and state[0] == doc.text_hash and state[1] == "coded" and state[2] == version


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


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with all metrics.")
@click.option("--errors", "errors_to", default=None, help="Write per-record predictions (JSONL) here.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actors YAML file (people and organisations; see docs/actors.md). Repeatable.")
@click.option("--classifier", "classifier_dir", default=None, type=click.Path(exists=True, file_okay=False),
              help="Use a classifier head folder written by `sanderling train` instead of the shipped one.")
@click.option("--no-classifier", is_flag=True,
              help="Lexicon and parse only: do not use the learned sentence classifier (faster, less accurate).")
@click.option("--max-sentences", default=12, show_default=True, type=click.IntRange(min=0),
              help="As for `code`: candidate sentences coded per text (0 = all).")
def eval_cmd(gold: str, as_json: bool, errors_to: str | None, actor_files: tuple[str, ...],
             classifier_dir: str | None, no_classifier: bool, max_sentences: int) -> None:
    """Score the coder on a gold JSONL file (format: docs/evaluation.md).

    \b
    Example:
      sanderling eval devset/dev.jsonl --json
    """
    from sanderling.evaluate import evaluate
    from sanderling.pipeline import Pipeline

    try:
        settings = Settings(actors=tuple(actor_files), classifier=not no_classifier, classifier_dir=classifier_dir,
                            max_sentences=max_sentences)
        _check_actors(settings)
        metrics, rows = evaluate(gold, Pipeline(settings))
    except SanderlingError as exc:
        _fail(str(exc))
    if errors_to:
        Path(errors_to).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    if as_json:
        click.echo(json.dumps(metrics, indent=2))
        return
    click.echo(f"n={metrics['n']}  accuracy={metrics['event_accuracy']}  macro-F1={metrics['event_macro_f1']}  "
               f"miss={metrics['miss_rate']}  false-event={metrics['false_event_rate']}  "
               f"source-codes={metrics['source_code_accuracy']}  target-codes={metrics['target_code_accuracy']}  "
               f"source-actors={metrics['source_actor_accuracy']}  target-actors={metrics['target_actor_accuracy']}")
    for t, v in metrics["per_type"].items():
        click.echo(f"  {t:<10} P={v['precision']:.2f} R={v['recall']:.2f} F1={v['f1']:.2f} n={v['n']}")


@main.command()
@click.argument("data", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the new head (classifier.json + event-head.npz).")
@click.option("--validation-share", default=0.1, show_default=True, type=click.FloatRange(0.0, 0.5),
              help="Share of sentences (fixed, by text hash) held out and scored before the final fit.")
@click.option("--l2", default=1e-3, show_default=True, type=click.FloatRange(0.0, 10.0), help="L2 penalty.")
def train(data: tuple[str, ...], out_dir: str, validation_share: float, l2: float) -> None:
    """Refit the event classifier's head on labelled sentences (DATA: JSONL files or folders).

    \b
    Each line: {"text": "...", "event": "ASSAULT"} (or "event": null for no event); the
    gold format of `sanderling eval` works as is. The shipped encoder stays; only the
    softmax head is refitted (numpy, no torch; a few seconds per thousand sentences).
    The shipped head was fitted with the encoder on training/sentences/ (see
    docs/classifier.md); add your own sentences to it:

    \b
      sanderling train training/sentences my_sentences.jsonl --out my-head
      sanderling code news/ --db events.duckdb --classifier my-head
    """
    from sanderling.events.train import TrainingDataError, train_head

    try:
        meta = train_head(data, out_dir, validation_share=validation_share, l2=l2)
    except TrainingDataError as exc:
        _fail(str(exc))
    except SanderlingError as exc:
        _fail(str(exc))
    val = meta["validation"]
    held = (f"; held-out {val['n']}: accuracy {val['accuracy']}, macro-F1 {val['macro_f1']}" if val else "")
    click.echo(f"trained on {meta['training']['sentences']} sentences{held}; wrote {out_dir}")


_EVERY = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")


def _seconds(value: str) -> float:
    m = _EVERY.match(value.strip().lower())
    if m is None:
        raise click.BadParameter(f"{value!r} is not a duration like 90s, 15m, 2h", param_hint="--every")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


@main.command()
@click.argument("feeds_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", default="events.duckdb", show_default=True,
              help="DuckDB file (created on first use) or postgresql://user@host/dbname URL.")
@click.option("--every", default="15m", show_default=True, help="Time between polls: 90s, 15m, 2h.")
@click.option("--once", is_flag=True, help="Poll once and exit (for cron or systemd timers).")
@click.option("--workers", type=int, default=None, help="Coding processes (default: one per core).")
@click.option("--allow-private", is_flag=True, help="Allow feeds and pages on private addresses.")
@click.option("--ignore-robots", is_flag=True, help="Fetch pages even where robots.txt disallows it.")
@click.option("--lock-timeout", default=30.0, show_default=True, help="Seconds to wait for a busy database.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def watch(feeds_file: str, db: str, every: str, once: bool, workers: int | None, allow_private: bool,
          ignore_robots: bool, lock_timeout: float, quiet: bool) -> None:
    """Poll the RSS/Atom feeds in FEEDS_FILE and code new entries as they appear.

    \b
    State lives in the database: an entry whose page is stored (coded or skipped) is never fetched
    again, so restarts resume where they stopped and failed pages are retried on the next poll.
    The database is opened only while a poll writes, so `sanderling code` and readers can use it
    between polls (one writer at a time; see docs/store.md).

    \b
    Examples:
      sanderling watch feeds.txt --db events.duckdb --every 15m
      sanderling watch feeds.opml --db events.duckdb --once
    """
    from sanderling.sources.feeds import read_feed_list

    pause = _seconds(every)
    settings = Settings(lock_timeout=lock_timeout)
    policy = _fetch_policy(allow_private, ignore_robots)
    try:
        while True:
            feeds = read_feed_list(feeds_file)  # re-read: edit the list without a restart

            def items(store: Any, feeds: list[str] = feeds) -> Any:
                from sanderling.sources.feeds import iter_feed_documents
                from sanderling.sources.web import Fetcher

                with Fetcher(policy) as fetcher:
                    yield from iter_feed_documents(feeds, settings, fetcher, seen=_seen_in(store), defer=True)

            counts = _code_items(items, db, settings, False, quiet, workers, 0.8)
            _summary(counts, db)
            if once:
                return
            time.sleep(pause)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    except SanderlingError as exc:
        _fail(str(exc))


@main.command()
@click.argument("lake", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default="events.duckdb", show_default=True, help="DuckDB file to merge into.")
@click.option("--lock-timeout", default=30.0, show_default=True, help="Seconds to wait for a busy database.")
def load(lake: str, db: str, lock_timeout: float) -> None:
    """Merge a Parquet lake written by `code --lake` into a DuckDB file (idempotent).

    \b
    Example:
      sanderling code news/ --engine ray --lake lake/ && sanderling load lake/ --db events.duckdb
    """
    from sanderling.store.parquet_lake import load_command

    try:
        n_docs, n_events, counts = load_command(lake, db, lock_timeout)
    except SanderlingError as exc:
        _fail(str(exc))
    click.echo(f"loaded {n_docs} documents and {n_events} events from {lake} → {db} "
               f"(now {counts.get('documents', 0)} documents, {counts.get('events', 0)} events)", err=True)


@main.group()
def actors() -> None:
    """Look up the actor dictionary (countries, organisations, dated offices of people)."""


@actors.command(name="lookup")
@click.argument("name")
@click.option("--date", "on", default=None, help="Code the actor as of this date (YYYY-MM-DD); default today.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actors YAML file (people and organisations; see docs/actors.md). Repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def actors_lookup(name: str, on: str | None, actor_files: tuple[str, ...], as_json: bool) -> None:
    """How NAME is coded: its code, sector and office at --date, and where the entry comes from.

    \b
    Examples:
      sanderling actors lookup "Kim Jong-un" --date 2024-07-19
      sanderling actors lookup "North Korean leader" --json
      sanderling actors lookup "Jane Doe" --actors my_actors.yaml
    """
    from sanderling.actors import Gazetteer
    from sanderling.actors.people import lookup

    if on is not None and not _is_date(on):
        raise click.BadParameter(f"{on!r} is not a date (YYYY-MM-DD)", param_hint="--date")
    try:
        gaz = Gazetteer.with_actors(tuple(actor_files))
    except SanderlingError as exc:
        _fail(str(exc))
    rows = []
    for p in lookup(name, gaz.people):
        c = p.at(on)
        rows.append({"name": p.name, "code": c.code, "sector": c.sector, "office": c.role, "source": p.source,
                     "offices": [{"role": o.role, "sector": o.sector, "start": o.start, "end": o.end}
                                 for o in p.offices]})
    if not rows:  # not a person: what does the gazetteer make of the text itself?
        for m in gaz.find(name, date=on):
            rows.append({"name": m.text, "code": m.code, "sector": m.sector, "office": "", "source": m.kind,
                         "offices": []})
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not rows:
        click.echo(f"no actor entry matches {name!r}")
    for r in rows if not as_json else []:
        office = f"  {r['office']}" if r["office"] else ""
        click.echo(f"{r['name']}: {r['code']} {r['sector'] or '-'}{office}  [{r['source']}]")
        for o in r["offices"]:
            click.echo(f"    {o['start'] or '…'} – {o['end'] or 'now'}  {o['sector']}  {o['role']}")
    if not rows:
        sys.exit(1)


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
        return True
    except ValueError:
        return False


# -- canonical events, trends and the REST API (sanderling.analysis, sanderling.api) ---------


def _need_db(db: str) -> None:
    import os

    from sanderling.store import display_db, is_postgres_url

    if is_postgres_url(db):
        _fail(f"this command works on DuckDB files only, not {display_db(db)}; "
              "export with `sanderling events --format parquet` or code into a DuckDB file")
    if db != ":memory:" and not os.path.exists(db):
        _fail(f"no database at {db}; run `sanderling code ... --db {db}` first")


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


@main.command()
@click.option("--db", default="events.duckdb", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (0.0.0.0: all).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token-env", default="SANDERLING_TOKEN", show_default=True,
              help="Environment variable holding the write token; unset or empty: read-only server.")
@click.option("--lock-timeout", default=30.0, show_default=True, help="Seconds to wait for a busy database.")
def serve(db: str, host: str, port: int, token_env: str, lock_timeout: float) -> None:
    """Serve the database as a REST API (OpenAPI docs at /docs).

    \b
    Read-only unless the environment variable named by --token-env holds a token; writes
    (POST /api/code with "store": true, POST /api/canonical/rebuild) then need
    "Authorization: Bearer <token>". While it runs the server holds the database: stop it
    before `sanderling code` writes to the same file. docs/api.md.
    \b
    Examples:
      sanderling serve --db events.duckdb
      SANDERLING_TOKEN=$(openssl rand -hex 24) sanderling serve --db events.duckdb --port 9000
    """
    import os

    try:
        import uvicorn

        from sanderling.api import create_app
    except ImportError:
        _fail("sanderling serve needs FastAPI and uvicorn: pip install 'sanderling[serve]'")
    _need_db(db)
    token = os.environ.get(token_env) or None
    try:
        app = create_app(db, token=token, lock_timeout=lock_timeout)
    except SanderlingError as exc:
        _fail(str(exc))
    mode = f"read-write (token from ${token_env})" if token else f"read-only (set ${token_env} to allow writes)"
    click.echo(f"serving {db} {mode} on http://{host}:{port} — API docs at http://{host}:{port}/docs", err=True)
    if token and len(token) < 16:
        click.echo("warning: the token is shorter than 16 characters; use a long random one", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}, not only this machine; there is no TLS — put a reverse proxy "
                   "in front for anything but a trusted network", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


if __name__ == "__main__":  # pragma: no cover
    main()
