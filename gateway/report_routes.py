"""GET /v1/reports: the departmental-control report (R-CTL-1, gateway.reports) for controllers
and the operator, made whole into a temporary file before the answer streams it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from tempfile import TemporaryFile
from typing import IO, Annotated

from fastapi import FastAPI, Query, Request
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response, StreamingResponse

from gateway import auth, registry
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.problems import Refusal
from gateway.reports import Settings, period, write
from transport.protocol import API_PREFIX

REPORT_ROLES = frozenset({"controller", "operator"})


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig,
               refuse: Callable[[Refusal, RequestContext], Response]) -> None:
    """GET /v1/reports?from=YYYY-MM-DD&to=YYYY-MM-DD for controllers and the operator."""

    def work(authorization: str | None, start: str, end: str,
             ctx: RequestContext) -> IO[bytes]:
        session = auth.session_of(engine, authorization)
        ctx.actor_iin = session.iin  # a refusal from here on names who asked
        with engine.connect() as conn:
            user = registry.require_active(conn, session.iin)
        if user.role not in REPORT_ROLES:
            raise Refusal("controller_only", f"role {user.role!r} may not see reports")
        try:
            first, last = period(start, end)
        except ValueError as exc:
            raise Refusal("param_invalid", str(exc)) from exc
        file = TemporaryFile()  # the whole report is made before the answer starts
        try:
            write(engine, Settings.of(config), first, last, file)
        except BaseException:
            file.close()
            raise
        file.seek(0)
        return file

    async def reports_endpoint(request: Request,
                               start: Annotated[str, Query(alias="from")] = "",
                               end: Annotated[str, Query(alias="to")] = "") -> Response:
        ctx = RequestContext(endpoint="reports",
                             peer=request.client.host if request.client else None)
        try:
            file = await run_in_threadpool(work, request.headers.get("authorization"), start,
                                           end, ctx)
        except Refusal as refusal:
            return await run_in_threadpool(refuse, refusal, ctx)
        return StreamingResponse(_chunks(file), media_type="application/json")

    app.add_api_route(API_PREFIX + "/reports", reports_endpoint, methods=["GET"],
                      summary="The departmental-control report (R-CTL-1)")


def _chunks(file: IO[bytes]) -> Iterator[bytes]:
    """The report file's bytes in pieces, closing (and so deleting) it at the end."""
    with file:
        while chunk := file.read(1 << 16):
            yield chunk
