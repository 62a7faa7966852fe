from sanderling.segment import split_sentences


def test_offsets_point_into_text() -> None:
    text = "Iran protested on Monday. Iraq agreed to talks.\n\nNAIROBI - Police arrested 12 people."
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Iran protested on Monday.", "Iraq agreed to talks.",
                                       "NAIROBI - Police arrested 12 people."]
    for s in sents:
        assert text[s.start:s.end] == s.text


def test_lowercase_regional_text_and_empty() -> None:
    text = "the district police on tuesday arrested three men. sp said the accused were produced in court."
    assert len(split_sentences(text)) == 2
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []


def test_iter_sentences_is_lazy_and_matches_split() -> None:
    from sanderling.segment import iter_sentences

    text = "Iran protested. Iraq agreed.\n\nSecond paragraph here. And more.\n\nThird."
    it = iter_sentences(text)
    assert next(it).text == "Iran protested."
    assert [s.text for s in split_sentences(text)] == ["Iran protested.", "Iraq agreed.", "Second paragraph here.",
                                                     "And more.", "Third."]
