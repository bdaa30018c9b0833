"""What the workers' fork server imports before it forks: every check and their caches.

Each worker is a fork of that server, so whatever is loaded here is loaded once per
scan, not once per worker (the check modules alone take a few tenths of a second).
"""

import inspect

import libcst as cst

from analyzer import engine  # noqa: F401  (what a worker runs)
from analyzer.registry import all_checks
from analyzer.traverse import child_fields

for _check in all_checks():
    _check.is_file_level()  # caches the names of its visit_/leave_ methods
for _kind in vars(cst).values():
    if inspect.isclass(_kind) and issubclass(_kind, cst.CSTNode) and not inspect.isabstract(_kind):
        child_fields(_kind)
