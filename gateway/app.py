"""The HTTP API (FastAPI); every error is application/problem+json with a stable code."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from gateway import (
    access_routes,
    application_view,
    attestation,
    auth,
    checkpoints,
    control,
    dispositions,
    journal_export,
    openapi,
    operations,
    registry,
    report_routes,
    sanctions,
    user_edits,
)
from gateway.config import GatewayConfig
from gateway.context import RefusalJournal, RequestContext, record_refusal
from gateway.db import make_engine, migrate
from gateway.http_body import parse_json, read_body
from gateway.population import KnownPerson, Population
from gateway.problems import PROBLEM_MEDIA_TYPE, Refusal, problem
from gateway.queries import run_query
from gateway.ratelimit import RateLimit, endpoint_of
from gateway.reads import ReadJournal
from transport.canonical import sha256_hex
from transport.protocol import (
    API_PREFIX,
    Challenge,
    DispositionReceipt,
    LoginRequest,
    LoginResponse,
    Problem,
    Signed,
)

log = logging.getLogger("sio.gateway")

_PROBLEM_DOC = {
    "description": "A refusal or error (RFC 9457); `code` is stable.",
    "content": {PROBLEM_MEDIA_TYPE: {"schema": Problem.model_json_schema()}},
}


@lru_cache(maxsize=4)
def _population(size: int, seed: int, known: tuple[KnownPerson, ...]) -> Population:
    population = Population(size, seed, known)
    population.sample_iins(0)  # build the IIN index now, not on the first query
    return population


def _json_body(model: type[BaseModel]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": model.model_json_schema()}}}}


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "body"
    return f"{where}: {err['msg']}"[:300]


def create_app(config: GatewayConfig, engine: Engine | None = None) -> FastAPI:
    """The gateway app over `engine` (or one made from config.db_url), schema migrated."""
    engine = engine or make_engine(config.db_url)
    migrate(engine)
    checkpoints.attach(engine, config)  # R-LOG-1: segments are sealed as they fill
    auth.watch_revocation(engine, config)  # issue 9: a revoked login certificate ends sessions
    registry.seed(engine, config.seed_users)
    if config.sandbox:
        registry.seed_sandbox(engine)  # an operator and a newcomer (R-AUTH-2)
    population = _population(config.population_size, config.population_seed,
                             config.known_people())

    title = "SIO gateway (SANDBOX)" if config.sandbox else "SIO gateway"
    app = FastAPI(title=title, version="1", openapi_url="/openapi.json",
                  docs_url=None, redoc_url=None)
    app.state.engine = engine
    app.state.config = config
    app.state.population = population
    # R-LOG-1: refusals are requests too; anonymous floods are counted in aggregate rows.
    refusals = RefusalJournal(engine, config)
    app.state.refusals = refusals
    refuse = refusals.refuse

    async def handle(request: Request, ctx: RequestContext,
                     work: Callable[[Any], BaseModel]) -> Response:
        try:
            body = await read_body(request, config.max_body, config.body_timeout_s)
            ctx.request_sha256 = sha256_hex(body)
            data = parse_json(body)
            result = await run_in_threadpool(work, data)
        except Refusal as refusal:
            return await run_in_threadpool(refuse, refusal, ctx)
        except ValidationError as exc:
            return await run_in_threadpool(refuse, Refusal("request_invalid", _first_error(exc)),
                                           ctx)
        except SQLAlchemyError:
            # Fail closed: without a committed journal entry nothing is answered.
            log.exception("database failure while handling %s", ctx.endpoint)
            return problem("journal_unavailable")
        return JSONResponse(result.model_dump(mode="json"))

    def context(request: Request, endpoint: str) -> RequestContext:
        return RequestContext(endpoint=endpoint,
                              peer=request.client.host if request.client else None)

    @app.get(API_PREFIX + "/health")
    def health() -> dict[str, str]:
        """Liveness, unauthenticated."""
        return {"status": "ok"}

    @app.post(API_PREFIX + "/auth/challenge", response_model=Challenge,
              responses={"4XX": _PROBLEM_DOC})
    async def challenge(request: Request) -> Response:
        """A fresh single-use login challenge."""
        try:
            await read_body(request, config.max_body, config.body_timeout_s)
            issued = await run_in_threadpool(auth.issue_challenge, engine, config)
        except Refusal as refusal:
            return await run_in_threadpool(refuse, refusal, context(request, "challenge"))
        except SQLAlchemyError:
            log.exception("database failure while issuing a challenge")
            return problem("journal_unavailable")
        return JSONResponse(issued.model_dump(mode="json"))

    @app.post(API_PREFIX + "/auth/login", response_model=LoginResponse,
              responses={"4XX": _PROBLEM_DOC}, openapi_extra=_json_body(LoginRequest))
    async def login(request: Request) -> Response:
        """Log in with a CMS over LoginStatement(challenge) by the authentication key."""
        ctx = context(request, "login")
        return await handle(request, ctx, lambda data: auth.login(engine, config, data, ctx))

    @app.post(API_PREFIX + "/auth/logout", status_code=204, response_class=Response,
              responses={204: {"description": "The session is ended server-side"},
                         "4XX": _PROBLEM_DOC})
    async def logout(request: Request) -> Response:
        """End the bearer session now (journaled as "logout"); the token is useless after."""
        ctx = context(request, "logout")
        try:
            await read_body(request, config.max_body, config.body_timeout_s)
            await run_in_threadpool(auth.logout, engine, request.headers.get("authorization"),
                                    ctx)
        except Refusal as refusal:
            return await run_in_threadpool(refuse, refusal, ctx)
        except SQLAlchemyError:
            log.exception("database failure while ending a session")
            return problem("journal_unavailable")
        return Response(status_code=204)

    @app.post(API_PREFIX + "/queries", response_model=Signed,
              responses={"4XX": _PROBLEM_DOC}, openapi_extra=_json_body(Signed))
    async def query(request: Request) -> Response:
        """A signed QueryRequest in; an operator-signed QueryResult out (journaled first)."""
        ctx = context(request, "query")
        authorization = request.headers.get("authorization")

        def work(data: Any) -> BaseModel:
            # One read connection for the session, the registry and the downtime check
            # (issue 10); run_query gives it back before the journal's write transaction.
            with engine.connect() as reads:
                session = auth.session_of(engine, authorization, conn=reads)
                ctx.actor_iin = session.iin
                return run_query(engine, config, population, session, data, ctx, reads=reads)

        return await handle(request, ctx, work)

    @app.post(API_PREFIX + "/dispositions", response_model=DispositionReceipt,
              responses={"4XX": _PROBLEM_DOC}, openapi_extra=_json_body(Signed))
    async def disposition(request: Request) -> Response:
        """A Signed DispositionStatement by the user's signing key: a result attached to case
        material or destroyed (R-RES-1); journaled with its signature, once per query."""
        ctx = context(request, "disposition")
        authorization = request.headers.get("authorization")

        def work(data: Any) -> BaseModel:
            session = auth.session_of(engine, authorization)
            ctx.actor_iin = session.iin
            return dispositions.submit(engine, config, session, data, ctx)

        return await handle(request, ctx, work)

    operations.add_routes(app, engine, config, handle, refuse)  # R-Q-3, R-OPS-1
    report_routes.add_routes(app, engine, config, refuse)  # R-CTL-1
    control.add_routes(app, engine, config, handle, refuse)  # R-CTL-1/2: reviews, trails
    access_routes.add_routes(app, engine, config, handle, refuse)  # R-ACC-2..8, R-AUTH-2
    application_view.add_routes(app, engine, config, refuse)  # R-ACC-4: the operator's view
    sanctions.add_routes(app, engine, config, handle, refuse)  # App.5 §17 sanctions, users
    attestation.add_routes(app, engine, config, handle)  # 2022 §4: workstation self-checks
    user_edits.add_routes(app, engine, config, handle)  # 2022 §4–7: position, organisation, role
    journal_export.add_routes(app, engine, config, refuse)  # R-LOG-1: seal and export
    openapi.install(app)  # issue 9: the document is the whole contract (bodies, refusals, links)

    def refuse_unrouted(request: Request, refusal: Refusal, status: int | None = None,
                        headers: dict[str, str] | None = None) -> Response:
        """Journal a refusal made before any endpoint ran (404, 405, query-parameter 422),
        naming the session's user if the request carries a live one."""
        ctx = context(request, endpoint_of(request.scope))
        try:
            session = auth.session_of(engine, request.headers.get("authorization"))
            ctx.actor_iin, ctx.cert_serial = session.iin, session.cert_serial
        except (Refusal, SQLAlchemyError):
            pass  # nobody to name: counted with the anonymous ones
        return refuse(refusal, ctx, status=status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code,
                                                                 "request_invalid")
        headers = dict(exc.headers) if exc.headers else None
        return await run_in_threadpool(refuse_unrouted, request, Refusal(code, str(exc.detail)),
                                       exc.status_code, headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        refusal = Refusal("request_invalid", str(exc.errors()[:1])[:300])
        return await run_in_threadpool(refuse_unrouted, request, refusal)

    def journal_fault(request: Request, exc: Exception) -> None:
        """Best effort, in its own transaction: a 5xx is a request's outcome too (R-LOG-1)."""
        ctx = context(request, request.url.path[:200])
        try:
            record_refusal(engine, Refusal("internal_error", type(exc).__name__), ctx)
        except Exception:  # the answer stays a 500 whether or not the journal took it
            log.exception("journal write failed for an internal error")

    @app.exception_handler(Exception)
    async def server_fault(request: Request, exc: Exception) -> Response:
        # Only genuine faults reach here; every input problem above has its own code.
        log.error("unhandled error", exc_info=exc)
        await run_in_threadpool(journal_fault, request, exc)
        return problem("internal_error")  # fail closed: nothing of the work is answered

    # Issue 9: who read reports and operator lists is journaled; floods are rate limited.
    app.add_middleware(ReadJournal, engine=engine, reads={
        API_PREFIX + "/reports": "reports", API_PREFIX + "/operator/applications": "applications"})
    app.add_middleware(RateLimit, settings=config, refuse=refuse)
    return app
