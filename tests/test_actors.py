from sanderling.actors import Gazetteer, home_country, is_lowercase_text


def codes(text: str, **kw):  # type: ignore[no-untyped-def]
    return [(m.text, m.code, m.sector) for m in Gazetteer.default().find(text, **kw)]


def test_countries_demonyms_and_sector_merge() -> None:
    assert codes("North Korean leader Kim Jong Un toured a factory.")[0][1:] == ("PRK", "GOV")
    assert ("Russian troops", "RUS", "MIL") in codes("Russian troops shelled the town.")
    assert codes("Police in Kenya fired tear gas.")[0][1:] == ("KEN", "COP")


def test_metonyms_and_organisations() -> None:
    found = codes("The Kremlin rejected a call by the United Nations and Human Rights Watch.")
    assert [c for _, c, _ in found] == ["RUS", "UNO", "NGO"]
    assert codes("Pyongyang said")[0][1] == "PRK"


def test_case_sensitive_abbreviations() -> None:
    assert [c for _, c, _ in codes("US officials said")] == ["USA"]
    assert all(c != "USA" for _, c, _ in codes("they told us nothing", lowercase_doc=True))


def test_word_boundaries_and_blockers() -> None:
    assert codes("The Indianapolis Colts won.") == []
    assert all(c != "USA" for _, c, _ in codes("Latin American ministers met."))


def test_lowercase_detection_and_home_country() -> None:
    text = "the district police on tuesday arrested three men. the mla said the kerala government would act."
    assert is_lowercase_text(text)
    assert not is_lowercase_text("The United States said on Monday.")
    ments = Gazetteer.default().find(text, lowercase_doc=True)
    assert home_country(ments, text) in (None, "IND")
    assert home_country([], "nothing here") is None


def test_event_location_has_coordinates_for_known_cities() -> None:
    from sanderling.pipeline import Pipeline

    ev = Pipeline().code_text("Kenyan police arrested 40 protesters in Mombasa on Tuesday.")[0]
    assert ev.event_loc is not None and (ev.event_loc.country, ev.event_loc.text) == ("KEN", "Mombasa")
    assert ev.event_loc.lat is not None and abs(ev.event_loc.lat + 4.05) < 0.1
    assert ev.to_plover()["event_loc"]["lon"] == ev.event_loc.lon


def test_home_country_from_small_towns() -> None:
    # towns outside the hand-made places list still betray the country of local news
    assert home_country([], "eldoret: a farmer was hacked to death by cattle rustlers, ocpd said.") == "KEN"
    assert home_country([], "bareilly: the dm ordered an inquiry into the custodial death.") == "IND"
