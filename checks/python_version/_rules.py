"""The table behind ``python_version``: which Python first offered each feature.

Only what can be proven from the source counts: syntax, standard-library modules
and names reached through imports, a few method names no other library uses, and
keyword arguments of known functions. Versions are (major, minor) tuples.
"""

Version = tuple[int, int]

# The one switch for `with (a as b, c as d):`. The language reference documents it for
# 3.10, but CPython 3.9's PEG parser already accepts it, so code using it runs on 3.9:
# the minimum is the oldest interpreter that runs the code, so 3.9 (vermin and black agree).
PARENTHESISED_WITH: Version = (3, 9)

# Syntax, by the label the visitor records.
SYNTAX: dict[str, Version] = {
    "nonlocal statement": (3, 0),
    "yield from": (3, 3),
    "async def": (3, 5),
    "await": (3, 5),
    "matrix multiplication @": (3, 5),
    "unpacking in literals and calls (PEP 448)": (3, 5),
    "f-string": (3, 6),
    "underscores in numbers": (3, 6),
    "variable annotation": (3, 6),
    "async comprehension in async def": (3, 6),
    "await in a comprehension in async def": (3, 6),
    "async generator": (3, 6),
    "async comprehension outside async def": (3, 7),
    "await in a comprehension outside async def": (3, 7),
    "raise ... from None": (3, 3),
    "bytes % formatting (PEP 461)": (3, 5),
    "continue in finally": (3, 8),
    "from __future__ import annotations": (3, 7),
    "walrus operator :=": (3, 8),
    "positional-only parameters": (3, 8),
    "f-string = specifier": (3, 8),
    "unparenthesised starred return/yield": (3, 8),
    "bare @lru_cache decorator": (3, 8),
    "builtin generic subscripted at runtime": (3, 9),
    "standard-library generic subscripted at runtime": (3, 9),
    "dict union |": (3, 9),
    "relaxed decorator expression": (3, 9),
    "match statement": (3, 10),
    "X | Y union at runtime": (3, 10),
    "parenthesised context managers": PARENTHESISED_WITH,
    "except*": (3, 11),
    "starred subscript (PEP 646)": (3, 11),
    "PEP 695 type parameters": (3, 12),
    "PEP 695 type alias statement": (3, 12),
    "PEP 701 f-string": (3, 12),
    "PEP 696 type parameter default": (3, 13),
    "lambda in a type alias of a generic class": (3, 13),
    "PEP 758 except without parentheses": (3, 14),
    "template string (t-string)": (3, 14),
}

# Modules and names, by their qualified name once imports are resolved.
QUALIFIED: dict[str, Version] = {
    # 3.3 - 3.6: modules Python 2.7 never had
    "unittest.mock": (3, 3), "ipaddress": (3, 3), "lzma": (3, 3), "faulthandler": (3, 3),
    "venv": (3, 3), "asyncio": (3, 4), "enum": (3, 4), "pathlib": (3, 4), "statistics": (3, 4),
    "selectors": (3, 4), "tracemalloc": (3, 4), "typing": (3, 5), "zipapp": (3, 5),
    "secrets": (3, 6), "builtins.RecursionError": (3, 5), "builtins.StopAsyncIteration": (3, 5),
    "builtins.ModuleNotFoundError": (3, 6),
    # 3.7
    "dataclasses": (3, 7), "contextvars": (3, 7), "importlib.resources": (3, 7),
    "asyncio.run": (3, 7), "asyncio.create_task": (3, 7), "asyncio.get_running_loop": (3, 7),
    "contextlib.nullcontext": (3, 7), "contextlib.asynccontextmanager": (3, 7),
    "time.time_ns": (3, 7), "time.perf_counter_ns": (3, 7), "time.monotonic_ns": (3, 7),
    "datetime.datetime.fromisoformat": (3, 7), "datetime.date.fromisoformat": (3, 7),
    "builtins.breakpoint": (3, 7),
    # 3.8
    "importlib.metadata": (3, 8), "functools.cached_property": (3, 8),
    "functools.singledispatchmethod": (3, 8), "math.isqrt": (3, 8), "math.prod": (3, 8),
    "math.dist": (3, 8), "math.comb": (3, 8), "math.perm": (3, 8),
    "typing.Literal": (3, 8), "typing.Final": (3, 8), "typing.final": (3, 8),
    "typing.Protocol": (3, 8), "typing.TypedDict": (3, 8), "typing.runtime_checkable": (3, 8),
    "typing.get_origin": (3, 8), "typing.get_args": (3, 8), "statistics.fmean": (3, 8),
    "shlex.join": (3, 8), "multiprocessing.shared_memory": (3, 8),
    # 3.9
    "zoneinfo": (3, 9), "graphlib": (3, 9), "functools.cache": (3, 9), "typing.Annotated": (3, 9),
    "math.lcm": (3, 9), "math.nextafter": (3, 9), "random.randbytes": (3, 9),
    "asyncio.to_thread": (3, 9), "ast.unparse": (3, 9), "importlib.resources.files": (3, 9),
    "os.waitstatus_to_exitcode": (3, 9), "argparse.BooleanOptionalAction": (3, 9),
    # 3.10
    "typing.ParamSpec": (3, 10), "typing.TypeAlias": (3, 10), "typing.Concatenate": (3, 10),
    "typing.TypeGuard": (3, 10), "typing.is_typeddict": (3, 10), "itertools.pairwise": (3, 10),
    "contextlib.aclosing": (3, 10), "types.NoneType": (3, 10), "types.EllipsisType": (3, 10),
    "types.UnionType": (3, 10), "sys.orig_argv": (3, 10), "sys.stdlib_module_names": (3, 10),
    "inspect.get_annotations": (3, 10), "builtins.aiter": (3, 10), "builtins.anext": (3, 10),
    "builtins.EncodingWarning": (3, 10),
    # 3.11
    "tomllib": (3, 11), "asyncio.TaskGroup": (3, 11), "asyncio.timeout": (3, 11),
    "asyncio.Runner": (3, 11), "typing.Self": (3, 11), "typing.LiteralString": (3, 11),
    "typing.Never": (3, 11), "typing.assert_never": (3, 11), "typing.reveal_type": (3, 11),
    "typing.Required": (3, 11), "typing.NotRequired": (3, 11), "typing.TypeVarTuple": (3, 11),
    "typing.Unpack": (3, 11), "typing.dataclass_transform": (3, 11), "enum.StrEnum": (3, 11),
    "enum.verify": (3, 11), "datetime.UTC": (3, 11), "hashlib.file_digest": (3, 11),
    "operator.call": (3, 11), "contextlib.chdir": (3, 11), "wsgiref.types": (3, 11),
    "logging.getLevelNamesMapping": (3, 11), "builtins.ExceptionGroup": (3, 11),
    "builtins.BaseExceptionGroup": (3, 11),
    # 3.12
    "itertools.batched": (3, 12), "typing.override": (3, 12), "typing.TypeAliasType": (3, 12),
    "pathlib.Path.walk": (3, 12), "math.sumprod": (3, 12), "sys.monitoring": (3, 12),
    "calendar.Month": (3, 12), "asyncio.eager_task_factory": (3, 12),
    "collections.abc.Buffer": (3, 12), "os.path.splitroot": (3, 12),
    # 3.13
    "warnings.deprecated": (3, 13), "copy.replace": (3, 13), "typing.ReadOnly": (3, 13),
    "typing.TypeIs": (3, 13), "typing.NoDefault": (3, 13), "typing.get_protocol_members": (3, 13),
    "dbm.sqlite3": (3, 13), "base64.z85encode": (3, 13), "os.process_cpu_count": (3, 13),
    "math.fma": (3, 13),
    # 3.14
    "annotationlib": (3, 14), "compression.zstd": (3, 14), "string.templatelib": (3, 14),
    "concurrent.interpreters": (3, 14), "uuid.uuid7": (3, 14),
}

# ``x.name(...)``: method names no common library reuses.
METHODS: dict[str, Version] = {
    "isascii": (3, 7), "removeprefix": (3, 9), "removesuffix": (3, 9),
    "is_relative_to": (3, 9), "with_stem": (3, 9), "bit_count": (3, 10),
    "hardlink_to": (3, 10), "add_note": (3, 11), "full_match": (3, 13),
}

# Keyword arguments a function only accepts from some version: (callee, keyword).
KEYWORDS: dict[tuple[str, str], Version] = {
    ("subprocess.run", "capture_output"): (3, 7), ("subprocess.run", "text"): (3, 7),
    ("logging.basicConfig", "force"): (3, 8),
    ("dataclasses.dataclass", "slots"): (3, 10), ("dataclasses.dataclass", "kw_only"): (3, 10),
    ("dataclasses.dataclass", "match_args"): (3, 10),
    ("dataclasses.dataclass", "weakref_slot"): (3, 11),
    ("builtins.zip", "strict"): (3, 10), ("bisect.bisect_left", "key"): (3, 10),
    ("bisect.bisect_right", "key"): (3, 10), ("bisect.insort", "key"): (3, 10),
}

BUILTIN_GENERICS = frozenset({"list", "dict", "set", "frozenset", "tuple", "type"})
STDLIB_GENERICS = frozenset({
    "collections.deque", "collections.defaultdict", "collections.OrderedDict",
    "collections.Counter", "collections.ChainMap", "re.Pattern", "re.Match", "queue.Queue",
    "contextlib.AbstractContextManager", "contextlib.AbstractAsyncContextManager",
})
BUILTIN_TYPES = BUILTIN_GENERICS | {"int", "str", "float", "bytes", "bool", "complex",
                                    "bytearray", "object", "memoryview", "range", "slice"}


def rule_count() -> int:
    """How many distinct rules the table holds (the issue asks for at least 60)."""
    return len(SYNTAX) + len(QUALIFIED) + len(METHODS) + len(KEYWORDS)


def dotted(version: Version) -> str:
    return f"{version[0]}.{version[1]}"
