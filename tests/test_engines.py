"""Worker processes give exactly the results of in-process coding."""

from __future__ import annotations

from sanderling.engines import LocalEngine
from sanderling.model import Document, Rejected
from sanderling.settings import Settings

TEXTS = [
    "Kenyan police arrested 40 protesters in Nairobi on Tuesday.",
    "The United States demanded that North Korea halt its missile tests.",
    "Russia threatened to cut gas supplies to Moldova.",
    "Egypt hosted talks between Israeli and Hamas negotiators in Cairo.",
    "Shares rose in Tokyo.",
]


def _batches():  # type: ignore[no-untyped-def]
    items: list[Document | Rejected] = [Document(id=f"d{i}", text=t, pub_date="2024-05-03")
                                        for i, t in enumerate(TEXTS)]
    items.append(Rejected(id="bad", status="failed", reason="line 2: invalid JSON"))
    return [items[i:i + 2] for i in range(0, len(items), 2)]


def test_workers_match_in_process() -> None:
    settings = Settings(batch_size=2)
    serial = [o for batch in LocalEngine(settings, workers=1).run(_batches()) for o in batch]
    parallel = [o for batch in LocalEngine(settings, workers=2).run(_batches()) for o in batch]
    assert [(o.doc_id, o.status) for o in serial] == [(o.doc_id, o.status) for o in parallel]
    assert [e.to_plover() for o in serial for e in o.events] == [e.to_plover() for o in parallel for e in o.events]
    assert sum(len(o.events) for o in serial) >= 3
    assert serial[-1].status == "failed" and serial[-1].reason == "line 2: invalid JSON"
