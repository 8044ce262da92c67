"""GUI entry: QApplication, shipped fonts, translations, and the main window."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ui import i18n
from ui.fonts import register_fonts
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from app.desk import Desk

_fonts_registered: list[str] = []


def ensure_app() -> QApplication:
    """The process's QApplication, created high-DPI friendly if there is none yet."""
    app = QApplication.instance()
    if app is None:
        # Fractional scale factors (125 %, 150 %) as the OS sets them, not rounded to 1 or 2.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("SIO Desk")
    app.setApplicationDisplayName("SIO Desk")
    if not _fonts_registered:
        _fonts_registered.extend(register_fonts(app) or ["(none)"])
    return app


def build_main_window(desk: Desk, lang: str = "ru", *, owns_desk: bool = False) -> MainWindow:
    """The window, not shown; for tests and benches that run no event loop of their own."""
    ensure_app()
    i18n.apply(lang)
    return MainWindow(desk, owns_desk=owns_desk)


def run_gui(desk: Desk, *, lang: str = "ru") -> int:
    """Show the desk and run until the analyst quits; the desk is closed on the way out."""
    app = ensure_app()
    window = build_main_window(desk, lang, owns_desk=True)
    window.show()
    return app.exec()
