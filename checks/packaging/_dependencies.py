"""Dependency declarations read statically: requirement strings, requirements files, setup.py.

``setup.py`` is parsed with ``ast`` and never executed: only literal lists passed
to ``setup(install_requires=...)`` (directly or through a module-level name) count.
"""

import ast
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from analyzer.api import Repo

PINS = ("exact", "compatible", "upper_bound", "lower_bound_only", "unpinned", "url")
PINNED = frozenset({"exact", "compatible", "upper_bound", "url"})
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$")


def pin_of(spec: str) -> str:
    """How tightly one requirement (PEP 508 or Poetry style) fixes its version."""
    spec = spec.split(";", 1)[0].strip()
    if "://" in spec or spec.startswith(("git+", "-e ", "./", "../")):
        return "url"
    if "==" in spec or spec.startswith(("=", "===")):
        return "exact"
    if "~=" in spec or spec.startswith(("^", "~")):
        return "compatible"
    if "<" in spec:
        return "upper_bound"
    if ">" in spec:
        return "lower_bound_only"
    return "exact" if re.fullmatch(r"\d+(\.\d+)*", spec) else "unpinned"  # Poetry's "1.2.3"


def requirement_pins(requirements: Iterable[str]) -> Counter[str]:
    """Counts of each pin kind for PEP 508 strings such as ``"requests>=2,<3"``."""
    counts: Counter[str] = Counter()
    for requirement in requirements:
        found = _NAME.match(requirement)
        rest = found.group(3) if found else requirement
        counts[pin_of(rest if found else requirement)] += 1
    return counts


def requirements_file(text: str) -> tuple[list[str], bool]:
    """The requirement lines of a pip requirements file, and whether it pins by hash."""
    lines = []
    for raw in re.sub(r"\\\n", " ", text).splitlines():
        line = raw.split(" #", 1)[0].strip()
        if line and not line.startswith(("#", "-", ".")):  # options, includes, local paths
            lines.append(line.split(" --hash", 1)[0])
    return lines, "--hash=" in text


def _literal_strings(node: ast.expr | None) -> list[str] | None:
    if isinstance(node, ast.List | ast.Tuple) and all(
        isinstance(item, ast.Constant) and isinstance(item.value, str) for item in node.elts
    ):
        return [str(item.value) for item in node.elts if isinstance(item, ast.Constant)]
    return None


def _setup_calls(tree: ast.Module) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "setup":
                yield node


def setup_py(repo: Repo, path: str) -> tuple[int | None, list[str] | None]:
    """The line of the ``setup(...)`` call and its literal ``install_requires``, if readable."""
    try:
        tree = ast.parse(repo.text(path))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None, None
    names = {
        target.id: node.value for node in tree.body if isinstance(node, ast.Assign)
        for target in node.targets if isinstance(target, ast.Name)
    }
    for call in _setup_calls(tree):
        for keyword in call.keywords:
            if keyword.arg == "install_requires":
                value = keyword.value
                if isinstance(value, ast.Name):
                    value = names.get(value.id, value)
                return call.lineno, _literal_strings(value)
        return call.lineno, []
    return None, None
