"""Live kk/ru/en switching: our Qt Linguist catalogue plus Qt's own, and the current language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# The catalogues' folder as the core's reader finds it, not through importlib.resources: that
# package costs ≈26 M instructions of the first paint (issue 10).
from resources.i18n.reader import CATALOGUE_DIR
from resources.i18n.reader import LANGS as LANGS  # one list for the UI and the core's texts

log = logging.getLogger(__name__)

# Each language is named in itself, so a user lost in a foreign UI can still find their own.
LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_GB"}

_state = {"lang": "ru"}
_installed: list[QTranslator] = []


def current() -> str:
    """The language the UI shows now; catalogue labels and DeskError texts follow it."""
    return _state["lang"]


def translate(context: str, text: str) -> str:
    """QCoreApplication.translate by a name pyside6-lupdate also recognises, kept short."""
    return QCoreApplication.translate(context, text)


def qm_path(lang: str) -> str:
    return str(CATALOGUE_DIR / f"sio_desk_{lang}.qm")


def apply(lang: str) -> str:
    """Swap the installed translators; Qt then sends LanguageChange to every widget."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    _state["lang"] = lang  # set first: widgets read it while handling LanguageChange
    QLocale.setDefault(QLocale(LOCALES[lang]))
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    ours = QTranslator(app)
    if not ours.load(qm_path(lang)):
        log.error("translation catalogue %s is missing; the UI shows English", qm_path(lang))
    qt_own = QTranslator(app)  # standard dialog buttons and context menus of Qt itself
    qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for t in (qt_own, ours):
        if not t.isEmpty():
            QCoreApplication.installTranslator(t)
            _installed.append(t)
    return lang
