"""R-WS-4: TLS to the pinned gateway on loopback — latency, clear reasons, bounded waiting."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.selfcheck import SelfcheckConfig, Status, run_checks
from app.selfcheck.channel import check_channel
from bench.selfcheck import Pki, TlsServer, make_pki


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def server(pki: Pki) -> Iterator[TlsServer]:
    with TlsServer(pki) as s:
        yield s


@pytest.mark.req("R-WS-4")
def test_handshake_with_pinned_ca_passes_with_latency(server: TlsServer, pki: Pki) -> None:
    result = check_channel(server.url, pki.ca_file, 3.0)
    assert (result.status, result.reason) == (Status.PASS, "channel_ok")
    assert isinstance(result.value, float) and 0 < result.value < 3000
    assert any("server certificate: commonName=gateway" in e for e in result.evidence)


@pytest.mark.req("R-WS-4")
def test_other_ca_is_a_wrong_certificate(server: TlsServer, tmp_path: Path) -> None:
    stranger = make_pki(tmp_path, "stranger")
    result = check_channel(server.url, stranger.ca_file, 3.0)
    assert (result.status, result.reason) == (Status.FAIL, "channel_certificate")
    assert "certificate" in result.args["detail"]


@pytest.mark.req("R-WS-4")
def test_refused(pki: Pki) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there now
    result = check_channel(f"https://127.0.0.1:{port}", pki.ca_file, 3.0)
    assert (result.status, result.reason) == (Status.FAIL, "channel_refused")


@pytest.mark.req("R-WS-4")
def test_silent_server_times_out_within_the_timeout(pki: Pki) -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts TCP, never speaks TLS
        url = f"https://127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        result = check_channel(url, pki.ca_file, 0.5)
        took = time.monotonic() - started
    assert (result.status, result.reason) == (Status.FAIL, "channel_timeout")
    assert 0.45 <= took < 0.5 + 0.25


@pytest.mark.req("R-WS-4")
def test_dns_failure_and_slow_resolver(pki: Pki, monkeypatch: pytest.MonkeyPatch) -> None:
    # The system resolver is replaced: a test must not send a DNS query anywhere.
    def fails(*args: Any, **kw: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fails)
    result = check_channel("https://gateway.sio.invalid", pki.ca_file, 1.0)
    assert (result.status, result.reason) == (Status.FAIL, "channel_dns")

    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: time.sleep(3))
    started = time.monotonic()
    result = check_channel("https://gateway.sio.invalid", pki.ca_file, 0.3)
    assert result.reason == "channel_timeout" and time.monotonic() - started < 0.6


@pytest.mark.req("R-WS-4")
def test_not_configured_is_undetermined_and_bad_ca_file_fails(tmp_path: Path) -> None:
    assert check_channel(None, None, 1.0).status is Status.UNDETERMINED
    bad = tmp_path / "ca.pem"
    bad.write_text("not a certificate")
    result = check_channel("https://127.0.0.1:1", bad, 1.0)
    assert (result.status, result.reason) == (Status.FAIL, "channel_ca")


@pytest.mark.req("R-WS-4", "R-WS-2")
def test_full_selfcheck_with_channel_up_under_one_second(server: TlsServer, pki: Pki) -> None:
    report = run_checks(SelfcheckConfig(gateway_url=server.url, ca_file=pki.ca_file))
    assert report.get("channel").status is Status.PASS  # type: ignore[union-attr]
    assert len(report.checks) == 11
    assert report.duration_s < 1.0
    nic = report.get("nic")
    assert nic is not None and any("dev lo" in e for e in nic.evidence)  # the channel's card
