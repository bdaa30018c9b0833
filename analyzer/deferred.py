"""libcst imported when first used, not when a check module is: a warm scan never parses.

Every check module says ``import libcst as cst`` for its visitors and annotations;
the parent of a scan whose files all come from the cache only folds observations,
and importing libcst cost it 0.15-0.2 CPU s (a third of a warm flask scan). The CLI
puts a stand-in in ``sys.modules`` that imports the real package on the first
attribute anyone reads from it, then serves that package's names itself.
"""

import importlib
import importlib.util
import sys
import types
from typing import Any


class _Deferred(types.ModuleType):
    def __getattr__(self, name: str) -> Any:  # only for names the stand-in does not hold
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)
        return getattr(real, name)


def defer(name: str) -> None:
    """Make ``import name`` cheap until the module is used; nothing if it is loaded already."""
    if name in sys.modules or (spec := importlib.util.find_spec(name)) is None:
        return
    stand_in = _Deferred(name)
    stand_in.__spec__ = spec  # the import system reads it on every ``import name``
    sys.modules[name] = stand_in
