"""Maintenance notices and the emergency journal (R-Q-3, R-OPS-1, R-LOG-3), kept in the journal.

Operator writes are signed commands (transport.commands NOTICE, EMERGENCY, EMERGENCY_CLOSE) and
travel gateway.pipeline like queries; every notice, emergency entry and closing is a journal
event that keeps the bytes the operator signed, so the Log journal is their permanent record.
`resources: null` means all resources, `[]` means none (an emergency recorded without downtime).

What is stored must stay readable (issue 9, hole 2): every time is checked at the edge — ISO 8601
with an offset within -12:00..+14:00, between 2000 and 2099 — and so is every resource list
(distinct numbers 1..52). A stored row that still cannot be read is skipped, logged and
journaled once as a "fault"; it never breaks queries or the views.

What a query needs of these events is also kept in derived tables beside each entry
(gateway.downtime, issue 10), so the downtime check reads a few rows, never the journal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import nullcontext
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import Response

from gateway import auth, downtime, journal, pipeline, registry
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.downtime import (
    FAULT_CODE,
    ONE_HOUR,
    SECTIONS,
    Emergency,
    Notice,
    Unreadable,
)
from gateway.openapi import signed_body
from gateway.pipeline import Call, Handler
from gateway.problems import Refusal
from gateway.session_read import request_context, session_read
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
    sane_resources,
    sane_time,
)

log = logging.getLogger("sio.gateway.operations")

OPERATOR_ROLE = registry.OPERATOR_ROLE
# The operator's write models and their checks live in transport.protocol (the desk's operator
# console signs the same ones); what is derived from the journal lives in gateway.downtime.
__all__ = [
    "FAULT_CODE", "ONE_HOUR", "OPERATOR_ROLE", "SECTIONS", "TIME_MAX", "TIME_MIN", "WRITE",
    "Emergency", "EmergencyClose", "EmergencyIn", "Notice", "NoticeIn", "Unreadable",
    "add_routes", "check_downtime", "emergency_view", "notices_view", "report_faults",
    "sane_resources", "sane_time",
]


def report_faults(engine: Engine, pending: list[Unreadable]) -> None:
    """Log every unreadable row not reported yet and journal each once, in its own transaction
    (best effort: the read that found it goes on without it)."""
    if not pending:
        return
    for u in pending:
        log.error("journal entry %s (%s) cannot be read and is skipped: %s", u.seq, u.kind,
                  u.reason)
    try:
        with write_tx(engine) as conn:
            journal.next_seq(conn)  # the head is locked: two readers do not both journal it
            for u in downtime.unreadable(conn, unreported_only=True):
                journal.append(conn, "fault", detail={
                    "code": FAULT_CODE, "entry_seq": u.seq, "entry_kind": u.kind,
                    "reason": u.reason})
    except SQLAlchemyError:
        log.exception("the fault of an unreadable row could not be journaled")


def check_downtime(engine: Engine, resource: int, at: datetime | None = None, *,
                   conn: Connection | None = None) -> None:
    """Refuse a query to a resource under announced works or an open emergency (R-Q-3): three
    indexed reads, whatever the length of the journal (issue 10), on `conn` if given."""
    moment = at or now_utc()
    with nullcontext(conn) if conn is not None else engine.connect() as reads:
        notices = downtime.notices_from(reads, moment)
        emergencies = downtime.open_emergencies(reads, moment)
        pending = downtime.unreadable(reads, unreported_only=True)
    if pending and conn is not None:
        conn.rollback()  # the caller's read transaction ends before report_faults writes
    report_faults(engine, pending)
    for notice in notices:
        if notice.affects(resource, moment):
            raise Refusal("maintenance", f"planned technical works (notice {notice.seq}) "
                          f"until {iso(to_astana(notice.ends_at))}: {notice.title_ru}")
    for row in emergencies:
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
    row = downtime.by_seq(conn, op.entry_seq)
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


def _read(engine: Engine, read: Callable[[Connection], Any]) -> tuple[Any, list[Unreadable]]:
    """What `read` finds, and every unreadable entry (those not yet reported are, now)."""
    with engine.connect() as conn:
        found = read(conn)
        bad = downtime.unreadable(conn)
        pending = downtime.unreadable(conn, unreported_only=True)
    report_faults(engine, pending)
    return found, bad


def notices_view(engine: Engine, now: datetime | None = None) -> dict[str, Any]:
    """Current and upcoming planned works (R-Q-3)."""
    moment = now or now_utc()
    notices, bad = _read(engine, lambda conn: downtime.notices_from(conn, moment))
    return {
        "current": [n.as_json() for n in notices if n.starts_at <= moment < n.ends_at],
        "upcoming": [n.as_json() for n in notices if moment < n.starts_at],
        "unreadable": [u.seq for u in bad if u.kind == "notice"],
    }


def emergency_view(engine: Engine, now: datetime | None = None) -> dict[str, Any]:
    """The emergency journal by App.6 section, rows numbered within each section (R-OPS-1)."""
    moment = now or now_utc()
    rows_all, bad = _read(engine, downtime.emergencies)
    sections = []
    for key, (kk, ru) in SECTIONS.items():
        rows = [r for r in rows_all if r.section == key]
        sections.append({"section": key, "title_kk": kk, "title_ru": ru, "rows": [
            {"no": i, **r.as_json(moment)} for i, r in enumerate(rows, start=1)]})
    return {"sections": sections,
            "open": sum(1 for r in rows_all if r.ended_at is None),
            "unreadable": [u.seq for u in bad if u.kind != "notice"]}


Handle = Callable[[Request, RequestContext, Callable[[Any], BaseModel]], Any]
Refuse = Callable[[Refusal, RequestContext], Response]


class _Out(BaseModel):
    """Pass-through JSON answer for the shared request handler."""

    model_config = ConfigDict(extra="allow")


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig, handle: Handle,
               refuse: Refuse) -> None:
    """Operator writes (signed, journaled) and user reads of notices and the emergency journal."""

    def writer(command: Command[Any]) -> Callable[[Request], Any]:
        async def write(request: Request) -> Response:
            ctx = request_context(request, command.name)
            authorization = request.headers.get("authorization")
            result: Response = await handle(request, ctx, pipeline.work(
                engine, config, command, WRITE, authorization, ctx))
            return result
        return write

    def reader(endpoint: str, view: Callable[[Engine], dict[str, Any]]) -> Callable[..., Any]:
        def work(session: auth.Session, _ctx: RequestContext) -> dict[str, Any]:
            with engine.connect() as conn:  # blocked, or no agreement: nothing to read
                registry.require_active(conn, session.iin)
            return view(engine)

        async def read(request: Request) -> Response:
            return await session_read(request, engine, refuse, endpoint, work)
        return read

    body = signed_body()
    for command, summary in (
            (NOTICE, "Publish planned technical works (operator)"),
            (EMERGENCY, "Open an emergency journal row (operator)"),
            (EMERGENCY_CLOSE, "Record the end of an emergency row (operator)")):
        app.add_api_route(API_PREFIX + command.path, writer(command), methods=["POST"],
                          summary=summary, openapi_extra=body)
    app.add_api_route(API_PREFIX + "/notices", reader("notices", notices_view), methods=["GET"],
                      summary="Current and upcoming planned works")
    def emergency_with_contacts(engine: Engine) -> dict[str, Any]:
        # R-Q-4: whoever reads of an emergency learns whom to tell about it.
        return {**emergency_view(engine), "contacts": config.operator_contacts.as_json()}

    app.add_api_route(API_PREFIX + "/emergency", reader("emergency", emergency_with_contacts),
                      methods=["GET"], summary="The emergency journal by section")
