"""The clock as the UI reads it: now, and any moment in Astana time (R-Q-5)."""

from __future__ import annotations

from datetime import datetime

from transport.clock import now_utc, to_astana

__all__ = ["astana_text", "now_utc"]


def astana_text(moment: datetime) -> str:
    """A moment as people read it, in Astana time."""
    return to_astana(moment).strftime("%Y-%m-%d %H:%M")
