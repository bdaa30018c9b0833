"""Every discovered check keeps the project's conventions (refurb's formatting test)."""

import inspect
import re
import sys
from pathlib import Path

import pytest
from radon.complexity import cc_rank, cc_visit

from analyzer.catalogue import markdown_table, readme_section
from analyzer.registry import all_checks

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = ("## What it measures", "## Why it matters", "## Example", "## Caveats")
NAMES = [cls.name for cls in all_checks()]
# The engine and the pool are what a check must never need (docs/adding-a-check.md).
FORBIDDEN = re.compile(
    r"^\s*(from|import) analyzer\.(engine|cache|pool|walk|gitfacts|acquire|score|rubric)\b", re.M,
)


def _module_file(name: str) -> Path:
    package = ROOT / "checks" / name / "__init__.py"
    return package if package.is_file() else ROOT / "checks" / f"{name}.py"


def test_checks_are_discovered() -> None:
    assert {"type_hints", "match_statements", "async_code", "tests", "readme",
            "last_commit"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_check_conventions(name: str) -> None:
    """snake_case name, documented headings, a test module, a clear title."""
    [cls] = [c for c in all_checks() if c.name == name]
    assert re.fullmatch(r"[a-z][a-z0-9_]*", name)
    for heading in HEADINGS:
        assert heading in cls.doc, f"{name}: docstring lacks {heading!r}"
    assert (ROOT / "tests" / "checks" / f"test_{name}.py").is_file()
    assert cls.title() and not cls.title().startswith("#")


@pytest.mark.parametrize("name", NAMES)
def test_check_module_is_small_and_simple(name: str) -> None:
    """A public check module stays under 120 lines and its result() grades C or better."""
    path = _module_file(name)
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 120, f"{path} has {len(source.splitlines())} lines"
    [cls] = [c for c in all_checks() if c.name == name]
    result = inspect.getsource(cls.result.__func__)  # type: ignore[attr-defined]
    [block] = [b for b in cc_visit(inspect.cleandoc("\n" + result)) if b.name == "result"]
    assert cc_rank(block.complexity) in "ABC", f"{name}.result is CC {block.complexity}"


@pytest.mark.parametrize("name", NAMES)
def test_check_imports_only_the_api(name: str) -> None:
    """A check never reaches into the engine, cache, pool, walker or scoring."""
    package = _module_file(name).parent if _module_file(name).name == "__init__.py" else None
    files = sorted(package.rglob("*.py")) if package else [_module_file(name)]
    for path in files:
        assert not FORBIDDEN.search(path.read_text(encoding="utf-8")), path


def test_readme_table_is_generated() -> None:
    """The README's list of checks is exactly what `modernity checks --markdown` prints."""
    assert readme_section((ROOT / "README.md").read_text()) == markdown_table()


def test_core_modules_stay_small() -> None:
    """Core modules stay under 250 lines."""
    sizes = {path: len(path.read_text().splitlines()) for path in (ROOT / "analyzer").rglob("*.py")}
    assert {str(p): n for p, n in sizes.items() if n > 250} == {}


def test_scaffold_writes_a_check_that_follows_the_conventions(tmp_path: Path) -> None:
    """`modernity new-check` writes a module with the doc headings and a working check."""
    from analyzer.catalogue import scaffold  # noqa: PLC0415
    from analyzer.check import FileCheck  # noqa: PLC0415

    module, test = scaffold("example_new_check", tmp_path)
    source = module.read_text()
    assert all(heading in source for heading in HEADINGS)
    namespace: dict[str, object] = {}
    exec(compile(source, str(module), "exec"), namespace)  # our own template, not scanned code
    cls = namespace["ExampleNewCheck"]
    assert isinstance(cls, type) and issubclass(cls, FileCheck)
    compile(test.read_text(), str(test), "exec")
    assert "example_new_check" not in sys.modules
