"""Fit the confidence calibration shipped in ``src/sanderling/events/data/calibration.json``.

For every record of the fit set (default ``devset/dev.jsonl``) the text is coded as ``sanderling eval`` does
(same cleaning, top *happened* event by raw confidence). Each record with a predicted event gives one point:
(raw confidence, 1 if the predicted type equals the gold type else 0; a gold ``null`` makes any prediction
wrong). Records with no predicted event have no confidence to calibrate and are left out.

Candidate maps are compared by repeated stratified 5-fold cross-validation *on the fit set only* (out-of-fold
ECE, Brier score, log loss): identity, Platt scaling on logit(raw), Platt on raw, isotonic regression per
distinct raw value, isotonic on 3 / 5 equal-count bins, and the constant base rate. The method written to the
file is ``--method`` (default ``platt``: two parameters, strictly increasing so it never reorders a text's
events; the CV table shows whether anything else would have been clearly better). ``--heldout FILE`` (e.g. the
frozen test set) is only *scored* (ECE before/after), never used for fitting or choosing.

    /work/venv/bin/python scripts/calibrate.py                                    # fit on dev, write the file
    /work/venv/bin/python scripts/calibrate.py --heldout devset/test.jsonl --dry-run

Re-run it whenever the lexicon or ``pipeline._confidence`` changes (the file records the coder version it was
fitted on). Raw scores are read inside ``sanderling.calibration.uncalibrated()``, so this works whether or not
the pipeline already applies the calibration.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from sanderling.calibration import (
    IDENTITY,
    Calibration,
    expected_calibration_error,
    fit_isotonic,
    fit_platt,
    reliability,
    uncalibrated,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "sanderling" / "events" / "data" / "calibration.json"

FITTERS: dict[str, Callable[[np.ndarray, np.ndarray], Calibration]] = {
    "identity": lambda r, y: IDENTITY,
    "constant": lambda r, y: Calibration("isotonic", x=(0.0, 1.0), y=((y.sum() + 1) / (len(y) + 2),) * 2),
    "platt": lambda r, y: fit_platt(r, y),
    "platt-raw": lambda r, y: fit_platt(r, y, on_logit=False),
    "isotonic": lambda r, y: fit_isotonic(r, y),
    "isotonic-5bins": lambda r, y: fit_isotonic(r, y, n_bins=5),
    "isotonic-3bins": lambda r, y: fit_isotonic(r, y, n_bins=3),
}


def points(path: Path, pipe) -> tuple[np.ndarray, np.ndarray, int]:  # type: ignore[no-untyped-def]
    """(raw confidences, correct 0/1, records without a prediction) for a gold file."""
    from sanderling.evaluate import load_gold, top_event
    from sanderling.extract import clean_text
    from sanderling.model import Document

    gold = load_gold(path)
    docs = [Document(id=g.id, text=clean_text(g.text)[0] or g.text, pub_date=g.date) for g in gold]
    with uncalibrated():
        top = [top_event(evs) for evs in pipe.code_documents(docs)]
    pairs = [(e.confidence, int(e.event == g.event)) for g, e in zip(gold, top, strict=True) if e is not None]
    raw = np.array([p[0] for p in pairs], dtype=float)
    ok = np.array([p[1] for p in pairs], dtype=float)
    return raw, ok, len(gold) - len(pairs)


def scores(conf: np.ndarray, ok: np.ndarray) -> dict[str, float]:
    c = np.clip(conf, 1e-6, 1 - 1e-6)
    return {"ece": expected_calibration_error(conf, ok), "brier": float(np.mean((conf - ok) ** 2)),
            "log_loss": float(-np.mean(ok * np.log(c) + (1 - ok) * np.log(1 - c)))}


def apply(cal: Calibration, raw: np.ndarray) -> np.ndarray:
    return np.array([cal(v) for v in raw])


def cross_validate(raw: np.ndarray, ok: np.ndarray, folds: int, repeats: int, seed: int) -> dict[str, dict]:
    """Mean out-of-fold metrics over ``repeats`` stratified ``folds``-fold splits."""
    rng = np.random.default_rng(seed)
    acc: dict[str, list[dict[str, float]]] = {m: [] for m in FITTERS}
    for _ in range(repeats):
        fold = np.empty(len(ok), dtype=int)
        for cls in (0.0, 1.0):  # stratified: the few errors are spread over the folds
            idx = rng.permutation(np.flatnonzero(ok == cls))
            fold[idx] = np.arange(len(idx)) % folds
        for name, fitter in FITTERS.items():
            pred = np.empty(len(ok))
            for k in range(folds):
                test = fold == k
                cal = fitter(raw[~test], ok[~test])
                pred[test] = apply(cal, raw[test])
            acc[name].append(scores(pred, ok))
    return {m: {k: round(float(np.mean([r[k] for r in rows])), 4) for k in rows[0]} for m, rows in acc.items()}


def fmt_reliability(conf: np.ndarray, ok: np.ndarray) -> str:
    return "\n".join(f"    [{r['lo']:.1f}, {r['hi']:.1f})  n={r['n']:3d}  mean conf {r['confidence']:.3f}  "
                     f"accuracy {r['accuracy']:.3f}" for r in reliability(conf, ok))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", type=Path, action="append", default=None,
                    help="gold file to fit on (repeatable; default devset/dev.jsonl + the training sentences' "
                         "10%% validation share, see scripts/tune_classifier.py)")
    ap.add_argument("--heldout", type=Path, action="append", default=[], help="gold file to score only")
    ap.add_argument("--method", choices=sorted(FITTERS), default="platt", help="map written to the file")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--dry-run", action="store_true", help="report only, do not write the file")
    args = ap.parse_args(argv)

    from sanderling.pipeline import Pipeline

    pipe = Pipeline()
    if not args.fit:
        import tempfile

        sys.path.insert(0, str(ROOT / "scripts"))
        from tune_classifier import validation_gold

        val = validation_gold(ROOT / "training" / "sentences", 0.1, Path(tempfile.mkdtemp()) / "validation.jsonl")
        args.fit = [ROOT / "devset" / "dev.jsonl", val]
    parts = [points(f, pipe) for f in args.fit]
    raw = np.concatenate([p[0] for p in parts])
    ok = np.concatenate([p[1] for p in parts])
    n_none = sum(p[2] for p in parts)
    print(f"fit set {', '.join(f.name for f in args.fit)}: {len(raw)} records with a predicted event ({int(ok.sum())} right, "
          f"{len(raw) - int(ok.sum())} wrong); {n_none} records without a prediction left out")

    cv = cross_validate(raw, ok, args.folds, args.repeats, args.seed)
    print(f"\ncross-validation on the fit set ({args.repeats} x stratified {args.folds}-fold, out-of-fold):")
    print(f"    {'method':<16}{'ECE':>8}{'Brier':>8}{'log loss':>10}")
    for name, s in cv.items():
        print(f"    {name:<16}{s['ece']:>8.4f}{s['brier']:>8.4f}{s['log_loss']:>10.4f}")

    cal = FITTERS[args.method](raw, ok)
    before, after = scores(raw, ok), scores(apply(cal, raw), ok)
    print(f"\nchosen: {args.method} -> {json.dumps(cal.to_json())}")
    print(f"fit set (in-sample): ECE {before['ece']:.4f} -> {after['ece']:.4f}   "
          f"Brier {before['brier']:.4f} -> {after['brier']:.4f}")
    print("  raw:\n" + fmt_reliability(raw, ok))
    print("  calibrated:\n" + fmt_reliability(apply(cal, raw), ok))
    for path in args.heldout:
        h_raw, h_ok, h_none = points(path, pipe)
        hb, ha = scores(h_raw, h_ok), scores(apply(cal, h_raw), h_ok)
        print(f"\nheld out {path}: {len(h_raw)} predicted ({int(h_ok.sum())} right), {h_none} without prediction")
        print(f"  ECE {hb['ece']:.4f} -> {ha['ece']:.4f}   Brier {hb['brier']:.4f} -> {ha['brier']:.4f}   "
              f"log loss {hb['log_loss']:.4f} -> {ha['log_loss']:.4f}")
        print("  raw:\n" + fmt_reliability(h_raw, h_ok))
        print("  calibrated:\n" + fmt_reliability(apply(cal, h_raw), h_ok))

    if args.dry_run:
        return
    meta = {
        "target": "P(predicted type == gold type) for the top happened event of a text, given its raw confidence",
        "fit_files": [f.name for f in args.fit],
        "fit_files_sha256": [hashlib.sha256(f.read_bytes()).hexdigest()[:16] for f in args.fit],
        "n_points": int(len(raw)), "n_correct": int(ok.sum()), "n_without_prediction": n_none,
        "coder_version": pipe.version,
        "fitted": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "fit_set_ece_before": round(before["ece"], 4), "fit_set_ece_after": round(after["ece"], 4),
        "cv": {"folds": args.folds, "repeats": args.repeats, "seed": args.seed, "out_of_fold": cv},
        "script": "scripts/calibrate.py",
    }
    out = Calibration.from_json({**cal.to_json(), "meta": meta}).to_json()
    args.out.write_text(json.dumps(out, indent=2) + "\n", "utf-8")
    print(f"\nwrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
