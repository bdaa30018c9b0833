"""One target from text to report: acquire, build facts, run checks, score.

A local target scanned before, unchanged, gets its kept report back
(``analyzer.reportcache``): no file analysed, and the workers' fork server is not even
started. Scanned with the same date, no history is read and no check imported; with
another (a scan without ``--now``), only the checks that read the date fold again
(``analyzer.redate``). ``scan_document`` goes one step further for the CLI's one document:
the same scan again prints what it printed (``analyzer.documents``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Required, TypedDict, Unpack, cast

import analyzer
from analyzer import codec
from analyzer.acquire import Kind, acquire, in_place, parse_target, redact
from analyzer.cache import Cache
from analyzer.documents import Document, Renderer, kept, rendered
from analyzer.errors import ModernityError
from analyzer.pool import prepare
from analyzer.walk import Found, Limits, open_repo

if TYPE_CHECKING:  # a warm scan whose document was kept loads neither (analyzer.documents)
    from analyzer.dated import Redo
    from analyzer.engine import Stats
    from analyzer.report import Report
    from analyzer.rules import Rubric


class ScanOptions(TypedDict, total=False):
    """``scan``'s keywords; every one but ``now`` has the default ``_scan`` gives it."""

    now: Required[datetime]
    ref: str | None
    weights: Mapping[str, float] | None
    allow_local: bool
    authors: tuple[str, ...]
    limits: Limits | None
    jobs: int
    use_cache: bool
    on_stats: Callable[[Stats], None] | None
    on_stage: Callable[[str], None] | None
    role: str | None
    rubric: Rubric | None
    rubric_source: str


def scan(target_text: str, **options: Unpack[ScanOptions]) -> Report:
    """The report of one target."""
    return cast("Report", _scan(target_text, None, **options))


def scan_document(
    target_text: str, renderer: Renderer, **options: Unpack[ScanOptions],
) -> Document:
    """The one document ``renderer`` makes of the target's report: the kept one when the
    report is unchanged and was rendered for the same date and format before."""
    return cast("Document", _scan(target_text, renderer, **options))


def _scan(
    target_text: str,
    renderer: Renderer | None,
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
) -> Report | Document:
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
                printed = _kept_document(cache, target.display, key, now, renderer)
                report = printed or _reused(kept[1], target.display, found, options)
                if report is not None:
                    _counted(found, on_stats)
                    return _document(report, renderer, cache, target.display, key, now)
            report, stats, redo = _report(found, options, jobs, cache, on_stage=stage)
            if key is not None and cache is not None and not stats.uncached \
                    and _key(found, options) == key:  # nothing changed while it was analysed
                _keep(cache, target.display, key, report, redo)
            else:
                key = None  # the report is not kept, nor its document
            result = _document(report, renderer, cache, target.display, key, now)
    finally:
        if cache is not None:
            cache.close()
    if on_stats is not None:
        on_stats(stats)
    return result


def _kept_document(
    cache: Cache | None, target: str, key: str, now: datetime, renderer: Renderer | None,
) -> Document | None:
    if cache is None or renderer is None:
        return None
    return kept(cache, target, renderer.fmt, key, now)


def _document(
    report: Report | Document, renderer: Renderer | None, cache: Cache | None, target: str,
    key: str | None, now: datetime,
) -> Report | Document:
    """``report`` itself without a renderer; else its document, kept with the report."""
    if renderer is None or isinstance(report, Document):
        return report
    return rendered(report, renderer, cache, target, key, now)


def _report(
    found: Found, options: dict[str, Any], jobs: int, cache: Cache | None,
    on_stage: Callable[[str], None],
) -> tuple[Report, Stats, tuple[Redo, ...]]:
    from analyzer.engine import run  # noqa: PLC0415  (a kept report needs no engine)
    from analyzer.fit import judge  # noqa: PLC0415
    from analyzer.report import Report  # noqa: PLC0415
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
        tool_version=analyzer.__version__,
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
    renderer: Renderer | None = None,
) -> tuple[Report | Document | dict[str, str], bool]:
    """The target's report (its document, with a ``renderer``), or ``{target, error}`` and
    whether that error is a bug of ours. ``on_error`` runs inside the handler (to print
    the traceback)."""
    try:
        if renderer is None:
            return scan(target, **options), False
        return scan_document(target, renderer, **options), False
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
