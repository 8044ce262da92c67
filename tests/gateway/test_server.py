"""The embedded gateway over real TLS on loopback, and the `sio-gateway` command line."""

from __future__ import annotations

import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from gateway.cli import main
from gateway.config import GatewayConfig
from gateway.server import EmbeddedGateway
from signing.cms import verify_detached
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from transport.canonical import sha256_hex
from transport.protocol import API_PREFIX, QueryResult, Signed

from .helpers import bearer, login, query_request, signed_query

ROOT = Path(__file__).resolve().parents[2]


def _pinned_client(pki: SandboxPKI, base_url: str) -> httpx.Client:
    # Like the desk client: only the sandbox root is trusted, no proxies from the environment.
    context = ssl.create_default_context(cafile=str(pki.root_path))
    return httpx.Client(base_url=base_url, verify=context, trust_env=False, timeout=10)


@pytest.mark.req("R-AUTH-5", "R-LOG-1", "R-WS-4")
def test_embedded_gateway_end_to_end_over_tls(sandbox_pki: SandboxPKI, db_url: str) -> None:
    user = SANDBOX_USERS[2]
    auth_signer, sign_signer = sandbox_pki.software_signers(user)
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=db_url)
    with EmbeddedGateway(config) as gateway:
        assert gateway.url == f"https://127.0.0.1:{gateway.port}" and gateway.port > 0
        with _pinned_client(sandbox_pki, gateway.url) as client:
            assert client.get(f"{API_PREFIX}/health").json() == {"status": "ok"}
            token = login(client, auth_signer)
            req = query_request(user.iin)
            response = client.post(f"{API_PREFIX}/queries", json=signed_query(req, sign_signer),
                                   headers=bearer(token))
            assert response.status_code == 200, response.text
        signed = Signed.model_validate(response.json())
        verify_detached(signed.signature_der(), signed.payload_bytes(), sandbox_pki.trust_store(),
                        purpose="signing")
        result = QueryResult.model_validate_json(signed.payload_bytes())
        assert result.request_sha256 == sha256_hex(req.canonical())
        entries = gateway.journal_entries()
        assert [(e.seq, e.kind) for e in entries] == [(1, "login"), (2, "query")]
        assert entries[1].actor_iin == user.iin and entries[1].detail_obj()["peer"] == "127.0.0.1"
        port = gateway.port
    # Stopped: the port no longer answers.
    with pytest.raises(httpx.ConnectError), _pinned_client(sandbox_pki,
                                                           f"https://127.0.0.1:{port}") as c:
        c.get(f"{API_PREFIX}/health")


def test_plain_tls_client_without_the_pin_is_rejected(sandbox_pki: SandboxPKI,
                                                      tmp_path: Path) -> None:
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=f"sqlite:///{tmp_path / 'g.sqlite'}")
    with EmbeddedGateway(config) as gateway, httpx.Client(trust_env=False) as client:
        with pytest.raises(httpx.ConnectError):
            client.get(f"{gateway.url}{API_PREFIX}/health")


def test_cli_refuses_production_without_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve"]) == 2
    assert "--sandbox" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2


def test_cli_serves_the_sandbox(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    cmd = [sys.executable, "-c", "import sys; from gateway.cli import main; "
           "sys.exit(main(sys.argv[1:]))", "serve", "--sandbox", "--port", "0",
           "--pki-dir", str(tmp_path / "pki"), "--db", db]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert "SANDBOX serving https://127.0.0.1:" in line, line
        url = line.split("serving ", 1)[1].split()[0]
        context = ssl.create_default_context(cafile=str(tmp_path / "pki" / "trust" / "root.pem"))
        with httpx.Client(verify=context, trust_env=False, timeout=10) as client:
            assert client.get(f"{url}{API_PREFIX}/health").json() == {"status": "ok"}
    finally:
        proc.terminate()
        deadline = time.monotonic() + 15
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
