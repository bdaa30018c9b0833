"""Start-up stays lean: help and version never load the parser, the renderer or git."""

import subprocess
import sys

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
