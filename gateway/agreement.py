"""The agreement on rights of use (2022 App.5): versioned texts, and its signing (R-AUTH-2)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, update

from gateway import pipeline
from gateway.auth import Session
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.models import agreements, users
from gateway.pipeline import Call, Handler
from gateway.problems import Refusal
from transport.canonical import sha256_hex
from transport.clock import iso, to_astana
from transport.commands import AGREEMENT
from transport.errors import ErrorCode
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


def _check(call: Call[AgreementStatement]) -> None:
    statement, text = call.payload, current()
    if (statement.version, statement.sha256_kk, statement.sha256_ru) != (
            text.version, text.sha256_kk, text.sha256_ru):
        raise Refusal(ErrorCode.AGREEMENT_MISMATCH, f"version {text.version} is in force")


def _apply(conn: Connection, call: Call[AgreementStatement]) -> AgreementReceipt:
    version, iin = call.payload.version, call.user.iin
    exists = conn.execute(select(agreements.c.id).where(
        agreements.c.iin == iin, agreements.c.version == version)).first()
    if exists is not None:
        raise Refusal(ErrorCode.AGREEMENT_ALREADY_SIGNED, f"version {version} is signed")
    stamp = iso(to_astana(call.now))
    conn.execute(insert(agreements).values(
        iin=iin, version=version, statement=call.signed.decode("utf-8"),
        signature=call.cms, cert_serial=call.signer.serial,
        signed_at=stamp))
    conn.execute(update(users).where(users.c.iin == iin).values(agreement_signed_at=stamp))
    # R-CTL-3: the signed statement itself is journaled (by the pipeline: "request" and
    # "signature"), so it can be re-verified.
    entry = call.record(conn, detail={"version": version})
    return AgreementReceipt(version=version, signed_at=stamp, journal_seq=entry.seq)


HANDLER: Handler[AgreementStatement] = Handler(apply=_apply, check=_check)


def sign(engine: Engine, config: GatewayConfig, session: Session, data: object,
         ctx: RequestContext) -> AgreementReceipt:
    """Record the user's CMS over the current agreement statement (R-AUTH-2); Refusal else.

    "With the EDS": the signing key, as for documents (transport.commands.AGREEMENT); a blocked
    user cannot sign it, one who has not signed it yet can (that is what it is for)."""
    receipt = pipeline.run(engine, config, AGREEMENT, HANDLER, session, data, ctx)
    assert isinstance(receipt, AgreementReceipt)
    return receipt
