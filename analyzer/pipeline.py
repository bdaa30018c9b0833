"""One target from text to report: acquire, build facts, run checks, score.

A local target scanned before, unchanged, gets its kept report back
(``analyzer.reportcache``): no file analysed, and the workers' fork server is not even
started. Scanned with the same date, no history is read and no check imported; with
another (a scan without ``--now``), only the checks that read the date fold again
(``analyzer.redate``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from analyzer import __version__, codec
from analyzer.acquire import Kind, acquire, in_place, parse_target, redact
from analyzer.cache import Cache
from analyzer.errors import ModernityError
from analyzer.pool import prepare
from analyzer.report import Report
from analyzer.rules import Rubric
from analyzer.walk import Found, Limits, open_repo

if TYPE_CHECKING:
    from analyzer.dated import Redo
    from analyzer.engine import Stats


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
    cache = Cache() if use_cache else None
    keep = cache is not None and in_place(target, ref) and not authors
    kept = cache.report(target.display) if keep and cache is not None else None
    if jobs > 0 and kept is None:  # else its report, or most of its files, are likely kept:
        prepare()  # the fork server then starts with the first file to analyse, if any
    options = {"target": target.display, "ref": ref, "now": now, "weights": weights,
               "role": role, "rubric": rubric, "rubric_source": rubric_source,
               "limits": limits}
    try:
        stage = on_stage or (lambda text: None)
        stage("cloning" if target.kind is Kind.URL else "reading files")
        with acquire(target, ref, limits) as root, open_repo(
            root, now=now, limits=limits, authors=authors, own_clone=not in_place(target, ref),
        ) as found:
            key = _key(found, options) if keep else None
            if key is not None and kept is not None and kept[0] == key:
                report = _reused(kept[1], target.display, found, options)
                if report is not None:
                    _counted(found, on_stats)
                    return report
            report, stats, redo = _report(found, options, jobs, cache, on_stage=stage)
            if key is not None and cache is not None and not stats.uncached \
                    and _key(found, options) == key:  # nothing changed while it was analysed
                _keep(cache, target.display, key, report, redo)
    finally:
        if cache is not None:
            cache.close()
    if on_stats is not None:
        on_stats(stats)
    return report


def _report(
    found: Found, options: dict[str, Any], jobs: int, cache: Cache | None,
    on_stage: Callable[[str], None],
) -> tuple[Report, Stats, tuple[Redo, ...]]:
    from analyzer.engine import run  # noqa: PLC0415  (a kept report needs no engine)
    from analyzer.fit import judge  # noqa: PLC0415
    from analyzer.report.excerpts import collect  # noqa: PLC0415

    repo = found.complete()
    limits = options["limits"] or Limits()
    on_stage(f"analysing {len(repo.python_files):,} Python files")
    analysis = run(repo, jobs=jobs, cache=cache, file_timeout=limits.file_timeout_seconds)
    excerpts = collect(repo, analysis.signals)
    judged, fit = judge(analysis.signals, options["weights"], options["role"],
                        options["rubric"], options["rubric_source"])
    return Report(
        target=options["target"],
        commit=repo.git.head if repo.git else None,
        scanned_at=options["now"],
        tool_version=__version__,
        signals=analysis.signals,
        score=judged,
        analysed_files=len(repo.files),
        python_files=len(repo.python_files),
        excluded=repo.excluded,
        unparsable=analysis.unparsable,
        excerpts=excerpts,
        fit=fit,
    ), analysis.stats, analysis.redo


def _key(found: Found, options: Mapping[str, Any]) -> str | None:
    """Everything but the date: a kept report is brought to this scan's (``analyzer.redate``)."""
    from analyzer.reportcache import report_key  # noqa: PLC0415

    return report_key(found, {name: v for name, v in options.items() if name != "now"})


def _reused(
    row: bytes, target: str, found: Found, options: Mapping[str, Any],
) -> Report | None:
    from analyzer.redate import reuse  # noqa: PLC0415

    return reuse(row, target, found, options)


def _keep(cache: Cache, target: str, key: str, report: Report, redo: tuple[Redo, ...]) -> None:
    from analyzer.redate import payload  # noqa: PLC0415

    try:
        cache.keep_report(target, key, payload(report, redo))
    except codec.InvalidError:  # a value the codec cannot carry: scanned again next time
        return


def _counted(found: Found, on_stats: Callable[[Stats], None] | None) -> None:
    if on_stats is not None:
        from analyzer.engine import Stats  # noqa: PLC0415

        files = len(found.repo.python_files) + len(found.repo.notebooks)
        on_stats(Stats(files=files, cached=files))


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
