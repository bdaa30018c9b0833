"""What a scan produced (``Report``, in ``analyzer.report.model``) and its formats.

The package itself imports nothing: a warm scan whose document was kept
(``analyzer.documents``) prints it without loading the report's classes, the scoring
and the role rubrics they name. ``from analyzer.report import Report`` still works.
"""

from typing import TYPE_CHECKING, Any

SCHEMA = "modernity/1"

if TYPE_CHECKING:
    from analyzer.report.model import Report, format_value
else:
    def __getattr__(name: str) -> Any:
        if name in {"Report", "format_value"}:
            from analyzer.report import model  # noqa: PLC0415

            return getattr(model, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["SCHEMA", "Report", "format_value"]
