"""Source and target in three constructions found by probing (session 6b): reactions "drawn from" a party, the
people of a "whose" clause, and a participle the parser hangs on a trailing verb of saying. Sentences written
for these tests; codes are compared exactly."""

from __future__ import annotations

import pytest

from sanderling.evaluate import top_event
from sanderling.model import Mention
from sanderling.nlp import parser_nlp
from sanderling.pipeline import Pipeline
from sanderling.roles import assign_roles

CASES = [
    # (construction, text, actor codes, recipient codes)
    ("drew-condemnation-from-owner", "Ukraine's drone strikes on Moscow drew angry condemnation from Belarus on "
     "Sunday.", {"BLR"}, {"UKR"}),
    ("attracted-criticism-from-owner", "Beijing's naval exercises near the atoll attracted criticism from Manila.",
     {"PHL"}, {"CHN"}),
    ("drew-criticism-from-no-doer", "The missile tests drew condemnation from South Korea.", {"KOR"}, set()),
    ("faced-criticism-from", "Hungary faced sharp criticism from the European Commission over its new media "
     "law.", {"EUR"}, {"HUN"}),
    ("participle-after-trailing-report", "Erdogan inspected a naval shipyard on Tuesday, the Anadolu agency "
     "reported, urging engineers to speed up work on the carrier.", {"TUR"}, set()),
]


@pytest.mark.parametrize(("name", "text", "actors", "recipients"), CASES, ids=[c[0] for c in CASES])
def test_roles_s6b(pipeline: Pipeline, name: str, text: str, actors: set[str], recipients: set[str]) -> None:
    ev = top_event(pipeline.code_text(text))
    assert ev is not None, name
    assert {a.code for a in ev.actor} == actors, (name, ev)
    assert {r.code for r in ev.recipient} == recipients, (name, ev)


def test_reaction_from_is_actor_not_recipient(pipeline: Pipeline) -> None:
    ev = top_event(pipeline.code_text("The crackdown on the protest camp drew sharp criticism from Amnesty "
                                      "International."))
    assert ev is not None and ev.event == "ACCUSE"
    assert {a.code for a in ev.actor} == {"NGO"}
    assert not ev.recipient


def _mention(text: str, phrase: str, code: str, sector: str = "") -> Mention:
    start = text.index(phrase)
    return Mention(text=phrase, start=start, end=start + len(phrase), code=code, sector=sector)


@pytest.mark.parametrize("text", [
    # a relative clause and a clause the parser makes a conjunct
    "The envoy spoke with Oman, whose foreign minister called it a dangerous provocation.",
    "The rocket came down near Oman, whose foreign minister called it a dangerous provocation.",
])
def test_whose_clause_people_belong_to_antecedent(text: str) -> None:
    doc = parser_nlp()(text)
    sent = next(iter(doc.sents))
    trigger = next(t for t in doc if t.lower_ == "called")
    mentions = [_mention(text, "Oman", "OMN"), _mention(text, "foreign minister", "", "GOV")]
    roles = assign_roles(sent, trigger, None, mentions)
    assert [(m.code, m.sector) for m in roles.actors] == [("OMN", "GOV")]


def test_whose_clause_people_are_no_recipient_of_their_owner() -> None:
    text = "Talks between Seoul and Tokyo, whose prime minister called them useful, ended on Friday."
    doc = parser_nlp()(text)
    sent = next(iter(doc.sents))
    trigger = next(t for t in doc if t.lower_ == "talks")
    mentions = [_mention(text, "Seoul", "KOR"), _mention(text, "Tokyo", "JPN"),
                _mention(text, "prime minister", "", "GOV")]
    roles = assign_roles(sent, trigger, None, mentions)
    assert not any(m.text == "prime minister" for m in roles.recipients)
