"""Start-up stays lean: help and version never load the parser, the renderer or git."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
from analyzer.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"libcst", "rich", "git"})
print(",".join(heavy), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["scan", "--help"]])
def test_help_imports_no_heavy_module(args: list[str]) -> None:
    """Neither libcst, rich nor GitPython is imported to print help."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True,
    )
    assert done.stdout
    assert done.stderr.strip() == ""


SCAN_PROBE = """
import sys
from analyzer.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
loaded = sorted({"rich", "jinja2", "libcst.matchers"} & set(sys.modules))
print(",".join(loaded), file=sys.stderr)
"""


def test_a_json_scan_loads_no_renderer_nor_matchers(tmp_path: Path) -> None:
    """A JSON scan imports neither rich nor jinja2, and no check needs libcst.matchers."""
    (tmp_path / "app.py").write_text("def f(a: int) -> int:\n    return a\n")
    done = subprocess.run(
        [sys.executable, "-c", SCAN_PROBE, "scan", str(tmp_path), "--format=json",
         "--now=2026-06-01", "--no-cache", "--jobs=1"],
        capture_output=True, text=True, check=True,
    )
    assert '"app.py"' in done.stdout or "app.py" in done.stdout
    assert done.stderr.strip() == ""


def _probe(unneeded: set[str]) -> str:
    """A scan that prints, on standard error, which of ``unneeded`` it loaded."""
    return (
        "import sys\nfrom analyzer.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        f"print(','.join(sorted({sorted(unneeded)!r} & sys.modules.keys())), file=sys.stderr)\n"
    )


WARM_PROBE = _probe(
    {"libcst._nodes", "multiprocessing", "tempfile", "analyzer.github", "traceback",
     "analyzer.batch.commands", "analyzer.originality.commands", "analyzer.cli_checks"})


def test_a_scan_whose_files_are_all_cached_never_imports_libcst(tmp_path: Path) -> None:
    """The second scan of the same files reuses its kept report: libcst (a third of a fold's
    CPU), the workers' machinery, tempfile, the GitHub client and traceback stay unloaded;
    the report is the same."""
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "app.py").write_text("def f(a: int) -> int:\n    return a\n")
    command = [sys.executable, "-c", WARM_PROBE, "scan", str(tmp_path / "repo"),
               "--format=json", "--now=2026-06-01"]
    env = {**os.environ, "MODERNITY_CACHE_DIR": str(tmp_path / "cache")}
    cold, warm = (subprocess.run(command, capture_output=True, text=True, check=True, env=env)
                  for _ in range(2))
    assert '"app.py"' in cold.stdout and warm.stdout == cold.stdout
    assert warm.stderr.strip() == ""


PARENT_PROBE = _probe({"libcst._nodes"})


def test_the_parent_of_a_cold_scan_never_imports_libcst(tmp_path: Path) -> None:
    """Only the workers parse: the parent lists the checks and folds their observations.
    A check module that names a libcst class at import time (outside a function) made
    the parent import libcst too, on the core the workers' fork server was starting on."""
    (tmp_path / "app.py").write_text("def f(a: int) -> int:\n    return a + 1.5j\n")
    done = subprocess.run(
        [sys.executable, "-c", PARENT_PROBE, "scan", str(tmp_path), "--format=json",
         "--now=2026-06-01", "--no-cache", "--jobs=1"],
        capture_output=True, text=True, check=True,
    )
    assert '"app.py"' in done.stdout
    assert done.stderr.strip() == ""


def test_the_console_script_module_imports_no_command() -> None:
    """Every analysis worker imports the script that started the scan again: its module
    must not bring the CLI (click and every command) along."""
    probe = ("import sys, analyzer.entry\n"
             "print(sorted({'click', 'analyzer.cli'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_every_command_is_listed_and_loads_under_its_own_name() -> None:
    """The commands besides scan are imported when asked for (``analyzer.cli._LAZY``)."""
    import click  # noqa: PLC0415

    from analyzer.cli import main  # noqa: PLC0415

    context = click.Context(main)
    names = main.list_commands(context)
    assert {"scan", "batch", "results", "checks", "explain", "schema", "corpus"} <= set(names)
    for name in names:
        command = main.get_command(context, name)
        assert command is not None and command.name == name


def test_the_console_script_runs_the_cli() -> None:
    script = Path(sys.executable).with_name("modernity")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("modernity")
