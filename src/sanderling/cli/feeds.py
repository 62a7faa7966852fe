"""`sanderling watch`: poll feeds and code new entries with the loop of `sanderling code`."""

from __future__ import annotations

import re
import time
from typing import Any

import click

from sanderling.cli.coding import _code_items, _seen_in, _summary
from sanderling.cli.common import _fail, _fetch_policy, main
from sanderling.errors import SanderlingError
from sanderling.settings import Settings

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
