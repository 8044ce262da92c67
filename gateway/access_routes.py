"""HTTP routes of registry and access: applications, operator decisions, blocks, agreement."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from gateway import agreement, applications, auth
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.openapi import signed_body
from gateway.problems import Refusal, problem
from transport.protocol import (
    API_PREFIX,
    AgreementReceipt,
    AgreementText,
    ApplicationList,
    ApplicationReceipt,
    ApplicationStatus,
    ApplicationSubmission,
    Signed,
)

Handle = Callable[[Request, RequestContext, Callable[[Any], BaseModel]], Awaitable[Response]]
Refuse = Callable[[Refusal, RequestContext], Response]


def _ctx(request: Request, endpoint: str) -> RequestContext:
    return RequestContext(endpoint=endpoint,
                          peer=request.client.host if request.client else None)


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig, handle: Handle,
               refuse: Refuse) -> None:
    """Mount the routes on `app`, using its handle/refuse so refusals are journaled alike."""
    docs: dict[int | str, dict[str, Any]] = {
        "4XX": {"description": "problem+json with a stable code"}}

    def signed_in(request: Request, ctx: RequestContext,
                  work: Callable[[auth.Session, Any], BaseModel]) -> Callable[[Any], BaseModel]:
        authorization = request.headers.get("authorization")

        def run(data: Any) -> BaseModel:
            session = auth.session_of(engine, authorization)
            ctx.actor_iin = session.iin
            return work(session, data)

        return run

    @app.get(API_PREFIX + "/agreement", response_model=AgreementText)
    def agreement_text() -> dict[str, Any]:
        """The agreement on rights of use in force (R-AUTH-2): version, texts and hashes."""
        return agreement.current().model_dump(mode="json")

    @app.post(API_PREFIX + "/agreement/signature", response_model=AgreementReceipt, responses=docs)
    async def agreement_signature(request: Request) -> Response:
        """A Signed AgreementStatement by the user's signing key; recorded with its date."""
        ctx = _ctx(request, "agreement")
        return await handle(request, ctx, signed_in(
            request, ctx, lambda s, d: agreement.sign(engine, config, s, d, ctx)))

    @app.post(API_PREFIX + "/applications", response_model=ApplicationReceipt, responses=docs,
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": ApplicationSubmission.model_json_schema()}}}})
    async def application(request: Request) -> Response:
        """An application (R-ACC-2) with its PAdES-signed PDF carrying the scan (R-ACC-3) and
        the form itself (sio-application-form.json, bound by its SHA-256); signed just before
        filing and filed once. A blocking one may come from the user, a controller of their
        organisation or the operator (R-ACC-6, R-ACC-8) and takes effect at once."""
        ctx = _ctx(request, "application")
        return await handle(request, ctx,
                            lambda d: applications.submit(engine, config, d, ctx))

    @app.post(API_PREFIX + "/applications/status", response_model=ApplicationStatus,
              responses=docs)
    async def application_status(request: Request) -> Response:
        """An application's state and the operator-signed decision (R-ACC-9), for a Signed
        ApplicationStatusQuery by the applicant's authentication key (no session needed)."""
        ctx = _ctx(request, "application_status")
        return await handle(request, ctx,
                            lambda d: applications.status(engine, config, d, ctx))

    @app.post(API_PREFIX + "/operator/decisions", response_model=Signed, responses=docs)
    async def decision(request: Request) -> Response:
        """The operator's signed OperatorDecision in; the operator-signed Decision out."""
        ctx = _ctx(request, "decision")
        return await handle(request, ctx, signed_in(
            request, ctx, lambda s, d: applications.decide(engine, config, s, d, ctx)))

    @app.post(API_PREFIX + "/operator/blocks", response_model=Signed, responses=docs)
    async def block(request: Request) -> Response:
        """A signed OperatorBlock: the user is blocked at once (R-ACC-7, R-CTL-2)."""
        ctx = _ctx(request, "block")
        return await handle(request, ctx, signed_in(
            request, ctx, lambda s, d: applications.block(engine, config, s, d, ctx)))

    @app.post(API_PREFIX + "/operator/unblocks", response_model=Signed, responses=docs,
              openapi_extra=signed_body())
    async def unblock(request: Request) -> Response:
        """A signed OperatorUnblock (purpose sio-unblock): the operator undoes a block, e.g. a
        wrongful one; the user's next request is served again."""
        ctx = _ctx(request, "unblock")
        return await handle(request, ctx, signed_in(
            request, ctx, lambda s, d: applications.unblock(engine, config, s, d, ctx)))

    @app.get(API_PREFIX + "/operator/applications", response_model=ApplicationList, responses=docs)
    async def application_list(request: Request, state: str = "submitted",
                               overdue: bool = False) -> Response:
        """Applications for the operator, overdue ones (one-day deadline, R-ACC-4) flagged."""
        ctx = _ctx(request, "applications")

        def work() -> ApplicationList:
            session = auth.session_of(engine, request.headers.get("authorization"))
            ctx.actor_iin = session.iin
            return applications.listing(engine, session, state, overdue)

        try:
            result = await run_in_threadpool(work)
        except Refusal as refusal:
            return await run_in_threadpool(refuse, refusal, ctx)
        except SQLAlchemyError:
            return problem("journal_unavailable")
        return JSONResponse(result.model_dump(mode="json"))
