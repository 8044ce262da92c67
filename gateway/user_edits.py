"""The operator's edit of a user's registry fields (2022 §4–7, R-ACC-7): position, organisation
and role, signed (transport.commands USER_EDIT) and journaled as "user_edit" with the values
before and after; the user reads the new ones in the answer to their next sign-in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel
from sqlalchemy import Connection, Engine, update
from starlette.responses import Response

from gateway import pipeline, registry
from gateway.applications import keep_an_operator
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.models import users
from gateway.openapi import signed_body
from gateway.pipeline import Call, Handler
from gateway.problems import Refusal
from transport.clock import iso, to_astana
from transport.commands import USER_EDIT
from transport.errors import ErrorCode
from transport.protocol import API_PREFIX, OperatorUserEdit, UserEdited

Handle = Callable[[Request, RequestContext, Callable[[Any], BaseModel]], Any]
FIELDS = ("position", "organization", "role")


def _apply(conn: Connection, call: Call[OperatorUserEdit]) -> None:
    edit = call.payload
    target = registry.find(conn, edit.iin)
    if target is None or target.state == "deleted":
        raise Refusal(ErrorCode.NOT_REGISTERED, "this IIN is not registered with the operator")
    before = {f: str(getattr(target, f)) for f in FIELDS}
    after = {f: str(getattr(edit, f)) for f in FIELDS}
    if before == after:
        raise Refusal(ErrorCode.REQUEST_INVALID, "the edit changes nothing")
    if target.role == registry.OPERATOR_ROLE and edit.role != registry.OPERATOR_ROLE:
        keep_an_operator(conn, target)  # someone must remain to undo it
    conn.execute(update(users).where(users.c.iin == edit.iin).values(**after))
    call.sign_answer(UserEdited(
        iin=edit.iin, position=edit.position, organization=edit.organization, role=edit.role,
        before=before, reason=edit.reason, decided_at=iso(to_astana(call.now)),
        operator_iin=call.user.iin))
    call.record(conn, detail={"iin": edit.iin, "before": before, "after": after,
                              "reason": edit.reason})


USER_EDITS: Handler[OperatorUserEdit] = Handler(apply=_apply)


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig, handle: Handle) -> None:
    """POST /v1/operator/users/edits (signed by the operator's signing key)."""

    async def edit(request: Request) -> Response:
        ctx = RequestContext(endpoint=USER_EDIT.name,
                             peer=request.client.host if request.client else None)
        result: Response = await handle(request, ctx, pipeline.work(
            engine, config, USER_EDIT, USER_EDITS, request.headers.get("authorization"), ctx))
        return result

    body = signed_body()
    app.add_api_route(API_PREFIX + USER_EDIT.path, edit, methods=["POST"], openapi_extra=body,
                      summary="Change a user's position, organisation or role (operator)")
