"""Files only Python 2 parses: their imports still say what the code works with."""

from dataclasses import replace

from analyzer.api import Fold
from checks._shared.python2_files import python2_sources
from checks._shared.python2_scan import imported_modules
from checks.frameworks._archetype import OWN, FileImports, observed
from checks.frameworks._catalogue import lookup


def with_python2(fold: Fold[FileImports]) -> Fold[FileImports]:
    """``fold`` with the imports of its Python 2 files and notebooks, read from their tokens:
    a 2017 notebook portfolio's pandas and scikit-learn are its skills all the same."""
    extra: dict[str, FileImports] = {}
    for path, code in python2_sources(fold, *OWN):
        keys: dict[str, int] = {}
        for module, line in imported_modules(code).items():
            if (key := lookup(module)) is not None:
                keys.setdefault(key, line)
        extra[path] = observed(keys, [], {})
    return replace(fold, files=dict(sorted({**fold.files, **extra}.items()))) if extra else fold
