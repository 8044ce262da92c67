"""Translations and fonts: the .ts are current, the .qm compiled from them, Kazakh renders."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
LANGS = ("kk", "ru", "en")
KAZAKH_LETTERS = "әғқңөұүһі"

pytestmark = pytest.mark.gui


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed in this environment")
    return str(path)


def _messages(ts: Path) -> list[tuple[str, str, str, str | None]]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            out.append((name, msg.findtext("source") or "", tr.text or "", tr.get("type")))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_qm_is_compiled_from_the_current_ts(lang: str, tmp_path: Path) -> None:
    """Regenerate with: .venv/bin/pyside6-lrelease resources/i18n/sio_desk_*.ts"""
    ts = tmp_path / f"sio_desk_{lang}.ts"
    shutil.copy(I18N / ts.name, ts)
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts)], check=True)
    assert (tmp_path / f"sio_desk_{lang}.qm").read_bytes() == (
        I18N / f"sio_desk_{lang}.qm"
    ).read_bytes()


def test_ts_holds_every_string_of_the_ui(tmp_path: Path) -> None:
    """Update: .venv/bin/python -m resources.i18n.update (lupdate over ui/ and every core module
    that marks text with QT_TRANSLATE_NOOP) — then translate what is new, and run it again."""
    from resources.i18n.update import lupdate, sources

    _tool("pyside6-lupdate")
    assert "app/messages.py" in sources()  # the core's texts share the catalogues (issue 11)
    copies = []
    for lang in LANGS:
        copies.append(tmp_path / f"sio_desk_{lang}.ts")
        shutil.copy(I18N / copies[-1].name, copies[-1])
    lupdate(copies)
    for copy in copies:
        assert copy.read_text("utf-8") == (I18N / copy.name).read_text("utf-8"), (
            f"{copy.name} is out of date with ui/ or the core: run python -m resources.i18n.update "
            "and translate the new strings"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_translated_with_its_placeholders(lang: str) -> None:
    messages = _messages(I18N / f"sio_desk_{lang}.ts")
    assert len(messages) > 50
    for ctx, source, text, kind in messages:
        assert kind is None and text.strip(), f"{lang}: untranslated {ctx}/{source!r}"
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text)), (
            lang,
            source,
        )
        assert text.count("&") <= 1  # one mnemonic at most
        if lang != "en":
            assert not re.fullmatch(r"[A-Za-z&.,;:()' -]{12,}", text), (
                f"{lang}: left in English: {text}"
            )


def test_kazakh_is_written_with_kazakh_letters() -> None:
    texts = " ".join(t for *_, t, _k in _messages(I18N / "sio_desk_kk.ts")).lower()
    assert set(KAZAKH_LETTERS) - set(texts) <= set("һ")  # һ is rare in everyday words


def test_shipped_font_covers_kazakh(qapp: Any) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.fonts import FAMILY, register_fonts

    assert FAMILY in register_fonts()
    metrics = QFontMetrics(QFont(FAMILY))
    for ch in KAZAKH_LETTERS + KAZAKH_LETTERS.upper() + "№":
        assert metrics.inFontUcs4(ord(ch)), ch
