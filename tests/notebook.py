"""Building notebook JSON for tests, laid out as nbformat writes it (one source line per line)."""

import json


def notebook(*cells: str, language: str = "python") -> str:
    """A notebook with one code cell per argument (a cell starting with '#md ' is markdown)."""
    built = []
    for cell in cells:
        kind = "markdown" if cell.startswith("#md ") else "code"
        source = cell.splitlines(keepends=True)
        built.append({"cell_type": kind, "metadata": {}, "source": source, "outputs": []})
    document = {
        "cells": built, "metadata": {"kernelspec": {"language": language, "name": "k"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1) + "\n"
