"""From event records to understanding: canonical events and dyad trends (see docs/trends.md).

    >>> from sanderling.store import Store                               # doctest: +SKIP
    >>> from sanderling.analysis import build_canonical, dyad_series
    >>> with Store("events.duckdb") as store:
    ...     build_canonical(store)                                       # canonical_events, event_canonical
    ...     weekly = dyad_series(store, "PRK", "USA", since="2024-01-01")  # pyarrow.Table
"""

from sanderling.analysis.canonical import (
    DEFAULT_WINDOW,
    UNDIRECTED_TYPES,
    AnalysisError,
    build_canonical,
    canonical_id,
    canonical_status,
    has_canonical,
)
from sanderling.analysis.trends import FREQS, dyad_series, robust_z, top_dyads

__all__ = [
    "DEFAULT_WINDOW",
    "FREQS",
    "UNDIRECTED_TYPES",
    "AnalysisError",
    "build_canonical",
    "canonical_id",
    "canonical_status",
    "dyad_series",
    "has_canonical",
    "robust_z",
    "top_dyads",
]
