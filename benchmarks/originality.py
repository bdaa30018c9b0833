"""Originality measurements on real repositories (needs local clones; never run in CI).

    .venv/bin/python benchmarks/originality.py coverage DIR...   # each DIR against the corpus
    .venv/bin/python benchmarks/originality.py pairs DIR...      # every pair of DIRs
    .venv/bin/python benchmarks/originality.py cost DIR          # fingerprinting time, in process

``coverage`` prints every DIR's three best corpus matches; ``pairs`` the
similarity of every pair of DIRs in both directions, as ``modernity compare``
measures it; ``cost`` the CPU time of fingerprinting DIR's product files.
"""

import os
import sys
import time
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

from analyzer.originality.compare import similarity
from analyzer.originality.corpus import all_entries
from analyzer.originality.match import Index, coverage
from analyzer.originality.shape import repo_shapes
from analyzer.walk import build_repo


def _shapes(directory: str):  # type: ignore[no-untyped-def]
    return repo_shapes(build_repo(Path(directory), now=datetime.now(UTC)))


def main(command: str, directories: list[str]) -> None:
    if command == "coverage":
        index = Index(all_entries())
        for directory in directories:
            shapes = _shapes(directory)
            total = sum(len(s.lines) for s in shapes.values())
            best = index.matches(shapes)[:3]
            listed = ", ".join(f"{m.entry.name} {coverage(m, total):.3f}" for m in best)
            print(f"{Path(directory).name} ({total:,} lines): {listed or 'nothing'}")
    elif command == "pairs":
        shapes = {Path(d).name: _shapes(d) for d in directories}
        for a, b in combinations(sorted(shapes), 2):
            ab, ba = similarity(shapes[a], shapes[b]), similarity(shapes[b], shapes[a])
            print(f"{a} vs {b}: {ab:.3f} / {ba:.3f}")
    elif command == "cost":
        start = time.process_time()
        shapes = _shapes(directories[0])
        spent = time.process_time() - start
        lines = sum(len(s.lines) for s in shapes.values())
        print(f"{len(shapes)} files, {lines:,} code lines: {spent:.2f} s CPU "
              f"(load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
