"""The complexity check's counts, taken in the libcst walk, against radon's own on ``ast``.

Run on demand over directories of real Python files (never our own fixtures):

    .venv/bin/python benchmarks/radon_equality.py ~/.cache/modernity-bench/staged/django ...

For every file both ``ast`` and libcst read, radon's way (``cc_visit_ast`` for each
ranked function's complexity and line, ``h_visit_ast`` for the Halstead volume, then
``mi_compute``) must give the same ranked functions and the same maintainability
index as the check. Prints the files, functions and differences found; exits 1 on any.
"""

import argparse
import sys
from pathlib import Path

from analyzer.check import SourceFile
from analyzer.engine import analyse_source
from analyzer.paths import Role
from analyzer.registry import get_check

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the reference is a test's
from tests.radon_reference import radons


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path)
    args = parser.parse_args()
    files = functions = 0
    differ: list[str] = []
    for root in args.roots:
        for path in sorted(root.rglob("*.py")):
            if not path.is_file():
                continue
            text = path.read_bytes().decode("utf-8", "replace")
            expected = radons(text)
            source = SourceFile(str(path), Role.PRODUCTION)
            result = analyse_source(source, text, [get_check("complexity")])
            if expected is None or result.error is not None:
                continue
            ours = result.observations["complexity"]
            files += 1
            functions += len(expected.scores)
            if ours != expected:
                differ.append(f"{path}: radon {expected.scores[:3]} mi {expected.mi}; "
                              f"walk {getattr(ours, 'scores', ())[:3]} mi {getattr(ours, 'mi', 0)}")
    for line in differ[:40]:
        print(line)
    print(f"{files} files, {functions} functions; {len(differ)} files differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
