"""How often ``python_version`` agrees with the minimum versions vermin's authors expect.

Reads ``tests/lang.py`` of a local checkout of netromdk/vermin at run time (nothing of
vermin is stored in this repository), turns each single-version assertion on a literal
snippet into a case, and runs modernity's ``python_version`` and ``python2_idioms`` checks
on it through the engine API (``analyzer.engine.run`` on an in-memory one-file
repository). The file is only parsed with ``ast``: vermin's tests are never imported.

A case is ``assertOnlyIn(V, self.detect(S))``, ``assertOnlyIn(V, x.minimum_versions())``
after ``x = self.visit(S)``, or ``assertDetectMinVersions(S, V)``, where ``S`` is a string
literal and ``V`` one ``(major, minor)`` literal; cases vermin asserts under a non-default
configuration (``set_eval_annotations(True)``, ``enable_feature``) are left out. A
``(2, x)`` case agrees when modernity calls the snippet Python 2 code; a ``(3, x)`` case
when modernity's minimum is 3.x. Parenthesised context managers are scored by the choice
``checks.python_version`` documents (``PARENTHESISED_WITH``).

Usage: ``python benchmarks/vermin_agreement.py /work/corpus/vermin``
"""

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from analyzer.engine import run
from analyzer.registry import all_checks
from analyzer.repo import Repo
from checks.python_version._rules import PARENTHESISED_WITH


@dataclass(frozen=True)
class Case:
    test: str
    line: int
    source: str
    expected: tuple[int, int]


def _version(node: ast.expr) -> tuple[int, int] | None:
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return None
    ok = isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value)
    return (value[0], value[1]) if ok else None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _self_call(node: ast.expr, name: str) -> ast.Call | None:
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == name and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "self"):
        return node
    return None


class _Collector(ast.NodeVisitor):
    """Walks one test method in source order, following ``x = self.visit(S)``."""

    def __init__(self, test: str, bound: dict[str, object]) -> None:
        self.test = test
        self.bound = bound  # the arguments of one ``parameterized_args`` run
        self.sources: dict[str, str | None] = {}
        self.eval_annotations = False
        self.features: set[str] = set()
        self.cases: list[Case] = []

    def visit_Assign(self, node: ast.Assign) -> None:
        call = _self_call(node.value, "visit") or _self_call(node.value, "detect")
        for target in node.targets:
            if isinstance(target, ast.Name):
                snippet = self._literal(call.args[0]) if call and call.args else None
                self.sources[target.id] = snippet
        self.generic_visit(node)

    def _literal(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            value = self.bound.get(node.id)
            return value if isinstance(value, str) else None
        return _literal(node)

    def _snippet(self, node: ast.expr) -> str | None:
        detect = _self_call(node, "detect")
        if detect is not None and detect.args:
            return self._literal(detect.args[0])
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "minimum_versions"
                and isinstance(node.func.value, ast.Name)):
            return self.sources.get(node.func.value.id)
        return None

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        arg = node.args[0] if node.args and isinstance(node.args[0], ast.Constant) else None
        if isinstance(func, ast.Attribute) and func.attr == "set_eval_annotations":
            self.eval_annotations = arg is None or arg.value is not False
        elif isinstance(func, ast.Attribute) and func.attr == "enable_feature":
            self.features.add(str(arg.value if arg else "?"))
        source: str | None = None
        version: tuple[int, int] | None = None
        if _self_call(node, "assertOnlyIn") and len(node.args) >= 2:
            version, source = _version(node.args[0]), self._snippet(node.args[1])
        elif _self_call(node, "assertDetectMinVersions") and len(node.args) >= 2:
            source, version = self._literal(node.args[0]), _version(node.args[1])
        default = not self.eval_annotations and not self.features
        if source is not None and version is not None and default:
            self.cases.append(Case(self.test, node.lineno, source, version))
        self.generic_visit(node)


def _runs(node: ast.FunctionDef) -> list[dict[str, object]]:
    """One binding of the method's parameters per ``parameterized_args`` entry (or none)."""
    names = [a.arg for a in node.args.args[1:]]
    for decorator in node.decorator_list:
        if (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)
                and decorator.func.attr == "parameterized_args" and decorator.args):
            try:
                table = ast.literal_eval(decorator.args[0])
            except ValueError:
                return []
            return [dict(zip(names, row, strict=False)) for row in table]
    return [{}] if not names else []


def cases(lang: Path) -> Iterator[Case]:
    tree = ast.parse(lang.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            for bound in _runs(node):
                collector = _Collector(node.name, bound)
                for statement in node.body:
                    collector.visit(statement)
                yield from collector.cases


def answer(source: str) -> tuple[int, int] | None:
    """modernity's verdict: (2, 0) for Python 2 code, else the minimum; None if unparsable."""
    checks = [c for c in all_checks() if c.name in ("python_version", "python2_idioms")]
    signals = {s.check: s for s in run(Repo.from_files({"case.py": source}), checks).signals}
    details = signals["python_version"].details
    if details.get("python2_files"):
        return (2, 0)
    minimum = details.get("minimum")
    if not isinstance(minimum, str):
        return None
    major, minor = minimum.split(".")
    return int(major), int(minor)


def agrees(expected: tuple[int, int], got: tuple[int, int] | None) -> bool:
    if got is None:
        return False
    return got[0] == 2 if expected[0] == 2 else got == expected


def main(argv: list[str]) -> int:
    if not argv or not (Path(argv[0]) / "tests" / "lang.py").is_file():
        print("usage: vermin_agreement.py VERMIN_CHECKOUT", file=sys.stderr)
        return 2
    lang = Path(argv[0]) / "tests" / "lang.py"
    every = list(cases(lang))
    misses: list[tuple[Case, tuple[int, int] | None]] = []
    paren = 0
    for case in every:
        expected = case.expected
        if "with_parentheses" in case.test and expected[0] == 3:
            paren += 1
            expected = PARENTHESISED_WITH
        got = answer(case.source)
        if not agrees(expected, got):
            misses.append((case, got))
    good = len(every) - len(misses)
    print(f"python_version agrees with vermin's tests/lang.py on {good} of {len(every)} "
          f"cases ({100 * good / len(every):.1f}%); {paren} parenthesised-with cases scored "
          f"as {PARENTHESISED_WITH[0]}.{PARENTHESISED_WITH[1]}")
    for case, got in misses:
        shown = "unparsed" if got is None else f"{got[0]}.{got[1]}"
        print(f"  {case.test} (lang.py:{case.line}): expected "
              f"{case.expected[0]}.{case.expected[1]}, got {shown}: {case.source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
