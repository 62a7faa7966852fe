"""`sanderling code` and `load`: read inputs, code what is new, write it to a database or lake."""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections import Counter
from typing import Any

import click

from sanderling.cli.common import _check_actors, _fail, _fetch_policy, classifier_options, main
from sanderling.errors import SanderlingError
from sanderling.model import Document
from sanderling.settings import Settings


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
@classifier_options
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


def _is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


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
