"""The operator's sanctions of App.5 (the agreement on rights of use, §17): access suspended
until a date, closed, or the account record deleted — each a signed command (transport.commands
SANCTION) journaled as "sanction", whose entry is its only record: a suspension ends on its date
by itself, as the registry reads the user (`in_force`), with nothing left to run at that time.

What each does to the users row: suspended, closed, deleted. A suspended or closed user is
refused as blocked (the reason signed in the sanction is what they read, 2022 §17), a deleted
one as not registered — they may apply for registration anew (R-ACC-2). The operator's unblock
undoes a suspension or a closure; a later block replaces a suspension, and its end with it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel
from sqlalchemy import Connection, Engine, select, update
from starlette.responses import Response

from gateway import attestation, auth, pipeline, registry
from gateway.applications import keep_an_operator, operator_of
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.models import journal, users
from gateway.openapi import signed_body
from gateway.pipeline import Call, Handler
from gateway.problems import Refusal
from gateway.session_read import request_context, session_read
from transport.clock import ASTANA, iso, now_utc, to_astana
from transport.commands import SANCTION
from transport.errors import ErrorCode
from transport.protocol import (
    API_PREFIX,
    OperatorSanction,
    SanctionRecord,
    UserList,
    UserRow,
)

KIND = "sanction"  # the journal kind (transport.commands.SANCTION)
STATE_OF = {"suspension": "suspended", "closure": "closed", "deletion": "deleted"}
STATES = frozenset(STATE_OF.values())
Handle = Callable[[Request, RequestContext, Callable[[Any], BaseModel]], Any]
Refuse = Callable[[Refusal, RequestContext], Response]


@dataclass(frozen=True)
class Sanction:
    """The newest sanction of one user, as its journal entry says."""

    seq: int
    kind: str
    until: str  # the Astana date a suspension ends ("" for the others)
    reason: str

    def ends_at(self) -> dt.datetime | None:
        """00:00 Astana time of `until`: access returns at the start of that day."""
        if not self.until:
            return None
        day = dt.date.fromisoformat(self.until)
        return dt.datetime(day.year, day.month, day.day, tzinfo=ASTANA)


def _sanction(seq: int, text: str) -> tuple[str, Sanction] | None:
    try:
        detail = json.loads(text)
        one = Sanction(seq, str(detail["sanction"]), str(detail.get("until") or ""),
                       str(detail["reason"]))
        iin = str(detail["iin"])
        one.ends_at()  # a date that does not read is no sanction this code can apply
    except (ValueError, KeyError, TypeError):
        return None
    return iin, one


def newest(conn: Connection, iins: set[str] | None = None) -> dict[str, Sanction]:
    """The newest sanction of each user (of `iins`, or of all): sanctions are few, and the
    journal's (kind, time) index finds them."""
    found: dict[str, Sanction] = {}
    rows = conn.execute(select(journal.c.seq, journal.c.detail).where(
        journal.c.kind == KIND).order_by(journal.c.seq.desc()))
    for row in rows:
        parsed = _sanction(int(row.seq), row.detail)
        if parsed is not None and parsed[0] not in found and (iins is None or parsed[0] in iins):
            found[parsed[0]] = parsed[1]
            if iins is not None and found.keys() >= iins:
                break
    return found


def in_force(conn: Connection, user: registry.User, now: dt.datetime | None = None
             ) -> registry.User:
    """`user` as the registry admits them now: a suspension past its date is over (registered),
    one still running and a closure are a block (blocked), a deletion stays "deleted"."""
    if user.state == "closed":
        return replace(user, state="blocked", sanctioned=user.state)
    if user.state != "suspended":
        return user
    running = runs(newest(conn, {user.iin}).get(user.iin), now)
    return replace(user, state="blocked" if running else "registered", sanctioned=user.state)


def runs(sanction: Sanction | None, now: dt.datetime | None = None) -> bool:
    """Whether a user's suspension still runs at `now`: a suspended row whose entry cannot be
    read (or is not a suspension) stays suspended — fail closed."""
    end = sanction.ends_at() if sanction is not None and sanction.kind == "suspension" else None
    return end is None or (now or now_utc()) < end


# --- the command ----------------------------------------------------------------------------

def _check(call: Call[OperatorSanction]) -> None:
    command = call.payload
    if command.sanction != "suspension":
        if command.until:
            raise Refusal(ErrorCode.REQUEST_INVALID, "until: only a suspension has an end date")
        return
    if not command.until:
        raise Refusal(ErrorCode.REQUEST_INVALID, "until: a suspension names the date it ends")
    try:
        day = dt.date.fromisoformat(command.until)
    except ValueError as exc:
        raise Refusal(ErrorCode.REQUEST_INVALID, "until: not a calendar date") from exc
    if day <= to_astana(call.now).date():
        raise Refusal(ErrorCode.REQUEST_INVALID, "until: the end date must be after today")


def _apply(conn: Connection, call: Call[OperatorSanction]) -> None:
    command = call.payload
    target = registry.find(conn, command.iin)
    if target is None or target.state == "deleted":
        raise Refusal(ErrorCode.NOT_REGISTERED, "this IIN is not registered with the operator")
    if command.sanction == "suspension" and target.state == "blocked" and not target.sanctioned:
        # Its end would lift a block that has no end (a leave, a controller's block).
        raise Refusal(ErrorCode.REQUEST_INVALID,
                      "the user is blocked: unblock first, or close access instead")
    keep_an_operator(conn, target)  # someone must remain to lift it
    conn.execute(update(users).where(users.c.iin == command.iin).values(
        state=STATE_OF[command.sanction]))
    call.sign_answer(SanctionRecord(
        iin=command.iin, sanction=command.sanction, until=command.until, reason=command.reason,
        decided_at=iso(to_astana(call.now)), operator_iin=call.user.iin))
    call.record(conn, detail={"iin": command.iin, "sanction": command.sanction,
                              "until": command.until, "reason": command.reason})


SANCTIONS: Handler[OperatorSanction] = Handler(apply=_apply, check=_check)


# --- the operator's list of users -----------------------------------------------------------

def user_list(engine: Engine, config: GatewayConfig, session: auth.Session,
              now: dt.datetime | None = None) -> UserList:
    """Every user with their state as admitted now, their newest sanction and their newest
    attestation with how it stands under the policy (operator only)."""
    operator_of(engine, session)
    with engine.connect() as conn:
        rows = [registry.User(**r) for r in conn.execute(
            select(users).order_by(users.c.organization, users.c.name)).mappings()]
        latest = newest(conn)
        attested = attestation.newest(conn, config, now or now_utc())
    out = []
    for user in rows:
        shown = user.state
        if user.state == "suspended":
            shown = "suspended" if runs(latest.get(user.iin), now) else "registered"
        one = latest.get(user.iin) if user.state in STATES else None
        out.append(UserRow(iin=user.iin, name=user.name, organization=user.organization,
                           role=user.role, state=shown,
                           agreement_signed=bool(user.agreement_signed_at),
                           position=user.position,
                           sanction=one.kind if one and shown != "registered" else "",
                           until=one.until if one and shown != "registered" else "",
                           reason=one.reason if one and shown != "registered" else "",
                           **_attested(attested.get(user.iin))))
    return UserList(users=out, attestation_required=config.attestation == "require")


def _attested(one: attestation.Attested | None) -> dict[str, Any]:
    if one is None:
        return {"attestation_standing": attestation.MISSING}
    return {"attested_at": one.at, "attestation": one.overall,
            "attestation_not_passed": one.not_passed, "attestation_standing": one.standing}


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig, handle: Handle,
               refuse: Refuse) -> None:
    """POST /v1/operator/sanctions (signed) and GET /v1/operator/users."""

    async def sanction(request: Request) -> Response:
        ctx = request_context(request, SANCTION.name)
        result: Response = await handle(request, ctx, pipeline.work(
            engine, config, SANCTION, SANCTIONS, request.headers.get("authorization"), ctx))
        return result

    async def listing(request: Request) -> Response:
        return await session_read(request, engine, refuse, "users",
                                  lambda session, _ctx: user_list(engine, config, session))

    body = signed_body()
    app.add_api_route(API_PREFIX + SANCTION.path, sanction, methods=["POST"],
                      summary="An App.5 sanction: suspension, closure, deletion (operator)",
                      openapi_extra=body)
    app.add_api_route(API_PREFIX + "/operator/users", listing, methods=["GET"],
                      response_model=UserList,
                      summary="Users with their state and newest sanction (operator)")
