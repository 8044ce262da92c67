"""Registers the shipped DejaVu Sans with Qt so Kazakh glyphs never fall back to black boxes."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

FAMILY = "DejaVu Sans"
FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
# Found beside ui/ as ui.theme finds its icons (the bundle ships both as data), not through
# importlib.resources: that package costs ≈26 M instructions of the first paint (issue 10).
FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def register_fonts(app: QApplication | None = None) -> list[str]:
    """Add the shipped TTFs to the font database; make DejaVu Sans the application font."""
    families: list[str] = []
    for name in FILES:
        data = (FONTS / name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id < 0:
            log.warning("font %s could not be registered", name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if app is not None and FAMILY in families:
        # Keep the platform's point size (high-DPI scaling is Qt's job), change only the family.
        font = QFont(app.font())
        font.setFamily(FAMILY)
        app.setFont(font)
    return families
