"""The guard's regex scan against the same measures taken from ``tokenize``, file by file.

Run on demand over directories of Python files (the corpus, the benchmark's staged trees):

    .venv/bin/python benchmarks/guard_equality.py ~/.cache/modernity-bench/staged/django

Prints how many files were compared (those ``tokenize`` reads to the end), the CPU time
of each way, and every file where the deepest bracket nesting or the longest operator
chain differ. ``--hostile`` times the scan on megabyte-long shapes meant to make a
regular expression backtrack (unclosed strings, escapes, trailing backslashes): each
should take a fraction of a second, not grow with the square of its length.
"""

import argparse
import sys
import time
from pathlib import Path

from analyzer.guard import measure

HOSTILE = {
    "one quote, a million escaped quotes": "'" + "\\'" * 500_000,
    "escaped quotes continued over 50,000 lines": "'" + ("\\'" * 9 + "\\\n") * 50_000,
    "unclosed triple quote": "\'\'\'" + "a\n" * 500_000,
    "unclosed string ending in a backslash": "'" + "a" * 1_000_000 + "\\",
    "20,000 unclosed strings, then a backslash": ("'" + "a" * 50) * 20_000 + "\\",
    "a million backslashes": "\\" * 1_000_000,
}


def hostile() -> None:
    for name, text in HOSTILE.items():
        start = time.process_time()
        measure(text)
        print(f"{name}: {len(text):,} characters, {time.process_time() - start:.3f} CPU s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", type=Path, nargs="*")
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    if args.hostile:
        hostile()
    if not args.roots:
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.guard_reference
    from tests.guard_reference import by_tokens  # noqa: PLC0415  (the reference the tests use)

    texts = []
    for root in args.roots:
        for path in sorted(root.rglob("*.py")):
            if path.is_file() and not path.is_symlink():
                texts.append((path, path.read_text(encoding="utf-8", errors="replace")))
    start = time.process_time()
    reference = [by_tokens(text) for _, text in texts]
    tokens_s = time.process_time() - start
    start = time.process_time()
    scanned = [measure(text) for _, text in texts]
    scan_s = time.process_time() - start
    compared = [(path, ref, got) for (path, _), ref, got in zip(texts, reference, scanned,
                                                                 strict=True) if ref is not None]
    differ = [(path, ref, got) for path, ref, got in compared if ref != got]
    print(f"{len(texts):,} files, {len(compared):,} read to the end by tokenize; "
          f"CPU s: tokenize {tokens_s:.3f}, scan {scan_s:.3f} ({tokens_s / scan_s:.1f}x); "
          f"{len(differ)} differ")
    for path, ref, got in differ:
        print(f"  {path}: tokenize (depth, chain) {ref}, scan {got}")


if __name__ == "__main__":
    main()
