"""Run the coder over a stream of documents on this machine, using every core.

Small inputs (less than one batch) are coded in-process, with no start-up cost. When the
first batch is full, worker processes are started (spawned, each loading the models once) and batches are
coded in parallel; results come back in input order so runs are reproducible.
The caller (the CLI) stays the only process that writes the database.

Batches may hold :class:`~sanderling.sources.build.Unbuilt` items (``iter_inputs(..., defer=True)``):
the workers build them (HTML extraction, cleaning, language identification) before coding, so that
step scales with the cores too. With ``prepare`` (the CLI's check for unchanged documents and
duplicates), each batch is built by a worker, handed to ``prepare`` here, and what it returns is coded
by a worker (see :mod:`sanderling.engines.flow`).

Example::

    engine = LocalEngine(Settings(), workers=2)
    for outcomes in engine.run(batches(iter_inputs(["news/"], defer=True))):
        store.write(outcomes, engine.version)
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from sanderling.engines.flow import BUILD, Batch, Built, Flow, InputFailed, Prepare, run_here
from sanderling.model import Outcome
from sanderling.pipeline import Pipeline
from sanderling.settings import Settings
from sanderling.sources.build import materialize_all

_WORKER: Pipeline | None = None
log = logging.getLogger(__name__)


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = Pipeline(settings)
    _WORKER.code_text("Warm-up: Iran condemned the attack.")  # load the models before the first batch


def _code_batch(batch: Batch) -> list[Outcome]:
    assert _WORKER is not None
    return _code_local(_WORKER, batch)


def _build_batch(batch: Batch) -> Built:
    assert _WORKER is not None
    return materialize_all(batch, _WORKER.settings)


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

    def run(self, batches: Iterable[Batch], prepare: Prepare | None = None) -> Iterator[list[Outcome]]:
        """Outcomes per input batch, in input order.

        ``prepare`` (optional) sees every batch once built, in input order, in this process, and returns
        the items to code (an empty list: nothing to code, nothing yielded for that batch)."""
        it = iter(batches)
        first = next(it, None)
        if first is None:
            return
        # a full first batch means more input is likely: start the workers now, while reading continues
        if self.workers == 1 or len(first) < self.settings.batch_size:
            yield from run_here(_chain(first, it), prepare, self._build_here, self._code_here)
            return
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")  # one BLAS thread per worker: processes, not threads, share the cores
        ctx = mp.get_context("spawn")
        with ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                 initargs=(self.settings,)) as pool:

            def submit(stage: str, batch: Batch) -> Future[object]:
                return pool.submit(_build_batch if stage == BUILD else _code_batch, batch)  # type: ignore[arg-type]

            flow = Flow(_chain(first, it), prepare, submit, _wait_any, 2 * self.workers)
            try:
                yield from flow.run()
            except InputFailed as failed:
                raise failed.exc from None
            except BrokenProcessPool:
                # a worker died (out of memory, killed): finish in this process rather than lose the run
                log.warning("worker process died; coding the remaining %d batches in-process", len(flow))
                yield from flow.finish_here(self._build_here, self._code_here)

    def _build_here(self, batch: Batch) -> Built:
        return materialize_all(batch, self.settings)

    def _code_here(self, batch: Batch) -> list[Outcome]:
        return _code_local(self.pipeline, batch)


def _wait_any(futures: list[Future[object]]) -> None:
    wait(futures, return_when=FIRST_COMPLETED)


def _code_local(pipeline: Pipeline, batch: Batch) -> list[Outcome]:
    """Build what is unbuilt, then code; one list of outcomes, one per item, in order."""
    out: list[Outcome] = []
    for outcomes in pipeline.run(materialize_all(batch, pipeline.settings), batch_size=len(batch) or 1):
        out.extend(outcomes)
    return out


def _chain(first: Batch, rest: Iterator[Batch]) -> Iterator[Batch]:
    yield first
    yield from rest
