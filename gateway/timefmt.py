"""Time strings stored in the database: fixed-width UTC ISO text, so text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
