"""The workers' fork server loads the checks that read files, and only those."""

import subprocess
import sys

from analyzer.registry import all_checks
from analyzer.warm import FILE_CHECKS


def test_the_list_of_file_checks_is_true() -> None:
    """Add a check that reads files (or change one's kind): update ``FILE_CHECKS``."""
    assert tuple(cls.name for cls in all_checks() if cls.is_file_level()) == FILE_CHECKS


def test_the_fork_server_leaves_repository_checks_unloaded() -> None:
    repository_level = sorted(cls.name for cls in all_checks() if not cls.is_file_level())
    assert "readme" in repository_level and "ci" in repository_level
    probe = ("import sys, analyzer.warm\n"
             "print(' '.join(sorted(n[7:] for n in sys.modules if n.startswith('checks.'))))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.split()
    assert set(FILE_CHECKS) <= set(loaded)
    assert not set(repository_level) & set(loaded)


def test_the_parent_imports_what_the_folds_need_while_the_workers_parse() -> None:
    """Modules a check's fold imports (kept out of the fork server) are imported by its
    ``prepare_fold``, which the parent runs during the analysis, not after it."""
    probe = ("import sys, analyzer.warm\n"
             "from analyzer.registry import get_check\n"
             "fold_only = ['checks.tests._summary', 'checks.python_version._declared',\n"
             "             'checks.tutorial_code._found']\n"
             "print([name in sys.modules for name in fold_only])\n"
             "for name in ('tests', 'python_version', 'tutorial_code'):\n"
             "    get_check(name).prepare_fold()\n"
             "print([name in sys.modules for name in fold_only])\n")
    printed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    assert printed == ["[False, False, False]", "[True, True, True]"]
