"""The operator's Users tab (issue 13; R-ACC-7, App.5 §17) and who gets the operator's tabs:
the actions a state allows, the reason and a suspension's date passed on as given, the state and
its date shown; the tabs only for the operator's registry role, taken away at the next sign-in of
anyone else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from transport.protocol import UserRow
from ui import operator_tab
from ui.operator_users import ActionDialog, EditDialog, OperatorUsersPage
from ui.worker import DeskRunner

WAIT_MS = 5_000
UNTIL = dt.date(2031, 3, 10)


class StandIn:
    """What the Users page asks of app.operator.OperatorConsole; records each signed call."""

    def __init__(self) -> None:
        self.rows = [
            UserRow(iin="900101300011", name="ОПЕРАТОР", organization="КПСиСУ",
                    role="operator", state="registered", agreement_signed=True),
            UserRow(iin="950101300016", name="ТАЛДАУШЫ", organization="АФМ",
                    role="afm_analyst", state="suspended", agreement_signed=True,
                    sanction="suspension", until=UNTIL.isoformat(), reason="себебі",
                    attested_at="2031-03-01T09:30:00+05:00", attestation="FAIL",
                    attestation_not_passed=["disk_encrypted"]),
        ]
        self.sent: list[tuple[Any, ...]] = []

    def users(self) -> list[UserRow]:
        return list(self.rows)

    def block(self, iin: str, reason: str) -> None:
        self.sent.append(("block", iin, reason))

    def unblock(self, iin: str, reason: str) -> None:
        self.sent.append(("unblock", iin, reason))

    def sanction(self, iin: str, kind: str, until: dt.date | None, reason: str) -> None:
        self.sent.append((kind, iin, until, reason))

    def edit_user(self, iin: str, position: str, organization: str, role: str,
                  reason: str) -> None:
        self.sent.append(("edit", iin, position, organization, role, reason))


@pytest.fixture
def runner(qtbot: Any) -> Iterator[DeskRunner]:
    worker = DeskRunner()
    yield worker
    worker.shutdown()


def _choose(page: OperatorUsersPage, row: int) -> None:
    item = page.tree.topLevelItem(row)
    assert item is not None
    page.tree.setCurrentItem(item)


@pytest.mark.req("R-ACC-7", "R-WS-6")
def test_actions_follow_the_state_and_carry_reason_and_date(qtbot: Any,
                                                            runner: DeskRunner) -> None:
    console = StandIn()
    asked: list[tuple[str, str]] = []

    def ask(action: str, title: str) -> tuple[str, dt.date]:
        asked.append((action, title))
        return "нарушение п. 17", UNTIL

    page = OperatorUsersPage(console, runner, ask=ask)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 2, timeout=WAIT_MS)
    second = page.tree.topLevelItem(1)
    assert second is not None and second.text(4) == "suspended until 10.03.2031"
    assert second.text(6) == "2031-03-01 09:30: 1 checks not passed"
    assert second.toolTip(6) == "disk_encrypted"
    first = page.tree.topLevelItem(0)
    assert first is not None and first.text(6) == "no self-check received"
    _choose(page, 0)
    enabled = {a for a, b in page.buttons.items() if b.isEnabled()}
    assert enabled == {"edit", "block", "suspension", "closure", "deletion"}
    page.buttons["suspension"].click()
    qtbot.waitUntil(lambda: console.sent != [], timeout=WAIT_MS)
    assert console.sent == [("suspension", "900101300011", UNTIL, "нарушение п. 17")]
    assert asked == [("suspension", "Suspend access of ОПЕРАТОР")]
    _choose(page, 1)
    enabled = {a for a, b in page.buttons.items() if b.isEnabled()}
    assert enabled == {"edit", "unblock", "closure", "deletion"}
    page.buttons["unblock"].click()
    qtbot.waitUntil(lambda: len(console.sent) == 2, timeout=WAIT_MS)
    assert console.sent[1] == ("unblock", "950101300016", "нарушение п. 17")


@pytest.mark.req("R-ACC-7")
def test_edit_sends_the_new_fields_signed_and_says_where_the_user_sees_them(
        qtbot: Any, runner: DeskRunner) -> None:
    console = StandIn()
    asked: list[tuple[str, str]] = []

    def ask_edit(title: str, row: Any) -> tuple[str, str, str, str]:
        asked.append((title, row.iin))
        return "Бас сарапшы", "ҚР АФМ", "controller", "бұйрық № 7"

    page = OperatorUsersPage(console, runner, ask_edit=ask_edit)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 2, timeout=WAIT_MS)
    _choose(page, 1)
    page.buttons["edit"].click()
    qtbot.waitUntil(lambda: console.sent != [], timeout=WAIT_MS)
    assert console.sent == [("edit", "950101300016", "Бас сарапшы", "ҚР АФМ", "controller",
                             "бұйрық № 7")]
    assert asked == [("Edit ТАЛДАУШЫ", "950101300016")]
    qtbot.waitUntil(lambda: "next sign-in" in page.status.text(), timeout=WAIT_MS)
    console.rows[1] = console.rows[1].model_copy(update={"state": "deleted"})
    page.refresh()
    qtbot.waitUntil(lambda: not page.buttons["edit"].isEnabled(), timeout=WAIT_MS)


def test_the_edit_dialog_starts_from_the_registry_and_wants_every_field(qtbot: Any) -> None:
    row = UserRow(iin="950101300016", name="ТАЛДАУШЫ", organization="АФМ", role="afm_analyst",
                  state="registered", agreement_signed=True, position="Сарапшы")
    dialog = EditDialog("t", row)
    qtbot.addWidget(dialog)
    assert dialog.values() == ("Сарапшы", "АФМ", "afm_analyst", "")
    dialog.role.setCurrentIndex(dialog.role.findData("operator"))
    dialog.organization.setText("  ")
    dialog.reason.setPlainText("себебі")
    dialog._accept()
    assert not dialog.problem.isHidden() and dialog.result() == 0
    dialog.organization.setText(" КПСиСУ ")
    dialog._accept()
    assert dialog.result() == 1
    assert dialog.values() == ("Сарапшы", "КПСиСУ", "operator", "себебі")


def test_the_dialog_wants_a_reason_and_a_later_day(qtbot: Any) -> None:
    dialog = ActionDialog("t", suspension=True)
    qtbot.addWidget(dialog)
    assert dialog.until.minimumDate().toPython() > dt.date.today() - dt.timedelta(days=1)
    dialog._accept()
    assert not dialog.problem.isHidden() and dialog.result() == 0
    dialog.reason.setPlainText("  себебі  ")
    dialog._accept()
    assert dialog.result() == 1 and dialog.values()[0] == "себебі"


def test_only_the_operator_gets_the_tabs(qtbot: Any, runner: DeskRunner) -> None:
    work = QTabWidget()
    qtbot.addWidget(work)
    work.addTab(QWidget(), "Query")
    desk = SimpleNamespace(user=None, config=None)
    operator_tab.show_for(work, desk, runner, SimpleNamespace(role="afm_analyst"))
    assert work.count() == 1
    operator_tab.show_for(work, desk, runner, SimpleNamespace(role="operator"))
    assert [work.tabText(i) for i in range(work.count())] == ["Query", "Applications", "Users",
                                                                 "Emergency journal"]
    assert work.currentIndex() == 1
    operator_tab.show_for(work, desk, runner, SimpleNamespace(role="operator"))
    assert work.count() == 4
    operator_tab.show_for(work, desk, runner, SimpleNamespace(role="controller"))
    assert work.count() == 1


@pytest.mark.req("R-WS-6")
def test_each_sign_in_sends_the_workstation_self_check(qtbot: Any, runner: DeskRunner,
                                                       tmp_path: Any) -> None:
    from app.selfcheck import CheckResult, Report
    from app.selfcheck.model import Status

    class Window(QTabWidget):
        workstation_report = Report(checks=(CheckResult("cpu", "R-WS-3", Status.PASS),),
                                    profile="2022")

    sent: list[bytes] = []
    desk = SimpleNamespace(
        user=SimpleNamespace(iin="950101300016"), config=SimpleNamespace(state_dir=tmp_path),
        client=SimpleNamespace(attest=None),
        send_signed=lambda _endpoint, payload: sent.append(payload) or "receipt")
    work = Window()
    qtbot.addWidget(work)
    operator_tab.show_for(work, desk, runner, SimpleNamespace(role="afm_analyst"))
    qtbot.waitUntil(lambda: len(sent) == 1, timeout=WAIT_MS)
    assert b'"purpose":"sio-attestation"' in sent[0] and b'"overall":"PASS"' in sent[0]
    operator_tab.show_for(work, desk, runner, SimpleNamespace(role="afm_analyst"))
    qtbot.wait(300)
    assert len(sent) == 1  # the same verdict is not sent again

