"""The controller's "Reports" screen driven through its widgets against the sandbox gateway over
TLS with SoftHSM2 tokens (issue 13; R-CTL-1, R-CTL-2, R-CTL-5, R-RES-1): opens on last month,
shows the period asked for with the own-IIN query and the results with nothing done highlighted,
filters, drills into a request's signed entries, exports CSV and a signed PDF, records the
review (the reminder goes), blocks the analyst, whose next query is refused."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app import control
from app.control import Control
from app.errors import DeskError
from signing.pades import verify_pdf
from signing.sandbox_pki import SANDBOX_USERS
from tests.e2e.test_control import ANALYST, BASIS, REASON, World, world  # noqa: F401 - fixture
from ui.control_actions import install_reports_action, is_controller
from ui.reports_page import ANOMALY_BRUSH, NONE_BRUSH, ReportsPage
from ui.worker import DeskRunner

OTHER = SANDBOX_USERS[1]
SLOW_MS = 30_000  # signing, TLS and revocation checks on a shared machine


@pytest.fixture
def page(qtbot: Any, world: World) -> Any:  # noqa: F811 - the fixture above
    runner = DeskRunner()
    widget = ReportsPage(Control(world.controller), runner)
    qtbot.addWidget(widget)
    yield widget
    runner.shutdown()


def _load_today(qtbot: Any, page: ReportsPage) -> None:
    today = control.astana_today()
    for edit in (page.start, page.end):
        edit.setDate(edit.date().fromString(today.isoformat(), "yyyy-MM-dd"))
    page.report = None
    page.open()
    qtbot.waitUntil(lambda: page.report is not None and page.table.rowCount() > 0,
                    timeout=SLOW_MS)


@pytest.mark.req("R-CTL-1", "R-CTL-2", "R-CTL-5", "R-RES-1")
def test_reports_screen_end_to_end(qtbot: Any, page: ReportsPage, world: World,  # noqa: F811
                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, last = control.last_month(control.astana_today())
    assert page.start.date().toString("yyyy-MM-dd") == first.isoformat()  # opens on last month
    assert page.end.date().toString("yyyy-MM-dd") == last.isoformat()
    world.analyst.query(1, {"iin": ANALYST.iin}, BASIS)  # their own IIN
    world.analyst.query(1, {"iin": OTHER.iin}, BASIS)
    _load_today(qtbot, page)
    qtbot.waitUntil(lambda: not page.reminder.isHidden(), timeout=SLOW_MS)  # never reviewed
    assert page.table.rowCount() == 2
    backgrounds = [page.table.item(i, 0).background() for i in range(2)]
    assert backgrounds[0] == ANOMALY_BRUSH and backgrounds[1] == NONE_BRUSH
    assert "own IIN" in page.table.item(0, 7).text()
    assert "2 requests" in page.totals.text()

    page.disposition_box.setCurrentIndex(page.disposition_box.findData("refused"))
    assert page.table.rowCount() == 0
    page.disposition_box.setCurrentIndex(page.disposition_box.findData("none"))
    assert page.table.rowCount() == 2
    page.anomalous.setChecked(True)
    assert page.table.rowCount() == 1
    page.anomalous.setChecked(False)

    page.table.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: "signature valid" in page.detail.toPlainText(), timeout=SLOW_MS)
    assert "chain intact" in page.detail.toPlainText() and BASIS.purpose in (
        page.detail.toPlainText())

    csv_path, pdf_path = tmp_path / "r.csv", tmp_path / "r.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(csv_path if "CSV" in a[1] else pdf_path), ""))
    page.export_csv()
    assert csv_path.read_text("utf-8-sig").count("\n") == 3
    page.export_pdf()
    qtbot.waitUntil(pdf_path.exists, timeout=SLOW_MS)
    verdict = verify_pdf(pdf_path.read_bytes(), world.pki.trust_store())
    assert verdict.status == "valid", verdict.reason
    assert verdict.signatures[-1].profile is not None
    assert verdict.signatures[-1].profile.iin == world.controller.user.iin  # type: ignore[union-attr]
    shown = subprocess.run(["pdfsig", str(pdf_path)], capture_output=True, text=True, check=False)
    assert "Signature #1" in shown.stdout  # an independent reader finds the signature

    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("Өз ЖСН-і бойынша сұрау", True))
    page.review_button.click()
    qtbot.waitUntil(lambda: page.reminder.isHidden(), timeout=SLOW_MS)

    told: list[str] = []
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: (REASON, True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    page.table.setCurrentCell(0, 0)
    page.block_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=SLOW_MS)
    with pytest.raises(DeskError) as refused:
        world.analyst.query(1, {"iin": OTHER.iin}, BASIS)
    assert refused.value.values["code"] == "user_blocked"
    assert REASON in refused.value.text("ru") and "Причина" in refused.value.text("ru")


def test_the_reports_entry_is_offered_to_controllers_only(qtbot: Any, world: World  # noqa: F811
                                                          ) -> None:
    from PySide6.QtWidgets import QMainWindow

    win: Any = QMainWindow()
    qtbot.addWidget(win)
    win.tools_menu = win.menuBar().addMenu("Tools")
    win.user = None
    action = install_reports_action(win)
    assert not action.isVisible()
    win.user = world.analyst.user
    win.tools_menu.aboutToShow.emit()
    assert not action.isVisible() and not is_controller(win)
    win.user = world.controller.user  # the role the gateway answered at sign-in
    win.tools_menu.aboutToShow.emit()
    assert action.isVisible() and action.isEnabled()
