"""Third-party packages are recognised by what they hold, never by a folder name alone."""

from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import pytest

from analyzer.paths import TreeKind, kind_of_reason
from analyzer.vendoring import _listing, third_party_roots
from analyzer.walk import build_repo

INIT = "__init__.py"


def roots(files: dict[str, str]) -> dict[str, str]:
    return third_party_roots(sorted(files), lambda path: files.get(path, ""))


@pytest.mark.parametrize(("files", "expected"), [
    pytest.param({  # a wheel unpacked beside a Lambda handler: no licence, no metadata
        "fn/lambda_function.py": "import PIL\n", "fn/PIL/__init__.py": "",
        "fn/PIL/_version.py": "__version__ = '5.4.1'\n", "fn/PIL/Image.py": "",
        "fn/PIL/_imaging.cpython-37m-x86_64-linux-gnu.so": "",
    }, {"fn/PIL/"}, id="pillow-beside-a-handler"),
    pytest.param({  # pip install -t . : the dist-info record names the package
        "handler.py": "", "app/__init__.py": "", "pyjokes/__init__.py": "",
        "pyjokes-0.6.0.dist-info/RECORD": "pyjokes/__init__.py,sha256=x,10\n",
    }, {"pyjokes/"}, id="installed-by-record"),
    pytest.param({"tools/__init__.py": "", "tools/libfoo/__init__.py": "",
                  "tools/libfoo/LICENSE": "MIT"}, set(), id="licence-in-a-subpackage-is-own"),
    pytest.param({"lib/yaml/__init__.py": "", "lib/yaml/LICENSE": "MIT"}, {"lib/yaml/"},
                 id="package-with-its-own-licence"),
    pytest.param({  # refurb: checks *about* third-party libraries, inside its own package
        "setup.py": "", "refurb/__init__.py": "", "refurb/checks/__init__.py": "",
        "refurb/checks/third_party/__init__.py": "",
        "refurb/checks/third_party/fastapi/simplify_query.py": "",
    }, set(), id="third-party-folder-name-alone"),
    pytest.param({"src/pip/__init__.py": "", "src/pip/_vendor/__init__.py": "",
                  "src/pip/_vendor/vendor.txt": "six==1", "src/pip/_vendor/six.py": "",
                  "pyproject.toml": ""}, {"src/pip/_vendor/"}, id="vendor-folder-with-metadata"),
    pytest.param({"third_party/mylib.py": "", "app.py": ""}, {"third_party/"},
                 id="third-party-folder-outside-a-package"),
    pytest.param({  # the product: packaged from the root, however famous its name
        "pyproject.toml": "", "src/requests/__init__.py": "",
        "src/requests/__version__.py": "__version__ = '2.31.0'\n",
    }, set(), id="packaged-product-is-never-vendored"),
    pytest.param({"setup.py": "", "mypkg/__init__.py": "__version__ = '1.0'\n",
                  "mypkg/LICENSE": ""}, set(), id="own-package-with-root-setup"),
    pytest.param({"app/__init__.py": "__version__ = '0.1.0'\n", "app/main.py": ""}, set(),
                 id="one-weak-sign-is-not-enough"),
])
def test_third_party_packages_by_content(files: dict[str, str], expected: set[str]) -> None:
    assert set(roots(files)) == expected


def test_walk_excludes_a_copy_and_says_why(tmp_path: Path) -> None:
    """The copy is left out of the analysable files, and the reason names the evidence."""
    root = tmp_path / "repo"
    (root / "fn/PIL").mkdir(parents=True)
    (root / "fn/handler.py").write_text("import PIL\n")
    (root / "fn/PIL/__init__.py").write_text("__version__ = '5.4.1'\n")
    (root / "fn/PIL/Image.py").write_text("x = 1\n")
    (root / "fn/PIL/_imaging.so").write_bytes(b"\x7fELF\x00\x00")
    repo = build_repo(root, now=datetime(2026, 1, 1, tzinfo=UTC))
    assert tuple(repo.files) == ("fn/handler.py",)
    reason = repo.excluded["fn/PIL/"]
    assert kind_of_reason(reason) is TreeKind.VENDORED
    assert "3 files" in reason and "compiled extension" in reason and "__version__" in reason


def test_a_lambda_layer_is_installed_packages_with_its_metadata(tmp_path: Path) -> None:
    """``python/lib/python3.X/site-packages`` (a Lambda layer) and a loose ``*.dist-info``."""
    root = tmp_path / "repo"
    site = root / "layer/python/lib/python3.9/site-packages/requests"
    site.mkdir(parents=True)
    (site / "__init__.py").write_text("__version__ = '2.31.0'\n")
    (root / "fn/certifi-2024.2.2.dist-info").mkdir(parents=True)
    (root / "fn/certifi-2024.2.2.dist-info/RECORD").write_text("certifi/core.py,sha256=x,1\n")
    (root / "fn/certifi").mkdir()
    (root / "fn/certifi/__init__.py").write_text("from .core import where\n")
    (root / "fn/handler.py").write_text("import requests\n")
    repo = build_repo(root, now=datetime(2026, 1, 1, tzinfo=UTC))
    assert tuple(repo.files) == ("fn/handler.py",)
    kinds = {path: kind_of_reason(reason) for path, reason in repo.excluded.items()}
    assert kinds == {
        "layer/python/lib/python3.9/site-packages/": TreeKind.INSTALLED,
        "fn/certifi-2024.2.2.dist-info/": TreeKind.INSTALLED, "fn/certifi/": TreeKind.VENDORED,
    }


def _listing_by_pathlib(paths: list[str]) -> dict[str, set[str]]:
    """What ``_listing`` computed before it split clean paths as text."""
    listing: dict[str, set[str]] = {}
    for path in paths:
        parent = str(PurePosixPath(path).parent)
        parent = "" if parent == "." else parent + "/"
        listing.setdefault(parent, set()).add(PurePosixPath(path).name)
        for above in PurePosixPath(parent).parents:
            listing.setdefault("" if str(above) == "." else f"{above}/", set())
    return listing


def test_folder_listing_split_as_text_equals_pathlib() -> None:
    odd = ["a/../b.py", "..", "../x", "a/..", "/abs/x.py", "a//b.py", "./a.py", "a/./b",
           "a/b/", "x", "a/.hidden/..x", " a/b", "a\\b/c", "pkg/sub/deep/mod.py"]
    repository = Path(__file__).resolve().parent.parent
    mine = sorted(p.relative_to(repository).as_posix() for p in repository.rglob("*.py")
                  if ".venv" not in p.parts)
    for paths in ([p] for p in odd):
        assert _listing(paths) == _listing_by_pathlib(paths), paths
    assert _listing(odd + mine) == _listing_by_pathlib(odd + mine)
    assert len(_listing(mine)) > 10
