"""What a text's events become when they are announced, not done (pipeline-level rules)."""

from __future__ import annotations


def test_a_party_announcing_its_own_attack_threatens(pipeline) -> None:  # type: ignore[no-untyped-def]
    evs = pipeline.code_text("Erdogan has said that Turkey will launch a military operation against the "
                             "Kurdish militia within days.", pub_date="2024-05-01")
    top = max(evs, key=lambda e: e.confidence)
    assert (top.event, top.mode, top.future) == ("THREATEN", "violence", False)
    assert [a.code for a in top.actor] == ["TUR"]
    # someone else's forecast is not a threat: it stays a future attack (not a happened event)
    other = pipeline.code_text("Ukraine said Russia will launch a new offensive in the east.", pub_date="2024-05-01")
    assert all(e.event != "THREATEN" for e in other)
    assert all(not e.happened for e in other if e.event == "ASSAULT")


def test_party_workers_demanding_in_a_protest_protest(pipeline) -> None:  # type: ignore[no-untyped-def]
    evs = pipeline.code_text("the bjd formed a human chain in cuttack on monday, demanding the "
                             "arrest of the accused.", pub_date="2025-03-03")
    demand = [e for e in evs if e.event_text.startswith("demanding")]
    assert demand and all(e.event == "PROTEST" for e in demand)  # demands voiced by protest, not a REQUEST
