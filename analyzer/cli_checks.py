"""The commands about the checks themselves: ``checks``, ``explain`` and ``new-check``."""

from pathlib import Path

import click

from analyzer.cli_roles import ROLE_NAMES, explain_role


@click.command(name="checks")
@click.option("--markdown", is_flag=True, help="Print the README's table of checks.")
def checks_command(markdown: bool) -> None:
    """List every check with its one-line title."""
    from analyzer.catalogue import markdown_table  # noqa: PLC0415
    from analyzer.registry import all_checks  # noqa: PLC0415

    if markdown:
        click.echo(markdown_table())
        return
    width = max(len(cls.name) for cls in all_checks())
    for cls in all_checks():
        click.echo(f"{cls.name:<{width}}  {cls.title()}")


@click.command()
@click.argument("name", required=False)
@click.option("--role", type=click.Choice(ROLE_NAMES), help="Print this role's rubric instead.")
@click.option("--rubric", "rubric_path", type=click.Path(dir_okay=False, path_type=Path),
              metavar="FILE", help="With --role: print your rubric file as it would apply.")
def explain(name: str | None, role: str | None, rubric_path: Path | None) -> None:
    """Print the documentation of check NAME, or a role's rubric (--role)."""
    from analyzer.registry import get_check  # noqa: PLC0415

    if role or rubric_path:
        explain_role(role or "general", rubric_path)
        return
    if name is None:
        raise click.UsageError("give a check NAME or --role ROLE")
    cls = get_check(name)
    click.echo(f"{cls.name}: {cls.doc}")
    if cls.rule is None or not cls.rule.weight:
        click.echo("\nScoring: informative only (weight 0).")
    else:
        click.echo(f"\nScoring: weight {cls.rule.weight:g} of the default rubric.")


@click.command(name="new-check")
@click.argument("name")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="The modernity source tree to write into.")
def new_check(name: str, root: Path) -> None:
    """Write a new check NAME and its test from the template (for contributors)."""
    from analyzer.catalogue import scaffold  # noqa: PLC0415

    for path in scaffold(name, root):
        click.echo(f"wrote {path}")
