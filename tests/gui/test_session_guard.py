"""Idle lock, lock on token removal, PIN change and the monthly reminder, over the stand-in desk."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import WAIT_MS, sign_in
from tests.gui.fakes import FakeDesk
from ui.app import build_main_window

pytestmark = pytest.mark.gui


def window(qtbot: Any, desk: FakeDesk) -> Any:
    win = build_main_window(desk, "en")
    qtbot.addWidget(win)
    win.show()
    return win


def test_idle_session_locks_itself(qtbot: Any) -> None:
    desk = FakeDesk()
    desk.config.idle_lock_s = 0.4
    win = window(qtbot, desk)
    sign_in(qtbot, win)
    assert win.guard.armed
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.signin_page, timeout=WAIT_MS)
    assert win.user is None
    assert win.notice.isVisible() and "inactivity" in win.notice.text()
    assert not win.guard.armed


def test_activity_keeps_the_session(qtbot: Any) -> None:
    desk = FakeDesk()
    desk.config.idle_lock_s = 0.6
    win = window(qtbot, desk)
    sign_in(qtbot, win)
    for _ in range(4):
        qtbot.wait(300)
        qtbot.keyClick(win.query_page, Qt.Key.Key_Shift)
    assert win.pages.currentWidget() is win.work


@pytest.mark.req("R-AUTH-6")
def test_token_removal_locks_within_two_polls(qtbot: Any) -> None:
    desk = FakeDesk()
    win = window(qtbot, desk)
    sign_in(qtbot, win)
    desk.present = False
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.signin_page, timeout=2500)
    assert "token was removed" in win.notice.text()
    assert win.query_page.result_view.outcome is None


@pytest.mark.req("R-AUTH-7")
def test_pin_reminder_and_change(qtbot: Any) -> None:
    desk = FakeDesk(pin_due=True)
    win = window(qtbot, desk)
    sign_in(qtbot, win)
    qtbot.waitUntil(lambda: win.notice.isVisible(), timeout=WAIT_MS)
    assert "Change PIN" in win.notice.text()

    dialog = win.open_change_pin()
    qtbot.keyClicks(dialog.edits["old"], "12345678")
    qtbot.keyClicks(dialog.edits["new"], "87654321")
    qtbot.keyClicks(dialog.edits["repeat"], "87654320")
    dialog.ok_button.click()
    assert "differ" in dialog.error_label.text() and desk.pin == "12345678"

    for edit in dialog.edits.values():
        edit.clear()
    qtbot.keyClicks(dialog.edits["old"], "00000000")
    qtbot.keyClicks(dialog.edits["new"], "87654321")
    qtbot.keyClicks(dialog.edits["repeat"], "87654321")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.error_label.text(), timeout=WAIT_MS)
    assert desk.pin == "12345678"

    qtbot.keyClicks(dialog.edits["old"], "12345678")
    qtbot.keyClicks(dialog.edits["new"], "87654321")
    qtbot.keyClicks(dialog.edits["repeat"], "87654321")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert desk.pin == "87654321"
    assert not win.notice.isVisible()


def test_notice_follows_language(qtbot: Any) -> None:
    desk = FakeDesk(pin_due=True)
    win = window(qtbot, desk)
    sign_in(qtbot, win)
    qtbot.waitUntil(lambda: win.notice.isVisible(), timeout=WAIT_MS)
    english = win.notice.text()
    win.set_language("ru")
    try:
        qtbot.waitUntil(lambda: win.notice.text() != english, timeout=WAIT_MS)
        assert "PIN" in win.notice.text()
    finally:
        win.set_language("en")


@pytest.mark.req("R-AUTH-2", "R-AUTH-3")
def test_agreement_before_the_first_query(qtbot: Any) -> None:
    desk = FakeDesk(agreement_required=True)
    win = window(qtbot, desk)
    sign_in(qtbot, win)
    qtbot.waitUntil(lambda: win.agreement_dialog is not None, timeout=WAIT_MS)
    dialog = win.agreement_dialog
    assert not win.query_page.isEnabled()
    assert "СОГЛАШЕНИЯ" in dialog.texts["ru"].toPlainText()
    assert "КЕЛІСІМ" in dialog.texts["kk"].toPlainText()
    dialog.fields["position"].setText("бас маман")  # the one blank nothing prefills here
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: desk.agreement_signed is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: win.query_page.isEnabled(), timeout=WAIT_MS)
    assert desk.agreement_signed.version == 1  # exactly the version shown was signed


def test_declining_the_agreement_signs_out(qtbot: Any) -> None:
    desk = FakeDesk(agreement_required=True)
    win = window(qtbot, desk)
    sign_in(qtbot, win)
    qtbot.waitUntil(lambda: win.agreement_dialog is not None, timeout=WAIT_MS)
    win.agreement_dialog.decline_button.click()
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.signin_page, timeout=WAIT_MS)
    assert desk.agreement_signed is None and win.user is None


def test_idle_lock_is_announced_and_keeps_the_form(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    desk = FakeDesk()
    desk.config.idle_lock_s = 1.2  # the warning comes at half of it when that is under 60 s
    win = window(qtbot, desk)
    sign_in(qtbot, win)
    iin = win.query_page.findChild(QLineEdit, "param_iin")
    qtbot.keyClicks(iin, "880101300123")
    qtbot.waitUntil(lambda: win.guard.warning, timeout=WAIT_MS)
    assert "locks in 1 s" in win.notice.text() or "locks in 0 s" in win.notice.text()
    qtbot.keyClick(win.query_page, Qt.Key.Key_Shift)  # back at the keyboard: no lock
    assert not win.guard.warning and "idle_soon" not in win.notices
    assert win.pages.currentWidget() is win.work
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.signin_page, timeout=WAIT_MS)
    assert "What you typed is kept" in win.notice.text()
    assert iin.text() == "880101300123"
    sign_in(qtbot, win)  # the rows are built anew; what was typed carries over
    assert win.query_page.findChild(QLineEdit, "param_iin").text() == "880101300123"
