"""A signed query: check everything, journal it durably, then answer signed (R-AUTH-5, R-LOG-1).

The signature, the payload, the signer, the registry, the nonce and the clock are the pipeline's
(gateway.pipeline, transport.commands.QUERY); what is the query's own is here: the role's access
to the resource, the workstation's attestation (by policy), announced downtime, resolving it,
and the operator-signed result.
"""

from __future__ import annotations

from functools import partial

from sqlalchemy import Connection, Engine

from gateway import attestation, journal, pipeline
from gateway.auth import Session
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.operations import check_downtime
from gateway.pipeline import Call, Handler
from gateway.population import Population
from gateway.problems import Refusal
from gateway.resolvers import resolve
from resources.catalogue import resource
from transport.clock import iso, now_astana
from transport.commands import QUERY
from transport.errors import ErrorCode
from transport.protocol import QueryRequest, QueryResult, Signed


def _note(req: QueryRequest, ctx: RequestContext) -> None:
    ctx.resource, ctx.basis = req.resource, req.basis.model_dump(mode="json")


def _check(population: Population, call: Call[QueryRequest]) -> None:
    req = call.payload
    if not call.user.may_query(req.resource):
        raise Refusal(ErrorCode.RESOURCE_NOT_ALLOWED,
                      f"role {call.user.role!r} has no access to №{req.resource}")
    attestation.require(call)  # R-WS-6, 2022 §4: the workstation's self-check, by policy
    # R-Q-3: announced works or an open emergency
    check_downtime(call.engine, req.resource, conn=call.reads)
    call.prepared = resolve(population, req.resource, req.params)


def _apply(conn: Connection, call: Call[QueryRequest]) -> None:
    req, records = call.payload, call.prepared
    result = QueryResult(
        request_sha256=call.payload_sha256,
        journal_seq=journal.next_seq(conn),
        resource=req.resource,
        issued_at=iso(now_astana()),  # R-Q-5
        records=records,
        truncated=resource(req.resource).truncated,  # R-Q-1: №11 is the reduced service
    )
    body = call.answer_later(result)  # signed before the commit, beside the batch's others
    # R-CTL-3: the signed request is kept (by the pipeline), so an outside party can re-verify
    # it; R-LOG-2: the processing result is kept permanently beside it.
    entry = call.record(conn, resource=req.resource, basis=call.ctx.basis,
                        detail={"records": len(records), "result": body.decode("utf-8")})
    if entry.seq != result.journal_seq:  # the head is locked; this would be a bug
        raise RuntimeError("journal seq moved inside a locked transaction")


def handler(population: Population) -> Handler[QueryRequest]:
    return Handler(apply=_apply, check=partial(_check, population), note=_note)


def run_query(engine: Engine, config: GatewayConfig, population: Population, session: Session,
              data: object, ctx: RequestContext, *, reads: Connection | None = None) -> Signed:
    """Verify, resolve, journal (committed) and sign one query; Refusal on any failed check.
    `reads`: the request's read connection (pipeline.run closes it before the write)."""
    answer = pipeline.run(engine, config, QUERY, handler(population), session, data, ctx,
                          reads=reads)
    assert isinstance(answer, Signed)
    return answer
