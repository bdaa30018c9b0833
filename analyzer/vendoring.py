"""Third-party packages copied into a repository, recognised by what they hold, not their name.

A folder called ``third_party`` inside a package may be the candidate's own code
(refurb's checks about third-party libraries); a copy of Pillow dropped beside a
Lambda handler is not named anything special. What gives a copy away is what an
installed or released distribution carries: its own licence or ``setup.py``,
``PKG-INFO``, an installer's ``*.dist-info`` record naming it, compiled extension
modules beside its sources, a ``__version__``, an import name of a well-known
distribution. The candidate's own top-level package (or ``src/`` package), packaged
from the repository root, is the product and never vendored. Only paths and a few
small files are read.
"""

import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# Folder names that announce vendoring; they count only with content to back them.
VENDOR_FOLDERS = frozenset({"_vendor", "vendor", "vendored", "third_party", "thirdparty"})
_OWN_METADATA = re.compile(r"^(license|licence|copying)(\.\w+)?$|^(setup\.py|pkg-info)$", re.I)
_EXTENSION = re.compile(r"\.(so|pyd|dylib)(\.\d+)*$")
_VERSION = re.compile(r"^(__version__|VERSION)\s*(:[^=]*)?=\s*['\"]\d", re.MULTILINE)
_VERSION_FILES = ("__init__.py", "_version.py", "__version__.py", "version.py", "__about__.py")
_ROOT_PACKAGING = frozenset({"setup.py", "setup.cfg", "pyproject.toml"})
_PRODUCT_HOMES = frozenset({"", "src/", "lib/"})  # where a packaged repository keeps its product
# Import names of widely installed distributions that differ from no project of one's own.
KNOWN_IMPORTS = frozenset({
    "PIL", "requests", "urllib3", "certifi", "chardet", "charset_normalizer", "idna", "six",
    "yaml", "boto3", "botocore", "s3transfer", "jmespath", "dateutil", "pytz", "numpy",
    "pandas", "scipy", "simplejson", "attr", "attrs", "jinja2", "markupsafe", "click",
    "werkzeug", "flask", "django", "sqlalchemy", "psycopg2", "pymysql", "cffi", "cryptography",
    "nacl", "bs4", "lxml", "google", "grpc", "pydantic", "pydantic_core", "typing_extensions",
    "setuptools", "pkg_resources", "pip", "wheel", "docutils", "pygments", "rsa", "pyasn1",
    "jwt", "oauthlib", "requests_oauthlib", "redis", "pymongo", "bson", "tqdm", "colorama",
})

Reader = Callable[[str], str]


def _parent(path: str) -> str:
    parent = str(PurePosixPath(path).parent)
    return "" if parent == "." else parent + "/"


def _listing(paths: list[str]) -> dict[str, set[str]]:
    """Each folder (``a/b/``, the root ``""``) and the names in it; folders holding only
    folders, too. A path without ``.``, empty or absolute parts is split as text (pathlib
    costs a big repository's warm scan a tenth of a second), others as ``PurePosixPath``."""
    listing: dict[str, set[str]] = {}
    for path in paths:
        if path.startswith("/") or "//" in path or "." in path.split("/") or path.endswith("/"):
            parent = _parent(path)
            listing.setdefault(parent, set()).add(PurePosixPath(path).name)
            for above in PurePosixPath(parent).parents:
                listing.setdefault("" if str(above) == "." else f"{above}/", set())
            continue
        head, _, name = path.rpartition("/")
        listing.setdefault(f"{head}/" if head else "", set()).add(name)
        while head:
            head = head.rpartition("/")[0]
            listing.setdefault(f"{head}/" if head else "", set())
    return listing


def _record_names(paths: Iterable[str], read: Reader) -> dict[str, set[str]]:
    """Per folder, the import names its ``*.dist-info``/``RECORD`` files say were installed."""
    names: dict[str, set[str]] = {}
    for path in paths:
        pure = PurePosixPath(path)
        if pure.name not in {"RECORD", "top_level.txt"} or pure.parent.suffix != ".dist-info":
            continue
        found = names.setdefault(_parent(str(pure.parent)), set())
        for line in read(path).splitlines():
            first = line.split(",", 1)[0].split("/", 1)[0].strip()
            if first and not first.endswith((".dist-info", ".egg-info", ".data")):
                found.add(first.removesuffix(".py"))
    return names


def _evidence(package: str, names: set[str], read: Reader, installed: set[str]) -> list[str]:
    """Why the package folder ``package`` (``a/b/``) looks like someone else's release."""
    name = PurePosixPath(package).name
    why = [f"installed by a *.dist-info record ({name})"] if name in installed else []
    metadata = sorted(n for n in names if _OWN_METADATA.match(n))
    if metadata:
        why.append(f"its own {', '.join(metadata)}")
    if any(_EXTENSION.search(n) for n in names):
        why.append("compiled extension modules beside its sources")
    if any(n in names and _VERSION.search(read(package + n)) for n in _VERSION_FILES):
        why.append("a __version__ of its own")
    if name in KNOWN_IMPORTS:
        why.append(f"the import name of a well-known distribution ({name})")
    return why


def _strong(why: list[str]) -> bool:
    return any(w.startswith(("installed", "its own")) for w in why) or len(why) >= 2


def third_party_roots(paths: list[str], read: Reader) -> dict[str, str]:
    """Folders (``dir/``) holding copied third-party packages, each with the reason in words.

    ``paths`` are every file of the repository; ``read`` returns a file's text (only
    version files, ``RECORD`` and ``top_level.txt`` are read).
    """
    listing = _listing(paths)
    installed = _record_names(paths, read)
    root_packaged = bool(listing.get("", set()) & _ROOT_PACKAGING)
    roots: dict[str, str] = {}
    for folder in sorted(listing, key=lambda f: (f.count("/"), f)):
        if not folder or any(folder.startswith(root) for root in roots):
            continue
        parent = _parent(folder.rstrip("/"))
        is_top_package = "__init__.py" in listing[folder] and "__init__.py" not in listing.get(
            parent, set())
        if PurePosixPath(folder).name in VENDOR_FOLDERS:
            why = _vendor_folder(folder, listing, read)
        elif is_top_package and not (root_packaged and parent in _PRODUCT_HOMES):
            why = _evidence(folder, listing[folder], read, installed.get(parent, set()))
            why = why if _strong(why) else []
        else:
            continue
        if why:
            roots[folder] = "; ".join(why)
    return roots


def _vendor_folder(folder: str, listing: dict[str, set[str]], read: Reader) -> list[str]:
    """A ``vendor``/``third_party`` folder is a copy when something inside it says so."""
    if "__init__.py" not in listing[folder]:
        return [f"a {PurePosixPath(folder).name}/ folder outside any package"]
    for inner in sorted(f for f in listing if f.startswith(folder)):
        names = listing[inner]
        if any(_OWN_METADATA.match(n) or n == "vendor.txt" for n in names) or any(
            n.endswith((".dist-info", ".egg-info")) for n in PurePosixPath(inner).parts
        ):
            return [f"a {PurePosixPath(folder).name}/ folder holding release metadata ({inner})"]
        if inner != folder and _strong(_evidence(inner, names, read, set())):
            return [f"a {PurePosixPath(folder).name}/ folder holding released packages ({inner})"]
    return []
