"""Attach a result to its case material (R-RES-1): print it and/or export a signed printout,
then the local copy is destroyed and the journal is told. Nothing is destroyed before the
printout has been printed or written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.api import DeskApi
from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.printout_render import print_document, render_pdf
from ui.widgets import named
from ui.worker import DeskRunner

# The printout is part of the case material: Kazakh or Russian; English only in the sandbox.
PRINT_LANGS = ("kk", "ru")


class AttachDialog(QDialog):
    """One result's attach step; `attached(receipt)` once the copy is destroyed."""

    attached = Signal(object)  # app.casefile.Receipt

    def __init__(self, desk: DeskApi, runner: DeskRunner, outcome: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachDialog")
        self._desk, self._runner, self._outcome = desk, runner, outcome
        self._printout: Any = None
        self.receipt: Any = None
        self.printer: QPrinter | None = None  # tests may preset one (a PDF file) to skip the dialog

        case_dir = desk.config.case_dir
        self.material_label = named(QLabel(outcome.request.basis.case_number), "attachMaterial")
        self.resource_label = named(QLabel(outcome.resource.title(i18n.current())),
                                    "attachResource")
        self.resource_label.setWordWrap(True)
        self.print_box = named(QCheckBox(), "attachPrint")
        self.print_box.setChecked(True)
        self.export_box = named(QCheckBox(), "attachExport")
        self.export_box.setChecked(case_dir is not None)
        self.export_box.setEnabled(case_dir is not None)
        self.export_where = named(QLabel(wordWrap=True), "attachExportWhere")
        self.export_where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lang_box = named(QComboBox(), "attachLanguage")
        langs = PRINT_LANGS + (("en",) if desk.sandbox else ())
        for code in langs:
            self.lang_box.addItem(i18n.LANG_NAMES[code], code)
        current = i18n.current() if i18n.current() in langs else "ru"
        self.lang_box.setCurrentIndex(langs.index(current))
        self.status = named(QLabel(wordWrap=True), "attachStatus")
        self.status.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.attach_button = named(self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole), "attachConfirm")
        self.attach_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.print_box.toggled.connect(self._update)
        self.export_box.toggled.connect(self._update)

        self.form = QFormLayout()
        self.material_caption = QLabel()
        self.resource_caption = QLabel()
        self.lang_caption = QLabel()
        self.lang_caption.setBuddy(self.lang_box)
        self.form.addRow(self.material_caption, self.material_label)
        self.form.addRow(self.resource_caption, self.resource_label)
        self.form.addRow(self.lang_caption, self.lang_box)
        self.explain = named(QLabel(wordWrap=True), "attachExplain")
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.print_box)
        lay.addWidget(self.export_box)
        lay.addWidget(self.export_where)
        lay.addWidget(self.explain)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.retranslate()
        self._update()

    # -- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(translate("AttachDialog", "Attach to case material"))
        self.material_caption.setText(translate("AttachDialog", "Material number:"))
        self.resource_caption.setText(translate("AttachDialog", "Resource:"))
        self.lang_caption.setText(translate("AttachDialog", "Printout &language:"))
        self.print_box.setText(translate("AttachDialog", "&Print (the print dialog opens)"))
        self.export_box.setText(
            translate("AttachDialog", "E&xport a printout signed with your EDS"))
        case_dir = self._desk.config.case_dir
        if case_dir is None:
            self.export_where.setText(translate(
                "AttachDialog", "Export is off: the administrator's policy names no folder "
                                "for case material."))
        else:
            self.export_where.setText(translate("AttachDialog", "Into: {folder}").format(
                folder=str(case_dir)))
        self.explain.setText(translate(
            "AttachDialog",
            "Once the printout is printed or saved, the copy of this result on the "
            "workstation is destroyed and the journal is told, as paragraph 19 of the Rules "
            "requires."))
        self.attach_button.setText(translate("AttachDialog", "&Attach and destroy the copy"))
        self.attach_button.setShortcut(QKeySequence("Ctrl+Return"))

    def _update(self) -> None:
        self.attach_button.setEnabled(self.print_box.isChecked() or self.export_box.isChecked())

    # -- the steps ---------------------------------------------------------------------------

    def start(self) -> None:
        """Read the printout from the vault (worker), then print/export here, then attach."""
        self._busy(translate("AttachDialog", "Preparing the printout…"))
        lang = self.lang_box.currentData()
        self._runner.call(lambda: self._desk.printout(self._outcome.item, lang),
                          self._got_printout, self._failed)

    def _got_printout(self, printout: Any) -> None:
        self._printout = printout
        printed = False
        if self.print_box.isChecked():
            printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
            if self.printer is None:
                dialog = QPrintDialog(printer, self)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    self._idle(translate("AttachDialog", "Printing was cancelled; nothing was "
                                                         "destroyed."))
                    return
            try:
                print_document(printout, printer)
            except OSError as exc:
                self._idle(translate("AttachDialog", "Printing failed: {detail}. Nothing was "
                                                     "destroyed.").format(detail=str(exc)))
                return
            printed = True
        pdf = None
        if self.export_box.isChecked():
            self._busy(translate("AttachDialog", "Signing the printout with your EDS…"))
            QGuiApplication.processEvents()
            pdf = render_pdf(printout)
        item = self._outcome.item
        self._runner.call(lambda: self._desk.attach(item, printed=printed, pdf=pdf),
                          self._done, self._failed)

    def _done(self, receipt: Any) -> None:
        self.receipt = receipt
        self.attached.emit(receipt)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._idle(error_text(exc), error=True)

    def _busy(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.status.show()
        for w in (self.attach_button, self.print_box, self.export_box, self.lang_box):
            w.setEnabled(False)

    def _idle(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(LEVEL_STYLE["error"] if error else "")
        self.status.setText(text)
        self.status.show()
        case_dir = self._desk.config.case_dir
        self.print_box.setEnabled(True)
        self.export_box.setEnabled(case_dir is not None)
        self.lang_box.setEnabled(True)
        self._update()


def receipt_text(receipt: Any) -> str:
    """One line telling what became of a result, for the status line and the case page."""
    action = {
        "printed": translate("AttachDialog", "printed"),
        "exported": translate("AttachDialog", "exported as a signed printout"),
        "printed_and_exported": translate("AttachDialog", "printed and exported"),
        "destroyed_unattached": translate("AttachDialog", "destroyed without attaching"),
    }.get(receipt.action or "", receipt.action or "")
    if receipt.delivery == "sent":
        told = translate("AttachDialog", "the journal has it")
    elif receipt.delivery == "rejected":
        told = translate("AttachDialog", "the gateway did not accept the report")
    else:
        told = translate("AttachDialog", "the report waits for the channel and is re-sent")
    return translate("AttachDialog", "Material {case}, journal № {seq}: {action}; the local "
                                     "copy is destroyed; {told}.").format(
        case=receipt.case_number, seq=receipt.journal_seq, action=action, told=told)
