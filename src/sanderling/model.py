"""The data model every stage speaks: frozen dataclasses, no behaviour beyond serialisation.

Stages never share internals; they pass these records. Offsets are always character
offsets into ``Document.text`` (the extracted plain text), so evidence can be highlighted.

Example::

    >>> doc = Document(id="d1", text="Iran condemned the strike.")
    >>> doc.text_hash[:8]
    '...'
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["coded", "skipped", "failed"]


def sha256_hex(data: str | bytes) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Document:
    """One input article. ``id`` is stable across runs (given id, else a content hash)."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    pub_date: str | None = None  # ISO yyyy-mm-dd
    language: str | None = None
    origin: str | None = None  # where it was read: path, path:line, "-" (stdin)
    flags: tuple[str, ...] = ()  # e.g. "spam:casino" found and removed by extraction
    # near-duplicate signature (sanderling.dedupe.Signature), computed by the worker that built the document
    signature: Any = field(default=None, compare=False, repr=False)

    @property
    def text_hash(self) -> str:
        return sha256_hex(self.text)


@dataclass(frozen=True)
class Rejected:
    """An input item that could not become a Document; it is still recorded, never dropped."""

    id: str
    status: Status  # "skipped" or "failed"
    reason: str
    origin: str | None = None
    url: str | None = None
    text_hash: str | None = None
    duplicate_of: str | None = None  # for near-duplicates: the id of the first copy, which was coded


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """An actor mention found by the gazetteer, before roles are assigned."""

    text: str
    start: int
    end: int
    code: str  # ISO-3 or PLOVER non-state code (IGO, UNO, NGO, ...); "" if unknown
    sector: str = ""  # PLOVER sector code
    kind: str = "country"  # country | capital | org | sector | person
    is_place: bool = False  # can also be read as a location (country or city names)
    place_at: int = -1  # "police in Mombasa": where the place part starts within ``text`` (else -1)
    place_len: int = 0


@dataclass(frozen=True)
class Entity:
    """An actor or recipient of an event, in PLOVER's entity shape."""

    entity_text: str
    code: str
    sector: str
    start: int
    end: int

    @classmethod
    def from_mention(cls, m: Mention) -> Entity:
        return cls(entity_text=m.text, code=m.code, sector=m.sector, start=m.start, end=m.end)


@dataclass(frozen=True)
class Location:
    country: str
    text: str = ""
    start: int = -1
    end: int = -1
    lat: float | None = None  # GeoNames coordinates of the place, when it is a known city
    lon: float | None = None


@dataclass(frozen=True)
class Event:
    """One coded event with its evidence. ``to_plover()`` gives PLOVER's JSON field names."""

    id: str
    doc_id: str
    event: str
    mode: str
    context: tuple[str, ...]
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    event_text: str
    event_start: int
    event_end: int
    text: str
    text_start: int
    text_end: int
    date: str | None
    pub_date: str | None
    url: str | None
    event_loc: Location | None
    negated: bool
    hypothetical: bool
    future: bool
    historical: bool
    confidence: float
    cameo: str
    goldstein: float | None
    quad_code: int
    plover_score: float | None
    coder: str
    coder_version: str
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def happened(self) -> bool:
        """True for events the text reports as real (not negated, hypothetical or future)."""
        return not (self.negated or self.hypothetical or self.future)

    def to_plover(self) -> dict[str, Any]:
        d = asdict(self)
        d["context"] = list(self.context)
        d["actor"] = [asdict(a) for a in self.actor]
        d["recipient"] = [asdict(a) for a in self.recipient]
        d["event_loc"] = asdict(self.event_loc) if self.event_loc else None
        d.pop("extra")
        return d


def event_id(doc_id: str, sentence_start: int, trigger_start: int, event_type: str) -> str:
    """Stable id: same document, sentence and trigger give the same id on every run."""
    return sha256_hex(f"{doc_id}\x1f{sentence_start}\x1f{trigger_start}\x1f{event_type}")[:24]


@dataclass(frozen=True)
class Outcome:
    """What happened to one input item: exactly one per item, stored as a documents row."""

    doc: Document | None
    rejected: Rejected | None
    status: Status
    reason: str
    events: tuple[Event, ...] = ()

    @property
    def doc_id(self) -> str:
        if self.doc is not None:
            return self.doc.id
        assert self.rejected is not None
        return self.rejected.id
