import codecs
from pathlib import Path
from typing import cast

import pytest

from analyzer.model import Location, Signal
from analyzer.repo import Repo
from analyzer.walk import build_repo
from tests.conftest import signal_of
from tests.gitrepo import FIXTURES


def pins(signal: Signal) -> dict[str, int]:
    return cast("dict[str, int]", signal.details["pins"])

PEP621 = """\
[build-system]
requires = ["hatchling"]

[project]
name = "x"
dependencies = ["httpx>=0.27,<1", "rich", "attrs>=23", "click~=8.1", "six==1.16"]
"""
POETRY = """\
[tool.poetry]
name = "x"

[tool.poetry.dependencies]
python = "^3.11"
requests = "^2.31"
numpy = "*"
lib = {git = "https://example.com/lib.git"}
"""
SETUP_PY = """\
from setuptools import setup

REQUIRES = ['six==1.16', 'requests']

setup(name='x', install_requires=REQUIRES)
"""


def test_pep621_pins_are_counted() -> None:
    """PEP 621 metadata is level 2 and each dependency is classified by how it is pinned."""
    signal = signal_of(Repo.from_files({"pyproject.toml": PEP621, "uv.lock": "version = 1\n"}),
                       "packaging")
    assert signal.value == 2
    assert signal.details["metadata"] == ["PEP 621"]
    assert signal.details["pins"] == {"exact": 1, "compatible": 1, "upper_bound": 1,
                                      "lower_bound_only": 1, "unpinned": 1, "url": 0}
    assert signal.details["pinned"] == 3
    assert signal.details["lock_files"] == ["uv.lock"]
    assert Location("pyproject.toml", 4) in signal.evidence


def test_poetry_is_modern_metadata() -> None:
    """[tool.poetry] counts as modern metadata; caret ranges are compatible pins."""
    signal = signal_of(Repo.from_files({"pyproject.toml": POETRY}), "packaging")
    assert signal.value == 2
    assert pins(signal)["compatible"] == 1
    assert pins(signal)["unpinned"] == 1
    assert pins(signal)["url"] == 1


def test_setup_py_is_read_without_running_it() -> None:
    """setup.py is parsed: install_requires is followed to a module-level literal list."""
    signal = signal_of(Repo.from_files({"setup.py": SETUP_PY}), "packaging")
    assert signal.value == 1
    assert signal.details["dependencies"] == 2
    assert pins(signal)["exact"] == 1
    assert signal.evidence == (Location("setup.py", 5),)


@pytest.mark.parametrize(("files", "level", "deps", "locks"), [
    pytest.param({"requirements.txt": "flask==3.0 \\\n  --hash=sha256:ab\n# c\n-r dev.txt\n"
                                      "-e .\nb>=2\n"},
                 1, 2, ["requirements.txt"], id="hashed-requirements-are-a-lock"),
    pytest.param({"setup.cfg": "[metadata]\nname = x\n[options]\ninstall_requires =\n"
                               "    foo<2\n    bar %(x)s\n"},
                 1, 2, [], id="setup-cfg-no-interpolation"),
    pytest.param({"Pipfile": "[packages]\nrequests = '*'\n", "Pipfile.lock": "{}"}, 1, 1,
                 ["Pipfile.lock"], id="pipenv"),
    pytest.param({"tool.py": "print('hi')\n"}, 0, 0, [], id="nothing"),
    pytest.param({"setup.py": "setup(\n"}, 0, 0, [], id="unparsable-setup-py"),
])
def test_older_forms(files: dict[str, str], level: int, deps: int, locks: list[str]) -> None:
    """Older declarations give level 1, nothing gives 0; locks are listed."""
    signal = signal_of(Repo.from_files(files), "packaging")
    assert (signal.value, signal.details["dependencies"]) == (level, deps)
    assert signal.details["lock_files"] == locks


def test_utf16_requirements_file(tmp_path: Path) -> None:
    """A requirements.txt saved as UTF-16 with a BOM is read like any other."""
    text = "Django==4.2.7\r\npsycopg2-binary>=2.9\r\n"
    (tmp_path / "requirements.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    signal = signal_of(build_repo(tmp_path, now=Repo.from_files({}).now), "packaging")
    assert signal.details["dependencies"] == 2
    assert pins(signal)["exact"] == 1
    assert pins(signal)["lower_bound_only"] == 1


def test_utf16_fixture_is_kept_byte_exact() -> None:
    """The UTF-16 fixture keeps its BOM, NUL bytes and CRLFs (marked binary for git)."""
    data = (FIXTURES / "utf16_requirements" / "repo" / "requirements.txt").read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE)
    assert data[2:].decode("utf-16-le") == "Flask==3.0.2\r\nWerkzeug>=3.0,<3.1\r\ngunicorn\r\n"
