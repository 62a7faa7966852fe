"""Exact and near-duplicate articles are linked to their first copy, within and across runs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sanderling.cli import main
from sanderling.dedupe import Deduper, signature, similarity
from sanderling.store import Store

STORY = (
    "Police in the northern city of Kano arrested twelve men on Sunday after two days of clashes between rival "
    "traders near the central market, a police spokesman said. The governor imposed a dusk-to-dawn curfew and "
    "urged community leaders to calm their followers. Residents said shops stayed shut on Monday and soldiers "
    "patrolled the main roads. The clashes began after a dispute over market stalls, witnesses said, and "
    "spread to two nearby districts where several houses were burned. Officials said three people were "
    "wounded and taken to hospital."
)
OTHER = (
    "The central bank held its benchmark interest rate unchanged on Thursday, saying inflation had eased for a "
    "third month while the currency remained under pressure. Analysts had expected a small cut. The governor "
    "told reporters that the bank would keep watching food prices and fuel costs, which rose sharply after "
    "subsidies were removed last year, before changing course. Markets were little changed after the decision."
)


def test_syndicated_copy_is_a_near_duplicate() -> None:
    d = Deduper()
    assert d.check("a", STORY) is None
    assert d.check("b", OTHER) is None
    copy = "KANO, Nigeria (AP) - " + STORY + " Reporting by a staff writer."
    first, sim = d.check("c", copy)  # type: ignore[misc]
    assert first == "a" and 0.8 <= sim < 1.0
    assert d.check("d", STORY) == ("a", 1.0)  # exact copy
    assert d.check("a", STORY) is None  # the same document again is not its own duplicate


def test_different_stories_and_short_texts() -> None:
    assert similarity(signature("a", STORY), signature("b", OTHER)) < 0.2
    d = Deduper()
    assert d.check("s1", "Police arrested twelve men.") is None
    assert d.check("s2", "Police arrested eleven men.") is None  # short: exact match only
    assert d.check("s3", "police arrested twelve men") == ("s1", 1.0)


def test_cli_links_duplicates_across_runs(tmp_path: Path) -> None:
    db = str(tmp_path / "d.duckdb")
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "wire-1", "text": STORY}) + "\n", encoding="utf-8")
    later = tmp_path / "later.jsonl"
    later.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "site-2", "text": "(AP) " + STORY + " Copyright 2024."},
        {"id": "bank-1", "text": OTHER},
    ]), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["code", str(first), "--db", db, "-q", "--workers", "1"]).exit_code == 0
    for _ in range(2):  # idempotent: the second run gives the same rows
        res = runner.invoke(main, ["code", str(later), "--db", db, "-q", "--workers", "1"])
        assert res.exit_code == 0, res.output
        with Store(db, read_only=True) as st:
            docs = {r["id"]: r for r in st.documents().to_pylist()}
        assert docs["site-2"]["status"] == "skipped" and docs["site-2"]["duplicate_of"] == "wire-1"
        assert "near-duplicate of wire-1" in docs["site-2"]["reason"]
        assert docs["bank-1"]["status"] == "coded" and docs["bank-1"]["duplicate_of"] is None
    res = runner.invoke(main, ["code", str(later), "--db", db, "-q", "--workers", "1", "--no-dedupe", "--recode"])
    with Store(db, read_only=True) as st:
        assert {r["id"]: r["status"] for r in st.documents().to_pylist()}["site-2"] == "coded"


def test_signatures_built_in_workers_give_the_same_verdicts() -> None:
    """Workers attach signatures while building documents; the checking process then uses them as they are."""
    from dataclasses import replace

    from sanderling.settings import Settings
    from sanderling.sources.build import Unbuilt, materialize_all

    items = [Unbuilt("a", "a.txt", STORY, False), Unbuilt("b", "b.txt", "UPDATE 1 - " + STORY, False),
             Unbuilt("c", "c.txt", OTHER, False)]
    built = materialize_all(items, Settings())
    assert all(d.signature is not None and d.signature.doc_id == d.id for d in built)
    assert [d.signature.text_key for d in built] == [signature(d.id, d.text).text_key for d in built]
    ready = Deduper().check_batch([(d.id, d.text) for d in built], [d.signature for d in built])
    here = Deduper().check_batch([(d.id, d.text) for d in built])
    assert ready == here and ready[1] is not None and ready[1][0] == "a" and ready[2] is None
    # a signature that belongs to another document is not trusted
    wrong = Deduper().check_batch([(d.id, d.text) for d in built], [built[2].signature, None, None])
    assert wrong == here
    assert all(d.signature is None for d in materialize_all(items, replace(Settings(), dedupe=False)))
