from __future__ import annotations

import pytest

from sanderling.events import Lexicon
from sanderling.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def lex() -> Lexicon:
    return Lexicon.default()


def summary(events):  # type: ignore[no-untyped-def]
    """(type, actor codes, recipient codes) of the events that happened."""
    return [(e.event, sorted({a.code for a in e.actor}), sorted({r.code for r in e.recipient}))
            for e in events if e.happened]
