"""``modernity scan github:LOGIN``: list the candidate's repositories, scan each, report once."""

from collections.abc import Callable
from typing import Any

from analyzer import github
from analyzer.candidate import Entry, build
from analyzer.errors import ModernityError
from analyzer.profile_target import profile_login


def profile_entries(
    login: str, *, base: str, max_repos: int, include_forks: bool,
    scan_one: Callable[[str, tuple[str, ...]], dict[str, Any]],
) -> list[Entry]:
    """One entry per repository: scanned with the candidate's identity, or why not.

    ``scan_one(clone_url, authors)`` returns a report document; a repository that
    fails is recorded with its one-line error and never stops the others.
    """
    items = github.list_repos(login, base=base)
    authors = github.identities(login, items)
    entries = []
    for repo in github.choose(items, max_repos=max_repos, include_forks=include_forks):
        if repo.skipped:
            entries.append(Entry(repo.html_url or repo.name, skipped=repo.skipped))
            continue
        try:
            document = scan_one(repo.clone_url, authors)
        except ModernityError as error:
            entries.append(Entry(repo.html_url or repo.name, error=str(error)))
            continue
        entries.append(Entry(repo.html_url or repo.name, document=document))
    return entries


def scan_profile(login: str, *, base: str, max_repos: int, include_forks: bool,
                 options: dict[str, Any]) -> dict[str, Any]:
    """The candidate report of ``login``; ``options`` are ``pipeline.scan``'s keywords."""
    from analyzer.acquire import redact  # noqa: PLC0415
    from analyzer.pipeline import scan  # noqa: PLC0415
    from analyzer.report.json_report import document  # noqa: PLC0415

    extra = tuple(options.pop("authors", ()))

    def scan_one(url: str, authors: tuple[str, ...]) -> dict[str, Any]:
        try:
            return document(scan(url, authors=authors + extra, **options))
        except ModernityError:
            raise
        except Exception as error:  # one repository's bug must not lose the candidate's others
            first = (str(error).splitlines() or [""])[0]
            message = f"internal error: {type(error).__name__}: {first}"
            raise ModernityError(redact(message)) from None

    entries = profile_entries(login, base=base, max_repos=max_repos,
                              include_forks=include_forks, scan_one=scan_one)
    return build(f"github:{login}", entries)


def run_cli(targets: tuple[str, ...], fmt: str, options: dict[str, Any], *,
            github_api: str | None, max_repos: int, include_forks: bool) -> bool:
    """Print the candidate report when ``targets`` is one GitHub profile; False if it is not.

    Bad input (a bad login, an unknown user, the rate limit) is one line and exit 2.
    """
    import click  # noqa: PLC0415

    from analyzer.candidate import render_json, render_terminal  # noqa: PLC0415
    from analyzer.errors import ConfigError, TargetError  # noqa: PLC0415
    from analyzer.report.printable import clean  # noqa: PLC0415

    try:
        logins = [profile_login(target) for target in targets]
        if not any(logins):
            return False
        if len(targets) > 1:
            raise TargetError("scan one GitHub profile at a time (modernity batch takes many)")
        if fmt not in {"terminal", "json"}:
            raise ConfigError("a GitHub profile's candidate report is --format terminal or json")
        options = {k: v for k, v in options.items() if k != "on_stats"}
        report = scan_profile(str(logins[0]), base=github.api_base(github_api),
                              max_repos=max_repos, include_forks=include_forks, options=options)
    except ModernityError as error:
        click.echo(f"modernity: {clean(str(error))}", err=True)
        raise SystemExit(error.exit_code) from None
    if fmt == "json":
        click.echo(render_json(report), nl=False)
    else:
        from rich.console import Console  # noqa: PLC0415 - rich only for the terminal

        render_terminal(report, Console(soft_wrap=False))
    return True
