"""Check people YAML files: schema, dates, and aliases shared by entries of different countries.

    python scripts/validate_people.py [FILE.yaml ...]   # default: the shipped files
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from sanderling.actors.people import builtin_people, fold_ascii, load_people_file
from sanderling.errors import InputError


def main(argv: list[str]) -> int:
    try:
        people = [p for f in argv for p in load_people_file(f)] if argv else list(builtin_people())
    except InputError as exc:
        print(f"ERROR {exc}")
        return 1
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for p in people:
        for n, _cs in p.names():
            owners[fold_ascii(n).casefold()].add((p.name, p.code))
    clashes = {n: o for n, o in owners.items() if len({c for _, c in o}) > 1}
    for n, o in sorted(clashes.items()):
        print(f"WARN alias {n!r} used by entries of different codes: {sorted(o)}")
    dup = {n: o for n, o in owners.items() if len(o) > 1 and n not in clashes}
    for n, o in sorted(dup.items()):
        print(f"WARN alias {n!r} used by several entries: {sorted(o)}")
    offices = sum(len(p.offices) for p in people)
    files = ", ".join(Path(a).name for a in argv) or "shipped files"
    print(f"OK {len(people)} entries, {offices} offices, {len(owners)} spellings ({files})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
