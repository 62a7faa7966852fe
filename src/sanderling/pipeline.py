"""The coder: Documents in, Events out. No file or database I/O here.

The CLI, the tests and (later) the API and distributed engines are thin shells over
one ``Pipeline`` that works the same in a notebook::

    >>> from sanderling.pipeline import Pipeline
    >>> events = Pipeline().code_text("The United States demanded that North Korea halt its missile tests.")
    >>> events[0].event, [a.code for a in events[0].actor], [r.code for r in events[0].recipient]
    ('REQUEST', ['USA'], ['PRK'])

The steps it runs live beside the stages they belong to: which sentences are parsed (``events/candidates.py``),
clause structure (``events/clauses.py``), how the classifier and the lexicon combine (``events/mix.py``, whose
``CLASSIFIER`` settings are re-exported here), PLOVER type rules (``events/rules.py``), salience and confidence
(``events/salience.py``) and the parties' codes and places (``resolve/parties.py``).
"""

from __future__ import annotations

import hashlib
import logging
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
from sanderling.actors.coref import carry_over
from sanderling.events.candidates import _MODAL_WORDS, _SPORTS, _dateline_end, _has_people_word, _mask_dateline
from sanderling.events.classifier import SentenceClassifier, classifier_version
from sanderling.events.clauses import _changed_state, _main_verb, _reported_clause, _said_content
from sanderling.events.detect import Trigger, commercial, find_triggers, governed_types, select
from sanderling.events.lexicon import Lexicon, TriggerEntry
from sanderling.events.mix import (
    _CLAUSE_PROBS,
    _CONTENT,
    _FRAMING,
    _SAY_VERBS,
    _SIBLINGS,
    CLASSIFIER,
    _fit_classifier,
    _with_classifier,
)
from sanderling.events.rules import (
    _AIMED,
    _FUTURE_TO,
    _REFUSAL_FACTOR,
    _REFUSED_AS,
    _THREAT_MODES,
    _adjust,
    _announced_by_actor,
)
from sanderling.events.salience import _FALLBACK, _REACTION_FACTOR, _REACTION_TYPES, _confidence, _reacts_to_told_event
from sanderling.events.salience import _background_prep as _background_prep  # re-exported: tests import it from here
from sanderling.model import Document, Event, Location, Mention, Outcome, Rejected, Sentence, event_id
from sanderling.nlp import fast_parser, model_version
from sanderling.ontology import ONTOLOGY
from sanderling.resolve import modality, resolve_date
from sanderling.resolve.contexts import event_contexts
from sanderling.resolve.parties import (
    _STATE_ACTS,
    _entity,
    _generic_parties,
    _location,
    _location_of,
    _place_uncoded,
    announcing_state,
)
from sanderling.roles import aimed_places, assign_roles, left_places
from sanderling.segment import iter_sentences
from sanderling.settings import DEFAULT, Settings

log = logging.getLogger(__name__)

CODER = "sanderling"


@dataclass(frozen=True)
class _Candidate:
    doc_index: int
    sentence: Sentence
    position: int  # sentence number counted from the lede (headline lines count as 0): ledes carry the main event
    mentions: tuple[Mention, ...]  # offsets relative to the sentence
    home: str | None = None  # the document's home country, if clear


def _data_hash(package: str, name: str) -> str:
    try:
        raw = resources.files(package).joinpath("data", name).read_bytes()
    except OSError:
        return "none"
    return hashlib.sha256(raw).hexdigest()[:8]


_SENTENCE_END = ('.', '!', '?', '"', '”', "'", '’')


def _lede_index(sentences: Sequence[Sentence]) -> int:
    """The first sentence of the story proper: headline lines, kickers and two-part titles ("Ethiopia declares a
    truce. Will anyone observe it?") before it count as the lede's position."""
    for k, s in enumerate(sentences[:6]):
        if s.text.endswith(_SENTENCE_END) and s.text.count(" ") >= 7:
            return k
    return 0


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
        lede = _lede_index(sentences)
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
                yield _Candidate(i, sent, max(0, k - lede), tuple(inside), home)

    def _events(self, doc: Document, cand: _Candidate, sent,  # type: ignore[no-untyped-def]
                probs: dict[str, float] | None = None, emb: Any = None) -> list[Event]:
        pub_year = int(doc.pub_date[:4]) if doc.pub_date and doc.pub_date[:4].isdigit() else None
        events = []
        dl = _dateline_end(cand.sentence.text)
        body = [m for m in cand.mentions if m.start >= dl]  # a dateline place is where, not who
        dateline = [m for m in cand.mentions if m.end <= dl and m.code and m.is_place]
        # a trigger word inside a name is no act: "Amnesty International", "Rapid Support Forces"
        names = [(m.start, m.end) for m in cand.mentions if m.kind in ("org", "person") and " " in m.text]
        for trig, trig_type, trig_mode in self._triggers(sent, probs, events, names):
            entry = trig.entry
            roles = assign_roles(sent, trig.token, trig.head_noun, body)
            # a build-up's uncoded objects are its own forces ("deployed army divisions along the border with X")
            if (not roles.recipients and trig_type in _AIMED) or (trig_type == "MOBILIZE" and (
                    {r.code for r in roles.recipients} <= {a.code for a in roles.actors} | {""})):
                aimed = aimed_places(sent, trig.token, body)
                if aimed:
                    roles = replace(roles, recipients=tuple(aimed[:1]))
            if trig_type == "RETREAT":  # "Trump ordered a withdrawal of US troops": the state's own troops
                own = {a.code for a in roles.actors if a.code and a.sector in ("GOV", "MIL", "")}
                roles = replace(roles, recipients=tuple(r for r in roles.recipients
                                                        if not (r.code in own and r.sector == "MIL")))
                left = [] if roles.recipients else left_places(sent, trig.token, body)
                if left:  # ... the country they leave is
                    roles = replace(roles, recipients=tuple(left[:1]))
            where = [m for m in body if m not in roles.recipients]  # a targeted place is not where actors are from
            roles = _place_uncoded(sent, roles, where, cand.home)
            roles = _generic_parties(sent, roles, where, cand.home)
            if not roles.actors and not roles.recipients:
                continue
            mod = modality(sent, trig.token, pub_year)
            etype, mode, future = trig_type, trig_mode, mod.future
            refusal = mod.negated and future and etype in _REFUSED_AS and not mod.hypothetical
            if refusal:
                etype, mode, future = "REJECT", _REFUSED_AS[etype], False
                mod = replace(mod, negated=False)
            elif future and etype in _FUTURE_TO and not mod.hypothetical:
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
            if not roles.actors and etype in _STATE_ACTS:
                said = announcing_state(sent, trig.token, body)
                if said:
                    roles = _place_uncoded(sent, replace(roles, actors=tuple(said)), where, cand.home)
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
            if refusal:
                conf = round(conf * _REFUSAL_FACTOR, 4)  # read from a negation: an explicit act of the text wins
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
                  events: list[Event], names: Sequence[tuple[int, int]] = ()) -> Iterator[tuple[Trigger, str, str]]:
        """The lexicon's triggers; then, if they gave no event, the main verb when the classifier is sure of a type.

        ``events`` is read after the lexicon's triggers were consumed, so the fallback sees their results. Notes for
        ``_with_classifier`` and ``_confidence`` go into the parsed sentence's ``user_data``: what accusations and
        threats are about (``_CONTENT``), reported clauses read alone (``_CLAUSE_PROBS``), the fallback token."""
        triggers = [t for t in find_triggers(sent, self.lexicon)
                    if not any(a <= t.token.idx < b for a, b in names)]
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
