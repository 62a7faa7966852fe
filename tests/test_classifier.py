"""The shipped learned event classifier (fine-tuned MiniLM, int8 ONNX + softmax head) and how the pipeline uses it."""

from __future__ import annotations

import json
import shutil
from importlib import resources

import numpy as np
import pytest

from sanderling.errors import ModelError
from sanderling.events.classifier import SentenceClassifier
from sanderling.pipeline import CLASSIFIER, Pipeline, _with_classifier
from sanderling.settings import Settings

# Hand-written for this test (not from any corpus); clear cases the model should get right.
CLEAR = [
    ("Government warplanes bombed rebel positions near the town, killing 12 civilians.", "ASSAULT"),
    ("Thousands of students marched through the city centre to protest against tuition fees.", "PROTEST"),
    ("Authorities arrested the editor of an independent newspaper on Monday.", "COERCE"),
    ("The two foreign ministers met in Geneva to discuss the border dispute.", "CONSULT"),
    ("The United States imposed sanctions on the country's central bank.", "SANCTION"),
    ("Japan sent 40 tonnes of emergency food and tents to flood victims in Bangladesh.", "AID"),
    ("Subscribe to our newsletter for the latest headlines delivered to your inbox.", "none"),
    ("The central bank said inflation eased to 4.1 percent in March from 4.6 percent in February.", "none"),
]


@pytest.fixture(scope="module")
def clf() -> SentenceClassifier:
    return SentenceClassifier.default()


@pytest.fixture(scope="module")
def probs(clf) -> np.ndarray:
    return clf.predict_proba([text for text, _ in CLEAR])


def test_metadata_and_labels(clf):
    assert len(clf.labels) == 17 and clf.labels[-1] == "none"
    assert {"ASSAULT", "COERCE", "PROTEST", "AGREE"} <= set(clf.labels)
    assert clf.version.startswith("minilm-ft-")
    assert clf.meta["encoder"]["fine_tuned"] is True
    assert SentenceClassifier.default() is clf is SentenceClassifier.load(None)


def test_probabilities_are_distributions(clf, probs):
    assert probs.shape == (len(CLEAR), len(clf.labels))
    assert np.all(probs >= 0)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize("i", range(len(CLEAR)), ids=[label for _, label in CLEAR])
def test_clear_sentences(clf, probs, i):
    text, label = CLEAR[i]
    assert clf.labels[int(probs[i].argmax())] == label, (text, dict(zip(clf.labels, probs[i].round(2), strict=True)))


def test_batch_independent_and_edge_inputs(clf):
    texts = [t for t, _ in CLEAR] + ["", "short"]
    together = clf.embed(texts)
    alone = np.vstack([clf.embed([t]) for t in texts[:3]])
    np.testing.assert_allclose(alone, together[:3], atol=1e-3)  # weight-only quantisation: no batch effects
    assert clf.embed([]).shape == (0, 384)
    assert clf.predict_proba([]).shape == (0, 17)
    assert clf.predict_proba(["Rebels shelled the city. " * 300]).shape == (1, 17)  # truncated, not an error
    with pytest.raises(TypeError):
        clf.embed("a string, not a list")


def test_missing_files_raise_model_error(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        SentenceClassifier(tmp_path)
    (tmp_path / "classifier.json").write_text(json.dumps(SentenceClassifier.default().meta), "utf-8")
    with pytest.raises(ModelError, match="missing"):
        SentenceClassifier(tmp_path)


def test_head_mismatch_raises_model_error(tmp_path):
    data = resources.files("sanderling.events") / "data"
    meta = json.loads((data / "classifier.json").read_text("utf-8"))
    for name in (meta["encoder"]["tokenizer"], meta["head"]["file"]):
        shutil.copy(str(data / name), tmp_path / name)
    (tmp_path / meta["encoder"]["onnx"]).symlink_to(str(data / meta["encoder"]["onnx"]))
    meta["labels"] = list(reversed(meta["labels"]))
    (tmp_path / "classifier.json").write_text(json.dumps(meta), "utf-8")
    with pytest.raises(ModelError, match="does not match"):
        SentenceClassifier(tmp_path)


def _probs(**kw: float) -> dict[str, float]:
    rest = (1.0 - sum(kw.values())) / (17 - len(kw))
    labels = SentenceClassifier.default().labels
    return {lab: kw.get(lab, rest) for lab in labels}


def test_combination_rules():
    # agreement: kept, with the classifier's probability
    assert _with_classifier("ASSAULT", "aerial", _probs(ASSAULT=0.9)) == ("ASSAULT", "aerial", 0.9)
    # a confident other type re-types the event (its mode no longer applies)
    etype, mode, p = _with_classifier("COERCE", "arrest", _probs(ASSAULT=0.95, COERCE=0.01))
    assert (etype, mode) == ("ASSAULT", "") and p == pytest.approx(0.95)
    # "no event" with the lexicon's type unlikely: dropped
    assert _with_classifier("COERCE", "arrest", _probs(none=0.97, COERCE=0.001))[2] is None
    # an unsure classifier changes nothing
    assert _with_classifier("PROTEST", "demo", _probs(PROTEST=0.3, none=0.3))[:2] == ("PROTEST", "demo")
    assert 0 < CLASSIFIER["keep_type"] < CLASSIFIER["retype"] <= 1


def test_pipeline_classifier_filters_figurative_use():
    text = "The striker's attack on goal in the second half was the highlight for Kenya's fans."
    without = Pipeline(Settings(classifier=False)).code_text(text)
    with_clf = Pipeline().code_text(text)
    assert len(with_clf) <= len(without)
    assert not [e for e in with_clf if e.happened and e.event == "ASSAULT"]


def test_pipeline_versions_name_the_classifier():
    assert ".clf.minilm-ft-" in Pipeline().version
    assert ".clf." not in Pipeline(Settings(classifier=False)).version


def test_mode_heads(clf):
    emb = clf.embed(["Fighter jets pounded militant hideouts in the mountains from the air overnight.",
                     "Riot police detained 30 activists outside the parliament building."])
    assert clf.mode(emb[0], "ASSAULT")[0] == "aerial"
    assert clf.mode(emb[1], "COERCE")[0] == "arrest"
    assert clf.mode(emb[0], "AGREE") == ("", 0.0)  # AGREE has no modes


def test_pipeline_fills_missing_modes():
    # the trigger ("took into custody") carries no mode; the mode head supplies PLOVER's "arrest"
    events = Pipeline().code_text("Kenyan police took into custody 14 opposition supporters in Kisumu on Monday.")
    coerce = [e for e in events if e.event == "COERCE"]
    assert coerce and coerce[0].mode == "arrest"
