import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of

MODULE = '''\
"""A module."""


def documented():
    """Yes."""


def bare(): pass


def _private(): pass


class Thing:
    def __init__(self): pass

    def method(self): pass
'''


def test_coverage_follows_interrogate_public_definition() -> None:
    """Module, public functions, classes and methods count; _private and __init__ do not."""
    signal = signal_of(Repo.from_files({"pkg/mod.py": MODULE, "pkg/__init__.py": ""}), "docs")
    assert (signal.details["documented"], signal.details["public"]) == (2, 5)
    assert signal.value == pytest.approx(0.4)
    assert Location("pkg/mod.py", 8) in signal.evidence


@pytest.mark.parametrize("path", ["tests/test_mod.py", "tests/data/mod.py", "setup.py",
                                  "docs/conf.py"])
def test_only_production_code_counts(path: str) -> None:
    """Tests, test data, build scripts and the docs folder are not measured."""
    signal = signal_of(Repo.from_files({path: "def f(): pass\n"}), "docs")
    assert signal.value is None
    assert signal.details["public"] == 0


def test_sphinx_and_mkdocs_sites() -> None:
    """A Sphinx conf.py, an mkdocs.yml and a docs folder are reported with evidence."""
    repo = Repo.from_files({
        "docs/conf.py": "extensions = ['sphinx.ext.autodoc']\n", "docs/index.rst": "Hi\n",
        "mkdocs.yml": "site_name: x\n", "app.py": '"""App."""\n',
    })
    signal = signal_of(repo, "docs")
    assert signal.value == 1.0
    assert signal.details["sphinx"] == ["docs/conf.py"]
    assert signal.details["mkdocs"] == ["mkdocs.yml"]
    assert signal.details["docs_folders"] == ["docs/"]
    assert Location("docs/conf.py", 1) in signal.evidence
