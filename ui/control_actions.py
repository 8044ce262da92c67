"""Menu entries of the control roles: Tools → Reports… for a signed-in departmental controller
(the registry's role, as the gateway answered it at sign-in), File → Open journal archive… for
anyone (the prosecutor need not be a user). Light on purpose: the screens load when opened."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from ui.i18n import translate
from ui.widgets import keyed

CONTROLLER = "controller"  # app.control.CONTROLLER, without importing it at start-up


def is_controller(window: Any) -> bool:
    user = getattr(window, "user", None)
    return user is not None and getattr(user, "role", "") == CONTROLLER


def open_reports(window: Any) -> Any:
    """The Reports window over `window`'s desk, opening on last month."""
    from app.control import Control
    from ui.reports_page import ReportsDialog

    dialog = ReportsDialog(Control(window.desk), window.runner, window)
    dialog.show()
    dialog.page.open()
    window.reports_dialog = dialog
    return dialog


def open_archive(window: Any) -> Any:
    from ui.archive_viewer import ArchiveViewer

    viewer = ArchiveViewer(window.runner, window)
    viewer.show()
    window.archive_viewer = viewer
    return viewer


def install_reports_action(window: Any) -> QAction:
    """Tools → Reports… (Ctrl+Shift+R), shown and enabled only while a controller is signed in."""
    action = keyed(QAction(window), "Ctrl+Shift+R")
    action.setObjectName("reportsAction")
    action.triggered.connect(lambda: open_reports(window) if is_controller(window) else None)

    def refresh() -> None:
        action.setText(translate("Reports", "&Reports…"))
        action.setVisible(is_controller(window))
        action.setEnabled(is_controller(window))

    window.tools_menu.aboutToShow.connect(refresh)
    window.tools_menu.addAction(action)
    refresh()
    return action


def install_archive_action(window: Any) -> QAction:
    """File → Open journal archive…, second in the menu, signed in or not."""
    action = QAction(window)
    action.setObjectName("archiveAction")
    action.triggered.connect(lambda: open_archive(window))

    def retitle() -> None:
        action.setText(translate("Archive", "Open journal &archive…"))

    window.file_menu.aboutToShow.connect(retitle)
    actions = window.file_menu.actions()
    window.file_menu.insertAction(actions[1] if len(actions) > 1 else None, action)
    retitle()
    return action
