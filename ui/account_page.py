"""Account: the applications filed from this desk and their decisions (R-ACC-9), and the ways
to file new ones — registration, transfer (editing), going on leave, a lost token."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import applications
from app.applications import Applicant, Filed
from ui import i18n
from ui.application_form import ApplicationDialog
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named
from ui.worker import DeskRunner

log = logging.getLogger(__name__)
POLL_MS = 60_000
COLUMNS = ("id", "action", "state", "submitted_at", "due_at", "decided_at", "reason")


def action_text(action: str) -> str:
    return {
        "registration": translate("Account", "Registration"),
        "transfer": translate("Account", "Transfer (editing)"),
        "blocking": translate("Account", "Blocking"),
    }.get(action, action)


def state_text(one: Filed) -> str:
    """The application's state as the analyst reads it; a self-filed block says so."""
    if one.state == "submitted":
        return translate("Account", "Submitted, awaiting the operator")
    if one.state == "refused":
        return translate("Account", "Refused by the operator")
    if one.action == "blocking" and one.iin and one.note.startswith("leave:"):
        return translate("Account", "Blocked at own request")
    if one.action == "blocking":
        return translate("Account", "Blocked")
    return translate("Account", "Registered") if one.action == "registration" else \
        translate("Account", "Done")


class LeaveDialog(QDialog):
    """Going on leave for more than two months (R-ACC-8): the dates, then the blocking form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leaveDialog")
        today = QDate.currentDate()
        self.first_edit = named(QDateEdit(today), "leaveFirst")
        self.last_edit = named(QDateEdit(today.addMonths(3)), "leaveLast")
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._refresh)
        self.hint = named(QLabel(wordWrap=True), "leaveHint")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.first_caption, self.last_caption = QLabel(), QLabel()
        self.first_caption.setBuddy(self.first_edit)
        self.last_caption.setBuddy(self.last_edit)
        form.addRow(self.first_caption, self.first_edit)
        form.addRow(self.last_caption, self.last_edit)
        self.intro = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setWindowTitle(translate("Account", "Going on leave"))
        self.intro.setText(translate(
            "Account", "Before an absence from the workplace of more than two months you file a "
            "blocking application for your own account (agreement, item 11.2). It takes effect "
            "at once and your session ends. On your return you file a new registration "
            "application."))
        self.first_caption.setText(translate("Account", "&First day of absence:"))
        self.last_caption.setText(translate("Account", "&Last day of absence:"))
        self._refresh()

    def days(self) -> tuple[dt.date, dt.date]:
        first, last = self.first_edit.date(), self.last_edit.date()
        return (dt.date(first.year(), first.month(), first.day()),
                dt.date(last.year(), last.month(), last.day()))

    def _refresh(self, *_args: object) -> None:
        problem = applications.leave_problem(*self.days())
        texts = {
            "order": translate("Account", "The last day is before the first."),
            "past": translate("Account", "The absence must not have begun yet."),
            "short": translate("Account", "An absence of two months or less needs no "
                                          "blocking application."),
        }
        self.hint.setText(texts.get(problem or "", ""))
        self.hint.setStyleSheet(LEVEL_STYLE["error"] if problem else "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None)


class AccountPage(QWidget):
    """What this desk filed and what the operator decided; new applications from here.
    `session_ended` fires when the user's own blocking took effect (the session is over)."""

    session_ended = Signal()

    def __init__(self, desk: Any, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPage")
        self._desk, self._runner = desk, runner
        self.applicant = Applicant.of(desk)
        self.dialog: ApplicationDialog | None = None
        self.who = named(QLabel(wordWrap=True), "accountWho")
        self.table = named(QTableWidget(0, len(COLUMNS)), "accountApplications")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.reason = named(QTextBrowser(), "accountReason")
        self.reason.setMaximumHeight(110)
        self.table.itemSelectionChanged.connect(self._show_reason)
        self.refresh_button = named(QPushButton(), "accountRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.register_button = named(QPushButton(), "accountRegister")
        self.register_button.clicked.connect(lambda: self.open_application("registration"))
        self.transfer_button = named(QPushButton(), "accountTransfer")
        self.transfer_button.clicked.connect(lambda: self.open_application("transfer"))
        self.leave_button = named(QPushButton(), "accountLeave")
        self.leave_button.clicked.connect(self.going_on_leave)
        self.lost_button = named(QPushButton(), "accountLostToken")
        self.lost_button.clicked.connect(self.show_lost_token)
        self.message = named(QLabel(wordWrap=True), "accountMessage")
        self.guide = named(QTextBrowser(), "accountLostGuide")
        self.guide.hide()
        self.block_other_button = named(QPushButton(), "accountBlockColleague")
        self.block_other_button.clicked.connect(
            lambda: self.open_application("blocking", about={}))
        self.block_other_button.hide()
        buttons = QHBoxLayout()
        for b in (self.refresh_button, self.register_button, self.transfer_button,
                  self.leave_button, self.lost_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.caption = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.guide)
        layout.addWidget(self.block_other_button, 0, Qt.AlignmentFlag.AlignLeft)
        # The operator decides within a day (paragraph 6): while something awaits a decision and
        # the token is open, the page asks again every minute by itself.
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._poll)
        self.poll.start()
        self.retranslate()
        self.load()

    def _poll(self) -> None:
        waiting = any(f.state == "submitted" for f in self.rows())
        token_open = self.applicant.unlocked or self._desk.user is not None
        if waiting and token_open and self.isVisible() and not self._runner.busy:
            self.refresh()

    # -- the list ------------------------------------------------------------------------------

    def rows(self) -> list[Filed]:
        return applications.filed(self._desk.config.state_dir)

    def load(self) -> None:
        """Show what this desk filed, as last heard (no network)."""
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for r, one in enumerate(rows):
            cells = (str(one.id), action_text(one.action), state_text(one),
                     one.submitted_at[:16], one.due_at[:16], one.decided_at[:16], one.reason)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        signed_in = self._desk.user is not None
        if signed_in:
            user = self._desk.user
            self.who.setText(translate("Account", "{name}, IIN {iin}")
                             .format(name=user.name, iin=user.iin))
        else:
            self.who.setText(translate(
                "Account", "Not signed in: applications are signed with the token's keys."))
        self.transfer_button.setEnabled(signed_in)
        self.leave_button.setEnabled(signed_in)
        self.refresh_button.setEnabled(bool(rows))
        self._show_reason()

    def _show_reason(self) -> None:
        """The operator's signed reason in full for the chosen (or newest decided) row."""
        rows = self.rows()
        chosen = self.table.currentRow()
        one = rows[chosen] if 0 <= chosen < len(rows) else next(
            (f for f in rows if f.decided_at), None)
        if one is None or not one.decided_at:
            self.reason.setPlainText("")
            return
        signed = (translate("Account", "signed by the operator, signature checked")
                  if one.verified else translate("Account", "signature not checked"))
        self.reason.setPlainText(translate(
            "Account", "Application № {id}: {state} on {at} ({signed}).\n{reason}").format(
                id=one.id, state=state_text(one), at=one.decided_at[:16], signed=signed,
                reason=one.reason))

    def refresh(self) -> None:
        """Ask the gateway about every application still awaiting a decision, and the newest."""
        rows = self.rows()
        todo = [f for f in rows if f.state == "submitted"] or rows[:1]
        if not todo:
            return
        if not self.applicant.unlocked and self._desk.user is None:
            self.message.setText(translate(
                "Account", "Open an application form and enter the PIN first: the query is "
                "signed with your token."))
            return
        self.refresh_button.setEnabled(False)
        applicant = self.applicant

        def work() -> list[Filed]:
            if not applicant.unlocked:
                applicant.unlock(None)
            return [applicant.refresh(one) for one in todo]

        self._runner.call(work, self._refreshed, self._failed)

    def _refreshed(self, _rows: object) -> None:
        self.message.setText(translate("Account", "Statuses refreshed."))
        self.message.setStyleSheet("")
        self.load()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
        self.message.setStyleSheet(LEVEL_STYLE["error"])
        self.load()

    # -- new applications --------------------------------------------------------------------

    def open_application(self, action: applications.Action, *,
                         about: dict[str, str] | None = None, reason: str = "",
                         note: str = "") -> ApplicationDialog:
        dialog = ApplicationDialog(self._desk, self._runner, action, self, about=about,
                                   applicant=self.applicant, reason=reason)
        if note:
            dialog.form.note = lambda: note  # type: ignore[method-assign]
        dialog.form.filed.connect(self._filed)
        dialog.setModal(True)
        dialog.show()
        self.dialog = dialog
        return dialog

    def going_on_leave(self) -> LeaveDialog:
        leave = LeaveDialog(self)
        leave.accepted.connect(lambda: self._leave_dates(leave))
        leave.setModal(True)
        leave.show()
        self.leave_dialog = leave
        return leave

    def _leave_dates(self, leave: LeaveDialog) -> None:
        first, last = leave.days()
        lang = "kk" if i18n.current() == "kk" else "ru"
        self.open_application("blocking", reason=applications.leave_reason(first, last, lang),
                              note=f"leave:{first.isoformat()}/{last.isoformat()}")

    def _filed(self, one: Filed) -> None:
        self.load()
        own = self._desk.user is not None and one.iin == self._desk.user.iin
        if one.action == "blocking" and own:
            # R-ACC-8: it took effect at once; the session is over (the gateway refuses it).
            self.message.setText(translate(
                "Account", "Your account is blocked at your own request. On your return, file "
                "a new registration application."))
            self.session_ended.emit()

    def show_lost_token(self) -> None:
        self.guide.setVisible(not self.guide.isVisible())
        self.block_other_button.setVisible(self.guide.isVisible())

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.caption.setText(translate("Account", "Applications filed from this workstation:"))
        self.table.setHorizontalHeaderLabels([
            translate("Account", "№"), translate("Account", "Kind"),
            translate("Account", "State"), translate("Account", "Filed"),
            translate("Account", "Decision due"), translate("Account", "Decided"),
            translate("Account", "Operator's reason")])
        self.refresh_button.setText(translate("Account", "&Refresh statuses"))
        self.register_button.setText(translate("Account", "Re&gistration application…"))
        self.transfer_button.setText(translate("Account", "&Transfer (editing)…"))
        self.leave_button.setText(translate("Account", "Going on &leave…"))
        self.lost_button.setText(translate("Account", "Token l&ost…"))
        self.block_other_button.setText(translate(
            "Account", "File a blocking application for a user of my organisation…"))
        self.guide.setHtml(translate(
            "Account",
            "<h3>The token is lost</h3><ol>"
            "<li>Revoke your EDS at once in the personal cabinet of the National Certification "
            "Centre (paragraph 12 of the Rules).</li>"
            "<li>Have your account blocked: the official in charge of departmental control of "
            "your organisation files a blocking application for you with their own EDS "
            "(paragraph 7 of the Rules); the operator blocks at once (paragraph 8).</li>"
            "<li>With a new token, file a new registration application.</li></ol>"
            "<p>If you are that official, file the blocking application below: type the "
            "user's data; it is signed with your own token. The operator accepts it only from "
            "a controller of the same organisation or from the operator.</p>"))
        self.load()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "guide"):
            self.retranslate()
        super().changeEvent(event)


class AccountDialog(QDialog):
    """The Account page in its own window (reachable signed in or not)."""

    def __init__(self, desk: Any, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.resize(900, 560)
        self.page = AccountPage(desk, runner, self)
        self._desk, self._runner = desk, runner
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        self.setWindowTitle(translate("Account", "Account and applications"))

    def done(self, result: int) -> None:
        """Not signed in, the token was opened only for the paperwork: it is closed again."""
        self.page.poll.stop()
        applicant = self.page.applicant
        if self._desk.user is None and applicant.unlocked:
            self._runner.call(applicant.lock, None, lambda exc: log.warning(
                "the token could not be logged out after the paperwork: %s", exc))
        super().done(result)
