"""The prefilled notice to the operator of an outage over an hour (R-Q-4), with the operator's
published contacts: the analyst copies it into an e-mail or prints it, then phones."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.messages import LEVEL_STYLE
from ui.widgets import named


class OutageNoticeDialog(QDialog):
    """The notice text (editable: the analyst may add what they saw) and whom to send it to."""

    def __init__(self, text: str, contacts: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outageNoticeDialog")
        self.printer: QPrinter | None = None  # tests may preset one (a PDF file) to skip the dialog
        self.intro = named(QLabel(wordWrap=True), "outageNoticeIntro")
        self.text_edit = named(QPlainTextEdit(text), "outageNoticeText")
        self.text_edit.setMinimumSize(520, 260)
        self.contacts_label = named(QLabel("\n".join(contacts), wordWrap=True),
                                    "outageNoticeContacts")
        self.contacts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contacts_label.setStyleSheet("font-weight: bold;")
        self.status_label = named(QLabel(wordWrap=True), "outageNoticeStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = named(QPushButton(), "outageNoticeCopy")
        self.print_button = named(QPushButton(), "outageNoticePrint")
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.print_notice)
        lay = QVBoxLayout(self)
        for widget in (self.intro, self.text_edit, self.contacts_label, self.status_label,
                       self.buttons):
            lay.addWidget(widget)
        self.setWindowTitle(translate("OutageNotice", "Notice to the operator"))
        self.intro.setText(translate(
            "OutageNotice", "Tell the operator at once by phone and e-mail. Check the text, "
                            "add what you saw, then copy it into an e-mail or print it."))
        self.text_edit.setAccessibleName(translate("OutageNotice", "Text of the notice"))
        self.contacts_label.setAccessibleName(translate("OutageNotice", "Operator's contacts"))
        self.copy_button.setText(translate("OutageNotice", "&Copy text"))
        self.print_button.setText(translate("OutageNotice", "&Print…"))

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self._say(translate("OutageNotice", "The text is copied: paste it into an e-mail."), "")

    def print_notice(self) -> bool:
        """Prints the text and the contacts; False when cancelled or the printer failed."""
        printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.printer is None and QPrintDialog(printer, self).exec() != \
                QDialog.DialogCode.Accepted:
            return False
        doc = QTextDocument()
        doc.setPlainText(self.text() + "\n\n" + self.contacts_label.text())
        doc.print_(printer)
        if not printer.isValid():
            self._say(translate("OutageNotice", "Printing failed: check the printer."), "error")
            return False
        self._say(translate("OutageNotice", "The notice is sent to the printer."), "")
        return True

    def _say(self, message: str, level: str) -> None:
        self.status_label.setStyleSheet(LEVEL_STYLE[level] if level else "")
        self.status_label.setText(message)
