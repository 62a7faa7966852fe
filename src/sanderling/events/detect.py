"""Trigger detection on a parsed sentence: lexicon match, constraints, dominance.

A governing trigger wins over the triggers it dominates through complements
("threatened to impose sanctions" → THREATEN; "condemned the attack" → ACCUSE), while
coordinated triggers ("met and signed") each make their own event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the parser when needed: the CLI process starts faster
    from spacy.tokens import Span, Token

from sanderling.events.clauses import _semicolon_clause
from sanderling.events.lexicon import Lexicon, TriggerEntry

_OBJ_DEPS = {"dobj", "obj", "nsubjpass", "attr", "oprd", "dative", "pobj", "xcomp", "npadvmod", "acomp"}
_WITH_DEPS = {"prt", "prep", "agent", "advmod", "mark", "aux", "dep"}
_MOD_DEPS = {"compound", "amod", "nmod", "nummod", "npadvmod"}
# edges through which a governing trigger suppresses a governed one
_DOMINATE = {"xcomp", "ccomp", "dobj", "obj", "pobj", "prep", "nsubjpass", "acl", "advcl", "pcomp", "relcl",
             "attr", "oprd", "compound", "nsubj", "amod", "appos", "dative", "poss", "npadvmod"}


@dataclass(frozen=True)
class Trigger:
    token: Token
    entry: TriggerEntry
    head_noun: Token | None = None  # object noun that satisfied an "objects" constraint

    @property
    def span(self) -> tuple[int, int]:
        """Character span of the trigger words (verb + particle/object when the entry needs them)."""
        toks = [self.token]
        if self.head_noun is not None:
            toks.append(self.head_noun)
        for c in self.token.children:
            if c.dep_ == "prt" and c.lemma_.lower() in self.entry.with_:
                toks.append(c)
        return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


_TIME_PREPS = {"after", "before", "during", "since", "amid", "following", "despite", "ahead", "until"}


def _object_tokens(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in _OBJ_DEPS:
            out.append(c)
            out.extend(x for x in c.children if x.dep_ == "conj")
        elif c.dep_ in ("prep", "agent") and c.lemma_.lower() not in _TIME_PREPS:
            out.extend(p for p in c.children if p.dep_ == "pobj")  # not "mounted ... after reports of an attack"
            # a gerund and its object: "barred him from leaving the country"
            out.extend(x for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
                       for x in (g, *(o for o in g.children if o.dep_ in ("dobj", "obj"))))
    # an object's predicate noun: "held two journalists hostage" (parsed as a clause of its own)
    if any(c.dep_ in ("dobj", "obj") for c in tok.children):
        out.extend(c for c in tok.children if c.dep_ == "ccomp" and c.pos_ == "NOUN"
                   and not any(g.dep_ in ("nsubj", "aux") for g in c.children))
    if not any(c.dep_ in ("dobj", "obj") for c in tok.children):
        # "released two Israeli women held hostage", parsed as a clause "women held hostage": its subject
        out.extend(s for c in tok.children if c.dep_ == "ccomp" and c.tag_ in ("VBN", "VBD") and c.i > tok.i
                   and not any(g.dep_ in ("mark", "aux", "auxpass") for g in c.children)
                   for s in c.children if s.dep_ == "nsubj" and s.i < c.i)
    if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)  # "the sanctions imposed on Iran"
    elif (tok.dep_ == "amod" and tok.pos_ == "VERB" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")
          and tok.head.dep_ in ("ROOT", "ccomp", "parataxis")):
        out.append(tok.head)  # a headline's verb parsed as a modifier of its object: "dm relaxed curfew"
    # an object's apposition names the same thing: "dissolved Memorial, the oldest rights group"
    out.extend(a for o in list(out) for a in o.children if a.dep_ == "appos")
    # quantities and groups: "a new group of volunteers", "thousands of troops"
    out.extend(p for o in list(out) for pr in o.children if pr.dep_ == "prep" and pr.lower_ == "of"
               for p in pr.children if p.dep_ == "pobj")
    return out


def _phrase_keys(tok: Token) -> set[str]:
    lemma = tok.lemma_.lower()
    keys = {lemma, tok.lower_}
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    # "a joint coast guard exercise": "joint" hangs on the compounds "coast guard", yet it is a joint exercise
    chain = [c for c in mods if c.dep_ == "compound"]
    while chain:
        c = chain.pop()
        mods += [g for g in c.children if g.dep_ == "amod" and g.i < c.i]
        chain += [g for g in c.children if g.dep_ == "compound" and g.i < c.i]
    for m in mods:
        keys.add(f"{m.lemma_.lower()} {lemma}")
        keys.add(f"{m.lower_} {tok.lower_}")
    return keys


_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "week",
               "month", "year", "morning", "afternoon", "evening", "night", "weekend", "time", "occasion",
               "january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "anniversary", "eve"}


def _temporal(prep: Token) -> bool:
    """ "on Sunday", "for a week": a time adjunct, not the particle of a phrasal trigger."""
    return any(p.lower_ in _TIME_WORDS or p.lemma_.lower() in _TIME_WORDS or p.like_num
               for p in prep.children if p.dep_ == "pobj")


# verbs whose "to" names an addressee, never an infinitive aim: "protested to Tokyo", not "protested to demand"
_ADDRESSED = {"protest"}


def _match(tok: Token, entry: TriggerEntry) -> tuple[bool, Token | None]:
    head_noun = None
    if entry.objects:
        for o in _object_tokens(tok):
            if _phrase_keys(o) & entry.objects:
                head_noun = o
                break
        else:
            return False, None
    if entry.with_:
        # particles anywhere; prepositions only right after the verb ("called on X", not "called ... on Sunday")
        kids = {c.lemma_.lower() for c in tok.children
                if c.dep_ in _WITH_DEPS and (c.dep_ in ("prt", "agent") or tok.i < c.i <= tok.i + 2
                                             or (c.dep_ == "prep" and not _temporal(c)))}
        # "ordered three Russian diplomats to leave": the verb of the object's infinitive
        if any(c.dep_ in ("dobj", "obj") for c in tok.children):  # not "is set to free four hostages"
            kids |= {c.lemma_.lower() for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i}
        if entry.lemma not in _ADDRESSED and any(
                c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in tok.children):
            kids.add("to")  # "asked the EU to convene ..."
        nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
        if entry.lemma in _ADDRESSED and tok.i + 1 < len(tok.doc) and tok.nbor(1).dep_ == "aux":
            nxt = ""  # "protested to demand wages": an aim, not an addressee
        if not (kids & entry.with_) and nxt not in entry.with_:
            return False, None
    if entry.modifiers:
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in _MOD_DEPS}
        if not mods & entry.modifiers:
            return False, None
    return True, head_noun


# figurative uses that no lexicon entry should fire on: "beat expectations", "attack the problem"
_FIGURATIVE = {
    "beat": {"expectation", "estimate", "forecast", "record", "deadline", "odds", "target", "traffic"},
    "attack": {"problem", "issue", "question", "poverty", "inflation"},
    "fight": {"inflation", "poverty", "corruption", "fire", "wildfire", "blaze", "disease", "cancer", "obesity"},
    "kill": {"bill", "deal", "idea", "time", "proposal"},
    "execute": {"plan", "strategy", "order", "contract", "project", "programme", "program", "deal", "transaction",
                "trade", "task", "shot", "move", "mandate", "agreement", "budget", "policy"},
    # "analysts were struck by the scale of the drills": impressed, not hit
    "strike": {"scale", "size", "extent", "speed", "contrast", "similarity", "resemblance", "irony", "absence",
               "lack", "beauty", "calm", "silence", "tone", "mood", "resilience", "boldness", "sight"},
    # forecasters warn of weather, not of consequences for a political target
    "warn": {"storm", "surge", "storm surge", "rain", "rainfall", "flood", "flooding", "cyclone", "wind", "gale",
             "heatwave", "heat", "snow", "snowfall", "landslide", "tsunami", "drought", "wave", "thunderstorm",
             "downpour", "frost", "hurricane", "typhoon", "tornado", "avalanche", "tide", "fog", "weather"},
}


# "the plan was met with protests", "was greeted with silence": how something was received, not a meeting
_RECEPTION = {"meet", "greet"}


def _received(tok: Token) -> bool:
    kids = list(tok.children)
    return (any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in kids))


# alerts are issued to the public; forces are put on alert ("placed troops on high alert")
_NOTICES = {"alert"}
_ISSUE_VERBS = {"issue", "sound", "send", "declare", "release", "extend", "upgrade", "downgrade"}


# forms the lemmatiser sometimes reads as another verb ("raped" → "rap", to criticise)
_LEMMA_FIX = {"raped": "rape", "raping": "rape"}


def _lemma_forms(tok: Token) -> list[str]:
    """The token's lemma; for "lathi-charged" (parsed "lathi", "-", "charged") or "lathi charged" the joined
    forms first."""
    lemma = _LEMMA_FIX.get(tok.lower_, tok.lemma_.lower())
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
            and not doc[tok.i - 2].whitespace_ and doc[tok.i - 2].is_alpha:
        prev = doc[tok.i - 2].lower_
        return [f"{prev}-{lemma}", f"{prev}{lemma}", lemma]
    if tok.i >= 1 and doc[tok.i - 1].lower_ == "lathi":  # "police lathi charged the crowd"
        return [f"lathi-{lemma}", f"lathi{lemma}", lemma]
    return [lemma]


# "resigned to him staying": accepting a state of affairs, not leaving office
_ACQUIESCE = {"resign"}
# "had only themselves to blame": an idiom of fault, no accuser
_REFLEXIVES = {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"}
# a state, not an act: "remain in custody", "engaging in hostilities" (the law's generic wording)
_STATE_IN = {"custody", "detention", "hostility"}
_ANALYSIS = {"show", "highlight", "underline", "underscore", "reflect", "suggest", "mean", "demonstrate", "prove",
             "illustrate", "signal", "expose", "reveal"}
_FEELINGS = {"anger", "upset", "shock", "horrify", "appal", "appall", "outrage", "sadden", "disturb", "move",  # -ed
             "incense", "enrage", "devastate", "traumatise", "traumatize", "inspire", "motivate"}
_PREVENT = {"prevent", "stop", "deter", "dissuade", "discourage", "keep", "restrain", "hold"}
_CAMPAIGNS = {"fight", "war", "battle", "struggle", "campaign", "crusade"}
_AID_WORDS = {"aid", "relief", "humanitarian"}
_AID_PEOPLE = {"worker", "agency", "group", "organisation", "organization", "official", "charity", "sector", "staff",
               "community", "chief", "expert", "volunteer"}
# what people need or lack is not what was given: "need humanitarian assistance", "depend on food aid"
_NEED_VERBS = {"need", "require", "lack", "depend", "rely", "seek"}
_NEEDED_TYPES = {"AID"}
# a participle naming a standing status before a noun: "the outlawed party", "the banned group", "the proposed
# budget"; not a headline verb ("dm relaxed curfew") nor the act itself ("detained protesters")
_STATUS_PARTICIPLES = {"outlaw", "ban", "proscribe", "propose", "blacklist"}


# "the withdrawal was meant to ...", "the deal is seen as a setback": its purpose or worth judged
_JUDGED = {"mean", "design", "intend", "aim", "suppose", "calculate", "see", "view", "regard", "consider", "deem"}


def _analysed(noun: Token) -> bool:
    """The event noun is the subject of analysis: "the withdrawal shows ...", "the withdrawal was meant to
    save money", "the deal is seen as a setback", "the withdrawal was to save lives" (its purpose or worth
    argued, not the act reported)."""
    head = noun.head
    lemma = head.lemma_.lower()
    if noun.dep_ == "nsubj" and lemma in _ANALYSIS:
        return True
    if noun.dep_ == "nsubjpass" and lemma in _JUDGED:
        return True
    return noun.dep_ == "nsubj" and (lemma == "be" or head.lower_ in _BE_FORMS) and any(
        c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in head.children)


def _hyphen_status(tok: Token, lemma: str) -> bool:
    """ "the US-backed militia", "the Saudi-led coalition": a participle compound naming who stands behind
    a party, not an act ("lathi-charged", a lexicon word of its own, is matched joined and kept)."""
    doc = tok.doc
    return (tok.tag_ == "VBN" and tok.dep_ == "amod" and tok.head.i > tok.i and lemma == tok.lemma_.lower()
            and tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
            and not doc[tok.i - 2].whitespace_)


_ASIDE_MARKS = {",", "–", "—", "(", "-"}
_RELATIVES = {"who", "which", "whose", "whom", "that"}


def _aside(tok: Token) -> bool:
    """``tok`` sits in a clause set off by a comma or dash that describes a party: who it is, not what happened.
    "The Kurds, armed and supported by the US, have shouldered the burden", "the US, which provided air cover
    to the militias who led the assault"; unless dated: "..., arrested on Monday, remain in custody", nor a
    time clause: "..., when the police arrested him"."""
    node = tok
    while node.head.i != node.i:
        if (node.dep_ == "acl" and node.tag_ in ("VBG", "VBN") and node.head.dep_ == "nsubj"
                and node.head.head.lemma_.lower() in ("be", "have")):
            return True  # "citizens backing the group had only themselves to blame": who, then what they are
        participle = (node.dep_ == "acl" and node.tag_ in ("VBN", "JJ")
                      and node.head.dep_ in ("nsubj", "nsubjpass"))
        start = node.left_edge.i
        # "..., who said Turkey was preparing an offensive": what an aside reports someone said is news
        relative = (node.dep_ == "relcl" and node.doc[start].lower_ in _RELATIVES
                    and node.lemma_.lower() not in _SPEECH)
        if ((participle or relative) and node.head.pos_ in ("NOUN", "PROPN") and start > 0
                and node.doc[start - 1].text in _ASIDE_MARKS):
            return not any(t.lower_ in _TIME_WORDS or t.like_num for t in node.subtree)
        node = node.head
    return False


def _sit_in(tok: Token) -> bool:
    """ "sit-in", "sit-ins", "a sit in" """
    doc, nxt = tok.doc, tok.i + 1
    if nxt < len(doc) and doc[nxt].text in ("-", "–") and not tok.whitespace_:
        nxt += 1
    return nxt < len(doc) and doc[nxt].lower_ in ("in", "ins")


def _spurious(tok: Token, lemma: str) -> bool:
    """Uses of a trigger word that report no event at all."""
    kids = list(tok.children)
    if lemma in _ACQUIESCE and any(c.dep_ == "prep" and c.lower_ == "to" for c in kids):
        return True
    if lemma == "sit" and tok.pos_ in ("NOUN", "PROPN") and not _sit_in(tok):
        return True  # "mothers sit on the pavement" mis-tagged: only "a sit-in", "sit-ins" name a protest
    if lemma == "blame" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and any(
            t.lower_ in _REFLEXIVES for t in tok.doc[max(tok.i - 4, 0):tok.i]):
        return True
    if lemma in _STATE_IN and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        return True
    if tok.dep_ == "pcomp" and tok.head.lower_ == "from" and (tok.head.head.lemma_.lower() in _PREVENT or any(
            t.pos_ == "VERB" and t.lemma_.lower() in _PREVENT for t in tok.doc[max(tok.head.i - 12, 0):tok.head.i])):
        return True  # "prevented the president from destroying the project": what was stopped did not happen
    if (lemma in _CAMPAIGNS and tok.dep_ == "pobj" and any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
            and any(c.dep_ == "prep" and c.lower_ == "against" for c in kids)):
        return True  # "valuable in the fight against the militants": a long campaign named, not a reported act
    if lemma in _AID_WORDS and tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in _AID_PEOPLE:
        return True  # "aid workers", "relief agencies": who they are, not aid given
    if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        tok = tok.head  # "the bomb attack": the compound shares its head's use
        kids = list(tok.children)
    if tok.pos_ == "NOUN" and _analysed(tok) and any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in kids):
        return True  # "the resignation shows the depth of the chasm": analysis of a known event, not its report
    felt = tok.head.head
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.dep_ == "agent" and (
            {felt.lemma_.lower(), felt.lower_[:-1], felt.lower_[:-2], felt.lower_[:-3] + "y"} & _FEELINGS):
        return True  # "was so angered by the bomb attack that ...": how someone felt about an earlier event
    if _hyphen_status(tok, lemma) or _aside(tok):
        return True
    if lemma in _STATUS_PARTICIPLES and tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.i > tok.i:
        noun = tok.head  # "the outlawed Kurdistan Workers' Party": the determiner sits on the name's head
        while noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i:
            noun = noun.head
        return any(c.dep_ in ("det", "poss") for c in noun.children)
    return False


# weapons named as goods are no attack: "increase production of artillery shells and missiles", "a missile
# programme", "the sale of drones"
_WEAPONS = {"missile", "rocket", "drone", "shell", "bomb", "munition"}
_GOODS = {"production", "supply", "sale", "stockpile", "arsenal", "development", "programme", "program",
          "transfer", "delivery", "shipment", "export", "import", "purchase", "manufacture", "factory", "plant",
          "maker", "manufacturer", "industry", "technology", "stock", "order", "deal", "contract", "part"}


_NOT_ACTS = {"organiser", "organizer", "leader", "movement", "group", "camp", "site", "song", "slogan", "banner",
             "placard", "poster", "helicopter", "aircraft", "jet", "submarine", "dog", "committee", "fund"}


def _described_as_accused(tok: Token) -> bool:
    """ "companies accused of supplying drone parts", "the party, in power since 2002 and accused of corruption":
    a participle that describes a party, with no accuser and no tense of its own ("was/has accused")."""
    if tok.tag_ != "VBN" or tok.dep_ == "ROOT" or any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass")
                                                       for c in tok.children):
        return False
    if tok.dep_ == "conj":  # "was arrested and accused of ...": the first verb's tense carries over
        return not any(c.dep_ in ("aux", "auxpass") for c in tok.head.children) and tok.head.tag_ != "VBD"
    return tok.dep_ in ("acl", "amod", "appos", "advcl", "relcl")


def _goods(tok: Token) -> bool:
    """A weapon noun that is what is made, sold or held ("production of missiles", "missile programme")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.lemma_.lower() in _GOODS:
        return True
    return (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _GOODS)


def _needed(tok: Token) -> bool:
    """ "need humanitarian assistance", "in need of food aid", "depend on foreign aid" """
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return tok.dep_ in ("dobj", "obj", "pobj") and head.lemma_.lower() in _NEED_VERBS


# criticism nouns (ACCUSE entries) count only as what a speaker says someone else did or is:
# "said the envoy had made a serious mistake", "said the comments were a blatant violation of sovereignty",
# "calling the raid a provocation"; not "he said he had made a mistake", nor "human rights violations" in passing
_CRITICISM = {"mistake", "blunder", "violation", "interference", "provocation", "insult", "affront", "outrage",
              "disgrace", "betrayal", "threat"}
_CRITICISE_FRAMES = {"say", "tell", "add", "insist", "warn", "claim", "declare", "state", "charge", "write",
                     "tweet", "argue", "complain"}
_NAME_VERBS = {"call", "describe", "term", "brand", "label", "denounce", "condemn", "slam", "dub"}
_MAKE_VERBS = {"make", "commit", "constitute", "represent", "amount", "pose"}
_SELF = {"i", "we", "he", "she"}
_BE_FORMS = {"be", "is", "are", "was", "were", "been", "being", "'s", "'re"}  # the lemmatiser does not always say "be"


def _reported_criticism(tok: Token) -> Token | None:
    """The speaker's verb ("said", "called") when ``tok`` is criticism a speaker voices, else None."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "to" and verb.head.lemma_.lower() == "amount":
        verb = verb.head  # "amounted to a betrayal"
    elif tok.dep_ == "oprd" and verb.lemma_.lower() in _NAME_VERBS:
        return verb  # "called the visit a provocation"
    elif not ((tok.dep_ == "attr" and (verb.lemma_.lower() == "be" or verb.lower_ in _BE_FORMS))
              or (tok.dep_ in ("dobj", "obj") and verb.lemma_.lower() in _MAKE_VERBS)):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _SELF for c in verb.children):
        return None  # "he said he had made a mistake": owning up, not criticising
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in _CRITICISE_FRAMES:
        return verb.head
    return None


_SPEECH = {"say", "tell", "declare", "add", "write", "tweet", "insist", "state", "shout", "post", "argue"}
_FIRST_PERSON = {"we", "i"}
_WILL = {"will", "'ll", "shall"}
_OUGHT = {"should", "must", "ought"}
_PARTY_NOUNS = {"government", "authority", "country", "state", "army", "military", "police", "council", "ministry",
                "leader", "president", "regime", "administration", "parliament", "ally", "nation", "rebel",
                "opposition", "coalition", "union", "neighbour", "neighbor", "party", "force", "militia", "junta",
                "court"}
# what a speaker voices is as sure as a main-clause verb: the classifier, reading the voiced act, does not re-type it
_VOICED_WEIGHT = 0.8


def _speech_verb(tok: Token) -> Token | None:
    """The verb voicing ``tok``'s clause: "X said (that) ...", or "'...,' X said" parsed the other way round."""
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in _SPEECH:
        return tok.head
    if tok.head.i != tok.i:
        return None
    return next((c for c in tok.children if c.dep_ in ("ccomp", "parataxis") and c.i > tok.i
                 and c.lemma_.lower() in _SPEECH), None)


def _voiced_threat(t: Trigger, taken: set[int]) -> Trigger | None:
    """ "'We will strike back,' the commander said": force a speaker promises in the first person is a threat,
    and the speaker's verb is the act (its roles come from the speaker, its tense is not the promise's)."""
    if t.entry.event not in _THREAT_MODES or t.token.pos_ != "VERB":
        return None
    clause = t.token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "we will burn you, then bury you"
    kids = list(clause.children)
    if not (any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in kids)
            and any(c.dep_ == "aux" and c.lower_ in _WILL for c in kids) and not any(c.dep_ == "neg" for c in kids)):
        return None
    speaker = _speech_verb(clause)
    if speaker is None or speaker.i in taken:
        return None
    mode = "territory" if t.entry.cameo == "192" else _THREAT_MODES[t.entry.event]
    return Trigger(speaker, replace(t.entry, event="THREATEN", mode=mode, cameo="",
                                    weight=max(t.entry.weight, _VOICED_WEIGHT)), t.token)


def _proposals(sent: Span, taken: set[int]) -> list[Trigger]:
    """ "X said Britain should take back its fighters": a speaker saying what a party should or must do asks it
    to; not "should have done" (criticism of the past), "we should" (a view) nor "results should be known"."""
    out = []
    for tok in sent:
        if tok.i in taken or tok.pos_ != "VERB" or tok.lemma_.lower() not in _SPEECH:
            continue
        for c in tok.children:
            kids = list(c.children) if c.dep_ == "ccomp" else []
            subj = next((k for k in kids if k.dep_ in ("nsubj", "nsubjpass")), None)
            if (subj is not None and (subj.pos_ == "PROPN" or (subj.dep_ == "nsubj"
                                                               and subj.lemma_.lower() in _PARTY_NOUNS))
                    and any(k.dep_ == "aux" and k.lower_ in _OUGHT for k in kids)
                    and not any(k.dep_ == "aux" and k.lemma_.lower() == "have" for k in kids)):
                entry = TriggerEntry(lemma=tok.lemma_.lower(), pos="VERB", event="REQUEST", mode="", cameo="",
                                     context=(), objects=frozenset(), with_=frozenset(), modifiers=frozenset(),
                                     weight=_VOICED_WEIGHT, index=-1)
                out.append(Trigger(tok, entry, c))
                break
    return out


# firms and sportspeople among themselves: "the retailer attacked its rivals", "the players refused to shake hands"
_TRADE = {"firm", "retailer", "carmaker", "automaker", "chipmaker", "conglomerate", "airline", "lender", "insurer",
          "manufacturer", "brand", "startup", "shareholder", "label", "studio", "club", "goalkeeper", "midfielder",
          "coach", "athlete", "boxer", "batsman", "bowler", "franchise", "footballer", "cricketer"}


# nature acts on no one's behalf: "the storm ... cut power to 40,000 households", "floods destroyed homes"
_HAZARDS = {"storm", "cyclone", "typhoon", "hurricane", "flood", "flooding", "earthquake", "quake", "wildfire",
            "blaze", "rain", "downpour", "landslide", "mudslide", "drought", "heatwave", "tornado", "tsunami",
            "avalanche", "eruption", "lightning", "snowstorm", "blizzard", "monsoon"}


def _natural_force(tok: Token) -> bool:
    """The verb's subject (or its first conjunct's) is a natural hazard."""
    if tok.pos_ != "VERB":
        return False
    verb = tok
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _HAZARDS for c in verb.children)


def commercial(tok: Token) -> bool:
    """A verb whose subject is a firm or a sports side and whose objects name no state party (a government, a
    country): business or sport, not politics ("the Canadian miner sued the government" stays)."""
    if tok.pos_ != "VERB":
        return False
    verb = tok
    while verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _TRADE:
        return False
    objs = [o for t in (tok, *(c for c in tok.children if c.dep_ == "xcomp")) for o in _object_tokens(t)]
    return not any(o.pos_ == "PROPN" or o.lemma_.lower() in _PARTY_NOUNS for o in objs)


_WARN = {"warn", "caution"}
_PARTY_PRONOUNS = {"i", "we", "he", "she", "they", "it"}


def _forecast(tok: Token) -> bool:
    """ "analysts warned that the move could isolate Tehran": a warning that foretells, no threat. A threat warns
    someone ("warned Armenia that ...") or promises the speaker's own act ("warned that it would respond",
    "that his fighters would ...")."""
    kids = list(tok.children)
    content = next((c for c in kids if c.dep_ == "ccomp"), None)
    if content is None or any(c.dep_ in ("dobj", "obj", "dative") for c in kids):
        return False
    subj = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return subj is not None and subj.lower_ not in _PARTY_PRONOUNS and not any(
        c.dep_ == "poss" for c in subj.children)


_HARM_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}


def _event_subject(tok: Token, lexicon: Lexicon) -> bool:
    """The verb's subject is an act, not a party: "the strike prompted fears", "the attack raised concerns"."""
    for c in tok.children:
        if c.dep_ == "nsubj" and c.pos_ == "NOUN" and any(
                e.event in _HARM_TYPES for e in lexicon.entries_for(c.lemma_.lower(), "NOUN")):
            return True
    return False


def find_triggers(sent: Span, lexicon: Lexicon) -> list[Trigger]:
    """All lexicon triggers in a parsed sentence, before dominance."""
    found: list[Trigger] = []
    for tok in sent:
        lemma = next((f for f in _lemma_forms(tok) if f in lexicon.lemmas), None)
        if lemma is None:
            continue
        if _spurious(tok, lemma):
            continue
        figurative = _FIGURATIVE.get(lemma)
        if figurative and any(_phrase_keys(o) & figurative for o in _object_tokens(tok)):
            continue
        if lemma in _RECEPTION and _received(tok):
            continue
        if commercial(tok) or _natural_force(tok):
            continue
        if lemma in _NOTICES and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in _ISSUE_VERBS:
            continue  # "the weather office issued a red alert for coastal districts": a public notice
        best: Trigger | None = None
        pos = tok.pos_
        if pos == "ADJ" and any(c.dep_ in ("dobj", "obj") for c in tok.children):
            pos = "VERB"  # an adjective with a direct object is a mis-tagged verb: "bandits free 18 students"
        for entry in lexicon.entries_for(lemma, pos):
            if entry.event in _NEEDED_TYPES and pos == "NOUN" and _needed(tok):
                continue
            if lemma in _WEAPONS and pos == "NOUN" and _goods(tok):
                continue
            if pos == "NOUN" and tok.dep_ == "compound" and tok.head.lemma_.lower() in _NOT_ACTS:
                continue  # "protest organisers", "strike leaders", "attack helicopters": who or what, not an act
            if entry.event in ("ACCUSE", "THREATEN") and lemma in _CRITICISM and pos == "NOUN":
                speaker = _reported_criticism(tok)
                if speaker is not None:
                    # the speaker's verb is the act, the criticism its content: roles come from the speaker
                    # ("Turkey said the force constituted a threat" is an accusation, not a threat)
                    if entry.event != "ACCUSE":
                        entry = replace(entry, event="ACCUSE", mode="disapprove", cameo="111",
                                        weight=max(entry.weight, 0.75))
                    best = Trigger(speaker, entry, tok)
                    break
                if entry.event == "ACCUSE":
                    continue
            if entry.event == "ACCUSE" and _described_as_accused(tok):
                continue  # "12 companies accused of supplying drone parts": who they are, nobody accuses here
            if entry.event == "ACCUSE" and pos == "VERB" and _event_subject(tok, lexicon):
                continue  # "the attack raised questions about security": an event's effect, nobody accuses
            if entry.lemma in _WARN and entry.specificity == 0 and _forecast(tok):
                continue
            ok, noun = _match(tok, entry)
            if ok and (best is None or entry.specificity > best.entry.specificity):
                best = Trigger(tok, entry, noun)
        if best is not None:
            found.append(best)
    taken = {t.token.i for t in found}
    kept, speakers = [], set()
    for t in found:
        voiced = _voiced_threat(t, taken)
        if voiced is None:
            kept.append(t)
        elif voiced.token.i not in speakers:  # one threat per speaker
            speakers.add(voiced.token.i)
            kept.append(voiced)
    found = kept + _proposals(sent, taken | speakers)
    # a noun consumed as the object of a light-verb entry (and its conjuncts) is not a trigger of its own
    consumed = set()
    forceful = {t.token.i for t in found if t.entry.event in _THREAT_MODES}
    for t in found:
        if t.entry.event == "AGREE" and t.head_noun is not None and t.head_noun.i in forceful:
            continue  # "vowed to retake the town": the promised force stays, select() makes it a threat
        if t.head_noun is not None:
            consumed.add(t.head_noun.i)
            consumed.update(c.i for c in t.head_noun.conjuncts)
    return [t for t in found if t.token.i not in consumed]


def _governs(a: Token, b: Token) -> bool:
    """True when ``b`` sits below ``a`` through complement edges, not through coordination."""
    # "baton-charged demonstrators", "detained protesters": the participle is the act, the noun its participant
    if b.dep_ == "amod" and b.pos_ == "VERB" and b.head.i == a.i and a.pos_ in ("NOUN", "PROPN"):
        return False
    if a.dep_ == "amod" and a.pos_ == "VERB" and a.head.i == b.i and b.pos_ in ("NOUN", "PROPN"):
        return True
    node = b
    while node.head.i != node.i:
        if node.dep_ not in _DOMINATE or _semicolon_clause(node):
            return False
        kids = list(node.children)
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("when", "while", "as") for c in kids) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
            return False  # a concurrent finite clause is its own event: "... killed when police opened fire"
        node = node.head
        if node.i == a.i:
            return True
    return False


# prepositions that attach background (time, cause, circumstance) rather than what is promised or done
_ADJUNCT_PREPS = {"after", "before", "during", "since", "amid", "following", "despite", "over", "ahead", "until",
                  "because", "due"}


def _adjunct(a: Token, b: Token) -> bool:
    """True when ``b`` hangs below ``a`` through a background preposition ("... after deadly raids")."""
    node = b
    while node.head.i != node.i and node.i != a.i:
        if node.dep_ == "prep" and node.lemma_.lower() in _ADJUNCT_PREPS:
            return True
        node = node.head
    return False


_THREAT_MODES = {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "arrest", "SANCTION": "restrict"}


def _promised(a: Token, b: Token) -> bool:
    """True when ``b`` is what the promise ``a`` promises: the promised verb itself or its object ("vowed to
    retake the town", "vowed to renew attacks", "promised arrests"), not force named further down, in the
    promised act's own purpose or background ("agreed to convene a commission to address cattle raids")."""
    if _adjunct(a, b):
        return False
    verbs = 0
    node = b
    while node.head.i != node.i and node.head.i != a.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            verbs += 1
    return node.head.i == a.i and verbs <= (1 if b.pos_ not in ("VERB", "AUX") else 0)


# edges from a framing verb down to what it is about: "accused X of using detention", "threatened to impose"
_CONTENT_DEPS = {"prep", "pobj", "pcomp", "xcomp", "ccomp", "dobj", "obj", "compound", "amod"}


def _content_of(a: Token, b: Token) -> bool:
    if b.i <= a.i:  # what an act is about follows it
        return False
    node = b
    while node.i != a.i:
        if node.dep_ not in _CONTENT_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return True


def governed_types(trigger: Trigger, triggers: list[Trigger]) -> set[str]:
    """Types of the triggers in what ``trigger`` is about, through its complements, not its purpose or its
    conjuncts: "accused the police of using detention against critics" → COERCE."""
    return {o.entry.event for o in triggers if o is not trigger and _content_of(trigger.token, o.token)}


def select(triggers: list[Trigger]) -> list[tuple[Trigger, str, str]]:
    """Triggers not governed by another trigger, each with its (type, mode).

    A governing trigger of the same type but without a mode takes the mode of what it governs:
    "a drone strike killed two" → ASSAULT, mode drone. PLOVER keeps promised concessions and
    retreats in CONCEDE, not AGREE: "agreed to lift the curfew" → CONCEDE.
    """
    keep = []
    for t in triggers:
        if any(o is not t and _governs(o.token, t.token) for o in triggers):
            continue
        etype, mode = t.entry.event, t.entry.mode
        governed = [o for o in triggers if o is not t and _governs(t.token, o.token)]
        if etype == "AGREE" and any(o.entry.event in ("CONCEDE", "RETREAT") and _promised(t.token, o.token)
                                    for o in governed):
            etype, mode = "CONCEDE", ""
        elif etype == "AGREE" and any(o.entry.event in _THREAT_MODES and _promised(t.token, o.token)
                                      for o in governed):
            # "vowed to renew attacks", "promised arrests": a promise of force is a threat
            # (not force named in a time or cause adjunct: "agree to meet after deadly raids")
            target = next(o.entry for o in governed
                          if o.entry.event in _THREAT_MODES and _promised(t.token, o.token))
            # seizing or occupying territory (CAMEO 192) promised is THREATEN's territory mode
            etype, mode = "THREATEN", "territory" if target.cameo == "192" else _THREAT_MODES[target.event]
        if not mode:
            mode = next((o.entry.mode for o in governed if o.entry.event == etype and o.entry.mode), "")
        keep.append((t, etype, mode))
    return keep
