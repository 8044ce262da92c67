"""Building signed logins and queries the way the desk client does, for gateway tests."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import Engine
from starlette.testclient import TestClient

from gateway.config import GatewayConfig
from signing.cms import sign_detached
from signing.sandbox_pki import SandboxPKI, SandboxUser
from signing.signer import Signer, SoftwareSigner
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, LoginStatement, QueryRequest, Signed

BASIS = {
    "case_number": "2024-0001-ФМ",
    "legal_ground": "ҚР «ҚЖ/ТҚ қарсы іс-қимыл туралы» Заңы, 16-бап",
    "purpose": "Күдікті операция бойынша тексеру",
}


@dataclass
class Gw:
    """A gateway app under test with its database and PKI."""

    client: TestClient
    engine: Engine
    config: GatewayConfig
    pki: SandboxPKI
    db_url: str


def query_request(user_iin: str, *, resource: int = 1, params: dict[str, str] | None = None,
                  basis: dict[str, str] | None = None, issued_at: dt.datetime | None = None,
                  nonce: str | None = None) -> QueryRequest:
    return QueryRequest(
        resource=resource, params=params if params is not None else {"iin": user_iin},
        basis=basis or BASIS, nonce=nonce or QueryRequest.new_nonce(),
        issued_at=iso(issued_at or now_astana()), user_iin=user_iin,
    )


def sign_payload(payload: bytes, signer: Signer) -> dict[str, Any]:
    return Signed.wrap(payload, sign_detached(payload, signer)).model_dump()


def signed_query(req: QueryRequest, signer: Signer) -> dict[str, Any]:
    return sign_payload(req.canonical(), signer)


def login_body(client: TestClient | httpx.Client, auth_signer: Signer) -> dict[str, Any]:
    challenge = client.post(f"{API_PREFIX}/auth/challenge").json()["challenge"]
    statement = LoginStatement(challenge=challenge).canonical()
    cms = sign_detached(statement, auth_signer)
    return {"challenge": challenge, "signature": base64.b64encode(cms).decode()}


def login(client: TestClient | httpx.Client, auth_signer: Signer) -> str:
    response = client.post(f"{API_PREFIX}/auth/login", json=login_body(client, auth_signer))
    assert response.status_code == 200, response.text
    return str(response.json()["session"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def fresh_signer(pki: SandboxPKI, user: SandboxUser, purpose: str, *,
                 not_after: dt.datetime | None = None) -> SoftwareSigner:
    """A new key and certificate for `user` (so revoking it leaves the shared ones alone)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = pki.issue_user_certificate(user, key.public_key(), purpose,  # type: ignore[arg-type]
                                      not_after=not_after)
    return SoftwareSigner(key, cert, [pki.intermediate])
