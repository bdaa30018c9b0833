"""One target from text to report: acquire, build facts, run checks, score."""

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from analyzer import __version__
from analyzer.acquire import Kind, acquire, in_place, parse_target, redact
from analyzer.cache import Cache
from analyzer.engine import Stats, run
from analyzer.errors import ModernityError
from analyzer.fit import judge
from analyzer.pool import prepare
from analyzer.report import Report
from analyzer.report.excerpts import collect
from analyzer.rules import Rubric
from analyzer.walk import Limits, build_repo


def scan(
    target_text: str,
    *,
    now: datetime,
    ref: str | None = None,
    weights: Mapping[str, float] | None = None,
    allow_local: bool = True,
    authors: tuple[str, ...] = (),
    limits: Limits | None = None,
    jobs: int = 1,
    use_cache: bool = True,
    on_stats: Callable[[Stats], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    role: str | None = None,
    rubric: Rubric | None = None,
    rubric_source: str = "",
) -> Report:
    target = parse_target(target_text, allow_local=allow_local)
    if jobs > 0:
        prepare()
    cache = Cache() if use_cache else None
    try:
        stage = on_stage or (lambda text: None)
        stage("cloning" if target.kind is Kind.URL else "reading files")
        with acquire(target, ref, limits) as root:
            repo = build_repo(root, now=now, limits=limits, authors=authors,
                              own_clone=not in_place(target, ref))
            stage(f"analysing {len(repo.python_files):,} Python files")
            analysis = run(repo, jobs=jobs, cache=cache,
                           file_timeout=(limits or Limits()).file_timeout_seconds)
            excerpts = collect(repo, analysis.signals)
    finally:
        if cache is not None:
            cache.close()
    if on_stats is not None:
        on_stats(analysis.stats)
    judged, fit = judge(analysis.signals, weights, role, rubric, rubric_source)
    return Report(
        target=target.display,
        commit=repo.git.head if repo.git else None,
        scanned_at=now,
        tool_version=__version__,
        signals=analysis.signals,
        score=judged,
        analysed_files=len(repo.files),
        python_files=len(repo.python_files),
        excluded=repo.excluded,
        unparsable=analysis.unparsable,
        excerpts=excerpts,
        fit=fit,
    )


def scan_or_error(
    target: str, options: Mapping[str, Any], on_error: Callable[[], None] | None = None,
) -> tuple[Report | dict[str, str], bool]:
    """The target's report, or ``{target, error}`` and whether that error is a bug of ours.
    ``on_error`` runs inside the handler (to print the traceback)."""
    try:
        return scan(target, **options), False
    except ModernityError as error:
        if on_error is not None:
            on_error()
        return {"target": redact(target), "error": str(error)}, False
    except Exception as error:  # a bug must not lose the other targets' reports
        if on_error is not None:
            on_error()
        first = (str(error).splitlines() or [""])[0]  # one line, as every failure
        message = redact(f"internal error on {target}: {type(error).__name__}: {first}")
        return {"target": redact(target), "error": message}, True
