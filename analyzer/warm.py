"""What the workers' fork server imports before it forks: the checks that read files.

Each worker is a fork of that server, so whatever is loaded here is loaded once per
scan, not once per worker (the check modules alone take a few hundredths of a second).
Checks of the repository as a whole never run in a worker: their modules stay unloaded.
"""

from contextlib import suppress

from analyzer.codecache import kept_dataclass_code

# The checks whose observations come from each file (``is_file_level``); a test keeps this
# list true. One missing here still runs: its workers import it on their first file.
FILE_CHECKS = (
    "api_design", "async_code", "complexity", "data_quality", "docs", "frameworks", "hygiene",
    "idioms", "match_statements", "ml_practice", "python2_idioms", "python_version", "sql",
    "tests", "tutorial_code", "type_hints",
)

with kept_dataclass_code():  # libcst's node classes and ours: 1,207 compiles otherwise
    # libcst imports its native parser on the first parse: here, once for every worker
    import libcst.native  # type: ignore[import-not-found]  # noqa: F401  (no stubs)

    from analyzer import engine, logical, parse  # noqa: F401  (logical: on the first line asked)
    from analyzer._child_fields import CHILD_FIELDS  # noqa: F401  (each node's fields)
    from analyzer.registry import get_check

    parse.ready()  # libcst's faster node constructors
    for _name in FILE_CHECKS:
        with suppress(Exception):  # a check that fails to import fails in its worker, reported
            get_check(_name).is_file_level()  # caches the names of its visit_/leave_ methods
