"""`sanderling actors`: look up the actor dictionary."""

from __future__ import annotations

import json
import sys

import click

from sanderling.cli.common import _fail, _is_date, main
from sanderling.errors import SanderlingError


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
