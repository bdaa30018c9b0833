"""A kept report is dropped when modernity's own files change, and only then."""

import os
from pathlib import Path

from analyzer.reportcache import files_digest


def _package(root: Path) -> dict[str, str]:
    (root / "pkg" / "sub").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("A = 1\n")
    (root / "pkg" / "sub" / "check.py").write_text("B = 2\n")
    return {"pkg": str(root / "pkg")}


def test_the_digest_is_stable_and_ignores_bytecode(tmp_path: Path) -> None:
    packages = _package(tmp_path)
    before = files_digest(packages)
    (tmp_path / "pkg" / "__pycache__").mkdir()
    (tmp_path / "pkg" / "__pycache__" / "check.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "pkg" / "sub" / "old.pyc").write_bytes(b"\0")
    assert files_digest(packages) == before


def test_an_edited_added_or_removed_file_changes_the_digest(tmp_path: Path) -> None:
    packages = _package(tmp_path)
    check = tmp_path / "pkg" / "sub" / "check.py"
    seen = {files_digest(packages)}
    check.write_text("B = 3\n")  # the same size: told apart by its modification time
    os.utime(check, ns=(check.stat().st_atime_ns, check.stat().st_mtime_ns + 1_000_000))
    seen.add(files_digest(packages))
    (tmp_path / "pkg" / "sub" / "new.py").write_text("")
    seen.add(files_digest(packages))
    check.unlink()
    seen.add(files_digest(packages))
    assert len(seen) == 4
