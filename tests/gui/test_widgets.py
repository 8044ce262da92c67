"""Widget behaviour over the stand-in desk: sign-in, PIN, basis gate, busy state, language."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from app.validation import DEFAULT_LEGAL_GROUND
from tests.gui.conftest import WAIT_MS, fill_query, open_pin, sign_in
from tests.gui.fakes import SURNAME, VALID_IIN, FakeDesk
from ui import i18n
from ui.app import build_main_window

pytestmark = pytest.mark.gui


def _flag_texts(widget: Any) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [
        lab.text()
        for lab in widget.findChildren(QLabel)
        if lab.objectName().startswith(("flag_", "pinFlag_"))
    ]


@pytest.mark.req("R-AUTH-1")
def test_token_and_pin_state_shown_before_pin_entry(qtbot: Any) -> None:
    desk = FakeDesk(attempts_left=1)
    win = build_main_window(desk, "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=WAIT_MS)
    assert "SIO SANDBOX" in win.signin_page.token_label.text()
    flags = " ".join(_flag_texts(win.signin_page))
    assert "Final try" in flags and "Attempts left: 1" in flags
    assert win.pin_dialog is None  # shown before any PIN is asked
    dialog = open_pin(qtbot, win)
    assert "Final try" in " ".join(_flag_texts(dialog))
    assert dialog.pin_edit.echoMode() == QLineEdit.EchoMode.Password


@pytest.mark.req("R-AUTH-1")
def test_locked_token_disables_entry_with_reason(qtbot: Any) -> None:
    desk = FakeDesk(locked=True)
    win = build_main_window(desk, "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=WAIT_MS)
    assert not win.signin_page.sign_in_button.isEnabled()
    assert "locked" in " ".join(_flag_texts(win.signin_page))
    dialog = win.open_pin_dialog(win.signin_page.info)
    assert not dialog.pin_edit.isEnabled() and not dialog.ok_button.isEnabled()
    assert "PUK" in dialog.error_label.text()


@pytest.mark.req("R-AUTH-1")
def test_wrong_pin_keeps_dialog_open_and_clears_field(qtbot: Any, window: Any) -> None:
    dialog = open_pin(qtbot, window)
    qtbot.keyClicks(dialog.pin_edit, "0000")
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.error_label.text(), timeout=WAIT_MS)
    assert "Attempts left: 2" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.pin_edit.text() == ""
    # the token's counters are re-read, so the warning now says attempts are low
    qtbot.waitUntil(lambda: "few attempts" in " ".join(_flag_texts(dialog)), timeout=WAIT_MS)
    assert window.pages.currentWidget() is window.signin_page


@pytest.mark.req("R-Q-2")
def test_send_disabled_until_basis_complete(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window)
    page = window.query_page
    assert page.basis["legal_ground"].text() == DEFAULT_LEGAL_GROUND
    fill_query(qtbot, window, case="", purpose="")
    qtbot.waitUntil(lambda: "Case / material" in page.reason_label.text(), timeout=WAIT_MS)
    assert not page.send_button.isEnabled()
    assert "Purpose" in page.reason_label.text() and not page.reason_label.isHidden()
    qtbot.keyClicks(page.basis["case_number"].editor, "2025-0142")
    page.basis["purpose"].editor.setPlainText("Проверка контрагента")
    qtbot.waitUntil(page.send_button.isEnabled, timeout=WAIT_MS)
    assert page.reason_label.isHidden()
    page.basis["legal_ground"].editor.setPlainText("   ")  # a blank ground is no ground
    qtbot.waitUntil(lambda: not page.send_button.isEnabled(), timeout=WAIT_MS)
    assert page.basis["legal_ground"].error.text() == "required"


def test_iin_field_takes_twelve_digits_only(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window)
    edit = window.query_page.findChild(QLineEdit, "param_iin")
    qtbot.keyClicks(edit, "12ab34567890123")
    assert edit.text() == "123456789012"
    qtbot.waitUntil(
        lambda: "check digit" in window.query_page._params[0].error.text(), timeout=WAIT_MS
    )


def test_query_shows_verified_result_and_runs_off_gui_thread(
    qtbot: Any, window: Any, fake_desk: FakeDesk
) -> None:
    sign_in(qtbot, window)
    fill_query(qtbot, window)
    page = window.query_page
    qtbot.waitUntil(page.send_button.isEnabled, timeout=WAIT_MS)
    page.send_button.click()
    qtbot.waitUntil(lambda: page.result_view.outcome is not None, timeout=WAIT_MS)
    assert SURNAME in page.result_view.cell_texts()
    assert "journal № 7" in page.result_view.verification_text()
    assert fake_desk.queries[0][1] == {"iin": VALID_IIN}
    assert fake_desk.queries[0][2].case_number == "2025-0142"
    assert threading.get_ident() not in fake_desk.threads  # never the GUI thread
    assert len(fake_desk.threads) == 1  # one worker thread for every token/network call


def test_busy_indicator_and_form_disabled_while_sending(
    qtbot: Any, fake_desk: FakeDesk, window: Any
) -> None:
    fake_desk.query_delay = 0.8
    sign_in(qtbot, window)
    fill_query(qtbot, window)
    page = window.query_page
    qtbot.waitUntil(page.send_button.isEnabled, timeout=WAIT_MS)
    page.send()
    assert not page.form.isEnabled() and not page.send_button.isEnabled()
    assert page.progress.isHidden()  # not before 300 ms
    qtbot.waitUntil(lambda: not page.progress.isHidden(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.result_view.outcome is not None, timeout=WAIT_MS)
    assert page.form.isEnabled() and page.progress.isHidden()


@pytest.mark.req("R-Q-2")
def test_ctrl_enter_sends_from_the_purpose_field(
    qtbot: Any, window: Any, fake_desk: FakeDesk
) -> None:
    sign_in(qtbot, window)
    fill_query(qtbot, window)
    page = window.query_page
    qtbot.waitUntil(page.send_button.isEnabled, timeout=WAIT_MS)
    window.activateWindow()  # window shortcuts need an active window
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(
        page.basis["purpose"].editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: len(fake_desk.queries) == 1, timeout=WAIT_MS)
    assert "\n" not in page.basis["purpose"].text()


@pytest.mark.req("R-RES-1")
def test_no_records_then_the_view_clears(qtbot: Any, fake_desk: FakeDesk, window: Any) -> None:
    fake_desk.records = []
    sign_in(qtbot, window)
    fill_query(qtbot, window)
    page = window.query_page
    qtbot.waitUntil(page.send_button.isEnabled, timeout=WAIT_MS)
    page.send()
    qtbot.waitUntil(lambda: page.result_view.outcome is not None, timeout=WAIT_MS)
    assert page.result_view.empty_label.text() == "No records found"
    assert page.result_view.attach_button.isEnabled()
    page.result_view.clear_view()
    assert page.result_view.outcome is None and page.result_view.verification_text() == ""


def test_lock_signs_out_and_wipes_the_screen(qtbot: Any, window: Any, fake_desk: FakeDesk) -> None:
    sign_in(qtbot, window)
    fill_query(qtbot, window)
    qtbot.waitUntil(window.query_page.send_button.isEnabled, timeout=WAIT_MS)
    window.query_page.send()
    qtbot.waitUntil(lambda: window.query_page.result_view.outcome is not None, timeout=WAIT_MS)
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: fake_desk.user is None, timeout=WAIT_MS)
    assert window.pages.currentWidget() is window.signin_page
    assert window.query_page.result_view.outcome is None
    assert window.query_page.params() == {"iin": ""}
    assert "Not signed in" in window.user_status.text()


def test_sandbox_banner_and_title(qtbot: Any, window: Any) -> None:
    assert "SANDBOX" in window.windowTitle()
    assert window.banner.isVisible() and "SANDBOX" in window.banner.text()
    prod = build_main_window(FakeDesk(sandbox=False), "en")
    qtbot.addWidget(prod)
    assert "SANDBOX" not in prod.windowTitle() and prod.banner.isHidden()


def test_status_bar_shows_user_token_gateway(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window)
    assert (
        "ТЕСТОВ ТЕСТ" in window.user_status.text() and "870412300030" in window.user_status.text()
    )
    assert "SIO SANDBOX" in window.token_status.text()
    assert "https://127.0.0.1:8443" in window.gateway_status.text()


def test_language_switch_is_live(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window)
    page = window.query_page
    assert page.send_button.text() == "&Send signed query"
    assert page._params[0].label.text() == "IIN:"
    window.language_actions["kk"].trigger()
    qtbot.waitUntil(
        lambda: page.send_button.text() == "Қол қойылған сұрауды &жіберу", timeout=WAIT_MS
    )
    assert page._params[0].label.text() == "ЖСН:"  # catalogue labels follow too
    assert "СЫНАҚ ОРТАСЫ" in window.banner.text()
    assert window.file_menu.title() == "&Файл"
    window.language_actions["ru"].trigger()
    qtbot.waitUntil(lambda: page._params[0].label.text() == "ИИН:", timeout=WAIT_MS)
    assert "Пользователь" in window.user_status.text()
    assert i18n.current() == "ru"


def test_unexpected_failure_opens_an_error_box(
    qtbot: Any, window: Any, fake_desk: FakeDesk
) -> None:
    sign_in(qtbot, window)
    fill_query(qtbot, window)
    qtbot.waitUntil(window.query_page.send_button.isEnabled, timeout=WAIT_MS)

    def boom(*_a: Any) -> Any:
        raise RuntimeError("disk on fire")

    fake_desk.query = boom  # type: ignore[method-assign]
    window.query_page.send()
    qtbot.waitUntil(lambda: window.message_box is not None, timeout=WAIT_MS)
    box = window.message_box
    assert isinstance(box, QMessageBox) and "disk on fire" in box.text()
    assert "disk on fire" in window.query_page.status_label.text()
    box.close()


def test_about_is_on_f1(qtbot: Any, window: Any) -> None:
    assert window.about_action.shortcut().toString() == "F1"
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    box = window.about()
    assert "SANDBOX" in box.text()
    box.close()
