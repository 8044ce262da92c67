"""Users read the Rules' own paragraphs, never our internal requirement ids ("R-Q-2")."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import messages, printout
from app.selfcheck import texts as selfcheck_texts

ROOT = Path(__file__).resolve().parents[1]
REQ_ID = re.compile(r"\bR-(ACC|AUTH|Q|RES|LOG|CTL|OPS|WS)-\d")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_no_translation_shows_a_requirement_id(lang: str) -> None:
    root = ET.parse(ROOT / "resources" / "i18n" / f"sio_desk_{lang}.ts").getroot()
    shown = [m.findtext("translation") or "" for m in root.iter("message")]
    assert shown and not [t for t in shown if REQ_ID.search(t)]


TABLES = {"messages": messages._TEXTS, "reasons": messages._REASONS,
          "printout": printout._TEXTS,
          **{f"selfcheck.{k}": v for k, v in vars(selfcheck_texts).items()
             if isinstance(v, dict) and k.lstrip("_").isupper()}}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_no_message_table_shows_a_requirement_id(name: str) -> None:
    found = [s for s in _strings(TABLES[name]) if REQ_ID.search(s)]
    assert not found, found[:3]


def test_the_check_can_fail() -> None:
    assert REQ_ID.search("Заполните основание (R-Q-2).")
    assert not REQ_ID.search("п. 3 Правил")
