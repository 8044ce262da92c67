"""The operator's users (R-ACC-7, App.5 §17): each user's state as admitted now and the sanction
in force, their newest workstation self-check and whether it meets the access policy (2022 §4);
block, unblock, and the sanctions — suspension until a date, closure, deletion — each with its
reason, signed on the operator's token; the user reads the reason when refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.operator import ROLES, OperatorConsole, astana_today, when_text
from ui.i18n import translate
from ui.operator_console import name_tab
from ui.operator_page import CheckedDialog, OperatorPage, single_choice_tree
from ui.widgets import named
from ui.worker import DeskRunner

ITEM_ROLE = Qt.ItemDataRole.UserRole
ORG_WIDTH = 260  # px
# Which actions a user's state allows (the gateway decides again; these only spare a refusal).
ALLOWED = {
    "registered": {"edit", "block", "suspension", "closure", "deletion"},
    # a suspension's end would lift the block
    "blocked": {"edit", "unblock", "closure", "deletion"},
    "suspended": {"edit", "unblock", "closure", "deletion"},
    "closed": {"edit", "unblock", "deletion"},
    "deleted": set(),
}


def state_text(row: Any) -> str:
    """A user's state with the sanction in force, as the operator reads it."""
    if row.state == "suspended":
        return translate("OperatorUsers", "suspended until {date}").format(
            date=_date_text(row.until))
    return {"registered": translate("OperatorUsers", "active"),
            "blocked": translate("OperatorUsers", "blocked"),
            "closed": translate("OperatorUsers", "access closed"),
            "deleted": translate("OperatorUsers", "account deleted")}.get(row.state, row.state)


def role_text(role: str) -> str:
    return {"afm_analyst": translate("OperatorUsers", "analyst"),
            "controller": translate("OperatorUsers", "departmental controller"),
            "operator": translate("OperatorUsers", "operator")}.get(role, role)


def workstation_text(row: Any) -> str:
    """The user's newest signed workstation self-check (2022 §4), as the operator reads it."""
    if not row.attested_at:
        return translate("OperatorUsers", "no self-check received")
    when = when_text(row.attested_at)
    if row.attestation == "PASS":
        return translate("OperatorUsers", "{when}: all checks passed").format(when=when)
    return translate("OperatorUsers", "{when}: {n} checks not passed").format(
        when=when, n=len(row.attestation_not_passed))


def standing_text(row: Any) -> str:
    """Whether the user's newest complete self-check meets the gateway's access policy now
    (2022 §4: passing and fresh), or in two words why not; "" from a gateway that does not
    say."""
    return {"ok": translate("OperatorUsers", "met"),
            "missing": translate("OperatorUsers", "none complete"),
            "failed": translate("OperatorUsers", "checks failed"),
            "undetermined": translate("OperatorUsers", "undetermined"),
            "stale": translate("OperatorUsers", "too old"),
            }.get(row.attestation_standing, row.attestation_standing)


def _date_text(iso_date: str) -> str:
    try:
        return dt.date.fromisoformat(iso_date).strftime("%d.%m.%Y")
    except ValueError:
        return iso_date


class ActionDialog(CheckedDialog):
    """The reason for an action on one user, and a suspension's end date."""

    def __init__(self, title: str, suspension: bool, parent: QWidget | None = None) -> None:
        super().__init__("userActionDialog", title, "userActionProblem", parent)
        self.reason = named(QPlainTextEdit(), "userActionReason")
        self.until = named(QDateEdit(), "userActionUntil")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd.MM.yyyy")
        day = astana_today() + dt.timedelta(days=1)
        tomorrow = QDate(day.year, day.month, day.day)
        self.until.setMinimumDate(tomorrow)  # it ends on a later day (gateway checks again)
        self.until.setDate(tomorrow.addDays(29))
        form = QFormLayout()
        if suspension:
            form.addRow(translate("OperatorUsers", "Access returns on"), self.until)
        form.addRow(translate("OperatorUsers", "Reason (the user reads it; signed with your "
                                               "EDS)"), self.reason)
        self._lay_out(form)

    def what_is_wrong(self) -> str:
        return ("" if self.reason.toPlainText().strip()
                else translate("OperatorUsers", "State the reason."))

    def values(self) -> tuple[str, dt.date]:
        chosen = self.until.date()
        return self.reason.toPlainText().strip(), dt.date(chosen.year(), chosen.month(),
                                                          chosen.day())


Edit = tuple[str, str, str, str]  # position, organisation, role, reason


class EditDialog(CheckedDialog):
    """A user's position, organisation and role as the registry holds them, to change."""

    def __init__(self, title: str, row: Any, parent: QWidget | None = None) -> None:
        super().__init__("userEditDialog", title, "userEditProblem", parent)
        self.position = named(QLineEdit(row.position), "userEditPosition")
        self.organization = named(QLineEdit(row.organization), "userEditOrganization")
        for field in (self.position, self.organization):
            field.setMaxLength(300)  # the registry's column
        self.role = named(QComboBox(), "userEditRole")
        for role in ROLES:
            self.role.addItem(role_text(role), role)
        self.role.setCurrentIndex(max(self.role.findData(row.role), 0))
        self.reason = named(QPlainTextEdit(), "userEditReason")
        form = QFormLayout()
        form.addRow(translate("OperatorUsers", "Position"), self.position)
        form.addRow(translate("OperatorUsers", "Organisation"), self.organization)
        form.addRow(translate("OperatorUsers", "Role"), self.role)
        form.addRow(translate("OperatorUsers", "Reason (kept in the journal; signed with your "
                                               "EDS)"), self.reason)
        self._lay_out(form)

    def what_is_wrong(self) -> str:
        position, organization, _role, reason = self.values()
        if not (position and organization):
            return translate("OperatorUsers", "Fill in the position and the organisation.")
        return "" if reason else translate("OperatorUsers", "State the reason.")

    def values(self) -> Edit:
        return (self.position.text().strip(), self.organization.text().strip(),
                str(self.role.currentData()), self.reason.toPlainText().strip())


class OperatorUsersPage(OperatorPage):
    """Users → Edit / Block / Unblock / Suspend / Close access / Delete, each with its
    reason."""

    def __init__(self, console: OperatorConsole, runner: DeskRunner,
                 parent: QWidget | None = None, *,
                 ask: Callable[[str, str], tuple[str, dt.date] | None] | None = None,
                 ask_edit: Callable[[str, Any], Edit | None] | None = None) -> None:
        super().__init__("usersStatus", parent)
        self.setObjectName("operatorUsers")
        self._console, self._runner = console, runner
        self._ask = ask or self._dialog
        self._ask_edit = ask_edit or self._edit_dialog
        self._rows: list[Any] = []
        self.title = named(QLabel(), "usersTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.tree = single_choice_tree("usersTree", 7)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for action in ("edit", "block", "unblock", "suspension", "closure", "deletion"):
            button = self.buttons[action] = named(QPushButton(), f"users_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.act(a))
            row.addWidget(button)
        self.refresh_button = named(QPushButton(), "usersRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.tree, 1)
        lay.addLayout(row)
        lay.addWidget(self.status)
        self.retranslate()

    def refresh(self) -> None:
        self._runner.call(self._console.users, self._show, self._failed)

    def _show(self, rows: list[Any]) -> None:
        self._rows = rows
        self._render()

    def _render(self) -> None:
        chosen = self.selected()
        self.tree.clear()
        for r in self._rows:
            item = QTreeWidgetItem([r.name, r.iin, r.organization, role_text(r.role),
                                    state_text(r), standing_text(r), workstation_text(r)])
            item.setData(0, ITEM_ROLE, r.iin)
            item.setToolTip(2, r.organization)
            if r.reason:
                item.setToolTip(4, r.reason)
            if r.attestation_not_passed:
                item.setToolTip(6, ", ".join(r.attestation_not_passed))
            self.tree.addTopLevelItem(item)
            if chosen is not None and r.iin == chosen.iin:
                self.tree.setCurrentItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        # A long organisation name would push the state, the policy and the self-check out of
        # sight; it stays whole in its tooltip.
        self.tree.setColumnWidth(2, min(self.tree.columnWidth(2), ORG_WIDTH))
        self._update_buttons()

    def selected(self) -> Any | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        iin = item.data(0, ITEM_ROLE)
        return next((r for r in self._rows if r.iin == iin), None)

    def _update_buttons(self) -> None:
        row = self.selected()
        allowed = ALLOWED.get(row.state, set()) if row is not None else set()
        for action, button in self.buttons.items():
            button.setEnabled(action in allowed)

    def act(self, action: str) -> None:
        row = self.selected()
        if row is None:
            return
        if action == "edit":
            self.edit(row)
            return
        asked = self._ask(action, self._title(action, row))
        if asked is None:
            return
        reason, until = asked
        iin = row.iin
        console = self._console
        work: dict[str, Callable[[], Any]] = {
            "block": lambda: console.block(iin, reason),
            "unblock": lambda: console.unblock(iin, reason),
            "suspension": lambda: console.sanction(iin, "suspension", until, reason),
            "closure": lambda: console.sanction(iin, "closure", None, reason),
            "deletion": lambda: console.sanction(iin, "deletion", None, reason),
        }
        self._say("info", translate("OperatorUsers", "Signing on your token…"))
        self._runner.call(work[action], lambda _r: self._done(row.name), self._failed)

    def edit(self, row: Any) -> None:
        """Ask for the new position, organisation and role, and send them signed."""
        asked = self._ask_edit(self._title("edit", row), row)
        if asked is None:
            return
        position, organization, role, reason = asked
        iin, console = row.iin, self._console
        self._say("info", translate("OperatorUsers", "Signing on your token…"))
        self._runner.call(lambda: console.edit_user(iin, position, organization, role, reason),
                          lambda _r: self._edited(row.name), self._failed)

    def _edited(self, name: str) -> None:
        self._say("ok", translate("OperatorUsers", "Saved for {name}; it is in the journal, and "
                                                   "the user sees it at their next sign-in.")
                  .format(name=name))
        self.refresh()

    def _edit_dialog(self, title: str, row: Any) -> Edit | None:
        dialog = EditDialog(title, row, self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _done(self, name: str) -> None:
        self._say("ok", translate("OperatorUsers", "Done for {name}; it is in the journal and "
                                                   "the user is told why.").format(name=name))
        self.refresh()

    def _title(self, action: str, row: Any) -> str:
        texts = {"edit": translate("OperatorUsers", "Edit {name}"),
                 "block": translate("OperatorUsers", "Block {name}"),
                 "unblock": translate("OperatorUsers", "Unblock {name}"),
                 "suspension": translate("OperatorUsers", "Suspend access of {name}"),
                 "closure": translate("OperatorUsers", "Close access of {name}"),
                 "deletion": translate("OperatorUsers", "Delete the account of {name}")}
        return texts[action].format(name=row.name)

    def _dialog(self, action: str, title: str) -> tuple[str, dt.date] | None:
        dialog = ActionDialog(title, action == "suspension", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        reason, until = dialog.values()
        if action == "deletion" and QMessageBox.question(
                self, title, translate("OperatorUsers", "The user will have to apply for "
                                                        "registration anew. Delete?")
        ) != QMessageBox.StandardButton.Yes:
            return None
        return reason, until

    def retranslate(self) -> None:
        self.title.setText(translate("OperatorUsers", "Users"))
        self.tree.setHeaderLabels([
            translate("OperatorUsers", "Name"), translate("OperatorUsers", "IIN"),
            translate("OperatorUsers", "Organisation"), translate("OperatorUsers", "Role"),
            translate("OperatorUsers", "State"), translate("OperatorUsers", "Access policy"),
            translate("OperatorUsers", "Workstation self-check")])
        header = self.tree.headerItem()
        header.setToolTip(5, translate(
            "OperatorUsers", "Whether the newest complete self-check of the user's workstation "
            "meets the gateway's access policy now: passed, and not too old (paragraph 4 of the "
            "Rules, Appendix 3)"))
        names = {"edit": translate("OperatorUsers", "Edit…"),
                 "block": translate("OperatorUsers", "Block…"),
                 "unblock": translate("OperatorUsers", "Unblock…"),
                 "suspension": translate("OperatorUsers", "Suspend…"),
                 "closure": translate("OperatorUsers", "Close access…"),
                 "deletion": translate("OperatorUsers", "Delete account…")}
        for action, button in self.buttons.items():
            button.setText(names[action])
        self.refresh_button.setText(translate("OperatorUsers", "Refresh"))
        name_tab(self, translate("OperatorUsers", "Users"))
        self._render()
