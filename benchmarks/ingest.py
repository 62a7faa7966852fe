"""Ingestion throughput and memory of WARC input: ``iter_inputs`` over a CC-NEWS-like WARC.gz,
in one process and through the worker processes of ``sanderling code``.

Builds (in a temporary directory) a WARC.gz of ``--mb`` megabytes from
``../shared/data/guardian_sample.jsonl``: a warcinfo record, then for each article a request
record and a response record (gzip member per record, as Common Crawl writes them) holding
an HTML page: <title>, a dated <meta>, navigation, the text in <p> paragraphs, related
links, an inline tracking script (random ids, so it does not compress away) and a footer:
~15 KB per response record compressed, 33 KB uncompressed. Real news pages are usually
larger, so MB/s here is conservative; pages/s is the figure to compare. One response in
100 is a PNG image (skipped, not an HTML page).
Articles are repeated (with a new URL and title) until the file has the size asked for.

Then, ``--runs`` times, in a fresh process each time (so start-up memory is comparable):

- ``full``: every item of ``iter_inputs([archive])`` (HTML extraction, cleaning and
  language identification included, single process) → pages/s, WARC records/s, MB/s;
- ``parse``: ``iter_inputs([archive], defer=True)``, which reads but does not build the items
  → the WARC reading layer alone (what the CLI process does);
- ``workers``: the parallel path of ``sanderling code`` without the event coding: this process
  reads (``defer=True``), ``LocalEngine`` (``--workers``, default 2, spawned as by the CLI, each
  loading the coder's models) builds the batches of 64 in its worker processes, and a ``prepare``
  step here receives every built batch in input order and keeps nothing to code. Reported: pages/s
  over the whole run (worker start-up included) and in steady state (from the first built batch on);

and the resident memory (from /proc/self/statm; for ``workers`` the whole process tree, workers
included) when the process starts iterating, after the first 1,000 pages, every 10 % of the way,
and at the end, plus the peak (``ru_maxrss``), to show that memory does not grow with the archive.

``--code-mb N`` (default 0: off) also times the whole ``sanderling code`` command (reading,
extraction in the workers, event coding, writing DuckDB) on a separate N-MB archive of the same
pages, ``--runs`` times, with the peak RSS of its process tree. ``--src DIR`` runs another
checkout's ``src`` (e.g. an older version, for a before/after comparison; ``parse`` and ``workers``
need ``defer``, so ``--modes full`` there). Prints a JSON summary with the medians over the runs.
Results go to benchmarks/RESULTS.md by hand.

    python benchmarks/ingest.py [--mb 200] [--runs 3] [--data PATH] [--keep DIR] [--no-parse]
                                [--modes parse,full,workers] [--workers 2] [--code-mb 10] [--src DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from proctree import run_sanderling_code, tree_rss_mb

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "guardian_sample.jsonl"
SRC = Path(__file__).resolve().parents[1] / "src"
MODES = ("parse", "full", "workers")
_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")
_NAV = ["UK", "World", "Business", "Politics", "Environment", "Science", "Tech", "Sport", "Football",
        "Opinion", "Culture", "Books", "Music", "Film", "TV & radio", "Lifestyle", "Food", "Travel",
        "Money", "Education", "Media", "Society", "Law", "Cities", "Global development", "Obituaries"]
_PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


# --- building the archive ------------------------------------------------------------


def _record(warc_type: str, uri: str | None, date: str, block: bytes, content_type: str) -> bytes:
    headers = [("WARC-Type", warc_type), ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"), ("WARC-Date", date)]
    if uri:
        headers.append(("WARC-Target-URI", uri))
    headers += [("Content-Type", content_type), ("Content-Length", str(len(block)))]
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=6)


def _paragraphs(text: str) -> list[str]:
    sentences = _SENTENCE_END.split(text)
    return [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]


def _page(article: dict[str, str], title: str, date: str, related: list[str], rng: random.Random) -> bytes:
    nav = "".join(f'<li><a href="/{n.lower().replace(" ", "-")}">{n}</a></li>' for n in _NAV * 3)
    rel = "".join(f'<li><a href="/world/{rng.randrange(10**9)}">{t}</a></li>' for t in related)
    paras = "".join(f"<p>{p}</p>" for p in _paragraphs(article["text"]))
    tracking = json.dumps({"ids": [rng.getrandbits(128).to_bytes(16, "big").hex() for _ in range(500)]})
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | World news</title>
<meta property="article:published_time" content="{date}T08:00:00Z"><meta name="author" content="Staff reporter">
<style>body{{font-family:serif}} nav li{{display:inline}} .related{{font-size:small}}</style>
<script>window.__TRACKING__ = {tracking};</script></head>
<body><header><a href="/">The Daily Example</a><nav><ul>{nav}</ul></nav>
<form action="/search"><input name="q" placeholder="Search"></form></header>
<main><article><h1>{title}</h1><p class="byline">By Staff reporter, {date}</p>{paras}</article>
<aside class="related"><h2>Most viewed</h2><ul>{rel}</ul></aside></main>
<footer><p>Sign up to our newsletter. Privacy policy. Cookie settings. Terms and conditions.
Advertise with us. Contact us. Complaints and corrections. All rights reserved.</p></footer>
</body></html>""".encode()


def build_warc(path: Path, megabytes: float, data: Path) -> dict[str, int]:
    """Write the archive; return how many records of each kind it holds."""
    articles = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    heads = [a["text"].split(". ", 1)[0][:90] for a in articles]
    rng = random.Random(7)
    target = int(megabytes * 1_000_000)
    counts = {"warcinfo": 1, "request": 0, "response": 0, "html": 0, "png": 0}
    with path.open("wb") as out:
        info = b"software: sanderling benchmarks/ingest.py\r\nformat: WARC File Format 1.0\r\n"
        out.write(_record("warcinfo", None, "2019-05-01T00:00:00Z", info, "application/warc-fields"))
        n = 0
        while out.tell() < target:
            article = articles[n % len(articles)]
            n += 1
            date = article.get("date") or "2019-04-10"
            uri = f"https://news.example/world/{date.replace('-', '/')}/article-{n}"
            crawl = f"{date}T12:{n % 60:02d}:00Z"
            request = f"GET {uri[20:]} HTTP/1.1\r\nHost: news.example\r\nUser-Agent: bench\r\n\r\n".encode()
            out.write(_record("request", uri, crawl, request, "application/http; msgtype=request"))
            if n % 100 == 0:
                body, ctype = _PNG, "image/png"
                counts["png"] += 1
            else:
                title = f"{heads[n % len(heads)]} ({n})"
                body = _page(article, title, date, rng.sample(heads, 20), rng)
                ctype = "text/html; charset=utf-8"
                counts["html"] += 1
            http = (f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                    "Server: bench\r\n\r\n").encode() + body
            out.write(_record("response", uri, crawl, http, "application/http; msgtype=response"))
            counts["request"] += 1
            counts["response"] += 1
    return counts


# --- one measured pass (child process) -------------------------------------------------


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cpu_seconds() -> float:
    """CPU time of this process and of its (finished, reaped) child processes."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child(archive: Path, expected_items: int, mode: str, workers: int) -> dict[str, object]:
    from sanderling.model import Document, Rejected
    from sanderling.settings import Settings
    from sanderling.sources import iter_inputs

    checkpoints = {max(1, expected_items * k // 10) for k in range(1, 11)} | {1_000}
    rss_start, peak_start = _rss_mb(), _peak_mb()
    cpu0 = _cpu_seconds()
    rss_at: dict[int, float] = {}
    counts = {"items": 0, "documents": 0, "rejected": 0}
    extra: dict[str, object] = {}

    def count(item: object, tree: bool = False) -> None:
        counts["items"] += 1
        counts["documents"] += isinstance(item, Document)
        counts["rejected"] += isinstance(item, Rejected)
        if counts["items"] in checkpoints:
            rss_at[counts["items"]] = round(tree_rss_mb(os.getpid()) if tree else _rss_mb(), 1)

    t0 = time.perf_counter()
    if mode in ("full", "parse"):
        for item in iter_inputs([str(archive)], **({"defer": True} if mode == "parse" else {})):  # older src: no defer
            count(item)
    else:  # workers: read here, build in LocalEngine's worker processes, code nothing
        extra = _through_workers(archive, workers, Settings(), iter_inputs, count, t0)
    seconds = time.perf_counter() - t0
    return {"mode": mode, "seconds": round(seconds, 2), "cpu_seconds": round(_cpu_seconds() - cpu0, 2),
            **counts, "rss_start_mb": round(rss_start, 1), "rss_by_item_mb": rss_at,
            "rss_end_mb": round(_rss_mb(), 1), "peak_rss_start_mb": round(peak_start, 1),
            "peak_rss_mb": round(_peak_mb(), 1), **extra}


def _through_workers(archive: Path, workers: int, settings: Any, iter_inputs: Any, count: Any,
                     t0: float) -> dict[str, object]:
    """The CLI's path (read here, build in LocalEngine's workers, prepare here) with nothing to code."""
    from sanderling.engines import LocalEngine

    seen = {"first_at": 0.0, "first_batch": 0, "last_at": 0.0, "items": 0}

    def prepare(batch: list[object]) -> list[object]:
        now = time.perf_counter()
        if not seen["first_at"]:
            seen["first_at"], seen["first_batch"] = now, len(batch)
        seen["last_at"] = now
        seen["items"] += len(batch)
        for item in batch:
            count(item, tree=True)  # the CLI process and its workers
        return []  # nothing to code

    def batches() -> Iterator[list[object]]:
        batch: list[object] = []
        for item in iter_inputs([str(archive)], settings, defer=True):
            batch.append(item)
            if len(batch) == settings.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    for _ in LocalEngine(settings, workers=workers).run(batches(), prepare=prepare):  # type: ignore[arg-type]
        pass
    steady = seen["last_at"] - seen["first_at"]
    own = resource.getrusage(resource.RUSAGE_SELF)
    return {"workers": workers, "seconds_to_first_batch": round(seen["first_at"] - t0, 2),
            "cpu_seconds_reading_process": round(own.ru_utime + own.ru_stime, 2),
            "steady_pages_per_s": round((seen["items"] - seen["first_batch"]) / steady, 1) if steady > 0 else None,
            "peak_rss_worker_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


# --- driver ------------------------------------------------------------------------------


def _run_child(archive: Path, expected: int, mode: str, workers: int, src: Path) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", str(archive), "--expected", str(expected), "--mode", mode,
           "--workers", str(workers)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(src))
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{proc.stderr.strip()}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _env(src: Path) -> dict[str, str]:
    """This environment with ``src`` first on the path (children and spawned workers import from it)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(src), os.environ.get("PYTHONPATH")) if p)}


def _run_code(archive: Path, workdir: Path, src: Path, workers: int) -> dict[str, object]:
    """One whole `sanderling code ARCHIVE` into a fresh DuckDB file: wall time and peak tree RSS."""
    db = workdir / "code-bench.duckdb"
    db.unlink(missing_ok=True)
    seconds, peak, summary = run_sanderling_code(
        [str(archive), "--db", str(db), "--quiet", "--workers", str(workers)], env=_env(src))
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak, 1), "summary": summary}


def _summary(runs: list[dict[str, object]], size_mb: float, records: int, raw_mb: float) -> dict[str, object]:
    secs = statistics.median(float(r["seconds"]) for r in runs)  # type: ignore[arg-type]
    cpu = statistics.median(float(r["cpu_seconds"]) for r in runs)  # type: ignore[arg-type]
    items = int(runs[0]["items"])  # type: ignore[call-overload]
    return {
        "runs": len(runs), "median_seconds": round(secs, 1), "median_cpu_seconds": round(cpu, 1),
        "pages_per_s": round(items / secs, 1), "pages_per_cpu_s": round(items / cpu, 1),
        "warc_records_per_s": round(records / secs, 1),
        "mb_per_s_compressed": round(size_mb / secs, 2), "mb_per_s_uncompressed": round(raw_mb / secs, 2),
        "items": items, "documents": runs[0]["documents"], "rejected": runs[0]["rejected"],
        "rss_start_mb": statistics.median(float(r["rss_start_mb"]) for r in runs),  # type: ignore[arg-type]
        "rss_end_mb": statistics.median(float(r["rss_end_mb"]) for r in runs),  # type: ignore[arg-type]
        "peak_rss_mb": statistics.median(float(r["peak_rss_mb"]) for r in runs),  # type: ignore[arg-type]
        "rss_by_item_mb_first_run": runs[0]["rss_by_item_mb"],
        "seconds_each": [r["seconds"] for r in runs],
        **(_workers_summary(runs) if runs[0]["mode"] == "workers" else {}),
    }


def _workers_summary(runs: list[dict[str, object]]) -> dict[str, object]:
    def median(key: str) -> float:
        return statistics.median(float(r[key]) for r in runs)  # type: ignore[arg-type]

    return {"workers": runs[0]["workers"], "steady_pages_per_s": median("steady_pages_per_s"),
            "steady_pages_per_s_each": [r["steady_pages_per_s"] for r in runs],
            "seconds_to_first_batch": median("seconds_to_first_batch"),
            "cpu_seconds_reading_process": median("cpu_seconds_reading_process"),
            "peak_rss_worker_mb": median("peak_rss_worker_mb")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--mb", type=float, default=200, help="size of the WARC.gz to build (MB, 10^6 bytes)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--keep", type=Path, help="build the archive in this directory and keep it")
    ap.add_argument("--no-parse", action="store_true", help="skip the parse-only passes")
    ap.add_argument("--modes", default=",".join(MODES), help=f"which of {', '.join(MODES)} to run")
    ap.add_argument("--workers", type=int, default=2, help="worker processes for workers mode and --code-mb")
    ap.add_argument("--code-mb", type=float, default=0,
                    help="also time the whole `sanderling code` command on an archive of this size (MB)")
    ap.add_argument("--src", type=Path, default=SRC, help="the sanderling src directory to measure")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--expected", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="full", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.expected, args.mode, args.workers)))
        return
    modes = [m for m in args.modes.split(",") if m and not (m == "parse" and args.no_parse)]
    unknown = set(modes) - set(MODES)
    if unknown:
        raise SystemExit(f"unknown mode(s) {', '.join(sorted(unknown))}; use {', '.join(MODES)}")
    with tempfile.TemporaryDirectory(prefix="sanderling-ingest-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        archive = workdir / f"bench-{args.mb:g}mb.warc.gz"
        t0 = time.perf_counter()
        counts = build_warc(archive, args.mb, args.data)
        build_s = time.perf_counter() - t0
        size_mb = archive.stat().st_size / 1e6
        with gzip.open(archive, "rb") as fh:
            raw_mb = sum(len(chunk) for chunk in iter(lambda: fh.read(1 << 20), b"")) / 1e6
        records = counts["warcinfo"] + counts["request"] + counts["response"]
        print(f"built {archive.name}: {size_mb:.1f} MB ({raw_mb:.0f} MB uncompressed), {records} records "
              f"({counts['html']} HTML, {counts['png']} PNG) in {build_s:.0f} s", file=sys.stderr)
        result: dict[str, object] = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "src": str(args.src), "load_average_at_start": os.getloadavg(),
            "archive": {"mb": round(size_mb, 1), "mb_uncompressed": round(raw_mb, 1), "records": records,
                        "responses_html": counts["html"], "responses_png": counts["png"],
                        "kb_per_response_compressed": round(size_mb * 1000 / counts["response"], 1)},
        }
        for mode in modes:
            runs = []
            for i in range(args.runs):
                runs.append(_run_child(archive, counts["response"], mode, args.workers, args.src))
                rate = int(runs[-1]["items"]) / float(runs[-1]["seconds"])  # type: ignore[call-overload,arg-type]
                print(f"{mode} run {i + 1}: {runs[-1]['seconds']} s, {rate:.1f} pages/s, "
                      f"peak RSS {runs[-1]['peak_rss_mb']} MB, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
            result[mode] = _summary(runs, size_mb, records, raw_mb)
        if args.code_mb:
            result["code"] = _code_command(args, workdir)
        print(json.dumps(result, indent=2))


def _code_command(args: argparse.Namespace, workdir: Path) -> dict[str, object]:
    """Median wall time of the whole `sanderling code` on a smaller archive of the same pages."""
    archive = workdir / f"bench-code-{args.code_mb:g}mb.warc.gz"
    counts = build_warc(archive, args.code_mb, args.data)
    runs = []
    for i in range(args.runs):
        runs.append(_run_code(archive, workdir, args.src, args.workers))
        rate = counts["response"] / float(runs[-1]["seconds"])  # type: ignore[arg-type]
        print(f"code run {i + 1}: {runs[-1]['seconds']} s, {rate:.1f} pages/s, load {os.getloadavg()[0]:.1f} | "
              f"{runs[-1]['summary']}", file=sys.stderr)
    secs = statistics.median(float(r["seconds"]) for r in runs)  # type: ignore[arg-type]
    return {"archive_mb": round(archive.stat().st_size / 1e6, 1), "responses": counts["response"],
            "responses_html": counts["html"], "workers": args.workers, "runs": len(runs),
            "median_seconds": round(secs, 1), "pages_per_s": round(counts["response"] / secs, 1),
            "peak_rss_mb": max(float(r["peak_rss_mb"]) for r in runs),  # type: ignore[arg-type]
            "seconds_each": [r["seconds"] for r in runs], "summary_first_run": runs[0]["summary"]}


if __name__ == "__main__":
    main()
