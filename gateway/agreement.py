"""The agreement on rights of use (2022 App.5): versioned texts, and its signing (R-AUTH-2)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import Engine, insert, select, update

from gateway import journal, registry
from gateway.auth import Session
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.models import agreements, users
from gateway.problems import Refusal
from gateway.verify import verify_user_signed
from transport.canonical import sha256_hex
from transport.clock import iso, now_astana, now_utc, parse_iso
from transport.protocol import AgreementReceipt, AgreementStatement, AgreementText

AGREEMENT_DIR = Path(__file__).resolve().parent.parent / "resources" / "agreement"
_NAME = re.compile(r"agreement-v(\d+)\.(kk|ru)\.txt")


@lru_cache(maxsize=4)
def current(directory: Path = AGREEMENT_DIR) -> AgreementText:
    """The newest version that exists in both Kazakh and Russian."""
    found: dict[int, dict[str, str]] = {}
    for path in directory.iterdir():
        match = _NAME.fullmatch(path.name)
        if match:
            found.setdefault(int(match[1]), {})[match[2]] = path.read_text("utf-8")
    complete = [v for v, texts in found.items() if {"kk", "ru"} <= texts.keys()]
    if not complete:
        raise RuntimeError(f"no agreement text in both languages under {directory}")
    version = max(complete)
    kk, ru = found[version]["kk"], found[version]["ru"]
    return AgreementText(version=version, sha256_kk=sha256_hex(kk.encode("utf-8")),
                         sha256_ru=sha256_hex(ru.encode("utf-8")), text_kk=kk, text_ru=ru)


def statement_for(text: AgreementText, iin: str, signed_at: str) -> AgreementStatement:
    return AgreementStatement(version=text.version, sha256_kk=text.sha256_kk,
                              sha256_ru=text.sha256_ru, iin=iin, signed_at=signed_at)


def _parse(payload: bytes) -> AgreementStatement:
    try:
        statement = AgreementStatement.model_validate_json(payload)
    except ValidationError as exc:
        raise Refusal("malformed_request", "the signed payload is not an agreement statement"
                      ) from exc
    if statement.canonical() != payload:
        raise Refusal("malformed_request", "the payload is not in canonical form")
    return statement


def sign(engine: Engine, config: GatewayConfig, session: Session, data: object,
         ctx: RequestContext) -> AgreementReceipt:
    """Record the user's CMS over the current agreement statement (R-AUTH-2); Refusal else."""
    # R-AUTH-2: "with the EDS" — the signing key, as for documents.
    payload, signed, profile = verify_user_signed(data, config, session.iin, ctx, "agreement")
    statement = _parse(payload)
    if statement.iin != session.iin:
        raise Refusal("iin_mismatch", "the statement names another IIN")
    text = current()
    if (statement.version, statement.sha256_kk, statement.sha256_ru) != (
            text.version, text.sha256_kk, text.sha256_ru):
        raise Refusal("agreement_mismatch", f"version {text.version} is in force")
    try:
        signed_at = parse_iso(statement.signed_at)
    except ValueError as exc:
        raise Refusal("malformed_request", "signed_at is not an ISO time with offset") from exc
    now = now_utc()
    if abs((now - signed_at).total_seconds()) > config.nonce_window_s:
        raise Refusal("clock_skew", f"signed_at is more than {config.nonce_window_s} s away")
    stamp = iso(now_astana())
    with write_tx(engine) as conn:
        user = registry.require_registered(conn, session.iin)  # R-CTL-2: a block still bars
        exists = conn.execute(select(agreements.c.id).where(
            agreements.c.iin == user.iin, agreements.c.version == text.version)).first()
        if exists is not None:
            raise Refusal("agreement_already_signed", f"version {text.version} is signed")
        conn.execute(insert(agreements).values(
            iin=user.iin, version=text.version, statement=payload.decode("utf-8"),
            signature=signed.signature_der(), cert_serial=profile.serial, signed_at=stamp))
        conn.execute(update(users).where(users.c.iin == user.iin)
                     .values(agreement_signed_at=stamp))
        # R-CTL-3: the signed statement itself is journaled, so it can be re-verified.
        entry = journal.append(
            conn, "agreement", actor_iin=user.iin, cert_serial=profile.serial,
            request_sha256=ctx.request_sha256,
            detail={"endpoint": ctx.endpoint, "version": text.version,
                    "statement": payload.decode("utf-8"), "signature": signed.signature,
                    **({"peer": ctx.peer} if ctx.peer else {})},
            at=now,
        )
    return AgreementReceipt(version=text.version, signed_at=stamp, journal_seq=entry.seq)
