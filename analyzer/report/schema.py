"""The JSON Schema of the ``modernity/1`` document (``modernity schema`` prints it).

Pipelines validate against it; every golden report is validated against it in the
tests. A check's ``details`` are its own and grow over time, so they are only
required to be an object; everything around them is fixed by this schema.
"""

from typing import Any

from analyzer.report import SCHEMA

_NUMBER_OR_NULL = {"type": ["number", "null"]}
_STRING_MAP = {"type": "object", "additionalProperties": {"type": "string"}}

_LOCATION = {
    "type": "object",
    "required": ["path", "line"],
    "additionalProperties": False,
    "properties": {
        "path": {"type": "string", "description": "Relative to the repository root."},
        "line": {"type": ["integer", "null"], "minimum": 1},
    },
}

_SIGNAL = {
    "type": "object",
    "required": ["check", "value", "display", "summary", "evidence", "details"],
    "additionalProperties": False,
    "properties": {
        "check": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
        "value": {**_NUMBER_OR_NULL, "description": "In the check's unit; null: does not apply."},
        "display": {"type": ["string", "null"]},
        "summary": {"type": "string"},
        "evidence": {"type": "array", "items": {"$ref": "#/$defs/location"}},
        "details": {"type": "object"},
    },
}

_FLAG = {
    "type": "object",
    "required": ["level", "check", "message", "caveat", "question"],
    "additionalProperties": False,
    "properties": {
        "level": {"enum": ["green", "yellow", "red"]},
        "check": {"type": "string"},
        "message": {"type": "string"},
        "caveat": {"type": "string"},
        "question": {"type": "string"},
    },
}

_ROLE = {  # the rubric that judged the code (``--role``, ``--rubric`` or detected) and questions
    "type": "object",
    "required": ["name", "title", "how", "general_total", "moved", "questions"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string"}, "title": {"type": "string"}, "how": {"type": "string"},
        "general_total": {"type": "integer", "minimum": 0, "maximum": 100},
        "moved": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["check", "default_weight", "weight", "points_before", "points_after",
                         "why"],
            "properties": {
                "check": {"type": "string"}, "default_weight": {"type": "number"},
                "weight": {"type": "number"}, "points_before": _NUMBER_OR_NULL,
                "points_after": _NUMBER_OR_NULL, "why": {"type": "string"},
            },
        }},
        "questions": {"type": "array", "maxItems": 8, "items": {
            "type": "object", "additionalProperties": False,
            "required": ["check", "path", "line", "text"],
            "properties": {
                "check": {"type": "string"}, "path": {"type": "string"},
                "line": {"type": ["integer", "null"]}, "text": {"type": "string"},
            },
        }},
    },
}

_REPORT = {
    "type": "object",
    "required": ["schema", "target", "commit", "scanned_at", "tool_version", "signals",
                 "score", "files"],
    "additionalProperties": False,
    "properties": {
        "schema": {"const": SCHEMA},
        "target": {"type": "string"},
        "commit": {"type": ["string", "null"], "pattern": "^[0-9a-f]{40,64}$"},
        "scanned_at": {"type": "string", "format": "date-time"},
        "tool_version": {"type": "string"},
        "signals": {"type": "array", "items": {"$ref": "#/$defs/signal"}},
        "score": {
            "type": "object",
            "required": ["total", "verdict", "contributions", "flags"],
            "additionalProperties": False,
            "properties": {
                "total": {"type": "integer", "minimum": 0, "maximum": 100},
                "verdict": {"type": "string"},
                "contributions": {"type": "object", "additionalProperties": _NUMBER_OR_NULL},
                "flags": {"type": "array", "items": {"$ref": "#/$defs/flag"}},
            },
        },
        "files": {
            "type": "object",
            "required": ["analysed", "python", "excluded", "unparsable"],
            "additionalProperties": False,
            "properties": {
                "analysed": {"type": "integer", "minimum": 0},
                "python": {"type": "integer", "minimum": 0},
                "excluded": _STRING_MAP,
                "unparsable": _STRING_MAP,
                "not_analysed": _STRING_MAP,
            },
        },
        "role": _ROLE,
    },
}

_FAILURE = {
    "type": "object",
    "required": ["target", "error"],
    "additionalProperties": False,
    "properties": {"target": {"type": "string"}, "error": {"type": "string"}},
}


def schema() -> dict[str, Any]:
    """One report for one target; for several, a list of reports and failures."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:modernity:schema:modernity-1",
        "title": "modernity report",
        "description": "The output of `modernity scan --format json` (schema modernity/1).",
        "oneOf": [
            {"$ref": "#/$defs/report"},
            {"type": "array", "items": {"oneOf": [
                {"$ref": "#/$defs/report"}, {"$ref": "#/$defs/failure"},
            ]}},
        ],
        "$defs": {
            "report": _REPORT, "signal": _SIGNAL, "flag": _FLAG, "location": _LOCATION,
            "failure": _FAILURE,
        },
    }
