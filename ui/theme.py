"""Light and dark, following the OS (issue 11): a palette for each, the line icons drawn in the
palette's text colour at every screen scale, and the spacing the pages share."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui import scheme_read

if TYPE_CHECKING:  # the icons are drawn after the first paint: their Qt classes load then
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon, QPixmap

    # Only named for type checks: PySide builds all 96 enums of its `Qt` namespace at the first
    # `Qt` imported or returned, ≈18 ms, so the first paint names none (issue 10).
    Scheme = Qt.ColorScheme

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICON_PX = 24  # the icons' design size: their strokes sit on whole pixels at 1× and 2×
# Scales drawn up front: 100 % … 200 % as Windows and GNOME offer them; QIcon picks the
# nearest larger one, so no icon is ever blown up from a smaller bitmap.
ICON_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0, 3.0)
SPACING = 8  # between controls, and a page's margin — one value the rail and pages share
_STROKE = b'stroke="#000000"'  # the colour the SVGs are drawn with, replaced by the palette's

DARK = 2  # Qt::ColorScheme::Dark (Unknown 0, Light 1): compared by value, see Scheme
log = logging.getLogger(__name__)
_unconfirmed: list[int] = []  # the scheme apply() read without PySide, until confirm()

# (role, light, dark): calm greys with one accent, contrast ≥ 4.5:1 for text on its base.
_COLOURS: tuple[tuple[QPalette.ColorRole, str, str], ...] = (
    (QPalette.ColorRole.Window, "#f3f3f3", "#202124"),
    (QPalette.ColorRole.WindowText, "#1b1b1b", "#e8eaed"),
    (QPalette.ColorRole.Base, "#ffffff", "#2a2b2e"),
    (QPalette.ColorRole.AlternateBase, "#f7f7f7", "#303134"),
    (QPalette.ColorRole.Text, "#1b1b1b", "#e8eaed"),
    (QPalette.ColorRole.PlaceholderText, "#6b6b6b", "#9aa0a6"),
    (QPalette.ColorRole.Button, "#e9e9e9", "#35363a"),
    (QPalette.ColorRole.ButtonText, "#1b1b1b", "#e8eaed"),
    (QPalette.ColorRole.Highlight, "#1f6fd1", "#3d6fb4"),
    (QPalette.ColorRole.HighlightedText, "#ffffff", "#ffffff"),
    (QPalette.ColorRole.ToolTipBase, "#ffffe1", "#3c4043"),
    (QPalette.ColorRole.ToolTipText, "#1b1b1b", "#e8eaed"),
    (QPalette.ColorRole.Link, "#0b57d0", "#8ab4f8"),
    (QPalette.ColorRole.LinkVisited, "#6f42c1", "#c58af9"),
    (QPalette.ColorRole.Mid, "#c4c4c4", "#5f6368"),
    (QPalette.ColorRole.Dark, "#a0a0a0", "#17181a"),
    (QPalette.ColorRole.Light, "#ffffff", "#45464a"),
)
_DISABLED_TEXT = ("#8a8a8a", "#80868b")


def _dark(scheme: Scheme | int) -> bool:
    return (scheme if isinstance(scheme, int) else int(scheme.value)) == DARK


def palette_for(scheme: Scheme | int) -> QPalette:
    """The desk's palette for `scheme` (Unknown counts as light, as the OS shows it then)."""
    dark = _dark(scheme)
    palette = QPalette()
    for role, light_hex, dark_hex in _COLOURS:
        palette.setColor(role, QColor(dark_hex if dark else light_hex))
    disabled = QColor(_DISABLED_TEXT[1 if dark else 0])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def scheme() -> Scheme:
    """The OS's colour scheme as Qt reads it (Qt 6.5+)."""
    return QGuiApplication.styleHints().colorScheme()


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


STYLE = "Fusion"  # the one style that draws a palette the same on every OS
_IN_STYLE = "sioInFusion"  # the application's property: it runs in STYLE


def new_application(argv: list[str]) -> QApplication:
    """A QApplication started in STYLE by its -style argument (which beats QT_STYLE_OVERRIDE):
    asking app.style() instead makes PySide build its QStyle class, ≈8 ms of the first paint."""
    app = QApplication([*argv, "-style", STYLE])
    app.setProperty(_IN_STYLE, True)
    return app


def apply(app: QApplication, chosen: Scheme | int | None = None) -> Scheme | int:
    """Fusion with the palette of `chosen` (default: the OS's scheme); returns what was used."""
    _unconfirmed.clear()  # a scheme chosen or read now supersedes an early reading
    if chosen is not None:
        used: Scheme | int = chosen
    else:
        early = scheme_read.color_scheme()  # before the paint: no `Qt` enums (issue 10)
        used = scheme() if early is None else early
        if early is not None:
            _unconfirmed.append(early)
    if not app.property(_IN_STYLE):  # an application not made by new_application (tests)
        if app.style().name().lower() != STYLE.lower():
            app.setStyle(STYLE)
        app.setProperty(_IN_STYLE, True)
    app.setPalette(palette_for(used))
    icon.cache_clear()  # icons are drawn in the palette's text colour
    _repolish_styled(app)
    return used


def _repolish_styled(app: QApplication) -> None:
    """Widgets under a style sheet keep the palette they were polished with (a dialog's own
    border rule left its heading black on dark); setting the sheet again re-polishes them."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def confirm() -> None:
    """After the first paint: the OS's scheme read through PySide, and the palette applied
    again (logged) should the early reading of apply() have said otherwise."""
    app = QApplication.instance()
    if not _unconfirmed or not isinstance(app, QApplication):
        return
    early = _unconfirmed.pop()
    now = scheme()
    if int(now.value) != early:
        log.warning("colour scheme read early as %d, by PySide as %s: applied again", early, now)
        apply(app, now)


class SchemeFollower(QObject):
    """Re-applies the palette when the OS switches between light and dark."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._changed)

    def _changed(self, new: Scheme) -> None:
        apply(self._app, new)


def follow_os(app: QApplication) -> SchemeFollower:
    """Apply the OS's scheme now and whenever it changes."""
    apply(app)
    return SchemeFollower(app)


@cache
def icon(name: str) -> QIcon:
    """resources/icons/`name`.svg in the palette's text colour, drawn for every scale in
    ICON_SCALES (crisp at 200 %); disabled pixmaps in the disabled text colour."""
    from PySide6.QtGui import QIcon

    palette = QGuiApplication.palette()
    svg = (ICONS / f"{name}.svg").read_bytes()
    result = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        colour = palette.color(group, QPalette.ColorRole.WindowText).name().encode("ascii")
        drawn = svg.replace(_STROKE, b'stroke="' + colour + b'"')
        for scale in ICON_SCALES:
            result.addPixmap(render(drawn, ICON_PX, scale), mode)
    return result


def render(svg: bytes, size: int, scale: float) -> QPixmap:
    """`svg` drawn at `size` logical pixels for a screen at `scale` (device pixels)."""
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer  # QtSvg only once the first icon is drawn

    side = round(size * scale)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(svg)).render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(scale)
    return pixmap


def icon_size() -> QSize:
    return QSize(ICON_PX, ICON_PX)
