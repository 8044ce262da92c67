"""GUI fixtures: a main window over the stand-in desk, and helpers that drive it like a user."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # tests/conftest.py sets it too

from tests.gui.fakes import PIN, VALID_IIN, FakeDesk
from ui import i18n
from ui.app import build_main_window
from ui.main_window import MainWindow

WAIT_MS = 5_000


@pytest.fixture(autouse=True)
def _english_first(qapp: Any) -> None:
    """Every GUI test starts in English: the language is process-wide, and a test that fails
    midway (or forgets to switch back) must not leave the next one reading Russian."""
    i18n.apply("en")


@pytest.fixture
def fake_desk() -> FakeDesk:
    return FakeDesk()


@pytest.fixture
def window(qtbot: Any, fake_desk: FakeDesk) -> Iterator[MainWindow]:
    win = build_main_window(fake_desk, "en")
    qtbot.addWidget(win)  # closed at teardown, which stops the worker thread
    win.show()
    qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=WAIT_MS)
    yield win
    i18n.apply("en")  # the language is process-wide; leave it as the next test expects


def open_pin(qtbot: Any, win: MainWindow) -> Any:
    qtbot.waitUntil(lambda: win.signin_page.sign_in_button.isEnabled(), timeout=WAIT_MS)
    win.signin_page.sign_in_button.click()
    qtbot.waitUntil(
        lambda: win.pin_dialog is not None and win.pin_dialog.isVisible(), timeout=WAIT_MS
    )
    return win.pin_dialog


def sign_in(qtbot: Any, win: MainWindow, pin: str = PIN) -> None:
    dialog = open_pin(qtbot, win)
    qtbot.keyClicks(dialog.pin_edit, pin)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.work, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: win.query_page.current_resource() is not None, timeout=WAIT_MS)


def fill_query(
    qtbot: Any,
    win: MainWindow,
    iin: str = VALID_IIN,
    *,
    case: str = "2025-0142",
    purpose: str = "Проверка контрагента по материалу",
) -> None:
    page = win.query_page
    qtbot.keyClicks(page.findChild(QLineEdit, "param_iin"), iin)
    if case:
        qtbot.keyClicks(page.basis["case_number"].editor, case)
    if purpose:
        # QTest.keyClicks only types Latin-1; Cyrillic goes in as an input method would put it.
        page.basis["purpose"].editor.setFocus()
        page.basis["purpose"].editor.insertPlainText(purpose)
