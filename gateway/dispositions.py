"""The signed disposition of a query's result (R-RES-1): attached to case material, or destroyed.

Once the analyst has printed and/or exported a result into the case material (or it expired
unattached), the client crypto-shreds its copy and signs a DispositionStatement with the user's
signing key. The gateway checks it names an answered query of the same user, records it once
(table `dispositions`, for the reports) and journals the signed bytes and the signature so anyone
can re-verify it (R-LOG-1, R-CTL-3).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from gateway import journal, pipeline
from gateway.auth import Session
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.models import dispositions
from gateway.models import journal as journal_table
from gateway.pipeline import Call, Handler
from gateway.problems import Refusal
from gateway.timefmt import utc_text
from transport.clock import iso, parse_iso, to_astana
from transport.commands import DISPOSITION
from transport.errors import ErrorCode
from transport.protocol import DispositionReceipt, DispositionStatement


def _time(text: str, name: str) -> datetime:
    try:
        return parse_iso(text)
    except ValueError as exc:
        raise Refusal(ErrorCode.DISPOSITION_MALFORMED,
                      f"{name} is not an ISO time with offset") from exc


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
        raise Refusal(ErrorCode.DISPOSITION_UNKNOWN,
                      f"no answered query {where} with that request hash")
    return dict(row)


def _note(statement: DispositionStatement, ctx: RequestContext) -> None:
    if statement.journal_seq is not None:
        ctx.extra["query_seq"] = statement.journal_seq


def _check(call: Call[DispositionStatement]) -> None:
    call.prepared = _time(call.payload.destroyed_at, "destroyed_at")


def _apply(conn: Connection, call: Call[DispositionStatement]) -> DispositionReceipt:
    # A blocked user may still report what became of a result they obtained before the block:
    # the copy was attached or destroyed all the same, and the journal must know it (R-RES-1,
    # R-CTL-5). Only the user's own answered queries can be named (below), so this opens
    # nothing new (transport.commands.DISPOSITION admits them).
    statement, user_iin, destroyed = call.payload, call.user.iin, call.prepared
    assert call.issued is not None
    window = timedelta(seconds=call.config.nonce_window_s)
    # Lock the journal head first: from here on, writers of this query's disposition are
    # serialized, so the check below sees any disposition committed before us.
    seq = journal.next_seq(conn)
    query = _answered_query(conn, statement, user_iin, window)
    query_seq = int(query["seq"])
    call.ctx.extra["query_seq"] = query_seq
    if query["actor_iin"] != user_iin:
        raise Refusal(ErrorCode.DISPOSITION_FOREIGN, "the query was sent by another user")
    taken = conn.execute(select(dispositions.c.journal_seq).where(
        dispositions.c.query_seq == query_seq)).scalar()
    if taken is not None:
        raise Refusal(ErrorCode.DISPOSITION_EXISTS, f"recorded at journal seq {taken}")
    answered = datetime.fromisoformat(query["at_utc"])
    if destroyed < answered - window or destroyed > call.issued + window:
        raise Refusal(ErrorCode.DISPOSITION_TIME_INVALID,
                      "destroyed_at is before the answer or after the statement")
    destroyed_astana = iso(to_astana(destroyed))  # R-Q-5
    # R-CTL-3: the signed statement and its signature (the pipeline adds them), so an outsider
    # can re-verify it.
    entry = call.record(
        conn, resource=query["resource"], request_sha256=statement.request_sha256,
        detail={"query_seq": query_seq, "action": statement.action,
                "case_number": statement.case_number,
                "printout_sha256": statement.printout_sha256, "destroyed_at": destroyed_astana})
    if entry.seq != seq:  # the head is locked; this would be a bug
        raise RuntimeError("journal seq moved inside a locked transaction")
    try:
        conn.execute(insert(dispositions).values(
            query_seq=query_seq, journal_seq=entry.seq, iin=user_iin,
            action=statement.action, case_number=statement.case_number,
            printout_sha256=statement.printout_sha256, destroyed_at=destroyed_astana,
            at_utc=utc_text(call.now)))
    except IntegrityError as exc:  # the primary key: one disposition per query
        raise Refusal(ErrorCode.DISPOSITION_EXISTS,
                      "the query already has its disposition") from exc
    return DispositionReceipt(query_seq=query_seq, journal_seq=entry.seq,
                              action=statement.action)


HANDLER: Handler[DispositionStatement] = Handler(apply=_apply, check=_check, note=_note)


def submit(engine: Engine, config: GatewayConfig, session: Session, data: object,
           ctx: RequestContext) -> DispositionReceipt:
    """Record the user's signed disposition of one of their answered queries; Refusal else.
    R-RES-1: signed "with the EDS", the signing key, like the query it disposes of."""
    receipt = pipeline.run(engine, config, DISPOSITION, HANDLER, session, data, ctx)
    assert isinstance(receipt, DispositionReceipt)
    return receipt
