"""GatewayClient against loopback gateways that drip bytes or answer 300 MB: a total deadline
per exchange and a size cap per answer (issue 9, hole 9); any httpx transport in tests."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from gateway.app import create_app
from gateway.config import GatewayConfig
from signing.sandbox_pki import SandboxPKI
from transport.client import QUERY_REPLY_MAX, ChannelError, GatewayClient
from transport.protocol import API_PREFIX, Signed

ROOT = Path(__file__).resolve().parents[2]
Respond = Callable[[ssl.SSLSocket, threading.Event], None]
SIGNED = Signed.wrap(b'{"resource":1}', b"\x30\x00")


class FakeGateway:
    """A TLS server on loopback (the sandbox's TLS key) answering each request with `respond`;
    at most `connections` connections, each for at most `life_s` seconds."""

    def __init__(self, pki: SandboxPKI, respond: Respond, *, connections: int = 3,
                 life_s: float = 20.0) -> None:
        self._tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._tls.load_cert_chain(str(pki.tls_cert_path), str(pki.tls_key_path))
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self.url = f"https://127.0.0.1:{self._sock.getsockname()[1]}"
        self._respond, self._connections, self._life_s = respond, connections, life_s
        self.stop = threading.Event()
        self._stops: list[threading.Event] = []  # one per connection: its life, or the end
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> FakeGateway:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for stop in list(self._stops):
            stop.set()
        self._thread.join(timeout=10)
        self._sock.close()

    def _serve(self) -> None:
        handlers = []
        while len(handlers) < self._connections and not self.stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            thread = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            thread.start()
            handlers.append(thread)
        for thread in handlers:
            thread.join(timeout=self._life_s)

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(self._life_s)
        try:
            with self._tls.wrap_socket(conn, server_side=True) as tls:
                request = b""
                while b"\r\n\r\n" not in request:
                    request += tls.recv(65536)
                head, _, body = request.partition(b"\r\n\r\n")
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                while len(body) < length:
                    body += tls.recv(65536)
                stop = threading.Event()
                self._stops.append(stop)
                if self.stop.is_set():
                    stop.set()
                timer = threading.Timer(self._life_s, stop.set)
                timer.start()
                try:
                    self._respond(tls, stop)
                finally:
                    timer.cancel()
        except (OSError, ssl.SSLError):
            pass  # the client hung up: what these tests want


def _drip(data: bytes, every: float) -> Respond:
    def respond(tls: ssl.SSLSocket, stop: threading.Event) -> None:
        for i in range(len(data)):
            if stop.wait(every):
                return
            tls.sendall(data[i:i + 1])
    return respond


def _drip_body(tls: ssl.SSLSocket, stop: threading.Event) -> None:
    tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: 1000000\r\n\r\n")
    while not stop.wait(0.1):  # one byte every 0.1 s: every read is quick, the whole is not
        tls.sendall(b" ")


def _huge(declared: bool) -> Respond:
    def respond(tls: ssl.SSLSocket, stop: threading.Event) -> None:
        total = 300 * 1024 * 1024
        length = f"Content-Length: {total}\r\n" if declared else "Connection: close\r\n"
        tls.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{length}\r\n"
                    .encode())
        chunk = b"[" + b" " * (1024 * 1024 - 1)
        for _ in range(total // len(chunk)):
            if stop.is_set():
                return
            tls.sendall(chunk)
    return respond


@pytest.fixture
def gateway(sandbox_pki: SandboxPKI) -> Iterator[Callable[[Respond], FakeGateway]]:
    servers: list[FakeGateway] = []

    def start(respond: Respond) -> FakeGateway:
        servers.append(FakeGateway(sandbox_pki, respond).__enter__())
        return servers[-1]

    yield start
    for server in servers:
        server.__exit__()


def _timed(call: Callable[[], object]) -> tuple[str, float]:
    started = time.monotonic()
    try:
        call()
    except ChannelError as exc:
        return exc.code, time.monotonic() - started
    return "answered", time.monotonic() - started


def test_a_gateway_dripping_its_body_is_given_up_at_the_deadline(
        gateway: Callable[[Respond], FakeGateway], sandbox_pki: SandboxPKI) -> None:
    server = gateway(_drip_body)
    client = GatewayClient(server.url, sandbox_pki.root_path, timeout=1.5)
    try:
        code, took = _timed(lambda: client.query(SIGNED, "token"))
    finally:
        client.close()
    assert code == "channel_timeout"
    assert 1.4 <= took < 2.5, took  # the whole exchange, not one read


def test_a_gateway_dripping_its_headers_is_given_up_at_the_deadline(
        gateway: Callable[[Respond], FakeGateway], sandbox_pki: SandboxPKI) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + b"a" * 500
    server = gateway(_drip(head, 0.05))
    client = GatewayClient(server.url, sandbox_pki.root_path, timeout=1.0)
    try:
        code, took = _timed(client.challenge)
    finally:
        client.close()
    assert code == "channel_timeout" and took < 2.0, took


def test_a_silent_gateway_is_given_up_at_the_deadline(
        gateway: Callable[[Respond], FakeGateway], sandbox_pki: SandboxPKI) -> None:
    server = gateway(lambda tls, stop: stop.wait(10) and None)
    client = GatewayClient(server.url, sandbox_pki.root_path, timeout=1.0)
    try:
        code, took = _timed(client.challenge)
    finally:
        client.close()
    assert code == "channel_timeout" and 0.9 <= took < 2.0, took


_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from transport.client import ChannelError, GatewayClient
from transport.protocol import Signed
client = GatewayClient(sys.argv[1], Path(sys.argv[2]), timeout=60)
started = time.monotonic()
try:
    client.query(Signed.wrap(b"{}", b"0"), "token")
    code = "answered"
except ChannelError as exc:
    code = exc.code
took = time.monotonic() - started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"code": code, "s": took, "peak_mb": peak_mb}))
"""


def _measure(url: str, ca: Path) -> dict[str, float | str]:
    """The client's outcome and peak RSS, in a process of its own."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, url, str(ca)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=True)
    result: dict[str, float | str] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "until-close"])
def test_a_300_mb_answer_is_refused_within_the_cap(
        gateway: Callable[[Respond], FakeGateway], sandbox_pki: SandboxPKI,
        declared: bool) -> None:
    small = gateway(lambda tls, stop: tls.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"))
    baseline = _measure(small.url, sandbox_pki.root_path)
    assert baseline["code"] == "reply_malformed"  # "{}" is no Signed: read, then refused
    huge = gateway(_huge(declared))
    result = _measure(huge.url, sandbox_pki.root_path)
    assert result["code"] == "reply_too_large"
    grew = float(result["peak_mb"]) - float(baseline["peak_mb"])
    # 300 MB used to cost +1.2 GB; now at most the 8 MiB cap is ever held (a few copies of it).
    assert grew < 4 * QUERY_REPLY_MAX / 2**20 + 16, (baseline, result)
    assert float(result["s"]) < 10
    print(f"\n300 MB answer ({'declared' if declared else 'undeclared'}): reply_too_large "
          f"after {float(result['s']):.2f} s, client peak RSS {float(result['peak_mb']):.0f} MB "
          f"(a 2-byte answer: {float(baseline['peak_mb']):.0f} MB)")


def _mock(body: bytes, status: int = 200, **headers: str) -> httpx.MockTransport:
    """Answers `body` as a stream, the way a network answer comes."""
    return httpx.MockTransport(lambda request: httpx.Response(
        status, stream=httpx.ByteStream(body),
        headers={"content-type": "application/json", **headers}))


def test_caps_per_call_and_per_query() -> None:
    big = json.dumps({"payload": "A" * 2_000_000, "signature": "AA=="}).encode()
    client = GatewayClient("https://gw.test", None, transport=_mock(big))
    code, _ = _timed(client.challenge)  # 1 MiB for everything but queries
    assert code == "reply_too_large"
    # 8 MiB for queries: 2 MB is read whole (and then refused by Signed's own payload limit).
    assert _timed(lambda: client.query(SIGNED, "t"))[0] == "reply_malformed"
    code, _ = _timed(lambda: client.query(SIGNED, "t", max_reply=1_000_000))  # per resource
    assert code == "reply_too_large"
    small = GatewayClient("https://gw.test", None, transport=_mock(big),
                          max_query_reply=1_500_000)
    assert _timed(lambda: small.query(SIGNED, "t"))[0] == "reply_too_large"


def test_a_compressed_answer_is_not_inflated() -> None:
    client = GatewayClient("https://gw.test", None,
                           transport=_mock(b"\x1f\x8b...", **{"content-encoding": "gzip"}))
    assert _timed(client.challenge)[0] == "reply_malformed"
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"challenge": "ab" * 32, "expires_at": "x"})

    _timed(GatewayClient("https://gw.test", None,
                         transport=httpx.MockTransport(handler)).challenge)
    assert seen and seen[0].headers["accept-encoding"] == "identity"


def test_the_real_gateway_app_through_a_transport(sandbox_pki: SandboxPKI,
                                                  tmp_path: Path) -> None:
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=f"sqlite:///{tmp_path / 'g.sqlite'}")
    with TestClient(create_app(config), base_url="https://gw.test") as app:
        def forward(request: httpx.Request) -> httpx.Response:
            reply = app.request(request.method, request.url.path, content=request.content,
                                headers=dict(request.headers))
            return httpx.Response(reply.status_code, headers=reply.headers,
                                  content=reply.content)

        client = GatewayClient("https://gw.test", None, transport=httpx.MockTransport(forward))
        assert len(client.challenge().challenge) == 64
        with pytest.raises(ChannelError) as refused:
            client.query(SIGNED, "no-such-session")
        assert refused.value.code == "session_invalid" and refused.value.problem is not None


def test_the_pinned_channel_needs_its_ca() -> None:
    with pytest.raises(ValueError, match="CA file"):
        GatewayClient("https://gw.test", None)
    assert API_PREFIX == "/v1"
