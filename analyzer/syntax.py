"""Where CPython's own parser rejects a file: the position a developer would see."""

import ast
import warnings


def python_syntax_error(text: str) -> str | None:
    """Where CPython's own parser stops (``line L, column C: Kind: message``), if it does.

    libcst reports some errors at line 1 (an IndentationError at line 27, an invalid
    character at line 424); the compiler's position is the one a developer would see.
    Only parsed into a tree: never compiled to code, never run.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes and the like are not our report
            ast.parse(text)
    except SyntaxError as error:
        kind, message = type(error).__name__, (error.msg or "invalid syntax").splitlines()[0]
        return f"line {error.lineno or 1}, column {error.offset or 1}: {kind}: {message}"
    except (ValueError, RecursionError, MemoryError, OverflowError):
        return None
    return None
