"""Originality measurements on real repositories (needs local clones; never run in CI).

    .venv/bin/python benchmarks/originality.py coverage DIR...   # each DIR against the corpus
    .venv/bin/python benchmarks/originality.py pairs DIR...      # every pair of DIRs
    .venv/bin/python benchmarks/originality.py cost DIR          # fingerprinting time, in process
    .venv/bin/python benchmarks/originality.py mutate SOURCES [OUT|-] [MUTATION]  # disguised copies

``coverage`` prints every DIR's three best corpus matches; ``pairs`` the
similarity of every pair of DIRs in both directions, as ``modernity compare``
measures it; ``cost`` the CPU time of fingerprinting DIR's product files and matching them
against the corpus (walk and reads included);
``mutate`` disguises every manifest source read from SOURCES (clones named
owner+name) with tests/originality/mutations.py (rename, strip, reorder, dead
code, reformat), prints each copy's coverage of its own entry, and writes the
copies under OUT when given (to scan them).
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
        Index(all_entries()).matches(shapes)
        spent = time.process_time() - start
        lines = sum(len(s.lines) for s in shapes.values())
        print(f"{len(shapes)} files, {lines:,} code lines: {spent:.2f} s CPU "
              f"(load average {os.getloadavg()[0]:.2f})")


def mutate(sources: Path, out: Path | None, only: str = "") -> None:
    from analyzer.originality.build import _blobs, _git_dir, read_manifest  # noqa: PLC0415
    from analyzer.originality.shape import shape  # noqa: PLC0415
    from analyzer.text import decode  # noqa: PLC0415
    from tests.originality import mutations  # noqa: PLC0415

    disguise = getattr(mutations, only) if only else mutations.disguise

    entries = {e.name: e for e in all_entries()}
    figures = []
    for source in read_manifest():
        git_dir = _git_dir(sources / source["repo"].replace("/", "+"))
        wanted = {f.path for f in entries[source["name"]].files if f.fingerprints}
        copies, originals = {}, {}
        for path, data in _blobs(git_dir, source["commit"], list(source["paths"])).items():
            if path in wanted and path.endswith(".py"):
                try:
                    copies[path] = disguise(decode(data))
                except Exception:  # a template libcst cannot parse
                    continue
                originals[path] = decode(data)
        shares = []
        for texts in (originals, copies):
            shapes = {path: shape(text) for path, text in texts.items()}
            total = sum(len(s.lines) for s in shapes.values())
            found = Index([entries[source["name"]]]).matches(shapes)
            shares.append(coverage(found[0], total) if found else 0.0)
        figures.append(shares[1])
        print(f"{source['name']}: {len(copies)} files, {total} lines, coverage unchanged "
              f"{shares[0]:.3f}, disguised {shares[1]:.3f}")
        if out is not None:
            for path, text in copies.items():
                target = out / source["name"] / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text)
    figures.sort()
    print(f"min {figures[0]:.3f}, median {figures[len(figures) // 2]:.3f}, "
          f"below 0.9: {sum(f < 0.9 for f in figures)} of {len(figures)}")


if __name__ == "__main__":
    if sys.argv[1] == "mutate":
        out = Path(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] != "-" else None
        mutate(Path(sys.argv[2]), out, sys.argv[4] if len(sys.argv) > 4 else "")
        sys.exit(0)
    main(sys.argv[1], sys.argv[2:])
