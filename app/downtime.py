"""Downtime an analyst should know of before sending to a resource (R-Q-3): planned works going
on or announced for the next day, and open rows of the emergency journal, as one-line notices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from resources.i18n.reader import LANGS as LANGS  # the languages callers iterate
from resources.i18n.reader import QT_TRANSLATE_NOOP
from resources.i18n.reader import text as _tr
from transport.clock import now_astana, parse_iso
from transport.downtime import EmergencyView, NoticesView
from transport.downtime import OperatorContacts as OperatorContacts  # the UI's type of them

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
    contacts: OperatorContacts | None = None  # R-Q-4: whom to tell, as the gateway publishes

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
                      over_one_hour=row.over_one_hour or now - parse_iso(row.started_at) > HOUR,
                      contacts=emergency.contacts)
             for section in emergency.sections for row in section.rows
             if row.ended_at is None and _hits(row.resources, resource_id)
             and parse_iso(row.started_at) <= now]
    for n in (*notices.current, *notices.upcoming):
        starts, ends = parse_iso(n.starts_at), parse_iso(n.ends_at)
        if not _hits(n.resources, resource_id) or ends <= now or starts > now + AHEAD:
            continue
        kind: Kind = "works" if starts <= now else "upcoming"
        found.append(Downtime(kind, starts, ends, n.title_kk, n.title_ru,
                              contacts=emergency.contacts))
    return sorted(found, key=lambda d: (d.kind != "emergency", d.starts_at))


def _hits(resources: list[int] | None, resource_id: int) -> bool:
    return resources is None or resource_id in resources


def _when(moment: datetime) -> str:
    """The gateway's Astana time as the analyst reads it: 2026-12-01 18:00."""
    return moment.strftime("%Y-%m-%d %H:%M")


# R-Q-4 (2017 §15): an outage delaying access by more than an hour is reported to the operator
# at once by the phones and e-mail the operator publishes. The 2022 Rules dropped the paragraph,
# so the notice cites the 2017 Rules by year rather than pass it off as the Rules in force.
_NOTICE = QT_TRANSLATE_NOOP("downtime",
    "To the operator of the information exchange system.\n\n"
    "Under paragraph 15 of the 2017 Rules I report that access to the resource \"{resource}\" "
    "has been delayed for more than an hour: it has been unavailable since {since} "
    "(Astana time).\n\n"
    "What I saw: {seen}\n\n"
    "{name}, {organization}\n{now} (Astana time)")
_SEEN_EMERGENCY = QT_TRANSLATE_NOOP("downtime",
    "the emergency journal shows an open emergency since {starts}.")
_SEEN_FAILED = QT_TRANSLATE_NOOP("downtime",
    "{count} attempts to send a query failed between {first} and {last}.")
_PHONES = QT_TRANSLATE_NOOP("downtime", "Phone: {phones}")
_EMAIL = QT_TRANSLATE_NOOP("downtime", "E-mail: {email}")
_NO_CONTACTS = QT_TRANSLATE_NOOP("downtime",
    "The gateway has not published the operator's contacts: use the phones and e-mail on the "
    "operator's portal.")
# A send that failed because the resource or the gateway could not be reached (desk codes, and
# the gateway's refusal for an open emergency); works announced in advance are not an outage.
UNREACHABLE = frozenset({"channel_unreachable", "emergency_downtime"})


@dataclass
class FailedAttempts:
    """The desk's own unbroken run of failed sends to one resource (R-Q-4)."""

    first: datetime
    last: datetime
    count: int = 1


class AttemptLog:
    """Failed sends per resource until one gets through; the desk's own evidence of an outage."""

    def __init__(self) -> None:
        self._runs: dict[int, FailedAttempts] = {}

    def failed(self, resource_id: int, at: datetime | None = None) -> None:
        at = at or now_astana()
        run = self._runs.get(resource_id)
        if run is None:
            self._runs[resource_id] = FailedAttempts(at, at)
        else:
            run.last, run.count = max(run.last, at), run.count + 1

    def succeeded(self, resource_id: int) -> None:
        self._runs.pop(resource_id, None)

    def run(self, resource_id: int) -> FailedAttempts | None:
        return self._runs.get(resource_id)


@dataclass(frozen=True)
class Outage:
    """A resource unavailable for more than an hour: since when and what showed it."""

    since: datetime
    emergency_since: datetime | None
    attempts: FailedAttempts | None

    def seen(self, lang: str) -> str:
        parts = []
        if self.emergency_since is not None:
            parts.append(_tr("downtime", _SEEN_EMERGENCY, lang,
                             starts=_when(self.emergency_since)))
        if self.attempts is not None:
            parts.append(_tr("downtime", _SEEN_FAILED, lang, count=self.attempts.count,
                             first=_when(self.attempts.first), last=_when(self.attempts.last)))
        return " ".join(parts)


def outage(found: list[Downtime], attempts: FailedAttempts | None,
           now: datetime | None = None) -> Outage | None:
    """The outage to report, when an open emergency or the desk's own failed sends span more
    than an hour before `now` (R-Q-4); None while it is shorter."""
    now = now or now_astana()
    emergencies = [d.starts_at for d in found if d.kind == "emergency" and d.over_one_hour]
    long_run = attempts if attempts is not None and attempts.last - attempts.first > HOUR \
        else None
    if not emergencies and long_run is None:
        return None
    starts = [*emergencies, *([long_run.first] if long_run is not None else [])]
    return Outage(min(starts), min(emergencies, default=None), long_run)


def notice_text(lang: str, outage: Outage, *, resource: str, name: str, organization: str,
                now: datetime | None = None) -> str:
    """The prefilled notice to the operator (R-Q-4), in the analyst's language."""
    now = now or now_astana()
    return _tr("downtime", _NOTICE, lang, resource=resource, since=_when(outage.since),
               seen=outage.seen(lang), name=name, organization=organization, now=_when(now))


def contact_lines(lang: str, contacts: OperatorContacts | None) -> list[str]:
    """The operator's published phones and e-mail as lines, or where to find them."""
    lines = []
    if contacts is not None and contacts.phones:
        lines.append(_tr("downtime", _PHONES, lang, phones=", ".join(contacts.phones)))
    if contacts is not None and contacts.email:
        lines.append(_tr("downtime", _EMAIL, lang, email=contacts.email))
    return lines or [_tr("downtime", _NO_CONTACTS, lang)]


def unreachable(exc: BaseException) -> bool:
    """A failed send that shows the resource unavailable: the channel, or an open emergency."""
    code = getattr(exc, "code", "")
    return code in UNREACHABLE or getattr(exc, "values", {}).get("code") in UNREACHABLE
