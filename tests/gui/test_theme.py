"""Issue 11: light and dark follow the OS, each with its palette; icons are crisp at 200 %."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui import theme
from ui.app import ensure_app

pytestmark = pytest.mark.gui


@pytest.fixture
def app() -> Iterator[QApplication]:
    application = ensure_app()
    yield application
    QGuiApplication.styleHints().unsetColorScheme()
    theme.apply(application, Qt.ColorScheme.Light)


def _contrast(a: Any, b: Any) -> float:
    def lum(c: Any) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme", [Qt.ColorScheme.Light, Qt.ColorScheme.Dark])
def test_each_scheme_has_a_readable_palette(app: QApplication, scheme: Qt.ColorScheme) -> None:
    palette = theme.palette_for(scheme)
    assert theme.is_dark(palette) == (scheme == Qt.ColorScheme.Dark)
    for text, back in ((QPalette.ColorRole.Text, QPalette.ColorRole.Base),
                       (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
                       (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
                       (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight)):
        assert _contrast(palette.color(text), palette.color(back)) >= 4.5, (scheme, text)


def test_the_palette_follows_the_os_scheme(app: QApplication, qtbot: Any) -> None:
    hints = QGuiApplication.styleHints()
    # The offscreen platform has no theme to switch: its signal is sent as the OS's would be.
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.is_dark(app.palette()) and app.style().name().lower() == "fusion"
    dark_icon = theme.icon("query").pixmap(QSize(24, 24), 1.0).toImage()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not theme.is_dark(app.palette())
    light_icon = theme.icon("query").pixmap(QSize(24, 24), 1.0).toImage()
    assert dark_icon != light_icon  # icons are drawn again in the new text colour


def test_icons_take_the_text_colour_of_the_scheme(app: QApplication) -> None:
    for scheme in (Qt.ColorScheme.Light, Qt.ColorScheme.Dark):
        theme.apply(app, scheme)
        image = theme.icon("query").pixmap(QSize(24, 24), 1.0).toImage()
        inked = [image.pixelColor(x, y) for x in range(24) for y in range(24)
                 if image.pixelColor(x, y).alpha() == 255]
        assert inked, "the icon drew nothing"
        text = app.palette().color(QPalette.ColorRole.WindowText)
        assert all(abs(c.lightness() - text.lightness()) < 8 for c in inked)


@pytest.mark.parametrize("name", ["query", "case", "account", "diagnostics", "reports"])
def test_icons_are_drawn_for_200_percent_not_blown_up(app: QApplication, name: str) -> None:
    icon = theme.icon(name)
    sharp = icon.pixmap(QSize(24, 24), 2.0)
    assert (sharp.width(), sharp.height()) == (48, 48) and sharp.devicePixelRatio() == 2.0
    image = sharp.toImage()
    # A 24-px bitmap blown up to 48 repeats each pixel in 2×2 blocks; a drawn one does not.
    blocky = all(image.pixel(x, y) == image.pixel(x + 1, y) == image.pixel(x, y + 1)
                 == image.pixel(x + 1, y + 1) for x in range(0, 48, 2) for y in range(0, 48, 2))
    assert not blocky


def test_the_rail_redraws_its_icons_when_the_scheme_changes(app: QApplication, qtbot: Any,
                                                             window: Any) -> None:
    window.rail.load_icons()
    button = window.rail.buttons["diagnostics"]
    before = button.icon().pixmap(QSize(24, 24), 1.0).toImage()
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: button.icon().pixmap(QSize(24, 24), 1.0).toImage() != before,
                    timeout=3000)


def test_a_dialog_under_a_style_sheet_follows_the_scheme(app: QApplication, qtbot: Any) -> None:
    # The diagnostics dialog has a style sheet of its own; without a re-polish its heading kept
    # the light scheme's black text on the dark background.
    from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

    theme.apply(app, Qt.ColorScheme.Light)
    dialog = QDialog()
    dialog.setObjectName("styled")
    dialog.setStyleSheet("QDialog#styled { border: 1px solid #7a7a7a; }")
    heading = QLabel("<h2>Heading</h2>")
    QVBoxLayout(dialog).addWidget(heading)
    qtbot.addWidget(dialog)
    dialog.show()
    for scheme in (Qt.ColorScheme.Dark, Qt.ColorScheme.Light):
        theme.apply(app, scheme)
        wanted = theme.palette_for(scheme).color(QPalette.ColorRole.WindowText)
        assert heading.palette().color(QPalette.ColorRole.WindowText) == wanted, scheme


def test_the_scheme_read_before_the_paint_is_qts_own(app: QApplication) -> None:
    # Issue 10: read through ctypes (no PySide `Qt` enums before the paint), the same function.
    import sys

    from ui import scheme_read

    early = scheme_read.color_scheme()
    if sys.platform in scheme_read.SYMBOLS:  # where it is meant to work, it must (no silent rot)
        assert early is not None
    if early is not None:
        assert early == theme.scheme().value
    assert (Qt.ColorScheme.Unknown.value, Qt.ColorScheme.Light.value,
            Qt.ColorScheme.Dark.value) == scheme_read.VALUES
    assert Qt.ColorScheme.Dark.value == theme.DARK


def test_without_the_early_read_the_scheme_is_read_through_pyside(
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import scheme_read

    monkeypatch.setattr(scheme_read, "SYMBOLS", {})
    monkeypatch.setattr(scheme_read, "_resolved", [])
    assert scheme_read.color_scheme() is None
    assert theme.apply(app) == theme.scheme()  # the enum, read by PySide
    theme.confirm()  # nothing to confirm
    assert not theme.is_dark(app.palette())


def test_a_wrong_early_reading_is_corrected_after_the_paint(
        app: QApplication, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    from ui import scheme_read

    assert theme.scheme() != Qt.ColorScheme.Dark  # offscreen: no dark OS to follow
    monkeypatch.setattr(scheme_read, "color_scheme", lambda: theme.DARK)
    theme.apply(app)
    assert theme.is_dark(app.palette())
    theme.confirm()  # what the window's start does after its first paint
    assert not theme.is_dark(app.palette())
    assert "applied again" in caplog.text
    caplog.clear()
    theme.confirm()  # once
    assert caplog.text == ""


def test_a_chosen_scheme_is_not_undone_by_the_check(app: QApplication,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import scheme_read

    monkeypatch.setattr(scheme_read, "color_scheme", lambda: 1)
    theme.apply(app)
    theme.apply(app, Qt.ColorScheme.Dark)  # e.g. the OS switched since: it is what counts
    theme.confirm()
    assert theme.is_dark(app.palette())
