"""Helpers used by two or more checks (single-use helpers live inside their check's package)."""
