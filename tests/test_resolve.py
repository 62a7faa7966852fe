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
