"""The PIN dialog: masked entry, the token and its PIN state; a wrong PIN keeps it open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api import DeskApi
from app.errors import DeskError
from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text, pin_warnings, token_line
from ui.widgets import clear_layout, named
from ui.worker import DeskRunner

BUSY_AFTER_MS = 300  # progress shows for anything slower than this (DESIGN.md "UI")


class PinDialog(QDialog):
    """Asks for the token PIN and signs in through desk.login on the worker thread (R-AUTH-1)."""

    signed_in = Signal(object)  # UserInfo

    def __init__(self, desk: DeskApi, runner: DeskRunner, info: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self._desk, self._runner, self._info = desk, runner, info
        self._locked = False
        self.setModal(True)
        # A visible edge even where no window manager draws one (kiosk sessions, Xvfb).
        self.setStyleSheet("QDialog#pinDialog { border: 1px solid #7a7a7a; }")
        self.setMinimumWidth(460)

        self.token_label = QLabel(wordWrap=True)
        self.flags_box = QVBoxLayout()
        self.pin_label = QLabel()
        self.pin_edit = named(QLineEdit(), "pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(64)
        self.pin_label.setBuddy(self.pin_edit)
        self.error_label = named(QLabel(wordWrap=True), "pinError")
        self.error_label.setStyleSheet(LEVEL_STYLE["error"])
        self.error_label.hide()
        self.progress = named(QProgressBar(), "pinProgress")
        self.progress.setRange(0, 0)  # indeterminate: a token login has no measurable steps
        self.progress.hide()
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self.progress.show)

        self.buttons = QDialogButtonBox()
        self.ok_button = named(QPushButton(), "pinOk")
        self.ok_button.setDefault(True)
        self.cancel_button = named(QPushButton(), "pinCancel")
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.pin_label, self.pin_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.token_label)
        layout.addLayout(self.flags_box)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.pin_edit.setFocus()

    # -- state -----------------------------------------------------------------------------

    def set_info(self, info: Any) -> None:
        self._info = info
        self._show_token()

    def _show_token(self) -> None:
        self.token_label.setText(token_line(self._info))
        clear_layout(self.flags_box)
        for level, text in pin_warnings(getattr(self._info, "pin", None)):
            label = QLabel(text, wordWrap=True)
            label.setObjectName(f"pinFlag_{level}")
            label.setStyleSheet(LEVEL_STYLE[level])
            self.flags_box.addWidget(label)
        if getattr(getattr(self._info, "pin", None), "locked", False):
            self._lock(DeskError("pin_locked").text(i18n.current()))

    def _lock(self, reason: str) -> None:
        """A locked token: entry is pointless and would only burn the PUK's patience."""
        self._locked = True
        self.pin_edit.clear()
        self.pin_edit.setEnabled(False)
        self.ok_button.setEnabled(False)
        self.error_label.setText(reason)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self.pin_edit.setEnabled(not busy and not self._locked)
        self.ok_button.setEnabled(not busy and not self._locked)
        self.cancel_button.setEnabled(not busy)
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.progress.hide()
            # Disabling it while busy cost the button its default role: without this, Enter
            # after a wrong PIN did nothing (issue 11).
            self.ok_button.setDefault(True)

    # -- flow ------------------------------------------------------------------------------

    def submit(self) -> None:
        if self._locked or not self.ok_button.isEnabled():
            return
        pin = self.pin_edit.text()
        if not pin:
            self.error_label.setText(translate("PinDialog", "Type the PIN of your token."))
            self.error_label.show()
            return
        self.pin_edit.clear()  # the PIN leaves the widget at once; only the worker holds it
        self.error_label.hide()
        self._set_busy(True)
        desk = self._desk
        self._runner.call(lambda: desk.login(pin), self._on_signed_in, self._on_failed)

    def _on_signed_in(self, user: Any) -> None:
        self._set_busy(False)
        self.signed_in.emit(user)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DeskError) and exc.code == "pin_locked":
            self._lock(error_text(exc))
            return
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        self.pin_edit.clear()
        self.pin_edit.setFocus()
        # The token's counters changed: re-read them so the warnings stay true.
        self._runner.call(self._desk.token_info, self.set_info, lambda _exc: None)

    def reject(self) -> None:
        if not self.cancel_button.isEnabled():
            return  # a login in flight cannot be abandoned halfway through the token
        super().reject()

    # -- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(translate("PinDialog", "Sign in with your EDS"))
        self.pin_label.setText(translate("PinDialog", "&PIN:"))
        self.pin_edit.setPlaceholderText(translate("PinDialog", "token PIN (hidden)"))
        self.ok_button.setText(translate("PinDialog", "Sign in"))
        self.cancel_button.setText(translate("PinDialog", "Cancel"))
        self._show_token()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
