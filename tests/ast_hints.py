"""An independent type-hint count written with the standard library's ``ast``.

The cross-check for the type_hints check: same definition (a function is annotated when
its return or any parameter is; ``@overload`` stubs and lambdas are not functions; test
folders are not production), different parser and code. Parsing only: nothing is run.
Usage: ``python -m tests.ast_hints DIR`` prints ``annotated/functions = share``.
"""

import ast
import sys
from pathlib import Path

NOT_PRODUCTION = {"tests", "test", "testing", "fixtures", "testdata", ".venv", "venv", "build"}


def _is_overload(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Attribute):
            name = decorator.attr
        else:
            name = decorator.id if isinstance(decorator, ast.Name) else ""
        if name == "overload":
            return True
    return False


def _annotated(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    args = node.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
    return node.returns is not None or any(a is not None and a.annotation for a in every)


def count(root: Path) -> tuple[int, int]:
    """(functions, annotated) over the production ``.py`` files under ``root``."""
    functions = annotated = 0
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if NOT_PRODUCTION & set(relative.parts[:-1]) or relative.name.startswith("test_"):
            continue
        tree = ast.parse(path.read_bytes(), filename=str(relative))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not _is_overload(node):
                functions += 1
                annotated += _annotated(node)
    return functions, annotated


if __name__ == "__main__":
    total, typed = count(Path(sys.argv[1]))
    print(f"{typed}/{total} = {typed / total:.4f}")
