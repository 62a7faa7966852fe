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


def test_home_country_from_district_towns_of_5000() -> None:
    # a district headquarters below GeoNames' 15,000 list (vote-only "votes" names of homeplaces.json)
    assert home_country([], "police in koderma arrested two men after a clash over land.") == "IND"
    # ... but towns that are English words ("march", "deal", "mobile") never vote
    assert home_country([], "villagers held a march after the deal on mobile towers, police said.") is None
    # nor do town names made of English words ("The Village", "Cut Off", "The Range")
    assert home_country([], "the village council said supplies were cut off when the range fire spread.") is None


def test_regional_forces_lowercase_and_mixed_case() -> None:
    """Well-known regional bodies are coded on lowercase pages too, and their short forms never swallow
    English words on ordinary pages."""
    low = "siliguri: bsf jawans seized 40 cattle heads; the nia and the ed later questioned two traders."
    assert is_lowercase_text(low)
    got = {(c, s) for _, c, s in codes(low, lowercase_doc=True)}
    assert ("IND", "COP") in got
    assert [t for t, c, _ in codes(low, lowercase_doc=True) if c == "IND" and t in ("bsf", "nia", "ed")] == [
        "bsf", "nia", "ed"]
    assert [c for t, c, _ in codes("the pnp and the nbi raided a warehouse in cebu.", lowercase_doc=True)
            if t in ("pnp", "nbi")] == ["PHL", "PHL"]
    assert codes("the rab detained a suspect in sylhet.", lowercase_doc=True)[0][1:] == ("BGD", "COP")
    assert codes("kdf soldiers patrolled the border.", lowercase_doc=True)[0][1] == "KEN"
    assert codes("dss operatives arrested the cleric.", lowercase_doc=True)[0][1] == "NGA"
    assert codes("msf said its clinic was looted.", lowercase_doc=True)[0][1] == "NGO"
    # mixed case: the abbreviations match only in capitals; "ed" and "nab" stay words
    assert [c for _, c, _ in codes("The EFCC and the CBI signed a memorandum.")] == ["NGA", "IND"]
    assert codes("He edited the report.") == []
    assert all(t != "nab" for t, _, _ in codes("police nab two thieves in the market.", lowercase_doc=True))
    assert all(t.lower() != "ed" for t, _, _ in codes("Ed said the match was over."))


def test_levies_and_rangers_are_police_words() -> None:
    got = codes("a team of levies personnel and rangers cordoned off the turbat market.", lowercase_doc=True)
    assert ("levies personnel", "", "COP") in got and ("rangers", "", "COP") in got
    assert all(t != "levies" for t, _, _ in codes("The government raised import levies on steel."))


def test_sector_noun_joins_its_organisation() -> None:
    assert codes("Foreign ministers of the African Union met in Addis Ababa.")[0] == (
        "Foreign ministers of the African Union", "IGO", "GOV")
    assert codes("The paramilitary Rapid Support Forces shelled the camp.")[0] == (
        "paramilitary Rapid Support Forces", "SDN", "REB")


def test_mediator_is_not_a_party() -> None:
    got = codes("Armenia left the EU-mediated talks with Azerbaijan.")
    assert [c for _, c, _ in got] == ["ARM", "AZE"]


def test_home_country_from_one_cue_and_regions() -> None:
    # one country-specific word of local press decides when nothing else votes
    assert home_country([], "the sdm sealed two clinics after the raid, officials said.") == "IND"
    assert home_country([], "the lgu suspended classes after the flood, the mayor said.") == "PHL"
    # a tie goes to the country named first
    assert home_country([], "the sdm met the lgu delegation.") == "IND"
    # historical regions of India vote like towns
    ments = Gazetteer.default().find("farmers in vidarbha blocked the highway.", lowercase_doc=True)
    assert home_country(ments, "farmers in vidarbha blocked the highway.") == "IND"


def test_combining_forms_only_in_hyphenated_pairs() -> None:
    assert [c for _, c, _ in codes("Sino-Japanese relations cooled.")] == ["CHN", "JPN"]
    assert [c for _, c, _ in codes("the pak-afghan border reopened.", lowercase_doc=True)] == ["PAK", "AFG"]
    assert codes("Franco died in 1975.") == []
    assert codes("an Indo-Pacific strategy and Greco-Roman wrestling") == []


def test_town_named_after_a_settlement_noun() -> None:
    """Towns of the GeoNames list become place mentions only after "the town of", "the city of" ..."""
    got = codes("Insurgents overran the border town of Zaranj on Friday.")
    assert ("Zaranj", "AFG", "") in got
    assert all(t != "Zaranj" for t, _, _ in codes("Zaranj is quiet."))
    assert codes("the city of zaranj", lowercase_doc=True) == [("zaranj", "AFG", "")]


def test_south_asian_police_ranks_are_sector_words() -> None:
    got = codes("the ssp and two sho-rank officers reached the spot; the sdm ordered a probe.", lowercase_doc=True)
    assert ("ssp", "", "COP") in got and ("sdm", "", "GOV") in got


def test_seas_and_gulfs_are_no_country() -> None:
    got = codes("Vietnamese and Malaysian ships held drills in the Gulf of Thailand and the Sea of Japan.")
    assert [c for _, c, _ in got] == ["VNM", "MYS"]


def test_town_shared_with_small_namesakes_votes_for_its_big_city() -> None:
    """"kano" also names small towns abroad; Nigeria's city is far bigger, so the name votes NGA."""
    from sanderling.actors.home import town_country

    assert town_country("kano") == "NGA"
    assert town_country("benito juarez") == "MEX"


def test_regional_parties_unions_and_bodies_in_lowercase() -> None:
    low = "bjd and odm workers met nup and bnp leaders; kuppet, the nlc and abvp joined; the ppp's chapter"
    got = {t: c for t, c, _ in codes(low, lowercase_doc=True)}
    for word, code in [("bjd", "IND"), ("odm", "KEN"), ("nup", "UGA"), ("bnp", "BGD"), ("kuppet", "KEN"),
                       ("nlc", "NGA"), ("abvp", "IND"), ("ppp", "PAK")]:
        assert any(t.split()[0] == word and c == code for t, c in got.items()), word
    # the upper-case bank and economics abbreviations are no parties
    assert codes("BNP Paribas cut its forecast on a PPP basis.") == []


def test_local_government_area_is_a_place_not_a_government() -> None:
    assert all(s != "GOV" for _, _, s in codes("11 men were held in gwale local government area.",
                                               lowercase_doc=True))
    assert ("local government", "", "GOV") in codes("the local government ordered a probe.", lowercase_doc=True)


def test_body_of_a_place_in_its_own_country_is_one_mention() -> None:
    got = codes("the sangguniang panlalawigan of cagayan and the hisbah board in kano", lowercase_doc=True)
    assert ("sangguniang panlalawigan of cagayan", "PHL", "LEG") in got
    assert ("hisbah board in kano", "NGA", "COP") in got


def test_local_titles_and_towns() -> None:
    got = codes("a village administrative officer, two constables and the upazila parishad chairman met in taxila "
                "and tuguegarao", lowercase_doc=True)
    assert ("village administrative officer", "", "GOV") in got
    assert ("constables", "", "COP") in got
    assert ("upazila parishad chairman", "", "GOV") in got
    assert ("taxila", "PAK", "") in got and ("tuguegarao", "PHL", "") in got
    got = codes("curfew in nuh, floods in barguna and sarlahi", lowercase_doc=True)
    assert [c for _, c, _ in got] == ["IND", "BGD", "NPL"]


def test_home_country_from_a_national_police_or_agency() -> None:
    text = "the ctd claimed to have killed four terrorists in an exchange of fire."
    assert home_country(Gazetteer.default().find(text), text) == "PAK"
    text = "the hamas leadership met in the evening."  # an armed group gives no home country
    assert home_country(Gazetteer.default().find(text), text) is None


def test_local_press_abbreviations_only_in_lower_case() -> None:
    got = codes("the dc and the sp visited the spot; the cmo and two mnas were present.", lowercase_doc=True)
    assert ("dc", "", "GOV") in got and ("sp", "", "COP") in got
    assert ("cmo", "", "MED") in got and ("mnas", "", "LEG") in got
    got = codes("Officials in Washington, DC met SP Group executives.")
    assert not any(t in ("DC", "SP") for t, _, _ in got)


def test_shipped_gazetteer_and_places_are_what_the_build_scripts_make() -> None:
    # hand edits of the JSON files would be lost on the next rebuild: data lives in scripts/
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for script in ("build_gazetteer.py", "build_places.py"):
        res = subprocess.run([sys.executable, str(root / "scripts" / script), "--check"], capture_output=True,
                             text=True, cwd=root)
        assert res.returncode == 0, res.stderr


def test_foreign_people_in_a_country_are_not_its_own() -> None:
    from sanderling.actors import Gazetteer

    g = Gazetteer.with_actors(())
    ms = g.find("Airstrikes killed 60 foreign fighters in Syria; protesters in Mombasa marched.")
    by = {m.text: m.code for m in ms}
    assert by.get("protesters in Mombasa") == "KEN"
    assert "fighters in Syria" not in by and by.get("Syria") == "SYR"
