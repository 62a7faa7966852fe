"""Exact and near-duplicate articles (syndicated wire copy, re-posts) — found before coding.

News arrives many times over: one agency story is printed by hundreds of sites with a new
headline, a trimmed last paragraph or a different byline. GDELT counts every copy as an event.
We code the first copy and link the others to it (status ``skipped``, reason "near-duplicate of
…", column ``duplicate_of``), across runs, because signatures are kept in the database.

Method: MinHash (datasketch, 128 permutations) over word 5-shingles of the cleaned text, and
locality-sensitive hashing with 32 bands of 4 rows (a pair with Jaccard similarity s becomes a
candidate with probability 1 - (1 - s^4)^32: 0.99 at s = 0.6, 0.0003 at s = 0.1). Candidates are then
confirmed by the estimated Jaccard similarity of their full signatures (default threshold 0.8).
Texts shorter than ``min_words`` are compared by exact text hash only.

Example::

    >>> d = Deduper()
    >>> story = " ".join(f"word{i}" for i in range(200))
    >>> d.check("a", story) is None
    True
    >>> d.check("b", "UPDATE 2 - " + story + " (Reporting by A. Writer)")
    ('a', 0.945)
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 5
MIN_WORDS = 40
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    doc_id: str
    values: np.ndarray  # uint64[NUM_PERM]; empty for short texts (exact hash only)
    text_key: str  # hash of the normalised words: exact duplicates

    def band_keys(self) -> list[int]:
        if not len(self.values):
            return [_int64(self.text_key.encode())]
        return [_int64(bytes([b]) + self.values[b * ROWS:(b + 1) * ROWS].tobytes()) for b in range(BANDS)]


def _int64(raw: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "little", signed=True)


def _minhash():  # type: ignore[no-untyped-def]
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1)


def signature(doc_id: str, text: str, min_words: int = MIN_WORDS) -> Signature:
    words = _WORD.findall(text.lower())
    key = hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
    if len(words) < min_words:
        return Signature(doc_id, np.empty(0, dtype=np.uint64), key)
    shingles = {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
    m = _minhash()
    m.update_batch(sorted(shingles))
    return Signature(doc_id, np.asarray(m.hashvalues, dtype=np.uint64), key)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the word shingles; exactly 1.0 only for the same words."""
    if a.text_key == b.text_key:
        return 1.0
    if not len(a.values) or not len(b.values):
        return 0.0
    return min(0.999, float(np.mean(a.values == b.values)))


# Looks up stored signatures: band keys -> candidate signatures (the database, for later runs).
Lookup = Callable[[Sequence[int]], list[Signature]]


class Deduper:
    """Remembers the signatures of the documents kept so far; ``check`` says what a new one duplicates."""

    def __init__(self, threshold: float = 0.8, lookup: Lookup | None = None, min_words: int = MIN_WORDS) -> None:
        self.threshold = threshold
        self.min_words = min_words
        self._lookup = lookup
        self._bands: dict[int, list[Signature]] = defaultdict(list)
        self.added: list[Signature] = []  # kept in this run, for the database

    def check(self, doc_id: str, text: str) -> tuple[str, float] | None:
        """(id of the first copy, similarity) if ``text`` duplicates a kept document; else keep it."""
        return self.check_batch([(doc_id, text)])[0]

    def check_batch(self, docs: Sequence[tuple[str, str]],
                    ready: Sequence[Signature | None] | None = None) -> list[tuple[str, float] | None]:
        """``check`` for several documents in order, with one database lookup for all of them.

        ``ready`` may hold signatures already computed (by :func:`signature` with the default ``min_words``,
        e.g. in a worker process); missing or mismatching ones are computed here."""
        given = list(ready) if ready is not None else [None] * len(docs)
        sigs = [pre if (isinstance(pre, Signature) and pre.doc_id == doc_id and self.min_words == MIN_WORDS)
                else signature(doc_id, text, self.min_words) for (doc_id, text), pre in zip(docs, given, strict=True)]
        stored: dict[int, list[Signature]] = defaultdict(list)
        if self._lookup is not None and sigs:
            wanted = {k for s in sigs for k in s.band_keys()}
            for other in self._lookup(sorted(wanted)):
                for k in set(other.band_keys()) & wanted:
                    stored[k].append(other)
        return [self._check(sig, stored) for sig in sigs]

    def _check(self, sig: Signature, stored: dict[int, list[Signature]]) -> tuple[str, float] | None:
        keys = sig.band_keys()
        seen: dict[str, Signature] = {}
        for k in keys:
            for other in (*self._bands.get(k, ()), *stored.get(k, ())):
                seen.setdefault(other.doc_id, other)
        seen.pop(sig.doc_id, None)  # a re-run of the same document is not its own duplicate
        best = max(((similarity(sig, o), o.doc_id) for o in seen.values()), default=None)
        if best is not None and best[0] >= self.threshold:
            return best[1], round(best[0], 3)
        for k in keys:
            self._bands[k].append(sig)
        self.added.append(sig)
        return None
