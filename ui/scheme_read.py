"""The OS's colour scheme read from Qt without PySide's `Qt` enums (issue 10).

PySide builds all 96 Python enums of its `Qt` namespace at once (≈18 ms, a fifth of a bare
window's start-up) the first time it hands Python any `Qt::` value, the return of
QStyleHints::colorScheme() included — and the window needs that reading before its first paint
(issue 11: light or dark). Here the same exported Qt function is called through ctypes, which
returns the enum's int. Only where its exported name is known (Linux: the Itanium C++ ABI;
Windows: MSVC's); elsewhere, or when the library or the symbol is not found, the answer is None
and the caller reads it through PySide. ui.theme.confirm re-reads it through PySide after the
first paint, so a wrong early reading would be corrected, not kept.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

import shiboken6
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

# (the QtGui library as it is already loaded — found by that name, not loaded again —, the
# exported name of `Qt::ColorScheme QStyleHints::colorScheme() const`)
SYMBOLS = {
    "linux": ("libQt6Gui.so.6", "_ZNK11QStyleHints11colorSchemeEv"),
    "win32": ("Qt6Gui.dll", "?colorScheme@QStyleHints@@QEBA?AW4ColorScheme@Qt@@XZ"),
}
VALUES = (0, 1, 2)  # Qt::ColorScheme: Unknown, Light, Dark
_resolved: list[Callable[[int], int] | None] = []  # looked up once per process


def _resolve() -> Callable[[int], int] | None:
    where = SYMBOLS.get(sys.platform)
    if where is None:
        return None
    import ctypes  # ≈1 ms; only here

    try:
        function = getattr(ctypes.CDLL(where[0]), where[1])
    except (OSError, AttributeError) as exc:
        log.info("QStyleHints::colorScheme not found (%s): read through PySide", exc)
        return None
    function.restype = ctypes.c_int
    function.argtypes = (ctypes.c_void_p,)
    return function


def color_scheme() -> int | None:
    """Qt's colour scheme as its int (Unknown 0, Light 1, Dark 2); None: ask PySide instead."""
    if not _resolved:
        _resolved.append(_resolve())
    function = _resolved[0]
    if function is None:
        return None
    value = int(function(shiboken6.getCppPointer(QGuiApplication.styleHints())[0]))
    return value if value in VALUES else None
