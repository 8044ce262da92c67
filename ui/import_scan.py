"""PySide6's scan of every module imported after it, made cheap (issue 10: start-up, idle memory).

PySide6 decides per module whether its `__feature__` switches (snake_case…) may apply by
searching the module's source for "PySide6" — through `inspect.getsource`, which leaves every
file's lines in `linecache` for the life of the process (≈14 MiB once the desk is signed in) and
costs start-up the parse of each file. The same question is answered here by reading the file
once and keeping nothing. The scan is a private name of PySide6 (`_mod_uses_pyside`, checked on
6.11): where it is absent or answers otherwise than expected, nothing is replaced (logged once).
Importing this module installs the replacement, so `ui.app` imports it before its pages.
"""

from __future__ import annotations

import json
import linecache
import logging
import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # loads PySide6's feature module, whose scan is replaced

log = logging.getLogger(__name__)

FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")
SCAN_NAME = "_mod_uses_pyside"
_outcome: list[bool] = []  # the one decision of this process (and the one log line)


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


def _behaves_as_expected(scan: Callable[..., object]) -> bool:
    """PySide's scan answers as ours does for a module naming PySide6 and one that does not."""
    try:
        same = scan(sys.modules[__name__]) is True and scan(json) is False
    except Exception:  # another signature or behaviour: leave PySide6 as it is
        return False
    finally:
        linecache.clearcache()  # what the probe (and any scan so far) left: refilled on demand
    return same


def replace_scan(feature: ModuleType | None) -> str | None:
    """Put our scan in place of `feature`'s; None when done, else why it was left alone."""
    scan = getattr(feature, SCAN_NAME, None)
    if feature is None or not callable(scan):
        return "has no per-import source scan to replace"
    if not _behaves_as_expected(scan):
        return "has a per-import source scan that answers unexpectedly: left as it is"
    setattr(feature, SCAN_NAME, source_mentions_pyside)
    return None


def install() -> bool:
    """Replace PySide6's scan in this process once; False (logged once) when it is left alone."""
    if not _outcome:
        feature = next((sys.modules[n] for n in FEATURE_MODULES if n in sys.modules), None)
        refused = replace_scan(feature)
        if refused is not None:
            log.warning("PySide6 %s %s", PySide6.__version__, refused)
        _outcome.append(refused is None)
    return _outcome[0]


install()
