"""Sentence segmentation: paragraphs first, then spaCy's statistical sentence splitter.

Cheap by design (no parser): every sentence of every article goes through here.

Example::

    >>> [s.text for s in split_sentences("Iran protested. Iraq agreed.\\n\\nNext para")]
    ['Iran protested.', 'Iraq agreed.', 'Next para']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sanderling.model import Sentence
from sanderling.nlp import sentence_nlp

_PARA = re.compile(r"\n\s*\n|\n(?=[A-Z\"“'‘\-•*])")
_MAX_PARA = 100_000  # characters handed to spaCy at once


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _PARA.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    for start, end in _paragraphs(text):
        while start < end:
            stop = min(end, start + _MAX_PARA)
            chunk = text[start:stop]
            if chunk.strip():
                yield start, chunk
            start = stop


def split_sentences(text: str) -> list[Sentence]:
    """Split a document into sentences with offsets into ``text``."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Sentence]:
    """The sentences of ``split_sentences``, paragraph by paragraph, as they are needed: a caller that stops
    early (the coder takes the first candidate sentences of a long article) does not pay for the rest."""
    nlp = sentence_nlp()
    for offset, chunk in _chunks(text):
        for sent in nlp(chunk).sents:
            s = chunk[sent.start_char:sent.end_char]  # Span.text would rebuild it token by token
            lead = len(s) - len(s.lstrip())
            s = s.strip()
            if s:
                start = offset + sent.start_char + lead
                yield Sentence(text=s, start=start, end=start + len(s))
