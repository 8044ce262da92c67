"""PIN change record and the monthly reminder (R-AUTH-7)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.pin_reminder import add_month, last_pin_change, pin_change_due, record_pin_change

T0 = dt.datetime(2026, 1, 31, 10, 0, tzinfo=dt.UTC)


@pytest.mark.req("R-AUTH-7")
def test_due_monthly(tmp_path: Path) -> None:
    store = tmp_path / "state" / "pin.json"
    assert pin_change_due(store, "SER1", T0)  # never recorded: due
    record_pin_change(store, "SER1", T0)
    assert last_pin_change(store, "SER1") == T0
    assert not pin_change_due(store, "SER1", T0 + dt.timedelta(days=27))
    # 31 Jan + one month = 28 Feb (2026 is not a leap year).
    assert not pin_change_due(store, "SER1", dt.datetime(2026, 2, 28, 9, 59, tzinfo=dt.UTC))
    assert pin_change_due(store, "SER1", dt.datetime(2026, 2, 28, 10, 0, tzinfo=dt.UTC))
    assert pin_change_due(store, "OTHER", T0)  # per token


def test_record_is_json_and_keeps_other_tokens(tmp_path: Path) -> None:
    store = tmp_path / "pin.json"
    record_pin_change(store, "A", T0)
    record_pin_change(store, "B", T0 + dt.timedelta(days=1))
    data = json.loads(store.read_text(encoding="utf-8"))
    assert set(data["tokens"]) == {"A", "B"} and data["version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["pin.json"]  # no temp files left


def test_damaged_store_means_due(tmp_path: Path) -> None:
    store = tmp_path / "pin.json"
    store.write_text("{not json", encoding="utf-8")
    assert pin_change_due(store, "A", T0)
    record_pin_change(store, "A", T0)  # and it is repaired by the next record
    assert not pin_change_due(store, "A", T0)


def test_naive_time_rejected_and_december(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        record_pin_change(tmp_path / "p.json", "A", dt.datetime(2026, 1, 1))
    assert add_month(dt.datetime(2025, 12, 15, tzinfo=dt.UTC)) == dt.datetime(
        2026, 1, 15, tzinfo=dt.UTC)
