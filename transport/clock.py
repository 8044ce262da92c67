"""The one clock: Astana time for people and records (R-Q-5), UTC beside it for logs."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

ASTANA = ZoneInfo("Asia/Almaty")  # UTC+5 since 2024-03-01, from the tzdata package


def now_utc() -> datetime:
    return datetime.now(UTC)


def now_astana() -> datetime:
    return datetime.now(ASTANA)


def to_astana(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: a time without a zone cannot be placed in Astana time")
    return moment.astimezone(ASTANA)


def iso(moment: datetime) -> str:
    """ISO 8601 with offset, whole seconds — the form written into signed payloads."""
    return moment.replace(microsecond=0).isoformat()


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"time without a zone offset: {text!r}")
    return moment
