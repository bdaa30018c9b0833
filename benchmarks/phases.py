"""Where a cold analysis spends its CPU, phase by phase, against libcst's parse alone.

Run on demand, from the project's virtualenv, over a directory of Python files:

    .venv/bin/python benchmarks/phases.py ~/.cache/modernity-bench/staged/flask

Everything runs in this process with the garbage collector off, as in a worker, and
each figure is the best of ``--repeat`` passes of CPU time (``time.process_time``),
so the split holds on a busy machine too. Each check is then timed alone on top of
the bare walk, with start lines already computed (counted once, above); a check
that reads tokens (complexity, tutorial_code) pays for making them. The last row is
the parent's share of a scan: the fold of every check (repository-level checks
included) over those observations.
"""

import argparse
import gc
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import libcst as cst

from analyzer import logical as logical_module
from analyzer.check import SourceFile
from analyzer.engine import analyse_source, fold, traverse
from analyzer.guard import Tokens, screen
from analyzer.lines import start_lines
from analyzer.linescan import logical_lines
from analyzer.logical import LazyLines, owner_lines
from analyzer.nodeinit import dataclass_inits
from analyzer.parse import parse_module, ready
from analyzer.paths import role
from analyzer.registry import all_checks
from analyzer.walk import build_repo


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts, modules = [], []
    for path in sorted(args.root.rglob("*.py")):  # what libcst parses (django's tests hold
        text = path.read_text(encoding="utf-8", errors="replace")  # deliberate syntax errors)
        try:
            modules.append(cst.parse_module(text))
        except cst.ParserSyntaxError:
            continue
        texts.append((str(path.relative_to(args.root)), text))
    checks = [cls for cls in all_checks() if cls.is_file_level()]
    gc.disable()

    def visit(chosen: Sequence[Any]) -> None:
        for (path, text), module in zip(texts, modules, strict=True):
            # fresh tokens: the checks that read them pay for making them, as in the engine
            source = SourceFile(path, role(path), text=text, tokens=Tokens(text))
            visitors = [cls(source) for cls in chosen]
            traverse(module, visitors, text)
            for visitor in visitors:
                visitor.observe()

    ready()  # the faster node constructors (analyzer.nodeinit), which libcst's own parse,
    with dataclass_inits():  # the yardstick, goes without
        parse = best(args.repeat, lambda: [cst.parse_module(text) for _, text in texts])
    rows = {
        "libcst parse": parse,
        "our parse (analyzer.parse: no re-validation, faster constructors)":
            best(args.repeat, lambda: [parse_module(text) for _, text in texts]),
        "pre-parse guard (one regex scan; tokens made when a check asks)":
            best(args.repeat, lambda: [screen(t) for _, t in texts]),
        "start lines, every file, generating its code (the fallback)":
            best(args.repeat, lambda: [start_lines(m) for m in modules]),
        "owners' lines: the logical-line scan, paired with the statements": best(
            args.repeat, lambda: [owner_lines(m, logical_lines(t) or ())
                                  for m, (_, t) in zip(modules, texts, strict=True)]),
        "walk, no check": (walk := best(args.repeat, lambda: visit([]))),
    }
    rows["walk, every check (and its lines)"] = best(args.repeat, lambda: visit(checks))
    rows["analyse_source (all of it)"] = best(args.repeat, lambda: [
        analyse_source(SourceFile(path, role(path)), text, checks) for path, text in texts
    ])
    repo = build_repo(args.root, now=datetime.now(UTC))
    results = [analyse_source(SourceFile(path, role(path)), text, checks) for path, text in texts]
    lines = {id(module): start_lines(module) for module in modules}

    class Precomputed(LazyLines):
        def __getitem__(self, node: cst.CSTNode) -> int:
            return lines[id(self._module)][id(node)]

        def least(self, node: cst.CSTNode) -> int:  # exact: no scan counted in a check's time
            return self[node]

    # per check: its own work only
    logical_module.LazyLines = Precomputed  # type: ignore[misc]  (traverse imports it per call)
    for cls in checks:
        alone = best(args.repeat, lambda cls=cls: visit([cls])) - walk  # type: ignore[misc]
        rows[f"  check {cls.name}, lines precomputed (over the walk)"] = alone
    every = all_checks()
    rows["parent: fold of every check (repository checks too)"] = best(
        args.repeat, lambda: fold(repo, results, every))
    print(f"{args.root}: {len(texts)} files; CPU s, best of {args.repeat}")
    print("| phase | CPU s | x parse |\n| --- | ---: | ---: |")
    for label, seconds in rows.items():
        print(f"| {label} | {seconds:.3f} | {seconds / parse:.2f} |")


if __name__ == "__main__":
    main()
