"""Downtime an analyst should know of before sending to a resource (R-Q-3): planned works going
on or announced for the next day, and open rows of the emergency journal, as one-line notices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from resources.i18n.reader import LANGS as LANGS  # the languages callers iterate
from resources.i18n.reader import QT_TRANSLATE_NOOP
from resources.i18n.reader import text as _tr
from transport.clock import parse_iso
from transport.downtime import EmergencyView, NoticesView

AHEAD = timedelta(hours=24)  # announced works this close are shown before they start
HOUR = timedelta(hours=1)
Kind = Literal["works", "upcoming", "emergency"]

# English sources; kk/ru/en in the Qt Linguist catalogues (context "downtime").
_TEXTS: dict[Kind, str] = {
    "works": QT_TRANSLATE_NOOP("downtime",
        "Planned technical works until {ends}: {title}. The query will be refused; "
        "send it when they are over."),
    "upcoming": QT_TRANSLATE_NOOP("downtime",
        "Planned technical works from {starts} until {ends}: {title}."),
    "emergency": QT_TRANSLATE_NOOP("downtime",
        "An emergency (since {starts}): the resource is unavailable. Try again later."),
}
# R-Q-4: access delayed by more than an hour is reported to the operator at once.
_OVER_HOUR = QT_TRANSLATE_NOOP("downtime",
    " Access has been delayed for more than an hour: tell the system operator at once.")


@dataclass(frozen=True)
class Downtime:
    """One notice for the bar: what, from when until when (Astana time), and its title."""

    kind: Kind
    starts_at: datetime
    ends_at: datetime | None
    title_kk: str = ""
    title_ru: str = ""
    over_one_hour: bool = False

    def text(self, lang: str) -> str:
        title = self.title_kk if lang == "kk" else self.title_ru
        line = _tr("downtime", _TEXTS[self.kind], lang,
                   starts=_when(self.starts_at), ends=_when(self.ends_at) if self.ends_at else "",
                   title=title.strip())
        return line + (_tr("downtime", _OVER_HOUR, lang) if self.over_one_hour else "")


def affecting(resource_id: int, notices: NoticesView, emergency: EmergencyView,
              now: datetime) -> list[Downtime]:
    """What stops or will soon stop `resource_id`: emergencies first, then works by start."""
    found = [Downtime("emergency", parse_iso(row.started_at), None,
                      over_one_hour=row.over_one_hour or now - parse_iso(row.started_at) > HOUR)
             for section in emergency.sections for row in section.rows
             if row.ended_at is None and _hits(row.resources, resource_id)
             and parse_iso(row.started_at) <= now]
    for n in (*notices.current, *notices.upcoming):
        starts, ends = parse_iso(n.starts_at), parse_iso(n.ends_at)
        if not _hits(n.resources, resource_id) or ends <= now or starts > now + AHEAD:
            continue
        kind: Kind = "works" if starts <= now else "upcoming"
        found.append(Downtime(kind, starts, ends, n.title_kk, n.title_ru))
    return sorted(found, key=lambda d: (d.kind != "emergency", d.starts_at))


def _hits(resources: list[int] | None, resource_id: int) -> bool:
    return resources is None or resource_id in resources


def _when(moment: datetime) -> str:
    """The gateway's Astana time as the analyst reads it: 2026-12-01 18:00."""
    return moment.strftime("%Y-%m-%d %H:%M")
