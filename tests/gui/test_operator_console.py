"""The operator console's screen (issue 13, R-ACC-4): the countdown of the one-day term, the
signature check shown, Register only when the desk's own check holds, a refusal's reason
required and passed on as typed, the documents opened from a private folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog

from app.errors import DeskError
from app.operator import Opened, most_urgent_first
from signing.pades import PdfSignatureReport, VerifyReport
from tests.gateway.applicant import PNG_SCAN
from transport.clock import iso, to_astana
from transport.protocol import ApplicationDetail, ApplicationSummary, Decision
from ui import i18n
from ui.operator_console import OperatorConsolePage, left_text
from ui.worker import DeskRunner

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
WAIT_MS = 5_000


def _summary(app_id: int, due_in: dt.timedelta) -> ApplicationSummary:
    return ApplicationSummary(
        id=app_id, iin="950101300016", action="registration", full_name="ЖАҢАҰЛЫ ТАЛҒАТ",
        organization="АФМ", state="submitted", submitted_at=iso(to_astana(NOW - dt.timedelta(
            days=1) + due_in)), due_at=iso(to_astana(NOW + due_in)), overdue=due_in.days < 0)


def _opened(app_id: int, status: str) -> Opened:
    summary = _summary(app_id, dt.timedelta(hours=5))
    detail = ApplicationDetail(**summary.model_dump(), form={"iin": summary.iin},
                               signer_iin=summary.iin, pdf="JVBERi0=", scans=["iVBORw=="],
                               pdf_status="valid", pdf_reason="", signatures=[])
    sig = PdfSignatureReport("Signature1", status, "why", status == "valid",  # type: ignore[arg-type]
                             status == "valid", True, True, None, NOW, False, "rsa")
    return Opened(detail, b"%PDF-1.7 signed", [PNG_SCAN],
                  VerifyReport(status, "why", [sig]))  # type: ignore[arg-type]


class StandInConsole:
    """What the page asks of app.operator.OperatorConsole; records the decisions sent."""

    def __init__(self, items: list[ApplicationSummary], status: str = "valid") -> None:
        self.items, self.status = items, status
        self.sent: list[tuple[Any, ...]] = []

    def incoming(self) -> list[ApplicationSummary]:
        return list(self.items)

    def open(self, app_id: int) -> Opened:
        return _opened(app_id, self.status)

    def decide(self, app_id: int, verdict: str, reason: str) -> Decision:
        if verdict == "refuse" and not reason.strip():
            raise DeskError("refusal_reason_missing")
        self.sent.append((app_id, verdict, reason))
        self.items = [a for a in self.items if a.id != app_id]
        return Decision(application_id=app_id, iin="950101300016", action="registration",
                        decision=verdict, reason=reason, decided_at=iso(NOW),  # type: ignore[arg-type]
                        operator_iin="900101300011")


@pytest.fixture
def runner(qtbot: Any) -> Iterator[DeskRunner]:
    worker = DeskRunner()
    yield worker
    worker.shutdown()


def _page(qtbot: Any, runner: DeskRunner, console: StandInConsole,
          opened: list[Path] | None = None) -> OperatorConsolePage:
    page = OperatorConsolePage(console, runner, now=lambda: NOW,  # type: ignore[arg-type]
                               opener=(opened.append if opened is not None else lambda _p: None))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == len(console.items), timeout=WAIT_MS)
    return page


@pytest.mark.req("R-ACC-4")
def test_the_list_counts_down_the_one_day_term_nearest_first(qtbot: Any,
                                                             runner: DeskRunner) -> None:
    later, overdue = (_summary(9, dt.timedelta(hours=5, minutes=7)),
                      _summary(7, dt.timedelta(hours=-1, minutes=-20)))
    assert most_urgent_first([later, overdue]) == [overdue, later]
    console = StandInConsole([overdue, later])
    page = _page(qtbot, runner, console)
    rows = [page.tree.topLevelItem(i) for i in range(2)]
    assert [r.text(0) for r in rows] == ["7", "9"]
    assert rows[0].text(5) == "overdue by 1 h 20 min"
    assert rows[1].text(5) == "5 h 07 min left"
    assert left_text(dt.timedelta(minutes=59)) == "0 h 59 min left"


@pytest.mark.req("R-ACC-4", "R-ACC-9")
def test_refusal_needs_a_reason_and_sends_it_as_typed(qtbot: Any, runner: DeskRunner,
                                                      monkeypatch: Any) -> None:
    console = StandInConsole([_summary(7, dt.timedelta(hours=3))])
    opened: list[Path] = []
    page = _page(qtbot, runner, console, opened)
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    page.open_button.click()
    qtbot.waitUntil(lambda: page.opened is not None, timeout=WAIT_MS)
    texts = [page.checks.item(i).text() for i in range(page.checks.count())]
    assert "valid: intact, trusted, in force" in texts[0] and texts[-1].endswith("1")
    assert page.register_button.isEnabled() and page.refuse_button.isEnabled()
    page.pdf_button.click()
    page.scan_button.click()
    assert [p.read_bytes() for p in opened] == [b"%PDF-1.7 signed", PNG_SCAN]
    assert opened[1].suffix == ".png" and oct(opened[0].stat().st_mode & 0o777) == "0o600"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("  ", True))
    page.refuse_button.click()
    assert console.sent == [] and page.status.text() == "A refusal states its reason."
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("Бұйрық жоқ", True))
    page.refuse_button.click()
    qtbot.waitUntil(lambda: console.sent != [], timeout=WAIT_MS)
    assert console.sent == [(7, "refuse", "Бұйрық жоқ")]
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 0, timeout=WAIT_MS)
    assert "refused" in page.status.text() and page.opened is None
    assert not page.refuse_button.isEnabled()


@pytest.mark.req("R-ACC-4")
def test_register_is_disabled_when_the_desk_check_fails(qtbot: Any,
                                                        runner: DeskRunner) -> None:
    console = StandInConsole([_summary(7, dt.timedelta(hours=3))], status="revoked")
    page = _page(qtbot, runner, console)
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    page.open_button.click()
    qtbot.waitUntil(lambda: page.opened is not None, timeout=WAIT_MS)
    assert not page.register_button.isEnabled() and page.refuse_button.isEnabled()
    assert "the certificate is revoked" in page.checks.item(0).text()


def test_every_console_string_is_translated(qtbot: Any, runner: DeskRunner) -> None:
    console = StandInConsole([_summary(7, dt.timedelta(hours=3))])
    page = _page(qtbot, runner, console)
    try:
        for lang in ("kk", "ru"):
            i18n.apply(lang)
            qtbot.waitUntil(lambda: page.open_button.text() != "Open", timeout=WAIT_MS)
            assert page.title.text() != "Incoming applications"
            assert "left" not in page.tree.topLevelItem(0).text(5)
            i18n.apply("en")
            qtbot.waitUntil(lambda: page.open_button.text() == "Open", timeout=WAIT_MS)
    finally:
        i18n.apply("en")
