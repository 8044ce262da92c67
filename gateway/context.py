"""What is known about a request so far, so a refusal can be journaled with it (R-LOG-1).

Refusals that name someone (a verified signer, a live session) are journaled one row each before
they are answered. Refusals that name nobody — bad JSON, unknown sessions, bad challenges, 404s,
rate limits — are journaled one by one only up to `itemized` per (peer, code) within a window;
the rest of that window is counted and written as one row with its count (`detail.count`) when
the window ends, and none of them is answered before that row is committed. A flood from one
address therefore costs at most itemized + 1 rows per code and window, and every refusal is
still counted in the journal.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from gateway import journal
from gateway.db import write_tx
from gateway.problems import Refusal, problem
from transport.clock import now_utc

log = logging.getLogger("sio.gateway")

_IIN = re.compile(r"\d{12}")
# Distinct endpoints an aggregate row lists by name; the rest are counted under "other".
_MAX_ENDPOINTS = 20
# Windows kept at most before the expired ones are forgotten.
_MAX_WINDOWS = 10_000


def peer_key(host: str | None) -> str:
    """The address limits and aggregates count by: an IPv4 address, or an IPv6 /64."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return host[:100]  # not an address (an in-process test client): counted by its name
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


@dataclass
class RequestContext:
    endpoint: str
    peer: str | None = None
    actor_iin: str | None = None
    cert_serial: str | None = None
    resource: int | None = None
    basis: dict[str, Any] | None = None
    request_sha256: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def record_refusal(engine: Engine, refusal: Refusal, ctx: RequestContext) -> journal.JournalEntry:
    """Journal a refusal in its own transaction: nothing else the request touched is kept."""
    detail: dict[str, Any] = {"code": refusal.code, "endpoint": ctx.endpoint}
    if refusal.detail:
        detail["message"] = refusal.detail[:500]
    if ctx.peer:
        detail["peer"] = ctx.peer
    detail.update({k: v for k, v in ctx.extra.items() if isinstance(v, str | int | bool)})
    # Columns are sized for real IINs and serials; anything else stays visible in the detail.
    actor = ctx.actor_iin if ctx.actor_iin and _IIN.fullmatch(ctx.actor_iin) else None
    if ctx.actor_iin and actor is None:
        detail["actor"] = ctx.actor_iin[:100]
    serial = ctx.cert_serial[:80] if ctx.cert_serial else None
    with write_tx(engine) as conn:
        return journal.append(
            conn, "refusal", actor_iin=actor, cert_serial=serial,
            resource=ctx.resource, basis=ctx.basis, request_sha256=ctx.request_sha256,
            detail=detail,
        )


def anonymous(ctx: RequestContext) -> bool:
    """Whether nobody can be named for the request: no verified signer, no live session."""
    return ctx.actor_iin is None and ctx.cert_serial is None


@dataclass(eq=False)
class _Batch:
    """Anonymous refusals of one (peer, code) waiting for their aggregate row."""

    peer: str
    code: str
    flush_at: float  # monotonic
    count: int = 0
    endpoints: Counter[str] = field(default_factory=Counter)
    message: str = ""
    first_at: str = ""
    last_at: str = ""
    closed: bool = False  # being written: later refusals start a new batch
    outcome: bool | None = None  # True once committed, False if the journal failed
    waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[bool]]] = field(
        default_factory=list)
    writer: asyncio.Task[None] | None = None
    wake: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None  # ends the writer's wait

    def add(self, refusal: Refusal, ctx: RequestContext) -> None:
        at = now_utc().isoformat(timespec="milliseconds")
        self.count += 1
        self.first_at = self.first_at or at
        self.last_at = at
        self.message = self.message or refusal.detail[:500]
        name = ctx.endpoint[:120]
        if name in self.endpoints or len(self.endpoints) < _MAX_ENDPOINTS:
            self.endpoints[name] += 1
        else:
            self.endpoints["other"] += 1

    def detail(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "aggregate": True, "count": self.count,
                               "peer": self.peer, "first_at": self.first_at,
                               "last_at": self.last_at, "endpoints": dict(self.endpoints)}
        if len(self.endpoints) == 1:
            out["endpoint"] = next(iter(self.endpoints))
        if self.message:
            out["message"] = self.message
        return out


@dataclass
class _Window:
    ends: float  # monotonic
    itemized: int = 0
    batch: _Batch | None = None


class RefusalSettings(Protocol):
    """What RefusalJournal reads of GatewayConfig."""

    refusal_window_s: float
    refusals_itemized: int


class RefusalJournal:
    """Journals refusals (R-LOG-1) and gives the problem to answer; see the module's text."""

    def __init__(self, engine: Engine, settings: RefusalSettings,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.settings = settings  # read at each refusal, like the rest of the configuration
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[tuple[str, str], _Window] = {}
        self._pending: list[_Batch] = []  # batches with a writer, until written

    def refuse(self, refusal: Refusal, ctx: RequestContext, *, status: int | None = None,
               headers: dict[str, str] | None = None) -> Response:
        """Journal `refusal` and return its answer. Blocking: call it from a worker thread."""
        headers = dict(headers or {})
        if refusal.code == "request_timeout":
            headers["Connection"] = "close"  # the rest of a stalled body is not waited for
        answer = problem(refusal.code, refusal.detail, status=status, headers=headers or None)
        batch = self._count(refusal, ctx) if anonymous(ctx) else None
        if batch is not None:
            return _AfterJournal(self, batch, answer)
        try:
            record_refusal(self.engine, refusal, ctx)
        except SQLAlchemyError:
            log.exception("journal write failed for a refusal")
            return problem("journal_unavailable")
        return answer

    def _count(self, refusal: Refusal, ctx: RequestContext) -> _Batch | None:
        """None if this refusal gets its own row; else the batch it is counted in."""
        peer = peer_key(ctx.peer)
        key = (peer, refusal.code)
        now = self._clock()
        with self._lock:
            window = self._windows.get(key)
            if window is None and len(self._windows) >= _MAX_WINDOWS:
                self._forget(now)
                if len(self._windows) >= _MAX_WINDOWS:  # too many addresses at once: one more
                    peer = "many"                       # key holds them all
                    key = (peer, refusal.code)
                    window = self._windows.get(key)
            if window is None or now >= window.ends:
                window = self._windows[key] = _Window(ends=now + self.settings.refusal_window_s)
            if window.itemized < self.settings.refusals_itemized:
                window.itemized += 1
                return None
            batch = window.batch
            if batch is None or batch.closed:
                batch = window.batch = _Batch(peer, refusal.code, flush_at=window.ends)
            batch.add(refusal, ctx)
            return batch

    def _forget(self, now: float) -> None:
        for key in [k for k, w in self._windows.items()
                    if now >= w.ends and (w.batch is None or w.batch.closed)]:
            del self._windows[key]

    async def wait(self, batch: _Batch) -> bool:
        """Until the batch's row is committed (True) or the journal failed (False)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[bool] = loop.create_future()
        with self._lock:
            if batch.outcome is not None:
                return batch.outcome
            batch.waiters.append((loop, future))
            writer = batch.writer
            if writer is None or writer.done() or writer.get_loop().is_closed():
                batch.writer = loop.create_task(self._write_when_due(batch))
                if batch not in self._pending:
                    self._pending.append(batch)
        return await future

    async def _write_when_due(self, batch: _Batch) -> None:
        wake = asyncio.Event()
        with self._lock:
            batch.wake = (asyncio.get_running_loop(), wake)
            delay = batch.flush_at - self._clock()
        if delay > 0:
            try:
                await asyncio.wait_for(wake.wait(), delay)
            except (TimeoutError, asyncio.CancelledError):
                pass  # due; or the loop goes away: what was counted is written, not lost
        with self._lock:
            batch.closed = True
        written = asyncio.get_running_loop().run_in_executor(None, self._write, batch)
        while True:
            try:
                ok = await asyncio.shield(written)
                break
            except asyncio.CancelledError:
                continue  # the write runs on regardless; its outcome is still awaited
        with self._lock:
            batch.outcome = ok
            waiters, batch.waiters = batch.waiters, []
            if batch in self._pending:
                self._pending.remove(batch)
        for loop, future in waiters:
            if not loop.is_closed():
                loop.call_soon_threadsafe(_settle, future, ok)

    def _write(self, batch: _Batch) -> bool:
        try:
            with write_tx(self.engine) as conn:
                journal.append(conn, "refusal", detail=batch.detail())
        except SQLAlchemyError:
            log.exception("journal write failed for %d refusals of %s from %s",
                          batch.count, batch.code, batch.peer)
            return False
        return True

    def flush_soon(self) -> None:
        """Write every waiting batch now instead of at its window's end (the server stops)."""
        with self._lock:
            wakes = []
            for batch in self._pending:
                batch.flush_at = 0.0
                if batch.wake is not None:
                    wakes.append(batch.wake)
        for loop, wake in wakes:
            if not loop.is_closed():
                loop.call_soon_threadsafe(wake.set)


def _settle(future: asyncio.Future[bool], ok: bool) -> None:
    if not future.done():
        future.set_result(ok)


class _AfterJournal(Response):
    """The refusal's answer, sent once the row that counts it is committed (fail closed)."""

    def __init__(self, refusals: RefusalJournal, batch: _Batch, answer: Response) -> None:
        self.refusals, self.batch, self.answer = refusals, batch, answer
        self.status_code = answer.status_code
        self.background = None
        self.body = answer.body
        self.raw_headers = answer.raw_headers  # one list: headers added later reach the answer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if await self.refusals.wait(self.batch):
            await self.answer(scope, receive, send)
        else:
            await problem("journal_unavailable")(scope, receive, send)
