"""One path for a GET made within a session: the session's user named in the request's context,
the answer as JSON, a refusal journaled, a database failure answered journal_unavailable."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import Request
from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from gateway import auth
from gateway.context import RequestContext
from gateway.problems import Refusal, problem

log = logging.getLogger("sio.gateway.reads")

Refuse = Callable[[Refusal, RequestContext], Response]
Work = Callable[[auth.Session, RequestContext], "BaseModel | dict[str, Any]"]


def request_context(request: Request, endpoint: str) -> RequestContext:
    """The context a request's journal entry is made from: its endpoint and peer."""
    return RequestContext(endpoint=endpoint, peer=request.client.host if request.client else None)


async def session_read(request: Request, engine: Engine, refuse: Refuse, endpoint: str,
                       work: Work) -> Response:
    """`work(session, ctx)` for the request's live session, in the thread pool, as JSON."""
    ctx = request_context(request, endpoint)
    authorization = request.headers.get("authorization")

    def run() -> dict[str, Any]:
        session = auth.session_of(engine, authorization)
        ctx.actor_iin = session.iin  # a refusal from here on names who asked
        answer = work(session, ctx)
        return answer if isinstance(answer, dict) else answer.model_dump(mode="json")

    try:
        return JSONResponse(await run_in_threadpool(run))
    except Refusal as refusal:
        return await run_in_threadpool(refuse, refusal, ctx)
    except SQLAlchemyError:
        log.exception("database failure while reading %s", endpoint)
        return problem("journal_unavailable")


__all__ = ["Refuse", "request_context", "session_read"]
