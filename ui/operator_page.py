"""What the operator's console pages and their dialogs share: a status line, refresh on show,
retranslation on a language change, and a form dialog that refuses OK while a field is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named


class OperatorPage(QWidget):
    """A console page: its status line under it, fresh data each time it is shown."""

    def __init__(self, status_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = named(QLabel(wordWrap=True), status_name)
        self.status.hide()

    def refresh(self) -> None:
        """Fetch the page's data from the gateway (each page says what)."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every text in the current language (each page says which)."""
        raise NotImplementedError

    def _failed(self, exc: BaseException) -> None:
        self._say("error", error_text(exc))

    def _say(self, level: str, text: str) -> None:
        self.status.setStyleSheet(LEVEL_STYLE.get(level, ""))
        self.status.setText(text)
        self.status.show()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def single_choice_tree(name: str, columns: int) -> QTreeWidget:
    """A flat list of rows, one chosen at a time."""
    tree = named(QTreeWidget(), name)
    tree.setColumnCount(columns)
    tree.setRootIsDecorated(False)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return tree


class CheckedDialog(QDialog):
    """One form with OK/Cancel; OK closes it only when what_is_wrong() finds nothing."""

    def __init__(self, name: str, title: str, problem_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.problem = named(QLabel(wordWrap=True), problem_name)
        self.problem.setStyleSheet(LEVEL_STYLE["error"])
        self.problem.hide()

    def what_is_wrong(self) -> str:
        """What is wrong with the form as filled in ("" when nothing)."""
        raise NotImplementedError

    def _lay_out(self, form: QFormLayout) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(buttons)

    def _accept(self) -> None:
        problem = self.what_is_wrong()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.accept()


__all__ = ["CheckedDialog", "OperatorPage", "single_choice_tree"]
