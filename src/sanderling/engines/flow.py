"""Batches through the workers in two steps, with a look at each batch in between, in input order.

Readers hand out :class:`~sanderling.sources.build.Unbuilt` items (decoded, not yet extracted), so
that HTML extraction, cleaning and language identification run in the worker processes. The CLI must
still see every built item before it is coded: it skips documents already coded with the same text
and links duplicates to their first copy, both of which need the extracted text, and it is the only
process that reads the database. So with a ``prepare`` step a batch goes:

    raw batch ──build (worker)──▶ Documents/Rejected ──prepare (here, in input order)──▶ fresh batch
              ──code (worker)──▶ outcomes, yielded in input order

Batches without Unbuilt items skip the first step. Without ``prepare`` a batch is built and coded in one
worker call. At most ``limit`` batches are in the workers at a time, so memory stays flat however long
the input is. :class:`Flow` is shared by the local (process pool) and Ray engines; each gives it a
``submit`` (a future per job) and a ``wait`` (block until some job is done).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass

from sanderling.model import Document, Outcome, Rejected
from sanderling.sources.build import Unbuilt, is_deferred

Item = Document | Rejected | Unbuilt
Batch = list[Item]
Built = list[Document | Rejected]
Prepare = Callable[[Built], Built]
BUILD, CODE = "build", "code"


class InputFailed(Exception):
    """The input iterator or ``prepare`` raised: the caller's error, re-raised as is by the engines,
    never taken for a worker failure (which would code the rest in-process)."""

    def __init__(self, exc: Exception) -> None:
        super().__init__(str(exc))
        self.exc = exc


@dataclass
class _Job:
    batch: Batch  # BUILD: the raw batch; CODE: the prepared batch
    future: Future | None = None  # type: ignore[type-arg]  # BUILD: None when there is nothing to build


class Flow:
    """One run: ``for outcomes in flow.run(): ...``; after a worker failure, ``finish_here`` does the rest."""

    def __init__(self, batches: Iterable[Batch], prepare: Prepare | None,
                 submit: Callable[[str, Batch], Future],  # type: ignore[type-arg]
                 wait: Callable[[list[Future]], None], limit: int,  # type: ignore[type-arg]
                 on_last_submit: Callable[[], None] | None = None) -> None:
        self._input = iter(batches)
        self._prepare = prepare
        self._submit = submit
        self._wait = wait
        self._limit = max(1, limit)
        self._on_last_submit = on_last_submit
        self.building: deque[_Job] = deque()
        self.coding: deque[_Job] = deque()
        self._input_done = False
        self._last_submitted = False

    def __len__(self) -> int:
        return len(self.building) + len(self.coding)

    # -- the run -----------------------------------------------------------------------------
    def run(self) -> Iterator[list[Outcome]]:
        """Outcomes per (non-empty prepared) batch, in input order. Worker errors propagate from here
        with the flow's state intact; input and ``prepare`` errors come as :class:`InputFailed`."""
        while True:
            self._fill()
            moved = self._prepare_built()
            while self.coding and _done(self.coding[0].future):
                outcomes = self.coding[0].future.result()  # type: ignore[union-attr]
                self.coding.popleft()
                moved = True
                yield outcomes
            if self._input_done and not self.building and not self._last_submitted:
                self._last_submitted = True  # nothing more will be submitted
                if self._on_last_submit is not None:
                    self._on_last_submit()
            if self._input_done and not self:
                return
            if not moved:  # the pool is full (or the input ended) and the next results are not back yet
                self._wait([job.future for job in (*list(self.building)[:1], *list(self.coding)[:1])
                            if job.future is not None])

    def _free(self) -> int:
        return self._limit - len(self)

    def _fill(self) -> None:
        while not self._input_done and self._free() > 0:
            batch = self._next_input()
            if batch is None:
                self._input_done = True
            elif self._prepare is None:
                self._code(batch)  # built and coded in one worker call
            else:
                job = _Job(batch)
                self.building.append(job)
                if is_deferred(batch):
                    job.future = self._submit(BUILD, batch)

    def _prepare_built(self) -> bool:
        moved = False
        while self.building and (self.building[0].future is None or _done(self.building[0].future)):
            job = self.building[0]
            built = job.batch if job.future is None else job.future.result()
            fresh = self._prepared(built)
            self.building.popleft()
            moved = True
            if fresh:
                self._code(fresh)
        return moved

    def _code(self, batch: Batch) -> None:
        job = _Job(batch)
        self.coding.append(job)  # before submitting: a failed submit leaves the batch to finish_here
        job.future = self._submit(CODE, batch)

    def _next_input(self) -> Batch | None:
        try:
            return next(self._input, None)
        except Exception as exc:  # noqa: BLE001 - the caller's error, passed on as is
            raise InputFailed(exc) from exc

    def _prepared(self, built: Built) -> Built:
        if self._prepare is None:
            return built
        try:
            return self._prepare(built)
        except Exception as exc:  # noqa: BLE001 - the caller's error, passed on as is
            raise InputFailed(exc) from exc

    # -- after a worker failure ------------------------------------------------------------------
    def finish_here(self, build: Callable[[Batch], Built],
                    code: Callable[[Batch], list[Outcome]]) -> Iterator[list[Outcome]]:
        """Everything not yielded yet, done in this process (results already back are used), in order.

        Each batch is still prepared exactly once; input and ``prepare`` errors propagate as they are."""
        while self.coding:
            job = self.coding.popleft()
            done = _result(job.future)
            yield done if done is not None else code(job.batch)
        while self.building:
            job = self.building.popleft()
            built = _result(job.future)
            yield from self._here(build(job.batch) if built is None else built, code)  # type: ignore[arg-type]
        for batch in self._input:
            yield from self._here(batch if self._prepare is None else build(batch), code)

    def _here(self, built: Batch, code: Callable[[Batch], list[Outcome]]) -> Iterator[list[Outcome]]:
        if self._prepare is None:
            yield code(built)
            return
        fresh = self._prepare(built)  # type: ignore[arg-type]
        if fresh:
            yield code(fresh)


def run_here(batches: Iterable[Batch], prepare: Prepare | None, build: Callable[[Batch], Built],
             code: Callable[[Batch], list[Outcome]]) -> Iterator[list[Outcome]]:
    """The same flow with no workers at all: build, prepare and code each batch in this process."""
    for batch in batches:
        if prepare is None:
            yield code(batch)  # code() builds what is unbuilt
            continue
        fresh = prepare(build(batch))
        if fresh:
            yield code(fresh)


def _done(future: Future | None) -> bool:  # type: ignore[type-arg]
    return future is not None and future.done()


def _result(future: Future | None) -> object:  # type: ignore[type-arg]
    """The job's result if it came back, else None (not sent, lost, or failed)."""
    if future is None or not future.done() or future.cancelled() or future.exception() is not None:
        return None
    return future.result()
