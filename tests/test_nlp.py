"""The fast POS/lemma pass agrees with spaCy's own rule components on content words."""

from sanderling.nlp import fast_parser, parser_nlp

SENTENCES = [
    "Kenyan police detained dozens of students who had marched on parliament.",
    "The ministers met in Geneva and agreed to resume talks next month.",
    "Rebels shelled the town, killing three civilians and wounding 12.",
    "Beijing has imposed new sanctions on two American defence companies.",
    "the district police arrested three men and seized their vehicles on tuesday.",
]


def test_fast_annotation_matches_full_pipeline_on_content_words() -> None:
    fast, annotate = fast_parser()
    full = parser_nlp()
    total = same = 0
    for text in SENTENCES:
        a, b = full(text), annotate(fast(text))
        assert [(t.dep_, t.head.i, t.tag_) for t in a] == [(t.dep_, t.head.i, t.tag_) for t in b]
        for x, y in zip(a, b, strict=True):
            if x.tag_[:2] in ("NN", "VB", "JJ") and x.lemma_ not in ("be", "have", "do"):
                total += 1
                same += x.lemma_ == y.lemma_ and (x.pos_ == y.pos_ or {x.pos_, y.pos_} <= {"VERB", "AUX"})
    assert total > 30 and same / total >= 0.97


def test_fast_parser_multiplies_with_numpy_blas() -> None:
    fast, _ = fast_parser()
    assert {node.ops.name for node in fast.get_pipe("tok2vec").model.walk()} == {"sanderling_numpy_blas"}
    assert parser_nlp().get_pipe("tok2vec").model.ops.name == "numpy"  # the reference stays on blis


def test_lemmas_do_not_depend_on_which_sentence_came_first() -> None:
    from sanderling.nlp import FastAnnotator, fast_parser, parser_nlp

    full = parser_nlp()
    nlp, _ = fast_parser()

    def lemmas(order: list[str]) -> dict[str, list[str]]:
        ann = FastAnnotator(full)  # a fresh cache
        return {t: [x.lemma_ for x in ann(nlp(t)) if x.lower_ == "were"] for t in order}

    texts = ["Two soldiers were killed in the attack.", "They were angry about the attack."]
    assert lemmas(texts) == lemmas(texts[::-1]) == {texts[0]: ["be"], texts[1]: ["be"]}
