"""PySide6's scan of every module imported after it, made cheap (issue 10: idle memory).

PySide6 decides per module whether its `__feature__` switches (snake_case…) may apply by
searching the module's source for "PySide6" — through `inspect.getsource`, which leaves every
file's lines in `linecache` for the life of the process (≈14 MiB once the desk is signed in).
The same question is answered here by reading the file once and keeping nothing.
"""

from __future__ import annotations

import linecache
import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)

_FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")


def source_mentions_pyside(module: ModuleType) -> bool:
    """True when the module's .py source contains "PySide6" (PySide's own criterion)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built-in, extension or source-less: PySide's own check says False too
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Replace PySide6's scan in this process; False when this PySide6 has no such scan."""
    for name in _FEATURE_MODULES:
        feature = sys.modules.get(name)
        if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
            feature._mod_uses_pyside = source_mentions_pyside  # type: ignore[attr-defined]
            linecache.clearcache()  # what the scan left so far: refilled on demand (tracebacks)
            return True
    log.debug("PySide6 has no per-import source scan to replace")
    return False
