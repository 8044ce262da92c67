"""The operator's console (2022 §4–7, R-ACC-4): incoming applications with the one-day deadline
counting down; one application's signed PDF and scan, its signatures as this desk checks them;
register, or refuse with a reason — both signed on the operator's token."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.applications import scan_kind
from app.clock import astana_text, now_utc
from app.operator import Opened, OperatorConsole, time_left, when_text
from ui.i18n import translate
from ui.operator_page import OperatorPage, single_choice_tree
from ui.widgets import named
from ui.worker import DeskRunner

if TYPE_CHECKING:
    from ui.operator_journal import JournalExportDialog

TICK_MS = 30_000  # the countdown; the list itself is read again every REFRESH_TICKS ticks
REFRESH_TICKS = 4
ITEM_ROLE = Qt.ItemDataRole.UserRole
SOON = timedelta(hours=3)  # a deadline this near is shown as a warning
SUFFIX = {"image/png": ".png", "image/jpeg": ".jpg", "application/pdf": ".pdf"}


def action_text(action: str) -> str:
    return {"registration": translate("OperatorConsole", "Registration"),
            "transfer": translate("OperatorConsole", "Transfer (editing)"),
            "blocking": translate("OperatorConsole", "Blocking")}.get(action, action)


def check_text(status: str) -> str:
    """A signature check's verdict, as the operator reads it."""
    return {"valid": translate("OperatorConsole", "valid: intact, trusted, in force"),
            "invalid": translate("OperatorConsole", "invalid: changed after signing or broken"),
            "untrusted": translate("OperatorConsole", "the certificate is not from a trusted CA"),
            "revoked": translate("OperatorConsole", "the certificate is revoked"),
            "expired": translate("OperatorConsole", "the certificate has expired"),
            "unsupported": translate("OperatorConsole", "a signature of an unsupported kind"),
            }.get(status, status)


def left_text(left: timedelta) -> str:
    """'5 h 07 min left' or 'overdue by 1 h 20 min' (R-ACC-4: one day)."""
    minutes = int(abs(left.total_seconds()) // 60)
    span = translate("OperatorConsole", "{h} h {m:02d} min").format(h=minutes // 60,
                                                                  m=minutes % 60)
    if left.total_seconds() < 0:
        return translate("OperatorConsole", "overdue by {span}").format(span=span)
    return translate("OperatorConsole", "{span} left").format(span=span)


def name_tab(page: QWidget, title: str) -> None:
    """Set the title of the tab `page` is shown in, if it is in a QTabWidget."""
    holder = page.parentWidget()  # a tab's page sits in the QTabWidget's stack
    tabs = holder.parentWidget() if holder is not None else None
    if isinstance(tabs, QTabWidget) and tabs.indexOf(page) >= 0:
        tabs.setTabText(tabs.indexOf(page), title)


def _open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class OperatorConsolePage(OperatorPage):
    """Incoming applications → Open → the PDF, the scan, the check → Register / Refuse…."""

    def __init__(self, console: OperatorConsole, runner: DeskRunner,
                 parent: QWidget | None = None, *,
                 now: Callable[[], datetime] = now_utc,
                 opener: Callable[[Path], None] = _open_file) -> None:
        super().__init__("operatorStatus", parent)
        self.setObjectName("operatorConsole")
        self._console, self._runner, self._now, self._opener = console, runner, now, opener
        self._items: list[Any] = []
        self.opened: Opened | None = None
        # The PDF and scan hold personal data: one private directory, removed with the page.
        self._files = tempfile.TemporaryDirectory(prefix="sio-operator-")

        self.title = named(QLabel(), "operatorTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.tree = single_choice_tree("operatorTree", 6)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(lambda _i, _c: self.open_selected())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = named(QLabel(wordWrap=True), "operatorEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refresh_button = named(QPushButton(), "operatorRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button = named(QPushButton(), "operatorOpen")
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = named(QPushButton(), "operatorExportJournal")
        self.export_button.clicked.connect(self.export_journal)  # R-LOG-1

        self.detail_title = named(QLabel(wordWrap=True), "operatorDetailTitle")
        self.checks = named(QListWidget(), "operatorChecks")
        self.checks.setWordWrap(True)
        self.pdf_button = named(QPushButton(), "operatorPdf")
        self.pdf_button.clicked.connect(self.show_pdf)
        self.scan_button = named(QPushButton(), "operatorScan")
        self.scan_button.clicked.connect(self.show_scan)
        self.register_button = named(QPushButton(), "operatorRegister")
        self.register_button.clicked.connect(lambda: self.decide("register", ""))
        self.refuse_button = named(QPushButton(), "operatorRefuse")
        self.refuse_button.clicked.connect(self.ask_refusal)

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        acts = QHBoxLayout()
        for b in (self.pdf_button, self.scan_button, self.register_button, self.refuse_button):
            acts.addWidget(b)
        acts.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.tree, 3)
        lay.addWidget(self.empty, 3)
        lay.addLayout(top)
        lay.addWidget(self.detail_title)
        lay.addWidget(self.checks, 2)
        lay.addLayout(acts)
        lay.addWidget(self.status)

        self._ticks = 0
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.call(self._console.incoming, self._show, self._failed)

    def _show(self, items: list[Any]) -> None:
        self._items = items
        self._render()

    def _tick(self) -> None:
        self._ticks += 1
        if self._ticks % REFRESH_TICKS == 0:
            self.refresh()
        else:
            self._render()

    def _render(self) -> None:
        chosen = self.selected_id()
        now = self._now()
        self.tree.clear()
        for a in self._items:
            left = time_left(a.due_at, now)
            row = QTreeWidgetItem([
                str(a.id), a.full_name, a.iin, action_text(a.action),
                when_text(a.submitted_at), left_text(left)])
            row.setData(0, ITEM_ROLE, a.id)
            if left.total_seconds() < 0 or left < SOON:
                row.setForeground(5, Qt.GlobalColor.red if left.total_seconds() < 0
                                  else Qt.GlobalColor.darkYellow)
            row.setToolTip(3, a.organization)
            self.tree.addTopLevelItem(row)
            if a.id == chosen:
                self.tree.setCurrentItem(row)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.tree.setVisible(bool(self._items))
        self.empty.setVisible(not self._items)
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, ITEM_ROLE))

    def open_selected(self) -> None:
        app_id = self.selected_id()
        if app_id is None:
            return
        self._say("info", translate("OperatorConsole", "Opening the application and checking "
                                                       "its signatures…"))
        self._runner.call(lambda: self._console.open(app_id), self._opened, self._failed)

    def _opened(self, opened: Opened) -> None:
        self.opened = opened
        self.status.hide()
        self._render_detail()
        self._update_buttons()

    def _render_detail(self) -> None:
        self.checks.clear()
        opened = self.opened
        if opened is None:
            self.detail_title.setText(translate("OperatorConsole",
                                                "Open an application to see its documents."))
            return
        d = opened.detail
        self.detail_title.setText(translate(
            "OperatorConsole", "Application № {id}: {action}, {name} (IIN {iin}), {org}").format(
                id=d.id, action=action_text(d.action), name=d.full_name, iin=d.iin,
                org=d.organization))
        self.checks.addItem(translate("OperatorConsole", "Signed PDF checked on this desk: {v}")
                            .format(v=check_text(opened.check.status)))
        for sig in opened.check.signatures:
            who = sig.profile.common_name if sig.profile else "?"
            iin = sig.profile.iin if sig.profile and sig.profile.iin else "—"
            when = astana_text(sig.signing_time) if sig.signing_time else "—"
            self.checks.addItem(translate(
                "OperatorConsole", "Signature of {who} (IIN {iin}) at {when}: {v}{cover}").format(
                    who=who, iin=iin, when=when, v=check_text(sig.status),
                    cover="" if sig.whole_document else translate(
                        "OperatorConsole", "; does not cover the whole file")))
        self.checks.addItem(translate("OperatorConsole", "Scans of the paper copy: {n}")
                            .format(n=len(opened.scans)))

    def _update_buttons(self) -> None:
        chosen = self.selected_id()
        self.open_button.setEnabled(chosen is not None)
        opened = self.opened
        ready = opened is not None and opened.detail.state == "submitted"
        self.pdf_button.setEnabled(opened is not None)
        self.scan_button.setEnabled(opened is not None and bool(opened.scans))
        # Registering needs the desk's own check to hold; a refusal is always possible.
        self.register_button.setEnabled(ready and opened is not None
                                        and opened.check.status == "valid")
        self.refuse_button.setEnabled(ready)

    # -- documents ----------------------------------------------------------------------------

    def show_pdf(self) -> None:
        if self.opened is not None:
            self._opener(self._write(f"application-{self.opened.detail.id}.pdf",
                                     self.opened.pdf))

    def show_scan(self) -> None:
        if self.opened is None or not self.opened.scans:
            return
        scan = self.opened.scans[0]
        suffix = SUFFIX.get(scan_kind(scan) or "", ".pdf")
        self._opener(self._write(f"scan-{self.opened.detail.id}{suffix}", scan))

    def _write(self, name: str, data: bytes) -> Path:
        path = Path(self._files.name) / name
        path.write_bytes(data)
        path.chmod(0o600)
        return path

    # -- the decision -------------------------------------------------------------------------

    def ask_refusal(self) -> None:
        reason, ok = QInputDialog.getMultiLineText(
            self, translate("OperatorConsole", "Refuse the application"),
            translate("OperatorConsole", "The reason (the applicant reads it; it is signed "
                                         "with your EDS):"))
        if ok:
            self.decide("refuse", reason)

    def decide(self, verdict: str, reason: str) -> None:
        if self.opened is None:
            return
        app_id = self.opened.detail.id
        if verdict == "refuse" and not reason.strip():
            self._say("error", translate("OperatorConsole", "A refusal states its reason."))
            return
        self._say("info", translate("OperatorConsole", "Signing the decision on your token…"))
        self._runner.call(lambda: self._console.decide(app_id, verdict, reason),  # type: ignore[arg-type]
                          self._decided, self._failed)

    def _decided(self, decision: Any) -> None:
        text = (translate("OperatorConsole", "Application № {id} registered.")
                if decision.decision in ("register", "block") else
                translate("OperatorConsole", "Application № {id} refused; the applicant will "
                                             "see the reason."))
        self.opened = None
        self._render_detail()
        self._say("ok", text.format(id=decision.application_id))
        self.refresh()

    def export_journal(self) -> JournalExportDialog:
        """Seal and export the journal (ui.operator_journal)."""
        from ui.operator_journal import JournalExportDialog

        dialog = JournalExportDialog(self._console, self._runner, self)
        dialog.show()
        return dialog

    # -- display ------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # refreshes
        self.timer.start()

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def retranslate(self) -> None:
        self.title.setText(translate("OperatorConsole", "Incoming applications"))
        self.tree.setHeaderLabels([
            translate("OperatorConsole", "№"), translate("OperatorConsole", "Applicant"),
            translate("OperatorConsole", "IIN"), translate("OperatorConsole", "Application"),
            translate("OperatorConsole", "Received"),
            translate("OperatorConsole", "Decision due (one day)")])
        self.empty.setText(translate("OperatorConsole", "No application awaits a decision."))
        self.refresh_button.setText(translate("OperatorConsole", "Refresh"))
        self.open_button.setText(translate("OperatorConsole", "Open"))
        self.pdf_button.setText(translate("OperatorConsole", "Open signed PDF"))
        self.scan_button.setText(translate("OperatorConsole", "Open scan"))
        self.register_button.setText(translate("OperatorConsole", "Register"))
        self.refuse_button.setText(translate("OperatorConsole", "Refuse…"))
        self.export_button.setText(translate("OperatorConsole", "Seal and export the journal…"))
        name_tab(self, translate("OperatorConsole", "Applications"))
        self._render()
        self._render_detail()

    def closeEvent(self, event: Any) -> None:
        self._files.cleanup()
        super().closeEvent(event)
