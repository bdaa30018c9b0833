"""The ``modernity`` console script, importing the CLI only when run.

Each analysis worker imports the script that started the scan again (multiprocessing
does, to find the functions it was sent by name); a script that imported the whole
CLI (click and every command) made every worker pay for it before its first file.
"""


def run() -> None:
    from analyzer.cli import main  # noqa: PLC0415  (not in a worker: see above)

    main()
