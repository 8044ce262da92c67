"""The prosecutor's read-only viewer of an exported journal archive (2022 §22–23; R-CTL-3,
R-LOG-1): File → Open journal archive… runs the gateway's offline verification on the folder
with the operator certificate the prosecutor names, then shows every request — who asked, on
what basis, the answer's hash, what became of the result — and, for a tampered archive, the
entry where the verification failed and every request from there on as unproven."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import control
from app.control import ArchiveRequest, ArchiveVerdict
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named
from ui.worker import DeskRunner

BAD_BRUSH = QBrush(QColor("#fde2e1"))
NONE_BRUSH = QBrush(QColor("#fff4d6"))
HASH_COLUMN = 7
OK_STYLE = "background:#e6f4ea; color:#1b5e20; padding:6px; border-radius:4px;"


def action_name(action: Any) -> str:
    return {
        "printed": translate("Archive", "attached to the material (printed)"),
        "exported": translate("Archive", "attached to the material (exported)"),
        "printed_and_exported": translate(
            "Archive", "attached to the material (printed and exported)"
        ),
        "destroyed_unattached": translate("Archive", "destroyed unattached"),
    }.get(str(action), str(action))


class ArchiveViewer(QDialog):
    """Open an archive folder, name the operator certificate, verify, read (see the module)."""

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archiveViewer")
        self.runner = runner
        self.directory: Path | None = None
        self.certificate: Path | None = None
        self.verdict: ArchiveVerdict | None = None
        self.requests: list[ArchiveRequest] = []
        self.folder_label = named(QLabel(wordWrap=True), "archiveFolder")
        self.cert_label = named(QLabel(wordWrap=True), "archiveCertificate")
        self.folder_button = named(QPushButton(), "archiveChooseFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        self.cert_button = named(QPushButton(), "archiveChooseCertificate")
        self.cert_button.clicked.connect(self.choose_certificate)
        self.verify_button = named(QPushButton(), "archiveVerify")
        self.verify_button.clicked.connect(self.verify)
        self.verdict_label = named(QLabel(wordWrap=True), "archiveVerdict")
        self.verdict_label.hide()
        self.table = named(QTableWidget(0, 9), "archiveTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        pick = QHBoxLayout()
        pick.addWidget(self.folder_button)
        pick.addWidget(self.folder_label, 1)
        pick.addWidget(self.cert_button)
        pick.addWidget(self.cert_label, 1)
        pick.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.table, 1)
        self.resize(1180, 700)
        self.retranslate()
        self._update_buttons()

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, translate("Archive", "Journal archive folder")
        )
        if path:
            self.set_archive(Path(path), self.certificate)

    def choose_certificate(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Archive", "The operator's certificate"),
            "",
            translate("Archive", "Certificates (*.pem *.cer *.crt *.der)"),
        )
        if path:
            self.set_archive(self.directory, Path(path))

    def set_archive(self, directory: Path | None, certificate: Path | None) -> None:
        self.directory, self.certificate = directory, certificate
        self.retranslate()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.verify_button.setEnabled(self.directory is not None and self.certificate is not None)

    def verify(self) -> None:
        """Verify offline, then read the files; nothing is shown as sound before the verdict."""
        directory, certificate = self.directory, self.certificate
        if directory is None or certificate is None:
            return
        self.verify_button.setEnabled(False)
        self.verdict_label.setText(translate("Archive", "Verifying the archive…"))
        self.verdict_label.setStyleSheet(LEVEL_STYLE["warning"])
        self.verdict_label.show()

        def work() -> tuple[ArchiveVerdict, list[ArchiveRequest]]:
            verdict = control.verify_archive(directory, certificate)
            return verdict, control.archive_requests(directory)

        self.runner.call(work, self._verified, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        self.verdict_label.setText(error_text(exc))
        self.verdict_label.setStyleSheet(LEVEL_STYLE["error"])

    def _verified(self, result: tuple[ArchiveVerdict, list[ArchiveRequest]]) -> None:
        self.verdict, self.requests = result
        self._update_buttons()
        self._show_verdict()
        self._fill()

    def _show_verdict(self) -> None:
        verdict = self.verdict
        if verdict is None:
            return
        if verdict.ok:
            self.verdict_label.setText(
                translate(
                    "Archive",
                    "The archive is intact: {entries} journal entries check out — the hash chain, "
                    "the operator's signed checkpoints and every signature of the users.",
                ).format(entries=verdict.entries)
            )
            self.verdict_label.setStyleSheet(OK_STYLE)
        elif verdict.first_bad_seq is not None:
            self.verdict_label.setText(
                translate(
                    "Archive",
                    "THE ARCHIVE HAS BEEN ALTERED at journal entry № {seq}: {entries} entries "
                    "before it check out; that entry and everything after it prove nothing.",
                ).format(seq=verdict.first_bad_seq, entries=verdict.entries)
            )
            self.verdict_label.setToolTip(verdict.reason)  # the verifier's own (technical) words
            self.verdict_label.setStyleSheet(LEVEL_STYLE["error"])
        else:
            self.verdict_label.setText(
                translate("Archive", "The archive does not verify: {reason}").format(
                    reason=verdict.reason
                )
            )
            self.verdict_label.setStyleSheet(LEVEL_STYLE["error"])

    def bad_from(self) -> int | None:
        """The first seq that proves nothing (every seq when the verdict is bad but names none)."""
        if self.verdict is None or self.verdict.ok:
            return None
        return self.verdict.first_bad_seq if self.verdict.first_bad_seq is not None else 0

    def _fill(self) -> None:
        bad = self.bad_from()
        self.table.setRowCount(len(self.requests))
        for i, r in enumerate(self.requests):
            basis = r.basis or {}
            became = "; ".join(
                f"№ {d['seq']}: {action_name(d['action'])}"
                + (f" → {d['case_number']}" if d.get("case_number") else "")
                for d in r.dispositions
            )
            if r.kind == "refusal":
                became = translate("Archive", "refused")
            elif not became:
                became = translate("Archive", "nothing recorded")
            cells = (
                str(r.seq),
                r.at[:19].replace("T", " "),
                r.actor_iin or "",
                "" if r.resource is None else f"№{r.resource}",
                str(basis.get("case_number") or ""),
                str(basis.get("legal_ground") or ""),
                str(basis.get("purpose") or ""),
                f"{r.response_sha256[:16]}…" if r.response_sha256 else "—",
                became,
            )
            unproven = bad is not None and r.seq >= bad
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.seq)
                if unproven:
                    item.setBackground(BAD_BRUSH)
                    item.setToolTip(
                        translate("Archive", "Not proven: at or after the altered entry")
                    )
                elif not r.dispositions and r.kind == "query":
                    item.setBackground(NONE_BRUSH)
                if col == HASH_COLUMN and r.response_sha256 and not unproven:
                    item.setToolTip(r.response_sha256)  # the whole hash, to compare
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()

    def row_of(self, seq: int) -> int:
        for i in range(self.table.rowCount()):
            item = self.table.item(i, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == seq:
                return i
        return -1

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Archive", "Journal archive (read-only)"))
        self.folder_button.setText(translate("Archive", "Archive folder…"))
        self.cert_button.setText(translate("Archive", "Operator's certificate…"))
        self.verify_button.setText(translate("Archive", "Verify and show"))
        self.folder_label.setText(
            str(self.directory) if self.directory else translate("Archive", "not chosen")
        )
        self.cert_label.setText(
            str(self.certificate) if self.certificate else translate("Archive", "not chosen")
        )
        self.table.setHorizontalHeaderLabels(
            [
                translate("Archive", "№"),
                translate("Archive", "Time (Astana)"),
                translate("Archive", "Who asked (IIN)"),
                translate("Archive", "Resource"),
                translate("Archive", "Case number"),
                translate("Archive", "Legal ground"),
                translate("Archive", "Purpose"),
                translate("Archive", "Answer hash (SHA-256)"),
                translate("Archive", "What became of the result"),
            ]
        )
        self._show_verdict()
        if self.requests:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
