"""The gateway served by uvicorn in a background thread (`sio-gateway serve`, sandbox, tests).

Slow and flooding clients (issue 9) are bounded here, below the app:
- connections are accepted by our own loop (public asyncio calls only): at most
  `max_connections` at a time — the rest wait in the kernel's backlog — and at most
  `max_connections_per_peer` from one address (more are closed at once, before TLS);
- the TLS handshake must finish within `header_timeout_s`, and so must the request line and
  headers of every request after the connection opens or the previous answer went out;
- the whole body must arrive within `body_timeout_s` after the headers. The app refuses a late
  body itself (request_timeout, journaled); the connection is cut a little later whatever the
  endpoint does with the body;
- a connection that misses a deadline is aborted (no TLS close_notify exchange a stalled peer
  could stretch), and TLS shutdowns are bounded too;
- the listening socket is an IPPROTO_TCP socket, so asyncio sets TCP_NODELAY on each accepted
  connection, and we set it ourselves as well (small answers are not held back by Nagle).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, cast

import h11
import uvicorn
from sqlalchemy import Engine
from uvicorn.protocols.http.h11_impl import H11Protocol

from gateway import journal
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import peer_key
from gateway.db import make_engine
from gateway.population import Population

log = logging.getLogger("sio.gateway")

# The app refuses a late body first (journaled, answered 408); the connection is cut this much
# later even if the endpoint never reads its body.
BODY_GRACE_S = 2.0
# A TLS close waits this long for the peer's close_notify before the socket is dropped.
TLS_SHUTDOWN_S = 3.0
BACKLOG = 128
# How long a thread may hold the GIL while others wait (CPython's default is 5 ms). The group
# writer (gateway.writer) releases the GIL at every SQLite statement and signature; with
# request threads busy verifying signatures it waited up to the full interval to get it back,
# each time — the batch's serial section, and so the whole gateway, paid it (issue 10: 40 q/s
# at 5 ms, 58 at 0.5 ms, 64 at 0.1 ms on the same loaded machine; noisy).
SWITCH_INTERVAL_S = 0.0005


@dataclass(frozen=True)
class Limits:
    """What one connection may take (GatewayConfig's header/body timeouts and caps)."""

    header_timeout_s: float
    body_timeout_s: float
    max_connections: int
    max_connections_per_peer: int

    @classmethod
    def of(cls, config: GatewayConfig) -> Limits:
        return cls(config.header_timeout_s, config.body_timeout_s, config.max_connections,
                   config.max_connections_per_peer)


class GatewayProtocol(H11Protocol):
    """uvicorn's h11 protocol with deadlines: headers within header_timeout_s (from the
    connection or the previous answer), the whole body within body_timeout_s + grace."""

    def __init__(self, *args: Any, limits: Limits, on_close: Callable[[], None],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limits = limits
        self._on_close: Callable[[], None] | None = on_close
        self._phase: str | None = None
        self._deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._follow()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._follow()

    def connection_lost(self, exc: Exception | None) -> None:
        self._arm(None)
        super().connection_lost(exc)
        if self._on_close is not None:
            on_close, self._on_close = self._on_close, None
            on_close()

    def _follow(self) -> None:
        """Arm the deadline of what the client owes now: headers, a body, or nothing."""
        state = self.conn.their_state
        phase = "headers" if state is h11.IDLE else "body" if state is h11.SEND_BODY else None
        if phase != self._phase and not self.transport.is_closing():
            self._arm(phase)

    def _arm(self, phase: str | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        self._phase = phase
        if phase == "headers":
            self._deadline = self.loop.call_later(self._limits.header_timeout_s, self._expired)
        elif phase == "body":
            self._deadline = self.loop.call_later(self._limits.body_timeout_s + BODY_GRACE_S,
                                                  self._expired)

    def _expired(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            log.debug("closing a connection from %s: its %s did not arrive in time",
                     self.client[0] if self.client else "?", self._phase)
            self.transport.abort()  # connection_lost tells a waiting app the client is gone


class Acceptor:
    """Accepts on one listening socket within the connection caps, then hands each connection
    (after its TLS handshake) to a GatewayProtocol. Quacks like asyncio.Server for uvicorn."""

    def __init__(self, sock: socket.socket, make_protocol: Callable[[Callable[[], None]],
                 asyncio.Protocol], tls: ssl.SSLContext | None, limits: Limits) -> None:
        self.sock = sock
        self._make_protocol = make_protocol
        self._tls = tls
        self._limits = limits
        self._slots = asyncio.Semaphore(limits.max_connections)
        self._per_peer: Counter[str] = Counter()
        self._opening: set[asyncio.Task[None]] = set()
        self._task: asyncio.Task[None] | None = None
        self.open_count = 0

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._accept_loop())

    async def _accept_loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._slots.acquire()
            try:
                conn, address = await loop.sock_accept(self.sock)
            except OSError as exc:  # out of descriptors, or a connection reset in the queue
                self._slots.release()
                log.warning("accept failed: %s", exc)
                await asyncio.sleep(0.1)
                continue
            except BaseException:
                self._slots.release()
                raise
            peer = peer_key(address[0] if isinstance(address, tuple) else None)
            if self._per_peer[peer] >= self._limits.max_connections_per_peer:
                self._slots.release()
                conn.close()  # before any TLS work: the cheapest possible no
                continue
            self._per_peer[peer] += 1
            self.open_count += 1
            task = loop.create_task(self._open(conn, peer))
            self._opening.add(task)
            task.add_done_callback(self._opening.discard)

    async def _open(self, conn: socket.socket, peer: str) -> None:
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self.open_count -= 1
                self._per_peer[peer] -= 1
                if self._per_peer[peer] <= 0:
                    del self._per_peer[peer]
                self._slots.release()

        if conn.family in (socket.AF_INET, socket.AF_INET6):
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        tls: dict[str, Any] = {}
        if self._tls is not None:
            tls = {"ssl": self._tls, "ssl_handshake_timeout": self._limits.header_timeout_s,
                   "ssl_shutdown_timeout": TLS_SHUTDOWN_S}
        try:
            await asyncio.get_running_loop().connect_accepted_socket(
                lambda: self._make_protocol(release), conn, **tls)
        except (TimeoutError, OSError, ssl.SSLError) as exc:
            log.debug("connection from %s dropped before HTTP: %r", peer, exc)
            conn.close()
            release()
        except BaseException:
            conn.close()
            release()
            raise

    def close(self) -> None:
        for task in (self._task, *self._opening):
            if task is not None:
                task.cancel()

    async def wait_closed(self) -> None:
        tasks = [t for t in (self._task, *self._opening) if t is not None]
        await asyncio.gather(*tasks, return_exceptions=True)


class _Server(uvicorn.Server):
    """uvicorn's server with our accept loop and protocol instead of loop.create_server."""

    def __init__(self, config: uvicorn.Config, limits: Limits) -> None:
        super().__init__(config)
        self.limits = limits

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await self.lifespan.startup()
        config = self.config
        loop = asyncio.get_running_loop()

        def make_protocol(on_close: Callable[[], None]) -> asyncio.Protocol:
            return GatewayProtocol(config=config, server_state=self.server_state,
                                   app_state=self.lifespan.state, _loop=loop,
                                   limits=self.limits, on_close=on_close)

        acceptors = [Acceptor(sock, make_protocol, config.ssl, self.limits)
                     for sock in sockets or ()]
        for acceptor in acceptors:
            acceptor.start()
        self.servers = cast(Any, acceptors)
        self.started = True


class EmbeddedGateway:
    """Serves create_app(config) on host:port (0 = any free port), over TLS by default."""

    def __init__(self, config: GatewayConfig, host: str = "127.0.0.1", port: int = 0,
                 tls: bool = True) -> None:
        if tls and (config.tls_cert is None or config.tls_key is None):
            raise ValueError("TLS needs config.tls_cert and config.tls_key")
        self.config = config
        self.host = host
        self.tls = tls
        self._requested_port = port
        self.engine: Engine = make_engine(config.db_url)
        self.app = create_app(config, self.engine)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self.port = 0

    @property
    def population(self) -> Population:
        """The synthetic registry the gateway answers №1 from (sandbox lookups in tests)."""
        population: Population = self.app.state.population
        return population

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'https' if self.tls else 'http'}://{host}:{self.port}"

    def connections(self) -> list[H11Protocol]:
        """The HTTP connections open now (past their TLS handshake)."""
        if self._server is None:
            return []
        return [c for c in list(self._server.server_state.connections)
                if isinstance(c, H11Protocol)]

    def start(self, timeout: float = 15.0) -> EmbeddedGateway:
        """Bind, serve in a thread and return once connections are accepted."""
        if self._thread is not None:
            raise RuntimeError("the gateway is already running")
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self._requested_port))
        sock.listen(BACKLOG)
        sock.setblocking(False)
        self._sock, self.port = sock, sock.getsockname()[1]
        cfg = uvicorn.Config(
            self.app, log_level="warning", lifespan="off", access_log=False, http="h11",
            ws="none", ssl_certfile=str(self.config.tls_cert) if self.tls else None,
            ssl_keyfile=str(self.config.tls_key) if self.tls else None,
            ssl_version=ssl.PROTOCOL_TLS_SERVER, timeout_graceful_shutdown=5,
        )
        self._server = _Server(cfg, Limits.of(self.config))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name=f"sio-gateway:{self.port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the embedded gateway did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        """Finish in-flight requests, stop serving, release the port and the database."""
        refusals = getattr(self.app.state, "refusals", None)
        if refusals is not None:
            refusals.flush_soon()  # counted anonymous refusals are written and answered now
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._sock is not None:
            self._sock.close()
        self._server = self._thread = self._sock = None
        self.engine.dispose()

    def journal_entries(self, since_seq: int = 0) -> list[journal.JournalEntry]:
        return journal.entries(self.engine, since_seq)

    def __enter__(self) -> EmbeddedGateway:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
