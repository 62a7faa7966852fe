"""`sanderling train`: refitting the classifier head on a user's labelled sentences (numpy, no torch)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from sanderling.cli import main
from sanderling.events.classifier import SentenceClassifier
from sanderling.events.train import TrainingDataError, fit_softmax, read_labelled, train_head

# Hand-written for this test: three labels, varied wording.
ROWS = [
    ("Soldiers shelled the village overnight, killing four people.", "ASSAULT"),
    ("Gunmen opened fire on a bus near the border town.", "ASSAULT"),
    ("Militants ambushed a police convoy on the highway.", "ASSAULT"),
    ("An air raid destroyed the district hospital.", "ASSAULT"),
    ("Rebels attacked an army post before dawn.", "ASSAULT"),
    ("Drones struck fuel depots in the port city.", "ASSAULT"),
    ("Teachers marched to parliament demanding higher pay.", "PROTEST"),
    ("Thousands rallied in the capital against the new tax.", "PROTEST"),
    ("Dock workers walked off the job in a wage dispute.", "PROTEST"),
    ("Students staged a sit-in outside the ministry.", "PROTEST"),
    ("Farmers blocked roads with tractors to protest fuel prices.", "PROTEST"),
    ("Residents demonstrated against power cuts on Sunday.", "PROTEST"),
    ("The stock index closed 0.4 percent higher on Friday.", None),
    ("Rain is expected across the north later this week.", None),
    ("The museum reopens to visitors after renovation.", None),
    ("Sign up for our daily newsletter.", None),
    ("The club signed a new goalkeeper for the season.", None),
    ("Exports grew by 3 percent last quarter.", None),
]


def _write(path, rows):
    path.write_text("".join(json.dumps({"text": t, "event": e}) + "\n" for t, e in rows), "utf-8")


def test_fit_softmax_separates_classes():
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(m, 0.3, (30, 5)) for m in (-2, 0, 2)])
    y = np.repeat([0, 1, 2], 30)
    W, b = fit_softmax(X, y, 3)
    assert W.shape == (3, 5) and b.shape == (3,)
    assert ((X @ W.T + b).argmax(1) == y).mean() > 0.95


def test_train_head_writes_a_usable_head(tmp_path):
    data = tmp_path / "mine.jsonl"
    _write(data, ROWS)
    meta = train_head([data], tmp_path / "head", validation_share=0.0)
    assert meta["training"]["sentences"] == len(ROWS)
    assert (tmp_path / "head" / "event-head.npz").is_file()
    clf = SentenceClassifier.load(tmp_path / "head")
    assert clf is not SentenceClassifier.default() and clf.labels == SentenceClassifier.default().labels
    preds = [label for label, _ in clf.predict([t for t, _ in ROWS])]
    assert np.mean([p == (e or "none") for p, (_, e) in zip(preds, ROWS, strict=True)]) >= 0.9


def test_bad_training_data_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "event": "ASSAULT"}\n{"text": "x", "event": "BOMBING"}\n', "utf-8")
    with pytest.raises(TrainingDataError, match=r"bad.jsonl:2: unknown event 'BOMBING'"):
        read_labelled([bad], SentenceClassifier.default().labels)
    with pytest.raises(TrainingDataError, match="no such file"):
        read_labelled([tmp_path / "missing.jsonl"], ["none"])


def test_cli_train_and_code_with_the_head(tmp_path):
    data = tmp_path / "mine.jsonl"
    _write(data, ROWS)
    runner = CliRunner()
    res = runner.invoke(main, ["train", str(data), "--out", str(tmp_path / "head"), "--validation-share", "0.2"])
    assert res.exit_code == 0, res.output
    assert "trained on 18 sentences" in res.output
    res = runner.invoke(main, ["code", "--classifier", str(tmp_path / "head"), "--text",
                               "Rebels attacked an army post near Goma on Tuesday."])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", "utf-8")
    res = runner.invoke(main, ["train", str(bad), "--out", str(tmp_path / "h2")])
    assert res.exit_code == 1 and "bad.jsonl:1" in res.output


def test_unreadable_or_empty_training_files(tmp_path):
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\xff\xfe\x00\x81 not utf-8")
    with pytest.raises(TrainingDataError, match="bin.jsonl: cannot read it as UTF-8"):
        read_labelled([binary], ["none"])
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", "utf-8")
    with pytest.raises(TrainingDataError, match="no labelled sentences"):
        read_labelled([empty], ["none"])
