"""Which works and emergencies stop a resource before the analyst sends to it (R-Q-3)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.downtime import AHEAD, LANGS, affecting
from transport.clock import iso, now_astana
from transport.downtime import EmergencyView, NoticesView

pytestmark = pytest.mark.req("R-Q-3")

NOW = now_astana().replace(microsecond=0)


def _notice(seq: int, start: dt.timedelta, end: dt.timedelta,
            resources: list[int] | None) -> dict[str, object]:
    return {"seq": seq, "title_kk": f"Жұмыс {seq}", "title_ru": f"Работы {seq}",
            "starts_at": iso(NOW + start), "ends_at": iso(NOW + end), "resources": resources}


def _views(notices: list[dict[str, object]], rows: list[dict[str, object]]
           ) -> tuple[NoticesView, EmergencyView]:
    current = [n for n in notices if str(n["starts_at"]) <= iso(NOW)]
    upcoming = [n for n in notices if n not in current]
    view = NoticesView.model_validate({"current": current, "upcoming": upcoming,
                                       "unreadable": []})
    emergency = EmergencyView.model_validate({"open": 0, "unreadable": [], "sections": [
        {"section": "network", "title_kk": "Желі", "title_ru": "Сеть", "rows": rows,
         "extra": "ignored"}]})
    return view, emergency


def test_works_now_soon_and_open_emergencies_for_the_resource_only() -> None:
    hour = dt.timedelta(hours=1)
    notices = [_notice(1, -hour, hour, [19]), _notice(2, 2 * hour, 3 * hour, None),
               _notice(3, AHEAD + hour, AHEAD + 2 * hour, [19]),  # too far ahead
               _notice(4, -3 * hour, -hour, [19]),  # over
               _notice(5, -hour, hour, [2])]  # another resource
    rows = [{"seq": 9, "started_at": iso(NOW - hour), "ended_at": None, "resources": [19]},
            {"seq": 10, "started_at": iso(NOW - 2 * hour), "ended_at": iso(NOW - hour),
             "resources": None}]
    found = affecting(19, *_views(notices, rows), NOW)
    assert [d.kind for d in found] == ["emergency", "works", "upcoming"]
    assert found[1].title_ru == "Работы 1" and found[2].ends_at == NOW + 3 * hour
    assert [d.kind for d in affecting(1, *_views(notices, rows), NOW)] == ["upcoming"]
    assert affecting(7, *_views([], []), NOW) == []


def test_each_line_reads_in_each_language_with_its_times() -> None:
    hour = dt.timedelta(hours=1)
    found = affecting(19, *_views([_notice(1, -hour, hour, [19])], []), NOW)
    until = (NOW + hour).strftime("%Y-%m-%d %H:%M")
    lines = {lang: found[0].text(lang) for lang in LANGS}
    assert until in lines["ru"] and "Работы 1" in lines["ru"] and "Жұмыс 1" in lines["kk"]
    assert len(set(lines.values())) == 3 and not any("{" in line for line in lines.values())


@pytest.mark.req("R-Q-4")
def test_an_emergency_over_an_hour_asks_to_tell_the_operator() -> None:
    rows = [{"seq": 1, "started_at": iso(NOW - dt.timedelta(minutes=70)), "resources": None},
            {"seq": 2, "started_at": iso(NOW - dt.timedelta(minutes=10)), "resources": None}]
    long, short = affecting(3, *_views([], rows), NOW)
    assert long.over_one_hour and not short.over_one_hour
    assert "оператору" in long.text("ru") and "оператору" not in short.text("ru")
    assert "операторына" in long.text("kk") and "operator" in long.text("en")
