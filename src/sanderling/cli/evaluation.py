"""`sanderling eval` and `train`: score the coder on gold data, refit its classifier head."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sanderling.cli.common import _check_actors, _fail, classifier_options, main
from sanderling.errors import SanderlingError
from sanderling.settings import Settings


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with all metrics.")
@click.option("--errors", "errors_to", default=None, help="Write per-record predictions (JSONL) here.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actors YAML file (people and organisations; see docs/actors.md). Repeatable.")
@classifier_options
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
