"""Compare ``analyzer.lines`` with libcst's ``PositionProvider`` on every node of real code,
then the lines the engine's walk gets (``analyzer.logical``: from a scan of the logical lines,
generating code only for the owners spread over several lines) on every node a check can be
called on, then that scan against the tokens' own logical lines.

Run on demand, from the project's virtualenv, over any directories of Python files:

    .venv/bin/python benchmarks/lines_equality.py /work/corpus/flask /work/corpus/django

Prints, per directory, the files read, the nodes compared, the mismatches (the first
few are listed) and the time each way, then the same for the walk's lines with the
files that needed the whole module generated; exits 1 on any mismatch.
"""

import sys
import time
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from analyzer.guard import refuse
from analyzer.lines import start_lines
from analyzer.linescan import logical_lines

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the probe is a test's
from tests.lines_probe import probe, token_logical_lines


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
        start = time.perf_counter()
        try:
            positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        except RecursionError:  # libcst's own generation: past the engine's limits too
            unparsable += 1
            continue
        files += 1
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
    print(f"{root}: {files} files ({unparsable} unparsable or too deep, skipped), "
          f"{nodes:,} nodes compared, "
          f"{len(mismatches)} mismatches; PositionProvider {libcst_s:.2f} s, "
          f"analyzer.lines {ours_s:.2f} s")
    for line in mismatches[:10]:
        print("  ", line)
    return len(mismatches)


def compare_walk(root: Path) -> int:
    files = nodes = wrong = slow = told = 0
    for path in sorted(root.rglob("*.py")):
        text = path.read_bytes().decode("utf-8", "replace")
        if refuse(text):  # the engine never parses it either
            continue
        try:
            compared, mismatches, fast, first, by_code = probe(text)
        except (cst.ParserSyntaxError, RecursionError, ValueError):
            continue
        files, nodes, wrong, told = files + 1, nodes + compared, wrong + mismatches, told + by_code
        slow += not fast
        if mismatches and wrong == mismatches:
            print(f"   {path}: {first}")
    print(f"{root}, the walk's lines: {files} files, {nodes:,} nodes compared, {wrong} mismatches; "
          f"{told:,} found by their own code; {slow} files needed the whole module generated")
    return wrong


def compare_scan(root: Path) -> int:
    files = declined = differ = unread = 0
    for path in sorted(root.rglob("*.py")):
        text = path.read_bytes().decode("utf-8", "replace")
        found, tokens = logical_lines(text), token_logical_lines(text)
        files += 1
        if tokens is None:  # tokenize gives up: no Python, which libcst will not parse either
            unread += 1
        elif found is None:
            declined += 1
        elif found != tokens:
            differ += 1
            print(f"   {path}: the scan's logical lines differ from the tokens'")
    print(f"{root}, the logical-line scan against the tokens: {files} files, {differ} differ, "
          f"{declined} declined (left to generation), {unread} that tokenize gives up on")
    return differ


def main() -> None:
    roots = [Path(arg) for arg in sys.argv[1:]]
    if not roots:
        raise SystemExit(__doc__)
    sys.exit(1 if sum(compare(root) + compare_walk(root) + compare_scan(root) for root in roots)
             else 0)


if __name__ == "__main__":
    main()
