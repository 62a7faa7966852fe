"""Source and target in harder constructions (issue 10). Sentences written for these tests; recipients
are compared exactly, so a party too many fails as well as one missing."""

from __future__ import annotations

import pytest

from sanderling.actors import Gazetteer
from sanderling.evaluate import top_event
from sanderling.pipeline import Pipeline

CASES = [
    # (construction, text, actor codes, recipient codes, exactly)
    ("time-word-then-complement", "Ethiopia threatened on Sunday to launch a military campaign against Eritrea.",
     {"ETH"}, {"ERI"}),
    ("complement-object-prep", "Pakistan threatened on Friday to start a new offensive against Taliban fighters "
     "in eastern Afghanistan.", {"PAK"}, {"AFG"}),
    ("active-after-relative", "Orban, who has long opposed the scheme, rejected on Friday a plan from Berlin to "
     "share asylum seekers across the bloc.", {"HUN"}, {"DEU"}),
    ("addressee-not-clause-subject", "Macron promised Zelensky on Friday that Paris would send more air defence "
     "systems.", {"FRA"}, {"UKR"}),
    ("possessor-owns-thing", "Ankara rejected Athens's offer of talks on fishing rights in the Aegean.", {"TUR"},
     {"GRC"}),
    ("of-owner-beats-compound", "Hungary blocked the NATO membership bid of Ukraine at a meeting of envoys in "
     "Brussels on Monday.", {"HUN"}, {"UKR"}),
    ("nested-prep-not-party", "Mali turned down an offer of Russian military help against Tuareg rebels.",
     {"MLI"}, {"RUS"}),
    ("benefit-clause-subject", "Japan pledged $200 million on Monday to help Sri Lanka repair its ports.",
     {"JPN"}, {"LKA"}),
    ("author-of-thing", "Ghana endorsed the peace plan drawn up by Nigeria's foreign ministry.", {"GHA"},
     {"NGA"}),
    ("over-is-topic", "Germany summoned the Iranian ambassador on Tuesday over the execution of a German "
     "citizen.", {"DEU"}, {"IRN"}),
    ("demonym-before-modifiers", "Uganda summoned the Kenyan deputy high commissioner on Monday.", {"UGA"},
     {"KEN"}),
    ("own-state-body", "Peru's president accused the army on Sunday of hiding evidence.", {"PER"}, {"PER"}),
    ("coded-destination-wins", "Ecuador extradited a drug trafficker to the United States on Thursday.",
     {"ECU"}, {"USA"}),
    ("urge-content-not-party", "Germany urged Serbia on Monday to pull its troops back from Kosovo.", {"DEU"},
     {"SRB"}),
    ("protest-purpose-clause", "Syrian refugees blocked a highway in Lebanon on Friday to protest against ration "
     "cuts by the World Food Programme.", {"SYR"}, {"UNO"}),
    ("free-relative-label", "Speaking in parliament on Tuesday, Chile's foreign minister condemned what she called "
     "Bolivia's reckless seizure of a border post.", {"CHL"}, {"BOL"}),
    ("free-relative-label-noun", "The Turkish president held what officials described as cordial talks with "
     "Iraq's prime minister in Ankara on Monday.", {"TUR"}, {"IRQ"}),
    ("summary-aside-not-object", "Kenya's president held talks with Uganda's president in Kampala on Monday, the "
     "first trip of its kind by a Kenyan head of state in a decade.", {"KEN"}, {"UGA"}),
    ("mediator-not-party", "Armenia threatened on Monday to quit EU-mediated talks with Azerbaijan over the "
     "border dispute.", {"ARM"}, {"AZE"}),
    ("hyphen-pair-both-halves", "Portugal welcomed an Italo-Greek plan on Monday to share migrant rescues.",
     {"PRT"}, {"ITA", "GRC"}),
    ("hyphen-pair-counterpart", "Beijing hailed the Sino-Japanese fisheries deal signed on Friday.", {"CHN"},
     {"JPN"}),
    ("number-then-accused", "the district court in kisumu convicted four accused of cattle theft.", {"KEN"},
     {"KEN"}),
    ("captured-town-of-list", "Insurgents overran the border town of Zaranj on Friday.", {"AFG"}, {"AFG"}),
    ("passive-raising-subject", "Kenya and Ethiopia are expected to sign a border deal on Monday.",
     {"KEN", "ETH"}, set()),
    ("victims-of-when-clause", "Two Malian soldiers died when jihadists attacked their convoy near Gao.",
     {"MLI"}, {"MLI"}),
    ("passive-with-when-agent", "Four Nigerian soldiers were wounded when Boko Haram fighters ambushed their "
     "patrol.", {"NGA"}, {"NGA"}),
    ("party-chieftains-generic", "apc chieftains met in kano on friday to pick a governorship candidate.",
     {"NGA"}, {"NGA"}),
    ("noun-trigger-modifiers-no-party", "Thailand and Laos resumed joint river patrols on the Mekong on Monday.",
     {"THA"}, {"LAO"}),
    ("noun-trigger-in-clause", "During a phone call on Monday night, Japan's prime minister told the "
     "Australian leader that trade curbs must end.", {"JPN"}, {"AUS"}),
    ("sector-of-organisation", "Defence ministers of the African Union condemned Niger's military rulers on Friday.",
     {"IGO"}, {"NER"}),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize(("name", "text", "actors", "recipients"), CASES, ids=[c[0] for c in CASES])
def test_roles_exact(pipeline: Pipeline, name: str, text: str, actors: set[str], recipients: set[str]) -> None:
    ev = top_event(pipeline.code_text(text))
    assert ev is not None, name
    assert {a.code for a in ev.actor} == actors
    assert {r.code for r in ev.recipient} == recipients
    for ent in (*ev.actor, *ev.recipient):
        assert text[ent.start:ent.end] == ent.entity_text


def test_stray_passive_agent() -> None:
    """The parser hangs "by the gang" on "knives"; the gang still acts."""
    text = "Two Kenyan traders were attacked with knives by a gang in Nairobi on Tuesday."
    ev = top_event(Pipeline().code_text(text))
    assert ev is not None
    assert {a.code for a in ev.actor} == {"KEN"}
    assert all(a.entity_text.startswith("gang") for a in ev.actor)


@pytest.mark.parametrize(("text", "code"), [
    ("the Indian high commissioner", "IND"),
    ("14 Colombian fuel smugglers", "COL"),
])
def test_demonym_with_modifiers(text: str, code: str) -> None:
    ms = Gazetteer.default().find(text)
    assert len(ms) == 1 and ms[0].code == code and ms[0].sector


def test_demonym_not_across_verbs() -> None:
    ms = Gazetteer.default().find("The Russian said police had arrived.")
    assert not any(m.code == "RUS" and m.sector for m in ms)


# Constructions fixed later (sentences written for these tests)
MORE_CASES = [
    ("noun-trigger-as-compound", "Vietnam and Laos activated a currency swap line on Monday.", {"VNM"}, {"LAO"}),
    ("fronted-aside-subject", "Ghana and Togo, both stung by a sudden rise in power tariffs announced in Abuja the "
     "week before, lodged a joint complaint against Nigeria on Tuesday, officials in Accra said.", {"GHA", "TGO"},
     {"NGA"}),
    ("filing-venue-not-target", "Ecuador lodged a complaint against Colombia with the Organization of American "
     "States on Friday.", {"ECU"}, {"COL"}),
    ("reported-clause-not-speaker", "Hackers tied to Iranian intelligence knocked Israeli hospital websites offline "
     "on Sunday, Israel's cyber directorate said.", {"IRN"}, {"ISR"}),
    ("reported-its-is-speaker", "Armenia said Azerbaijani troops had shelled its border villages overnight.",
     {"AZE"}, {"ARM"}),
    ("reported-its-mission-abroad", "Iran said Israel had attacked its embassy in Beirut.", {"ISR"}, {"IRN"}),
    ("seized-settlement-in-country", "Sudanese rebels captured a town in eastern Chad on Sunday.", {"SDN"}, {"TCD"}),
    ("body-of-organisation", "The World Bank's board of governors criticised Zambia on Friday.", {"IGO"}, {"ZMB"}),
]


@pytest.mark.parametrize(("name", "text", "actors", "recipients"), MORE_CASES, ids=[c[0] for c in MORE_CASES])
def test_roles_exact_more(pipeline: Pipeline, name: str, text: str, actors: set[str], recipients: set[str]) -> None:
    test_roles_exact(pipeline, name, text, actors, recipients)


def test_broker_is_no_party(pipeline: Pipeline) -> None:
    """"an accord brokered by Ethiopia": the go-between is not the recipient of the signing."""
    ev = top_event(pipeline.code_text("Sudan and South Sudan signed a border accord brokered by Ethiopia."))
    assert ev is not None
    assert "ETH" not in {r.code for r in ev.recipient}
    assert {a.code for a in ev.actor} <= {"SDN", "SSD"}


# Targets on whole articles (sentences written for these tests)
TARGET_CASES = [
    ("dateline-not-whose-prisoners", "VILNIUS, Oct 14 (Reuters) - Belarus freed 31 political prisoners on Tuesday, "
     "officials in Vilnius said.", {"BLR"}, {"BLR"}),
    ("struck-thing-in-place", "Rebel drones struck an oil depot in Port Sudan on Tuesday.", {"SDN"}, {"SDN"}),
    ("who-is-the-people-noun", "nine pupils of a primary school in a village of katsina state who were kidnapped by "
     "bandits have been released, police said.", {"NGA"}, {"NGA"}),
    ("people-inside-coded-thing", "Ghana accepted a Togolese offer of a swap of detainees, officials in Abuja said.",
     {"GHA"}, {"TGO"}),
]


@pytest.mark.parametrize(("name", "text", "actors", "recipients"), TARGET_CASES, ids=[c[0] for c in TARGET_CASES])
def test_article_targets(pipeline: Pipeline, name: str, text: str, actors: set[str], recipients: set[str]) -> None:
    test_roles_exact(pipeline, name, text, actors, recipients)


def test_hawkers_are_a_sector(pipeline: Pipeline) -> None:
    ev = top_event(pipeline.code_text("Police in Lagos evicted hundreds of hawkers from the market on Monday."))
    assert ev is not None
    assert any("hawkers" in r.entity_text and r.code == "NGA" and r.sector == "LAB" for r in ev.recipient)


# targets of wire, feature and regional news (roles tuning round 2); sentences written for these tests
TARGET_CASES_2 = [
    ("dative-to-is-a-preposition", "the city government vowed to give rice and blankets to families displaced by "
     "the floods in iloilo, the mayor said.", {"PHL"}, {"PHL"}),
    ("villages-are-people", "armed herders threatened to raid villages in benue state unless their cattle were "
     "returned.", {"NGA"}, {"NGA"}),
    ("struck-thing-near-place", "Militia fighters shelled a market near Bunia on Saturday.", {"COD"}, {"COD"}),
    ("build-up-at-border-with", "Pakistan deployed extra troops along its border with Afghanistan on Monday.",
     {"PAK"}, {"AFG"}),
    ("build-up-at-adjective-border", "Azerbaijan moved artillery units closer to the Armenian border this week.",
     {"AZE"}, {"ARM"}),
    ("clause-subject-is-the-actor", "Chile's president promised that Santiago would sign a trade pact with Peru "
     "before the end of the year.", {"CHL"}, {"PER"}),
    ("resolution-calling-on", "The African Union adopted a resolution on Monday calling on Mali to hold elections "
     "within a year.", {"IGO"}, {"MLI"}),
    ("demand-from", "Thousands of teachers marched through central Quito on Wednesday to demand higher wages from "
     "the city government.", {"ECU"}, {"ECU"}),
]


@pytest.mark.parametrize(("name", "text", "actors", "recipients"), TARGET_CASES_2, ids=[c[0] for c in TARGET_CASES_2])
def test_news_targets(pipeline: Pipeline, name: str, text: str, actors: set[str], recipients: set[str]) -> None:
    test_roles_exact(pipeline, name, text, actors, recipients)


def test_route_ends_are_places(pipeline: Pipeline) -> None:
    ev = top_event(pipeline.code_text("Three traders were kidnapped by armed men on the highway between Maradi and "
                                      "Katsina on Monday."))
    assert ev is not None
    assert not any(r.entity_text in ("Maradi", "Katsina") for r in ev.recipient)


def test_national_red_cross_is_civil_society(pipeline: Pipeline) -> None:
    ev = top_event(pipeline.code_text("The Kenya Red Cross distributed food to flood victims in Garissa."))
    assert ev is not None
    assert [(a.code, a.sector) for a in ev.actor] == [("KEN", "SOC")]


# roles tuning round 3: headlines, local officials, chained verbs (sentences written for these tests)
TARGET_CASES_3 = [
    ("headline-verb-inside-compound", "eldoret: police raid opposition party offices, seize laptops",
     {"KEN"}, {"KEN"}),
    ("vote-of-confidence-in", "The Kenyan senate passed a vote of confidence in the president on Tuesday.",
     {"KEN"}, {"KEN"}),
    ("second-verb-object", "iloilo: city mayor threatens to close illegal piggeries, gives owners two weeks to "
     "relocate", {"PHL"}, {"PHL"}),
]


@pytest.mark.parametrize(("name", "text", "actors", "recipients"), TARGET_CASES_3, ids=[c[0] for c in TARGET_CASES_3])
def test_news_targets_3(pipeline: Pipeline, name: str, text: str, actors: set[str], recipients: set[str]) -> None:
    test_roles_exact(pipeline, name, text, actors, recipients)


@pytest.mark.parametrize("text", ["the barangay captain", "the village headman", "a block development officer",
                                  "the local government chairman", "the county commissioner", "the tehsildar"])
def test_local_officials_are_government(text: str) -> None:
    ms = Gazetteer.default().find(text)
    assert len(ms) == 1 and ms[0].sector == "GOV"


def test_local_ngo_is_domestic_civil_society(pipeline: Pipeline) -> None:
    ev = top_event(pipeline.code_text("Police in Kano raided the offices of a local NGO on Monday."))
    assert ev is not None
    assert [(r.code, r.sector) for r in ev.recipient] == [("NGA", "SOC")]


def test_headline_chained_clause_shares_subject_and_object(pipeline: Pipeline) -> None:
    """"bandits kill X, accuse him of ...": the second verb's subject and "him" come from the first clause."""
    evs = [e for e in pipeline.code_text("kaduna: bandits kill ward councillor, accuse him of helping vigilantes")
           if e.event_text == "accuse"]
    assert evs
    assert [a.entity_text for a in evs[0].actor] == ["bandits"]
    assert [r.entity_text for r in evs[0].recipient] == ["ward councillor"]


@pytest.mark.parametrize(("text", "actor"), [
    ("nakuru: its youth wing marched to the county police headquarters demanding the release of six detained "
     "members.", "youth wing"),
    ("kisumu: fkf suspends ward football officials over unpaid referee fees", "fkf"),
])
def test_local_body_or_acronym_is_home_party(pipeline: Pipeline, text: str, actor: str) -> None:
    """A lower-case page's "youth wing" or unknown acronym subject is a party of the home country."""
    ev = top_event(pipeline.code_text(text))
    assert ev is not None
    assert [(a.entity_text, a.code) for a in ev.actor] == [(actor, "KEN")]


# regional news, round 4 (sentences written for these tests)
def test_protest_participle_after_bare_noun_is_active(pipeline: Pipeline) -> None:
    """"youths protested at ...": the parser reads a noun with a participle; protesting is never passive."""
    ev = top_event(pipeline.code_text("jos: youths protested at the government house on tuesday against the "
                                      "killings of herders in bokkos."))
    assert ev is not None and ev.event == "PROTEST"
    assert [(a.entity_text, a.code) for a in ev.actor] == [("youths", "NGA")]
    assert all(r.entity_text != "youths" for r in ev.recipient)


def test_protest_purpose_names_who_did_the_grieved_thing(pipeline: Pipeline) -> None:
    ev = top_event(pipeline.code_text("kisumu: residents blocked the main road on monday to protest the shooting "
                                      "of a boy by police officers."))
    assert ev is not None
    assert [(r.entity_text, r.code) for r in ev.recipient] == [("police officers", "KEN")]


def test_body_issuing_a_text_is_the_actor(pipeline: Pipeline) -> None:
    """"X passed a resolution condemning ...": X condemns, not the nearest name before the verb."""
    ev = top_event(pipeline.code_text("Nigeria's senate passed a resolution from Ghanaian lawmakers on Tuesday "
                                      "condemning Togo's closure of shops."))
    assert ev is not None
    assert [a.entity_text for a in ev.actor] == ["Nigeria's senate"]
    assert [r.code for r in ev.recipient] == ["TGO"]


def test_claim_clause_subject_is_the_recipient(pipeline: Pipeline) -> None:
    """"a probe into allegations that X took bribes": X is investigated."""
    ev = top_event(pipeline.code_text("police in kisumu launched a probe into allegations that two constables "
                                      "took bribes from boda boda riders."))
    assert ev is not None and ev.event == "ACCUSE"
    assert [(r.entity_text, r.code) for r in ev.recipient] == [("constables", "KEN")]


def test_generic_party_after_dateline_has_no_blanks(pipeline: Pipeline) -> None:
    ev = top_event(pipeline.code_text("nairobi: boda boda riders marched to the county offices on tuesday."))
    assert ev is not None
    assert [(a.entity_text, a.code) for a in ev.actor] == [("boda boda riders", "KEN")]


def test_threat_condition_names_whom_it_is_put_to(pipeline: Pipeline) -> None:
    ev = top_event(pipeline.code_text("The union warned that it would shut all hospitals in Kisumu unless the county "
                                      "government paid salaries."))
    assert ev is not None and ev.event == "THREATEN"
    assert [(r.entity_text, r.code) for r in ev.recipient] == [("county government", "KEN")]


def test_bare_chief_is_a_local_official(pipeline: Pipeline) -> None:
    ev = top_event(pipeline.code_text("meru: police have arrested a chief accused of grabbing a widow's land."))
    assert ev is not None
    assert [(r.entity_text, r.code, r.sector) for r in ev.recipient] == [("a chief", "KEN", "GOV")]


def test_byline_and_addressed_press_are_no_parties(pipeline: Pipeline) -> None:
    evs = pipeline.code_text("patna police lathicharge students protesting exam paper leak\nstaff reporter | posted "
                             "on 22 jul 2025")
    assert evs and all(r.entity_text != "reporter" for e in evs for r in e.recipient)
    ev = top_event(pipeline.code_text("His wife told reporters in Dhaka that he was beaten by police."))
    assert ev is not None
    assert all(a.sector != "JRN" for a in ev.actor)


def test_kin_are_people_of_the_place(pipeline: Pipeline) -> None:
    ev = top_event(pipeline.code_text("sheikhupura: a man allegedly shot dead his two sisters over a property dispute "
                                      "in ferozewala on friday."))
    assert ev is not None and ev.event == "ASSAULT"
    assert [(r.entity_text, r.code) for r in ev.recipient] == [("two sisters", "PAK")]


def test_those_who_died_in_an_attack_are_its_victims(pipeline) -> None:  # type: ignore[no-untyped-def]
    evs = pipeline.code_text("A British soldier has died in an explosion in Syria, the Ministry of Defence said.",
                             pub_date="2018-05-01")
    ev = next(e for e in evs if e.event == "ASSAULT")
    assert [a.code for a in ev.actor] == [] and [r.code for r in ev.recipient] == ["GBR"]


def test_those_who_died_after_an_attack_are_its_victims(pipeline) -> None:  # type: ignore[no-untyped-def]
    evs = pipeline.code_text("Three protesters died after police opened fire in Khartoum.", pub_date="2019-06-03")
    ev = next(e for e in evs if e.event == "ASSAULT")
    assert [(a.code, a.sector) for a in ev.actor] == [("SDN", "COP")]
    assert [r.code for r in ev.recipient] == ["SDN"]
    # an "after" clause of an ordinary act names no victims of it
    arrest = pipeline.code_text("Police arrested the man after he attacked a woman in Nairobi.", pub_date="2019-06-03")
    assert any(e.event == "COERCE" for e in arrest)
