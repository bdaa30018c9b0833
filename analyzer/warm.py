"""What the workers' fork server imports before it forks: every check and their caches.

Each worker is a fork of that server, so whatever is loaded here is loaded once per
scan, not once per worker (the check modules alone take a few tenths of a second).
"""

from analyzer import engine, parse  # noqa: F401  (engine: what a worker runs)
from analyzer._child_fields import CHILD_FIELDS  # noqa: F401  (each node's fields, in order)
from analyzer.registry import all_checks

parse.ready()  # libcst's faster node constructors
for _check in all_checks():
    _check.is_file_level()  # caches the names of its visit_/leave_ methods
