"""The role options of ``scan`` (``--role``, ``--rubric``) and ``explain --role``.

They live apart from ``analyzer.cli`` so the core command stays small: the decorator adds
both options and hands ``scan`` one ``judging`` mapping, already validated, for the pipeline.
"""

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

ROLE_NAMES = ("backend", "data-engineering", "data-science", "ml", "devops", "general")


def role_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--role`` and ``--rubric`` to ``command``, which receives ``judging``."""

    @click.option("--role", type=click.Choice(ROLE_NAMES), metavar="ROLE",
                  help="Judge as this role: " + ", ".join(ROLE_NAMES)
                  + " (default: the archetype detected from the code).")
    @click.option("--rubric", "rubric_path", metavar="FILE",
                  type=click.Path(dir_okay=False, path_type=Path),
                  help="Your own rubric (TOML): a base role, weights, thresholds, flag levels, "
                       "questions. See `modernity explain --role ROLE`.")
    @functools.wraps(command)
    def wrapper(*args: Any, role: str | None, rubric_path: Path | None, **kwargs: Any) -> Any:
        judging: dict[str, Any] = {"role": role}
        if rubric_path is not None:  # read before any scan, so a bad file costs nothing
            from analyzer.rubric_file import load  # noqa: PLC0415

            judging.update(rubric=load(rubric_path, role), rubric_source=str(rubric_path))
        return command(*args, judging=judging, **kwargs)

    return wrapper


def explain_role(role: str, rubric_path: Path | None) -> None:
    from analyzer.roles import ROLES, describe  # noqa: PLC0415
    from analyzer.rubric_file import load  # noqa: PLC0415

    click.echo(describe(load(rubric_path, role) if rubric_path else ROLES[role]))
