"""Run the coder on a Ray cluster (or on this machine through Ray) with Ray Data.

Same contract as :class:`~sanderling.engines.local.LocalEngine`: batches of Document|Rejected in,
one list of Outcome per batch out, in input order, identical to in-process coding. The driver (the
CLI) stays the only process that writes the database or the lake.

How it streams: the input is an open-ended iterator (files, feeds, a 20-million-line JSONL), which Ray
Data cannot take directly, so the driver puts each batch on a small queue actor; a single Ray Data read
task turns queued batches into blocks (one row per batch: its index and the pickled batch), and
``map_batches`` with a callable class on an actor pool codes them. Each actor loads the models once
for the whole run. At most ``2 × workers + 2`` batches are in flight; results are reordered by
batch index before they are yielded, so the output order is the input order.

Unbuilt items (``iter_inputs(..., defer=True)``) are built by the actors too: with a ``prepare`` step
a batch makes two trips, one to build it and one to code what ``prepare`` kept (the flow of
:mod:`sanderling.engines.flow`, shared with LocalEngine); without, one trip does both.

Example::

    engine = RayEngine(Settings(), address="auto")      # a running cluster (`ray start --head`)
    for outcomes in engine.run(batches):
        store.write(outcomes, engine.version)
    engine.close()

``address=None`` starts a private Ray instance on this machine (no dashboard, worker logs kept in
/tmp/ray); ``"auto"`` joins the cluster this node belongs to; ``"ray://head:10001"`` connects
through Ray Client. Every node needs the same sanderling (and spaCy model) installed: an actor
whose coder version differs from the driver's refuses to start.
"""

from __future__ import annotations

import logging
import os
import pickle
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from sanderling.engines.flow import CODE, Batch, Flow, InputFailed, Prepare
from sanderling.engines.local import LocalEngine, _chain, _code_local, default_workers
from sanderling.errors import SanderlingError
from sanderling.model import Outcome, Rejected
from sanderling.pipeline import Pipeline
from sanderling.settings import Settings
from sanderling.sources.build import Unbuilt, materialize_all, reject

log = logging.getLogger(__name__)

INSTALL_HINT = "the Ray engine needs Ray: pip install 'sanderling[ray]'"
ENGINES = ("local", "ray")
_END = -1  # queue sentinel: no more input
_PICKLE = pickle.HIGHEST_PROTOCOL


class RayEngineError(SanderlingError):
    """Ray is missing, the cluster cannot be reached, or its workers run another coder version."""


def _ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401 - ray without the [data] extra lacks pandas etc.
    except ImportError as exc:
        raise RayEngineError(f"{INSTALL_HINT} ({exc})") from exc
    return ray


class RayEngine:
    """Code batches on Ray actors; ``run`` has the same interface and results as LocalEngine."""

    def __init__(self, settings: Settings, address: str | None = None, num_workers: int | None = None) -> None:
        _ray()  # fail now, with the install hint, rather than at the first batch
        self.settings = settings
        self.address = address
        self.num_workers = None if num_workers is None else max(1, num_workers)
        self.pipeline = Pipeline(settings)  # for .version, and to finish a run here if the cluster fails
        self._owns_ray = False

    @property
    def version(self) -> str:
        return self.pipeline.version

    # -- cluster -------------------------------------------------------------------------
    def start(self) -> int:
        """Connect to (or start) Ray; returns the number of coding actors to run."""
        ray = _ray()
        if not ray.is_initialized():
            try:
                if self.address is None:
                    ray.init(num_cpus=self.num_workers or default_workers(), include_dashboard=False,
                             log_to_driver=False, logging_level=logging.WARNING)
                else:
                    ray.init(address=self.address, log_to_driver=False, logging_level=logging.WARNING)
            except Exception as exc:  # noqa: BLE001 - ray raises ConnectionError, RuntimeError, ValueError ...
                where = "a local Ray instance" if self.address is None else f"Ray at {self.address}"
                hint = ("; is the cluster up (`ray start --head`)? A cluster with token authentication also needs "
                        "RAY_AUTH_MODE=token (and its token) in this environment") if self.address else ""
                raise RayEngineError(f"cannot start {where}: {exc}".splitlines()[0][:300] + hint) from exc
            self._owns_ray = True
        if self.num_workers is not None:
            return self.num_workers
        return max(1, int(ray.cluster_resources().get("CPU", 1)))

    def close(self) -> None:
        """Shut Ray down if this engine started it (a cluster itself keeps running)."""
        if self._owns_ray:
            _ray().shutdown()
            self._owns_ray = False

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- coding --------------------------------------------------------------------------
    def run(self, batches: Iterable[Batch], prepare: Prepare | None = None) -> Iterator[list[Outcome]]:
        """Outcomes per input batch, in input order; ``prepare`` as for LocalEngine.run."""
        it = iter(batches)
        first = next(it, None)
        if first is None:
            return
        workers = self.start()
        stream = _Stream(self.settings, self.version, workers)
        jobs = _Jobs(stream)
        flow = Flow(_chain(first, it), prepare, jobs.submit, jobs.wait, 2 * workers + 2, on_last_submit=stream.end)
        try:
            try:
                yield from flow.run()
            except (InputFailed, RayEngineError):
                raise
            except Exception as exc:  # noqa: BLE001 - an actor or node died: finish here rather than lose the run
                log.warning("Ray failed (%s); coding the remaining %d batches in this process",
                            str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__, len(flow))
                yield from flow.finish_here(lambda batch: materialize_all(batch, self.settings),
                                            lambda batch: _code_local(self.pipeline, batch))
        except InputFailed as failed:
            raise failed.exc from None
        finally:
            stream.close()


# -- the pieces of run() -------------------------------------------------------------------


@dataclass(frozen=True)
class _Build:
    """A job for the actors: build these items (do not code them)."""

    items: Batch


class _Jobs:
    """Jobs sent through the stream, each with a Future set when its result comes back."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._count = 0
        self._pending: dict[int, Future[Any]] = {}

    def submit(self, stage: str, batch: Batch) -> Future[Any]:
        idx, self._count = self._count, self._count + 1
        future: Future[Any] = Future()
        self._pending[idx] = future
        self._stream.send(idx, batch if stage == CODE else _Build(batch))
        return future

    def wait(self, _: list[Future[Any]]) -> None:
        """Block until the stream gives back some results."""
        for idx, result in self._stream.receive():
            future = self._pending.pop(idx, None)
            if future is not None:
                future.set_result(result)


class _Stream:
    """A queue actor feeding one Ray Data pipeline: read (queue → blocks) → map_batches(_Coder actors)."""

    def __init__(self, settings: Settings, version: str, workers: int) -> None:
        ray = _ray()
        from ray.data import ActorPoolStrategy
        from ray.util.queue import Queue

        logging.getLogger("ray.data").setLevel(logging.ERROR)  # its progress lines would garble the CLI's
        self.queue = Queue(actor_options={"num_cpus": 0})
        with warnings.catch_warnings():  # Ray Data warns about its own deprecated settings when copying them
            warnings.simplefilter("ignore", DeprecationWarning)
            ds = ray.data.read_datasource(_queue_source(self.queue), override_num_blocks=1, num_cpus=0)
            ctx = ds.context  # this dataset's own copy: the settings below do not leak into other Ray Data jobs
            ctx.target_max_block_size = 1  # one block per batch, passed on at once (never coalesced)
            ctx.enable_progress_bars = False
            ctx.execution_no_progress_timeout_s = 7 * 24 * 3600.0  # input may come slowly (feeds, fetching)
            ds = ds.map_batches(_Coder, fn_constructor_args=(settings, version), batch_size=1,
                                batch_format="pyarrow", compute=ActorPoolStrategy(size=workers), num_cpus=1)
        self._batches = ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=0)
        self._it = iter(self._batches)

    def send(self, idx: int, job: Batch | _Build) -> None:
        self.queue.put((idx, pickle.dumps(job, protocol=_PICKLE)))

    def end(self) -> None:
        self.queue.put((_END, b""))

    def receive(self) -> list[tuple[int, Any]]:
        try:
            table = next(self._it)
        except StopIteration:
            raise RuntimeError("the Ray pipeline ended before every batch came back") from None
        except Exception as exc:
            if _WORKER_MISMATCH in str(exc):
                raise RayEngineError(str(exc)[str(exc).index(_WORKER_MISMATCH):].splitlines()[0]) from exc
            raise
        return [(idx, pickle.loads(payload)) for idx, payload in
                zip(table.column("idx").to_pylist(), table.column("payload").to_pylist(), strict=True)]

    def close(self) -> None:
        ray = _ray()
        close = getattr(self._it, "close", None)
        if close is not None:
            try:
                close()  # stops the streaming executor and its actors
            except Exception:  # noqa: BLE001 - best effort on the way out
                log.debug("closing the Ray Data iterator failed", exc_info=True)
        try:
            ray.kill(self.queue.actor)
        except Exception:  # noqa: BLE001
            log.debug("killing the queue actor failed", exc_info=True)


def _queue_source(queue: Any) -> Any:
    """A Ray Data Datasource with one read task that turns queued (index, pickled batch) pairs into
    one-row Arrow blocks. Built on demand so that this module imports without Ray."""
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    class QueueSource(Datasource):  # type: ignore[misc]
        def estimate_inmemory_data_size(self) -> int | None:
            return None

        def get_read_tasks(self, parallelism: int, **_: Any) -> list[Any]:
            def read() -> Iterator[pa.Table]:
                while True:
                    idx, payload = queue.get()
                    if idx == _END:
                        return
                    yield pa.table({"idx": pa.array([idx], pa.int64()), "payload": pa.array([payload], pa.binary())})

            return [ReadTask(read, BlockMetadata(num_rows=None, size_bytes=None, input_files=None, exec_stats=None))]

    return QueueSource()


_WORKER_MISMATCH = "sanderling worker mismatch:"


class _Coder:
    """A Ray Data actor: loads the models once, then codes (or only builds) one batch per input row."""

    def __init__(self, settings: Settings, version: str) -> None:
        self.pipeline = Pipeline(settings)
        if self.pipeline.version != version:
            raise RayEngineError(f"{_WORKER_MISMATCH} the worker on {os.uname().nodename} codes with "
                                 f"{self.pipeline.version}, the driver with {version}; install the same "
                                 "sanderling and spaCy model on every node")
        self.pipeline.code_text("Warm-up: Iran condemned the attack.")  # load the models before the first batch

    def __call__(self, table: pa.Table) -> pa.Table:
        out = []
        for payload in table.column("payload").to_pylist():
            job: Batch | _Build = pickle.loads(payload)
            if isinstance(job, _Build):  # materialize never raises: a bad item is its own failure
                out.append(pickle.dumps(materialize_all(job.items, self.pipeline.settings), protocol=_PICKLE))
                continue
            batch = job
            try:
                outcomes = _code_local(self.pipeline, batch)
            except Exception as exc:  # noqa: BLE001 - Pipeline catches per document; this is a last resort
                log.exception("coding a batch of %d items failed", len(batch))
                outcomes = _failed(batch, exc)
            out.append(pickle.dumps(outcomes, protocol=_PICKLE))
        return pa.table({"idx": table.column("idx"), "payload": pa.array(out, pa.binary())})


def _failed(batch: Batch, exc: Exception) -> list[Outcome]:
    reason = f"coder error: {type(exc).__name__}: {exc}".splitlines()[0][:300]
    out = []
    for item in batch:
        if isinstance(item, Rejected):
            out.append(Outcome(None, item, item.status, item.reason))
        elif isinstance(item, Unbuilt):
            failed = reject("failed", reason, item.origin, item.id, url=item.meta.url)
            out.append(Outcome(None, failed, "failed", reason))
        else:
            out.append(Outcome(item, None, "failed", reason))
    return out


# -- CLI glue --------------------------------------------------------------------------------


def make_engine(settings: Settings, engine: str = "local", workers: int | None = None,
                address: str | None = None) -> LocalEngine | RayEngine:
    """The engine `sanderling code --engine local|ray [--address ...] [--workers N]` asks for.

    ``--address`` implies ``--engine ray``. Raises RayEngineError (a SanderlingError, so the CLI
    prints it and exits 1) when Ray is wanted but not installed.
    """
    if address is not None and engine == "local":
        engine = "ray"
    if engine == "local":
        return LocalEngine(settings, workers)
    if engine == "ray":
        return RayEngine(settings, address=address, num_workers=workers)
    raise RayEngineError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")


def close_engine(engine: Any) -> None:
    """Release what an engine holds (a private Ray instance); a no-op for LocalEngine."""
    close = getattr(engine, "close", None)
    if close is not None:
        close()
