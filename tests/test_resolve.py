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
