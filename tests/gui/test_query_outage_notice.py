"""The query page offers the prefilled operator notice only past an hour of outage (R-Q-4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter

from app.downtime import Downtime
from app.errors import DeskError
from tests.gui.conftest import WAIT_MS, fill_query, sign_in
from transport.clock import now_astana
from transport.downtime import OperatorContacts
from ui import i18n
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.req("R-Q-4")]

CONTACTS = OperatorContacts(phones=["+7 7172 11-22-33"], email="support@sio.example")


def _emergency(ago: dt.timedelta) -> Downtime:
    now = now_astana()
    return Downtime("emergency", now - ago, None, over_one_hour=ago > dt.timedelta(hours=1),
                    contacts=CONTACTS)


def _pick(qtbot: Any, window: MainWindow, resource: int) -> None:
    page = window.query_page
    page.finder.filter.setFocus()
    qtbot.keyClicks(page.finder.filter, str(resource))
    qtbot.keyClick(page.finder.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.current_resource() is not None
                    and page.current_resource().id == resource, timeout=WAIT_MS)  # type: ignore[union-attr]


def test_the_offer_appears_only_past_an_hour_of_emergency(
        qtbot: Any, window: MainWindow, fake_desk: Any) -> None:
    fake_desk.downtimes[19] = [_emergency(dt.timedelta(minutes=40))]
    fake_desk.downtimes[2] = [_emergency(dt.timedelta(minutes=90))]
    sign_in(qtbot, window)
    fake_desk.user.organization = "АФМ"
    page = window.query_page
    _pick(qtbot, window, 19)
    qtbot.waitUntil(lambda: page.downtime_bar.isVisibleTo(window), timeout=WAIT_MS)
    assert not page.outage_button.isVisibleTo(window)  # 40 minutes: not yet
    page.select_resource(2)
    qtbot.waitUntil(lambda: page.outage_button.isVisibleTo(window), timeout=WAIT_MS)
    assert page.outage_button.text() == "Prepare a notice to the operator…"
    page.outage_button.click()
    dialog = page.outage_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    res = page.current_resource()
    assert res is not None and res.title("en") in text
    assert "ТЕСТОВ ТЕСТ, АФМ" in text and "paragraph 15 of the 2017 Rules" in text
    assert "open emergency since" in text
    assert "+7 7172 11-22-33" in dialog.contacts_label.text()
    assert "support@sio.example" in dialog.contacts_label.text()
    dialog.text_edit.appendPlainText("The photo service answers nothing.")
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text().endswith("The photo service answers nothing.")
    dialog.reject()
    page.select_resource(19)
    qtbot.waitUntil(lambda: not page.outage_button.isVisibleTo(window), timeout=WAIT_MS)


def test_the_dialog_reads_in_russian_and_prints(
        qtbot: Any, window: MainWindow, fake_desk: Any, tmp_path: Path) -> None:
    fake_desk.downtimes[2] = [_emergency(dt.timedelta(hours=3))]
    sign_in(qtbot, window)
    fake_desk.user.organization = "АФМ"
    i18n.apply("ru")
    page = window.query_page
    page.select_resource(2)
    qtbot.waitUntil(lambda: page.outage_button.isVisibleTo(window), timeout=WAIT_MS)
    assert page.outage_button.text() == "Подготовить уведомление оператору…"
    page.outage_button.click()
    dialog = page.outage_dialog
    assert dialog is not None
    assert "п. 15 Правил 2017 года" in dialog.text()
    assert "Эл. почта: support@sio.example" in dialog.contacts_label.text()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "notice.pdf"))
    dialog.printer = printer
    assert dialog.print_notice()
    assert (tmp_path / "notice.pdf").read_bytes().startswith(b"%PDF")
    dialog.reject()


def test_failed_sends_over_an_hour_offer_the_notice(
        qtbot: Any, window: MainWindow, fake_desk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def down(*_args: Any) -> Any:
        raise DeskError("channel_unreachable", detail="connection refused")

    monkeypatch.setattr(fake_desk, "query", down)
    sign_in(qtbot, window)
    fake_desk.user.organization = "АФМ"
    page = window.query_page
    _pick(qtbot, window, 19)
    fill_query(qtbot, window)
    qtbot.waitUntil(page.send_button.isEnabled, timeout=WAIT_MS)

    def send_and_fail() -> None:
        page.send_button.click()
        qtbot.waitUntil(lambda: page.send_button.isEnabled() and not page.sending,
                        timeout=WAIT_MS)

    send_and_fail()  # the first failure: no offer, nothing spans an hour
    assert not page.outage_button.isVisibleTo(window)
    run = page.attempts.run(19)
    assert run is not None and run.count == 1
    run.first -= dt.timedelta(hours=1, minutes=5)  # as if the first had failed 65 minutes ago
    send_and_fail()
    qtbot.waitUntil(lambda: page.outage_button.isVisibleTo(window), timeout=WAIT_MS)
    page.outage_button.click()
    dialog = page.outage_dialog
    assert dialog is not None and "2 attempts to send a query failed" in dialog.text()
    assert "operator's portal" in dialog.contacts_label.text()  # none were ever published
    dialog.reject()
