"""An outage over an hour and the prefilled notice to the operator (R-Q-4)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.downtime import (
    LANGS,
    AttemptLog,
    Downtime,
    contact_lines,
    notice_text,
    outage,
    unreachable,
)
from app.errors import DeskError
from transport.clock import now_astana
from transport.downtime import OperatorContacts

pytestmark = pytest.mark.req("R-Q-4")

NOW = now_astana().replace(second=0, microsecond=0)
HOUR = dt.timedelta(hours=1)
MINUTE = dt.timedelta(minutes=1)


def _emergency(ago: dt.timedelta) -> Downtime:
    return Downtime("emergency", NOW - ago, None, over_one_hour=ago > HOUR)


def test_an_emergency_counts_only_past_an_hour() -> None:
    assert outage([_emergency(HOUR - MINUTE)], None, NOW) is None
    assert outage([_emergency(HOUR)], None, NOW) is None  # "more than one hour"
    found = outage([_emergency(HOUR + MINUTE)], None, NOW)
    assert found is not None and found.since == NOW - HOUR - MINUTE
    works = Downtime("works", NOW - 3 * HOUR, NOW + HOUR)  # announced works are no outage
    assert outage([works], None, NOW) is None


def test_the_desks_own_failed_sends_count_when_they_span_an_hour() -> None:
    log = AttemptLog()
    log.failed(19, NOW - 2 * HOUR)
    assert outage([], log.run(19), NOW) is None  # one attempt spans nothing
    log.failed(19, NOW - HOUR - MINUTE)  # 59 minutes after the first
    assert outage([], log.run(19), NOW) is None
    log.failed(19, NOW)
    found = outage([], log.run(19), NOW)
    assert found is not None and found.since == NOW - 2 * HOUR and found.attempts is not None
    assert found.attempts.count == 3 and log.run(2) is None
    log.succeeded(19)
    assert log.run(19) is None


def test_the_earlier_of_emergency_and_failures_is_since_when() -> None:
    log = AttemptLog()
    log.failed(19, NOW - 3 * HOUR)
    log.failed(19, NOW)
    found = outage([_emergency(2 * HOUR)], log.run(19), NOW)
    assert found is not None and found.since == NOW - 3 * HOUR
    assert found.emergency_since == NOW - 2 * HOUR


def test_what_shows_the_resource_unavailable() -> None:
    assert unreachable(DeskError("channel_unreachable", detail="refused"))
    assert unreachable(DeskError("refused", code="emergency_downtime", detail=""))
    assert not unreachable(DeskError("refused", code="maintenance", detail=""))
    assert not unreachable(DeskError("refused", code="param_invalid", detail=""))
    assert not unreachable(ValueError("x"))


def test_the_notice_names_who_what_since_and_cites_the_paragraph() -> None:
    log = AttemptLog()
    log.failed(19, NOW - 2 * HOUR)
    log.failed(19, NOW - MINUTE)
    found = outage([_emergency(90 * MINUTE)], log.run(19), NOW)
    assert found is not None
    texts = {lang: notice_text(lang, found, resource="№19 Фото", name="ТЕСТОВ ТЕСТ",
                               organization="АФМ", now=NOW) for lang in LANGS}
    since = (NOW - 2 * HOUR).strftime("%Y-%m-%d %H:%M")
    for text in texts.values():
        assert "№19 Фото" in text and "ТЕСТОВ ТЕСТ, АФМ" in text and since in text
        assert (NOW - 90 * MINUTE).strftime("%Y-%m-%d %H:%M") in text  # the emergency seen
        assert "{" not in text and "R-Q" not in text
    assert "2 attempts" in texts["en"] and "2 әрекеті" in texts["kk"] and ": 2." in texts["ru"]
    assert "п. 15 Правил 2017 года" in texts["ru"]
    assert "2017 жылғы Ережелердің 15-тармағына" in texts["kk"]
    assert "paragraph 15 of the 2017 Rules" in texts["en"]


def test_contacts_as_published_or_where_to_find_them() -> None:
    contacts = OperatorContacts(phones=["+7 7172 11-22-33", "8 800 000 00 00"],
                                email="support@sio.example")
    assert contact_lines("ru", contacts) == [
        "Телефон: +7 7172 11-22-33, 8 800 000 00 00", "Эл. почта: support@sio.example"]
    assert contact_lines("en", OperatorContacts(email="a@b.kz")) == ["E-mail: a@b.kz"]
    for missing in (None, OperatorContacts()):
        (line,) = contact_lines("kk", missing)
        assert "порталында" in line
