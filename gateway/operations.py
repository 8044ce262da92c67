"""Maintenance notices and the emergency journal (R-Q-3, R-OPS-1, R-LOG-3), kept in the journal.

Operator writes are signed commands (transport.commands NOTICE, EMERGENCY, EMERGENCY_CLOSE) and
travel gateway.pipeline like queries; every notice, emergency entry and closing is a journal
event that keeps the bytes the operator signed, so the Log journal is their permanent record.
`resources: null` means all resources, `[]` means none (an emergency recorded without downtime).

What is stored must stay readable (issue 9, hole 2): every time is checked at the edge — ISO 8601
with an offset within -12:00..+14:00, between 2000 and 2099 — and so is every resource list
(distinct numbers 1..52). A stored row that still cannot be read is skipped, logged and
journaled once as a "fault"; it never breaks queries or the views."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from gateway import auth, journal, pipeline, registry
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.models import journal as journal_table
from gateway.pipeline import Call, Handler
from gateway.problems import Refusal, problem
from transport.clock import iso, now_utc, parse_iso, to_astana
from transport.commands import EMERGENCY, EMERGENCY_CLOSE, NOTICE, Command
from transport.errors import ErrorCode
from transport.protocol import (
    API_PREFIX,
    TIME_MAX,
    TIME_MIN,
    EmergencyClose,
    EmergencyIn,
    NoticeIn,
    OperatorWrite,
    Signed,
    sane_resources,
    sane_time,
)

log = logging.getLogger("sio.gateway.operations")

OPERATOR_ROLE = registry.OPERATOR_ROLE
ONE_HOUR = timedelta(hours=1)  # R-Q-4, R-LOG-3: longer delays are journaled as outages
FAULT_CODE = "stored_row_unreadable"
# The operator's write models and their checks live in transport.protocol (the desk's operator
# console signs the same ones); re-exported here for the gateway's readers.
__all__ = [
    "ONE_HOUR", "OPERATOR_ROLE", "SECTIONS", "TIME_MAX", "TIME_MIN", "WRITE", "Emergency",
    "EmergencyClose", "EmergencyIn", "Notice", "NoticeIn", "State", "Unreadable", "add_routes",
    "check_downtime", "current_state", "emergency_view", "load_state", "notices_view",
    "report_faults", "sane_resources", "sane_time",
]

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


@dataclass(frozen=True)
class State:
    notices: list[Notice]
    emergencies: list[Emergency]
    unreadable: list[Unreadable] = field(default_factory=list)
    reported: frozenset[int] = frozenset()  # seqs whose fault is already journaled


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value


def _int(value: object) -> int:
    if type(value) is not int:
        raise TypeError("not an integer")
    return value


def _notice(seq: int, d: dict[str, Any]) -> Notice:
    return Notice(seq, _text(d["title_kk"]), _text(d["title_ru"]), sane_time(d["starts_at"]),
                  sane_time(d["ends_at"]), sane_resources(d.get("resources")))


def _emergency(seq: int, d: dict[str, Any]) -> Emergency:
    if (section := _text(d["section"])) not in SECTIONS:
        raise ValueError(f"no emergency journal section {section[:40]!r}")
    return Emergency(seq, section, _text(d["actions"]), _int(d["max_time_min"]),
                     _text(d["responsible"]), sane_time(d["started_at"]),
                     sane_resources(d.get("resources")))


def _fault_seq(detail: dict[str, Any]) -> int | None:
    seq = detail.get("entry_seq")
    return seq if detail.get("code") == FAULT_CODE and type(seq) is int else None


def load_state(conn: Connection) -> State:
    """Notices and emergency rows replayed from the journal, in seq order; a row that cannot
    be read is left out and listed in `unreadable` (a closing that cannot be read leaves its
    emergency open: fail closed for what it concerns)."""
    rows = conn.execute(
        select(journal_table.c.seq, journal_table.c.kind, journal_table.c.detail)
        .where(journal_table.c.kind.in_(("notice", "emergency", "emergency_closed", "fault")))
        .order_by(journal_table.c.seq)
    ).all()
    notices: list[Notice] = []
    emergencies: dict[int, Emergency] = {}
    unreadable: list[Unreadable] = []
    reported: set[int] = set()
    for seq, kind, detail_text in rows:
        try:
            d = json.loads(detail_text)
            if not isinstance(d, dict):
                raise TypeError("the detail is not an object")
            if kind == "fault":
                if (faulted := _fault_seq(d)) is not None:
                    reported.add(faulted)
            elif kind == "notice":
                notices.append(_notice(int(seq), d))
            elif kind == "emergency":
                emergencies[int(seq)] = _emergency(int(seq), d)
            else:
                entry_seq, ended = _int(d["entry_seq"]), sane_time(d["ended_at"])
                if (row := emergencies.get(entry_seq)) is not None:
                    row.ended_at, row.closing_seq = ended, int(seq)
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            unreadable.append(Unreadable(int(seq), str(kind), f"{type(exc).__name__}: {exc}"
                                         [:200]))
    return State(notices, list(emergencies.values()), unreadable, frozenset(reported))


def _reported(conn: Connection) -> set[int]:
    rows = conn.execute(select(journal_table.c.detail).where(journal_table.c.kind == "fault"))
    found: set[int] = set()
    for (text,) in rows:
        try:
            detail = json.loads(text)
        except ValueError:
            continue
        if isinstance(detail, dict) and (seq := _fault_seq(detail)) is not None:
            found.add(seq)
    return found


def report_faults(engine: Engine, state: State) -> None:
    """Log every unreadable row and journal each once, in its own transaction (best effort:
    the read that found it goes on without it)."""
    pending = [u for u in state.unreadable if u.seq not in state.reported]
    if not pending:
        return
    for u in pending:
        log.error("journal entry %s (%s) cannot be read and is skipped: %s", u.seq, u.kind,
                  u.reason)
    try:
        with write_tx(engine) as conn:
            journal.next_seq(conn)  # the head is locked: two readers do not both journal it
            done = _reported(conn)
            for u in pending:
                if u.seq not in done:
                    journal.append(conn, "fault", detail={
                        "code": FAULT_CODE, "entry_seq": u.seq, "entry_kind": u.kind,
                        "reason": u.reason})
    except SQLAlchemyError:
        log.exception("the fault of an unreadable row could not be journaled")


def current_state(engine: Engine) -> State:
    """The state as of now, its unreadable rows reported."""
    with engine.connect() as conn:
        state = load_state(conn)
    report_faults(engine, state)
    return state


def check_downtime(engine: Engine, resource: int, at: datetime | None = None) -> None:
    """Refuse a query to a resource under announced works or an open emergency (R-Q-3)."""
    moment = at or now_utc()
    state = current_state(engine)
    for notice in state.notices:
        if notice.affects(resource, moment):
            raise Refusal("maintenance", f"planned technical works (notice {notice.seq}) "
                          f"until {iso(to_astana(notice.ends_at))}: {notice.title_ru}")
    for row in state.emergencies:
        if row.affects(resource, moment):
            raise Refusal("emergency_downtime",
                          f"emergency {row.seq} ({row.section}) since "
                          f"{iso(to_astana(row.started_at))}")


def _check_write(call: Call[Any]) -> None:
    op = call.payload
    if isinstance(op, NoticeIn) and parse_iso(op.ends_at) <= parse_iso(op.starts_at):
        raise Refusal(ErrorCode.PARAM_INVALID, "the works end before they start")


def _apply_write(conn: Connection, call: Call[Any]) -> BaseModel:
    """Journal an operator's signed write (the pipeline adds the signed bytes and the
    signature); the event's JSON back. A closing that makes an emergency longer than an hour
    is journaled as an outage too (R-LOG-3)."""
    op: OperatorWrite = call.payload
    body = op.model_dump(mode="json", exclude={"nonce", "issued_at", "op"})
    if isinstance(op, EmergencyClose):
        journal.next_seq(conn)  # locks the head first: two closings of one row serialize
        body.update(_closing(conn, op, call.now))
    entry = call.record(conn, detail=body)
    if body.get("over_one_hour"):
        # R-LOG-3: an emergency delaying access by more than one hour is an outage record.
        journal.append(conn, "outage", detail={
            k: body[k] for k in ("entry_seq", "section", "started_at", "ended_at",
                                 "duration_s", "resources")} | {"closing_seq": entry.seq},
            actor_iin=call.user.iin, cert_serial=call.signer.serial,
            request_sha256=call.payload_sha256, at=call.now)
    return _Out(**{"seq": entry.seq, "kind": call.command.journal_kind, **body})


WRITE: Handler[Any] = Handler(apply=_apply_write, check=_check_write)


def _closing(conn: Connection, op: EmergencyClose, now: datetime) -> dict[str, Any]:
    row = next((r for r in load_state(conn).emergencies if r.seq == op.entry_seq), None)
    if row is None:
        raise Refusal("emergency_not_open", f"no emergency entry {op.entry_seq}")
    if row.ended_at is not None:
        raise Refusal("emergency_not_open", f"emergency {op.entry_seq} is already closed")
    ended = parse_iso(op.ended_at)
    if ended < row.started_at:
        raise Refusal("param_invalid", "the emergency ends before it started")
    duration = ended - row.started_at
    return {"section": row.section, "started_at": iso(to_astana(row.started_at)),
            "duration_s": int(duration.total_seconds()), "over_one_hour": duration > ONE_HOUR,
            "resources": row.resources}


def notices_view(engine: Engine, now: datetime | None = None) -> dict[str, Any]:
    """Current and upcoming planned works (R-Q-3)."""
    moment = now or now_utc()
    state = current_state(engine)
    return {
        "current": [n.as_json() for n in state.notices if n.starts_at <= moment < n.ends_at],
        "upcoming": [n.as_json() for n in state.notices if moment < n.starts_at],
        "unreadable": [u.seq for u in state.unreadable if u.kind == "notice"],
    }


def emergency_view(engine: Engine, now: datetime | None = None) -> dict[str, Any]:
    """The emergency journal by App.6 section, rows numbered within each section (R-OPS-1)."""
    moment = now or now_utc()
    state = current_state(engine)
    sections = []
    for key, (kk, ru) in SECTIONS.items():
        rows = [r for r in state.emergencies if r.section == key]
        sections.append({"section": key, "title_kk": kk, "title_ru": ru, "rows": [
            {"no": i, **r.as_json(moment)} for i, r in enumerate(rows, start=1)]})
    return {"sections": sections,
            "open": sum(1 for r in state.emergencies if r.ended_at is None),
            "unreadable": [u.seq for u in state.unreadable if u.kind != "notice"]}


Handle = Callable[[Request, RequestContext, Callable[[Any], BaseModel]], Any]
Refuse = Callable[[Refusal, RequestContext], Response]


class _Out(BaseModel):
    """Pass-through JSON answer for the shared request handler."""

    model_config = ConfigDict(extra="allow")


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig, handle: Handle,
               refuse: Refuse) -> None:
    """Operator writes (signed, journaled) and user reads of notices and the emergency journal."""

    def ctx_of(request: Request, endpoint: str) -> RequestContext:
        return RequestContext(endpoint=endpoint,
                              peer=request.client.host if request.client else None)

    def writer(command: Command[Any]) -> Callable[[Request], Any]:
        async def write(request: Request) -> Response:
            ctx = ctx_of(request, command.name)
            authorization = request.headers.get("authorization")
            result: Response = await handle(request, ctx, pipeline.work(
                engine, config, command, WRITE, authorization, ctx))
            return result
        return write

    def reader(endpoint: str, view: Callable[[Engine], dict[str, Any]]) -> Callable[..., Any]:
        async def read(request: Request) -> Response:
            ctx = ctx_of(request, endpoint)
            authorization = request.headers.get("authorization")

            def work() -> dict[str, Any]:
                session = auth.session_of(engine, authorization)
                ctx.actor_iin = session.iin
                with engine.connect() as conn:  # blocked, or no agreement: nothing to read
                    registry.require_active(conn, session.iin)
                return view(engine)

            try:
                return JSONResponse(await run_in_threadpool(work))
            except Refusal as refusal:
                return await run_in_threadpool(refuse, refusal, ctx)
            except SQLAlchemyError:
                log.exception("database failure while reading %s", endpoint)
                return problem("journal_unavailable")
        return read

    body = {"requestBody": {"required": True, "content": {
        "application/json": {"schema": Signed.model_json_schema()}}}}
    for command, summary in (
            (NOTICE, "Publish planned technical works (operator)"),
            (EMERGENCY, "Open an emergency journal row (operator)"),
            (EMERGENCY_CLOSE, "Record the end of an emergency row (operator)")):
        app.add_api_route(API_PREFIX + command.path, writer(command), methods=["POST"],
                          summary=summary, openapi_extra=body)
    app.add_api_route(API_PREFIX + "/notices", reader("notices", notices_view), methods=["GET"],
                      summary="Current and upcoming planned works")
    app.add_api_route(API_PREFIX + "/emergency", reader("emergency", emergency_view),
                      methods=["GET"], summary="The emergency journal by section")
