"""Small helpers shared by the world's record makers."""

from __future__ import annotations

import datetime as dt
import random

from gateway.world.core import Subject

Record = dict[str, str]

CITIES = (
    "Астана",
    "Алматы",
    "Шымкент",
    "Қарағанды",
    "Ақтөбе",
    "Павлодар",
    "Өскемен",
    "Атырау",
    "Қостанай",
    "Тараз",
    "Орал",
    "Семей",
)
COUNTRIES = (
    "РЕСЕЙ / РОССИЯ",
    "ӨЗБЕКСТАН / УЗБЕКИСТАН",
    "ҚЫРҒЫЗСТАН / КЫРГЫЗСТАН",
    "ҚЫТАЙ / КИТАЙ",
    "ТҮРКИЯ / ТУРЦИЯ",
    "БАӘ / ОАЭ",
    "ГРУЗИЯ / ГРУЗИЯ",
)
YES, NO = "ИӘ / ДА", "ЖОҚ / НЕТ"
TODAY = dt.date(2025, 1, 1)  # the sandbox's "now", so answers never depend on the clock


def day(r: random.Random, first_year: int, last_year: int = 2024) -> dt.date:
    start = dt.date(first_year, 1, 1)
    span = (dt.date(last_year, 12, 31) - start).days
    return start + dt.timedelta(days=r.randrange(span + 1))


def label(s: Subject) -> str:
    """ "NAME (IIN/BIN)" for a party shown inside another record."""
    return f"{s.name} ({s.id})"


def office(r: random.Random, what: str) -> str:
    return f"{r.choice(CITIES)} {what}"


def count(r: random.Random, weights: tuple[float, ...]) -> int:
    """How many records: index k drawn with weights[k]."""
    return r.choices(range(len(weights)), weights)[0]


def plus_years(d: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)
