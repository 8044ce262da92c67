"""A deployment whose operator key is GOST (issue 12): the deployment file names a GOST key file in
NCA's layout; the gateway signs with it, accepts a GOST operator's sign-in, and the journal it
seals verifies offline against the GOST operator's certificate — and fails when a byte of the
checkpoint's signature changes."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from gateway.app import create_app
from gateway.db import make_engine
from gateway.deployment import DeploymentError, load_deployment
from signing.cms import sign_detached, verify_detached
from signing.gost.certs import is_gost_key
from signing.profile import fingerprint
from signing.sandbox_gost import GostSandbox
from signing.sandbox_pki import SANDBOX_GOST_ANALYST, SandboxPKI, create_sandbox_pki
from tests.gateway.helpers import bearer, login
from transport.protocol import API_PREFIX

from .test_demo_headless import SIO_GATEWAY

PASSWORD_ENV = "SIO_TEST_GOST_OPERATOR_PW"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> tuple[SandboxPKI, GostSandbox]:
    made = create_sandbox_pki(tmp_path_factory.mktemp("gost-deployment-pki"))
    return made, made.install_gost()


def deployment(tmp: Path, pki: SandboxPKI, gost: GostSandbox) -> Path:
    doc: dict[str, Any] = {
        "resources": "synthetic",
        "db_url": f"sqlite:///{tmp / 'gateway.db'}",
        "trust_dir": str(pki.trust_dir),
        "tls_cert": str(pki.tls_cert_path),
        "tls_key": str(pki.tls_key_path),
        "operator_key": {"p12": str(gost.operator_p12("op-gost")), "password_env": PASSWORD_ENV},
        "operators": [{"iin": SANDBOX_GOST_ANALYST.iin, "organization": "КПСиСУ",
                       "name": SANDBOX_GOST_ANALYST.surname}],
    }
    path = tmp / "gateway.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.req("R-LOG-1", "R-CTL-3", "R-AUTH-1")
def test_a_gost_operator_key_signs_answers_and_seals_the_journal(
        tmp_path: Path, pki: tuple[SandboxPKI, GostSandbox],
        monkeypatch: pytest.MonkeyPatch) -> None:
    rsa_pki, gost = pki
    path = deployment(tmp_path, rsa_pki, gost)
    monkeypatch.setenv(PASSWORD_ENV, "op-gost")
    config = load_deployment(path)
    operator = gost.operator_signer().certificate
    assert config.operator_signer.certificate == operator and is_gost_key(operator)
    # What the desk does with an answer: verify against its trust, then the pinned certificate.
    answer = b'{"resource":1}'
    checked = verify_detached(sign_detached(answer, config.operator_signer), answer,
                              config.trust(), purpose="signing")
    assert fingerprint(checked.certificate) == fingerprint(operator)
    engine = make_engine(config.db_url)
    with TestClient(create_app(config, engine), raise_server_exceptions=False) as client:
        session = login(client, gost.signer(SANDBOX_GOST_ANALYST))  # a GOST operator signs in
        listing = client.get(API_PREFIX + "/operator/applications", headers=bearer(session))
        assert listing.status_code == 200, listing.text
    engine.dispose()

    archive = tmp_path / "archive"
    env = {**os.environ, PASSWORD_ENV: "op-gost"}
    done = subprocess.run([str(SIO_GATEWAY), "journal", "export", str(archive), "--config",
                           str(path)], capture_output=True, text=True, timeout=120, check=False,
                          env=env)
    assert done.returncode == 0, done.stdout + done.stderr

    def verify() -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(SIO_GATEWAY), "journal", "verify", str(archive),
                               "--operator-cert", str(gost.operator_path), "--json"],
                              capture_output=True, text=True, timeout=120, check=False)

    good = verify()
    assert good.returncode == 0, good.stdout + good.stderr
    assert json.loads(good.stdout)["ok"]
    # The GOST signature value ends the checkpoint's CMS: one changed byte there must fail.
    seal = archive / "segment-000001.checkpoint.p7s"
    data = bytearray(seal.read_bytes())
    data[-5] ^= 0x01
    seal.write_bytes(bytes(data))
    bad = verify()
    assert bad.returncode != 0 and not json.loads(bad.stdout)["ok"], bad.stdout


def test_a_wrong_password_for_the_gost_operator_key_is_refused(
        tmp_path: Path, pki: tuple[SandboxPKI, GostSandbox],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = deployment(tmp_path, *pki)
    monkeypatch.setenv(PASSWORD_ENV, "not-the-password")
    with pytest.raises(DeploymentError, match="operator key cannot be used"):
        load_deployment(path)


def test_an_hsm_operator_keys_gost_mechanisms_are_checked(
        tmp_path: Path, pki: tuple[SandboxPKI, GostSandbox],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = deployment(tmp_path, *pki)
    doc = json.loads(path.read_text("utf-8"))
    doc["operator_key"] = {"pkcs11_module": "/nonexistent/libvendor.so", "token_label": "HSM",
                           "pin_env": PASSWORD_ENV, "gost_mechanisms": {"gost2015": "0x1"}}
    path.write_text(json.dumps(doc), "utf-8")
    monkeypatch.setenv(PASSWORD_ENV, "x")
    with pytest.raises(DeploymentError, match="gost_mechanisms': unknown key kind 'gost2015'"):
        load_deployment(path)
