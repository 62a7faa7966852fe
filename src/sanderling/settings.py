"""One settings object instead of constants scattered over the stages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    max_doc_bytes: int = 10_000_000  # larger documents are skipped with a reason
    max_line_bytes: int = 10_000_000  # longer JSONL lines are recorded as failed
    min_text_chars: int = 40  # shorter extracted texts are skipped ("too short")
    batch_size: int = 64  # documents per database transaction
    lock_timeout: float = 30.0  # seconds to wait for a busy database
    max_sentence_chars: int = 1_500  # longer "sentences" (tables, lists) are not parsed
    # candidate sentences (an actor and a trigger word) coded per document, in text order; 0 = all. News states
    # its events early; later sentences are mostly background, history and speculation (docs/pipeline.md)
    max_sentences: int = 12
    languages: tuple[str, ...] = ("en",)
    actors: tuple[str, ...] = ()  # the user's extra actor YAML files (--actors)
    csv_columns: tuple[tuple[str, str], ...] = ()  # CSV (our field, column) overrides (--csv-columns)
    classifier: bool = True  # the learned sentence classifier re-ranks, re-types and filters lexicon events
    classifier_dir: str | None = None  # a head folder from `sanderling train` instead of the shipped one
    dedupe: bool = True  # workers compute near-duplicate signatures while building documents (--no-dedupe: off)


DEFAULT = Settings()
