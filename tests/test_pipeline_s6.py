"""Session 6: a firm lexicon verb the classifier has not learnt, and coordinated acts of different types."""

from __future__ import annotations

import pytest

from sanderling.evaluate import top_event
from sanderling.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def test_unlearnt_firm_verb_keeps_the_lede_event(pipe: Pipeline) -> None:
    # "lathicharged" is in the lexicon, not in the classifier's vocabulary: the lede's act must stay the main event
    text = ("kolkata: police lathicharged a crowd of nurses who were demonstrating outside the health secretariat "
            "on monday. the opposition condemned the action and demanded an inquiry.")
    top = top_event(pipe.code_text(text))
    assert top is not None and top.event == "ASSAULT" and top.event_text == "lathicharged"
    assert top.confidence >= 0.5


def test_coordinated_acts_keep_their_own_types(pipe: Pipeline) -> None:
    events = pipe.code_text("The ruling party condemned the shelling of the border villages and demanded a ceasefire.")
    by_trigger = {e.event_text: e.event for e in events}
    assert by_trigger.get("condemned") == "ACCUSE"
    assert any(t.startswith("demanded") and e == "REQUEST" for t, e in by_trigger.items())


def test_firms_among_themselves_make_no_event_even_by_the_classifier(pipe: Pipeline) -> None:
    # no lexicon trigger is left; the classifier's main-verb fallback must not bring the business story back
    assert pipe.code_text("The airline threatened to cancel hundreds of flights over the holiday weekend.") == []
    deal = pipe.code_text("The carmaker agreed to pay the government of Mexico $40m in back taxes.")
    assert [e.event for e in deal] == ["AGREE"]  # a state party makes it politics


def test_an_unplaced_official_is_not_from_the_state_they_address(pipe: Pipeline) -> None:
    events = pipe.code_text("The foreign minister urged Bangladesh to take back the refugees stranded at sea.")
    req = [e for e in events if e.event == "REQUEST"]
    assert req and {r.code for r in req[0].recipient} == {"BGD"}
    assert all(a.code != "BGD" for a in req[0].actor)  # who the minister serves is not said


def test_an_event_raising_concerns_is_no_accusation_even_by_the_classifier(pipe: Pipeline) -> None:
    events = pipe.code_text("The attack on the consulate raised concerns about Syrian security forces.")
    assert all(e.event != "ACCUSE" for e in events)
