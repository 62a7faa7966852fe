"""The `sanderling` group and what its commands share: error exit, formats, option checks."""

from __future__ import annotations

import sys
from typing import Any

import click

from sanderling import __version__
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


def _check_actors(settings: Settings) -> None:
    """Load the user's actor files now, so a bad file is one clear error before any work starts."""
    if settings.actors:
        from sanderling.actors import Gazetteer

        Gazetteer.with_actors(settings.actors)


def _fetch_policy(allow_private: bool, ignore_robots: bool) -> Any:
    from sanderling.sources.web import FetchPolicy

    return FetchPolicy(allow_private=allow_private, respect_robots=not ignore_robots)


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _need_db(db: str) -> None:
    import os

    from sanderling.store import display_db, is_postgres_url

    if is_postgres_url(db):
        _fail(f"this command works on DuckDB files only, not {display_db(db)}; "
              "export with `sanderling events --format parquet` or code into a DuckDB file")
    if db != ":memory:" and not os.path.exists(db):
        _fail(f"no database at {db}; run `sanderling code ... --db {db}` first")


def classifier_options(command: Any) -> Any:
    """``--classifier DIR`` and ``--no-classifier``, shared by the commands that code text."""
    command = click.option("--no-classifier", is_flag=True, help="Lexicon and parse only: do not use the learned "
                           "sentence classifier (faster, less accurate).")(command)
    return click.option("--classifier", "classifier_dir", default=None,
                        type=click.Path(exists=True, file_okay=False),
                        help="Use a classifier head folder written by `sanderling train` instead of the shipped "
                             "one.")(command)
