"""What queries need of the operations events, in their own tables (R-Q-3, R-OPS-1, issue 10).

Every notice, emergency, closing and fault journal entry also writes one derived row here, in
the same transaction (journal.append calls `index`), so whether a resource is down now takes a
few indexed reads, not a replay of the journal: a query costs the same at 1 k and at 1 M
entries. The journal entry stays the record; revision 0006 back-fills these rows from it.

A notice, emergency or closing that cannot be read (issue 9, hole 2) is indexed as unreadable
with its reason: it is skipped (an unreadable closing leaves its emergency open: fail closed
for what it concerns) and journaled once as a "fault" (gateway.operations.report_faults).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, bindparam, exists, func, insert, or_, select

from gateway.models import (
    downtime_closings,
    downtime_emergencies,
    downtime_notices,
    fault_reports,
    journal,
    unreadable_entries,
)
from gateway.timefmt import utc_text
from transport.canonical import canonical_json
from transport.clock import iso, to_astana
from transport.protocol import sane_resources, sane_time

KINDS = frozenset({"notice", "emergency", "emergency_closed", "fault"})
FAULT_CODE = "stored_row_unreadable"
ONE_HOUR = timedelta(hours=1)  # R-Q-4, R-LOG-3: longer delays are journaled as outages
_SEQ_MAX = 2**63 - 1  # what a BIGINT holds; a hand-written entry_seq beyond names no entry

# R-OPS-1: the six sections of the emergency journal (2022 App.6), key → (kk, ru).
SECTIONS: dict[str, tuple[str, str]] = {
    "server_damage": ("Серверлік жабдықтың елеулі зақымдануы",
                      "Серьёзное повреждение серверного оборудования"),
    "premises_damage": ("Үй-жайлардың ішінара зақымдануы", "Частичное повреждение помещений"),
    "fire_alarm": ("Өрт дабылы", "Пожарная тревога"),
    "air_conditioning": ("Кондиционерлеу жүйесінің істен шығуы",
                         "Отказ системы кондиционирования"),
    "power_failure": ("Электр қуатының өшуі", "Отключение электропитания"),
    "flooding": ("Су басу", "Затопление"),
}


@dataclass(frozen=True)
class Notice:
    seq: int
    title_kk: str
    title_ru: str
    starts_at: datetime
    ends_at: datetime
    resources: list[int] | None

    def affects(self, resource: int, at: datetime) -> bool:
        return self.starts_at <= at < self.ends_at and _hits(self.resources, resource)

    def as_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "title_kk": self.title_kk, "title_ru": self.title_ru,
                "starts_at": iso(to_astana(self.starts_at)),
                "ends_at": iso(to_astana(self.ends_at)), "resources": self.resources}


@dataclass
class Emergency:
    seq: int
    section: str
    actions: str
    max_time_min: int
    responsible: str
    started_at: datetime
    resources: list[int] | None
    ended_at: datetime | None = None
    closing_seq: int | None = None

    def affects(self, resource: int, at: datetime) -> bool:
        open_at = self.ended_at is None or at < self.ended_at
        return self.started_at <= at and open_at and _hits(self.resources, resource)

    def over_one_hour(self, now: datetime) -> bool:
        return (self.ended_at or now) - self.started_at > ONE_HOUR

    def as_json(self, now: datetime) -> dict[str, Any]:
        return {
            "seq": self.seq, "section": self.section, "actions": self.actions,
            "max_time_min": self.max_time_min, "responsible": self.responsible,
            "started_at": iso(to_astana(self.started_at)),
            "ended_at": iso(to_astana(self.ended_at)) if self.ended_at else None,
            "state": "open" if self.ended_at is None else "closed",
            "over_one_hour": self.over_one_hour(now), "resources": self.resources,
            "closing_seq": self.closing_seq,
        }


def _hits(resources: list[int] | None, resource: int) -> bool:
    return resources is None or resource in resources


@dataclass(frozen=True)
class Unreadable:
    """A stored notice, emergency or closing the gateway cannot read: skipped, journaled once."""

    seq: int
    kind: str
    reason: str


# Reading a stored detail -----------------------------------------------------------------------

def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value


def _int(value: object) -> int:
    if type(value) is not int:
        raise TypeError("not an integer")
    return value


def _object(detail: str) -> dict[str, Any]:
    d = json.loads(detail)
    if not isinstance(d, dict):
        raise TypeError("the detail is not an object")
    return d


def notice_of(seq: int, detail: str) -> Notice:
    d = _object(detail)
    return Notice(seq, _text(d["title_kk"]), _text(d["title_ru"]), sane_time(d["starts_at"]),
                  sane_time(d["ends_at"]), sane_resources(d.get("resources")))


def emergency_of(seq: int, detail: str) -> Emergency:
    d = _object(detail)
    if (section := _text(d["section"])) not in SECTIONS:
        raise ValueError(f"no emergency journal section {section[:40]!r}")
    return Emergency(seq, section, _text(d["actions"]), _int(d["max_time_min"]),
                     _text(d["responsible"]), sane_time(d["started_at"]),
                     sane_resources(d.get("resources")))


def _closing_of(detail: str) -> tuple[int, datetime]:
    d = _object(detail)
    return _int(d["entry_seq"]), sane_time(d["ended_at"])


def fault_seq(detail: dict[str, Any]) -> int | None:
    """The entry a "fault" detail reports as unreadable, if it is one of ours."""
    seq = detail.get("entry_seq")
    return seq if detail.get("code") == FAULT_CODE and type(seq) is int else None


def _resources_text(resources: list[int] | None) -> str | None:
    return None if resources is None else canonical_json(resources).decode("utf-8")


# Writing: one derived row per entry, in the entry's transaction --------------------------------

def index(conn: Connection, seq: int, kind: str, detail: str) -> None:
    """Write the derived row of journal entry `seq` (of `kind`, with its detail text), if its
    kind has one; an entry that cannot be read gets an unreadable row with the reason."""
    if kind not in KINDS:
        return
    try:
        row = _derived(seq, kind, detail)
    except (KeyError, TypeError, ValueError, OverflowError, RecursionError) as exc:
        reason = f"{type(exc).__name__}: {exc}"[:200]
        conn.execute(insert(unreadable_entries).values(seq=seq, kind=kind, reason=reason))
        return
    if row is not None:
        table, values = row
        conn.execute(insert(table).values(seq=seq, **values))


def _derived(seq: int, kind: str, detail: str) -> tuple[Any, dict[str, Any]] | None:
    if kind == "notice":
        n = notice_of(seq, detail)
        return downtime_notices, {"starts_at_utc": utc_text(n.starts_at),
                                  "ends_at_utc": utc_text(n.ends_at),
                                  "resources": _resources_text(n.resources)}
    if kind == "emergency":
        e = emergency_of(seq, detail)
        return downtime_emergencies, {"started_at_utc": utc_text(e.started_at),
                                      "resources": _resources_text(e.resources)}
    if kind == "emergency_closed":
        entry_seq, ended = _closing_of(detail)
        if not 0 < entry_seq < seq:  # names no emergency before it: closes nothing
            return None
        return downtime_closings, {"entry_seq": entry_seq, "ended_at_utc": utc_text(ended)}
    faulted = fault_seq(_object(detail))
    if faulted is None or not 0 < faulted <= _SEQ_MAX:
        return None
    return fault_reports, {"entry_seq": faulted}


# Reading: bounded by what is current, never by the journal --------------------------------------
# Built once: a query runs these on every request, and building a statement costs more than
# SQLite takes to run it.

def _emergencies_query() -> Any:
    closing = downtime_closings.alias("closing")
    last_closing = (select(func.max(downtime_closings.c.seq))  # a later closing overrides
                    .where(downtime_closings.c.entry_seq == downtime_emergencies.c.seq)
                    .scalar_subquery())
    query = (
        select(downtime_emergencies.c.seq, journal.c.detail, closing.c.seq.label("closing_seq"),
               closing.c.ended_at_utc)
        .join(journal, journal.c.seq == downtime_emergencies.c.seq)
        .outerjoin(closing, closing.c.seq == last_closing)
        .order_by(downtime_emergencies.c.seq)
    )
    return query, closing


_EMERGENCIES, _CLOSING = _emergencies_query()
_OPEN_EMERGENCIES = _EMERGENCIES.where(
    downtime_emergencies.c.started_at_utc <= bindparam("now"),
    or_(_CLOSING.c.seq.is_(None), _CLOSING.c.ended_at_utc > bindparam("now")))
_EMERGENCY = _EMERGENCIES.where(downtime_emergencies.c.seq == bindparam("seq"))
_NOTICES_FROM = (
    select(downtime_notices.c.seq, journal.c.detail)
    .join(journal, journal.c.seq == downtime_notices.c.seq)
    .where(downtime_notices.c.ends_at_utc > bindparam("now"))
    .order_by(downtime_notices.c.seq)
)
_UNREADABLE = select(unreadable_entries).order_by(unreadable_entries.c.seq)
_UNREPORTED = _UNREADABLE.where(
    ~exists().where(fault_reports.c.entry_seq == unreadable_entries.c.seq))


def _emergency_row(row: Row[Any]) -> Emergency:
    e = emergency_of(int(row.seq), row.detail)
    if row.closing_seq is not None:
        e.ended_at = datetime.fromisoformat(row.ended_at_utc)
        e.closing_seq = int(row.closing_seq)
    return e


def notices_from(conn: Connection, moment: datetime) -> list[Notice]:
    """Notices not yet over at `moment` (current and upcoming), in seq order."""
    rows = conn.execute(_NOTICES_FROM, {"now": utc_text(moment)})
    return [notice_of(int(r.seq), r.detail) for r in rows]


def open_emergencies(conn: Connection, moment: datetime) -> list[Emergency]:
    """Emergencies started by `moment` and not ended by it."""
    return [_emergency_row(r) for r in conn.execute(_OPEN_EMERGENCIES,
                                                    {"now": utc_text(moment)})]


def emergencies(conn: Connection) -> list[Emergency]:
    """The whole emergency journal, each row with its closing, in seq order."""
    return [_emergency_row(r) for r in conn.execute(_EMERGENCIES)]


def by_seq(conn: Connection, seq: int) -> Emergency | None:
    """The emergency journaled as entry `seq`, with its closing; None if there is none."""
    row = conn.execute(_EMERGENCY, {"seq": seq}).first()
    return None if row is None else _emergency_row(row)


def unreadable(conn: Connection, *, unreported_only: bool = False) -> list[Unreadable]:
    """Unreadable entries in seq order (only those whose fault is not journaled yet)."""
    rows = conn.execute(_UNREPORTED if unreported_only else _UNREADABLE)
    return [Unreadable(int(r.seq), str(r.kind), str(r.reason)) for r in rows]
