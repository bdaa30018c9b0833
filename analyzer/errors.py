"""The few ways a scan can fail, each with the exit code the CLI gives it.

Every failure a user can cause (a bad URL, a missing path, a repository that
cannot be cloned or is over a limit) is one of these; the CLI prints
``str(error)`` as one line and exits 2. Anything else is a bug: exit 3.
Messages never hold a URL's credentials (``acquire.redact``).
"""

from typing import ClassVar


class ModernityError(Exception):
    """Base of every error the CLI reports as one line instead of a traceback."""

    exit_code: ClassVar[int] = 2


class TargetError(ModernityError):
    """The target is malformed, unsafe or missing (rejected before anything runs)."""


class CloneError(ModernityError):
    """The target looked right but could not be fetched (unreachable, private, no such ref)."""


class ConfigError(ModernityError):
    """An option's value is unusable (unknown check name, bad weight, bad date)."""


class LimitError(ModernityError):
    """The repository is over a safety limit (``--max-repo-mb``, ``--max-files``)."""


class RepositoryError(ModernityError):
    """A local repository git cannot read, or one built to escape the target or hang the scan."""
