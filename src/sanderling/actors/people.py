"""Named actors with dated offices, read from readable YAML files.

The package ships ``sanderling/actors/data/people/*.yaml``; users add their own files with
``--actors my_actors.yaml``. One entry per person (or organisation)::

    - name: Vladimir Putin                  # canonical name, also matched in text
      aliases: [Putin, =VVP]                # "=" marks a case-sensitive spelling
      code: RUS                             # ISO-3 country or PLOVER non-state code (IGO, UNO, NGO ...)
      offices:                              # newest last; dates are YYYY, YYYY-MM or YYYY-MM-DD
        - {role: President, sector: GOV, start: 2000-05-07, end: 2008-05-07}
        - {role: Prime Minister, sector: GOV, start: 2008-05-08, end: 2012-05-07}
        - {role: President, sector: GOV, start: 2012-05-07}
      before: ""                            # sector before the first office (default: none)
      after: ELI                            # sector once every office has ended (default: ELI)

An office without dates always applies ("sector: REB" for a rebel commander). At a given date
the first office that covers it wins; with no date, the office still held (no ``end``) wins,
else the newest one. After all offices end the person is coded ``after`` (PLOVER ELI, former
official); before the first one, ``before``.

Example::

    >>> p = Person.from_dict({"name": "A B", "code": "USA", "offices": [
    ...     {"role": "President", "sector": "GOV", "start": "2021-01-20", "end": "2025-01-20"}]})
    >>> p.at("2024-07-19").sector, p.at("2026-01-01").sector
    ('GOV', 'ELI')
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sanderling.errors import InputError

_CODE = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
    "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "",
})


def _date(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    text = str(value)  # YAML reads 2024-07-19 as a date and 2024 as an int
    if not _DATE.match(text):
        raise InputError(f"{where}: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _start_key(d: str) -> str:
    """Partial dates compare as their first day: 2024 → 2024-01-01."""
    return (d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10] if len(d) == 7 else d


_NO_DECOMPOSITION = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L",
                                   "đ": "d", "Đ": "D", "ı": "i", "œ": "oe"})


def fold_ascii(text: str) -> str:
    """"Erdoğan" → "Erdogan", "Støre" → "Store": accents dropped, for the spellings wire copy uses."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_NO_DECOMPOSITION))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Office:
    role: str
    sector: str
    start: str | None = None
    end: str | None = None

    def covers(self, date: str) -> bool:
        d = date[:10]
        return (self.start is None or _start_key(self.start) <= d) and (self.end is None or d < _start_key(self.end))


@dataclass(frozen=True)
class Coding:
    code: str
    sector: str
    role: str  # the office held at the date ("former President" after it ended)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    code: str
    offices: tuple[Office, ...]
    before: str = ""
    after: str = "ELI"
    source: str = "sanderling"

    @classmethod
    def from_dict(cls, d: dict[str, Any], where: str = "entry", source: str = "sanderling") -> Person:
        if not isinstance(d, dict):
            raise InputError(f"{where}: an actor entry must be a mapping with name, code and offices")
        name = d.get("name")
        if not isinstance(name, str) or not name.strip():
            raise InputError(f"{where}: missing 'name'")
        where = f"{where} ({name})"
        code = str(d.get("code", ""))
        if not _CODE.match(code):
            raise InputError(f"{where}: code {code!r} must be three upper-case letters (ISO-3 or IGO/UNO/NGO ...)")
        aliases = d.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise InputError(f"{where}: 'aliases' must be a list of names")
        offices = []
        for k, o in enumerate(d.get("offices") or []):
            if not isinstance(o, dict):
                raise InputError(f"{where}: office {k + 1} must be a mapping with role and sector")
            sector = str(o.get("sector", ""))
            if sector not in SECTORS:
                raise InputError(f"{where}: office {k + 1} has unknown sector {sector!r}")
            start, end = _date(o.get("start"), where), _date(o.get("end"), where)
            if start and end and _start_key(end) < _start_key(start):
                raise InputError(f"{where}: office {k + 1} ends ({end}) before it starts ({start})")
            offices.append(Office(str(o.get("role", "")), sector, start, end))
        if not offices and "sector" in d:  # shorthand for an undated affiliation
            offices.append(Office(str(d.get("role", "")), str(d["sector"])))
        for key in ("before", "after"):
            if str(d.get(key, "")) not in SECTORS:
                raise InputError(f"{where}: '{key}' has unknown sector {d.get(key)!r}")
        return cls(name=name.strip(), aliases=tuple(a.strip() for a in aliases), code=code,
                   offices=tuple(offices), before=str(d.get("before", "")), after=str(d.get("after", "ELI")),
                   source=source)

    def names(self) -> list[tuple[str, bool]]:
        """(spelling, case_sensitive) pairs, with accent-free and curly-apostrophe variants."""
        out: list[tuple[str, bool]] = []
        for raw in (self.name, *self.aliases):
            cs = raw.startswith("=")
            s = raw[1:] if cs else raw
            for v in dict.fromkeys((s, fold_ascii(s), s.replace("'", "\u2019"))):
                if (v, cs) not in out:
                    out.append((v, cs))
        return out

    def at(self, date: str | None = None) -> Coding:
        """The person's code, sector and office at ``date`` (ISO; None = now)."""
        if not self.offices:
            return Coding(self.code, "", "")
        if date:
            for o in self.offices:
                if o.covers(date):
                    return Coding(self.code, o.sector, o.role)
            dated = [o for o in self.offices if o.start or o.end]
            first = min((_start_key(o.start) for o in dated if o.start), default=None)
            if first and date[:10] < first:
                return Coding(self.code, self.before, "")
            ended = [o for o in dated if o.end and _start_key(o.end) <= date[:10]]
            last = max(ended, key=lambda o: _start_key(o.end or ""), default=None)
            if last is not None:
                return Coding(self.code, self.after, f"former {last.role}".strip())
            return Coding(self.code, self.before, "")
        current = [o for o in self.offices if o.end is None]
        if current:
            return Coding(self.code, current[-1].sector, current[-1].role)
        last = self.offices[-1]
        return Coding(self.code, self.after, f"former {last.role}".strip())


def load_people_file(path: str | Path, source: str | None = None) -> list[Person]:
    """Entries of one YAML file (a list of entries, or a mapping with a ``people`` list)."""
    import yaml

    p = Path(path)
    try:
        data = parse_yaml(p.read_text("utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read actors file {p}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{p}: not valid YAML ({str(exc).splitlines()[0]})") from exc
    return people_from_data(data, p, source)


def parse_yaml(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def people_from_data(data: Any, p: Path, source: str | None = None) -> list[Person]:
    """Entries from a parsed people file (a list of entries, or a mapping with a ``people`` list)."""
    if isinstance(data, dict):
        data = data.get("people", data.get("actors"))
    if not isinstance(data, list):
        raise InputError(f"{p}: expected a list of actor entries (name, code, offices); see docs/actors.md")
    return [Person.from_dict(d, f"{p.name} entry {i + 1}", source or str(p)) for i, d in enumerate(data)]


@lru_cache(maxsize=1)
def builtin_people() -> tuple[Person, ...]:
    folder = resources.files("sanderling.actors").joinpath("data", "people")
    out: list[Person] = []
    if not folder.is_dir():
        return ()
    cache = _parsed_cache()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            raw = entry.read_bytes()
            hit = cache.get(entry.name)
            if hit is not None and hit.get("sha256") == hashlib.sha256(raw).hexdigest():
                # the same file, already parsed (YAML parsing costs ~1 s per process for these files)
                out.extend(people_from_data(hit["data"], Path(entry.name), f"sanderling:{entry.name}"))
            else:
                with resources.as_file(entry) as path:
                    out.extend(load_people_file(path, source=f"sanderling:{entry.name}"))
    return tuple(out)


CACHE_FILE = "people.parsed.json"


def _parsed_cache() -> dict[str, Any]:
    """``data/people.parsed.json`` (scripts/build_people_cache.py): each shipped YAML file's parsed content
    with its SHA-256. A file whose hash differs (edited since) is parsed from its YAML, so the cache can be
    stale but never wrong; tests/test_people.py fails when it is stale."""
    try:
        raw = resources.files("sanderling.actors").joinpath("data", CACHE_FILE).read_text("utf-8")
        files = json.loads(raw).get("files", {})
        return files if isinstance(files, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def load_people(extra: Sequence[str | Path] = ()) -> tuple[Person, ...]:
    """Built-in people, then each user file (later entries win for the same spelling)."""
    people: list[Person] = list(builtin_people())
    for path in extra:
        people.extend(load_people_file(path))
    return tuple(people)


def lookup(name: str, people: Iterable[Person]) -> list[Person]:
    """Entries whose name or an alias equals ``name`` (case- and accent-insensitive)."""
    key = fold_ascii(name).casefold().strip()
    return [p for p in people if any(fold_ascii(n).casefold() == key for n, _ in p.names())]
