"""A signed query: check everything, journal it durably, then answer signed (R-AUTH-5, R-LOG-1)."""

from __future__ import annotations

import json
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import Engine, insert
from sqlalchemy.exc import IntegrityError

from gateway import journal, registry
from gateway.auth import Session
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.models import nonces
from gateway.operations import check_downtime
from gateway.population import Population
from gateway.problems import Refusal
from gateway.resolvers import resolve
from gateway.timefmt import utc_text
from gateway.verify import verify_user_signed
from resources.catalogue import resource
from signing.cms import sign_detached
from transport.canonical import sha256_hex
from transport.clock import iso, now_astana, now_utc, parse_iso
from transport.protocol import QueryRequest, QueryResult, Signed


def parse_request(payload: bytes) -> QueryRequest:
    """The payload as a QueryRequest that is byte-for-byte its own canonical form."""
    try:
        data = json.loads(payload)
    except (ValueError, RecursionError) as exc:
        raise Refusal("malformed_request", "the signed payload is not JSON") from exc
    try:
        req = QueryRequest.model_validate(data)
    except ValidationError as exc:
        # R-Q-2: a missing or empty basis has its own code; nothing is sent without one.
        if any(err["loc"] and err["loc"][0] == "basis" for err in exc.errors()):
            raise Refusal("basis_missing", "the query carries no complete basis") from exc
        raise Refusal("malformed_request", _first_error(exc)) from exc
    if req.canonical() != payload:
        raise Refusal("malformed_request", "the payload is not in canonical form")
    return req


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "payload"
    return f"{where}: {err['msg']}"[:300]


def _issued_at(req: QueryRequest) -> datetime:
    try:
        return parse_iso(req.issued_at)
    except ValueError as exc:
        raise Refusal("malformed_request", "issued_at is not an ISO time with offset") from exc


def run_query(engine: Engine, config: GatewayConfig, population: Population, session: Session,
              data: object, ctx: RequestContext) -> Signed:
    """Verify, resolve, journal (committed) and sign one query; Refusal on any failed check."""
    # R-AUTH-5: the query is signed with the user's signing key, checked as of now.
    payload, signed, profile = verify_user_signed(data, config, session.iin, ctx, "query")
    req = parse_request(payload)
    ctx.resource, ctx.basis = req.resource, req.basis.model_dump(mode="json")
    if req.user_iin != profile.iin:
        raise Refusal("iin_mismatch", "user_iin differs from the signer's IIN")
    issued = _issued_at(req)
    with engine.connect() as conn:
        user = registry.require_active(conn, session.iin)  # R-CTL-2: a block applies at once
    if not user.may_query(req.resource):
        raise Refusal("resource_not_allowed",
                      f"role {user.role!r} has no access to №{req.resource}")
    check_downtime(engine, req.resource)  # R-Q-3: announced works or an open emergency
    records = resolve(population, req.resource, req.params)

    with write_tx(engine) as conn:
        now = now_utc()
        try:
            conn.execute(insert(nonces).values(
                iin=user.iin, nonce=req.nonce, seen_at=utc_text(now)))
        except IntegrityError as exc:
            raise Refusal("nonce_replayed", "this nonce was already used") from exc
        if abs((now - issued).total_seconds()) > config.nonce_window_s:
            raise Refusal("clock_skew", f"issued_at is more than {config.nonce_window_s} s away")
        result = QueryResult(
            request_sha256=sha256_hex(payload),
            journal_seq=journal.next_seq(conn),
            resource=req.resource,
            issued_at=iso(now_astana()),  # R-Q-5
            records=records,
            truncated=resource(req.resource).truncated,  # R-Q-1: №11 is the reduced service
        )
        body = result.canonical()
        # Signed before the commit: if signing fails nothing is journaled as answered.
        cms = sign_detached(body, config.operator_signer)
        entry = journal.append(
            conn, "query", actor_iin=user.iin, cert_serial=profile.serial,
            resource=req.resource, basis=ctx.basis, request_sha256=ctx.request_sha256,
            response_sha256=sha256_hex(body),
            # R-CTL-3: the signed request itself is kept, so an outside party can re-verify it.
            detail={"endpoint": ctx.endpoint, "records": len(records), "nonce": req.nonce,
                    "request": payload.decode("utf-8"), "signature": signed.signature,
                    # R-LOG-2: the processing result is kept permanently beside the request.
                    "result": body.decode("utf-8"),
                    **({"peer": ctx.peer} if ctx.peer else {})},
            at=now,
        )
        if entry.seq != result.journal_seq:  # the head is locked; this would be a bug
            raise RuntimeError("journal seq moved inside a locked transaction")
    # R-LOG-1: the transaction above has committed; only now does the answer leave.
    return Signed.wrap(body, cms)
