"""Event types on constructions of news: an event as the subject of an effect verb, "sit" as a posture,
events deep in a "could" clause's objects, "held X hostage".

All sentences are invented for these tests.
"""

from __future__ import annotations

from test_events_s6 import parse

from sanderling.events import Lexicon, find_triggers, select
from sanderling.resolve import modality


def found(text: str, lex: Lexicon) -> list[tuple[str, str]]:
    return [(t.token.lower_, etype) for t, etype, _ in select(find_triggers(parse(text), lex))]


def mod(text: str, word: str, year: int = 2025):  # type: ignore[no-untyped-def]
    sent = parse(text)
    return modality(sent, next(t for t in sent if t.text == word), year)


def test_an_event_subject_of_an_effect_verb_accuses_nobody(lex: Lexicon) -> None:
    assert "ACCUSE" not in {e for _, e in found("The drone attack on the depot raised questions about air defences.",
                                                lex)}
    assert "ACCUSE" not in {e for _, e in found("The bombing of the bridge raised concerns in Brussels.", lex)}
    # a party raising concerns still accuses
    assert "ACCUSE" in {e for _, e in found("Poland raised concerns about the border guards.", lex)}


def test_sit_is_a_protest_only_as_a_sit_in(lex: Lexicon) -> None:
    assert ("sit", "PROTEST") not in found(
        "Relatives of the missing sit on the steps every Friday holding photographs.", lex)
    assert "PROTEST" in {e for _, e in found("Nurses staged a sit-in outside the health ministry.", lex)}
    assert ("sit", "PROTEST") in found("Doctors ended their sit-in after two weeks.", lex)


def test_an_event_deep_in_a_could_clauses_objects_is_hypothetical() -> None:
    text = "The naval patrols could trigger wider manoeuvres, possibly including a blockade of the port."
    assert mod(text, "blockade").hypothetical
    # what already happened, named after a time word, is not
    assert not mod("The truce could unravel after the shelling of the market.", "shelling").hypothetical


def test_held_someone_hostage_is_an_abduction_on_the_verb(lex: Lexicon) -> None:
    assert ("held", "ASSAULT") in found("The militia said it held four engineers hostage.", lex)
