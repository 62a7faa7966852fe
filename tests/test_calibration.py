from __future__ import annotations

import json
import math
from itertools import pairwise

import numpy as np
import pytest

from sanderling import calibration as cal_mod
from sanderling.calibration import (
    IDENTITY,
    Calibration,
    calibrate,
    default_calibration,
    expected_calibration_error,
    fit_isotonic,
    fit_platt,
    load_calibration,
    pool_adjacent_violators,
    reliability,
    uncalibrated,
)

GRID = [i / 200 for i in range(201)]


def _monotone(f) -> bool:  # type: ignore[no-untyped-def]
    vals = [f(x) for x in GRID]
    return all(b >= a - 1e-12 for a, b in pairwise(vals)) and all(0.0 <= v <= 1.0 for v in vals)


# --------------------------------------------------------------------------- the shipped map


def test_shipped_file_loads_and_is_monotone_in_unit_interval() -> None:
    cal = load_calibration()
    assert cal is not IDENTITY, "src/sanderling/events/data/calibration.json is missing or broken"
    assert _monotone(cal)
    assert _monotone(calibrate)


def test_shipped_map_is_strictly_increasing_on_raw_range() -> None:
    # the pipeline clips raw confidences to [0.05, 0.99]; a strictly increasing map keeps the event ranking
    cal = default_calibration()
    raws = [0.05 + i * 0.01 for i in range(95)]
    vals = [cal(r) for r in raws]
    assert all(b > a for a, b in pairwise(vals))


def test_calibrate_handles_edges() -> None:
    for raw in (0.0, 1.0, -0.5, 1.5, 0.05, 0.99):
        assert 0.0 <= calibrate(raw) <= 1.0
    assert math.isnan(default_calibration()(float("nan")))


def test_uncalibrated_context_is_identity() -> None:
    with uncalibrated():
        assert calibrate(0.42) == 0.42
        with uncalibrated():
            assert calibrate(0.7) == 0.7
        assert calibrate(0.3) == 0.3
    assert cal_mod._disabled == 0


# --------------------------------------------------------------------------- fallback and file format


def test_missing_file_gives_identity(tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    cal = load_calibration(tmp_path / "nope.json")
    assert cal is IDENTITY
    assert [cal(x) for x in (0.0, 0.3, 0.77, 1.0)] == [0.0, 0.3, 0.77, 1.0]
    assert cal(1.7) == 1.0 and cal(-1) == 0.0
    assert "no confidence calibration" in caplog.text


@pytest.mark.parametrize("content", ["{not json", json.dumps({"method": "platt", "a": -1, "b": 0}),
                                     json.dumps({"method": "isotonic", "x": [0.2, 0.1], "y": [0.1, 0.2]}),
                                     json.dumps({"method": "isotonic", "x": [0.1, 0.2], "y": [0.5, 0.4]}),
                                     json.dumps({"method": "magic"}), json.dumps({"format": 99, "method": "platt"})])
def test_broken_file_gives_identity(tmp_path, content) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "calibration.json"
    p.write_text(content)
    assert load_calibration(p) is IDENTITY


def test_default_is_cached_and_falls_back(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    default_calibration.cache_clear()
    try:
        monkeypatch.setattr(cal_mod, "default_path", lambda: tmp_path / "missing.json")
        assert default_calibration() is IDENTITY
        assert calibrate(0.63) == pytest.approx(0.63)
        assert default_calibration() is default_calibration()
    finally:
        monkeypatch.undo()
        default_calibration.cache_clear()
    assert default_calibration() is not IDENTITY


def test_json_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for cal in (Calibration("platt", a=1.2, b=2.0), Calibration("isotonic", x=(0.1, 0.5, 0.9), y=(0.2, 0.6, 0.95))):
        p = tmp_path / "c.json"
        p.write_text(json.dumps(cal.to_json()))
        back = load_calibration(p)
        assert back == cal
        assert [back(x) for x in GRID] == [cal(x) for x in GRID]


def test_isotonic_interpolates_between_knots() -> None:
    cal = Calibration("isotonic", x=(0.2, 0.6), y=(0.4, 0.8))
    assert cal(0.0) == 0.4 and cal(0.2) == 0.4
    assert cal(0.4) == pytest.approx(0.6)
    assert cal(0.6) == 0.8 and cal(1.0) == 0.8


# --------------------------------------------------------------------------- ECE


def test_ece_perfectly_calibrated_is_zero() -> None:
    conf = [0.25] * 4 + [0.75] * 4
    correct = [1, 0, 0, 0] + [1, 1, 1, 0]
    assert expected_calibration_error(conf, correct) == pytest.approx(0.0)


def test_ece_hand_computed() -> None:
    # bin [0.9, 1.0]: conf 0.95 and 1.0 (1.0 falls in the last bin), accuracy 0.5 -> gap 0.475, weight 2/3
    # bin [0.3, 0.4): conf 0.3, accuracy 1 -> gap 0.7, weight 1/3
    conf, correct = [0.95, 1.0, 0.3], [1, 0, 1]
    assert expected_calibration_error(conf, correct) == pytest.approx(2 / 3 * 0.475 + 1 / 3 * 0.7)
    rows = reliability(conf, correct)
    assert [(r["lo"], r["n"]) for r in rows] == [(0.3, 1), (0.9, 2)]


def test_ece_bounds_and_empty() -> None:
    assert expected_calibration_error([], []) == 0.0
    assert expected_calibration_error([1.0, 1.0], [0, 0]) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        expected_calibration_error([0.5], [1, 0])


# --------------------------------------------------------------------------- fitting


def _synthetic(n: int = 400, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    raw = rng.uniform(0.05, 0.99, n)
    truth = 1 / (1 + np.exp(-(1.5 * np.log(raw / (1 - raw)) + 1.0)))
    return raw, (rng.uniform(size=n) < truth).astype(float)


def test_platt_recovers_parameters_and_lowers_ece() -> None:
    raw, ok = _synthetic(4000)
    cal = fit_platt(raw, ok)
    assert cal.method == "platt"
    assert cal.a == pytest.approx(1.5, abs=0.2) and cal.b == pytest.approx(1.0, abs=0.2)
    after = [cal(r) for r in raw]
    assert expected_calibration_error(after, ok) < expected_calibration_error(raw, ok)
    assert _monotone(cal)


def test_platt_with_no_errors_stays_below_one() -> None:
    cal = fit_platt([0.3, 0.5, 0.7, 0.9], [1, 1, 1, 1])  # Platt's smoothed targets: never exactly 1
    assert all(cal(x) < 1.0 for x in GRID) and _monotone(cal)


def test_isotonic_fit_is_monotone_and_smoothed() -> None:
    raw, ok = _synthetic(300, seed=1)
    for bins in (None, 3, 5):
        cal = fit_isotonic(raw, ok, n_bins=bins)
        assert cal.method == "isotonic" and _monotone(cal)
    cal = fit_isotonic([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])
    assert 0.0 < cal(0.0) < cal(1.0) < 1.0  # the prior keeps pure groups off 0 and 1


def test_pool_adjacent_violators() -> None:
    assert pool_adjacent_violators([1, 3, 2, 4]) == [1, 2.5, 2.5, 4]
    assert pool_adjacent_violators([3, 2, 1]) == [2, 2, 2]
    assert pool_adjacent_violators([0, 1], [1, 1]) == [0, 1]
    assert pool_adjacent_violators([2.0, 0.0], [3, 1]) == [1.5, 1.5]
