"""The Qt Linguist catalogues read without Qt, so the core's texts share one source with the UI.

Core modules mark each English source with QT_TRANSLATE_NOOP("context", "…"), which
pyside6-lupdate extracts into the same sio_desk_{kk,ru,en}.ts the UI's QTranslator loads;
text() answers the finished translation from those .ts files.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LANGS = ("kk", "ru", "en")
CATALOGUE_DIR = Path(__file__).resolve().parent


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate extracts
    """Mark `source` for lupdate under `context`; the text itself is looked up by text()."""
    return source


@cache
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation in `lang`; unfinished ones are left out."""
    path = CATALOGUE_DIR / f"sio_desk_{lang}.ts"
    root = ET.parse(path).getroot()  # noqa: S314 - our own file, shipped with the package
    found: dict[tuple[str, str], str] = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") is not None or not (tr.text or "").strip():
                continue
            found[(name, msg.findtext("source") or "")] = tr.text or ""
    return found


def text(context: str, source: str, lang: str, /, **fields: Any) -> str:
    """`source` of `context` in `lang` (English for an unknown language), `fields` filled in.

    A string missing from the catalogue is shown in English and logged; tests/test_i18n_core.py
    keeps every marked string translated, so this is a broken install, not a normal path.
    """
    lang = lang if lang in LANGS else "en"
    translated = catalogue(lang).get((context, source))
    if translated is None:
        log.error("no %s translation for %s/%r; showing the English source", lang, context, source)
        translated = source
    return translated.format(**fields) if fields else translated
