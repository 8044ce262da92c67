"""Workstation attestation (2022 §4: access is given once App.3's requirements are met): a user
signs their desk's self-check verdict (transport.commands ATTESTATION) when it changes; it is
journaled as "attestation", and the operator's user list shows the newest beside the user.
Access is not conditioned on it yet: the journal is its only record, read by `newest`."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel
from sqlalchemy import Connection, Engine, select
from starlette.responses import Response

from gateway import pipeline
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.models import journal
from gateway.pipeline import Call, Handler
from transport.commands import ATTESTATION
from transport.protocol import API_PREFIX, AttestationReceipt, AttestationStatement, Signed

KIND = "attestation"
Handle = Callable[[Request, RequestContext, Callable[[Any], BaseModel]], Any]


@dataclass(frozen=True)
class Attested:
    """A user's newest attestation, as its journal entry says."""

    at: str  # when it was journaled, Astana time
    overall: str
    not_passed: list[str]


def _apply(conn: Connection, call: Call[AttestationStatement]) -> AttestationReceipt:
    statement = call.payload
    entry = call.record(conn, detail={
        "overall": statement.overall, "profile": statement.profile,
        "partial": statement.partial, "host": statement.host, "system": statement.system,
        "checked_at": statement.checked_at, "not_passed": statement.not_passed,
        "report_sha256": statement.report_sha256})
    return AttestationReceipt(journal_seq=entry.seq)


ATTESTATIONS: Handler[AttestationStatement] = Handler(apply=_apply)


def newest(conn: Connection) -> dict[str, Attested]:
    """Each user's newest attestation (the journal's (kind, time) index finds them)."""
    found: dict[str, Attested] = {}
    rows = conn.execute(select(journal.c.actor_iin, journal.c.at_astana, journal.c.detail).where(
        journal.c.kind == KIND).order_by(journal.c.seq.desc()))
    for row in rows:
        if row.actor_iin in found or row.actor_iin is None:
            continue
        try:
            detail = json.loads(row.detail)
            found[row.actor_iin] = Attested(str(row.at_astana), str(detail["overall"]),
                                            [str(x) for x in detail.get("not_passed", [])])
        except (ValueError, KeyError, TypeError):
            continue  # an entry that does not read shows as no attestation
    return found


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig, handle: Handle) -> None:
    """POST /v1/attestations (signed by the user's signing key)."""

    async def attest(request: Request) -> Response:
        ctx = RequestContext(endpoint=ATTESTATION.name,
                             peer=request.client.host if request.client else None)
        result: Response = await handle(request, ctx, pipeline.work(
            engine, config, ATTESTATION, ATTESTATIONS, request.headers.get("authorization"),
            ctx))
        return result

    body = {"requestBody": {"required": True, "content": {
        "application/json": {"schema": Signed.model_json_schema()}}}}
    app.add_api_route(API_PREFIX + ATTESTATION.path, attest, methods=["POST"],
                      response_model=AttestationReceipt, openapi_extra=body,
                      summary="A user's signed workstation self-check (2022 §4, App.3)")
