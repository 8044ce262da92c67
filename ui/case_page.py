"""Case materials (R-RES-1): the open materials with the results waiting to be attached — how
many, how old, how long until the retention clock destroys them — and what became of the latest."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.api import DeskApi
from app.clock import astana_text, now_utc
from resources.catalogue import resource
from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named
from ui.worker import DeskRunner

REFRESH_MS = 30_000
ITEM_ROLE = Qt.ItemDataRole.UserRole


def duration_text(span: timedelta) -> str:
    """'7 h 05 min' in the current language; never negative."""
    minutes = max(0, int(span.total_seconds() // 60))
    return translate("CasePage", "{h} h {m:02d} min").format(h=minutes // 60, m=minutes % 60)


class CasePage(QWidget):
    """Materials → waiting results; Open, Attach…, Destroy…; refreshed every 30 s."""

    open_requested = Signal(object)  # QueryOutcome read back from the vault
    attach_requested = Signal(object)  # QueryOutcome
    changed = Signal(int)  # how many results wait

    def __init__(self, desk: DeskApi, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casePage")
        self._desk, self._runner = desk, runner
        self._now = _now
        self.pending_count = 0

        self.title = named(QLabel(), "caseTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.key_notice = named(QLabel(wordWrap=True), "caseKeyNotice")
        self.key_notice.setStyleSheet(LEVEL_STYLE["warning"])
        self.key_notice.hide()
        self.tree = named(QTreeWidget(), "caseTree")
        self.tree.setColumnCount(4)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(lambda _i, _c: self.open_selected())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = named(QLabel(wordWrap=True), "caseEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_button = named(QPushButton(), "caseOpen")
        self.open_button.clicked.connect(self.open_selected)
        self.attach_button = named(QPushButton(), "caseAttach")
        self.attach_button.clicked.connect(self.attach_selected)
        self.destroy_button = named(QPushButton(), "caseDestroy")
        self.destroy_button.clicked.connect(self.destroy_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree,
                  self.destroy_selected)
        self.recent_title = named(QLabel(), "caseRecentTitle")
        self.recent = named(QListWidget(), "caseRecent")
        self.recent_title.setBuddy(self.recent)  # its title is what a screen reader says
        self.recent.setWordWrap(True)
        self.status = named(QLabel(wordWrap=True), "caseStatus")
        self.status.hide()

        buttons = QHBoxLayout()
        for b in (self.open_button, self.attach_button, self.destroy_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.key_notice)
        lay.addWidget(self.tree, 3)
        lay.addWidget(self.empty, 3)
        lay.addLayout(buttons)
        lay.addWidget(self.status)
        lay.addWidget(self.recent_title)
        lay.addWidget(self.recent, 2)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._materials: list[Any] = []
        self._recent: list[Any] = []
        self.retranslate()

    # -- data ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the receipts on the worker thread (they share its database connection)."""
        self._runner.call(self._desk.case_overview, self._show, self._failed)

    def _show(self, overview: tuple[list[Any], list[Any]]) -> None:
        self._materials, self._recent = overview
        self._render()

    def _render(self) -> None:
        now = self._now()
        selected = self.selected_item()
        self.tree.clear()
        lang = i18n.current()
        count = 0
        to_select: QTreeWidgetItem | None = None
        for material in self._materials:
            top = QTreeWidgetItem([
                material.case_number,
                translate("CasePage", "{n} waiting").format(n=len(material.pending)),
                translate("CasePage", "oldest {age} ago").format(
                    age=duration_text(now - material.oldest)),
                translate("CasePage", "destroyed in {left}").format(
                    left=duration_text(material.next_expiry - now)),
            ])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for receipt in material.pending:
                child = QTreeWidgetItem([
                    resource(receipt.resource).title(lang),
                    translate("CasePage", "journal № {seq}").format(seq=receipt.journal_seq),
                    translate("CasePage", "received {at}").format(
                        at=_astana(receipt.received_at)),
                    translate("CasePage", "destroyed in {left}").format(
                        left=duration_text(receipt.expires_at - now)),
                ])
                child.setData(0, ITEM_ROLE, receipt.id)
                if receipt.expires_at - now <= timedelta(
                        seconds=self._desk.config.retention_warn_s):
                    for col in range(4):
                        child.setForeground(col, Qt.GlobalColor.darkRed)
                top.addChild(child)
                if receipt.id == selected or (to_select is None and selected is None):
                    to_select = child
                count += 1
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        for col in range(4):
            self.tree.resizeColumnToContents(col)
        self.tree.setVisible(bool(self._materials))
        self.empty.setVisible(not self._materials)
        self.recent.clear()
        for receipt in self._recent:
            self.recent.addItem(_receipt_text(receipt))
        materials = self._desk.materials
        self.key_notice.setVisible(bool(materials is not None and materials.key_in_memory))
        if to_select is not None:
            self.tree.setCurrentItem(to_select)
        self.pending_count = count
        self._update_buttons()
        self.changed.emit(count)

    def selected_item(self) -> str | None:
        current = self.tree.currentItem()
        value = current.data(0, ITEM_ROLE) if current is not None else None
        return str(value) if value else None

    # -- actions ------------------------------------------------------------------------------

    def open_selected(self) -> None:
        item = self.selected_item()
        if item:
            self._runner.call(lambda: self._desk.outcome(item), self.open_requested.emit,
                              self._failed)

    def attach_selected(self) -> None:
        item = self.selected_item()
        if item:
            self._runner.call(lambda: self._desk.outcome(item), self.attach_requested.emit,
                              self._failed)

    def destroy_selected(self) -> None:
        item = self.selected_item()
        if not item:
            return
        answer = QMessageBox.question(
            self, translate("CasePage", "Destroy without attaching"),
            translate("CasePage", "Destroy this result without attaching it to the case "
                                  "material? It cannot be opened again; the journal is told."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.destroy_result(item)

    def destroy_result(self, item: str) -> None:
        self._runner.call(lambda: self._desk.destroy_unattached(item), self._destroyed,
                          self._failed)

    def _destroyed(self, receipt: Any) -> None:
        self._say(_receipt_text(receipt))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._say(error_text(exc), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(LEVEL_STYLE["error"] if error else "")
        self.status.setText(text)
        self.status.show()

    def _update_buttons(self) -> None:
        has = self.selected_item() is not None
        for b in (self.open_button, self.attach_button, self.destroy_button):
            b.setEnabled(has)

    # -- Qt -----------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        self.refresh()
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def retranslate(self) -> None:
        self.title.setText(translate("CasePage", "Case materials"))
        self.tree.setHeaderLabels([
            translate("CasePage", "Material / resource"), translate("CasePage", "Results"),
            translate("CasePage", "Age"), translate("CasePage", "Destroyed in")])
        self.empty.setText(translate(
            "CasePage", "No results are waiting. Every result is attached to its material or "
                        "destroyed; nothing of them is kept on this workstation."))
        self.key_notice.setText(translate(
            "CasePage", "This workstation has no system keyring: results waiting here are lost "
                        "if SIO Desk closes. They are destroyed and reported at the next start."))
        self.open_button.setText(translate("CasePage", "&Open"))
        self.attach_button.setText(translate("CasePage", "&Attach…"))
        self.attach_button.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.destroy_button.setText(translate("CasePage", "&Destroy…"))
        self.recent_title.setText(translate("CasePage", "Latest results that left this "
                                                        "workstation"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _now() -> datetime:
    return now_utc()


def _astana(moment: datetime) -> str:
    return astana_text(moment)


def _receipt_text(receipt: Any) -> str:
    # The attach dialog brings the printout's renderer (QR, PDF): loaded when first needed.
    from ui.attach_dialog import receipt_text

    return receipt_text(receipt)
