"""Scaling of the coding engines: articles/s with 1 and 2 workers, LocalEngine vs RayEngine.

Measures the engine alone (``engine.run`` over batches of 64 documents read into memory beforehand, no
database). Start-up (worker processes or Ray actors, each loading the models) is included; the "warm"
rate leaves out the first batch of each worker; Ray's own ``ray.init`` is reported apart (one private
instance per run, as the CLI starts one per run). Per-worker memory is the peak resident
set size of each worker process (pool workers, Ray actors) sampled from /proc every 0.5 s; the tree
figure adds the driver and, for Ray, its raylet, GCS and other helpers. ``others_cpu_share`` is the
share of the machine's CPU time that processes outside the benchmark took during the run (a shared
machine's noise). Scaling efficiency = speed-up over 1 worker / workers. Each measurement runs in a
fresh process with one BLAS thread per worker; runs are interleaved across configurations.

    python benchmarks/scale.py --runs 3                              # Guardian sample, both engines
    python benchmarks/scale.py --generate 20000 --engines local --workers 2 --runs 1

``--generate N`` first writes N synthetic articles to /tmp (deterministic, seed 20000): each takes the
number of paragraphs of a random Guardian article (a paragraph: 4 consecutive sentences) and fills
them with random paragraphs of the whole sample, sentences shuffled within each, dated at random in
2017-2019. Results go to docs/scale.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from proctree import descendants, rss_mb

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "guardian_sample.jsonl"


# -- corpus ------------------------------------------------------------------------------------


def generate(source: Path, n: int, seed: int = 20000) -> Path:
    """N synthetic articles recombined from the paragraphs of ``source``; cached in /tmp."""
    from sanderling.segment import split_sentences

    target = Path(f"/tmp/sanderling-scale-{n}-seed{seed}.jsonl")
    if target.exists():
        return target
    rows = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    rng = random.Random(seed)
    paragraphs: list[list[str]] = []
    sizes: list[int] = []
    for r in rows:
        sents = [s.text for s in split_sentences(r["text"])]
        paras = [sents[i:i + 4] for i in range(0, len(sents), 4)]
        paragraphs.extend(paras)
        sizes.append(len(paras))
    start, span = date(2017, 1, 1), (date(2019, 12, 31) - date(2017, 1, 1)).days
    tmp = target.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for i in range(n):
            parts = []
            for _ in range(rng.choice(sizes)):
                para = list(rng.choice(paragraphs))
                rng.shuffle(para)
                parts.append(" ".join(para))
            day = start + timedelta(days=rng.randrange(span + 1))
            out.write(json.dumps({"id": f"synth-{i:06d}", "date": day.isoformat(), "source": "synthetic",
                                  "text": " ".join(parts)}, ensure_ascii=False) + "\n")
    tmp.replace(target)
    return target


def read_batches(path: Path, batch_size: int) -> list[list[Any]]:
    from sanderling.settings import Settings
    from sanderling.sources import iter_inputs

    items = list(iter_inputs([str(path)], Settings(batch_size=batch_size)))
    return [items[i:i + batch_size] for i in range(0, len(items), batch_size)]


# -- memory ------------------------------------------------------------------------------------


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def _is_worker(cmd: str) -> bool:
    return "multiprocessing.spawn" in cmd or "MapWorker" in cmd


def _cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, ValueError, IndexError):
        return 0


def _busy_ticks() -> int:
    with open("/proc/stat") as fh:
        v = [int(x) for x in fh.readline().split()[1:]]
    return v[0] + v[1] + v[2] + v[5] + v[6] + v[7]  # user nice system irq softirq steal (not idle, iowait)


class MemorySampler:
    """Peak RSS per worker process, of the driver and of the whole process tree, while it runs; and the
    share of the machine's CPU that *other* processes took meanwhile (the noise of a shared machine)."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self.workers: dict[int, float] = {}
        self.driver = 0.0
        self.tree = 0.0
        self.others_cpu_share = 0.0
        self._cpu: dict[int, int] = {}
        self._base: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._t0, self._busy0 = time.perf_counter(), _busy_ticks()
        self._base = {pid: _cpu_ticks(pid) for pid in descendants(os.getpid())}
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        tick = os.sysconf("SC_CLK_TCK")
        busy = (_busy_ticks() - self._busy0) / tick
        mine = sum(v - self._base.get(pid, 0) for pid, v in self._cpu.items()) / tick
        self.others_cpu_share = max(0.0, busy - mine) / ((time.perf_counter() - self._t0) * (os.cpu_count() or 1))

    def _loop(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            total = 0.0
            for pid in descendants(me):
                rss = rss_mb(pid)
                total += rss
                self._cpu[pid] = max(self._cpu.get(pid, 0), _cpu_ticks(pid))
                if pid == me:
                    self.driver = max(self.driver, rss)
                elif _is_worker(_cmdline(pid)):
                    self.workers[pid] = max(self.workers.get(pid, 0.0), rss)
            self.tree = max(self.tree, total)
            self._stop.wait(self.interval)


# -- runs --------------------------------------------------------------------------------------


def one_run(engine_name: str, workers: int, batches: list[list[Any]], batch_size: int) -> dict[str, Any]:
    from sanderling.engines.ray_engine import make_engine
    from sanderling.settings import Settings

    settings = Settings(batch_size=batch_size)
    n = sum(len(b) for b in batches)
    with MemorySampler() as mem:
        t0 = time.perf_counter()
        engine = make_engine(settings, engine_name, workers)
        done: list[float] = []  # when each batch came back
        events = 0
        for outcomes in engine.run(batches):
            done.append(time.perf_counter() - t0)
            events += sum(len(o.events) for o in outcomes)
        elapsed = time.perf_counter() - t0
    # warm rate: after the first `workers` batches are back, every worker has started and loaded its models
    k = min(workers, len(batches) - 1)
    warm = sum(len(b) for b in batches[k:]) / (elapsed - done[k - 1]) if k >= 1 and elapsed > done[k - 1] else None
    return {"engine": engine_name, "workers": workers, "docs": n, "events": events, "seconds": round(elapsed, 2),
            "docs_per_s": round(n / elapsed, 2),
            "first_batch_s": round(done[0], 2),
            "warm_docs_per_s": round(warm, 2) if warm else None,
            "worker_rss_mb": sorted(round(v) for v in mem.workers.values()),
            "driver_rss_mb": round(mem.driver), "tree_rss_mb": round(mem.tree),
            "others_cpu_share": round(mem.others_cpu_share, 2),
            "load_avg": round(os.getloadavg()[0], 2)}


def child(args: argparse.Namespace) -> None:
    """One measurement in a fresh process, as a CLI run would be: nothing loaded beforehand."""
    batches = read_batches(args.data, args.batch_size)
    ray_init = None
    if args.child_engine == "ray":
        import ray

        t = time.perf_counter()
        ray.init(num_cpus=args.child_workers, include_dashboard=False, log_to_driver=False, logging_level="warning")
        ray_init = round(time.perf_counter() - t, 2)
    r = one_run(args.child_engine, args.child_workers, batches, args.batch_size)
    r["ray_init_s"] = ray_init
    if ray_init is not None:
        r["docs_per_s_with_init"] = round(r["docs"] / (r["seconds"] + ray_init), 2)
    print("RESULT " + json.dumps(r), flush=True)
    if ray_init is not None:
        import ray

        ray.shutdown()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--generate", type=int, default=0, help="benchmark on N synthetic articles made from --data")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--engines", default="local,ray")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json-out", type=Path, default=None, help="also append every run as a JSON line here")
    ap.add_argument("--child-engine", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--child-workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_engine:
        child(args)
        return
    if not args.data.exists():
        raise SystemExit(f"no data at {args.data}; pass --data PATH to a JSONL file of articles")
    data = generate(args.data, args.generate) if args.generate else args.data
    n_docs = sum(1 for line in data.open(encoding="utf-8") if line.strip())
    print(f"{data}: {n_docs} documents", flush=True)
    results: dict[tuple[str, int], list[dict[str, Any]]] = {}
    # one BLAS thread per worker, as pool workers and Ray actors get: "1 worker" then means one core
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    for i in range(args.runs):  # interleaved, so that drifts of a shared machine hit every configuration alike
        for engine in args.engines.split(","):
            for workers in (int(w) for w in args.workers.split(",")):
                proc = subprocess.run([sys.executable, __file__, "--data", str(data), "--batch-size",
                                       str(args.batch_size), "--child-engine", engine, "--child-workers",
                                       str(workers)], capture_output=True, text=True, env=env)
                lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
                if proc.returncode != 0 or not lines:
                    raise SystemExit(f"{engine} x{workers} failed:\n{proc.stderr[-3000:]}")
                r = json.loads(lines[-1][len("RESULT "):])
                r["run"] = i + 1
                results.setdefault((engine, workers), []).append(r)
                print(json.dumps(r), flush=True)
                if args.json_out:
                    with args.json_out.open("a") as fh:
                        fh.write(json.dumps({"data": str(data), **r}) + "\n")
    summary = []
    for (engine, workers), runs in results.items():
        med = statistics.median(r["docs_per_s"] for r in runs)
        warm = statistics.median(r["warm_docs_per_s"] or 0 for r in runs)
        base = results.get((engine, 1))
        speedup = med / statistics.median(r["docs_per_s"] for r in base) if base else None
        warm_speedup = warm / statistics.median(r["warm_docs_per_s"] or 0 for r in base) if base else None
        summary.append({"engine": engine, "workers": workers, "runs": len(runs), "median_docs_per_s": med,
                        "median_others_cpu_share": statistics.median(r.get("others_cpu_share", 0) for r in runs),
                        "median_warm_docs_per_s": warm,
                        "speedup": round(speedup, 2) if speedup else None,
                        "efficiency": round(speedup / workers, 2) if speedup else None,
                        "warm_efficiency": round(warm_speedup / workers, 2) if warm_speedup else None,
                        "median_first_batch_s": statistics.median(r["first_batch_s"] for r in runs),
                        "median_ray_init_s": statistics.median(r["ray_init_s"] for r in runs)
                        if engine == "ray" else None,
                        "peak_worker_rss_mb": max((max(r["worker_rss_mb"], default=0) for r in runs), default=0),
                        "peak_driver_rss_mb": max(r["driver_rss_mb"] for r in runs),
                        "peak_tree_rss_mb": max(r["tree_rss_mb"] for r in runs)})
    print(json.dumps({"data": str(data), "documents": n_docs,
                      "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                      "summary": summary}, indent=2))


if __name__ == "__main__":
    main()
