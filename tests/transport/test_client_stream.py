"""GatewayClient.stream_signed, the journal archive's channel (issue 13; R-LOG-1): the answer may
begin late (the gateway seals and writes the archive first) and be of any length, but every
chunk after it must come within the timeout; a refusal is the gateway's code."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Iterator

from signing.sandbox_pki import SandboxPKI
from tests.transport.test_client import SIGNED, FakeGateway, Respond, _timed
from transport.client import ChannelError, GatewayClient

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nContent-Length: 3000\r\n\r\n"


def _late_then_paced(late_s: float, gap_s: float) -> Respond:
    """Headers after `late_s`, then 3 chunks of 1000 bytes `gap_s` apart."""
    def respond(tls: ssl.SSLSocket, stop: threading.Event) -> None:
        if stop.wait(late_s):
            return
        tls.sendall(HEAD)
        for i in range(3):
            if i and stop.wait(gap_s):
                return
            tls.sendall(bytes([65 + i]) * 1000)
    return respond


def _collect(got: list[tuple[bytes, int | None]]) -> Callable[[Iterator[bytes], int | None],
                                                               int]:
    def consume(chunks: Iterator[bytes], total: int | None) -> int:
        data = b"".join(chunks)
        got.append((data, total))
        return len(data)
    return consume


Got = list[tuple[bytes, int | None]]


def _stream(pki: SandboxPKI, respond: Respond, **kw: float) -> tuple[str, float, Got]:
    got: Got = []
    with FakeGateway(pki, respond) as server:
        client = GatewayClient(server.url, pki.root_path, timeout=0.6)
        try:
            code, took = _timed(lambda: client.stream_signed("/operator/journal/export", SIGNED,
                                                             "token", _collect(got), **kw))
        finally:
            client.close()
    return code, took, got


def test_a_late_start_is_waited_for_and_the_whole_answer_read(sandbox_pki: SandboxPKI) -> None:
    code, _, got = _stream(sandbox_pki, _late_then_paced(1.5, 0.3), first_byte_s=5)
    assert code == "answered"
    assert got == [(b"A" * 1000 + b"B" * 1000 + b"C" * 1000, 3000)]


def test_without_the_long_first_wait_a_late_start_times_out(sandbox_pki: SandboxPKI) -> None:
    code, took, got = _stream(sandbox_pki, _late_then_paced(1.5, 0.1))
    assert code == "channel_timeout" and took < 1.4 and got == []


def test_a_stall_between_chunks_times_out(sandbox_pki: SandboxPKI) -> None:
    code, took, _ = _stream(sandbox_pki, _late_then_paced(0.0, 1.5), first_byte_s=5)
    assert code == "channel_timeout" and took < 1.4, took


def test_a_refusal_is_the_gateways_code(sandbox_pki: SandboxPKI) -> None:
    body = b'{"type":"about:blank","title":"t","status":403,"code":"operator_only","detail":""}'

    def refuse(tls: ssl.SSLSocket, _stop: threading.Event) -> None:
        tls.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Type: application/problem+json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(body), body))

    got: list[tuple[bytes, int | None]] = []
    with FakeGateway(sandbox_pki, refuse) as server:
        client = GatewayClient(server.url, sandbox_pki.root_path, timeout=2)
        try:
            client.stream_signed("/operator/journal/export", SIGNED, "token", _collect(got))
        except ChannelError as exc:
            assert exc.code == "operator_only" and exc.wire is not None
        else:
            raise AssertionError("the refusal was not raised")
        finally:
            client.close()
    assert got == []
