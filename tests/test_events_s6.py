"""Event types on constructions of real news: voiced threats, proposals, background asides, analysis, forecasts.

All sentences are invented for these tests.
"""

from __future__ import annotations

from sanderling.events import Lexicon, find_triggers, select
from sanderling.nlp import fast_parser
from sanderling.resolve import modality


def parse(text: str):  # type: ignore[no-untyped-def]
    nlp, annotate = fast_parser()
    return annotate(nlp(text))[:]


def types(text: str, lex: Lexicon) -> set[str]:
    return {etype for _, etype, _ in select(find_triggers(parse(text), lex))}


def mod(text: str, word: str, year: int = 2025):  # type: ignore[no-untyped-def]
    sent = parse(text)
    return modality(sent, next(t for t in sent if t.text == word), year)


def test_force_promised_in_the_first_person_is_a_threat_voiced_by_the_speaker(lex: Lexicon) -> None:
    sent = parse("\"We will attack their bases,\" the rebel commander told reporters in Goma.")
    found = select(find_triggers(sent, lex))
    assert [(t.token.lemma_, etype) for t, etype, _ in found] == [("tell", "THREATEN")]
    assert "THREATEN" in types("The defence minister said on Monday that we will bomb the bridges.", lex)
    # not a promise: a report of force, or force the speaker will not use
    assert "THREATEN" not in types("\"They attacked our bases,\" the commander told reporters.", lex)
    assert "THREATEN" not in types("\"We will not attack anyone,\" the commander told reporters.", lex)


def test_what_a_party_should_or_must_do_is_requested(lex: Lexicon) -> None:
    found = select(find_triggers(parse("The Kenyan president said Uganda must withdraw its troops from the island."),
                                 lex))
    assert [(t.token.lemma_, etype) for t, etype, _ in found] == [("say", "REQUEST")]
    assert "REQUEST" in types("The mayor argued that the government should reopen the crossing.", lex)
    # a view, a prediction or criticism of the past is no request
    assert "REQUEST" not in types("The minister said results should be published within a week.", lex)
    assert "REQUEST" not in types("The minister said we should reopen the crossing soon.", lex)
    assert "REQUEST" not in types("The mayor said the government should have reopened the crossing.", lex)


def test_descriptions_of_parties_set_off_by_commas_are_background(lex: Lexicon) -> None:
    assert not types("The militias, trained and funded by the Gulf states, now control the port.", lex)
    assert not types("The dispute deepened over Ruritania, which supported the rebels who attacked the capital.", lex)
    assert not types("The Moscow-backed rebels now hold the port.", lex)
    # dated asides are news, and so is a time clause
    assert types("Eleven students, arrested during Thursday's rally, remain in jail.", lex)
    assert "COERCE" in types("He was on holiday in Izmir, when the police arrested him.", lex)


def test_event_nouns_under_analysis_are_not_reported_events(lex: Lexicon) -> None:
    assert not types("The general said the pullout was meant to save money.", lex)
    assert not types("Critics argue the withdrawal was to please voters at home.", lex)
    assert not types("The truce between the clans is widely seen as a victory for the elders.", lex)
    assert "RETREAT" in types("The army completed the withdrawal of its troops from the valley.", lex)


def test_warnings_that_foretell_are_not_threats(lex: Lexicon) -> None:
    assert "THREATEN" not in types("Economists warned that the new tariffs could slow growth.", lex)
    assert "THREATEN" in types("The army warned that it would respond to any incursion.", lex)
    assert "THREATEN" in types("The envoy warned Kabul that its fighters would be hunted down.", lex)


def test_unrealised_acts_and_fronted_dates() -> None:
    assert mod("The ministry faces a difficult task to extradite the suspects.", "extradite").hypothetical
    assert not mod("Estonia became the first country to expel the envoys.", "expel").hypothetical
    assert mod("The talks are likely to resume in Doha.", "talks").hypothetical
    assert mod("Officials hesitate to ask the neighbours to host more refugees.", "ask").hypothetical
    assert mod("The naval drills were designed to intimidate the islanders.", "intimidate").hypothetical
    assert mod("Two years ago, the rebels, angered by the raid, shelled the town.", "shelled").historical
    assert mod("When the drills began in May 2019, the navy blockaded the ports.", "blockaded").historical
    assert not mod("On Monday, the navy blockaded the ports.", "blockaded").historical


def test_campaigns_named_in_passing_and_speech_in_asides(lex: Lexicon) -> None:
    assert not types("The tribes were loyal partners in the fight against the insurgents.", lex)
    assert not types("Farmers backing the blockade were in a defiant mood.", lex)
    # what an aside reports someone said is news
    assert types("The plan was welcomed by the governor, who said the army had shelled the villages.", lex)


def test_firms_and_sports_sides_among_themselves_are_not_political(lex: Lexicon) -> None:
    assert not types("The Korean carmaker attacked its rivals with a price war.", lex)
    assert "ACCUSE" in types("The Swiss company sued the Ghanaian government over the seized mine.", lex)


def test_people_burnt_and_former_acts() -> None:
    lex = Lexicon.default()
    assert "THREATEN" in types("The militants told the villagers: 'We will burn you all.'", lex)
    assert mod("Donors that once funded the clinics have left.", "funded").historical
    assert not mod("Once the donors funded the clinics, the ministry opened them.", "funded").historical
