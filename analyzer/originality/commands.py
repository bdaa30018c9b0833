"""``modernity corpus build|add|list`` and ``modernity compare``: the originality commands."""

import sys
from pathlib import Path
from typing import NoReturn

import click

from analyzer.errors import ModernityError

EXIT_BAD_INPUT = 2


def _fail(error: ModernityError | str) -> NoReturn:
    from analyzer.report.printable import clean  # noqa: PLC0415

    click.echo(f"modernity: {clean(str(error))}", err=True)
    sys.exit(error.exit_code if isinstance(error, ModernityError) else EXIT_BAD_INPUT)


@click.group(name="corpus")
def corpus_group() -> None:
    """The known tutorials, courses and starters that tutorial_code and compare look for."""


@corpus_group.command(name="build")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path),
              help="Sources to fingerprint (default: the one shipped with modernity).")
@click.option("--sources", type=click.Path(file_okay=False, path_type=Path),
              help="Directory of local clones named owner+name (else each is cloned).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the corpus (default: the one shipped with modernity).")
@click.option("--only", multiple=True, metavar="NAME", help="Build only these sources.")
def build(manifest: Path | None, sources: Path | None, output: Path | None,
          only: tuple[str, ...]) -> None:
    """Fingerprint every source of the manifest (hashes and line numbers, never code)."""
    from analyzer.originality import build as builder  # noqa: PLC0415
    from analyzer.originality import corpus  # noqa: PLC0415

    try:
        wanted = builder.read_manifest(manifest or builder.MANIFEST)
        entries = [builder.build_source(s, sources)
                   for s in wanted if not only or s["name"] in only]
    except ModernityError as error:
        _fail(error)
    for entry in entries:
        click.echo(f"{entry.name}: {len(entry.files)} files, {entry.lines:,} code lines, "
                   f"{sum(len(f.fingerprints) for f in entry.files):,} fingerprints", err=True)
    corpus.save(entries, output or corpus.SHIPPED)


@corpus_group.command(name="add")
@click.argument("name")
@click.argument("target")
def add(name: str, target: str) -> None:
    """Add TARGET (a directory or git URL: a starter, last year's submissions) as NAME."""
    from analyzer.acquire import acquire, parse_target  # noqa: PLC0415
    from analyzer.originality import corpus  # noqa: PLC0415
    from analyzer.originality.build import entry_from_target  # noqa: PLC0415

    path = corpus.user_corpus_path()
    try:
        with acquire(parse_target(target)) as root:
            entry = entry_from_target(name, root)
        mine = [e for e in corpus.load(path) if e.name != name]
    except ModernityError as error:
        _fail(error)
    corpus.save([*mine, entry], path)
    click.echo(f"{name}: {len(entry.files)} files, {entry.lines:,} code lines added to {path}")


@corpus_group.command(name="list")
def list_entries() -> None:
    """Every corpus entry: name, code lines, source."""
    from analyzer.originality import corpus  # noqa: PLC0415

    try:
        entries = corpus.all_entries()
    except ModernityError as error:
        _fail(error)
    for entry in entries:
        click.echo(f"{entry.name:<34} {entry.lines:>6,} lines  {entry.url}@{entry.commit[:10]}")


@click.command(name="compare")
@click.argument("targets", nargs=-1, required=True)
@click.option("--starter", metavar="TARGET",
              help="The code every submission started from: never counted as shared.")
@click.option("--format", "fmt", type=click.Choice(["terminal", "json", "html"]),
              default="terminal", show_default=True, help="Report format.")
@click.option("--no-local", is_flag=True, help="Refuse local paths and file:// URLs.")
def compare_command(
    targets: tuple[str, ...], starter: str | None, fmt: str, no_local: bool,
) -> None:
    """Compare one assignment's submissions (TARGETS: git URLs or directories) with each other."""
    from analyzer.originality import cohort_report  # noqa: PLC0415
    from analyzer.originality.compare import compare  # noqa: PLC0415
    from analyzer.originality.corpus import all_entries  # noqa: PLC0415

    if len(targets) < 2:
        _fail("compare needs at least two submissions")
    try:
        loaded = [cohort_report.load(t, allow_local=not no_local) for t in targets]
        base = cohort_report.load(starter, allow_local=not no_local) if starter else None
        names = [s.name for s in loaded]
        if len(set(names)) != len(names):
            _fail("two submissions have the same name; give distinct targets")
        cohort = compare({s.name: s.shapes for s in loaded}, base.shapes if base else None,
                         all_entries())
    except ModernityError as error:
        _fail(error)
    click.echo(cohort_report.render(fmt, cohort, {s.name: s.texts for s in loaded}), nl=False)
