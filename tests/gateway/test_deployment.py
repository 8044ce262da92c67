"""A deployment configured from a file: its trust store, TLS, operator key and first operators."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from gateway.app import create_app
from gateway.db import make_engine
from gateway.deployment import DeploymentError, load_deployment
from signing.cms import sign_detached, verify_detached
from signing.filekey import P12Entry, write_p12
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from transport.protocol import API_PREFIX

from .helpers import bearer, login, login_body

SIO_GATEWAY = Path(sys.executable).with_name("sio-gateway")
OPERATOR = SANDBOX_USERS[2]  # a person the sandbox CA certified; the file makes them operator


def write_config(tmp: Path, pki: SandboxPKI, **change: Any) -> Path:
    signer = pki.operator_signer()
    p12 = write_p12(
        tmp / "operator.p12",
        [
            P12Entry(
                "operator",
                signer.private_key,  # type: ignore[attr-defined]
                signer.certificate,
            )
        ],
        "op-secret",
        list(signer.chain),
    )
    doc: dict[str, Any] = {
        "resources": "synthetic",
        "db_url": f"sqlite:///{tmp / 'gateway.db'}",
        "trust_dir": str(pki.trust_dir),
        "tls_cert": str(pki.tls_cert_path),
        "tls_key": str(pki.tls_key_path),
        "operator_key": {"p12": p12.name, "password_env": "SIO_TEST_OPERATOR_PW"},
        "operators": [
            {
                "iin": OPERATOR.iin,
                "name": f"{OPERATOR.surname} {OPERATOR.first_name}",
                "organization": "КПСиСУ",
            }
        ],
        "segment_max_entries": 500,
    }
    doc.update(change)
    path = tmp / "gateway.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


def test_deployment_serves_with_its_own_operator(
    tmp_path: Path, sandbox_pki: SandboxPKI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIO_TEST_OPERATOR_PW", "op-secret")
    config = load_deployment(write_config(tmp_path, sandbox_pki))
    assert not config.sandbox and config.segment_max_entries == 500
    engine = make_engine(config.db_url)
    with TestClient(create_app(config, engine), raise_server_exceptions=False) as client:
        session = login(client, sandbox_pki.software_signers(OPERATOR)[0])
        listing = client.get(API_PREFIX + "/operator/applications", headers=bearer(session))
        assert listing.status_code == 200, listing.text
        # No sandbox analysts in a deployment: they are not registered here.
        analyst = client.post(
            API_PREFIX + "/auth/login",
            json=login_body(client, sandbox_pki.software_signers(SANDBOX_USERS[0])[0]),
        )
        assert analyst.status_code == 403 and analyst.json()["code"] == "not_registered"
    # The operator key from the file is what the gateway signs with.
    signed = verify_detached(
        sign_detached(b"x", config.operator_signer), b"x", sandbox_pki.trust_store()
    )
    assert signed.certificate == sandbox_pki.operator_cert
    engine.dispose()


@pytest.mark.parametrize(
    ("change", "env", "message"),
    [
        ({"resources": "real"}, True, "'resources' must be one of synthetic"),
        ({"trust_dir": "/nonexistent"}, True, "does not exist"),
        ({}, False, "SIO_TEST_OPERATOR_PW is not set"),
        (
            {"operator_key": {"p12": "operator.p12", "password_env": "WRONG_PW_VAR"}},
            True,
            "WRONG_PW_VAR is not set",
        ),
        (
            {"operators": [{"iin": "123456789011", "name": "x", "organization": "y"}]},
            True,
            "valid 'iin'",
        ),
        ({"segment_max_entries": 0}, True, "positive whole numbers"),
    ],
)
def test_bad_configuration_is_named(
    tmp_path: Path,
    sandbox_pki: SandboxPKI,
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, Any],
    env: bool,
    message: str,
) -> None:
    if env:
        monkeypatch.setenv("SIO_TEST_OPERATOR_PW", "op-secret")
    else:
        monkeypatch.delenv("SIO_TEST_OPERATOR_PW", raising=False)
    with pytest.raises(DeploymentError, match=re.escape(message)):
        load_deployment(write_config(tmp_path, sandbox_pki, **change))


def test_wrong_operator_key_password(
    tmp_path: Path, sandbox_pki: SandboxPKI, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config(tmp_path, sandbox_pki)
    monkeypatch.setenv("SIO_TEST_OPERATOR_PW", "not-the-password")
    with pytest.raises(DeploymentError, match="operator key cannot be used"):
        load_deployment(path)


def test_serve_config_subprocess(tmp_path: Path, sandbox_pki: SandboxPKI) -> None:
    path = write_config(tmp_path, sandbox_pki)
    bad = subprocess.run(
        [str(SIO_GATEWAY), "serve", "--config", str(path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert bad.returncode == 2 and "SIO_TEST_OPERATOR_PW is not set" in bad.stderr
    proc = subprocess.Popen(
        [str(SIO_GATEWAY), "serve", "--config", str(path), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "SIO_TEST_OPERATOR_PW": "op-secret"},
    )
    try:
        assert proc.stderr is not None
        line = ""
        deadline = time.monotonic() + 60
        while "serving" not in line and time.monotonic() < deadline:
            line = proc.stderr.readline()
        url = re.search(r"https://\S+", line)
        assert url and "SANDBOX" not in line, line
        with httpx.Client(verify=str(sandbox_pki.root_path), trust_env=False) as http:
            assert http.get(url.group(0) + API_PREFIX + "/health").json() == {"status": "ok"}
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
