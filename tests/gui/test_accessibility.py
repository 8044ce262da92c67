"""Issue 11: every interactive control of each main page has an accessible name (its own, its
text, or a label that is its buddy) — what a screen reader says when it gets the focus."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.gui.conftest import open_pin, sign_in

pytestmark = pytest.mark.gui

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QTextEdit,
               QAbstractSpinBox, QAbstractItemView)


def unnamed(page: QWidget) -> list[str]:
    """The visible interactive controls under `page` a screen reader could not name."""
    missing = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(page):
            continue
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the line edit inside a combo or spin box speaks through its owner
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__}#{widget.objectName()}")
    return missing


def test_sign_in_page_and_rail(qtbot: Any, window: Any) -> None:
    assert unnamed(window.signin_page) == []
    assert unnamed(window.rail) == []


def test_pin_dialog(qtbot: Any, window: Any) -> None:
    assert unnamed(open_pin(qtbot, window)) == []


def test_query_and_case_pages(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window)
    assert unnamed(window.query_page) == []
    window.work.setCurrentWidget(window.case_page)
    assert unnamed(window.case_page) == []
