"""Acceptance: the real window over a real SoftHSM2 token and the in-process TLS gateway."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.gui.conftest import open_pin
from ui import i18n
from ui.app import build_main_window

pytestmark = [pytest.mark.gui, pytest.mark.softhsm]

NET_MS = 30_000  # token login + TLS + signed answer; generous for slow CI machines
CASE = "2025-0142"
PURPOSE = "Проверка контрагента по материалу АФМ"


@pytest.fixture
def sandbox_run(tmp_path: Path, sandbox_pki: Any, softhsm_token: Any) -> Iterator[Any]:
    from sandbox.harness import start_sandbox

    with start_sandbox(tmp_path / "sandbox", pki=sandbox_pki, provisioned=softhsm_token) as run:
        yield run


@pytest.fixture
def real_window(qtbot: Any, sandbox_run: Any) -> Iterator[Any]:
    win = build_main_window(sandbox_run.desk, "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=NET_MS)
    yield win
    win.close()  # stops the worker before the sandbox closes the desk
    i18n.apply("en")


@pytest.mark.req("R-AUTH-1", "R-AUTH-5", "R-Q-2", "R-LOG-1")
def test_signed_query_end_to_end(qtbot: Any, real_window: Any, sandbox_run: Any) -> None:
    win = real_window
    assert sandbox_run.token_kind == "softhsm"
    dialog = open_pin(qtbot, win)
    qtbot.keyClicks(dialog.pin_edit, sandbox_run.pin)
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.work, timeout=NET_MS)
    assert sandbox_run.user.iin in win.user_status.text()

    page = win.query_page
    qtbot.waitUntil(lambda: page.current_resource() is not None, timeout=NET_MS)
    qtbot.keyClicks(page.findChild(QLineEdit, "param_iin"), sandbox_run.sample_iin)
    qtbot.keyClicks(page.basis["case_number"].editor, CASE)
    page.basis["purpose"].editor.insertPlainText(PURPOSE)  # keyClicks types Latin-1 only
    qtbot.waitUntil(page.send_button.isEnabled, timeout=NET_MS)
    page.send_button.click()
    qtbot.waitUntil(lambda: page.result_view.outcome is not None, timeout=NET_MS)

    person = sandbox_run.gateway.population.person_by_iin(sandbox_run.sample_iin)
    assert person.surname in page.result_view.cell_texts()
    seq = page.result_view.outcome.result.journal_seq
    line = page.result_view.verification_text()
    assert f"journal № {seq}" in line and "signature verified" in line

    queries = [e for e in sandbox_run.gateway.journal_entries() if e.kind == "query"]
    assert queries, "the gateway journalled no query"
    last = queries[-1]
    assert last.seq == seq
    assert last.actor_iin == sandbox_run.user.iin
    assert last.basis_obj()["case_number"] == CASE


@pytest.mark.req("R-AUTH-1")
def test_wrong_pin_on_real_token_keeps_dialog(
    qtbot: Any, real_window: Any, sandbox_run: Any
) -> None:
    dialog = open_pin(qtbot, real_window)
    qtbot.keyClicks(dialog.pin_edit, "00000000")
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: not dialog.error_label.isHidden() and dialog.ok_button.isEnabled(), timeout=NET_MS
    )
    assert "Wrong PIN" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.pin_edit.text() == ""
    assert real_window.pages.currentWidget() is real_window.signin_page
    # and the right PIN still works from the same dialog
    qtbot.keyClicks(dialog.pin_edit, sandbox_run.pin)
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: real_window.pages.currentWidget() is real_window.work, timeout=NET_MS
    )


@pytest.mark.req("R-Q-2")
def test_real_window_gates_send_on_basis_and_says_sandbox(
    qtbot: Any, real_window: Any, sandbox_run: Any
) -> None:
    win = real_window
    assert "SANDBOX" in win.windowTitle() and win.banner.isVisible()
    dialog = open_pin(qtbot, win)
    qtbot.keyClicks(dialog.pin_edit, sandbox_run.pin)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: win.query_page.current_resource() is not None, timeout=NET_MS)
    page = win.query_page
    qtbot.keyClicks(page.findChild(QLineEdit, "param_iin"), sandbox_run.sample_iin)
    qtbot.waitUntil(lambda: "Case / material" in page.reason_label.text(), timeout=NET_MS)
    assert not page.send_button.isEnabled()
    win.send_action.trigger()  # the shortcut cannot bypass the gate either
    assert not [e for e in sandbox_run.gateway.journal_entries() if e.kind == "query"]
    before = page.send_button.text()
    win.language_actions["kk"].trigger()
    qtbot.waitUntil(lambda: page.send_button.text() != before, timeout=NET_MS)
    assert "жіберу" in page.send_button.text() and "Іс / материал" in page.reason_label.text()
