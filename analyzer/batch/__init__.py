"""Batches of candidates: a CSV in, one stored result per target out, resumable.

``plan`` reads the CSV and expands GitHub profiles into targets, ``worker`` scans one
target in a child process under a time limit, ``runner`` runs the targets on local
threads or on Dask and writes each result to the ``store`` as it finishes.
"""
