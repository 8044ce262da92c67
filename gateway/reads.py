"""Successful reads of what only controllers and operators see are journaled (issue 9, hole 10).

A GET of a listed path that is answered 200 gets a `read` journal entry — the reader (from the
session the endpoint has just accepted), the endpoint and the query parameters — committed
before the answer leaves; if the journal cannot take it the answer is journal_unavailable
instead (fail closed, like every other journaled request). Refusals of those paths are
journaled by the endpoints themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway import auth, journal
from gateway.context import log
from gateway.db import write_tx
from gateway.problems import Refusal, problem

_MAX_PARAMS = 20
_MAX_TEXT = 200


def query_params(query_string: bytes) -> dict[str, str]:
    """The query parameters as journaled: first value of each, bounded in count and length."""
    params: dict[str, str] = {}
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    for name, value in pairs[:_MAX_PARAMS]:
        params.setdefault(name[:_MAX_TEXT], value[:_MAX_TEXT])
    return params


def record_read(engine: Engine, endpoint: str, authorization: str | None, peer: str | None,
                params: Mapping[str, str]) -> journal.JournalEntry:
    """Append the `read` entry in its own transaction (SQLAlchemyError if it cannot)."""
    actor: str | None = None
    serial: str | None = None
    try:
        session = auth.session_of(engine, authorization)
        actor, serial = session.iin, session.cert_serial
    except Refusal:  # the session ended between the answer and now: the read still happened
        pass
    detail: dict[str, Any] = {"endpoint": endpoint, "params": dict(params)}
    if peer:
        detail["peer"] = peer
    with write_tx(engine) as conn:
        return journal.append(conn, "read", actor_iin=actor, cert_serial=serial, detail=detail)


class ReadJournal:
    """ASGI middleware journaling successful GETs of `reads` (path → endpoint name)."""

    def __init__(self, app: ASGIApp, *, engine: Engine, reads: Mapping[str, str]) -> None:
        self.app = app
        self.engine = engine
        self.reads = dict(reads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        endpoint = self.reads.get(scope.get("path", "")) if scope["type"] == "http" else None
        if endpoint is None or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        held: list[Message] = []

        async def hold(message: Message) -> None:
            if held or (message["type"] == "http.response.start" and message["status"] == 200):
                held.append(message)
                if message["type"] == "http.response.body" and not message.get("more_body"):
                    await self._journal_then_answer(scope, endpoint, held, send)
                return
            await send(message)  # refusals are journaled by the endpoint itself

        await self.app(scope, receive, hold)

    async def _journal_then_answer(self, scope: Scope, endpoint: str, held: list[Message],
                                   send: Send) -> None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        client = scope.get("client")
        try:
            await run_in_threadpool(record_read, self.engine, endpoint,
                                    headers.get("authorization"), client[0] if client else None,
                                    query_params(scope.get("query_string", b"")))
        except SQLAlchemyError:
            log.exception("journal write failed for a read of %s", endpoint)
            await problem("journal_unavailable")(scope, _no_body, send)
            return
        for message in held:
            await send(message)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}
