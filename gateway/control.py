"""Departmental control beyond the report itself (R-CTL-1, 2022 §21): the controller's signed
review of the "Reports", when the last one was, and a request's trail through the journal with
each entry's signature re-verified. Blocking is transport.commands.BLOCK (gateway.applications):
from that moment every request of the user's open sessions is refused (R-CTL-2)."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel
from sqlalchemy import Connection, Engine, select
from starlette.responses import Response

from gateway import auth, journal, pipeline, registry
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.journal import JournalEntry
from gateway.models import dispositions, users
from gateway.models import journal as journal_table
from gateway.pipeline import Call, Handler
from gateway.problems import Refusal
from gateway.reports import period
from gateway.session_read import request_context, session_read
from signing.cms import verify_detached
from signing.errors import SigningError
from transport.clock import iso, now_utc, parse_iso, to_astana
from transport.commands import CONTROLLER, OPERATOR, REVIEW, SIGNED_KINDS
from transport.errors import ErrorCode
from transport.protocol import (
    API_PREFIX,
    BlockNotice,
    RequestTrail,
    ReviewReceipt,
    ReviewState,
    ReviewStatement,
    TrailEntry,
)

REVIEW_EVERY = timedelta(days=30)  # R-CTL-1: "at least once a month"
# Who reads reviews and trails: those who read the report itself (GET /v1/reports).
READERS = frozenset({CONTROLLER, OPERATOR})
Handle = Callable[[Request, RequestContext, Callable[[Any], BaseModel]], Awaitable[Response]]
Refuse = Callable[[Refusal, RequestContext], Response]


# --- the review (transport.commands.REVIEW) ---------------------------------------------------

def _check_review(call: Call[ReviewStatement]) -> None:
    try:
        first, _last = period(call.payload.period_from, call.payload.period_to)
    except ValueError as exc:
        raise Refusal(ErrorCode.REQUEST_INVALID, str(exc)) from exc
    if first > to_astana(call.now).date():
        raise Refusal(ErrorCode.REQUEST_INVALID, "the period reviewed has not begun")


def _apply_review(conn: Connection, call: Call[ReviewStatement]) -> ReviewReceipt:
    """Journal the signed review: the statement and its signature go into the entry."""
    p = call.payload
    entry = call.record(conn, detail={
        "period_from": p.period_from, "period_to": p.period_to,
        "report_sha256": p.report_sha256, "requests": p.requests, "anomalies": p.anomalies,
        "note": p.note})
    return ReviewReceipt(journal_seq=entry.seq, reviewed_at=entry.at_astana)


REVIEWS: Handler[ReviewStatement] = Handler(apply=_apply_review, check=_check_review)


def _reviewer(engine: Engine, session: auth.Session) -> registry.User:
    with engine.connect() as conn:
        user = registry.require_active(conn, session.iin)
    if user.role not in READERS:
        raise Refusal("controller_only", f"role {user.role!r} may not see reports")
    return user


def review_state(engine: Engine, user: registry.User, now: datetime) -> ReviewState:
    """The newest review by a controller of `user`'s organisation (the operator: by anyone),
    and whether the next is due (R-CTL-1)."""
    query = (select(journal_table.c.at_utc, journal_table.c.actor_iin, journal_table.c.detail)
             .select_from(journal_table.join(users, users.c.iin == journal_table.c.actor_iin))
             .where(journal_table.c.kind == "review")
             .order_by(journal_table.c.seq.desc()).limit(1))
    if user.role == CONTROLLER:
        query = query.where(users.c.organization == user.organization)
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        return ReviewState(last_reviewed_at=None, last_reviewer_iin=None, period_from=None,
                           period_to=None, days_since=None, due=True)
    at = parse_iso(row.at_utc)
    detail = json.loads(row.detail)
    return ReviewState(last_reviewed_at=iso(to_astana(at)), last_reviewer_iin=row.actor_iin,
                       period_from=detail.get("period_from"), period_to=detail.get("period_to"),
                       days_since=(now - at).days, due=now - at > REVIEW_EVERY)


# --- a request's trail --------------------------------------------------------------------

def _signature(entry: JournalEntry, config: GatewayConfig) -> tuple[str, str]:
    """("valid" | "invalid" | "none", why) for what the entry's actor signed, as of its time."""
    try:
        detail = json.loads(entry.detail)
    except ValueError:
        return "invalid", "the detail is not JSON"
    request = detail.get("request") if isinstance(detail, dict) else None
    signature = detail.get("signature") if isinstance(detail, dict) else None
    if not isinstance(request, str) or not isinstance(signature, str):
        return "none", "nothing signed by the actor is stored in this entry"
    command = SIGNED_KINDS.get(entry.kind)
    try:
        cms = base64.b64decode(signature, validate=True)
        signed = verify_detached(cms, request.encode("utf-8"), config.trust(),
                                 at=parse_iso(entry.at_utc),
                                 purpose=command.purpose if command else None)
    except (SigningError, ValueError, binascii.Error) as exc:
        return "invalid", str(exc)[:300]
    if signed.profile.iin != entry.actor_iin:
        return "invalid", f"signed by IIN {signed.profile.iin}, not by the entry's actor"
    return "valid", f"signed by {signed.profile.common_name or signed.profile.iin}"


def _trail_entry(entry: JournalEntry, config: GatewayConfig) -> TrailEntry:
    status, why = _signature(entry, config)
    detail = entry.detail_obj()
    shown = {k: v for k, v in detail.items() if k not in ("signature", "pdf")}
    return TrailEntry(seq=entry.seq, kind=entry.kind, at=entry.at_astana,
                      actor_iin=entry.actor_iin, cert_serial=entry.cert_serial,
                      request_sha256=entry.request_sha256,
                      response_sha256=entry.response_sha256, hash=entry.hash,
                      chain_ok=entry.expected_hash() == entry.hash, signature=status,  # type: ignore[arg-type]
                      signature_detail=why, detail=shown)


def trail(engine: Engine, config: GatewayConfig, user: registry.User, seq: int,
          ctx: RequestContext) -> RequestTrail:
    """Request `seq` (a query or a refusal) and its dispositions; the read is journaled."""
    with write_tx(engine) as conn:
        found = journal.entries_between(conn, seq, seq)
        if not found or found[0].kind not in ("query", "refusal"):
            raise Refusal("param_invalid", f"entry {seq} is not a request")
        later = conn.execute(select(dispositions.c.journal_seq).where(
            dispositions.c.query_seq == seq).order_by(dispositions.c.journal_seq)).scalars()
        entries = found + [e for s in later for e in journal.entries_between(conn, s, s)]
        journal.append(conn, "read", actor_iin=user.iin, detail={
            "endpoint": ctx.endpoint, "seq": seq, **({"peer": ctx.peer} if ctx.peer else {})})
    return RequestTrail(seq=seq, entries=[_trail_entry(e, config) for e in entries])


# --- the blocked user is told why (2022 §17) -------------------------------------------------

def block_notice(engine: Engine, session: auth.Session, ctx: RequestContext) -> BlockNotice:
    """The reason of the block of the session's user, who is refused everything else; the
    read is journaled. not_blocked for a user who is not blocked."""
    with write_tx(engine) as conn:
        user = registry.find(conn, session.iin)
        if user is None or user.state != "blocked":
            raise Refusal(ErrorCode.NOT_BLOCKED, "this user is not blocked")
        reason = registry.block_reason(conn, user.iin)
        journal.append(conn, "read", actor_iin=user.iin, cert_serial=session.cert_serial,
                       detail={"endpoint": ctx.endpoint,
                               **({"peer": ctx.peer} if ctx.peer else {})})
    return BlockNotice(reason=reason)


# --- routes ---------------------------------------------------------------------------------

def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig, handle: Handle,
               refuse: Refuse) -> None:
    """POST /v1/control/reviews (signed), GET /v1/control/reviews/last, GET
    /v1/control/requests/{seq} — for controllers and the operator; GET /v1/account/block for
    a blocked user's open session."""

    async def review(request: Request) -> Response:
        ctx = request_context(request, REVIEW.name)
        return await handle(request, ctx, pipeline.work(
            engine, config, REVIEW, REVIEWS, request.headers.get("authorization"), ctx))

    def read(endpoint: str, work: Callable[[registry.User, RequestContext], BaseModel]
             ) -> Callable[[Request], Awaitable[Response]]:
        async def go(request: Request) -> Response:
            return await session_read(request, engine, refuse, endpoint,
                                      lambda session, ctx: work(_reviewer(engine, session), ctx))
        return go

    def trail_of(request: Request) -> Callable[[registry.User, RequestContext], BaseModel]:
        text = request.path_params.get("seq", "")
        return lambda user, ctx: trail(engine, config, user, _seq(text), ctx)

    async def request_trail(request: Request) -> Response:
        return await read("control_trail", trail_of(request))(request)

    async def own_block(request: Request) -> Response:
        return await session_read(request, engine, refuse, "block_notice",
                                  lambda session, ctx: block_notice(engine, session, ctx))

    app.add_api_route(API_PREFIX + "/account/block", own_block, methods=["GET"],
                      response_model=BlockNotice,
                      summary="Why the signed-in user is blocked (2022 §17)")
    app.add_api_route(API_PREFIX + REVIEW.path, review, methods=["POST"],
                      summary="A controller's signed review of the reports (R-CTL-1)")
    app.add_api_route(API_PREFIX + "/control/reviews/last",
                      read("control_review_state",
                           lambda user, _ctx: review_state(engine, user, now_utc())),
                      methods=["GET"], response_model=ReviewState,
                      summary="When the reports were last reviewed; whether one is due")
    app.add_api_route(API_PREFIX + "/control/requests/{seq}", request_trail, methods=["GET"],
                      response_model=RequestTrail,
                      summary="A request's journal entries, signatures re-verified")


def _seq(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 2**53:
        raise Refusal("param_invalid", "seq is a journal sequence number")
    return int(text)
