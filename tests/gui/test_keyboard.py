"""Issue 11, keyboard: the PIN field keeps the keyboard after a wrong PIN and Enter submits;
every action in the menus has a shortcut, shown in its menu."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from tests.gui.conftest import WAIT_MS, open_pin, sign_in
from tests.gui.fakes import PIN

pytestmark = pytest.mark.gui


def test_wrong_pin_keeps_the_focus_and_enter_submits(qtbot: Any, window: Any) -> None:
    dialog = open_pin(qtbot, window)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.pin_edit, timeout=WAIT_MS)
    qtbot.keyClicks(QApplication.focusWidget(), "00000000")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.error_label.text()
                    and dialog.pin_edit.isEnabled(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.pin_edit, timeout=WAIT_MS)
    # Typed where the keyboard is, Enter sends it: no mouse needed to try again.
    qtbot.keyClicks(QApplication.focusWidget(), PIN)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work, timeout=WAIT_MS)


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found.extend(_menu_actions(sub))
        elif not action.isSeparator():
            found.append(action)
    return found


def test_every_menu_action_has_a_shortcut_shown(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window)
    actions = [a for menu in window.menuBar().findChildren(QMenu) for a in _menu_actions(menu)]
    actions = list(dict.fromkeys(actions))
    assert len(actions) >= 10
    missing = [a.text() for a in actions if a.shortcut().isEmpty()]
    assert not missing, f"actions without a shortcut: {missing}"
    hidden = [a.text() for a in actions if not a.isShortcutVisibleInContextMenu()
              and QApplication.instance().styleHints().showShortcutsInContextMenus()]
    assert not hidden
    keys = [a.shortcut().toString() for a in actions]
    assert len(keys) == len(set(keys)), f"a shortcut used twice: {sorted(keys)}"


def test_no_shortcut_is_claimed_twice_in_the_window(qtbot: Any, window: Any) -> None:
    """An ambiguous shortcut fires nothing: the menus' keys and the pages' own must differ."""
    from PySide6.QtGui import QShortcut

    sign_in(qtbot, window)
    window.work.setCurrentWidget(window.case_page)  # every page built
    menu_keys = {a.shortcut().toString() for menu in window.menuBar().findChildren(QMenu)
                 for a in _menu_actions(menu)}
    window_wide = [s.key().toString() for s in window.findChildren(QShortcut)
                   if s.context() in (Qt.ShortcutContext.WindowShortcut,
                                      Qt.ShortcutContext.ApplicationShortcut)]
    clash = sorted(set(window_wide) & menu_keys)
    assert not clash, f"claimed by a menu and a page: {clash}"
