"""``analyzer.lexer`` against ``tokenize``, on every Python file of the directories given.

Run on demand over real code (never our own fixtures):

    .venv/bin/python benchmarks/lexer_equality.py ~/.cache/modernity-bench/staged/django ...

For each file the scanner takes (it gives ``None`` for what it leaves to ``tokenize``),
its tokens must equal ``tokenize.generate_tokens``'s (type, text, first line, last
line), and ``tokenize`` must reach the end without error. Prints the files taken, those
left to ``tokenize`` by reason, the files that differ and both CPU times; exits 1 on any
difference.
"""

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from analyzer.lexer import lexemes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the reference is a test's
from tests.lexer_reference import reference


def reason(text: str) -> str:
    for why, found in (("empty", not text), ("no last line break", not text.endswith("\n")),
                       ("carriage return", "\r" in text), ("tab or form feed",
                       "\t" in text or "\f" in text)):
        if found:
            return why
    return "other (error token, dedent, continued string, unclosed bracket)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path)
    args = parser.parse_args()
    files, taken, slow, fast = 0, 0, 0.0, 0.0
    left: Counter[str] = Counter()
    differ: list[str] = []
    for root in args.roots:
        for path in sorted(root.rglob("*.py")):
            if not path.is_file():
                continue
            text = path.read_bytes().decode("utf-8", "replace")
            files += 1
            start = time.process_time()
            made, complete = reference(text)
            slow += time.process_time() - start
            start = time.process_time()
            found = lexemes(text)
            fast += time.process_time() - start
            if found is None:
                left[reason(text)] += 1
                continue
            taken += 1
            if not complete or found != made:
                differ.append(str(path))
    print("\n".join(differ[:20]))
    print(f"{files} files: {taken} taken by the scanner, {len(differ)} differ; left to "
          f"tokenize: {dict(left.most_common())}; CPU s: tokenize {slow:.2f}, scanner {fast:.2f}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
