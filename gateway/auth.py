"""Login by challenge: the user's authentication key signs a fresh challenge (R-AUTH-1).

A session lives until it expires, the user logs out (POST /auth/logout, journaled "logout"),
or its login certificate appears on one of the trust store's current CRLs: session_of checks
that on every authenticated request (cached per serial until the CRLs change) and ends the
session with session_revoked. Expiry slides (issue 11): a request made in the second half of
the session's time pushes its end to session_ttl_s from then, never past SESSION_MAX_S after
the login — an analyst at work is not signed out mid-form; one who left is, as before.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update

from gateway import journal, registry
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.models import challenges, sessions
from gateway.problems import Refusal
from gateway.timefmt import utc_text
from gateway.verify import verify_signature
from signing.trust import RevokedEntry, TrustStore
from transport.clock import iso, now_utc, to_astana
from transport.commands import LOGIN
from transport.protocol import Challenge, LoginRequest, LoginResponse, LoginStatement, UserInfo

log = logging.getLogger(__name__)
# engine → the trust store source whose CRLs can end its sessions (set by watch_revocation).
_TRUST: dict[Engine, Callable[[], TrustStore]] = {}
# engine → session_ttl_s its sessions slide by (set by watch_revocation with the trust).
_SLIDE: dict[Engine, int] = {}
# A working day and its overtime: past it the desk signs in again with the token (a fresh
# signed challenge, the certificate checked anew) rather than riding one login forever.
SESSION_MAX_S = 12 * 3600
# serial → (CRL digest it was looked up under, the entry revoking it or None).
_REVOKED: dict[str, tuple[str, RevokedEntry | None]] = {}
_REVOKED_MAX = 50_000


@dataclass(frozen=True)
class Session:
    iin: str
    cert_serial: str
    expires_at: datetime
    # The trust store session_of checked the login certificate against, and the callable that
    # gave it: the signature of the same request is checked against that store instead of the
    # trust directory being read a second time (issue 10).
    trust: tuple[Callable[[], TrustStore], TrustStore] | None = field(
        default=None, compare=False, repr=False)


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
    profile = verify_signature(signature, statement, config, purpose=LOGIN.purpose, ctx=ctx)
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
        soft = ctx.extra.get("revocation_soft_fail")
        journal.append(
            conn, "login", actor_iin=user.iin, cert_serial=profile.serial,
            # R-CTL-3: what the authentication key signed (transport.commands.LOGIN), so the
            # login can be re-verified from the journal alone.
            detail={"endpoint": ctx.endpoint, "session_expires_at": iso(to_astana(expires)),
                    "request": statement.decode("utf-8"), "signature": req.signature,
                    **({"agreement_required": True} if not user.agreement_signed_at else {}),
                    **({"revocation_soft_fail": soft} if soft else {}),
                    **({"peer": ctx.peer} if ctx.peer else {})},
            at=now,
        )
    return LoginResponse(session=token, expires_at=iso(to_astana(expires)),
                         user=UserInfo(iin=user.iin, name=user.name, role=user.role,
                                       position=user.position, organization=user.organization),
                         agreement_required=not user.agreement_signed_at)


def _bearer(authorization: str | None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        raise Refusal("session_invalid", "no bearer session token")
    return token


# Built once: every signed command reads its session (issue 10: building the statement and its
# cache key per request cost more than running it).
_SESSION = select(sessions).where(sessions.c.token_sha256 == bindparam("token"))


def session_of(engine: Engine, authorization: str | None, *,
               conn: Connection | None = None) -> Session:
    """The live session named by an `Authorization: Bearer …` header; Refusal otherwise.

    session_revoked when its login certificate is now on a CRL of the trust store (the session
    is deleted and a "logout" entry journals why). The session is read on `conn` if given (the
    request's read connection, issue 10); its read transaction ends before anything is written.
    """
    token = _bearer(authorization)
    if conn is None:
        with engine.connect() as reads:
            row = reads.execute(_SESSION, {"token": token_hash(token)}).mappings().first()
    else:
        row = conn.execute(_SESSION, {"token": token_hash(token)}).mappings().first()
    now = now_utc()
    if row is None or row["expires_at"] <= utc_text(now):
        raise Refusal("session_invalid", "the session is unknown or expired")
    session = Session(iin=row["iin"], cert_serial=row["cert_serial"],
                      expires_at=datetime.fromisoformat(row["expires_at"]))
    entry, trust = _revocation_of(engine, session.cert_serial, now)
    if entry is not None:
        if conn is not None:
            conn.rollback()  # no read transaction stays open beside the write
        _end(engine, token_hash(token), session, reason="session_revoked", endpoint=None,
             peer=None, extra={"revoked_at": iso(to_astana(entry.revoked_at)),
                               "crl": f"{entry.where} of {entry.issuer}"[:300]})
        raise Refusal("session_revoked", f"the login certificate {session.cert_serial} was "
                      f"revoked on {iso(to_astana(entry.revoked_at))} ({entry.where}); "
                      f"log in again with a valid certificate")
    return replace(session, expires_at=_slid(engine, row, now, conn), trust=trust)


def watch_revocation(engine: Engine, config: GatewayConfig) -> None:
    """Let session_of end `engine`'s sessions whose login certificate config.trust() revokes,
    and slide their expiry by config.session_ttl_s while they are used."""
    _TRUST[engine] = config.trust
    _SLIDE[engine] = config.session_ttl_s


def _slid(engine: Engine, row: Any, now: datetime, reads: Connection | None = None
          ) -> datetime:
    """The session's end after this request: pushed to now + ttl once half of it is used (one
    write per half-ttl, not per request), capped at SESSION_MAX_S after the login."""
    expires = datetime.fromisoformat(row["expires_at"])
    ttl = _SLIDE.get(engine)
    if ttl is None or expires - now > timedelta(seconds=ttl / 2):
        return expires
    cap = datetime.fromisoformat(row["issued_at"]) + timedelta(seconds=SESSION_MAX_S)
    slid = min(now + timedelta(seconds=ttl), cap)
    if slid <= expires:
        return expires
    if reads is not None:
        reads.rollback()  # no read transaction stays open beside the write
    with write_tx(engine) as conn:
        conn.execute(update(sessions)
                     .where(sessions.c.token_sha256 == row["token_sha256"],
                            sessions.c.expires_at == row["expires_at"])
                     .values(expires_at=utc_text(slid)))
    return slid


def _revocation_of(engine: Engine, serial: str, now: datetime
                   ) -> tuple[RevokedEntry | None,
                              tuple[Callable[[], TrustStore], TrustStore] | None]:
    """The CRL entry revoking the session's certificate (cached per serial per set of CRLs),
    and the trust store it was looked up in with the callable that gave it."""
    trust = _TRUST.get(engine)
    if trust is None:
        return None, None
    store = trust()
    digest = store.crl_digest
    cached = _REVOKED.get(serial)
    if cached is None or cached[0] != digest:
        try:
            number = int(serial, 16)
        except ValueError:
            return None, (trust, store)  # not a serial we wrote; the login check stood
        if len(_REVOKED) >= _REVOKED_MAX:
            _REVOKED.clear()
        cached = (digest, store.revoked_serial(number, now))
        _REVOKED[serial] = cached
    entry = cached[1]
    return (entry if entry is not None and entry.revoked_at <= now else None), (trust, store)


def _end(engine: Engine, token_sha256: str, session: Session, *, reason: str,
         endpoint: str | None, peer: str | None, extra: dict[str, str] | None = None) -> bool:
    """Delete the session and journal its end as "logout"; False if it was already gone."""
    with write_tx(engine) as conn:
        gone = conn.execute(delete(sessions).where(sessions.c.token_sha256 == token_sha256))
        if gone.rowcount != 1:
            return False
        journal.append(conn, "logout", actor_iin=session.iin, cert_serial=session.cert_serial,
                       detail={"reason": reason, **({"endpoint": endpoint} if endpoint else {}),
                               **(extra or {}), **({"peer": peer} if peer else {})})
    if reason != "user":
        log.warning("session of %s ended: %s", session.iin, reason)
    return True


def logout(engine: Engine, authorization: str | None, ctx: RequestContext) -> None:
    """End the bearer session server-side; journaled as "logout". Refusal if there is none."""
    session = session_of(engine, authorization)
    ctx.actor_iin, ctx.cert_serial = session.iin, session.cert_serial
    if not _end(engine, token_hash(_bearer(authorization)), session, reason="user",
                endpoint=ctx.endpoint, peer=ctx.peer):
        raise Refusal("session_invalid", "the session has already ended")
