"""Issue 11: the navigation rail and the window's remembered size and splitters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter

from tests.gui.conftest import WAIT_MS, sign_in
from tests.gui.fakes import FakeDesk
from ui import i18n
from ui.app import build_main_window

pytestmark = pytest.mark.gui


def test_rail_switches_pages_and_follows_them(qtbot: Any, window: Any) -> None:
    rail = window.rail
    assert not rail.buttons["query"].isEnabled()  # nothing to query before signing in
    assert not rail.buttons["reports"].isVisibleTo(window)  # an analyst is no controller
    sign_in(qtbot, window)
    assert rail.buttons["query"].isChecked()
    rail.buttons["case"].click()
    assert window.work.currentWidget() is window.case_page and rail.buttons["case"].isChecked()
    window.query_tab_action.trigger()  # Ctrl+1 from the menu: the rail follows
    assert rail.buttons["query"].isChecked()
    assert not window.work.tabBar().isVisible()  # the rail is the one way between the two
    window.lock()
    assert window.rail.group.checkedButton() is None  # signed out: no page of the rail shown
    window.rail.buttons["diagnostics"].click()
    assert window.rail.group.checkedButton() is None
    window.diagnostics.page.shutdown()
    window.diagnostics.hide()


def test_rail_opens_diagnostics_and_the_account(qtbot: Any, window: Any) -> None:
    window.rail.buttons["diagnostics"].click()
    qtbot.waitUntil(lambda: window.diagnostics is not None and window.diagnostics.isVisible(),
                    timeout=WAIT_MS)
    window.diagnostics.page.shutdown()
    window.diagnostics.hide()
    opened: list[bool] = []
    window.account_action.triggered.disconnect()
    window.account_action.triggered.connect(lambda: opened.append(True))
    window.rail.buttons["account"].click()
    assert opened == [True]


def test_rail_labels_follow_the_language_and_are_accessible(qtbot: Any, window: Any) -> None:
    window.rail.load_icons()
    i18n.apply("ru")
    query = window.rail.buttons["query"]
    qtbot.waitUntil(lambda: query.text() != "Query", timeout=WAIT_MS)
    assert query.text() == "Запрос" and query.accessibleName() == "Запрос"
    assert "Ctrl+1" in query.toolTip()
    assert window.rail.buttons["case"].accessibleName() == "Материалы дела"
    assert not query.icon().isNull()
    i18n.apply("kk")
    qtbot.waitUntil(lambda: query.text() == "Сұрау", timeout=WAIT_MS)


def test_size_and_splitters_are_remembered(qtbot: Any, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    first = build_main_window(FakeDesk(), "en", settings=settings)
    qtbot.addWidget(first)
    first.show()
    sign_in(qtbot, first)
    first.resize(700, 520)  # within the offscreen screen (800×600)
    splitter = first.query_page.findChild(QSplitter)
    total = sum(splitter.sizes())
    splitter.setSizes([total // 4, total - total // 4])
    wanted = splitter.sizes()
    qtbot.waitUntil(lambda: first.width() == 700, timeout=WAIT_MS)
    first.close()

    again = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    second = build_main_window(FakeDesk(), "en", settings=again)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 520)
    second.show()
    sign_in(qtbot, second)
    assert second.query_page.findChild(QSplitter).sizes() == wanted
    second.close()


def test_without_settings_nothing_is_remembered(qtbot: Any, tmp_path: Path) -> None:
    win = build_main_window(FakeDesk(), "en")
    qtbot.addWidget(win)
    assert win.settings is None and (win.width(), win.height()) == (1180, 720)
