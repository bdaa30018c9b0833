"""The scan command's options: turning their text into values (dates, weights, target
lists, cores), and the options a GitHub profile target adds."""

import os
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

import click

from analyzer.errors import ConfigError


def parse_now(text: str | None) -> datetime:
    if text is None:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"--now wants an ISO date such as 2026-06-01, not {text!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_weights(items: tuple[str, ...]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for item in items:
        from analyzer.registry import get_check  # noqa: PLC0415  (imports every check)

        name, _, number = item.partition("=")
        get_check(name)
        try:
            weights[name] = float(number)
        except ValueError:
            raise ConfigError(f"--weight wants CHECK=NUMBER, not {item!r}") from None
        if weights[name] < 0:
            raise ConfigError(f"--weight {item!r}: weights cannot be negative")
    return weights


def read_targets(stream: TextIO | None) -> tuple[str, ...]:
    if stream is None:
        return ()
    # A comment starts a line or follows white space, so "#" inside a URL survives.
    lines = (re.sub(r"(^|\s)#.*$", "", line).strip() for line in stream)
    return tuple(line for line in lines if line)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not the machine's
    except AttributeError:
        return os.cpu_count() or 1


def profile_options(command: Callable[..., None]) -> Callable[..., None]:
    """``scan``'s options for a GitHub profile target (github:LOGIN)."""
    options = (
        click.option("--github-api", metavar="URL", help="GitHub API base URL for github:LOGIN "
                     "(default: $MODERNITY_GITHUB_API, else https://api.github.com)."),
        click.option("--max-repos", type=click.IntRange(min=1), default=10, show_default=True,
                     metavar="N", help="Scan at most N repositories of a GitHub profile."),
        click.option("--include-forks", is_flag=True, help="Scan a profile's forks too."),
    )
    for option in reversed(options):
        command = option(command)
    return command
