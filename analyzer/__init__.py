"""modernity's core: acquire a target, build its facts, run the checks, score, report."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("modernity")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
