"""The verified result: catalogue labels → values, the verification line, and Clear."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named
from ui.worker import DeskRunner

VERIFIED_STYLE = "color: #0b6b2b; font-weight: bold;"


def astana_time(stamp: str) -> str:
    """The gateway's ISO time as people read it; it is already Astana time (R-Q-5)."""
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp  # shown as received rather than guessed at


class ResultView(QWidget):
    """Shows one QueryOutcome; results live in memory only (R-RES-1), Clear drops them."""

    cleared = Signal()

    def __init__(self, desk: Any, runner: DeskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resultView")
        self._desk, self._runner = desk, runner
        self._outcome: Any = None

        self.title_label = named(QLabel(wordWrap=True), "resultTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.verify_label = named(QLabel(wordWrap=True), "verifyLine")
        self.verify_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label = named(QLabel(wordWrap=True), "emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = named(QTableWidget(), "resultTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.clear_button = named(QPushButton(), "clearButton")
        self.clear_button.clicked.connect(self.clear)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title_label)
        lay.addWidget(self.verify_label)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty_label, 1)
        lay.addLayout(buttons)
        self.retranslate()

    @property
    def outcome(self) -> Any:
        return self._outcome

    def show_outcome(self, outcome: Any) -> None:
        self._outcome = outcome
        self._render()

    def clear(self) -> None:
        """Drop the result here and in the desk's memory."""
        self.clear_view()
        self._runner.call(self._desk.clear_results, None, self._clear_failed)
        self.cleared.emit()

    def clear_view(self) -> None:
        self._outcome = None
        self._render()

    def _clear_failed(self, exc: BaseException) -> None:
        self.verify_label.setStyleSheet(LEVEL_STYLE["error"])
        self.verify_label.setText(error_text(exc))

    def _render(self) -> None:
        lang = i18n.current()
        outcome = self._outcome
        self.clear_button.setEnabled(outcome is not None)
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        if outcome is None:
            self.title_label.setText(translate("ResultView", "Result"))
            self.verify_label.hide()
            self.table.hide()
            self.empty_label.setText(
                translate("ResultView", "No query sent yet. Results are kept in memory only.")
            )
            self.empty_label.show()
            return
        res, result = outcome.resource, outcome.result
        self.title_label.setText(res.title(lang))
        self._render_verification(outcome)
        records = list(result.records)
        if not records:
            self.table.hide()
            self.empty_label.setText(translate("ResultView", "No records found"))
            self.empty_label.show()
            return
        self.empty_label.hide()
        self.table.show()
        # Catalogue order first, then anything the gateway added that the catalogue lacks.
        names = [f.name for f in res.fields]
        for rec in records:
            names += [n for n in rec.fields if n not in names]
        labels = {f.name: f.label.get(lang) or f.label["ru"] for f in res.fields}
        self.table.setRowCount(len(names))
        self.table.setColumnCount(len(records))
        self.table.setVerticalHeaderLabels([labels.get(n, n) for n in names])
        if len(records) == 1:
            self.table.setHorizontalHeaderLabels([translate("ResultView", "Value")])
        else:
            self.table.setHorizontalHeaderLabels(
                [translate("ResultView", "Record {n}").format(n=i + 1) for i in range(len(records))]
            )
        for col, rec in enumerate(records):
            for row, name in enumerate(names):
                self.table.setItem(row, col, QTableWidgetItem(rec.fields.get(name, "")))
        self.table.resizeRowsToContents()

    def _render_verification(self, outcome: Any) -> None:
        result = outcome.result
        if outcome.response_verified:
            line = translate(
                "ResultView",
                "Operator's signature verified · bound to your request · "
                "journal № {seq} · {issued_at}",
            ).format(seq=result.journal_seq, issued_at=astana_time(result.issued_at))
            line += " " + translate("ResultView", "(Astana time)")
            self.verify_label.setStyleSheet(VERIFIED_STYLE)
        else:  # never claim a check that did not happen
            line = translate("ResultView", "The operator's signature was NOT verified")
            self.verify_label.setStyleSheet(LEVEL_STYLE["error"])
        if getattr(result, "truncated", False):
            line += "\n" + translate(
                "ResultView", "Truncated service: amounts are not returned (R-Q-1)."
            )
        self.verify_label.setText(line)
        self.verify_label.show()

    def verification_text(self) -> str:
        return "" if self.verify_label.isHidden() else self.verify_label.text()

    def cell_texts(self) -> list[str]:
        """Every value in the table, for tests and accessibility checks."""
        items = (
            self.table.item(r, c)
            for r in range(self.table.rowCount())
            for c in range(self.table.columnCount())
        )
        return [item.text() for item in items if item is not None]

    def retranslate(self) -> None:
        self.clear_button.setText(translate("ResultView", "Cl&ear result"))
        self.clear_button.setToolTip(
            translate(
                "ResultView",
                "Results are held in memory only, never written to disk; "
                "Clear removes this one now. Signing out clears all.",
            )
        )
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
