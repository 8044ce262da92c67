"""Two small helpers the pages share: naming a widget and emptying a layout."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLayout, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """Give `widget` an objectName (tests and style sheets find it by that) and return it."""
    widget.setObjectName(name)
    return widget


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
