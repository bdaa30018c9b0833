"""A kept report's document: what a scan printed, printed again without making the report.

A warm scan of an unchanged local target reuses its kept report (``analyzer.reportcache``),
but still decoded it, brought it to the scan's date (``analyzer.redate``) and rendered it,
importing the report's classes, the scoring and the role rubrics on the way: 11 ms of a
97 ms warm scan of flask. A scan of one target in a format other than the terminal's prints one
document made from that report, the date and the format alone, so the document is kept
beside the report, under the format's name and a key of the report's and the date,
and printed again as it was.

Anything that changes the report changes its key (its files, options, git state and
modernity's own files: ``analyzer.reportcache.report_key``), so a document is found
only for the very report it was rendered from. One document is kept per target and format
(the latest): a pipeline that writes JSON and SARIF of each scan finds both.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analyzer.cache import Cache
    from analyzer.report import Report

TABLE = "documents"


@dataclass(frozen=True, slots=True)
class Renderer:
    """How the scan's one document is made from its report, and the format's name."""

    fmt: str
    render: Callable[[Report], str]


@dataclass(frozen=True, slots=True)
class Document:
    """A target's rendered document, with what the CLI still needs of its report."""

    target: str
    text: str
    total: int  # the score, for --fail-under


def document_key(report_key: str, now: datetime) -> str:
    """The key of a document of the report kept under ``report_key``, rendered for ``now``
    (its format is in its row's name: ``_row``)."""
    return hashlib.sha256(f"{report_key}\0{now.isoformat()}".encode()).hexdigest()


def _row(target: str, fmt: str) -> str:
    return f"{target}\0{fmt}"


def kept(cache: Cache, target: str, fmt: str, report_key: str, now: datetime) -> Document | None:
    """The ``fmt`` document of ``target``'s report kept under ``report_key``, rendered for
    ``now``, if it was kept."""
    row = cache.report(_row(target, fmt), TABLE)
    if row is None or row[0] != document_key(report_key, now):
        return None
    try:
        found = json.loads(row[1])
        document = Document(target=found["target"], text=found["text"], total=found["total"])
    except (ValueError, KeyError, TypeError):
        return None  # a row from elsewhere (the cache is untrusted): rendered again
    if not all(isinstance(value, kind) for value, kind in (
            (document.target, str), (document.text, str), (document.total, int))):
        return None
    return document


def rendered(
    report: Report, renderer: Renderer, cache: Cache | None, target: str,
    report_key: str | None, now: datetime,
) -> Document:
    """``report``'s document, kept when the report itself was (under ``report_key``)."""
    document = Document(report.target, renderer.render(report), report.score.total)
    if cache is not None and report_key is not None:
        payload = {"target": document.target, "text": document.text, "total": document.total}
        cache.keep_report(_row(target, renderer.fmt), document_key(report_key, now),
                          json.dumps(payload).encode(), TABLE)
    return document
