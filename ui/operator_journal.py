"""The operator's "Seal and export the journal…" (issue 13; R-LOG-1, R-CTL-3, R-OPS-1): choose a
folder, confirm that the seal is permanent, sign with the token the operator signed in with,
watch the archive arrive (cancel at any time: nothing is left in the folder), then read the
verification's verdict — entries, sealed segments, intact or the first bad entry — and open the
archive in the archive viewer."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.journal_export import Exported, pinned_certificates
from app.operator import OperatorConsole
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named
from ui.worker import DeskRunner

OK_STYLE = "background:#e6f4ea; color:#1b5e20; padding:6px; border-radius:4px;"
STEP = 256 * 1024  # progress is passed to the screen at most once per this many bytes
Chooser = Callable[[QWidget], "Path | None"]


def _choose_folder(parent: QWidget) -> Path | None:
    path = QFileDialog.getExistingDirectory(
        parent, translate("OperatorJournal", "Folder for the journal archive"))
    return Path(path) if path else None


def size_text(n: int) -> str:
    """Bytes as people read them: KB below a megabyte, MB with one decimal above."""
    if n < 1 << 20:
        return translate("OperatorJournal", "{n} KB").format(n=max(1, n // 1024) if n else 0)
    return translate("OperatorJournal", "{n} MB").format(n=f"{n / (1 << 20):.1f}")


class _Relay(QObject):
    """Carries the worker thread's progress to the dialog (a queued signal)."""

    moved = Signal(object, object)  # bytes so far, the announced length (or None)


class JournalExportDialog(QDialog):
    """Folder → confirm → Seal and export → progress with Cancel → the verdict."""

    def __init__(self, console: OperatorConsole, runner: DeskRunner,
                 parent: QWidget | None = None, *, choose: Chooser = _choose_folder,
                 viewer: Callable[[Exported], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalExportDialog")
        self.setModal(True)
        self.setMinimumWidth(560)
        self._console, self._runner, self._choose = console, runner, choose
        self._viewer = viewer or self._open_viewer
        self._cancel = threading.Event()
        self._running = False
        self._relay = _Relay(self)
        self._relay.moved.connect(self._moved)
        self.folder: Path | None = None
        self.exported: Exported | None = None
        self._files = tempfile.TemporaryDirectory(prefix="sio-journal-view-")

        self.explain = named(QLabel(wordWrap=True), "journalExplain")
        self.folder_label = named(QLabel(), "journalFolderLabel")
        self.folder_edit = named(QLineEdit(), "journalFolder")
        self.folder_edit.setReadOnly(True)
        self.folder_label.setBuddy(self.folder_edit)
        self.folder_button = named(QPushButton(), "journalChooseFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        self.confirm = named(QCheckBox(), "journalConfirm")
        self.confirm.toggled.connect(lambda _on: self._update_buttons())
        self.start_button = named(QPushButton(), "journalStart")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.progress = named(QProgressBar(), "journalProgress")
        self.progress.hide()
        self.progress_label = named(QLabel(), "journalProgressText")
        self.progress_label.hide()
        self.verdict = named(QLabel(wordWrap=True), "journalVerdict")
        self.verdict.hide()
        self.view_button = named(QPushButton(), "journalOpenViewer")
        self.view_button.clicked.connect(lambda: self.exported and self._viewer(self.exported))
        self.view_button.hide()
        self.close_button = named(QPushButton(), "journalCancel")
        self.close_button.clicked.connect(self.cancel_or_close)

        pick = QHBoxLayout()
        pick.addWidget(self.folder_label)
        pick.addWidget(self.folder_edit, 1)
        pick.addWidget(self.folder_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.view_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.explain)
        lay.addLayout(pick)
        lay.addWidget(self.confirm)
        lay.addWidget(self.progress)
        lay.addWidget(self.progress_label)
        lay.addWidget(self.verdict)
        lay.addLayout(buttons)
        self.retranslate()
        self._update_buttons()

    # -- the steps ------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        chosen = self._choose(self)
        if chosen is not None:
            self.folder = chosen
            self.folder_edit.setText(str(chosen))
        self._update_buttons()

    def start(self) -> None:
        folder = self.folder
        if folder is None or not self.confirm.isChecked() or self._running:
            return
        self._running, self.exported = True, None
        self._cancel.clear()
        self.progress.setRange(0, 0)  # until the gateway has sealed and announced the length
        self.progress.show()
        self.progress_label.setText(translate(
            "OperatorJournal", "Signing on your token; the gateway seals the journal…"))
        self.progress_label.show()
        self.verdict.hide()
        self.view_button.hide()
        self._update_buttons()
        last = [0]

        def progress(n: int, total: int | None) -> None:
            if n - last[0] >= STEP or n == total:
                last[0] = n
                self._relay.moved.emit(n, total)

        self._runner.call(
            lambda: self._console.export_journal(folder, progress, self._cancel.is_set),
            self._done, self._failed)

    def cancel_or_close(self) -> None:
        """While the archive arrives: stop it (nothing is kept); otherwise close."""
        if self._running:
            self._cancel.set()
            self.progress_label.setText(translate("OperatorJournal", "Cancelling…"))
            return
        self.reject()

    def reject(self) -> None:
        if self._running:  # Escape and the window's close button cancel first
            self.cancel_or_close()
            return
        super().reject()

    # -- answers --------------------------------------------------------------------------------

    def _moved(self, n: int, total: int | None) -> None:
        if total:
            # The bar counts KiB: a journal of GBs stays within an int.
            self.progress.setRange(0, max(1, total // 1024))
            self.progress.setValue(n // 1024)
            text = translate("OperatorJournal", "Receiving the archive: {got} of {all}").format(
                got=size_text(n), all=size_text(total))
        else:
            text = translate("OperatorJournal", "Receiving the archive: {got}").format(
                got=size_text(n))
        self.progress_label.setText(text)

    def _done(self, exported: Exported) -> None:
        self._running, self.exported = False, exported
        self.progress.hide()
        self.progress_label.hide()
        self._show_verdict()
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.progress.hide()
        self.progress_label.hide()
        self._say(error_text(exc), LEVEL_STYLE["error"])
        self._update_buttons()

    def _say(self, text: str, style: str) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(style)
        self.verdict.show()

    def _show_verdict(self) -> None:
        done = self.exported
        if done is None:
            return
        where = translate("OperatorJournal", "Saved in {path} ({size}).").format(
            path=done.directory, size=size_text(done.received))
        verdict = done.verdict
        if verdict is None:
            problem = error_text(done.unverified) if done.unverified else ""
            self._say(translate("OperatorJournal", "{where} It could not be verified on this "
                                                   "workstation: {problem}").format(
                where=where, problem=problem), LEVEL_STYLE["warning"])
        elif verdict.ok:
            self._say(translate(
                "OperatorJournal", "The journal is sealed and the archive is intact: {entries} "
                "entries in {segments} sealed segments check out against the operator key this "
                "desk trusts; your export is entry № {seq}. {where}").format(
                    entries=verdict.entries, segments=done.segments, seq=done.export_seq,
                    where=where), OK_STYLE)
        elif verdict.first_bad_seq is not None:
            self._say(translate(
                "OperatorJournal", "THE ARCHIVE DOES NOT VERIFY at journal entry № {seq}: "
                "{entries} entries before it check out. Report this to the security "
                "administrator. {where}").format(
                    seq=verdict.first_bad_seq, entries=verdict.entries, where=where),
                LEVEL_STYLE["error"])
            self.verdict.setToolTip(verdict.reason)  # the verifier's own (technical) words
        else:
            self._say(translate("OperatorJournal", "The archive does not verify: {reason}. "
                                                   "{where}").format(reason=verdict.reason,
                                                                      where=where),
                      LEVEL_STYLE["error"])
        self.view_button.setVisible(True)

    def _open_viewer(self, exported: Exported) -> None:
        from ui.archive_viewer import ArchiveViewer

        pem = pinned_certificates(exported.directory, self._console.desk.config.operator_sha256)
        certificate = Path(self._files.name) / "operator.pem"
        certificate.write_bytes(pem)
        viewer = ArchiveViewer(self._runner, self)
        viewer.set_archive(exported.directory, certificate)
        viewer.show()
        viewer.verify()

    def _update_buttons(self) -> None:
        idle = not self._running
        self.folder_button.setEnabled(idle)
        self.confirm.setEnabled(idle)
        self.start_button.setEnabled(idle and self.folder is not None
                                     and self.confirm.isChecked())
        self.close_button.setText(translate("OperatorJournal", "Cancel") if self._running
                                  else translate("OperatorJournal", "Close"))

    # -- language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(translate("OperatorJournal", "Seal and export the journal"))
        self.explain.setText(translate(
            "OperatorJournal",
            "The gateway seals the journal's open segment with the operator's key and sends "
            "the whole journal as an archive; this desk saves it in a new folder inside the "
            "folder you choose and verifies it. The request is signed with your EDS on the "
            "token and journaled before the seal, so the archive shows who took it."))
        self.folder_label.setText(translate("OperatorJournal", "&Folder:"))
        self.folder_button.setText(translate("OperatorJournal", "C&hoose…"))
        self.confirm.setText(translate(
            "OperatorJournal", "I understand: a sealed segment is permanent — it cannot be "
            "reopened, changed or deleted"))
        self.start_button.setText(translate("OperatorJournal", "&Seal and export"))
        self.view_button.setText(translate("OperatorJournal", "Open in the &archive viewer"))
        self._update_buttons()
        self._show_verdict()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: Any) -> None:
        self._files.cleanup()
        super().closeEvent(event)
