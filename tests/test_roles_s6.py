"""Source and target in constructions found in real wire and feature text (issue 10, session 6). Sentences
written for these tests; codes are compared exactly."""

from __future__ import annotations

import pytest

from sanderling.evaluate import top_event
from sanderling.pipeline import Pipeline

CASES = [
    # (construction, text, actor codes, recipient codes)
    ("attack-claimed-by", "Gunmen stormed a police post in northern Burkina Faso on Sunday, killing six officers, "
     "in an assault claimed by an al Qaeda affiliate.", {"IMG"}, {"BFA"}),
    ("bombing-claimed-by", "A suicide bomber blew himself up outside a church in Peshawar on Sunday, killing nine "
     "people, in an attack claimed by Islamic State.", {"IMG"}, {"PAK"}),
    ("backer-is-no-actor", "Local tribes, backed by a Turkish-led coalition, attacked Isis near the town of Tal "
     "Abyad on Monday.", {"SYR"}, {"IMG"}),
    ("named-as", "Islamic State fighters surrendered on Friday to an Arab militia known as the Syrian Democratic "
     "Forces.", {"IMG"}, {"SYR"}),
    ("harmed-by-result-clause", "Houthi rebels fired a missile at a coastal base on Sunday, wounding three US sailors.",
     {"YEM"}, {"USA"}),
    ("demand-put-to-main-object", "Students locked the office of the university registrar in Dhaka on Monday, "
     "demanding lower exam fees.", {"BGD"}, {"BGD"}),
    ("members-of-body-one-party", "Soldiers of the Malian army and Burkinabe gendarmes conducted joint patrols near "
     "the border on Friday.", {"MLI"}, {"BFA"}),
    ("removed-from-is-no-party", "The African Union voted on Tuesday to suspend Niger from all of the union's "
     "activities.", {"IGO"}, {"NER"}),
    ("suspended-from-sole-party", "Turkey suspended all imports from Israel on Thursday.", {"TUR"}, {"ISR"}),
    ("subjected-to-by-agent", "Kenyan opposition activists have been subjected to a campaign of intimidation by "
     "the Ugandan police.", {"UGA"}, {"KEN"}),
    ("subjected-to-wave-of", "Sudanese refugees were subjected to a wave of attacks by Chadian militias last month.",
     {"TCD"}, {"SDN"}),
    ("walk-out-of-talks-with", "Ethiopia threatened on Monday to walk out of the negotiations with Egypt over the "
     "dam.", {"ETH"}, {"EGY"}),
    ("according-to-list-no-object", "Sudan's army carried out an air strike on a market in Darfur on Monday, killing "
     "30 people, according to doctors, a local rights group and an aid worker.", {"SDN"}, {"SDN"}),
    ("weapon-fired-by", "A rocket fired by Hezbollah struck a house in northern Israel on Tuesday.", {"LBN"},
     {"ISR"}),
    ("hit-by-weapon-fired-by", "Two Israeli soldiers were wounded by a mortar round, fired by Hamas militants, near "
     "the border.", {"PSE"}, {"ISR"}),
    ("probe-into-place", "German prosecutors opened an investigation on Monday into alleged torture committed in "
     "Syria.", {"DEU"}, {"SYR"}),
    ("fallback-keeps-coordination", "After months of negotiations that diplomats in Doha described as painstaking, "
     "Israel and Hamas agreed on Wednesday to a ceasefire.", {"ISR", "PSE"}, set()),
    ("place-of-struck-thing-on-verb", "According to state media, Israeli jets struck military targets near Damascus "
     "overnight.", {"ISR"}, {"SYR"}),
    ("passive-at-the-hands-of", "Three aid workers were killed at the hands of RSF fighters in Darfur.", {"SDN"},
     {"NGO"}),
    ("noun-at-the-hands-of", "The killing of a Pakistani journalist at the hands of Kenyan police sparked outrage.",
     {"KEN"}, {"PAK"}),
    ("attack-subject-victims-of-attacked", "Hezbollah's drone attack on an Israeli base killed two soldiers.",
     {"LBN"}, {"ISR"}),
]


@pytest.mark.parametrize(("name", "text", "actors", "recipients"), CASES, ids=[c[0] for c in CASES])
def test_roles_s6(pipeline: Pipeline, name: str, text: str, actors: set[str], recipients: set[str]) -> None:
    ev = top_event(pipeline.code_text(text))
    assert ev is not None, name
    assert {a.code for a in ev.actor} == actors, name
    assert {r.code for r in ev.recipient} == recipients, name


@pytest.mark.parametrize(("text", "trigger", "recipients"), [
    ("Angry protesters stoned the Kenyan embassy in Kampala and torched two cars.", "torched", {"KEN"}),
    ("Kenya's president met the families of the victims on Monday and promised compensation.", "promised", {"KEN"}),
])
def test_conjoined_verb_keeps_first_object(pipeline: Pipeline, text: str, trigger: str, recipients: set[str]) -> None:
    """A second verb with no party of its own acts on the first verb's object."""
    ev = next(e for e in pipeline.code_text(text) if e.event_text.startswith(trigger))
    assert {r.code for r in ev.recipient} == recipients


@pytest.mark.parametrize(("text", "actors"), [
    ("Gunmen believed to be members of Boko Haram killed 12 farmers in Borno state on Sunday.", {"NGA"}),
    ("Gunmen, believed to be al-Shabaab fighters, stormed a hotel in Mogadishu on Friday.", {"SOM"}),
])
def test_suspected_identity_acts(pipeline: Pipeline, text: str, actors: set[str]) -> None:
    """"gunmen believed to be X": the named group is the actor (its sector, not the gunmen's)."""
    ev = top_event(pipeline.code_text(text))
    assert ev is not None
    assert {(a.code, a.sector) for a in ev.actor} == {(c, "REB") for c in actors}
