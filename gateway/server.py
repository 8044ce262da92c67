"""The gateway served by uvicorn in a background thread (sandbox, demos, tests)."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from types import TracebackType

import uvicorn
from sqlalchemy import Engine

from gateway import journal
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.db import make_engine
from gateway.population import Population


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
        self._server: uvicorn.Server | None = None
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
        return f"{'https' if self.tls else 'http'}://{self.host}:{self.port}"

    def start(self, timeout: float = 15.0) -> EmbeddedGateway:
        """Bind, serve in a thread and return once connections are accepted."""
        if self._thread is not None:
            raise RuntimeError("the gateway is already running")
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self._requested_port))
        sock.listen(128)
        self._sock, self.port = sock, sock.getsockname()[1]
        cfg = uvicorn.Config(
            self.app, log_level="warning", lifespan="off", access_log=False,
            ssl_certfile=str(self.config.tls_cert) if self.tls else None,
            ssl_keyfile=str(self.config.tls_key) if self.tls else None,
            ssl_version=ssl.PROTOCOL_TLS_SERVER, timeout_graceful_shutdown=5,
        )
        self._server = uvicorn.Server(cfg)
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
