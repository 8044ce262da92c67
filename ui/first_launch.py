"""The first-launch step: the full workstation self-check, readable and printable, before any use.

The marker file is written only when the analyst presses Continue on a workstation that meets
the rules (or in the sandbox, which never enforces); Quit leaves it unwritten, so the step comes
back on the next start.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.selfcheck import CheckResult, Report, SelfcheckConfig
from ui import i18n
from ui.i18n import translate
from ui.signin_page import NOTICE_STYLE, check_line
from ui.widgets import named

if TYPE_CHECKING:  # the runner and its page load when the step is shown, not at start-up
    from app.selfcheck import Readers

log = logging.getLogger(__name__)


def first_launch_done(marker: Path) -> bool:
    return marker.is_file()


def write_marker(marker: Path, report: Report) -> None:
    """Atomically: a half-written marker must not count as a completed step."""
    doc = report.to_json("en")
    record = {
        "completed_at": doc["checked_at"],
        "completed_at_utc": doc["checked_at_utc"],
        "host": report.host,
        "profile": report.profile,
        "overall": doc["overall"],
        "blocking": [c.id for c in report.blocking()],
        "warnings": [c.id for c in report.warnings()],
    }
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_name(marker.name + ".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=2), "utf-8")
    os.replace(tmp, marker)


class FirstLaunchDialog(QDialog):
    """Window-modal: runs every check, shows the full report; Continue, Re-run, Print, Quit."""

    completed = Signal(object)  # Report: the step is done and the marker written

    def __init__(
        self,
        config: SelfcheckConfig,
        marker: Path,
        *,
        enforced: bool = True,
        readers: Readers | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstLaunchDialog")
        self.setModal(True)
        self.setStyleSheet("QDialog#firstLaunchDialog { border: 1px solid #7a7a7a; }")
        self.marker, self.enforced = marker, enforced
        self.blocked_box: QMessageBox | None = None
        self._started = False

        self.intro = named(QLabel(wordWrap=True), "firstLaunchIntro")
        from ui.selfcheck_page import SelfcheckPage

        self.page = SelfcheckPage(config, i18n.current(), readers=readers)
        self.verdict = named(QLabel(wordWrap=True), "firstLaunchVerdict")
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.hide()
        self.quit_button = named(QPushButton(), "firstLaunchQuit")
        self.quit_button.setAutoDefault(False)
        self.continue_button = named(QPushButton(), "firstLaunchContinue")
        self.continue_button.setDefault(True)
        self.continue_button.setEnabled(False)
        self.quit_button.clicked.connect(self.reject)
        self.continue_button.clicked.connect(self.proceed)
        # Issue 11: a newcomer files the registration application right after the check.
        self.register_button = named(QPushButton(), "firstLaunchRegister")
        self.register_button.setAutoDefault(False)
        self.register_button.setEnabled(False)
        self.register_button.clicked.connect(self.proceed_to_registration)
        self.registration: Any = None
        self.page.run_button.clicked.connect(self._update)
        self.page.report_ready.connect(lambda _r: self._update())
        self.page.run_failed.connect(lambda _d: self._update())

        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.verdict)
        layout.addLayout(buttons)
        self.resize(1040, 660)
        self.retranslate()

    def start(self) -> None:
        """Run every check (not only the fast ones): this is the step that proves the PC."""
        self._started = True
        self.page.run(fast_only=False)
        self._update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self.start()

    @property
    def blocking(self) -> list[CheckResult]:
        """Blocking failures that count here: none in the sandbox."""
        report = self.page.report
        return report.blocking() if report is not None and self.enforced else []

    def proceed(self) -> None:
        """Continue: refuses (and says why, and what to fix) while a blocking check fails."""
        report = self.page.report
        if self.page.running or report is None:
            return
        if self.blocking:
            self._explain_block()
            return
        try:
            write_marker(self.marker, report)
        except OSError as exc:
            # The step is done for this session; it simply comes back at the next start.
            log.error("first-launch marker %s could not be written: %s", self.marker, exc)
        self.completed.emit(report)
        self.accept()

    def proceed_to_registration(self) -> None:
        """Continue, then the Account window with the registration form (R-ACC-2): the
        workstation is checked first, as for any other use."""
        window = self.parent()
        self.proceed()
        if self.result() != QDialog.DialogCode.Accepted or window is None:
            return
        from ui.account_action import open_account

        account = open_account(window)
        self.registration = account.page.open_application("registration")

    def _explain_block(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), "", parent=self)
        box.setObjectName("blockedBox")
        box.setText(self._block_text())
        rerun = box.addButton(
            translate("FirstLaunch", "&Re-run the check"), QMessageBox.ButtonRole.AcceptRole
        )
        rerun.setObjectName("blockedRerun")
        quit_ = box.addButton(translate("FirstLaunch", "&Quit"), QMessageBox.ButtonRole.RejectRole)
        quit_.setObjectName("blockedQuit")
        rerun.clicked.connect(self.start)
        quit_.clicked.connect(self.reject)
        box.setDefaultButton(rerun)
        self.blocked_box = box
        box.finished.connect(lambda _r: setattr(self, "blocked_box", None))
        box.open()
        return box

    def _block_text(self) -> str:
        lang = i18n.current()
        lines = [
            translate(
                "FirstLaunch",
                "This workstation does not meet the rules for working with the system, so SIO "
                "Desk may not be used for queries from it. Fix the following, then run the check "
                "again:",
            )
        ]
        lines += [check_line(c, lang) for c in self.blocking]
        return "\n".join(lines)

    def _update(self) -> None:
        running = self.page.running
        self.continue_button.setEnabled(not running and self.page.report is not None)
        self.register_button.setEnabled(self.continue_button.isEnabled())
        report = self.page.report
        if running or report is None:
            self.verdict.hide()
            return
        if self.blocking:
            level, text = "block", self._block_text()
        elif report.blocking() or report.warnings():
            lines = []
            if not self.enforced:
                lines.append(translate("FirstLaunch", "Sandbox: not enforced."))
            lines.append(
                translate(
                    "FirstLaunch",
                    "Some checks need attention; they do not stop you. Tell your administrator:",
                )
            )
            lang = i18n.current()
            lines += [check_line(c, lang) for c in report.blocking() + report.warnings()]
            level, text = "warn", "\n".join(lines)
        else:
            level = "ok"
            text = translate("FirstLaunch", "This workstation meets the rules. Press Continue.")
        self.verdict.setStyleSheet(NOTICE_STYLE[level])
        self.verdict.setProperty("level", level)
        self.verdict.setText(text)
        self.verdict.show()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("FirstLaunch", "First launch: workstation check"))
        self.intro.setText(
            translate(
                "FirstLaunch",
                "SIO Desk runs for the first time on this workstation. The rules allow queries "
                "only from a workstation that meets them (Appendix 3 to the Rules), so every "
                "check is run now. You can print this report to PDF for your records.",
            )
        )
        self.quit_button.setText(translate("FirstLaunch", "&Quit"))
        self.continue_button.setText(translate("FirstLaunch", "&Continue"))
        self.register_button.setText(
            translate("FirstLaunch", "Not registered yet: continue and &apply…"))
        self._update()
        if self.blocked_box is not None:
            self.blocked_box.setText(self._block_text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc must not quit the application by accident; Quit is a button of its own.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.page.shutdown()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
