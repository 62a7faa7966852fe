"""The `sanderling` command: a thin shell over Pipeline, sources and Store.

Exit codes: 0 when the run completed (even if some documents were skipped or failed —
their status and reason are in the documents table); 1 when the run could not proceed
(database busy or unreadable, model missing, bad gold file); 2 for usage errors.

Commands live in modules by family and register themselves on `main` (sanderling.cli.common)
when imported here: coding (code, load), feeds (watch), export (events, docs), evaluation
(eval, train), lookup (actors), trends (canonical, trend) and server (serve).
"""

from sanderling.cli.coding import _code_items, code, load
from sanderling.cli.common import FORMATS, main
from sanderling.cli.evaluation import eval_cmd, train
from sanderling.cli.export import docs, events
from sanderling.cli.feeds import watch
from sanderling.cli.lookup import actors, actors_lookup
from sanderling.cli.server import serve
from sanderling.cli.trends import TREND_FORMATS, canonical_cmd, trend

__all__ = ["FORMATS", "TREND_FORMATS", "_code_items", "actors", "actors_lookup", "canonical_cmd", "code", "docs",
           "eval_cmd", "events", "load", "main", "serve", "train", "trend", "watch"]
