"""The agreement on rights of use (2022 App.5): versioned texts, and its signing (R-AUTH-2)."""

from __future__ import annotations

import datetime as dt
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
from transport import agreement_form
from transport.canonical import sha256_hex
from transport.clock import iso, parse_iso, to_astana
from transport.commands import AGREEMENT
from transport.errors import ErrorCode
from transport.protocol import (
    AgreementBlanks,
    AgreementReceipt,
    AgreementStatement,
    AgreementText,
)

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


def statement_for(text: AgreementText, iin: str, signed_at: str, *, name: str,
                  position: str = "бас маман", city: str = "Астана") -> AgreementStatement:
    """The statement a user named `name` signs over `text`, dated as `signed_at`."""
    blanks = AgreementBlanks(city=city, date=parse_iso(signed_at).date().isoformat(),
                             full_name=name, position=position)
    return AgreementStatement.filled(text, blanks, iin, signed_at)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _check(call: Call[AgreementStatement]) -> None:
    """The version in force, its template with only the blanks filled (R-AUTH-8): the gateway
    fills the template from the signed blanks and compares it with the signed texts; the name is
    the registered one and the date is the day of signing (Astana)."""
    statement, text = call.payload, current()
    if (statement.version, statement.sha256_kk, statement.sha256_ru) != (
            text.version, text.sha256_kk, text.sha256_ru):
        raise Refusal(ErrorCode.AGREEMENT_MISMATCH, f"version {text.version} is in force")
    values = statement.blanks.model_dump()
    for lang, signed, template in (("kk", statement.text_kk, text.text_kk),
                                   ("ru", statement.text_ru, text.text_ru)):
        if signed != agreement_form.fill(template, lang, values):
            raise Refusal(ErrorCode.AGREEMENT_MISMATCH,
                          f"the signed {lang} text is not the form with only its blanks filled")
    if not _same_name(statement.blanks.full_name, call.user.name):
        raise Refusal(ErrorCode.AGREEMENT_MISMATCH,
                      "the name in the agreement is not the registered user's name")
    today = to_astana(call.now).date()
    signed_on = dt.date.fromisoformat(statement.blanks.date)
    # Around midnight the desk's day may still be the previous one: one day either way.
    if abs((today - signed_on).days) > 1:
        raise Refusal(ErrorCode.AGREEMENT_MISMATCH,
                      f"the agreement is dated {signed_on}, not the day it is signed")


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
