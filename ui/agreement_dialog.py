"""The agreement on rights of use (App.5): read it in Kazakh or Russian, sign it with the EDS."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.api import DeskApi
from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named
from ui.worker import DeskRunner


class AgreementDialog(QDialog):
    """Shown at first entry (R-AUTH-2); queries stay refused until it is signed (R-AUTH-3)."""

    signed = Signal()
    declined = Signal()

    def __init__(self, desk: DeskApi, runner: DeskRunner, document: Any,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self._desk, self._runner, self.document = desk, runner, document
        self.setModal(True)
        self.resize(760, 620)
        self.intro = QLabel(wordWrap=True)
        self.tabs = named(QTabWidget(), "agreementTabs")
        self.texts: dict[str, QTextBrowser] = {}
        for lang, body in (("kk", document.text_kk), ("ru", document.text_ru)):
            view = named(QTextBrowser(), f"agreement_{lang}")
            view.setPlainText(body)
            self.texts[lang] = view
            self.tabs.addTab(view, i18n.LANG_NAMES[lang])
        # The text in the analyst's language first; English readers get Russian (no English text
        # is in force).
        self.tabs.setCurrentIndex(0 if i18n.current() == "kk" else 1)
        self.error_label = named(QLabel(wordWrap=True), "agreementError")
        self.error_label.setStyleSheet(LEVEL_STYLE["error"])
        self.error_label.hide()
        self.sign_button = named(QPushButton(), "agreementSign")
        self.decline_button = named(QPushButton(), "agreementDecline")
        buttons = QDialogButtonBox()
        buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.decline_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.sign)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.retranslate()

    def sign(self) -> None:
        if not self.sign_button.isEnabled():
            return
        self._set_busy(True)
        desk, shown = self._desk, self.document
        self._runner.call(lambda: desk.sign_agreement(shown), self._on_signed, self._on_failed)

    def _on_signed(self, _value: object) -> None:
        self._set_busy(False)
        self.signed.emit()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self.sign_button.setEnabled(not busy)
        self.decline_button.setEnabled(not busy)

    def reject(self) -> None:
        if self.decline_button.isEnabled():
            self.declined.emit()
            super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Agreement", "Agreement on rights of use"))
        self.intro.setText(
            translate(
                "Agreement",
                "Before the first query you sign the agreement on rights of use with your EDS "
                "(version {version}). Queries are refused until it is signed.",
            ).format(version=self.document.version)
        )
        self.sign_button.setText(translate("Agreement", "&Sign with EDS"))
        self.decline_button.setText(translate("Agreement", "&Decline and sign out"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
