"""The coder: Documents in, Events out. No file or database I/O here.

The CLI, the tests and (later) the API and distributed engines are thin shells over
one ``Pipeline`` that works the same in a notebook::

    >>> from sanderling.pipeline import Pipeline
    >>> events = Pipeline().code_text("The United States demanded that North Korea halt its missile tests.")
    >>> events[0].event, [a.code for a in events[0].actor], [r.code for r in events[0].recipient]
    ('REQUEST', ['USA'], ['PRK'])
"""

from __future__ import annotations

import hashlib
import logging
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

from sanderling import __version__
from sanderling.actors import Gazetteer, home_country, is_lowercase_text
from sanderling.actors.coref import NONSTATE, carry_over
from sanderling.actors.places import coordinates
from sanderling.calibration import calibrate
from sanderling.events.classifier import SentenceClassifier, classifier_version
from sanderling.events.detect import Trigger, commercial, find_triggers, governed_types, select
from sanderling.events.lexicon import Lexicon, TriggerEntry
from sanderling.model import Document, Entity, Event, Location, Mention, Outcome, Rejected, Sentence, event_id
from sanderling.nlp import fast_parser, model_version
from sanderling.ontology import ONTOLOGY
from sanderling.resolve import modality, resolve_date
from sanderling.resolve.contexts import event_contexts
from sanderling.roles import (
    GENERIC_WORDS,
    _tokens_of,
    aimed_places,
    assign_roles,
    generic_party,
    is_place_use,
    owner_code,
)
from sanderling.segment import iter_sentences
from sanderling.settings import DEFAULT, Settings

log = logging.getLogger(__name__)

CODER = "sanderling"
# PLOVER: promised future meetings, support, cooperation and aid are AGREE; announced retreats are CONCEDE
_FUTURE_TO = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}
# salience: a news article states its main event first; later sentences lose up to half their confidence
# (measured on 400 NGEC synthetic stories, document-level labels: top-event accuracy 0.43 → 0.47 from this alone)
_LEDE_FLOOR = 0.5
_LEDE_SLOPE = 0.1
_CIVIL = {"CVL", "LAB", "EDU", "AGR", "REF", "OPP", "SOC", "PTY"}  # party workers protest too
_BACKGROUND_PREPS = {"during", "after", "before", "since", "amid", "following", "despite", "ahead", "until",
                     "throughout", "like"}
# subordinate clauses report background and motives; the main clause usually carries the event
_SUBORDINATE = {"advcl", "acl", "relcl", "ccomp", "xcomp", "pcomp", "csubj", "parataxis"}
# match reports ("City beat Madrid 3-1", "the Diamond League meeting") are not political events
_SPORTS = re.compile(
    r"\b(?:\d{1,2}-\d{1,2} (?:win|victory|defeat|draw)"
    r"|(?:beat|defeated|thrashed|edged|drew with) [A-Z][\w .]+ \d{1,2}-\d{1,2}"
    r"|premier league|champions league|diamond league|world cup|grand slam|olympics?|semi-?finals?|quarter-?finals?"
    r"|tournament|championships?|innings|wickets?|goalkeeper|striker|penalty shoot-?out|\d{3,5} ?met(?:re|er)s)\b",
    re.IGNORECASE,
)


# How the learned sentence classifier (events/classifier.py) combines with the lexicon; chosen on devset/dev.jsonl
# (docs/classifier.md). p(type) is the classifier's probability of the event's type, p(none) of "no event".
CLASSIFIER = {
    "max_sentences": 3,  # candidate sentences per document that the classifier reads (speed; see docs)
    "skip_none": 0.985,  # candidate sentences with p(none) at least this are not parsed (speed)
    "drop_none": 0.5,  # events in sentences with p(none) at least this are dropped ...
    "drop_type": 0.3,  # ... unless the classifier gives their type at least this
    "retype": 0.4,  # an event is re-typed to the classifier's best type when that has at least this ...
    "keep_type": 0.05,  # ... and the lexicon's type has less than this
    "mix": 0.9,  # raw confidence = lexicon score^(1 - mix) * p(type)^mix
    "fallback": 0.6,  # a parsed sentence the lexicon found no event in gets the classifier's type at this p ...
    "fallback_weight": 0.5,  # ... with the main verb as trigger and this lexicon-equivalent weight
    "mode": 0.5,  # an event without a mode takes the mode head's best guess from this probability
    "firm_weight": 0.75,  # a main-clause lexicon verb trigger of at least this weight keeps its type ...
    "firm_retype": 0.93,  # ... unless the classifier's best type has at least this
    "firm_share": 0.5,  # ... and such a kept type has at least this share of the sentence's p(event)
    "main_share": 0.5,  # share of p(type) of a sentence's subordinate-only event types its main trigger takes
}


@dataclass(frozen=True)
class _Candidate:
    doc_index: int
    sentence: Sentence
    position: int  # sentence number in the document: ledes carry the main event
    mentions: tuple[Mention, ...]  # offsets relative to the sentence
    home: str | None = None  # the document's home country, if clear


def _data_hash(package: str, name: str) -> str:
    try:
        raw = resources.files(package).joinpath("data", name).read_bytes()
    except OSError:
        return "none"
    return hashlib.sha256(raw).hexdigest()[:8]


def _people_hash(user_files: Sequence[str]) -> str:
    """Hash of the shipped people files and the user's --actors files (their content, not their names)."""
    h = hashlib.sha256()
    folder = resources.files("sanderling.actors").joinpath("data", "people")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name) if folder.is_dir() else []:
        if entry.name.endswith(".yaml"):
            h.update(entry.read_bytes())
    for path in user_files:
        try:
            h.update(Path(path).read_bytes())
        except OSError:
            h.update(path.encode())
    return h.hexdigest()[:8]


class Pipeline:
    """Segment → actors → triggers → roles → modality/date/place → Event records."""

    def __init__(self, settings: Settings = DEFAULT, gazetteer: Gazetteer | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.settings = settings
        self._gazetteer = gazetteer
        self._lexicon = lexicon

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer or Gazetteer.with_actors(self.settings.actors)

    @cached_property
    def lexicon(self) -> Lexicon:
        return self._lexicon or Lexicon.default()

    @cached_property
    def classifier(self) -> SentenceClassifier | None:
        return SentenceClassifier.load(self.settings.classifier_dir) if self.settings.classifier else None

    @cached_property
    def version(self) -> str:
        """Recorded in every event and document: code, lexicon, gazetteer and parser versions."""
        lex = _data_hash("sanderling.events", "triggers.json")
        gaz = _data_hash("sanderling.actors", "gazetteer.json")
        places = _data_hash("sanderling.actors", "places.json")
        people = _people_hash(self.settings.actors)
        # the shipped model's version is read from its metadata (the CLI process never classifies);
        # a user's folder is loaded here, so that a broken one fails the run at once, with its reason
        clf = ""
        if self.settings.classifier:
            custom = self.settings.classifier_dir is not None and self.classifier is not None
            clf = f".clf.{self.classifier.version if custom else classifier_version()}"
        cap = f".max{self.settings.max_sentences}" if self.settings.max_sentences > 0 else ""
        return f"{__version__}+lex.{lex}.gaz.{gaz}.pl.{places}.pp.{people}{clf}{cap}/{model_version()}"

    # -- public API -------------------------------------------------------------------
    def code_text(self, text: str, doc_id: str = "text", pub_date: str | None = None,
                  url: str | None = None) -> list[Event]:
        return self.code_documents([Document(id=doc_id, text=text, pub_date=pub_date, url=url)])[0]

    def code_documents(self, docs: Sequence[Document]) -> list[list[Event]]:
        """Events per document; sentences of the whole batch are parsed together for speed."""
        cands: list[_Candidate] = []
        cap = self.settings.max_sentences
        for i, doc in enumerate(docs):
            cands.extend(islice(self._candidates(i, doc), cap) if cap > 0 else self._candidates(i, doc))
        out: list[list[Event]] = [[] for _ in docs]
        probs: list[dict[str, float] | None] = [None] * len(cands)
        embs: list[Any] = [None] * len(cands)
        clf = self.classifier
        if clf is not None and cands:
            # the first `max_sentences` candidate sentences of each document (ledes state the main event);
            # the rest are coded by lexicon and parse alone, which bounds the cost of long articles
            seen: dict[int, int] = {}
            chosen = []
            for k, c in enumerate(cands):
                seen[c.doc_index] = seen.get(c.doc_index, 0) + 1
                if seen[c.doc_index] <= CLASSIFIER["max_sentences"]:
                    chosen.append(k)
            emb = clf.embed([cands[k].sentence.text for k in chosen])
            table = clf.head_proba(emb)
            for k, e, row in zip(chosen, emb, table, strict=True):
                probs[k] = dict(zip(clf.labels, map(float, row), strict=True))
                embs[k] = e
        # sentences the classifier is sure hold no event are not parsed
        # (negated or conditional wording is parsed anyway: its events are kept, flagged)
        todo = [k for k, p in enumerate(probs) if p is None or p.get("none", 0.0) < CLASSIFIER["skip_none"]
                or _MODAL_WORDS.search(cands[k].sentence.text)]
        nlp, annotate = fast_parser()
        parsed = nlp.pipe((_mask_dateline(cands[k].sentence.text) for k in todo), batch_size=256)
        for k, sdoc in zip(todo, parsed, strict=True):
            cand = cands[k]
            doc = docs[cand.doc_index]
            out[cand.doc_index].extend(self._events(doc, cand, annotate(sdoc)[:], probs[k], embs[k]))
        return out

    def run(self, items: Iterable[Document | Rejected], batch_size: int | None = None) -> Iterator[list[Outcome]]:
        """Outcomes in batches; a document that breaks the coder fails alone, the batch goes on."""
        size = batch_size or self.settings.batch_size
        batch: list[Document | Rejected] = []
        for item in items:
            batch.append(item)
            if len(batch) >= size:
                yield self._outcomes(batch)
                batch = []
        if batch:
            yield self._outcomes(batch)

    # -- internals ----------------------------------------------------------------------
    def _outcomes(self, batch: list[Document | Rejected]) -> list[Outcome]:
        docs = [d for d in batch if isinstance(d, Document)]
        try:
            events = dict(zip((d.id for d in docs), self.code_documents(docs), strict=True))
        except Exception:  # one bad document must not sink the batch: retry one by one
            log.warning("batch coding failed; retrying %d documents one by one", len(docs), exc_info=True)
            events = {}
            for d in docs:
                try:
                    events[d.id] = self.code_documents([d])[0]
                except Exception as exc:  # noqa: BLE001 - recorded as the document's failure
                    events[d.id] = exc  # type: ignore[assignment]
        outcomes = []
        for item in batch:
            if isinstance(item, Rejected):
                outcomes.append(Outcome(None, item, item.status, item.reason))
                continue
            evs = events.get(item.id)
            if isinstance(evs, Exception):
                reason = f"coder error: {type(evs).__name__}: {evs}".splitlines()[0][:300]
                outcomes.append(Outcome(item, None, "failed", reason))
            else:
                evs = evs or []
                outcomes.append(Outcome(item, None, "coded", f"{len(evs)} events", tuple(evs)))
        return outcomes

    def _candidates(self, i: int, doc: Document, block: int = 2000) -> Iterator[_Candidate]:
        """Sentences holding an actor mention and a trigger word: the only ones we parse.

        Lazy: sentences are split and references carried over block by block (``block`` characters, doubling),
        so a caller that takes only the first candidates of a long article does not segment the rest. The
        result does not depend on ``block``: carrying references over only ever looks back."""
        text = doc.text
        all_mentions = self.gazetteer.find(text, lowercase_doc=is_lowercase_text(text), date=doc.pub_date)
        home = home_country(all_mentions, text)  # the whole page votes
        sentences: list[Sentence] = []
        it = iter_sentences(text)
        more = True
        while more:
            first = len(sentences)
            stop = (sentences[-1].end if sentences else 0) + block
            more = False
            for sent in it:
                sentences.append(sent)
                if sent.end >= stop:
                    more = True
                    break
            if len(sentences) == first:
                return
            end = sentences[-1].end if more else len(text)
            mentions = carry_over(text[:end], sentences, [m for m in all_mentions if m.end <= end])
            yield from self._candidates_in(i, sentences, first, mentions, home)
            block *= 2

    def _candidates_in(self, i: int, sentences: list[Sentence], first: int, mentions: list[Mention],
                       home: str | None) -> Iterator[_Candidate]:
        pos = bisect_left([m.start for m in mentions], sentences[first].start)
        for k in range(first, len(sentences)):
            sent = sentences[k]
            while pos < len(mentions) and mentions[pos].start < sent.start:
                pos += 1
            inside = []
            j = pos
            while j < len(mentions) and mentions[j].end <= sent.end:
                m = mentions[j]
                inside.append(replace(m, start=m.start - sent.start, end=m.end - sent.start))
                j += 1
            # local news names its actors generically ("a farmer was hacked to death by cattle rustlers"): with
            # a home country known, such sentences are parsed too and their people coded by generic_party
            if ((inside or (home and _has_people_word(sent.text)))
                    and len(sent.text) <= self.settings.max_sentence_chars
                    and self.lexicon.has_candidate(sent.text) and not _SPORTS.search(sent.text)):
                yield _Candidate(i, sent, k, tuple(inside), home)

    def _events(self, doc: Document, cand: _Candidate, sent,  # type: ignore[no-untyped-def]
                probs: dict[str, float] | None = None, emb: Any = None) -> list[Event]:
        pub_year = int(doc.pub_date[:4]) if doc.pub_date and doc.pub_date[:4].isdigit() else None
        events = []
        dl = _dateline_end(cand.sentence.text)
        body = [m for m in cand.mentions if m.start >= dl]  # a dateline place is where, not who
        dateline = [m for m in cand.mentions if m.end <= dl and m.code and m.is_place]
        for trig, trig_type, trig_mode in self._triggers(sent, probs, events):
            entry = trig.entry
            roles = assign_roles(sent, trig.token, trig.head_noun, body)
            # a build-up's uncoded objects are its own forces ("deployed army divisions along the border with X")
            if (not roles.recipients and trig_type in _AIMED) or (trig_type == "MOBILIZE" and (
                    {r.code for r in roles.recipients} <= {a.code for a in roles.actors} | {""})):
                aimed = aimed_places(sent, trig.token, body)
                if aimed:
                    roles = replace(roles, recipients=tuple(aimed[:1]))
            where = [m for m in body if m not in roles.recipients]  # a targeted place is not where actors are from
            roles = _place_uncoded(sent, roles, where, cand.home)
            roles = _generic_parties(sent, roles, where, cand.home)
            if not roles.actors and not roles.recipients:
                continue
            mod = modality(sent, trig.token, pub_year)
            etype, mode, future = trig_type, trig_mode, mod.future
            if future and etype in _FUTURE_TO:
                etype, mode, future = _FUTURE_TO[etype], "", False
            elif future and etype in ("AGREE", "CONCEDE"):
                future = False  # the promise or announced concession is itself the event
            elif future and etype in _THREAT_MODES and _announced_by_actor(trig.token, roles.actors, body):
                # "Erdogan said Turkey will launch an operation against the militia": the threat is the event
                etype, mode, future = "THREATEN", _THREAT_MODES[etype].get(mode, _THREAT_MODES[etype][""]), False
            etype, mode = _adjust(etype, mode, trig, roles.actors)
            p_type = None
            if probs is not None:
                # the classifier learnt negated, hypothetical and background events as "none": those stay, flagged
                etype, mode, p_type = _with_classifier(etype, mode, probs,
                                                       keep=mod.negated or mod.hypothetical or mod.historical,
                                                       trig=trig)
                if p_type is None:
                    continue
            if etype == "MOBILIZE":  # "Russia deployed troops": the troops are its own, not a recipient
                own = {a.code for a in roles.actors}
                roles = replace(roles, recipients=tuple(r for r in roles.recipients if r.code not in own))
            if (ONTOLOGY.types[etype].requires_recipient and not roles.recipients
                    and len({a.code for a in roles.actors}) > 1):
                # "Vietnam and Cambodia resumed joint patrols": PLOVER needs a recipient; first-named party acts
                roles = replace(roles, actors=roles.actors[:1], recipients=roles.actors[1:])
            if mode and mode not in ONTOLOGY.types[etype].modes:
                mode = ""
            if not mode and emb is not None and ONTOLOGY.types[etype].modes and self.classifier is not None:
                guess, p_mode = self.classifier.mode(emb, etype)  # the trigger gave no mode: the sentence may
                if guess and p_mode >= CLASSIFIER["mode"]:
                    mode = guess
            cameo = entry.cameo if etype == entry.event and entry.cameo else ONTOLOGY.default_cameo(etype, mode)
            t_start, t_end = trig.span
            conf = _confidence(entry.weight, trig.token, etype, roles, mod.historical, cand.position, p_type)
            if cand.position > 0 and etype in _REACTION_TYPES and _reacts_to_told_event(trig.token, etype):
                conf = round(conf * _REACTION_FACTOR, 4)  # "... Z condemned the attack": the attack is the news
            off = cand.sentence.start
            events.append(Event(
                id=event_id(doc.id, off, off + t_start, etype),
                doc_id=doc.id, event=etype, mode=mode,
                context=event_contexts(cand.sentence.text, entry.context,
                                       [m.sector for m in (*roles.actors, *roles.recipients)]),
                actor=tuple(_entity(m, off) for m in roles.actors),
                recipient=tuple(_entity(m, off, as_target=True) for m in roles.recipients),
                event_text=cand.sentence.text[t_start:t_end], event_start=off + t_start, event_end=off + t_end,
                text=cand.sentence.text, text_start=cand.sentence.start, text_end=cand.sentence.end,
                date=resolve_date(cand.sentence.text, doc.pub_date, near=t_start), pub_date=doc.pub_date,
                url=doc.url, event_loc=_location(sent, body, off) or _location_of(dateline[:1], off) or (
                    Location(country=cand.home) if cand.home else None),
                negated=mod.negated, hypothetical=mod.hypothetical, future=future, historical=mod.historical,
                confidence=conf, cameo=cameo,
                goldstein=ONTOLOGY.goldstein(cameo), quad_code=ONTOLOGY.quad(etype),
                plover_score=ONTOLOGY.score(etype, mode), coder=CODER, coder_version=self.version,
            ))
        return events


    def _triggers(self, sent, probs: dict[str, float] | None,  # type: ignore[no-untyped-def]
                  events: list[Event]) -> Iterator[tuple[Trigger, str, str]]:
        """The lexicon's triggers; then, if they gave no event, the main verb when the classifier is sure of a type.

        ``events`` is read after the lexicon's triggers were consumed, so the fallback sees their results. Notes for
        ``_with_classifier`` and ``_confidence`` go into the parsed sentence's ``user_data``: what accusations and
        threats are about (``_CONTENT``), reported clauses read alone (``_CLAUSE_PROBS``), the fallback token."""
        triggers = find_triggers(sent, self.lexicon)
        found = select(triggers)
        if probs is not None and len(found) < len(triggers):  # read by _with_classifier: what a framing act is about
            sent.doc.user_data[_CONTENT] = {t.token.i: governed_types(t, triggers) for t, etype, _ in found
                                            if etype in _FRAMING}
        if probs is not None and found and self.classifier is not None:
            self._reread(sent, probs, found)
        kept = _fit_classifier(found, probs) if probs is not None else found
        if probs is not None and len(kept) > 1:  # read by _with_classifier: who shares the sentence's probability
            sent.doc.user_data[_SIBLINGS] = [(t.token.i, etype) for t, etype, _ in kept]
        yield from kept
        if events or probs is None:
            return
        best = max((k for k in probs if k != "none"), key=probs.__getitem__)
        if probs[best] < CLASSIFIER["fallback"]:
            return
        tok = _main_verb(sent)
        if tok is not None and (_changed_state(tok) or any(c.dep_ in ("auxpass", "agent") for c in tok.children)
                                and tok.lemma_.lower() in _SAY_VERBS):
            return  # "tensions rose", "have worsened a crisis", "was announced by the minister": no act of a party
        if tok is not None and commercial(tok):
            return  # firms or sports sides among themselves: business or sport, not a political event
        if tok is not None and tok.lemma_.lower() in _SAY_VERBS and self.classifier is not None:
            # "the minister said in a statement that the delivery had been brought forward": a speech verb is no
            # event; what was said must hold one, read alone
            said = [_reported_clause(c, frame=0) for c in tok.subtree if c.i > tok.i and _said_content(c, tok)]
            if said and said[0] is not None:
                clause = self._clause_probs(sent, [said[0]])[0]
                best = max((k for k in clause if k != "none"), key=clause.__getitem__)
                if clause[best] < CLASSIFIER["fallback"]:
                    return
                sent.doc.user_data.setdefault(_CLAUSE_PROBS, {})[tok.i] = clause
        if tok is not None:
            sent.doc.user_data[_FALLBACK] = tok.i  # read by _confidence
            entry = TriggerEntry(lemma=tok.lemma_.lower(), pos=tok.pos_, event=best, mode="", cameo="", context=(),
                                 objects=frozenset(), with_=frozenset(), modifiers=frozenset(),
                                 weight=CLASSIFIER["fallback_weight"], index=-1)
            yield Trigger(tok, entry, None), best, ""


    def _reread(self, sent, probs: dict[str, float], found) -> None:  # type: ignore[no-untyped-def]
        """When the classifier is unsure of a sentence whose triggers sit in a reported clause after a long frame
        ("One of those bulletins carried the news that the junta had rejected ..."), read that clause alone; its
        probabilities (``_CLAUSE_PROBS``, per trigger token) replace the sentence's for those triggers."""
        if max(v for k, v in probs.items() if k != "none") >= CLASSIFIER["retype"] or probs.get("none", 0.0) >= 0.5:
            return
        spans: dict[tuple[int, int], list[int]] = {}
        for t, _, _ in found:
            span = _reported_clause(t.token)
            if span is not None:
                spans.setdefault(span, []).append(t.token.i)
        if not spans:
            return
        out = sent.doc.user_data.setdefault(_CLAUSE_PROBS, {})
        for toks, clause in zip(spans.values(), self._clause_probs(sent, list(spans)), strict=True):
            for i in toks:
                out[i] = clause

    def _clause_probs(self, sent, spans: list[tuple[int, int]]) -> list[dict[str, float]]:  # type: ignore
        """The classifier's probabilities for clauses of a sentence (character spans), each read as a sentence
        of its own: capitalised and with a full stop, as the classifier learnt them."""
        clf = self.classifier
        text = sent.doc.text
        clauses = [text[a:b].rstrip(" ,;:-–—\"'”’") for a, b in spans]
        table = clf.head_proba(clf.embed([c[:1].upper() + c[1:] + "." for c in clauses]))
        return [dict(zip(clf.labels, map(float, row), strict=True)) for row in table]


_CLAUSE_PROBS = "sanderling.clause_probs"
# a frame of at least this many tokens before the reported clause, and a clause of at least this many
_FRAME_TOKENS = 5
_CLAUSE_TOKENS = 6


def _said_content(c, verb) -> bool:  # type: ignore[no-untyped-def]
    """``c`` heads what ``verb`` reports: its complement clause ("said that ..."), or the clause of its
    statement noun ("said in a statement that ...", "issued a statement saying ...")."""
    if c.dep_ == "ccomp":
        return c.head.i == verb.i
    return c.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) and (
        c.head.head.i == verb.i or c.head.head.head.i == verb.i)


def _reported_clause(tok, frame: int = _FRAME_TOKENS) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """Character span of the innermost reported clause holding ``tok`` when a frame of at least ``frame`` tokens
    precedes it: the complement of a verb ("officials confirmed on Monday that ...") or of a noun ("the news
    that ...")."""
    node = tok
    while node.head.i != node.i:
        clausal = node.dep_ == "ccomp" or (node.dep_ == "acl" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in node.children))
        if clausal and node.head.i < node.i:
            toks = [t for t in node.subtree if not (t.dep_ == "mark" and t.head.i == node.i and t.i < node.i)]
            first, last = toks[0], toks[-1]
            if first.i >= frame and len(toks) >= _CLAUSE_TOKENS:
                return first.idx, last.idx + len(last.text)
            return None
        node = node.head
    return None


# main verbs that never carry a classifier-only (fallback) event: changes of state and judgements
# ("tensions rose", "the hoarding has worsened the crisis", "the move highlighted Russia's primacy")
_NO_FALLBACK = frozenset({"rise", "fall", "grow", "increase", "decrease", "worsen", "deepen", "ease", "soar", "climb",
                          "drop", "decline", "heighten", "highlight", "remain", "appear", "seem", "become",
                          "lose", "prolong", "hesitate", "boil", "simmer", "flare"})


def _changed_state(tok) -> bool:  # type: ignore[no-untyped-def]
    """ "tensions rose", "the hoarding has worsened the crisis": a change-of-state verb whose one subject is a thing,
    not people (a misparse can give a verb two subjects: then it is not trusted)."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return (tok.lemma_.lower() in _NO_FALLBACK and len(subjects) == 1 and subjects[0].pos_ == "NOUN"
            and subjects[0].lower_ not in _PEOPLE_FORMS)


def _fit_classifier(found, probs: dict[str, float]):  # type: ignore[no-untyped-def]
    """Triggers the classifier's sentence type may re-type: only the main one.

    The classifier reads the whole sentence, so its type belongs to the main clause's event. A trigger whose type
    it rules out is dropped rather than re-typed when it is a noun or sits below another trigger's clause
    ("Germany delivers air-defence systems as Russian strikes intensify" is not MOBILIZE via "strikes")."""
    best = max((k for k in probs if k != "none"), key=probs.__getitem__)
    if probs[best] < CLASSIFIER["retype"]:
        return found

    def rank(t):  # type: ignore[no-untyped-def]
        return _main_rank(t.token)  # a participle describing a noun ("the protesting students") is no main act
    top = min((rank(t) for t, _, _ in found), default=None)
    keep = []
    for t, etype, mode in found:
        ruled_out = etype != best and probs.get(etype, 0.0) < CLASSIFIER["keep_type"]
        if ruled_out and (t.token.pos_ != "VERB" or rank(t) > top):
            continue
        keep.append((t, etype, mode))
    return keep


def _main_verb(sent):  # type: ignore[no-untyped-def]
    """The verb of the main clause (the root, or the first verb it governs), or None."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX"):
        return root
    for tok in sent:
        if tok.pos_ == "VERB" and tok.head.i == root.i:
            return tok
    return root if root.pos_ in ("NOUN", "PROPN") else None


# "NAIROBI, March 3 (Reuters) -", "BRUSSELS (AP) —", "imphal:" — location/agency prefixes confuse the parser
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*(?:\([A-Za-z.& ]{2,20}\))?\s*[-–—]+\s+"
    r"|[a-z][a-z .'-]{2,30}:\s+)"
)


_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)?")
_MODAL_WORDS = re.compile(r"\b(?:not|never|no|neither|nor|without|if|unless|could|would|might|may)\b|n't",
                          re.IGNORECASE)
_PEOPLE_FORMS = frozenset(GENERIC_WORDS) | {w + "s" for w in GENERIC_WORDS}


def _has_people_word(text: str) -> bool:
    return any(w in _PEOPLE_FORMS for w in _WORDS.findall(text.lower()))


_AIMED = {"ASSAULT", "THREATEN", "COERCE"}  # force aimed at a place hits that place's country
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY", "PRM", "LEG"}


_SPEECH_VERBS = {"say", "tell", "add", "state", "report", "confirm", "announce", "speak", "write", "claim"}


def _speaker_place(sent, m: Mention) -> bool:  # type: ignore[no-untyped-def]
    """"..., officials in Vilnius said", "she told reporters in Geneva": where the news is told, not where the
    event is (the reporter's place, like a dateline)."""
    toks = _tokens_of(sent, m)
    node = toks[-1] if toks else None
    for _ in range(6):
        if node is None or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in _SPEECH_VERBS and any(
                c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "dobj" and c.lemma_.lower() == "reporter")
                for c in node.children)
    return False


def _local_code(sent, mentions: Sequence[Mention], home: str | None) -> str | None:  # type: ignore
    """Country of actors the text does not place: where the event happens, else the document's home."""
    loc = _location(sent, [m for m in mentions if not _speaker_place(sent, m)], 0)
    if loc is not None and loc.country and loc.country not in NONSTATE:
        return loc.country
    return home


_LOCAL_NGO = re.compile(r"\b(?:an?|local|grassroots|community-based|domestic|small)\s+$", re.IGNORECASE)
_NGO_WORD = re.compile(r"ngos?|non-governmental organi[sz]ations?", re.IGNORECASE)


def _place_uncoded(sent, roles, mentions: Sequence[Mention], home: str | None):  # type: ignore[no-untyped-def]
    """"militants near Gwadar", "the district police": sector words without a country get the local one."""
    def local_ngo(m: Mention) -> bool:
        return m.code == "NGO" and _NGO_WORD.fullmatch(m.text) is not None and _LOCAL_NGO.search(
            sent.doc.text, max(0, m.start - 30), m.start) is not None

    if any(local_ngo(m) for m in (*roles.actors, *roles.recipients)):
        # "an ngo running shelters", "a local NGO": a domestic group is the country's civil society (SOC);
        # the NGO code is for international ones
        local = _local_code(sent, mentions, home)
        if local:
            def domestic(party):  # type: ignore[no-untyped-def]
                return tuple(replace(m, code=local, sector="SOC", kind="sector") if local_ngo(m) else m
                             for m in party)
            roles = replace(roles, actors=domestic(roles.actors), recipients=domestic(roles.recipients))
    if all(m.code for m in (*roles.actors, *roles.recipients)):
        return roles
    if any(m.code for m in roles.recipients):
        # "accept an Egyptian proposal for an exchange of prisoners": people named deep inside a coded
        # recipient's phrase are its content, not a second party; only the phrase heads count
        heads = {t.i for t in roles.recipient_roots}
        roles = replace(roles, recipients=tuple(m for m in roles.recipients if m.code or any(
            t.i in heads for t in _tokens_of(sent, m))))

    code = _local_code(sent, mentions, home)

    def fill(party, local):  # type: ignore[no-untyped-def]
        # "the IAEA's board of governors": a body of a coded party is that party's
        return tuple(m if m.code else replace(m, code=owner_code(sent, m, list(party)) or local or m.code)
                     for m in party)
    # people a state acts on are its own ("Belarus freed 31 political prisoners"), wherever the dateline is
    own = _state_code(sent, roles, mentions) if any(not m.code and m.sector not in _STATE_SECTORS
                                                   for m in roles.recipients) else None
    return replace(roles, actors=fill(roles.actors, code), recipients=fill(roles.recipients, own or code))


_FORCE_VERBS = {"kill", "attack", "shell", "bomb", "strike", "shoot", "wound", "injure", "target", "hit", "fire",
                "massacre", "slaughter", "murder", "raid", "ambush", "abduct", "kidnap", "capture", "invade"}


def _state_code(sent, roles, mentions: Sequence[Mention]) -> str | None:  # type: ignore[no-untyped-def]
    """The acting state's country when its own people are the ones acted on: "Belarus freed 31 prisoners",
    "the Kenyan government evacuated villagers". A dateline (or a document about a neighbour) says where the
    reporter is, not whose prisoners these are. Force aimed at people is not assumed domestic, nor the military's."""
    civil = {a.code for a in roles.actors if a.code and a.code not in NONSTATE and (
        a.sector in _STATE_SECTORS - {"MIL", "SPY", "PRM"} or (not a.sector and a.kind in ("country", "capital")))}
    if len(civil) != 1 or _location(sent, [m for m in mentions if not _speaker_place(sent, m)], 0) is not None:
        return None
    verbs = {r.head.lemma_.lower() for r in roles.recipient_roots} | {
        r.head.head.lemma_.lower() for r in roles.recipient_roots if r.dep_ == "pobj"}
    return None if verbs & _FORCE_VERBS else next(iter(civil))


def _generic_parties(sent, roles, mentions: Sequence[Mention], home: str | None):  # type: ignore[no-untyped-def]
    """Fill an empty side with an uncoded human phrase ("11 young men"), coded by where the event is."""
    if roles.recipients and roles.actors:
        return roles
    state = {a.code for a in roles.actors if a.sector in _STATE_SECTORS and a.code}
    code = (_state_code(sent, roles, mentions) or _local_code(sent, mentions, home)
            or (next(iter(state)) if len(state) == 1 else None))
    taken = list(mentions)
    if not roles.recipients:
        party = generic_party(sent, roles.recipient_roots, code or "", taken)
        if party is not None:
            roles = replace(roles, recipients=(party,))
    if not roles.actors:
        party = generic_party(sent, roles.actor_roots, code or "", taken)
        if party is not None:
            roles = replace(roles, actors=(party,))
    return roles


def _dateline_end(text: str) -> int:
    m = _DATELINE.match(text)
    return 0 if m is None else m.end()


def _mask_dateline(text: str) -> str:
    """Blank a leading dateline, keeping character offsets unchanged."""
    end = _dateline_end(text)
    return " " * end + text[end:]


def _location_of(mentions: Sequence[Mention], offset: int) -> Location | None:
    m = mentions[0] if mentions else None
    if m is None:
        return None
    lat_lon = coordinates(m.code, m.text)
    return Location(country=m.code, text=m.text, start=m.start + offset, end=m.end + offset,
                    lat=lat_lon[0] if lat_lon else None, lon=lat_lon[1] if lat_lon else None)


def _adjust(etype: str, mode: str, trig, actors: Sequence[Mention]) -> tuple[str, str]:  # type: ignore
    """PLOVER's type rules that depend on who acts and how the trigger is used."""
    tok = trig.token
    if etype == "ASSAULT" and actors and all(a.sector == "CVL" and a.kind != "generic" for a in actors):
        return "PROTEST", "riot"  # violent collective civilian action
    if (etype == "REQUEST" and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl") and actors
            and all(a.sector in _CIVIL for a in actors)):
        return "PROTEST", "demo"  # "villagers blocked the highway, demanding ...": demands voiced by protest
    if etype == "MOBILIZE":
        nodes = [tok] + ([trig.head_noun] if trig.head_noun is not None else [])
        if any(c.lower_ == "joint" for n in nodes for c in n.subtree if c.i < n.i):
            return "COOPERATE", ""  # joint exercises and patrols
    return etype, mode


def _with_classifier(etype: str, mode: str, probs: dict[str, float],
                     keep: bool = False, trig=None) -> tuple[str, str, float | None]:  # type: ignore[no-untyped-def]
    """(type, mode, p(type)) after the classifier's opinion; p(type) None means drop the event (never if keep)."""
    if trig is not None:  # the reported clause read alone, when the whole sentence left the classifier unsure
        probs = trig.token.doc.user_data.get(_CLAUSE_PROBS, {}).get(trig.token.i, probs)
    p_type = probs.get(etype, 0.0)
    p_none = probs.get("none", 0.0)
    best = max((k for k in probs if k != "none"), key=probs.__getitem__)
    content = set(trig.token.doc.user_data.get(_CONTENT, {}).get(trig.token.i, ())) - {etype} if trig else set()
    if best in content:
        # "accused the authorities of using pretrial detention against critics": the classifier reads the act the
        # accusation (or threat) is about; its probability is the framing act's, which it must not re-type
        p_type += sum(probs.get(t, 0.0) for t in content)
    elif best != etype and probs[best] >= CLASSIFIER["retype"] and p_type < CLASSIFIER["keep_type"] and not (
            trig is not None and _sibling_has(trig.token, best)):
        # (a sibling trigger that has the classifier's type explains it: "condemned the raid and demanded a
        # probe" stays ACCUSE and REQUEST)
        # a specific main-clause verb ("police lathicharged the crowd", "closed the crossing") names the act
        # better than a moderately sure sentence classifier misled by a word ("charged" → ACCUSE)
        if not (trig is not None and probs[best] < CLASSIFIER["firm_retype"] and _firm(trig)):
            return best, "", probs[best]
    if p_type < CLASSIFIER["keep_type"] and trig is not None and _firm(trig):
        # the classifier sees an event but not the act of a word it has not learnt ("lathicharged", "gheraoed"):
        # the firm verb names the act, and the sentence's event probability backs it
        p_type = max(p_type, CLASSIFIER["firm_share"] * (1.0 - p_none))
    if p_none >= CLASSIFIER["drop_none"] and p_type < CLASSIFIER["drop_type"] and not keep:
        return etype, mode, None
    if trig is not None and trig.token.doc.user_data.get(_SIBLINGS):
        p_type = _shared(p_type, etype, trig.token, trig.token.doc.user_data[_SIBLINGS], probs)
    return etype, mode, p_type


_SIBLINGS = "sanderling.triggers"


def _sibling_has(tok, etype: str) -> bool:  # type: ignore[no-untyped-def]
    """Another trigger of the sentence, as close to the main clause as ``tok``, has ``etype``."""
    rank = _main_rank(tok)
    return any(t == etype and i != tok.i and _main_rank(tok.doc[i]) <= rank
               for i, t in tok.doc.user_data.get(_SIBLINGS, ()))


_CONTENT = "sanderling.content"  # per framing trigger token: the types of the triggers it governs
# verbal acts about another act: accusing of, threatening
_FRAMING = frozenset({"ACCUSE", "THREATEN"})


def _main_rank(tok) -> tuple[int, bool]:  # type: ignore[no-untyped-def]
    """How far a trigger is from the main clause: clause depth (a participle describing a noun,
    "stone-pelting protesters", counts as a clause), then nouns after verbs."""
    participle = tok.tag_ == "VBG" and tok.dep_ in ("amod", "compound", "nmod")
    return _clause_depth(tok) + participle, tok.pos_ != "VERB"


def _shared(p_type: float, etype: str, tok, siblings, probs: dict[str, float]) -> float:  # type: ignore
    """The sentence classifier's p(type) for one of several events in a sentence.

    The classifier reads the whole sentence: a type it favours may come from a subordinate or participial
    trigger describing the participants ("police lathicharge students protesting ...", "doctors reject the
    offer, say strike continues"). The main-clause trigger, when there is a single one, takes a share of the
    probability of the types only subordinate triggers hold; those keep the rest."""
    doc = tok.doc
    ranks = {i: _main_rank(doc[i]) for i, _ in siblings}
    top = min(ranks.values())
    mains = [i for i, r in ranks.items() if r == top]
    if len(mains) != 1:
        return p_type
    main_i = mains[0]
    main_types = {t for i, t in siblings if i == main_i} | ({etype} if tok.i == main_i else set())
    sub_types = {t for i, t in siblings if ranks[i] > top} - main_types
    share = CLASSIFIER["main_share"]
    if tok.i == main_i:
        return p_type + share * sum(probs.get(t, 0.0) for t in sub_types)
    if etype in sub_types:
        return p_type * (1.0 - share)
    return p_type


_SAY_VERBS = {"say", "tell", "report", "confirm", "announce", "state", "claim", "add", "note", "insist"}


# verbs whose infinitive complement is what was done, not a promise or a frame
_CARRY_OUT = frozenset({"resort", "begin", "start", "continue", "proceed", "have", "manage"})
_BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being"})


def _firm(trig) -> bool:  # type: ignore[no-untyped-def]
    """A lexicon trigger sure enough to outvote the classifier: the main-clause verb of a weighty entry.
    The main clause is the root, its conjunct, a headline participle on the root noun, or the
    reported clause of "..., officials said"."""
    tok = trig.token
    if trig.entry.weight < CLASSIFIER["firm_weight"] or tok.pos_ != "VERB":
        return False
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ == "amod":  # "cops lathi-charged sp workers" parsed as a modifier of the root noun
        tok = tok.head
    elif tok.dep_ == "acomp" and tok.tag_ == "VBN" and (tok.head.lemma_.lower() == "be"
                                                        or tok.head.lower_ in _BE_FORMS):
        tok = tok.head  # "the students were lathi-charged by police": a passive parsed as a predicate adjective
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(
            c.dep_ == "nsubj" or (c.dep_ == "mark" and 0 < tok.i - c.i <= 2) for c in tok.children):
        tok = tok.head  # "..., rebuffing repeated appeals": the main clause's subject acts again
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _CARRY_OUT:
        tok = tok.head  # "police resorted to lathicharge", "had to open fire": the act itself
    if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in _SAY_VERBS:
        tok = tok.head
    return tok.head.i == tok.i


def _confidence(weight: float, tok, etype: str, roles, historical: bool, position: int,  # type: ignore
                p_type: float | None = None) -> float:
    """How likely this is *the* event the text reports (see docs/data-model.md), calibrated on the dev set."""
    conf = weight * (1.0 if roles.from_parse else 0.75) * (0.9 if tok.pos_ != "VERB" else 1.0)
    conf *= 0.85 ** _clause_depth(tok)
    if tok.pos_ in ("NOUN", "PROPN") and _background_prep(tok):
        conf *= 0.5  # "during the strike", "after the talks": background, not the reported act
    # background ("the 2019 protests") and habits ("every Friday the women have walked to the square") are rarely
    # the reported event; like the lede factor, applied after the mix, which would otherwise all but erase them
    background = _HISTORICAL if historical else _HABITUAL if _habitual(tok) else 1.0
    if getattr(tok, "doc", None) is not None and tok.doc.user_data.get(_FALLBACK) == tok.i:
        background *= _FALLBACK_SALIENCE  # no trigger word: the classifier's guess yields to a found event
    if _UNANCHORED < 1.0 and not _anchored(tok):
        background *= _UNANCHORED  # news is dated ("on Tuesday"); scene-setting and background mostly are not
    if ONTOLOGY.types[etype].requires_recipient and not roles.recipients:
        conf *= 0.85
    elif etype == "CONSULT" and not roles.recipients and len(roles.actors) < 2:
        conf *= 0.6  # a meeting needs two parties: "the leader toured factories" is not one
    if p_type is not None:
        mix = CLASSIFIER["mix"]
        conf = max(conf, 1e-6) ** (1.0 - mix) * max(p_type, 1e-6) ** mix
    # inverted pyramid: the lede states the event; applied after the mix, which would otherwise all but erase it
    conf *= max(_LEDE_FLOOR, 1.0 - _LEDE_SLOPE * max(0, position - 2))
    conf *= background
    # calibrated on the development set: P(the event type is right) for this raw score (docs/accuracy.md)
    return round(calibrate(max(0.05, min(0.99, conf))), 4)


# A reaction to an event the story has already told ("the governor condemned the attack", "welcomed the
# deal", "demanded a probe into the killing") is rarely the story's news: later in a text it yields to the event.
_REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST"})
_REACTION_FACTOR = 0.8
_TOLD_EVENT_NOUNS = frozenset("""
    attack attacks assault bombing bombings blast blasts explosion shooting shootings killing killings murder murders
    massacre violence clash clashes incident incidents raid raids strike strikes airstrike airstrikes abduction
    abductions kidnapping kidnappings arrest arrests detention crackdown execution executions ambush invasion
    offensive incursion shelling lynching rape assassination coup test tests launch launches deal agreement accord
    decision move ruling verdict sentence sanctions ban expulsion annexation deployment protest protests
    demonstration demonstrations march riot riots act acts action actions operation atrocity atrocities
    """.split())
_PROBE_NOUNS = frozenset({"probe", "investigation", "inquiry", "enquiry", "justice", "action", "punishment"})
_REACTION_PREPS = frozenset({"over", "of", "on", "about", "against", "for"})  # not "into": probes launched are news
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such", "its", "their", "his", "her", "our"})


def _reacts_to_told_event(tok, etype: str) -> bool:  # type: ignore[no-untyped-def]
    """The trigger's object is a definite event noun ("condemned the attack", "Saturday's bombing"). A probe
    demanded is a reaction, a probe launched is news (ACCUSE investigate)."""
    objs = []
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            objs.append(child)
        elif child.dep_ == "prep" and child.lower_ in _REACTION_PREPS:
            objs += [c for c in child.children if c.dep_ == "pobj"]
    for noun in list(objs):  # "demanded a probe into the killing"
        if etype == "REQUEST" and noun.lemma_.lower() in _PROBE_NOUNS:
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ in ("into", "of", "for", "over"):
                    objs += [c for c in prep.children if c.dep_ == "pobj"]
    for noun in objs:
        for n in (noun, *(c for c in noun.children if c.dep_ == "conj")):
            if n.lemma_.lower() in _TOLD_EVENT_NOUNS or n.lower_ in _TOLD_EVENT_NOUNS:
                if any(d.dep_ == "poss" or (d.dep_ == "det" and d.lower_ in _DEFINITE) for d in n.children):
                    return True
    # "condemned the attack and paid tribute to the victims": one reaction
    return tok.dep_ == "conj" and tok.head.i != tok.i and _reacts_to_told_event(tok.head, etype)


_HISTORICAL = 0.6
_HABITUAL = 0.7
_HABIT_ADVERBS = frozenset({"usually", "often", "routinely", "regularly", "traditionally", "habitually", "always",
                            "customarily", "typically", "normally", "annually"})
_HABIT_TIMES = frozenset({"day", "week", "month", "year", "morning", "evening", "night", "weekend", "spring", "summer",
                          "autumn", "winter", "season", "monday", "tuesday", "wednesday", "thursday", "friday",
                          "saturday", "sunday", "anniversary", "election", "harvest"})
_HABIT_SPANS = frozenset({"decades", "generations", "centuries", "years"})


def _habitual(tok) -> bool:  # type: ignore[no-untyped-def]
    """The trigger's clause tells a habit: "every Friday", "each spring", "for decades", "usually"."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for c in getattr(verb, "children", ()):
        if c.dep_ == "advmod" and c.lower_ in _HABIT_ADVERBS:
            return True
        if c.dep_ in ("npadvmod", "advmod", "obl", "dobj") and c.lemma_.lower() in _HABIT_TIMES and any(
                d.lower_ in ("every", "each") for d in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                p.lower_ in _HABIT_SPANS and not any(d.like_num for d in p.children) for p in c.children):
            return True
    return False


_UNANCHORED = 0.95
_FALLBACK = "sanderling.fallback"  # the token of the sentence's classifier-only (fallback) event
_FALLBACK_SALIENCE = 0.9
_NEWS_TIMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                         "yesterday", "overnight", "tonight"})


def _anchored(tok) -> bool:  # type: ignore[no-untyped-def]
    """The trigger's clause, or the speech frame reporting it, is dated the way news is: "on Tuesday",
    "overnight", "this week", "..., the ministry said on Friday"."""
    doc = getattr(tok, "doc", None)
    if doc is None:
        return True
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    heads = {verb.i}
    node = verb
    while node.dep_ in ("ccomp", "parataxis", "conj", "xcomp") and node.head.i != node.i:
        node = node.head
        heads.add(node.i)
    for t in doc:
        low = t.lower_
        if low in _NEWS_TIMES or (low == "week" and any(c.lower_ == "this" for c in t.children)):
            anc = t.head
            for _ in range(4):
                if anc.i in heads:
                    return True
                if anc.head.i == anc.i:
                    break
                anc = anc.head
    return False


def _background_prep(tok) -> bool:  # type: ignore[no-untyped-def]
    """The noun is the object of a background preposition, also through a partitive or a series: "after the
    talks", "hours after one of the largest attacks of the year", "during a wave of arrests"."""
    for _ in range(3):
        head = tok.head
        if head.lemma_.lower() in _BACKGROUND_PREPS:
            return True
        if not (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PRON", "NUM", "PROPN")):
            return False
        tok = head.head
    return False


# a party announcing its own coming use of force, arrests or sanctions threatens (PLOVER THREATEN; CAMEO 13)
_THREAT_MODES: dict[str, dict[str, str]] = {
    "ASSAULT": {"": "violence"},
    "COERCE": {"": "", "arrest": "arrest", "expel": "expel", "seize": "territory", "restrict": "restrict",
               "ban": "restrict", "curfew": "restrict"},
    "SANCTION": {"": ""},
}
_ANNOUNCING = frozenset({"say", "announce", "warn", "declare", "state", "tell", "vow", "pledge", "promise",
                         "threaten", "insist", "add", "confirm", "signal", "indicate", "write", "tweet", "post"})


def _announced_by_actor(tok, actors: Sequence[Mention], mentions: Sequence[Mention]) -> bool:  # type: ignore
    """The trigger is in what a party of the event itself said ("Turkey will launch …, Erdogan said")."""
    top = tok
    while top.dep_ in ("xcomp", "conj", "aux", "advcl") and top.head.i != top.i:
        top = top.head
    verb = top.head if top.dep_ in ("ccomp", "parataxis") else None
    if verb is None or verb.lemma_.lower() not in _ANNOUNCING:
        return False
    codes = {a.code for a in actors if a.code}
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        start = subj.left_edge.idx
        end = subj.right_edge.idx + len(subj.right_edge.text)
        if any(m.code in codes and m.start < end and start < m.end for m in mentions):
            return True
    return False


def _clause_depth(tok) -> int:  # type: ignore[no-untyped-def]
    depth = 0
    while tok.head.i != tok.i:
        depth += tok.dep_ in _SUBORDINATE
        tok = tok.head
    return depth


def _entity(m: Mention, offset: int, as_target: bool = False) -> Entity:
    # a capital is its government when it acts ("Pyongyang said"), the country when acted upon
    sector = "" if as_target and m.kind == "capital" else m.sector
    return Entity(entity_text=m.text, code=m.code, sector=sector, start=m.start + offset, end=m.end + offset)


def _location(sent, mentions: Sequence[Mention], offset: int) -> Location | None:  # type: ignore[no-untyped-def]
    found = _location_of([m for m in mentions if m.code and is_place_use(sent, m)][:1], offset)
    if found is None:  # "protesters in Mombasa": the place inside a merged actor phrase
        for m in mentions:
            if m.place_at >= 0 and m.code:
                start = m.start + m.place_at
                return _location_of([Mention(m.text[m.place_at:m.place_at + m.place_len], start,
                                             start + m.place_len, m.code)], offset)
    return found
