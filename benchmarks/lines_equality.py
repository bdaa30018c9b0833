"""Compare ``analyzer.lines`` with libcst's ``PositionProvider`` on every node of real code.

Run on demand, from the project's virtualenv, over any directories of Python files:

    .venv/bin/python benchmarks/lines_equality.py /work/corpus/flask /work/corpus/django

Prints, per directory, the files read, the nodes compared, the mismatches (the first
few are listed) and the time each way; exits 1 on any mismatch.
"""

import sys
import time
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from analyzer.lines import start_lines


def compare(root: Path) -> int:
    files = nodes = unparsable = 0
    mismatches: list[str] = []
    libcst_s = ours_s = 0.0
    for path in sorted(root.rglob("*.py")):
        try:
            module = cst.parse_module(path.read_bytes())
        except (cst.ParserSyntaxError, RecursionError, ValueError):
            unparsable += 1
            continue
        files += 1
        start = time.perf_counter()
        positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        middle = time.perf_counter()
        lines = start_lines(module)
        libcst_s += middle - start
        ours_s += time.perf_counter() - middle
        nodes += len(positions)
        if len(lines) != len(positions):
            mismatches.append(f"{path}: {len(lines)} lines for {len(positions)} nodes")
        for node, where in positions.items():
            if lines.get(id(node)) != where.start.line:
                mismatches.append(f"{path}: {type(node).__name__} at {where.start.line}, "
                                  f"ours {lines.get(id(node))}")
    print(f"{root}: {files} files ({unparsable} unparsable, skipped), {nodes:,} nodes compared, "
          f"{len(mismatches)} mismatches; PositionProvider {libcst_s:.2f} s, "
          f"analyzer.lines {ours_s:.2f} s")
    for line in mismatches[:10]:
        print("  ", line)
    return len(mismatches)


def main() -> None:
    roots = [Path(arg) for arg in sys.argv[1:]]
    if not roots:
        raise SystemExit(__doc__)
    sys.exit(1 if sum(compare(root) for root in roots) else 0)


if __name__ == "__main__":
    main()
