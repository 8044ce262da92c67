"""The report's Astana times (R-Q-5) taken the quick way (issue 10: an offset looked up once
per hour) are the ones transport.clock gives, across Almaty's offset changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gateway.reports import _astana_seconds
from transport.clock import iso, parse_iso, to_astana

pytestmark = pytest.mark.req("R-Q-5")

INSTANTS = [
    "2026-11-29T22:31:18.753+00:00", "2026-11-29T23:13:02.455816+00:00",
    "2026-11-29T22:31:18+00:00", "2026-11-29T22:31:18Z", "2026-11-30T03:31:18.5+05:00",
    # 1 March 2024: Almaty from +06 to +05 at midnight local.
    "2024-02-29T17:59:59.999999+00:00", "2024-02-29T18:00:00.000+00:00",
    "2003-03-29T20:59:59.999+00:00", "2003-03-29T21:00:00.500+00:00",  # summer time, 2003
    "1924-05-01T18:52:11.999+00:00", "1924-05-01T18:52:12.000+00:00",  # local mean time ends
    "1924-05-01T18:00:00.000+00:00", "1969-12-31T23:59:59.5+00:00", "1900-01-01T00:00:00+00:00",
]


@pytest.mark.parametrize("text", INSTANTS)
def test_quick_astana_time_is_the_clocks(text: str) -> None:
    assert _astana_seconds(text) == iso(to_astana(parse_iso(text)))


def test_every_quarter_hour_of_years_with_changes() -> None:
    for start in (datetime(2024, 2, 28, tzinfo=UTC), datetime(2003, 3, 28, tzinfo=UTC),
                  datetime(1991, 3, 29, tzinfo=UTC)):
        for n in range(4 * 24 * 3):
            moment = start + timedelta(minutes=15 * n, seconds=59, microseconds=999_999)
            text = moment.isoformat()
            assert _astana_seconds(text) == iso(to_astana(moment)), text


def test_a_bad_time_is_refused_as_before() -> None:
    with pytest.raises(ValueError):
        _astana_seconds("2026-11-29 nonsense")
    with pytest.raises(ValueError):
        _astana_seconds("2026-11-29T22:31:18")  # no zone
    for text in ("2026-02-30T22:31:18+00:00", "2026-11-29T24:31:18+00:00",
                 "2026-11-29T22:60:18+00:00", "2026-11-29T22:31:60.5+00:00"):
        with pytest.raises(ValueError):  # looks like the gateway's UTC text, is no time
            _astana_seconds(text)
