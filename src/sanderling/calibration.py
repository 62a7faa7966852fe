"""Calibrated event confidence: a monotone map from the coder's raw ``Event.confidence`` to P(type correct).

The raw confidence (``pipeline._confidence``) is a ranking score: trigger weight times penalties for
subordinate clauses, background mentions, late sentences and missing parties. ``calibrate`` turns it into an
estimate of the probability that an event coded with that score *as the top event of its text* has the right
PLOVER type, fitted on the hand-labelled development set by ``scripts/calibrate.py`` and shipped as
``sanderling/events/data/calibration.json`` (method, parameters and provenance; see docs/accuracy.md)::

    >>> from sanderling.calibration import calibrate
    >>> 0.0 <= calibrate(0.8) <= 1.0
    True

Only numpy-free arithmetic at run time: the file is read once per process (``lru_cache``). A missing or broken
file gives the identity map (clipped to [0, 1]), so the raw score passes through unchanged. The shipped map is
Platt scaling on the logit of the raw score, ``sigmoid(a * logit(raw) + b)`` with ``a > 0``: strictly
increasing, so it never changes which of a text's events ranks first.

The fitting helpers (``fit_platt``, ``fit_isotonic``, ``expected_calibration_error``) use numpy and are meant
for ``scripts/calibrate.py`` and the tests.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DATA_FILE = "calibration.json"
FORMAT = 1
_EPS = 1e-4  # raw scores are clipped to [_EPS, 1 - _EPS] before the logit
_disabled = 0  # > 0 inside ``uncalibrated()``


def _logit(p: float) -> float:
    p = min(1.0 - _EPS, max(_EPS, p))
    return math.log(p / (1.0 - p))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True)
class Calibration:
    """A monotone non-decreasing map [0, 1] → [0, 1].

    ``method``: ``"identity"``; ``"platt"`` = ``sigmoid(a * logit(raw) + b)``; ``"isotonic"`` = piecewise-linear
    through the knots ``(x, y)`` (flat outside them).
    """

    method: str = "identity"
    a: float = 1.0
    b: float = 0.0
    x: tuple[float, ...] = ()
    y: tuple[float, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.method not in ("identity", "platt", "isotonic"):
            raise ValueError(f"unknown calibration method {self.method!r}")
        if self.method == "platt" and not (math.isfinite(self.a) and math.isfinite(self.b) and self.a >= 0):
            raise ValueError("platt calibration needs finite a >= 0 and b")
        if self.method == "isotonic":
            if not self.x or len(self.x) != len(self.y):
                raise ValueError("isotonic calibration needs knots x and y of the same, non-zero length")
            if any(x1 <= x0 for x0, x1 in pairwise(self.x)) or any(
                    y1 < y0 for y0, y1 in pairwise(self.y)):
                raise ValueError("isotonic knots must have increasing x and non-decreasing y")
            if not all(0.0 <= v <= 1.0 for v in self.y):
                raise ValueError("isotonic knot values must lie in [0, 1]")

    def __call__(self, raw: float) -> float:
        r = float(raw)
        if math.isnan(r):
            return r
        r = min(1.0, max(0.0, r))
        if self.method == "platt":
            return _sigmoid(self.a * _logit(r) + self.b)
        if self.method == "isotonic":
            xs, ys = self.x, self.y
            if r <= xs[0]:
                return ys[0]
            if r >= xs[-1]:
                return ys[-1]
            lo, hi = 0, len(xs) - 1
            while hi - lo > 1:  # binary search for the segment holding r
                mid = (lo + hi) // 2
                if xs[mid] <= r:
                    lo = mid
                else:
                    hi = mid
            t = (r - xs[lo]) / (xs[hi] - xs[lo])
            return ys[lo] + t * (ys[hi] - ys[lo])
        return r

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": FORMAT, "method": self.method}
        if self.method == "platt":
            out.update(a=self.a, b=self.b, input="logit(raw confidence)")
        elif self.method == "isotonic":
            out.update(x=list(self.x), y=list(self.y))
        if self.meta:
            out["meta"] = self.meta
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Calibration:
        if int(data.get("format", FORMAT)) != FORMAT:
            raise ValueError(f"calibration format {data.get('format')!r} is not {FORMAT}")
        method = str(data["method"])
        if method == "platt":
            return cls("platt", a=float(data["a"]), b=float(data["b"]), meta=data.get("meta") or {})
        if method == "isotonic":
            return cls("isotonic", x=tuple(float(v) for v in data["x"]), y=tuple(float(v) for v in data["y"]),
                       meta=data.get("meta") or {})
        return cls(method, meta=data.get("meta") or {})


IDENTITY = Calibration()


def default_path() -> Path:
    return Path(str(resources.files("sanderling.events") / "data" / DATA_FILE))


def load_calibration(path: str | Path | None = None) -> Calibration:
    """The map in ``path`` (default: the shipped file); the identity map if the file is missing or broken."""
    p = Path(path) if path is not None else default_path()
    try:
        data = json.loads(p.read_text("utf-8"))
        return Calibration.from_json(data)
    except FileNotFoundError:
        log.warning("no confidence calibration at %s: confidences are the raw scores", p)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("confidence calibration %s is unreadable (%s): confidences are the raw scores", p, exc)
    return IDENTITY


@lru_cache(maxsize=1)
def default_calibration() -> Calibration:
    """The shipped map, read once per process."""
    return load_calibration()


def calibrate(raw: float) -> float:
    """P(the top event's type is correct) for a raw ``Event.confidence``; in [0, 1], monotone in ``raw``."""
    if _disabled:
        return min(1.0, max(0.0, float(raw)))
    return default_calibration()(raw)


@contextlib.contextmanager
def uncalibrated() -> Iterator[None]:
    """Inside this block ``calibrate`` is the identity (used by scripts/calibrate.py to read raw scores)."""
    global _disabled
    _disabled += 1
    try:
        yield
    finally:
        _disabled -= 1


# --------------------------------------------------------------------------- evaluation and fitting (numpy)


def reliability(confidence: Sequence[float], correct: Sequence[bool | int], bins: int = 10) -> list[dict[str, Any]]:
    """Per equal-width bin of [0, 1]: count, mean confidence, accuracy (empty bins left out)."""
    import numpy as np

    c = np.asarray(confidence, dtype=float)
    y = np.asarray(correct, dtype=float)
    if c.shape != y.shape:
        raise ValueError("confidence and correct must have the same length")
    idx = np.clip((c * bins).astype(int), 0, bins - 1)  # [0, 0.1), ..., [0.9, 1.0]
    rows = []
    for k in range(bins):
        m = idx == k
        if m.any():
            rows.append({"lo": k / bins, "hi": (k + 1) / bins, "n": int(m.sum()),
                         "confidence": float(c[m].mean()), "accuracy": float(y[m].mean())})
    return rows


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool | int], bins: int = 10) -> float:
    """ECE with ``bins`` equal-width bins: sum over bins of |bin share| × |accuracy − mean confidence|."""
    n = len(confidence)
    if n == 0:
        return 0.0
    return float(sum(r["n"] / n * abs(r["accuracy"] - r["confidence"]) for r in reliability(confidence, correct, bins)))


def fit_platt(raw: Sequence[float], correct: Sequence[bool | int], *, on_logit: bool = True) -> Calibration:
    """Platt scaling: logistic regression of correctness on logit(raw), with Platt's smoothed targets
    ((n₊+1)/(n₊+2) and 1/(n₋+2)) so that a handful of errors cannot push the map to 0 or 1.

    ``on_logit=False`` fits ``sigmoid(a * raw + b)`` instead; it is returned as an isotonic table sampled on a fine
    grid (the stored map is always one of the two shapes ``Calibration`` knows).
    """
    import numpy as np

    r = np.clip(np.asarray(raw, dtype=float), _EPS, 1 - _EPS)
    y = np.asarray(correct, dtype=float)
    if len(r) == 0:
        return IDENTITY
    f = np.log(r / (1 - r)) if on_logit else r
    n_pos, n_neg = y.sum(), len(y) - y.sum()
    t = np.where(y > 0, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    a, b = 1.0, 0.0

    def nll(a: float, b: float) -> float:
        z = a * f + b
        return float(np.sum(np.logaddexp(0, z) - t * z))

    for _ in range(100):  # Newton-Raphson with step halving
        p = 1 / (1 + np.exp(-(a * f + b)))
        g = np.array([np.sum((p - t) * f), np.sum(p - t)])
        w = p * (1 - p) + 1e-12
        H = np.array([[np.sum(w * f * f), np.sum(w * f)], [np.sum(w * f), np.sum(w)]]) + 1e-9 * np.eye(2)
        step = np.linalg.solve(H, g)
        cur, s = nll(a, b), 1.0
        while s > 1e-8 and nll(a - s * step[0], b - s * step[1]) > cur:
            s /= 2
        a, b = a - s * step[0], b - s * step[1]
        if abs(s * step).max() < 1e-10:
            break
    a = max(0.0, float(a))  # a decreasing map would invert the ranking; never seen, but keep the promise
    if on_logit:
        return Calibration("platt", a=a, b=float(b))
    grid = np.linspace(0, 1, 101)
    vals = 1 / (1 + np.exp(-(a * grid + b)))
    return Calibration("isotonic", x=tuple(float(v) for v in grid), y=tuple(float(v) for v in vals))


def pool_adjacent_violators(y: Sequence[float], w: Sequence[float] | None = None) -> list[float]:
    """Weighted least-squares non-decreasing fit to ``y`` (in the given order)."""
    import numpy as np

    yv = np.asarray(y, dtype=float)
    wv = np.ones_like(yv) if w is None else np.asarray(w, dtype=float)
    vals: list[float] = []
    wts: list[float] = []
    sizes: list[int] = []
    for v, wt in zip(yv, wv, strict=True):
        vals.append(float(v))
        wts.append(float(wt))
        sizes.append(1)
        while len(vals) > 1 and vals[-2] > vals[-1]:
            tw = wts[-2] + wts[-1]
            merged = (vals[-2] * wts[-2] + vals[-1] * wts[-1]) / tw
            vals[-2:], wts[-2:], sizes[-2:] = [merged], [tw], [sizes[-2] + sizes[-1]]
    out: list[float] = []
    for v, s in zip(vals, sizes, strict=True):
        out.extend([v] * s)
    return out


def fit_isotonic(raw: Sequence[float], correct: Sequence[bool | int], *, n_bins: int | None = None,
                 prior: float = 1.0) -> Calibration:
    """Isotonic regression (pool-adjacent-violators) of correctness on the raw score.

    ``n_bins``: first group the points into that many equal-count bins of the raw score (fewer, steadier steps
    with little data); ``None`` = one group per distinct raw value. Each group's accuracy is smoothed towards
    the overall rate with ``prior`` pseudo-observations (so a pure group of 5 is not 1.0). Knots sit at the
    groups' mean raw scores; the map is linear between them and flat outside.
    """
    import numpy as np

    r = np.asarray(raw, dtype=float)
    y = np.asarray(correct, dtype=float)
    if len(r) == 0:
        return IDENTITY
    order = np.argsort(r, kind="mergesort")
    r, y = r[order], y[order]
    if n_bins is None:
        keys = np.unique(r, return_inverse=True)[1]
    else:
        # equal-count bins that never split a tied raw value
        cuts = np.quantile(r, np.linspace(0, 1, n_bins + 1)[1:-1])
        keys = np.searchsorted(np.unique(cuts), r, side="right")
    groups = [np.flatnonzero(keys == k) for k in np.unique(keys)]
    base = float(y.mean())
    gx = [float(r[g].mean()) for g in groups]
    gw = [float(len(g)) for g in groups]
    gy = [(float(y[g].sum()) + prior * base) / (len(g) + prior) for g in groups]
    fitted = pool_adjacent_violators(gy, gw)
    xs: list[float] = []
    ys: list[float] = []
    # one knot per PAV block: weighted mean raw score and the block value
    i = 0
    while i < len(fitted):
        j = i
        while j + 1 < len(fitted) and fitted[j + 1] == fitted[i]:
            j += 1
        w = sum(gw[i:j + 1])
        xs.append(sum(gx[k] * gw[k] for k in range(i, j + 1)) / w)
        ys.append(min(1.0, max(0.0, fitted[i])))
        i = j + 1
    if len(xs) == 1:
        xs, ys = [0.0, 1.0], [ys[0], ys[0]]
    return Calibration("isotonic", x=tuple(xs), y=tuple(ys))


__all__ = [
    "Calibration", "IDENTITY", "calibrate", "default_calibration", "load_calibration", "uncalibrated",
    "expected_calibration_error", "reliability", "fit_platt", "fit_isotonic", "pool_adjacent_violators",
]
