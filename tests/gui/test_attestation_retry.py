"""R-WS-6, 2022 §4 in the window: a query refused for want of a current workstation self-check
shows why (citing paragraph 4 and Appendix 3), the desk runs every check and sends it at once,
and the user is told the outcome — passed: send again; failed: what failed. The query itself is
not re-sent. The operator's user list says who meets the access policy."""

from __future__ import annotations

from typing import Any

import pytest

from app.attestation import Reattested
from app.errors import DeskError
from app.selfcheck import Report
from tests.gui.conftest import WAIT_MS, fill_query, sign_in
from tests.gui.fakes import FakeDesk
from transport.protocol import UserRow
from ui.attestation_retry import retry_for
from ui.main_window import MainWindow
from ui.operator_users import OperatorUsersPage
from ui.worker import DeskRunner

pytestmark = pytest.mark.req("R-WS-6")
DETAIL = "workstation attestation missing: no complete self-check of the workstation from this user"


def _refuse_queries(desk: FakeDesk, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    asked: list[int] = []

    def refused(resource_id: int, _params: Any, _basis: Any) -> Any:
        asked.append(resource_id)
        raise DeskError("refused", code="workstation_not_attested", detail=DETAIL)

    monkeypatch.setattr(desk, "query", refused)
    return asked


def _checks_and_sends(monkeypatch: pytest.MonkeyPatch, outcome: Reattested | Exception
                      ) -> list[Report]:
    reports: list[Report] = []
    ran = Report(checks=(), profile="2022")
    monkeypatch.setattr("app.selfcheck.runner.run_checks", lambda *_a, **_k: ran)

    def send(_desk: Any, report: Report) -> Reattested:
        reports.append(report)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    monkeypatch.setattr("app.attestation.reattest", send)
    return reports


def _send(qtbot: Any, window: MainWindow) -> None:
    fill_query(qtbot, window)
    qtbot.waitUntil(window.query_page.send_button.isEnabled, timeout=WAIT_MS)
    window.query_page.send_button.click()


def test_a_refused_query_runs_the_self_check_sends_it_and_says_so(
        qtbot: Any, window: MainWindow, fake_desk: FakeDesk,
        monkeypatch: pytest.MonkeyPatch) -> None:
    sign_in(qtbot, window)
    asked = _refuse_queries(fake_desk, monkeypatch)
    reports = _checks_and_sends(monkeypatch, Reattested("PASS", [], 7))
    _send(qtbot, window)
    qtbot.waitUntil(lambda: retry_for(window).box is not None, timeout=WAIT_MS)
    status = window.query_page.status_label.text()
    assert "paragraph 4 of the Rules" in status and "Appendix 3 to the Rules" in status
    assert "no complete self-check" in status
    box = retry_for(window).box
    assert box is not None and box.text() == ("The workstation self-check passed and was sent "
                                              "to the operator. Send the query again.")
    assert len(reports) == 1 and asked == [1]  # the query is not re-sent by itself


def test_a_failed_self_check_names_what_failed(qtbot: Any, window: MainWindow,
                                               fake_desk: FakeDesk,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    sign_in(qtbot, window)
    _refuse_queries(fake_desk, monkeypatch)
    _checks_and_sends(monkeypatch, Reattested("FAIL", ["ram", "internet"], 8))
    _send(qtbot, window)
    qtbot.waitUntil(lambda: retry_for(window).box is not None, timeout=WAIT_MS)
    text = _told(window)
    assert text.startswith("The workstation self-check did not pass: «RAM», «")
    assert "send the query again" in text and "ram" not in text


def test_a_self_check_that_cannot_be_sent_says_why(qtbot: Any, window: MainWindow,
                                                   fake_desk: FakeDesk,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    sign_in(qtbot, window)
    _refuse_queries(fake_desk, monkeypatch)
    _checks_and_sends(monkeypatch, DeskError("channel_unreachable", detail="timed out"))
    _send(qtbot, window)
    qtbot.waitUntil(lambda: retry_for(window).box is not None, timeout=WAIT_MS)
    text = _told(window)
    assert text.startswith("The workstation self-check could not be sent to the operator: ")
    assert "protected channel" in text


def _told(window: MainWindow) -> str:
    box = retry_for(window).box
    assert box is not None
    return box.text()


class _Console:
    def __init__(self, rows: list[UserRow]) -> None:
        self.rows = rows

    def users(self) -> list[UserRow]:
        return list(self.rows)


def test_the_users_list_says_who_meets_the_access_policy(qtbot: Any) -> None:
    rows = [UserRow(iin="950101300016", name="А", organization="АФМ", role="afm_analyst",
                    state="registered", agreement_signed=True,
                    attested_at="2031-03-01T09:30:00+05:00", attestation="PASS",
                    attestation_standing="ok"),
            UserRow(iin="900101300011", name="Б", organization="АФМ", role="afm_analyst",
                    state="registered", agreement_signed=True,
                    attested_at="2031-01-01T09:30:00+05:00", attestation="PASS",
                    attestation_standing="stale"),
            UserRow(iin="900101300022", name="В", organization="АФМ", role="afm_analyst",
                    state="registered", agreement_signed=True, attestation_standing="missing")]
    runner = DeskRunner()
    try:
        page = OperatorUsersPage(_Console(rows), runner)  # type: ignore[arg-type]
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 3, timeout=WAIT_MS)
        header = page.tree.headerItem()
        assert header is not None and header.text(5) == "Access policy"
        assert "paragraph 4 of the Rules, Appendix 3" in header.toolTip(5)
        shown = [page.tree.topLevelItem(i).text(5) for i in range(3)]  # type: ignore[union-attr]
        assert shown == ["met", "too old", "none complete"]
    finally:
        runner.shutdown()
