"""Small helpers the pages share: naming a widget, giving an action its keys, setting a Qt-enum
property by its key's name, and emptying a layout — the last two without PySide's `Qt` enums."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLayout, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """Give `widget` an objectName (tests and style sheets find it by that) and return it."""
    widget.setObjectName(name)
    return widget


def keyed(action: QAction, *keys: str) -> QAction:
    """`action` with `keys` ("Ctrl+L") as its shortcuts, returned. Through setShortcuts: PySide's
    setShortcut (and the shortcut= keyword) builds all 96 enums of its `Qt` namespace, ≈18 ms
    of the first paint (issue 10); Qt's setShortcut(k) is setShortcuts([k]) itself."""
    action.setShortcuts([QKeySequence(key) for key in keys])
    return action


def set_key(obj: QObject, prop: str, key: str) -> None:
    """Set the Qt-enum property `prop` by its key's name ("AlignCenter"), converted by Qt's
    meta-object system: naming PySide's `Qt` namespace instead builds all 96 of its Python
    enums at once, ≈18 ms of the first paint (issue 10). Raises if Qt refuses the name."""
    if not obj.setProperty(prop, key):
        raise ValueError(f"{type(obj).__name__}.{prop} has no key {key!r}")


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
