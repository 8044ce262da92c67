"""One path for every signed command sent within a session (DESIGN "Signed commands").

Each command is declared once in transport.commands; its handler (in queries, agreement,
dispositions, applications, operations) holds only its business part. `run` does the rest, in
this order, for every one of them:

1. the signature and its chain, as of now, for the command's key purpose (gateway.verify), by
   the session's user (iin_mismatch otherwise);
2. the payload: JSON, strictly the command's model, byte for byte its canonical form (the
   command's own refusal codes: malformed_request, basis_missing, disposition_malformed, ...);
3. signer ↔ payload ↔ registry: the payload's IIN field names the signer; the user is
   registered, not blocked, has signed the agreement and has a role the command admits — each as
   the command declares;
4. the handler's checks that need no lock (resource access, downtime, resolving a query);
5. in one write transaction, shared with the other commands pending at that moment (group
   commit, gateway.writer: each command in its own savepoint): the nonce (used once per
   signer) and the clock (the payload's time within config.nonce_window_s), the handler's
   work, and the journal entry — which always carries the signed bytes ("request") and the
   signature ("signature"), so anyone can re-verify it (`sio-gateway journal verify` does);
   the operator-signed answer is made before the commit (a query's after its entry is
   appended, in parallel with the batch's other answers: `Call.answer_later`);
6. after the commit, the answer.

A Refusal anywhere is journaled by the app's one refusal handler (gateway.context) with what the
RequestContext knows by then, and the command's savepoint rolls back: a refused command changes
nothing, not even its nonce, and the other commands of its batch go on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Engine, insert
from sqlalchemy.exc import IntegrityError

from gateway import auth, journal, registry
from gateway.auth import Session
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.models import nonces
from gateway.problems import Refusal
from gateway.timefmt import utc_text
from gateway.verify import verify_signature
from gateway.writer import writer_for
from signing.cms import sign_detached
from signing.profile import CertProfile
from transport.canonical import sha256_hex
from transport.clock import now_utc, parse_iso
from transport.commands import Command
from transport.errors import ErrorCode
from transport.protocol import Signed

M = TypeVar("M", bound=BaseModel)
# Detail keys the pipeline writes into every command's journal entry; a handler may not.
RESERVED = frozenset({"endpoint", "request", "signature", "nonce", "peer",
                      "revocation_soft_fail"})


@dataclass
class Call(Generic[M]):
    """One signed command on its way through `run`: what is known about it, and what the
    handler made of it (the operator-signed answer, the journal entry)."""

    command: Command[M]
    payload: M
    signed: bytes  # the signed payload bytes, canonical
    signature: str  # the CMS as it came, base64
    cms: bytes  # the same, DER
    signer: CertProfile
    user: registry.User
    issued: datetime | None  # the payload's own time, if the command has one
    ctx: RequestContext
    engine: Engine
    config: GatewayConfig
    reads: Connection | None = None  # during check(): a read connection it may use
    prepared: Any = None  # what the handler's check() left for its apply()
    now: datetime = field(default_factory=now_utc)
    answer: tuple[bytes, bytes] | None = None  # (body, the operator's CMS)
    unsigned: bytes | None = None  # a body answer_later() leaves for finish() to sign
    entry: journal.JournalEntry | None = None

    @property
    def payload_sha256(self) -> str:
        return sha256_hex(self.signed)

    def sign_answer(self, answer: Any) -> bytes:
        """Sign `answer` (a transport model) with the operator's key; its canonical bytes.
        Signed before the commit: if signing fails nothing is journaled as answered."""
        body: bytes = answer.canonical()
        self.answer = (body, sign_detached(body, self.config.operator_signer))
        return body

    def answer_later(self, answer: Any) -> bytes:
        """`answer`'s canonical bytes, to be signed by `finish` — still before the commit (if
        signing fails, the whole batch is rolled back and nothing is journaled as answered),
        but outside the handler, in parallel with the other answers of the batch."""
        body: bytes = answer.canonical()
        self.unsigned = body
        return body

    def finish(self) -> None:
        """Sign the body answer_later() left (gateway.writer runs this before the commit)."""
        if self.unsigned is not None and self.answer is None:
            self.answer = (self.unsigned, sign_detached(self.unsigned,
                                                        self.config.operator_signer))

    @property
    def body(self) -> bytes | None:
        """The answer's bytes, signed or still to be signed."""
        return self.answer[0] if self.answer is not None else self.unsigned

    def record(self, conn: Connection, *, detail: Mapping[str, Any], resource: int | None = None,
               basis: Mapping[str, Any] | None = None,
               request_sha256: str | None = None) -> journal.JournalEntry:
        """Append the command's one journal entry: the handler's detail, and always the signed
        bytes and the signature (R-CTL-3), the nonce, the endpoint and the peer."""
        if self.entry is not None:
            raise RuntimeError(f"{self.command.name}: a command is journaled once")
        clash = RESERVED & detail.keys()
        if clash:
            raise RuntimeError(f"{self.command.name}: the handler wrote {sorted(clash)}")
        full: dict[str, Any] = {**detail, "endpoint": self.ctx.endpoint,
                                "request": self.signed.decode("utf-8"),
                                "signature": self.signature}
        nonce = self.command.nonce_of(self.payload)
        if nonce is not None:
            full["nonce"] = nonce
        soft = self.ctx.extra.get("revocation_soft_fail")
        if soft:
            full["revocation_soft_fail"] = soft
        if self.ctx.peer:
            full["peer"] = self.ctx.peer
        self.entry = journal.append(
            conn, self.command.journal_kind, actor_iin=self.user.iin,
            cert_serial=self.signer.serial, resource=resource, basis=basis,
            request_sha256=request_sha256 or self.payload_sha256,
            response_sha256=sha256_hex(self.body) if self.body is not None else None,
            detail=full, at=self.now)
        return self.entry


@dataclass(frozen=True)
class Handler(Generic[M]):
    """The business part of a command. `note` runs as soon as the payload is parsed (what a
    refusal should carry); `check` before the write transaction; `apply` inside it, after the
    nonce and the clock — it must journal the command through call.record, once."""

    apply: Callable[[Connection, Call[M]], BaseModel | None]
    check: Callable[[Call[M]], None] | None = None
    note: Callable[[M, RequestContext], None] | None = None


def run(engine: Engine, config: GatewayConfig, command: Command[M], handler: Handler[M],
        session: Session, data: object, ctx: RequestContext, *,
        reads: Connection | None = None) -> BaseModel:
    """Run one signed command of `session`'s user; its answer, or Refusal. `reads`, the
    request's read connection if it has one, is used up to the write and closed before it."""
    if not command.session or command.signature != "cms":
        raise ValueError(f"{command.name} does not travel this pipeline")
    ctx.actor_iin = session.iin
    signed = Signed.model_validate(data)  # ValidationError → request_invalid (app.py)
    try:
        payload_bytes, cms = signed.payload_bytes(), signed.signature_der()
    except ValueError as exc:
        raise Refusal(ErrorCode.MALFORMED_REQUEST, str(exc)) from exc
    ctx.request_sha256 = sha256_hex(payload_bytes)
    # 1. R-AUTH-5: the key of the command's purpose, checked as of now, and the session's user's.
    # Issue 10: the store the session's revocation check read moments ago, if it came from this
    # configuration's trust, not a second read of the trust directory.
    store = (session.trust[1] if session.trust is not None and session.trust[0] is config.trust
             else None)
    signer = verify_signature(cms, payload_bytes, config, purpose=command.purpose, ctx=ctx,
                              store=store)
    if signer.iin != session.iin:
        ctx.actor_iin, ctx.extra["signer_iin"] = session.iin, signer.iin or ""
        raise Refusal(ErrorCode.IIN_MISMATCH,
                      f"the {command.name} is signed by someone other than the user")
    # 2. The payload, strictly.
    payload = parse(command, payload_bytes)
    if handler.note is not None:
        handler.note(payload, ctx)
    # 3. Signer ↔ payload ↔ registry.
    named = command.signer_of(payload)
    if named is not None and named != signer.iin:
        raise Refusal(ErrorCode.IIN_MISMATCH,
                      f"{command.signer_field} differs from the signer's IIN")
    issued = _time(command, payload)
    # Issue 10: the registry row and the handler's reads share one connection (the session's
    # too, when the route passes it: pool checkouts, BEGINs and ROLLBACKs fewer a query); it is
    # given back before the write transaction.
    with nullcontext(reads) if reads is not None else engine.connect() as conn:
        user = admit(conn, command, session.iin)
        call = Call(command, payload, payload_bytes, signed.signature, cms, signer, user,
                    issued, ctx, engine, config, reads=conn)
        # 4. What needs no lock.
        if handler.check is not None:
            handler.check(call)
        call.reads = None
        conn.close()  # the caller's `with` closes it again: a no-op
    # 5. Single use, the clock, the work and the journal: one transaction with the commands
    #    pending beside it (issue 10: one commit, one fsync for all of them).
    result = writer_for(engine).run(partial(_write, handler, call), call.finish)
    # 6. R-LOG-1: committed; only now does the answer leave.
    if command.answer_signed:
        if call.answer is None:
            raise RuntimeError(f"{command.name}: the answer was not signed")
        return Signed.wrap(*call.answer)
    if result is None:
        raise RuntimeError(f"{command.name}: the handler gave no answer")
    return result


def _write(handler: Handler[M], call: Call[M], conn: Connection) -> BaseModel | None:
    """Step 5 of one command, inside the batch's transaction (its own savepoint)."""
    call.now = now_utc()
    _fresh(conn, call)
    result = handler.apply(conn, call)
    if call.entry is None:
        raise RuntimeError(f"{call.command.name}: the handler journaled nothing")
    return result


def work(engine: Engine, config: GatewayConfig, command: Command[M], handler: Handler[M],
         authorization: str | None, ctx: RequestContext) -> Callable[[Any], BaseModel]:
    """The body of a route: the live session named by `authorization`, then `run`."""

    def go(data: Any) -> BaseModel:
        session = auth.session_of(engine, authorization)
        ctx.actor_iin = session.iin
        return run(engine, config, command, handler, session, data, ctx)

    return go


def parse(command: Command[M], payload: bytes) -> M:
    """The payload as the command's model, if it is byte for byte its canonical form."""
    try:
        data = json.loads(payload)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise Refusal(command.malformed, "the signed payload is not JSON") from exc
    if not isinstance(data, dict):
        raise Refusal(command.malformed, "the signed payload is not a JSON object")
    try:
        parsed = command.model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        raise Refusal(command.refusal_for(errors), _first_error(errors)) from exc
    if command.canonical(parsed) != payload:
        raise Refusal(command.malformed, "the payload is not in canonical form")
    return parsed


def _first_error(errors: list[Any]) -> str:
    err = errors[0]
    where = ".".join(str(p) for p in err["loc"]) or "payload"
    return f"{where}: {err['msg']}"[:300]


def _time(command: Command[M], payload: M) -> datetime | None:
    text = command.time_of(payload)
    if text is None:
        return None
    try:
        return parse_iso(text)
    except ValueError as exc:
        raise Refusal(command.malformed,
                      f"{command.time_field} is not an ISO time with offset") from exc


def admit(conn: Connection, command: Command[Any], iin: str) -> registry.User:
    """The registered user `iin` if the command admits them (R-ACC-1, R-AUTH-3, R-CTL-2): not
    blocked (unless the command may be sent while blocked), the agreement signed (where the
    command needs it first), a role it admits; Refusal otherwise."""
    user = registry.find(conn, iin)
    if user is None:
        raise Refusal(ErrorCode.NOT_REGISTERED, "this IIN is not registered with the operator")
    if user.state == "blocked":
        if not command.while_blocked:  # 2022 §17: the reason travels with the refusal
            reason = registry.block_reason(conn, user.iin)
            raise Refusal(ErrorCode.USER_BLOCKED, "access of this user is blocked"
                          + (f"; reason: {reason}" if reason else ""))
    elif user.state != "registered":
        raise Refusal(ErrorCode.NOT_REGISTERED, f"registration state is {user.state!r}")
    if command.agreement_first and not user.agreement_signed_at:
        raise Refusal(ErrorCode.NO_AGREEMENT, "the agreement on rights of use is not signed")
    if command.roles is not None and user.role not in command.roles:
        raise Refusal(ErrorCode.OPERATOR_ONLY, f"role {user.role!r} may not do this")
    return user


_SPEND_NONCE = insert(nonces)  # built once: every command in the writer's batch runs it


def _fresh(conn: Connection, call: Call[Any]) -> None:
    """The nonce, used once per signer (rolled back with the transaction if anything later
    refuses), and the payload's time within the window of the gateway's clock."""
    nonce = call.command.nonce_of(call.payload)
    if nonce is not None:
        try:
            conn.execute(_SPEND_NONCE, {"iin": call.user.iin, "nonce": nonce,
                                        "seen_at": utc_text(call.now)})
        except IntegrityError as exc:
            raise Refusal(ErrorCode.NONCE_REPLAYED, "this nonce was already used") from exc
    window = call.config.nonce_window_s
    if call.issued is not None and abs((call.now - call.issued).total_seconds()) > window:
        raise Refusal(ErrorCode.CLOCK_SKEW,
                      f"{call.command.time_field} is more than {window} s away")
