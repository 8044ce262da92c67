"""File → Account and applications…: reachable signed in or not (an applicant for registration
has no session). Light on purpose: the page and its models load when first opened."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction

from ui.i18n import translate
from ui.widgets import keyed


class _Retitle(QObject):
    """Keeps the action's text in the UI language (the window relays LanguageChange)."""

    def __init__(self, window: Any, action: QAction) -> None:
        super().__init__(window)
        self.action = action
        window.installEventFilter(self)
        self.retitle()

    def retitle(self) -> None:
        self.action.setText(translate("Account", "&Account and applications…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retitle()
        return False


def open_account(window: Any) -> Any:
    """The Account window over `window`'s desk; the user's own block ends the session."""
    from ui.account_page import AccountDialog

    dialog = AccountDialog(window.desk, window.runner, window)
    dialog.page.session_ended.connect(window.lock)
    dialog.show()
    window.account_dialog = dialog
    return dialog


def install_account_action(window: Any) -> QAction:
    """Add the action to `window`'s File menu, first, with its shortcut (Ctrl+Shift+U: Ctrl+Shift+A
    attaches a result)."""
    action = keyed(QAction(window), "Ctrl+Shift+U")
    action.setObjectName("accountAction")
    action.triggered.connect(lambda: open_account(window))
    menu = window.file_menu
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
    _Retitle(window, action)
    return action
