"""The operator's "Seal and export the journal…" dialog (issue 13; R-LOG-1, R-CTL-3, R-OPS-1):
nothing starts before a folder is chosen and the permanence of the seal confirmed; progress
shows while the archive arrives; Cancel stops it; the verdict names the entries, the sealed
segments and the export's entry, or the first bad entry; all of it by keyboard too."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.control import ArchiveVerdict
from app.errors import DeskError
from app.journal_export import Exported
from ui import i18n
from ui.operator_journal import JournalExportDialog
from ui.worker import DeskRunner

WAIT_MS = 5_000


class StandIn:
    """The console's export: progress in three steps, then `verdict` (or waits for a cancel)."""

    def __init__(self, verdict: ArchiveVerdict | None, *, hold: bool = False) -> None:
        self.verdict, self.hold = verdict, hold
        self.asked: list[Path] = []
        self.started = threading.Event()

    def export_journal(self, parent: Path, progress: Callable[[int, int | None], None],
                       cancelled: Callable[[], bool]) -> Exported:
        self.asked.append(parent)
        total = 3 << 20
        for n in (1 << 20, 2 << 20):
            progress(n, total)
        self.started.set()
        while self.hold:
            if cancelled():
                raise DeskError("export_cancelled")
            threading.Event().wait(0.01)
        progress(total, total)
        return Exported(parent / "sio-journal-2026-03-02-120000", total, 4, 812, self.verdict)


@pytest.fixture
def runner(qtbot: Any) -> Iterator[DeskRunner]:
    worker = DeskRunner()
    yield worker
    worker.shutdown()


def _dialog(qtbot: Any, runner: DeskRunner, console: StandIn, folder: Path,
            opened: list[Exported] | None = None) -> JournalExportDialog:
    dialog = JournalExportDialog(console, runner, choose=lambda _p: folder,  # type: ignore[arg-type]
                                 viewer=(opened if opened is not None else []).append)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.req("R-LOG-1", "R-CTL-3", "R-OPS-1")
def test_confirmed_export_shows_progress_and_the_verdict(qtbot: Any, runner: DeskRunner,
                                                         tmp_path: Path) -> None:
    console = StandIn(ArchiveVerdict(ok=True, entries=812, first_bad_seq=None, reason="",
                                     signers=[]))
    opened: list[Exported] = []
    dialog = _dialog(qtbot, runner, console, tmp_path, opened)
    assert not dialog.start_button.isEnabled()
    dialog.folder_button.click()
    assert dialog.folder_edit.text() == str(tmp_path)
    assert not dialog.start_button.isEnabled()  # the seal is permanent: confirmed first
    dialog.confirm.setChecked(True)
    assert dialog.start_button.isEnabled()
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=WAIT_MS)
    assert console.asked == [tmp_path]
    text = dialog.verdict.text()
    assert "812 entries in 4 sealed segments" in text and "entry № 812" in text
    assert "3.0 MB" in text and dialog.progress.isHidden()
    dialog.view_button.click()
    assert opened == [dialog.exported]
    i18n.apply("ru")
    try:
        qtbot.waitUntil(lambda: dialog.verdict.text() != text, timeout=WAIT_MS)
        assert "812" in dialog.verdict.text() and "Опечатать" in dialog.windowTitle()
    finally:
        i18n.apply("en")


@pytest.mark.req("R-LOG-1", "R-CTL-3")
def test_a_tampered_archive_names_its_first_bad_entry(qtbot: Any, runner: DeskRunner,
                                                      tmp_path: Path) -> None:
    console = StandIn(ArchiveVerdict(ok=False, entries=40, first_bad_seq=41,
                                     reason="hash mismatch", signers=[]))
    dialog = _dialog(qtbot, runner, console, tmp_path)
    dialog.folder_button.click()
    dialog.confirm.setChecked(True)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=WAIT_MS)
    assert "DOES NOT VERIFY at journal entry № 41" in dialog.verdict.text()
    assert "40 entries before it" in dialog.verdict.text()


@pytest.mark.req("R-LOG-1", "R-OPS-1")
def test_cancel_stops_the_download_by_keyboard(qtbot: Any, runner: DeskRunner,
                                               tmp_path: Path) -> None:
    console = StandIn(None, hold=True)
    dialog = _dialog(qtbot, runner, console, tmp_path)
    dialog.activateWindow()
    dialog.folder_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.folder_button, timeout=WAIT_MS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Choose…
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.confirm
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Space)
    assert dialog.confirm.isChecked()
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)  # the default button: Seal and export
    assert console.started.wait(WAIT_MS / 1000)
    qtbot.waitUntil(lambda: "of 3.0 MB" in dialog.progress_label.text(), timeout=WAIT_MS)
    assert dialog.progress.maximum() == 3 * 1024 and dialog.progress.value() == 2 * 1024
    assert not dialog.start_button.isEnabled() and dialog.close_button.text() == "Cancel"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # cancels; does not close under the download
    qtbot.waitUntil(lambda: not dialog.verdict.isHidden(), timeout=WAIT_MS)
    assert dialog.isVisible() and "cancelled" in dialog.verdict.text()
    assert dialog.close_button.text() == "Close" and dialog.start_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
