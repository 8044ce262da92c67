"""The agreement on rights of use (App.5): its blanks filled in, read in Kazakh or Russian,
signed with the EDS exactly as shown (R-AUTH-2, R-AUTH-8)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import applications
from app.api import DeskApi
from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named
from ui.worker import DeskRunner


def blank_message(code: str) -> str:
    """The analyst's sentence for a blank that does not fit (codes of app.applications)."""
    texts = {
        "empty": translate("Agreement", "Fill this in."),
        "spaces": translate("Agreement", "Remove the spaces at the ends or doubled spaces."),
        "hidden": translate("Agreement", "Remove line breaks and invisible characters."),
        "long": translate("Agreement", "Too long for the form."),
        "characters": translate(
            "Agreement", "Use letters, digits, spaces and the punctuation of a name or title."),
        "date": translate("Agreement", "Not a calendar date."),
    }
    return texts.get(code, translate("Agreement", "This does not fit the form."))


class AgreementDialog(QDialog):
    """Shown at first entry (R-AUTH-2); queries stay refused until it is signed (R-AUTH-3).

    The name is the registered one and the date is today (the gateway checks both); the city
    and the position are the user's to write. Both tabs show the texts that will be signed."""

    signed = Signal()
    declined = Signal()

    def __init__(self, desk: DeskApi, runner: DeskRunner, document: Any,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self._desk, self._runner, self.document = desk, runner, document
        self.setModal(True)
        self.resize(780, 680)
        self.intro = QLabel(wordWrap=True)
        name = desk.user.name if desk.user is not None else ""
        profile = applications.load_profile(desk.config.state_dir)
        # The position as the operator registered it, else as this desk last filed it.
        position = getattr(desk.user, "position", "") or profile.get("position", "")
        self.values = applications.agreement_blanks(
            name, position, profile.get("city", applications.DEFAULT_CITY))
        self.fields: dict[str, QLineEdit] = {}
        self.field_errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.captions: dict[str, QLabel] = {}
        for blank in ("city", "date", "full_name", "position"):
            edit = named(QLineEdit(self.values[blank]), f"agreementBlank_{blank}")
            edit.setReadOnly(blank not in applications.EDITABLE_BLANKS)
            if blank != "date":
                edit.setMaxLength(applications.blank_limit(blank))
            edit.textChanged.connect(lambda value, b=blank: self._edited(b, value))
            error = named(QLabel(wordWrap=True), f"agreementBlankError_{blank}")
            error.setStyleSheet(LEVEL_STYLE["error"])
            error.hide()
            caption = QLabel()
            caption.setBuddy(edit)
            self.fields[blank], self.field_errors[blank], self.captions[blank] = \
                edit, error, caption
            column = QVBoxLayout()
            column.addWidget(edit)
            column.addWidget(error)
            self.form.addRow(caption, column)
        self.tabs = named(QTabWidget(), "agreementTabs")
        self.texts: dict[str, QTextBrowser] = {}
        for lang in ("kk", "ru"):
            view = named(QTextBrowser(), f"agreement_{lang}")
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
        layout.addLayout(self.form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._busy = False
        self.retranslate()
        self._refresh()

    def problems(self) -> dict[str, str]:
        """Blank → problem code for every blank that does not fit the form."""
        found = {b: applications.blank_problem(b, v) for b, v in self.values.items()}
        return {b: code for b, code in found.items() if code is not None}

    def _edited(self, blank: str, value: str) -> None:
        self.values[blank] = value
        self._refresh()

    def _refresh(self) -> None:
        """Show each blank's problem as typed and the texts exactly as they would be signed."""
        problems = self.problems()
        for blank, label in self.field_errors.items():
            code = problems.get(blank)
            label.setText(blank_message(code) if code else "")
            label.setVisible(code is not None)
        texts = (applications.agreement_preview(self.document, self.values) if problems
                 else applications.filled_agreement(self.document, self.values))
        for lang, body in texts.items():
            view = self.texts[lang]
            if view.toPlainText() != body:
                position = view.verticalScrollBar().value()
                view.setPlainText(body)
                view.verticalScrollBar().setValue(position)
        self.sign_button.setEnabled(not problems and not self._busy)

    def signed_texts(self) -> dict[str, str]:
        """What the tabs show: the texts the signature will cover."""
        return {lang: view.toPlainText() for lang, view in self.texts.items()}

    def sign(self) -> None:
        if not self.sign_button.isEnabled():
            return
        values = dict(self.values)
        blanks = applications.blanks_model(values)
        self._set_busy(True)
        desk, shown = self._desk, self.document
        applications.save_profile(desk.config.state_dir, {
            **applications.load_profile(desk.config.state_dir),
            "city": values["city"], "position": values["position"]})
        self._runner.call(lambda: desk.sign_agreement(shown, blanks), self._on_signed,
                          self._on_failed)

    def _on_signed(self, _value: object) -> None:
        self._set_busy(False)
        self.signed.emit()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.sign_button.setEnabled(not busy and not self.problems())
        self.decline_button.setEnabled(not busy)
        for blank in applications.EDITABLE_BLANKS:
            self.fields[blank].setReadOnly(busy)

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
                "(version {version}). Fill in the city and your position; your name is the "
                "registered one and the date is today. Both texts below are signed exactly as "
                "shown. Queries are refused until it is signed.",
            ).format(version=self.document.version)
        )
        captions = {
            "city": translate("Agreement", "&City:"),
            "date": translate("Agreement", "Date:"),
            "full_name": translate("Agreement", "Full name:"),
            "position": translate("Agreement", "&Position:"),
        }
        for blank, caption in self.captions.items():
            caption.setText(captions[blank])
            self.fields[blank].setAccessibleName(captions[blank].replace("&", "").rstrip(":"))
        self.sign_button.setText(translate("Agreement", "&Sign with EDS"))
        self.decline_button.setText(translate("Agreement", "&Decline and sign out"))
        self._refresh_messages()

    def _refresh_messages(self) -> None:
        if hasattr(self, "_busy"):
            self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
