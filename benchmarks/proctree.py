"""Process-tree helpers shared by the benchmarks: descendants of a process and their resident memory (/proc)."""

from __future__ import annotations

import os

PAGE = os.sysconf("SC_PAGE_SIZE")


def descendants(root: int) -> set[int]:
    """``root`` and every process below it (worker processes included)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parents.items() if pp == p and c not in tree]
        tree.update(kids)
        frontier.extend(kids)
    return tree


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MiB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, in MiB."""
    return sum(rss_mb(p) for p in descendants(root))


def run_sanderling_code(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run ``sanderling code ARGS...``: (wall seconds, peak process-tree RSS in MiB sampled every 0.25 s, the
    command's summary line). Exits with the command's error when it fails."""
    import shutil
    import subprocess
    import sys
    import time
    from pathlib import Path

    exe = shutil.which("sanderling") or str(Path(sys.executable).with_name("sanderling"))
    t0 = time.perf_counter()
    proc = subprocess.Popen([exe, "code", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=env)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, tree_rss_mb(proc.pid))
        time.sleep(0.25)
    seconds = time.perf_counter() - t0
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"sanderling code failed: {err.strip()}")
    return seconds, peak, err.strip().splitlines()[-1]
