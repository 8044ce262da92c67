"""File → Account and applications… is reachable signed in or not, and says what it can do."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.conftest import WAIT_MS, sign_in
from ui import i18n
from ui.main_window import MainWindow


@pytest.mark.req("R-ACC-2", "R-ACC-8")
def test_account_is_in_the_file_menu_before_and_after_sign_in(
        qtbot: Any, window: MainWindow) -> None:
    action = window.account_action
    assert window.file_menu.actions()[0] is action
    assert action.shortcut().toString() == "Ctrl+Shift+U"
    action.trigger()
    page = window.account_dialog.page
    # Not signed in: a registration can be filed (the token signs it), nothing else.
    assert page.register_button.isEnabled()
    assert not page.leave_button.isEnabled() and not page.transfer_button.isEnabled()
    assert page.table.rowCount() == 0
    page.lost_button.click()
    assert page.guide.isVisibleTo(page) and "12" in page.guide.toPlainText()
    window.account_dialog.close()
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.user is not None, timeout=WAIT_MS)
    action.trigger()
    page = window.account_dialog.page
    assert page.leave_button.isEnabled() and page.transfer_button.isEnabled()
    assert window.desk.user.iin in page.who.text()
    # The user's own block ends the session in the window too.
    page.session_ended.emit()
    qtbot.waitUntil(lambda: window.user is None, timeout=WAIT_MS)


@pytest.mark.req("R-ACC-2")
def test_account_texts_follow_the_language(qtbot: Any, window: MainWindow) -> None:
    try:
        window.set_language("kk")
        qtbot.waitUntil(lambda: window.account_action.text() == "&Есептік жазба және өтінімдер…",
                        timeout=WAIT_MS)
        window.account_action.trigger()
        page = window.account_dialog.page
        assert page.leave_button.text() == "Ұзақ &кету…"
        window.set_language("ru")
        qtbot.waitUntil(lambda: page.leave_button.text() == "Длительное &отсутствие…",
                        timeout=WAIT_MS)
    finally:
        window.set_language("en")
        i18n.apply("en")
