"""The signed disposition of a query's result (R-RES-1): attached to case material, or destroyed.

Once the analyst has printed and/or exported a result into the case material (or it expired
unattached), the client crypto-shreds its copy and signs a DispositionStatement with the user's
signing key. The gateway checks it names an answered query of the same user, records it once
(table `dispositions`, for the reports) and journals the signed bytes and the signature so anyone
can re-verify it (R-LOG-1, R-CTL-3).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from gateway import journal, registry
from gateway.auth import Session
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.models import dispositions, nonces
from gateway.models import journal as journal_table
from gateway.problems import Refusal
from gateway.timefmt import utc_text
from gateway.verify import verify_user_signed
from transport.clock import iso, now_utc, parse_iso, to_astana
from transport.protocol import EXPORTED_ACTIONS, DispositionReceipt, DispositionStatement


def parse_statement(payload: bytes) -> DispositionStatement:
    """The payload as a DispositionStatement that is byte-for-byte its own canonical form."""
    try:
        data = json.loads(payload)
    except (ValueError, RecursionError) as exc:
        raise Refusal("disposition_malformed", "the signed payload is not JSON") from exc
    try:
        statement = DispositionStatement.model_validate(data)
    except ValidationError as exc:
        if _printout_missing(data, exc):
            raise Refusal("printout_missing",
                          "an exported printout is attached by its SHA-256") from exc
        raise Refusal("disposition_malformed", _first_error(exc)) from exc
    if statement.canonical() != payload:
        raise Refusal("disposition_malformed", "the payload is not in canonical form")
    return statement


def _printout_missing(data: Any, exc: ValidationError) -> bool:
    return (isinstance(data, dict) and data.get("action") in EXPORTED_ACTIONS
            and data.get("printout_sha256") is None
            and any(err["loc"][:1] == ("printout_sha256",) for err in exc.errors()))


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "payload"
    return f"{where}: {err['msg']}"[:300]


def _time(text: str, name: str) -> datetime:
    try:
        return parse_iso(text)
    except ValueError as exc:
        raise Refusal("disposition_malformed", f"{name} is not an ISO time with offset") from exc


def _journal_time(moment: datetime) -> str:
    """A bound in the journal's own at_utc text form, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _answered_query(conn: Connection, statement: DispositionStatement, user_iin: str,
                    window: timedelta) -> dict[str, Any]:
    """The journal's "query" entry the statement names: by its seq (primary key), or — when
    the answer never reached the client's disk — the user's query with that request hash
    around `asked_at` (the actor/time index keeps that a short range, whatever the journal)."""
    columns = (journal_table.c.seq, journal_table.c.kind, journal_table.c.actor_iin,
               journal_table.c.resource, journal_table.c.request_sha256, journal_table.c.at_utc)
    if statement.journal_seq is not None:
        row = conn.execute(select(*columns).where(journal_table.c.seq == statement.journal_seq)
                           ).mappings().first()
        where = f"at seq {statement.journal_seq}"
    else:
        asked = _time(statement.asked_at or "", "asked_at")
        row = conn.execute(
            select(*columns).where(
                journal_table.c.actor_iin == user_iin,
                journal_table.c.at_utc >= _journal_time(asked - window),
                journal_table.c.at_utc <= _journal_time(asked + 2 * window),
                journal_table.c.kind == "query",
                journal_table.c.request_sha256 == statement.request_sha256)
        ).mappings().first()
        where = "of yours asked then"
    # A wrong hash is told apart from a missing seq by nobody: both are "no such query".
    if row is None or row["kind"] != "query" or row["request_sha256"] != statement.request_sha256:
        raise Refusal("disposition_unknown", f"no answered query {where} with that request hash")
    return dict(row)


def submit(engine: Engine, config: GatewayConfig, session: Session, data: object,
           ctx: RequestContext) -> DispositionReceipt:
    """Record the user's signed disposition of one of their answered queries; Refusal else."""
    # R-RES-1: signed "with the EDS", the signing key, like the query it disposes of.
    payload, signed, profile = verify_user_signed(data, config, session.iin, ctx, "disposition")
    statement = parse_statement(payload)
    if statement.journal_seq is not None:
        ctx.extra["query_seq"] = statement.journal_seq
    if statement.user_iin != profile.iin:
        raise Refusal("iin_mismatch", "user_iin differs from the signer's IIN")
    issued = _time(statement.issued_at, "issued_at")
    destroyed = _time(statement.destroyed_at, "destroyed_at")
    window = timedelta(seconds=config.nonce_window_s)

    with write_tx(engine) as conn:
        # A blocked user may still report what became of a result they obtained before the
        # block: the copy was attached or destroyed all the same, and the journal must know it
        # (R-RES-1, R-CTL-5). Only the user's own answered queries can be named (below), so
        # this opens nothing new; a user who never signed the agreement has no queries at all.
        user = registry.find(conn, session.iin)
        if user is None:
            raise Refusal("not_registered", "this IIN is not registered with the operator")
        now = now_utc()
        try:
            conn.execute(insert(nonces).values(
                iin=user.iin, nonce=statement.nonce, seen_at=utc_text(now)))
        except IntegrityError as exc:
            raise Refusal("nonce_replayed", "this nonce was already used") from exc
        if abs(now - issued) > window:
            raise Refusal("clock_skew", f"issued_at is more than {config.nonce_window_s} s away")
        # Lock the journal head first: from here on, writers of this query's disposition are
        # serialized, so the check below sees any disposition committed before us.
        seq = journal.next_seq(conn)
        query = _answered_query(conn, statement, user.iin, window)
        query_seq = int(query["seq"])
        ctx.extra["query_seq"] = query_seq
        if query["actor_iin"] != user.iin:
            raise Refusal("disposition_foreign", "the query was sent by another user")
        taken = conn.execute(select(dispositions.c.journal_seq).where(
            dispositions.c.query_seq == query_seq)).scalar()
        if taken is not None:
            raise Refusal("disposition_exists", f"recorded at journal seq {taken}")
        answered = datetime.fromisoformat(query["at_utc"])
        if destroyed < answered - window or destroyed > issued + window:
            raise Refusal("disposition_time_invalid",
                          "destroyed_at is before the answer or after the statement")
        destroyed_astana = iso(to_astana(destroyed))  # R-Q-5
        entry = journal.append(
            conn, "disposition", actor_iin=user.iin, cert_serial=profile.serial,
            resource=query["resource"], request_sha256=statement.request_sha256,
            # R-CTL-3: the signed statement and its signature, so an outsider can re-verify.
            detail={"endpoint": ctx.endpoint, "query_seq": query_seq,
                    "action": statement.action, "case_number": statement.case_number,
                    "printout_sha256": statement.printout_sha256,
                    "destroyed_at": destroyed_astana, "nonce": statement.nonce,
                    "request": payload.decode("utf-8"), "signature": signed.signature,
                    **({"peer": ctx.peer} if ctx.peer else {})},
            at=now,
        )
        if entry.seq != seq:  # the head is locked; this would be a bug
            raise RuntimeError("journal seq moved inside a locked transaction")
        try:
            conn.execute(insert(dispositions).values(
                query_seq=query_seq, journal_seq=entry.seq, iin=user.iin,
                action=statement.action, case_number=statement.case_number,
                printout_sha256=statement.printout_sha256, destroyed_at=destroyed_astana,
                at_utc=utc_text(now)))
        except IntegrityError as exc:  # the primary key: one disposition per query
            raise Refusal("disposition_exists", "the query already has its disposition") from exc
    # R-LOG-1: committed; only now does the receipt leave.
    return DispositionReceipt(query_seq=query_seq, journal_seq=entry.seq,
                              action=statement.action)
