"""One translation mechanism (issue 11): the Qt-free core reads the same Qt Linguist catalogues as
the UI; every translation is finished and keeps its source's placeholders."""

from __future__ import annotations

import ast
import logging
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from resources.i18n import reader
from resources.i18n.update import CORE_DIRS, ROOT, lrelease, sources

LANGS = reader.LANGS
# {name} fields of str.format and %1-style arguments of QString::arg.
PLACEHOLDER = re.compile(r"\{\w*\}|%\d+")


def problems(ts: Path) -> list[str]:
    """Each unfinished or empty translation and each lost or altered placeholder in `ts`."""
    found = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            shown = "" if tr is None else tr.text or ""
            if tr is None or tr.get("type") is not None or not shown.strip():
                found.append(f"unfinished: {name}/{source!r}")
            elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(shown)):
                found.append(f"placeholders differ: {name}/{source!r} -> {shown!r}")
    return found


def core_marks() -> Iterator[tuple[str, str, str]]:
    """(file, context, source) of every QT_TRANSLATE_NOOP in the Qt-free core."""
    for rel in sources():
        if rel.split("/")[0] not in CORE_DIRS:
            continue
        for node in ast.walk(ast.parse((ROOT / rel).read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "QT_TRANSLATE_NOOP"):
                ctx, src = (a.value for a in node.args if isinstance(a, ast.Constant))
                yield rel, str(ctx), str(src)


@pytest.mark.parametrize("lang", LANGS)
def test_every_translation_is_finished_and_keeps_its_placeholders(lang: str) -> None:
    assert problems(reader.CATALOGUE_DIR / f"sio_desk_{lang}.ts") == []


def test_the_check_catches_unfinished_and_lost_placeholders(tmp_path: Path) -> None:
    ts = tmp_path / "bad.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1"><context><name>c</name>'
        '<message><source>A {n}</source><translation type="unfinished">А {n}</translation>'
        "</message>"
        "<message><source>B {n}</source><translation></translation></message>"
        "<message><source>C {n}</source><translation>В {m}</translation></message>"
        "<message><source>D %1</source><translation>Г</translation></message>"
        "<message><source>E {n} %1</source><translation>Д %1 {n}</translation></message>"
        "</context></TS>", "utf-8")
    assert [p.split(":")[0] for p in problems(ts)] == [
        "unfinished", "unfinished", "placeholders differ", "placeholders differ"]


def _ts_messages(ts: Path) -> dict[tuple[str, str], str]:
    return {(ctx.findtext("name") or "", msg.findtext("source") or ""): msg.findtext("translation")
            or "" for ctx in ET.parse(ts).getroot().iter("context") for msg in ctx.iter("message")}


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogue_says_what_the_ts_says(lang: str) -> None:
    """The core reads the .qm the UI loads; it must hold every .ts message, word for word."""
    ts = _ts_messages(reader.CATALOGUE_DIR / f"sio_desk_{lang}.ts")
    assert reader.catalogue(lang) == ts and len(ts) > 500


def test_a_file_that_is_not_a_catalogue_is_refused() -> None:
    with pytest.raises(ValueError, match="not a Qt translation catalogue"):
        reader.parse_qm(b"<TS/>")
    bad_tag = reader.QM_MAGIC + bytes([0x69]) + (2).to_bytes(4, "big") + bytes([0x42, 0])
    with pytest.raises(ValueError, match="unknown field tag"):
        reader.parse_qm(bad_tag)


@pytest.mark.parametrize("lang", LANGS)
def test_every_core_text_is_in_the_catalogue(lang: str) -> None:
    """Guards against an lupdate over ui/ alone, which would drop the core's strings."""
    marks = list(core_marks())
    assert {"app/messages.py"} <= {f for f, _c, _s in marks} and len(marks) > 100
    held = reader.catalogue(lang)
    missing = [(f, c, s) for f, c, s in marks if (c, s) not in held]
    assert not missing, f"{lang}: run python -m resources.i18n.update and translate: {missing[:3]}"


@pytest.fixture
def catalogue_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for lang in LANGS:
        shutil.copy(reader.CATALOGUE_DIR / f"sio_desk_{lang}.ts", tmp_path)
        shutil.copy(reader.CATALOGUE_DIR / f"sio_desk_{lang}.qm", tmp_path)
    monkeypatch.setattr(reader, "CATALOGUE_DIR", tmp_path)
    reader.catalogue.cache_clear()
    yield tmp_path
    reader.catalogue.cache_clear()


def test_the_core_answers_what_the_catalogue_says(catalogue_copy: Path) -> None:
    from app import messages

    ru = catalogue_copy / "sio_desk_ru.ts"
    before = messages.text("token_absent", "ru")
    assert before == "Носитель ЭЦП не найден. Подключите токен и повторите."
    ru.write_text(ru.read_text("utf-8").replace(before, "Токена нет (правка переводчика)."),
                  "utf-8")
    reader.catalogue.cache_clear()
    assert messages.text("token_absent", "ru") == before  # the .qm is what is read
    lrelease([ru])
    reader.catalogue.cache_clear()
    assert messages.text("token_absent", "ru") == "Токена нет (правка переводчика)."
    assert messages.text("token_absent", "kk").startswith("ЭЦҚ")


def test_a_lost_translation_shows_english_and_is_logged(
        catalogue_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    from app import messages

    kk = catalogue_copy / "sio_desk_kk.ts"
    kk.write_text(kk.read_text("utf-8").replace(
        "ЭЦҚ тасығышы табылмады. Токенді қосып, қайталаңыз.", ""), "utf-8")
    lrelease([kk])
    reader.catalogue.cache_clear()
    with caplog.at_level(logging.ERROR, logger=reader.__name__):
        shown = messages.text("token_absent", "kk")
    assert shown == "No EDS token found. Insert the token and try again."
    assert "no kk translation" in caplog.text


def test_unknown_language_is_english_and_fields_are_filled() -> None:
    assert reader.text("messages", "Token error: {detail}", "de", detail="x") == "Token error: x"
    assert reader.text("messages", "Token error: {detail}", "ru", detail="x") == "Ошибка токена: x"
