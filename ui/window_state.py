"""The window's size and its splitters' positions, remembered between runs (issue 11)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:  # splitters are only on the signed-in pages: PySide loads the class then
    from PySide6.QtWidgets import QSplitter

ORGANIZATION = "SIO Desk"
APPLICATION = "desk"


def user_settings() -> QSettings:
    """This user's settings file (an INI file in the OS's per-user config place)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION,
                     APPLICATION)


def _key(page: QWidget, index: int, splitter: QSplitter) -> str:
    return f"splitters/{page.objectName() or type(page).__name__}/" \
           f"{splitter.objectName() or index}"


def save_window(settings: QSettings, window: QMainWindow) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())


def restore_window(settings: QSettings, window: QMainWindow) -> bool:
    """True when a size was remembered and applied."""
    geometry = settings.value("window/geometry")
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        return False
    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    return True


def save_splitters(settings: QSettings, page: QWidget) -> None:
    from PySide6.QtWidgets import QSplitter

    for i, splitter in enumerate(page.findChildren(QSplitter)):
        settings.setValue(_key(page, i, splitter), splitter.saveState())


def restore_splitters(settings: QSettings, page: QWidget) -> None:
    from PySide6.QtWidgets import QSplitter

    for i, splitter in enumerate(page.findChildren(QSplitter)):
        state = settings.value(_key(page, i, splitter))
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
