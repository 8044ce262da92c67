"""Revocation fails closed at the gateway; a revoked login certificate ends its sessions.

Issue 9, hole 4. Each test here fails on the code before the fix: without a CRL for the
issuer (or with a stale one) a revoked certificate logged in, and a session outlived the
revocation of the certificate it was opened with.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import func, select
from starlette.testclient import TestClient

from gateway import journal
from gateway.app import create_app
from gateway.config import DirectoryTrust, GatewayConfig
from gateway.db import make_engine
from gateway.deployment import DeploymentError, load_deployment
from gateway.models import sessions
from signing.profile import serial_hex
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from transport.protocol import API_PREFIX

from .helpers import Gw, bearer, fresh_signer, login, login_body, query_request, signed_query
from .test_deployment import write_config

LOGIN = f"{API_PREFIX}/auth/login"
QUERIES = f"{API_PREFIX}/queries"
NOTICES = f"{API_PREFIX}/notices"
ANALYST = SANDBOX_USERS[0]


def _code(response: Any) -> str:
    return str(response.json()["code"])


def _trust_copy(pki: SandboxPKI, tmp: Path, *, crl: x509.CertificateRevocationList | None
                ) -> Path:
    """The sandbox trust directory with the intermediate's CRL replaced (or left out)."""
    trust = tmp / "trust"
    shutil.copytree(pki.trust_dir, trust)
    (trust / "intermediate.crl").unlink()
    if crl is not None:
        (trust / "intermediate.crl").write_bytes(crl.public_bytes(Encoding.DER))
    return trust


def _client(pki: SandboxPKI, db_url: str, **overrides: Any) -> TestClient:
    config = GatewayConfig.for_sandbox(pki, db_url=db_url, **overrides)
    return TestClient(create_app(config, make_engine(db_url)), raise_server_exceptions=False)


def _last(db_url: str) -> journal.JournalEntry:
    return journal.entries(make_engine(db_url))[-1]


@pytest.mark.req("R-AUTH-1")
def test_hole_revoked_certificate_without_a_crl_cannot_log_in(
        sandbox_pki: SandboxPKI, db_url: str, tmp_path: Path) -> None:
    signer = fresh_signer(sandbox_pki, ANALYST, "authentication")
    sandbox_pki.revoke(signer.certificate)  # revoked; the gateway below has no list of it
    trust = DirectoryTrust(_trust_copy(sandbox_pki, tmp_path, crl=None))
    with _client(sandbox_pki, db_url, trust=trust) as client:
        response = client.post(LOGIN, json=login_body(client, signer))
        assert response.status_code == 401 and _code(response) == \
            "certificate_revocation_unknown"
        assert "no CRL of this issuer" in response.json()["detail"]
        # A certificate nobody revoked is refused the same way: the status is unknown.
        clean = fresh_signer(sandbox_pki, ANALYST, "authentication")
        assert _code(client.post(LOGIN, json=login_body(client, clean))) == \
            "certificate_revocation_unknown"
    entry = _last(db_url)
    assert entry.kind == "refusal"
    assert entry.detail_obj()["code"] == "certificate_revocation_unknown"
    assert entry.detail_obj()["claimed_iin"] == ANALYST.iin


@pytest.mark.req("R-AUTH-1")
def test_hole_stale_crl_is_refused_with_its_own_reason(
        sandbox_pki: SandboxPKI, db_url: str, tmp_path: Path) -> None:
    published = dt.datetime.now(dt.UTC) - dt.timedelta(days=10)
    stale = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(sandbox_pki.intermediate.subject)
        .last_update(published).next_update(published + dt.timedelta(days=7))
        .add_extension(x509.CRLNumber(1), False)
        .sign(sandbox_pki._intermediate_key, hashes.SHA256())
    )
    trust = DirectoryTrust(_trust_copy(sandbox_pki, tmp_path, crl=stale))
    with _client(sandbox_pki, db_url, trust=trust) as client:
        signer = sandbox_pki.software_signers(ANALYST)[0]
        response = client.post(LOGIN, json=login_body(client, signer))
    assert response.status_code == 401
    assert _code(response) == "certificate_revocation_unknown"
    assert "stale" in response.json()["detail"]
    assert "stale" in _last(db_url).detail_obj()["message"]


@pytest.mark.req("R-AUTH-1")
def test_soft_fail_in_the_sandbox_is_logged_and_journaled(
        sandbox_pki: SandboxPKI, db_url: str, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    trust = DirectoryTrust(_trust_copy(sandbox_pki, tmp_path, crl=None))
    with caplog.at_level(logging.WARNING), \
            _client(sandbox_pki, db_url, trust=trust, revocation_mode="soft_fail") as client:
        token = login(client, sandbox_pki.software_signers(ANALYST)[0])
        assert token
    entry = _last(db_url)
    assert entry.kind == "login"
    assert "no CRL of this issuer" in entry.detail_obj()["revocation_soft_fail"]
    assert "accepted by the soft_fail policy" in caplog.text
    # A revocation is never soft: a listed certificate stays refused.
    signer = fresh_signer(sandbox_pki, ANALYST, "authentication")
    sandbox_pki.revoke(signer.certificate)
    with _client(sandbox_pki, db_url, revocation_mode="soft_fail") as client:
        assert _code(client.post(LOGIN, json=login_body(client, signer))) == \
            "certificate_revoked"


def test_gateway_config_names_its_policy(sandbox_pki: SandboxPKI, db_url: str) -> None:
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=db_url)
    assert config.revocation_mode == "hard_fail"
    assert config.revocation_policy().mode == "hard_fail"
    config.revocation_mode = "ignore"
    with pytest.raises(ValueError, match="hard_fail, soft_fail"):
        config.revocation_policy()


def test_deployment_file_sets_the_policy_explicitly(
        tmp_path: Path, sandbox_pki: SandboxPKI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIO_TEST_OPERATOR_PW", "op-secret")
    assert load_deployment(write_config(tmp_path, sandbox_pki)).revocation_mode == "hard_fail"
    soft = load_deployment(write_config(tmp_path, sandbox_pki, revocation_mode="soft_fail"))
    assert soft.revocation_mode == "soft_fail" and not soft.sandbox
    for bad in ("off", "soft-fail", True):
        with pytest.raises(DeploymentError, match="revocation_mode"):
            load_deployment(write_config(tmp_path, sandbox_pki, revocation_mode=bad))


# --- sessions end when the login certificate is revoked ------------------------------------

def _sessions(gw: Gw) -> int:
    with gw.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(sessions)).scalar_one())


@pytest.mark.req("R-AUTH-1")
def test_hole_session_ends_when_its_login_certificate_is_revoked(gw: Gw) -> None:
    auth_signer = fresh_signer(gw.pki, ANALYST, "authentication")
    token = login(gw.client, auth_signer)
    other = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    assert gw.client.get(NOTICES, headers=bearer(token)).status_code == 200
    before = _sessions(gw)
    gw.pki.revoke(auth_signer.certificate)
    response = gw.client.get(NOTICES, headers=bearer(token))
    assert response.status_code == 401 and _code(response) == "session_revoked"
    assert "revoked" in response.json()["detail"]
    entries = journal.entries(gw.engine)
    ended, refused = entries[-2], entries[-1]
    assert ended.kind == "logout" and ended.actor_iin == ANALYST.iin
    assert ended.cert_serial == serial_hex(auth_signer.certificate.serial_number)
    assert ended.detail_obj()["reason"] == "session_revoked" and "crl" in ended.detail_obj()
    assert refused.kind == "refusal" and refused.detail_obj()["code"] == "session_revoked"
    assert _sessions(gw) == before - 1  # deleted server-side: the token is dead for good
    assert _code(gw.client.get(NOTICES, headers=bearer(token))) == "session_invalid"
    # Signed endpoints are gated the same way, and other sessions live on.
    assert gw.client.get(NOTICES, headers=bearer(other)).status_code == 200
    sign = gw.pki.software_signers(ANALYST)[1]
    reply = gw.client.post(QUERIES, json=signed_query(query_request(ANALYST.iin), sign),
                           headers=bearer(token))
    assert _code(reply) == "session_invalid"


# --- server-side logout ----------------------------------------------------------------------

LOGOUT = f"{API_PREFIX}/auth/logout"


@pytest.mark.req("R-AUTH-1")
def test_logout_ends_the_session_server_side_and_is_journaled(gw: Gw) -> None:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    before = _sessions(gw)
    response = gw.client.post(LOGOUT, headers=bearer(token))
    assert response.status_code == 204 and response.content == b""
    entry = journal.entries(gw.engine)[-1]
    assert entry.kind == "logout" and entry.actor_iin == ANALYST.iin and entry.cert_serial
    assert entry.detail_obj()["reason"] == "user"
    assert entry.detail_obj()["endpoint"] == "logout"
    assert _sessions(gw) == before - 1
    # The token is dead: a second logout and any other call are refused, and journaled.
    again = gw.client.post(LOGOUT, headers=bearer(token))
    assert again.status_code == 401 and _code(again) == "session_invalid"
    assert journal.entries(gw.engine)[-1].detail_obj()["code"] == "session_invalid"
    assert _code(gw.client.get(NOTICES, headers=bearer(token))) == "session_invalid"
    assert _code(gw.client.post(LOGOUT)) == "session_invalid"


def test_logout_is_in_the_openapi(gw: Gw) -> None:
    spec = gw.client.get("/openapi.json").json()
    operation = spec["paths"][LOGOUT]["post"]
    assert "204" in operation["responses"]


def test_the_desk_explains_the_new_refusals_in_each_language() -> None:
    from app.messages import text

    for code in ("certificate_revocation_unknown", "session_revoked"):
        texts = {lang: text("refused", lang, code=code, detail="d") for lang in ("kk", "ru", "en")}
        assert len(set(texts.values())) == 3 and not any(code in t for t in texts.values())
