"""Change the token PIN (R-AUTH-7: at least monthly); the date is recorded by the Desk."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api import DeskApi
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named
from ui.worker import DeskRunner

MIN_PIN = 4  # tokens enforce their own minimum too; this catches slips before C_SetPIN


class ChangePinDialog(QDialog):
    """Old PIN, new PIN twice; C_SetPIN runs on the desk's worker thread."""

    changed = Signal()

    def __init__(self, desk: DeskApi, runner: DeskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("changePinDialog")
        self._desk, self._runner = desk, runner
        self.setModal(True)
        self.setMinimumWidth(420)
        self.setStyleSheet("QDialog#changePinDialog { border: 1px solid #7a7a7a; }")
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for key in ("old", "new", "repeat"):
            edit = named(QLineEdit(), f"pin_{key}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(64)
            label = QLabel()
            label.setBuddy(edit)
            self.edits[key], self.labels[key] = edit, label
            form.addRow(label, edit)
        self.error_label = named(QLabel(wordWrap=True), "changePinError")
        self.error_label.setStyleSheet(LEVEL_STYLE["error"])
        self.error_label.hide()
        self.ok_button = named(QPushButton(), "changePinOk")
        self.ok_button.setDefault(True)
        self.cancel_button = named(QPushButton(), "changePinCancel")
        buttons = QDialogButtonBox()
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.retranslate()
        self.edits["old"].setFocus()

    def problem(self) -> str | None:
        """Why the typed PINs cannot be sent, in the current language; None when they can."""
        old, new, repeat = (self.edits[k].text() for k in ("old", "new", "repeat"))
        if not old or not new:
            return translate("ChangePin", "Type the current PIN and the new one.")
        if len(new) < MIN_PIN:
            return translate(
                "ChangePin", "The new PIN is too short (at least {n} characters)."
            ).format(n=MIN_PIN)
        if new != repeat:
            return translate("ChangePin", "The new PIN and its repetition differ.")
        if new == old:
            return translate("ChangePin", "The new PIN must differ from the current one.")
        return None

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        reason = self.problem()
        if reason is not None:
            self._show_error(reason)
            return
        old, new = self.edits["old"].text(), self.edits["new"].text()
        for edit in self.edits.values():
            edit.clear()  # the PINs leave the widgets at once; only the worker holds them
        self._set_busy(True)
        desk = self._desk
        self._runner.call(lambda: desk.change_pin(old, new), self._on_changed, self._on_failed)

    def _on_changed(self, _value: object) -> None:
        self._set_busy(False)
        self.changed.emit()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_error(error_text(exc))
        self.edits["old"].setFocus()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        for edit in self.edits.values():
            edit.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def reject(self) -> None:
        if self.cancel_button.isEnabled():  # C_SetPIN in flight cannot be abandoned
            super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ChangePin", "Change the token PIN"))
        self.labels["old"].setText(translate("ChangePin", "&Current PIN:"))
        self.labels["new"].setText(translate("ChangePin", "&New PIN:"))
        self.labels["repeat"].setText(translate("ChangePin", "&Repeat the new PIN:"))
        self.ok_button.setText(translate("ChangePin", "Change PIN"))
        self.cancel_button.setText(translate("ChangePin", "Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
