"""Login by challenge: the user's authentication key signs a fresh challenge (R-AUTH-1)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, update

from gateway import journal, registry
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.models import challenges, sessions
from gateway.problems import Refusal
from gateway.timefmt import utc_text
from gateway.verify import verify_signature
from transport.clock import iso, now_utc, to_astana
from transport.protocol import Challenge, LoginRequest, LoginResponse, LoginStatement, UserInfo


@dataclass(frozen=True)
class Session:
    iin: str
    cert_serial: str
    expires_at: datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_challenge(engine: Engine, config: GatewayConfig) -> Challenge:
    """A fresh single-use challenge; expired ones are swept so the table stays small."""
    now = now_utc()
    expires = now + timedelta(seconds=config.challenge_ttl_s)
    value = secrets.token_hex(32)
    with write_tx(engine) as conn:
        conn.execute(delete(challenges).where(challenges.c.expires_at < utc_text(now)))
        conn.execute(insert(challenges).values(
            challenge=value, issued_at=utc_text(now), expires_at=utc_text(expires)))
    return Challenge(challenge=value, expires_at=iso(to_astana(expires)))


def _consume_challenge(conn: Connection, challenge: str, now: datetime) -> None:
    done = conn.execute(
        update(challenges)
        .where(challenges.c.challenge == challenge, challenges.c.consumed_at.is_(None),
               challenges.c.expires_at > utc_text(now))
        .values(consumed_at=utc_text(now))
    )
    if done.rowcount != 1:
        raise Refusal("challenge_invalid", "the challenge is unknown, already used or expired")


def login(engine: Engine, config: GatewayConfig, data: object,
          ctx: RequestContext) -> LoginResponse:
    """Verify the signed challenge, open a session and journal the login; Refusal otherwise."""
    req = LoginRequest.model_validate(data)  # ValidationError → request_invalid (app.py)
    try:
        signature = req.signature_der()
    except ValueError as exc:
        raise Refusal("signature_invalid", str(exc)) from exc
    statement = LoginStatement(challenge=req.challenge).canonical()
    # R-AUTH-1: the authentication key, checked against the trust store as of now.
    profile = verify_signature(signature, statement, config, purpose="authentication", ctx=ctx)
    now = now_utc()
    expires = now + timedelta(seconds=config.session_ttl_s)
    token = secrets.token_urlsafe(32)
    with write_tx(engine) as conn:
        _consume_challenge(conn, req.challenge, now)
        # R-ACC-1; without the agreement the session may only sign it (R-AUTH-2): every query
        # is refused no_agreement until then (R-AUTH-3, registry.require_active).
        user = registry.require_registered(conn, profile.iin)
        conn.execute(delete(sessions).where(sessions.c.expires_at < utc_text(now)))
        conn.execute(insert(sessions).values(
            token_sha256=token_hash(token), iin=user.iin, cert_serial=profile.serial,
            issued_at=utc_text(now), expires_at=utc_text(expires)))
        journal.append(
            conn, "login", actor_iin=user.iin, cert_serial=profile.serial,
            detail={"endpoint": ctx.endpoint, "session_expires_at": iso(to_astana(expires)),
                    **({"agreement_required": True} if not user.agreement_signed_at else {}),
                    **({"peer": ctx.peer} if ctx.peer else {})},
            at=now,
        )
    return LoginResponse(session=token, expires_at=iso(to_astana(expires)),
                         user=UserInfo(iin=user.iin, name=user.name),
                         agreement_required=not user.agreement_signed_at)


def session_of(engine: Engine, authorization: str | None) -> Session:
    """The live session named by an `Authorization: Bearer …` header; Refusal otherwise."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        raise Refusal("session_invalid", "no bearer session token")
    with engine.connect() as conn:
        row = conn.execute(
            select(sessions).where(sessions.c.token_sha256 == token_hash(token))
        ).mappings().first()
    now = now_utc()
    if row is None or row["expires_at"] <= utc_text(now):
        raise Refusal("session_invalid", "the session is unknown or expired")
    return Session(iin=row["iin"], cert_serial=row["cert_serial"],
                   expires_at=datetime.fromisoformat(row["expires_at"]))
