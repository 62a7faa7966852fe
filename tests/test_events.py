"""Trigger lexicon and detection on hand-written sentences."""

from __future__ import annotations

import pytest

from sanderling.events import Lexicon, find_triggers, select
from sanderling.events.lexicon import inflections
from sanderling.nlp import fast_parser

ENTRIES = [
    {"lemma": "impose", "pos": "VERB", "event": "SANCTION", "mode": "discontinue", "objects": ["sanction"]},
    {"lemma": "threaten", "pos": "VERB", "event": "THREATEN"},
    {"lemma": "call", "pos": "VERB", "event": "REQUEST", "with": ["for"]},
    {"lemma": "kill", "pos": "VERB", "event": "ASSAULT"},
    {"lemma": "strike", "pos": "NOUN", "event": "ASSAULT", "mode": "drone", "modifiers": ["drone"]},
    {"lemma": "strike", "pos": "NOUN", "event": "PROTEST", "mode": "strike"},
    {"lemma": "meet", "pos": "VERB", "event": "CONSULT"},
    {"lemma": "sign", "pos": "VERB", "event": "SUPPORT", "objects": ["treaty"]},
]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon(ENTRIES)


def parse(text: str):  # type: ignore[no-untyped-def]
    nlp, annotate = fast_parser()
    return annotate(nlp(text))[:]


def chosen(text: str, lex: Lexicon) -> list[tuple[str, str, str]]:
    return [(t.token.text, etype, mode) for t, etype, mode in select(find_triggers(parse(text), lex))]


def test_inflections_cover_regular_and_irregular_forms() -> None:
    assert {"meet", "meets", "met", "meeting"} <= inflections("meet")
    assert {"impose", "imposed", "imposing"} <= inflections("impose")
    assert "according" not in inflections("accord")


def test_prefilter_needs_light_verb_objects(lex: Lexicon) -> None:
    assert lex.has_candidate("Brussels imposed new sanctions on Minsk.")
    assert not lex.has_candidate("Brussels imposed a new deadline.")  # "impose" only counts with its objects
    assert not lex.has_candidate("Shares rose in early trading.")


def test_object_constraint_and_governing_trigger(lex: Lexicon) -> None:
    assert chosen("The EU imposed sanctions on Belarus.", lex) == [("imposed", "SANCTION", "discontinue")]
    assert chosen("Russia threatened to impose sanctions on Ukraine.", lex) == [("threatened", "THREATEN", "")]
    assert chosen("The minister imposed a deadline.", lex) == []


def test_particle_constraint_is_adjacent(lex: Lexicon) -> None:
    assert chosen("China called for restraint.", lex) == [("called", "REQUEST", "")]
    assert chosen("The minister called on Sunday.", lex) == []


def test_modifiers_pick_the_sense_and_modes_are_inherited(lex: Lexicon) -> None:
    assert chosen("Dock workers began a strike.", lex) == [("strike", "PROTEST", "strike")]
    assert chosen("A drone strike killed two commanders.", lex) == [("killed", "ASSAULT", "drone")]


def test_coordinated_triggers_are_separate_events(lex: Lexicon) -> None:
    found = chosen("The two leaders met in Geneva and signed a treaty.", lex)
    assert [e for _, e, _ in found] == ["CONSULT", "SUPPORT"]


# --- trigger choice fixes (sentences written for these tests) ------------------------------------------------

def _default_chosen(text: str) -> list[tuple[str, str, str]]:
    return chosen(text, Lexicon.default())


def test_prefilter_stem_matches_plural_of_y_nouns() -> None:
    assert Lexicon.default().has_candidate("The tribunal dissolved three opposition parties on Friday.")


def test_new_triggers_deposit_resume_sharing_and_compare() -> None:
    assert ("deposited", "SUPPORT", "") in _default_chosen(
        "Chile deposited its instrument of ratification with the United Nations on Tuesday.")
    assert ("deposited", "AID", "") in _default_chosen("China deposited $2 billion with Sri Lanka's central bank.")
    assert ("resumed", "COOPERATE", "") in _default_chosen("Washington resumed intelligence sharing with Seoul.")
    assert ("compared", "ACCUSE", "disapprove") in _default_chosen(
        "The president compared the prime minister to Hitler on Wednesday.")


def test_closing_domestic_bodies_and_capturing_towns() -> None:
    assert ("closed", "COERCE", "restrict") in _default_chosen(
        "The government closed dozens of non-governmental organisations on Thursday.")
    assert [e for _, e, _ in _default_chosen("Rebels captured the town of Kalehe on Saturday.")] == ["ASSAULT"]


def test_hyphenated_baton_charge_joins_into_one_trigger() -> None:
    got = _default_chosen("Police lathi-charged the protesters outside the collectorate on Monday.")
    assert ("charged", "ASSAULT", "crowd-control") in got


def test_participle_dominates_the_noun_it_modifies() -> None:
    got = _default_chosen("police on friday baton-charged pro-monarchy demonstrators near the assembly.")
    assert [e for _, e, _ in got] == ["ASSAULT"]


def test_weather_warnings_and_public_alerts_are_not_threats() -> None:
    assert _default_chosen("The Met Office warned of storm surges along the west coast on Sunday.") == []
    assert _default_chosen("The weather office issued a red alert for five coastal districts.") == []


def test_classifier_type_is_not_given_to_a_subordinate_trigger() -> None:
    from sanderling.pipeline import _fit_classifier

    found = select(find_triggers(parse("Germany delivers air-defence systems to Ukraine as Russian strikes intensify"),
                                 Lexicon.default()))
    probs = {"none": 0.02, "MOBILIZE": 0.77, "AID": 0.16, "ASSAULT": 0.01}
    assert [e for _, e, _ in _fit_classifier(found, probs)] == ["AID"]


def _firm_check(text: str, lemma: str, etype: str, probs: dict[str, float]) -> str:
    from sanderling.pipeline import _with_classifier

    trig = next(t for t, _, _ in select(find_triggers(parse(text), Lexicon.default())) if t.token.lemma_ == lemma)
    full = {"none": 0.01} | probs
    return _with_classifier(etype, trig.entry.mode, full, trig=trig)[0]


def test_specific_main_clause_trigger_keeps_its_type_against_a_moderate_classifier() -> None:
    text = "Riot police lathicharged the crowd outside the assembly on Monday."
    assert _firm_check(text, "lathicharge", "ASSAULT", {"ACCUSE": 0.85, "ASSAULT": 0.01}) == "ASSAULT"
    assert _firm_check(text, "lathicharge", "ASSAULT", {"ACCUSE": 0.97, "ASSAULT": 0.01}) == "ACCUSE"
    # the reported clause and a trailing participle of the main clause count as the main clause
    text = "The ministry said the curfew would stay in force, rebuffing appeals from the traders."
    assert _firm_check(text, "rebuff", "REJECT", {"CONCEDE": 0.9, "REJECT": 0.01}) == "REJECT"


def test_headline_participle_and_adjective_verbs_find_their_objects() -> None:
    assert ("relaxed", "CONCEDE", "") in _default_chosen(
        "district magistrate relaxed curfew in the market area on sunday, officials said.")
    assert [e for _, e, _ in _default_chosen(
        "bandits free 14 abducted pupils of model secondary school, police confirm")] == ["RETREAT"]


def test_apposition_names_the_object() -> None:
    assert ("dissolved", "COERCE", "restrict") in _default_chosen(
        "A court dissolved Viasna, the country's best-known rights group, on Monday.")


def test_force_in_a_time_adjunct_does_not_make_a_promise_a_threat() -> None:
    got = _default_chosen("clan elders agree to hold peace talks next week after deadly cattle raids")
    assert [e for _, e, _ in got] == ["AGREE"]
    assert ("vowed", "THREATEN", "territory") in _default_chosen(
        "The general vowed to retake every town held by the rebels.")


def test_objects_are_not_read_from_time_adjuncts() -> None:
    got = _default_chosen("Soldiers mounted checkpoints on the highway after reports of a planned attack.")
    assert [e for _, e, _ in got] == ["MOBILIZE"]
    assert [e for _, e, _ in _default_chosen("Rebels seized the army headquarters in the town on Friday.")] == [
        "ASSAULT"]


def _shared_probs(text: str, probs: dict[str, float]) -> dict[str, float]:
    from sanderling.pipeline import Pipeline, _with_classifier

    sent = parse(text)
    full = {"none": 0.01} | probs
    out = {}
    for trig, etype, mode in Pipeline()._triggers(sent, full, []):
        out[etype] = _with_classifier(etype, mode, full, trig=trig)[2]
    return out


def test_main_clause_trigger_takes_a_share_of_a_subordinate_type() -> None:
    got = _shared_probs("Striking nurses reject the hospital's wage offer, say strike will go on",
                        {"PROTEST": 0.7, "REJECT": 0.1, "CONCEDE": 0.19})
    assert got["REJECT"] > got["PROTEST"]
    got = _shared_probs("police on monday tear-gassed stone-pelting villagers outside the tehsil office.",
                        {"PROTEST": 0.5, "ASSAULT": 0.15, "ACCUSE": 0.2})
    assert got["ASSAULT"] > got["PROTEST"]


def test_diplomatic_protest_to_a_government_is_an_accusation() -> None:
    assert [e for _, e, _ in _default_chosen("Beijing protested to Manila over the detention of its fishermen.")] == [
        "ACCUSE"]
    assert [e for _, e, _ in _default_chosen("Hundreds of nurses protested to demand better pay.")] == ["PROTEST"]


def test_barring_a_person_from_leaving_is_coercion() -> None:
    got = _default_chosen("A Minsk court barred the former minister from leaving the country.")
    assert [(e, m) for _, e, m in got] == [("COERCE", "restrict")]


def test_treating_the_wounded_is_aid() -> None:
    got = _default_chosen("Red Cross medics treated dozens of wounded civilians in Kherson.")
    assert [e for _, e, _ in got] == ["AID"]


def test_force_in_the_purpose_of_a_promised_act_is_not_a_threat() -> None:
    """Only what is promised makes a promise a threat; force named in that act's purpose does not."""
    from sanderling.pipeline import Pipeline

    p = Pipeline()
    agreed = p.code_text("ACCRA, June 2 (AFP) - Ghana and Togo agreed to set up a joint border committee next month "
                         "to tackle cross-border raids and fuel smuggling, Ghana's interior ministry said.")
    assert agreed and max(agreed, key=lambda e: e.confidence).event == "AGREE"
    vowed = p.code_text("The militia vowed to renew its attacks on army posts in the north.")
    assert vowed and max(vowed, key=lambda e: e.confidence).event == "THREATEN"


def test_being_met_with_or_struck_by_something_is_no_event() -> None:
    assert "CONSULT" not in [e for _, e, _ in _default_chosen("The plan to fill the reservoir was met with "
                                                              "protests from farmers downstream.")]
    assert [e for _, e, _ in _default_chosen("Visitors to the exhibition were struck by the scale of the "
                                             "murals.")] == []
    # real meetings and real strikes stay
    assert [e for _, e, _ in _default_chosen("The Kenyan delegation was met by Ethiopia's foreign minister at "
                                             "the airport.")] == ["CONSULT"]
    assert [e for _, e, _ in _default_chosen("Kenya's president met with opposition leaders in Nairobi.")] == [
        "CONSULT"]
    assert [e for _, e, _ in _default_chosen("The convoy was struck by a drone near Kherson.")] == ["ASSAULT"]


def test_relief_handed_out_or_distributed_in_parcels_and_kits_is_aid() -> None:
    for text in ["Volunteers handed out food parcels and blankets to flood victims in Sylhet.",
                 "The provincial government distributed hygiene kits and food packs to 2,000 evacuees.",
                 "The agency distributed hot meals to families sheltering in schools."]:
        assert [e for _, e, _ in _default_chosen(text)] == ["AID"], text
    # handing out leaflets is no aid
    assert "AID" not in [e for _, e, _ in _default_chosen("Activists handed out leaflets outside the station.")]


def test_exchanging_electricity_between_neighbours_is_cooperation() -> None:
    assert [e for _, e, _ in _default_chosen("Kazakhstan and Uzbekistan began exchanging electricity across their "
                                             "border on Wednesday.")] == ["COOPERATE"]
    assert [e for _, e, _ in _default_chosen("Nepal and India swap surplus power during the monsoon.")] == [
        "COOPERATE"]
    assert [e for _, e, _ in _default_chosen("The two armies exchanged fire across the border.")] == ["ASSAULT"]


def test_joint_reaches_the_head_noun_through_compounds() -> None:
    """ "a joint coast guard exercise" is a joint exercise (COOPERATE), and agreeing to one is no threat."""
    assert [(e, m) for _, e, m in _default_chosen("The Philippines and Vietnam agreed on Tuesday to hold their first "
                                                  "joint coast guard exercise early next year.")] == [("AGREE", "")]
    assert [e for _, e, _ in _default_chosen("The Philippine and Japanese coast guards held a joint coast guard "
                                             "exercise off Manila on Friday.")] == ["COOPERATE"]


def test_executing_a_plan_is_no_killing() -> None:
    assert _default_chosen("The boys executed the plan perfectly, the captain said after the match.") == []
    assert [e for _, e, _ in _default_chosen("Saudi Arabia executed three men convicted of drug smuggling.")] == [
        "ASSAULT"]


# -- precision pass: figurative and status uses of trigger words, senses the lexicon lacked -----------------------

def _top(text: str) -> str | None:
    from sanderling.pipeline import Pipeline

    got = [e for e in Pipeline().code_text(text, pub_date="2024-05-01") if e.happened]
    return max(got, key=lambda e: e.confidence).event if got else None


def test_resigned_to_a_state_of_affairs_is_no_resignation() -> None:
    assert _default_chosen("Several Gulf governments now seem resigned to the Syrian president staying on.") == []
    assert [e for _, e, _ in _default_chosen("Kenya's trade minister resigned on Friday.")] == ["RETREAT"]


def test_having_only_oneself_to_blame_is_no_accusation() -> None:
    assert "ACCUSE" not in [e for _, e, _ in _default_chosen(
        "Some officials say the Turkish government has only itself to blame for the collapse of the talks.")]
    assert [e for _, e, _ in _default_chosen("Pakistan blamed India for the bombing of a bus.")] == ["ACCUSE"]


def test_being_in_custody_or_engaging_in_hostilities_is_a_state() -> None:
    assert _default_chosen("The two Australian aid workers remain in Taliban custody in Kandahar.") == []
    assert _default_chosen("Under the conventions, fighters who take part in hostilities lose their protection.") == []
    assert [e for _, e, _ in _default_chosen("Indonesian police took three journalists into custody.")] == ["COERCE"]


def test_assistance_people_need_is_not_assistance_given() -> None:
    assert _default_chosen("About four million people in Sudan need humanitarian assistance.") == []
    assert [e for _, e, _ in _default_chosen("Japan sent humanitarian assistance to the Philippines.")] == ["AID"]


def test_an_outlawed_or_banned_group_is_a_status() -> None:
    assert _default_chosen("Analysts say the banned Muslim Brotherhood still commands loyalty in the villages.") == []
    assert "COERCE" not in [e for _, e, _ in _default_chosen(
        "Ankara says the militia is linked to the outlawed Kurdistan Workers' Party.")]
    assert [e for _, e, _ in _default_chosen("Egypt banned the Muslim Brotherhood in December.")] == ["COERCE"]


def test_hit_by_a_weapon_is_an_assault() -> None:
    assert [(e, m) for _, e, m in _default_chosen("Two Ukrainian soldiers were hit by a Russian artillery shell.")] == [
        ("ASSAULT", "heavy-weapons")]
    assert _default_chosen("Argentina's economy was hit hard by the drought.") == []


def test_accepting_a_process_telling_to_and_proposing_are_agree_and_request() -> None:
    assert [e for _, e, _ in _default_chosen("The Syrian president has accepted the process.")] == ["AGREE"]
    assert [e for _, e, _ in _default_chosen("Erdogan told Washington to get out of the way.")] == ["REQUEST"]
    assert [e for _, e, _ in _default_chosen("Qatar proposed a prisoner exchange to Israel.")] == ["REQUEST"]
    assert _default_chosen("The proposed budget would raise defence spending by a fifth.") == []


def test_reported_criticism_is_an_accusation_by_the_speaker() -> None:
    from sanderling.pipeline import Pipeline

    events = Pipeline().code_text("Pakistan's foreign office said the Indian drone flights were a flagrant "
                                  "violation of its sovereignty.", pub_date="2024-05-01")
    top = max(events, key=lambda e: e.confidence)
    assert top.event == "ACCUSE" and {a.code for a in top.actor} == {"PAK"} and {r.code for r in top.recipient} == {
        "IND"}
    assert _top("Erdogan said the Greek prime minister had made a grave mistake by visiting the island.") == "ACCUSE"
    # owning up to one's own mistake, or violations named in passing, are no accusation
    assert _default_chosen("The minister said he had made a mistake in his figures.") == []
    assert "ACCUSE" not in [e for _, e, _ in _default_chosen("The report lists human rights violations in Darfur.")]


def test_arming_a_state_is_aid_and_lathicharge_is_assault() -> None:
    assert _top("Britain is arming the Saudi government with fighter jets, campaigners said.") == "AID"
    assert _top("police resorted to lathicharge to disperse farmers protesting outside the collectorate in "
                "karnal.") == "ASSAULT"
    assert _top("the protesting students were lathi-charged by the police outside the assembly in lucknow.") == \
        "ASSAULT"


def test_no_fallback_event_on_changes_of_state_or_passive_announcements() -> None:
    assert _top("Relations between Turkey and the United States deepened after the Syrian war began.") is None
    assert _top("The Iranian president's decision, which was announced by his foreign minister, highlighted "
                "Tehran's growing influence in Iraq.") is None


def test_known_events_analysed_or_felt_about_are_not_reported() -> None:
    assert _default_chosen("The resignation shows how deep the rift in the cabinet has become.") == []
    assert "ASSAULT" not in [e for _, e, _ in _default_chosen(
        "Officials were so angered by the bomb attack that they cancelled the visit.")]
    assert "ASSAULT" in [e for _, e, _ in _default_chosen("Two soldiers were killed by a roadside bomb.")]


def test_an_act_someone_was_prevented_from_is_no_event() -> None:
    assert _default_chosen("Only the peacekeepers have prevented the general, Mr Haftar, from destroying the "
                           "town.") == []
    assert [e for _, e, _ in _default_chosen("The general's troops destroyed the town.")] == ["ASSAULT"]


def test_tasked_with_is_a_request_and_a_threat_a_speaker_names_is_an_accusation() -> None:
    assert [e for _, e, _ in _default_chosen("Turkey has been tasked by Moscow with disarming the militants.")] == [
        "REQUEST"]
    got = _default_chosen("Russia said NATO's expansion was a direct threat to its security.")
    assert [(t, e) for t, e, _ in got] == [("said", "ACCUSE")]
    assert [e for _, e, _ in _default_chosen("The rebels issued a threat to attack the capital.")] == ["THREATEN"]
