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
