"""PLOVER contexts of an event: what the event is about, several at once ("military", "cbrn", "diplomatic" …).

The trigger lexicon gives a context for some verbs ("enriched uranium" → cbrn). Most contexts, though, are
about the *subject matter* of the sentence, not its verb: "police fired tear gas at farmers demanding water"
is repression and human_security whatever the verb. So each event also gets the contexts whose cue words
occur in its sentence, and those implied by the sectors of its parties (troops → military, spies →
intelligence, lawmakers → legislative). Cues are whole words or phrases, case-insensitive, chosen from
PLOVER's context definitions (``ontology/data/plover.json``); they are deliberately specific (no "attack"
or "government", which are in every political sentence).

Example::

    >>> event_contexts("Iran resumed uranium enrichment at Fordow, the IAEA said.", (), ("IGO",))
    ('cbrn',)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

# context -> cue words and phrases (regex fragments; matched as whole words, case-insensitive)
CUES: dict[str, tuple[str, ...]] = {
    "military": (r"troops?", r"soldiers?", r"army", r"armies", r"navy", r"naval", r"air force", r"warships?",
                 r"warplanes?", r"fighter jets?", r"military", r"militaries", r"armed forces", r"defen[cs]e ministry",
                 r"defen[cs]e minister", r"drills?", r"missiles?", r"artillery", r"battalions?",
                 r"brigades?", r"arms sales?", r"weapons? (?:deliveries|shipments?|sales?)"),
    "intelligence": (r"spy", r"spies", r"spying", r"espionage", r"intelligence (?:agency|agencies|service|services|"
                     r"officers?|officials?|sharing|chief)", r"surveillance"),
    "legislative": (r"parliament(?:ary)?", r"lawmakers?", r"legislators?", r"legislature", r"senate", r"congress",
                    r"national assembly", r"(?:a|the) bill", r"no-confidence", r"coalition government"),
    "election": (r"elections?", r"electoral", r"polls? (?:opened|closed|station)", r"polling", r"ballots?",
                 r"voters?", r"campaign(?:ing|ed)? for", r"candidates?", r"re-?election", r"by-?elections?",
                 r"vote counting", r"vote-rigging"),
    "political_institutions": (r"constitution(?:al)?", r"referendum", r"impeach(?:ed|ment)?", r"cabinet reshuffle",
                               r"dissolved? (?:the )?(?:parliament|assembly|party)", r"political part(?:y|ies)",
                               r"ruling party", r"term limits?"),
    "pro_democracy": (r"pro-democracy", r"democrati[sz]ation", r"democratic transition", r"return to civilian rule",
                      r"free and fair"),
    "pro_autocracy": (r"coup", r"junta", r"martial law", r"state of emergency", r"postponed? (?:the )?elections?",
                      r"indefinitely extend", r"one-party"),
    "economic": (r"econom(?:y|ic|ies)", r"tariffs?", r"trade (?:deal|war|talks|agreement|barriers?|deficit)",
                 r"exports?", r"imports?", r"investments?", r"loans?", r"debt", r"inflation", r"currency",
                 r"central bank", r"interest rates?", r"budget", r"imf", r"world bank", r"gdp", r"subsid(?:y|ies)",
                 r"tax(?:es)?", r"fuel prices?", r"wages?", r"salar(?:y|ies)", r"pensions?"),
    "legal": (r"courts?", r"judges?", r"tribunal", r"lawsuits?", r"sued", r"trial", r"convicted", r"acquitted",
              r"sentenced", r"verdict", r"prosecutors?", r"indicted", r"indictment", r"charged with",
              r"international criminal court", r"icc", r"icj", r"international court of justice",
              r"arrest warrants?", r"extradit(?:e|ed|ion)"),
    "reparations": (r"reparations?", r"compensation", r"restitution", r"compensate[ds]?"),
    "human_rights": (r"human rights", r"rights groups?", r"amnesty international", r"human rights watch",
                     r"torture", r"war crimes?", r"crimes against humanity", r"genocide", r"extrajudicial",
                     r"enforced disappearances?", r"political prisoners?"),
    "rights_freedoms": (r"press freedom", r"freedom of (?:speech|expression|assembly|the press|religion)",
                        r"censorship", r"censored", r"internet (?:shutdown|blackout)", r"free speech",
                        r"civil liberties", r"banned (?:the )?(?:rally|protest|march|newspaper)"),
    "repression": (r"crackdown", r"cracked down", r"tear ?gas", r"rubber bullets", r"water cannons?", r"baton",
                   r"lathi-?charged?", r"riot police", r"fired on (?:the )?(?:protesters|demonstrators|crowds?)",
                   r"dispersed (?:the )?(?:protesters|demonstrators|crowds?)", r"detained (?:dozens|hundreds) of"),
    "human_security": (r"food (?:shortages?|insecurity|aid|prices?|supplies)", r"famine", r"hunger", r"starvation",
                       r"drinking water", r"water (?:shortages?|supply|supplies|crisis)", r"housing",
                       r"evictions?", r"evicted", r"electricity", r"power (?:cuts?|outages?|station)",
                       r"land (?:rights|dispute|grab)", r"fuel shortages?", r"shelter"),
    "gender": (r"women'?s? rights", r"gender", r"abortion", r"femicide", r"domestic violence", r"sexual violence",
               r"rape", r"girls'? education", r"maternity"),
    "lgbt": (r"lgbtq?\+?", r"gay", r"lesbian", r"transgender", r"same-sex", r"homosexual(?:ity)?", r"pride march"),
    "religion_ethnicity": (r"religious", r"mosques?", r"churche?s?", r"temples?", r"synagogues?", r"muslims?",
                           r"christians?", r"hindus?", r"sikhs?", r"buddhists?", r"jews?", r"jewish", r"ethnic",
                           r"sectarian", r"caste", r"dalits?", r"tribal", r"blasphemy",
                           r"communal (?:clashes|violence)"),
    "inequality": (r"inequality", r"poverty", r"the poor", r"marginali[sz]ed", r"discrimination"),
    "diplomatic": (r"diplomat(?:s|ic)?", r"ambassadors?", r"embass(?:y|ies)", r"consulates?", r"envoys?",
                   r"foreign ministers?", r"foreign ministry", r"foreign secretary", r"secretary of state", r"summit",
                   r"bilateral", r"state visit", r"peace talks", r"negotiations?", r"treaty", r"diplomacy"),
    "territory": (r"border (?:disputes?|clashes|row|demarcation)", r"territor(?:y|ial|ies)", r"annex(?:ed|ation)?",
                  r"sovereignty",
                  r"disputed", r"secession(?:ist)?", r"separatists?", r"independence referendum", r"occupied",
                  r"occupation", r"maritime claims?"),
    "peacekeeping": (r"peacekeep(?:ers?|ing)", r"blue helmets", r"monusco", r"minusma", r"unifil", r"unmiss",
                     r"african union mission", r"stabili[sz]ation mission"),
    "health": (r"health", r"epidemic", r"pandemic", r"outbreaks?", r"vaccin(?:e|es|ation)", r"cholera", r"ebola",
               r"covid(?:-19)?", r"coronavirus", r"malaria", r"measles", r"mpox", r"hospitals?", r"doctors?",
               r"nurses?", r"medical"),
    "asylum": (r"asylum",),
    "migration": (r"migrants?", r"migration", r"refugees?", r"displaced", r"deport(?:ed|ation|ations)?",
                  r"border crossings?", r"boat people", r"evacuees?"),
    "disasters": (r"earthquakes?", r"floods?", r"flooding", r"cyclones?", r"typhoons?", r"hurricanes?",
                  r"wildfires?", r"landslides?", r"droughts?", r"tsunami", r"volcan(?:o|ic)", r"oil spill",
                  r"storm surges?", r"disaster"),
    "natural_resource": (r"oil", r"gas ?fields?", r"natural gas", r"pipelines?", r"mining", r"minerals?",
                         r"lithium", r"cobalt", r"rare earths?", r"gold mines?", r"timber", r"fisheries",
                         r"fishing rights"),
    "environment": (r"climate", r"pollution", r"polluted", r"emissions", r"deforestation", r"environment(?:al)?",
                    r"carbon", r"toxic waste", r"sand mining"),
    "technology": (r"semiconductors?", r"chips? (?:exports?|makers?|industry|plants?)", r"artificial intelligence",
                   r"technolog(?:y|ies|ical)",
                   r"satellites?", r"5g", r"telecom(?:munications)?", r"tech (?:firms?|companies|giants?)"),
    "terrorism": (r"terror(?:ism|ist|ists)?", r"jihadists?", r"islamic state", r"isis", r"isil", r"al-qaeda",
                  r"al-shabaab", r"boko haram", r"suicide (?:bomb(?:er|ers|ing|ings)?|attack)",
                  r"counter-?terror(?:ism)?", r"extremists?"),
    "cbrn": (r"nuclear", r"uranium", r"enrichment", r"plutonium", r"chemical weapons?", r"nerve agent",
             r"biological weapons?", r"radiological", r"dirty bomb", r"sarin", r"chlorine gas", r"novichok",
             r"iaea", r"opcw", r"warheads?"),
    "cyber": (r"cyber(?:attacks?|security|crime)?", r"cyber-?attacks?", r"hack(?:ed|ers?|ing)", r"ransomware",
              r"malware", r"phishing", r"data breach"),
    "misinformation": (r"disinformation", r"misinformation", r"fake news", r"propaganda", r"influence operations?",
                       r"troll farms?", r"deepfakes?"),
    "crime": (r"crimes?", r"criminals?", r"gangs?", r"robbery", r"robbers?", r"murder(?:ed|s)?", r"theft",
              r"kidnapp(?:ed|ing|ers?)", r"bandits?", r"banditry", r"extortion", r"smugglers?", r"looting"),
    "corruption": (r"corruption", r"corrupt", r"brib(?:e|es|ery|ed)", r"embezzl(?:ed|ement|ing)", r"graft",
                   r"kickbacks?", r"money laundering", r"nepotism", r"cronyism", r"anti-graft"),
    "illegal_drugs": (r"drugs? (?:trafficking|traffickers?|cartels?|lords?|trade|smuggling|seizures?)", r"cocaine",
                      r"heroin", r"narcotics?", r"methamphetamine", r"meth", r"fentanyl", r"cannabis", r"opium",
                      r"cartels?"),
    "trafficking": (r"traffick(?:ing|ed|ers?)", r"smuggl(?:ing|ed|ers?)", r"contraband"),
}

# party sectors that make a context (PLOVER sector codes)
SECTOR_CONTEXT: dict[str, str] = {"MIL": "military", "SPY": "intelligence", "LEG": "legislative",
                                  "JUD": "legal", "CRM": "crime", "REF": "migration", "MED": "health"}


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(r"(?<![\w-])(?:" + "|".join(cues) + r")(?![\w-])", re.IGNORECASE))
                 for name, cues in CUES.items())


@lru_cache(maxsize=4096)  # a sentence's events all ask for its contexts
def sentence_contexts(text: str) -> tuple[str, ...]:
    """Contexts whose cue words occur in ``text``, in PLOVER's order."""
    return tuple(name for name, pattern in _patterns() if pattern.search(text))


def event_contexts(text: str, trigger_contexts: Iterable[str] = (), sectors: Sequence[str] = ()) -> tuple[str, ...]:
    """The trigger's contexts, then those of the sentence's cue words and of the parties' sectors, without repeats."""
    out: list[str] = []
    extra = [SECTOR_CONTEXT[s] for s in sectors if s in SECTOR_CONTEXT]
    for name in (*trigger_contexts, *sentence_contexts(text), *extra):
        if name and name not in out:
            out.append(name)
    return tuple(out)
