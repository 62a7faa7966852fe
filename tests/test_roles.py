"""Source and target for each construction analysts meet in news (sentences written for these tests)."""

from __future__ import annotations

import pytest

from sanderling.evaluate import top_event
from sanderling.pipeline import Pipeline

CASES = [
    # (construction, text, actor codes, recipient codes that must be present)
    ("active", "Germany expelled two Russian diplomats on Friday.", {"DEU"}, {"RUS"}),
    ("passive-by", "Two aid workers were detained by Ethiopian police in Gondar.", {"ETH"}, set()),
    ("compound-actors", "The United States, South Korea and Japan demanded that North Korea halt its missile "
     "tests.", {"USA", "KOR", "JPN"}, {"PRK"}),
    ("compound-targets", "China warned Japan and the Philippines against interfering in the Taiwan Strait.",
     {"CHN"}, {"JPN", "PHL"}),
    ("possessive", "Iran's foreign minister condemned Israel's strike on the consulate.", {"IRN"}, {"ISR"}),
    ("urge-to", "France urged Israel to allow more aid into Gaza.", {"FRA"}, {"ISR"}),
    ("accused-of", "Ukraine accused Russia of shelling a hospital in Kharkiv.", {"UKR"}, {"RUS"}),
    ("apposition", "Ruto, Kenya's president, met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa.",
     {"KEN"}, {"ETH"}),
    ("metonym", "Seoul protested to Tokyo over the textbook revisions.", {"KOR"}, {"JPN"}),
    ("same-country", "Sudan's army shelled RSF positions in Omdurman.", {"SDN"}, {"SDN"}),
    ("relative-clause", "Police in Lagos arrested a man who had attacked a church.", {"NGA"}, {"NGA"}),
    ("aimed-at-place", "Hezbollah fired a barrage of rockets at northern Israel on Tuesday.", {"LBN"}, {"ISR"}),
    ("generic-people", "Kenyan police detained 11 young men and two journalists in Kisumu on Friday.", {"KEN"},
     {"KEN"}),
    ("pronoun", "Kenya's president landed in Kampala on Monday. He accused Uganda of smuggling guns.",
     {"KEN"}, {"UGA"}),
    ("lowercase-regional", "imphal: the district police on tuesday arrested three men for extortion, the "
     "manipur police said.", {"IND"}, set()),
]


@pytest.mark.parametrize(("name", "text", "actors", "recipients"), CASES, ids=[c[0] for c in CASES])
def test_roles(name: str, text: str, actors: set[str], recipients: set[str]) -> None:
    ev = top_event(Pipeline().code_text(text))
    assert ev is not None, name
    assert {a.code for a in ev.actor} == actors
    assert recipients <= {r.code for r in ev.recipient}
    for ent in (*ev.actor, *ev.recipient):  # evidence: offsets point at the words
        assert text[ent.start:ent.end] == ent.entity_text
