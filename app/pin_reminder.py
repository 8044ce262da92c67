"""When each token's PIN was last changed, and whether a change is due (R-AUTH-7: monthly)."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1


def _load(store_path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(store_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"version": FORMAT_VERSION, "tokens": {}}
    except (OSError, ValueError):
        # A damaged record must not hide the reminder: treat it as "never changed".
        return {"version": FORMAT_VERSION, "tokens": {}}
    if not isinstance(raw, dict) or not isinstance(raw.get("tokens"), dict):
        return {"version": FORMAT_VERSION, "tokens": {}}
    return raw


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)  # readers see the old file or the new one, never half of it
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _aware(at: dt.datetime) -> dt.datetime:
    if at.tzinfo is None:
        raise ValueError("PIN change times must be timezone-aware")
    return at.astimezone(dt.UTC)


def record_pin_change(store_path: Path | str, token_serial: str, at: dt.datetime) -> None:
    """Remember that the PIN of token ``token_serial`` was changed at ``at`` (R-AUTH-7)."""
    path = Path(store_path)
    data = _load(path)
    data["version"] = FORMAT_VERSION
    data["tokens"][token_serial] = _aware(at).isoformat()
    _write_atomic(path, json.dumps(data, indent=2, sort_keys=True))


def last_pin_change(store_path: Path | str, token_serial: str) -> dt.datetime | None:
    """When the PIN was last changed, or None if never recorded."""
    value = _load(Path(store_path))["tokens"].get(token_serial)
    if not isinstance(value, str):
        return None
    try:
        return _aware(dt.datetime.fromisoformat(value))
    except ValueError:
        return None


def add_month(at: dt.datetime) -> dt.datetime:
    """The same day and time one calendar month later (31 Jan → 28/29 Feb)."""
    year, month = (at.year + 1, 1) if at.month == 12 else (at.year, at.month + 1)
    day = min(at.day, calendar.monthrange(year, month)[1])
    return at.replace(year=year, month=month, day=day)


def pin_change_due(store_path: Path | str, token_serial: str, now: dt.datetime) -> bool:
    """True when no change is recorded or a calendar month has passed since the last one."""
    # R-AUTH-7: the user changes the EDS password periodically, at least once a month.
    last = last_pin_change(store_path, token_serial)
    return last is None or _aware(now) >= add_month(last)


__all__ = ["add_month", "last_pin_change", "pin_change_due", "record_pin_change"]
