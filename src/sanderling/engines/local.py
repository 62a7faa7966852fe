"""Run the coder over a stream of documents on this machine, using every core.

Small inputs (less than one batch) are coded in-process, with no start-up cost. When the
first batch is full, worker processes are started (spawned, each loading the models once) and batches are
coded in parallel; results come back in input order so runs are reproducible.
The caller (the CLI) stays the only process that writes the database.

Example::

    engine = LocalEngine(Settings(), workers=2)
    for outcomes in engine.run(iter_inputs(["news/"])):
        store.write(outcomes, engine.version)
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from sanderling.model import Document, Outcome, Rejected
from sanderling.pipeline import Pipeline
from sanderling.settings import Settings

_WORKER: Pipeline | None = None
log = logging.getLogger(__name__)


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = Pipeline(settings)
    _WORKER.code_text("Warm-up: Iran condemned the attack.")  # load the models before the first batch


def _code_batch(batch: list[Document | Rejected]) -> list[Outcome]:
    assert _WORKER is not None
    return _code_local(_WORKER, batch)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


class LocalEngine:
    def __init__(self, settings: Settings, workers: int | None = None) -> None:
        self.settings = settings
        self.workers = default_workers() if workers is None else max(1, workers)
        self.pipeline = Pipeline(settings)

    @property
    def version(self) -> str:
        return self.pipeline.version

    def run(self, batches: Iterable[list[Document | Rejected]]) -> Iterator[list[Outcome]]:
        """Outcomes per input batch, in input order."""
        it = iter(batches)
        first = next(it, None)
        if first is None:
            return
        # a full first batch means more input is likely: start the workers now, while reading continues
        if self.workers == 1 or len(first) < self.settings.batch_size:
            yield _code_local(self.pipeline, first)
            for batch in it:
                yield _code_local(self.pipeline, batch)
            return
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")  # one BLAS thread per worker: processes, not threads, share the cores
        ctx = mp.get_context("spawn")
        pending: deque[tuple[list[Document | Rejected], Future[list[Outcome]]]] = deque()
        batches_left = _chain(first, it)
        try:
            with ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                     initargs=(self.settings,)) as pool:
                for batch in batches_left:
                    pending.append((batch, pool.submit(_code_batch, batch)))
                    if len(pending) >= 2 * self.workers:
                        yield pending[0][1].result()
                        pending.popleft()
                while pending:
                    yield pending[0][1].result()
                    pending.popleft()
        except BrokenProcessPool:
            # a worker died (out of memory, killed): finish in this process rather than lose the run
            log.warning("worker process died; coding the remaining %d batches in-process", len(pending))
            for batch, _ in pending:
                yield _code_local(self.pipeline, batch)
            for batch in batches_left:
                yield _code_local(self.pipeline, batch)


def _code_local(pipeline: Pipeline, batch: list[Document | Rejected]) -> list[Outcome]:
    out: list[Outcome] = []
    for outcomes in pipeline.run(batch, batch_size=len(batch) or 1):
        out.extend(outcomes)
    return out


def _chain(first: list[Document | Rejected],
           rest: Iterator[list[Document | Rejected]]) -> Iterator[list[Document | Rejected]]:
    yield first
    yield from rest
