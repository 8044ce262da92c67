"""The Qt Linguist catalogues read without Qt, so the core's texts share one source with the UI.

Core modules mark each English source with QT_TRANSLATE_NOOP("context", "…"), which
pyside6-lupdate extracts into the same sio_desk_{kk,ru,en}.ts the UI translates from; text()
answers from the compiled sio_desk_{lang}.qm, the very file the UI's QTranslator loads.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LANGS = ("kk", "ru", "en")
CATALOGUE_DIR = Path(__file__).resolve().parent

# The .qm format (Qt's qtranslator.cpp): a magic, then sections (tag, u32 length); the messages
# section is a run of records, each a list of tagged fields closed by _END.
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES = 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8
_NULL = 0xFFFFFFFF


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate extracts
    """Mark `source` for lupdate under `context`; the text itself is looked up by text()."""
    return source


@cache
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """(context, source) -> non-empty translation in `lang`, read from the compiled catalogue."""
    return parse_qm((CATALOGUE_DIR / f"sio_desk_{lang}.qm").read_bytes())


def parse_qm(data: bytes) -> dict[tuple[str, str], str]:
    """Every translated message of a .qm; ValueError when `data` is not one we can read."""
    if data[:16] != QM_MAGIC:
        raise ValueError("not a Qt translation catalogue (.qm)")
    pos, block = 16, b""
    while pos + 5 <= len(data):
        size = int.from_bytes(data[pos + 1:pos + 5], "big")
        if data[pos] == _MESSAGES:
            block = data[pos + 5:pos + 5 + size]
        pos += 5 + size
    return _messages(block)


def _messages(block: bytes) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    context = source = ""
    translation: str | None = None
    pos = 0
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == _END:
            if translation:  # Qt, too, shows the source for an empty translation
                found.setdefault((context, source), translation)  # first of plural forms
            context, source, translation = "", "", None
        elif tag == _OBSOLETE1:
            pos += 4
        elif tag in (_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT):
            size = int.from_bytes(block[pos:pos + 4], "big")
            size = 0 if size == _NULL else size
            field = block[pos + 4:pos + 4 + size]
            pos += 4 + size
            if tag == _TRANSLATION and translation is None:
                translation = field.decode("utf-16-be")
            elif tag == _SOURCE:
                source = field.decode("utf-8")
            elif tag == _CONTEXT:
                context = field.decode("utf-8")
        else:
            raise ValueError(f"unknown field tag {tag:#x} in a .qm message")
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
