from sanderling.resolve.dates import resolve_date


def test_weekday_is_last_such_day_on_or_before_publication() -> None:
    assert resolve_date("Police raided the office on Tuesday.", "2024-07-05") == "2024-07-02"
    assert resolve_date("Police raided the office on Friday.", "2024-07-05") == "2024-07-05"


def test_explicit_and_relative_dates() -> None:
    assert resolve_date("On March 3 the army moved in.", "2024-07-05") == "2024-03-03"
    assert resolve_date("on 3 sept 2021 the talks began", None) == "2021-09-03"
    assert resolve_date("Troops withdrew yesterday.", "2024-01-01") == "2023-12-31"
    assert resolve_date("A month-day late in the year: December 30.", "2024-01-02") == "2023-12-30"


def test_no_expression_gives_publication_date() -> None:
    assert resolve_date("Nothing temporal here.", "2024-01-01") == "2024-01-01"
    assert resolve_date("Nothing temporal here.", None) is None
    assert resolve_date("Bad pub date", "not-a-date") is None


def test_contexts_come_from_the_sentence_and_the_parties_sectors() -> None:
    from sanderling.resolve.contexts import event_contexts, sentence_contexts

    assert event_contexts("Police fired tear gas at farmers demanding drinking water.", (), ("COP", "AGR")) == (
        "repression", "human_security")
    assert event_contexts("The court jailed the ex-mayor for bribery.", (), ("JUD",)) == ("legal", "corruption")
    # the trigger's own contexts come first; party sectors add theirs; no repeats
    assert event_contexts("Hackers stole voter rolls before the election.", ("cyber",), ("MIL",)) == (
        "cyber", "election", "military")
    # specific cues only: an ordinary political sentence has no subject-matter context
    assert sentence_contexts("The president said on Monday that he would travel to the capital.") == ()
    assert sentence_contexts("Think tanks appealed for calm after the meeting.") == ()
    assert set(sentence_contexts("North Korea fired two ballistic missiles carrying nuclear warheads.")) == {
        "military", "cbrn"}


def test_context_names_are_plovers() -> None:
    import json
    from importlib import resources

    from sanderling.resolve.contexts import CUES, SECTOR_CONTEXT

    raw = resources.files("sanderling.ontology").joinpath("data", "plover.json").read_text("utf-8")
    names = {c["name"] for c in json.loads(raw)["contexts"]}
    assert set(CUES) <= names and set(SECTOR_CONTEXT.values()) <= names


def test_events_carry_sentence_contexts() -> None:
    from sanderling.pipeline import Pipeline

    events = Pipeline().code_text("Riot police fired tear gas at protesters demanding an end to power cuts in Lagos.")
    assert events and {"repression", "human_security"} <= set(events[0].context)


def test_background_is_judged_by_the_triggers_own_clause() -> None:
    from sanderling.nlp import fast_parser
    from sanderling.resolve import modality

    nlp, annotate = fast_parser()

    def hist(text: str, word: str, year: int = 2025) -> bool:
        doc = annotate(nlp(text))
        tok = next(t for t in doc if t.text == word)
        return modality(doc[:], tok, year).historical

    text = "Russia, which annexed Crimea in 2014, struck Kyiv with drones on Monday."
    assert hist(text, "annexed") and not hist(text, "struck")
    assert hist("In October last year, the committee criticised the government.", "criticised")
    assert hist("They were kidnapped by militants in 2014.", "kidnapped")
    assert hist("They were kidnapped by militants in November 2013.", "kidnapped")
    assert hist("Rebels seized the town in early 2016.", "seized")
    assert not hist("Rebels seized the town in March 2025.", "seized")
    # reported speech backshifts tense: this is today's news
    assert not hist("The health ministry said an Israeli strike had killed three paramedics on Friday.", "killed")
    # a year inside the object is the object's ("convicted him of ordering a massacre in 1982")
    assert not hist("A court convicted a retired colonel of ordering the massacre of villagers in 1982.",
                    "convicted")


def test_background_events_are_not_a_texts_top_event() -> None:
    from sanderling.evaluate import top_event
    from sanderling.pipeline import Pipeline

    events = Pipeline().code_text("Thousands of Yazidis were kidnapped by Islamic State in 2014.",
                                  pub_date="2019-02-20")
    assert events and all(e.historical for e in events)
    assert top_event(events) is None


def test_prevented_denied_and_means_of_unreal_acts_are_not_events() -> None:
    from sanderling.nlp import fast_parser
    from sanderling.resolve import modality

    nlp, annotate = fast_parser()

    def mod(text: str, word: str):  # type: ignore[no-untyped-def]
        doc = annotate(nlp(text))
        return modality(doc[:], next(t for t in doc if t.text == word), 2018)

    assert mod("Troops prevented the rebels from seizing the airport.", "seizing").negated
    assert mod("Moscow has denied any involvement in the attack on the defector.", "attack").negated
    m = mod("The envoy may not want to anger Moscow by boycotting the talks.", "boycotting")
    assert m.negated or m.hypothetical
    assert not mod("Protesters blocked the road by burning tyres on Monday.", "burning").negated
    assert not mod("Rebels seized the airport on Monday.", "seized").negated


def test_the_news_that_frames_reported_speech() -> None:
    from sanderling.nlp import fast_parser
    from sanderling.resolve import modality

    nlp, annotate = fast_parser()
    doc = annotate(nlp("State radio carried the news that the junta had rejected the mediators' plan."))
    tok = next(t for t in doc if t.text == "rejected")
    assert not modality(doc[:], tok, 2025).historical
