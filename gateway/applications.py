"""Applications for registration, transfer and blocking, and the operator's decisions on them
(R-ACC-2..8, R-CTL-2)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from io import BytesIO
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from gateway import journal, registry
from gateway.auth import Session
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.models import applications, nonces, users
from gateway.problems import Refusal
from gateway.timefmt import utc_text
from gateway.verify import verify_user_signed
from signing.cms import sign_detached
from signing.iin import is_valid_bin, is_valid_iin
from signing.pades import verify_pdf
from signing.profile import CertProfile
from transport.canonical import canonical_json, sha256_hex
from transport.clock import iso, now_astana, now_utc, parse_iso, to_astana
from transport.protocol import (
    ApplicationForm,
    ApplicationList,
    ApplicationReceipt,
    ApplicationSubmission,
    ApplicationSummary,
    Decision,
    OperatorBlock,
    OperatorDecision,
    Signed,
)

DECISION_DEADLINE = dt.timedelta(days=1)  # R-ACC-4: "within one day" of receipt
MAX_AGE = dt.timedelta(days=30)  # R-ACC-4: an out-of-date application is refused
CONTROLLER_ROLE = "controller"
# PDF, JPEG and PNG: what a scanned paper copy may be (R-ACC-3).
SCAN_MAGIC = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
_PDF_STATUS = {"expired": "certificate_expired", "untrusted": "certificate_untrusted",
               "revoked": "certificate_revoked", "unsupported": "signature_unsupported"}

M = TypeVar("M", OperatorDecision, OperatorBlock)


# --- the applicant -------------------------------------------------------------------------

def _form_checks(form: ApplicationForm) -> None:
    """What the field shapes cannot say (R-ACC-2): check digits, confirmations, the date."""
    if not is_valid_iin(form.iin):
        raise Refusal("iin_invalid", f"IIN {form.iin} fails its check digit")
    if not is_valid_bin(form.bin):
        raise Refusal("bin_invalid", f"BIN {form.bin} fails its check digit")
    if not (form.agreement_read and form.eds_on_protected_carrier
            and form.personal_data_consent):
        raise Refusal("confirmation_missing", "all three confirmations must be given")
    if form.action == "blocking" and not form.blocking_reason:
        raise Refusal("blocking_reason_missing", "state why access is to be blocked")
    try:
        date = dt.date.fromisoformat(form.date)
    except ValueError as exc:
        raise Refusal("application_date_invalid", "the date is not a calendar date") from exc
    today = now_astana().date()
    if date > today or today - date > MAX_AGE:
        raise Refusal("application_date_invalid",
                      f"the date must be within {MAX_AGE.days} days before today")


def scans(pdf: bytes) -> list[bytes]:
    """The embedded files of a PDF that look like a scan (PDF, JPEG or PNG)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    found: list[bytes] = []
    try:
        root = PdfFileReader(BytesIO(pdf), strict=False).root
        tree = root["/Names"]["/EmbeddedFiles"]
        pending: list[Any] = [tree]
        while pending:  # a name tree: /Names pairs at the leaves, /Kids above them
            node = pending.pop().get_object()
            # Indexing (not .get) resolves indirect references.
            pending.extend(node["/Kids"] if "/Kids" in node else [])
            pairs = node["/Names"] if "/Names" in node else []
            for spec in list(pairs)[1::2]:
                data = spec.get_object()["/EF"]["/F"].get_object().data
                if data.startswith(SCAN_MAGIC):
                    found.append(bytes(data))
    except (PdfError, KeyError, TypeError, ValueError, AttributeError, IndexError):
        return found
    return found


def _signers(pdf: bytes, config: GatewayConfig) -> list[CertProfile]:
    """Profiles of a PDF's signatures if all verify as of now (PAdES); Refusal otherwise."""
    report = verify_pdf(pdf, config.trust())
    for sig in report.signatures:
        if sig.intact and sig.valid and sig.profile is not None and (
                sig.profile.purpose == "authentication"):
            raise Refusal("wrong_key_usage", "the application is signed with an AUTH key")
    if report.status != "valid":
        raise Refusal(_PDF_STATUS.get(report.status, "application_pdf_invalid"), report.reason)
    return [s.profile for s in report.signatures if s.profile is not None]


def _validated(data: object) -> ApplicationSubmission:
    try:
        return ApplicationSubmission.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        if err["loc"] and err["loc"][0] == "form":
            where = ".".join(str(p) for p in err["loc"][1:]) or "form"
            raise Refusal("application_invalid", f"{where}: {err['msg']}"[:300]) from exc
        raise


def _signer(conn: Connection, form: ApplicationForm, profiles: Iterable[CertProfile]
            ) -> CertProfile:
    """The applicant's signature (R-ACC-3) — or, on blocking, a controller's (R-ACC-6)."""
    for profile in profiles:
        if profile.iin == form.iin:
            return profile
    if form.action == "blocking":
        for profile in profiles:
            user = registry.find(conn, profile.iin or "")
            if user is not None and user.state == "registered" and user.role in (
                    CONTROLLER_ROLE, registry.OPERATOR_ROLE):
                return profile
    raise Refusal("applicant_mismatch", "the PDF is not signed by the applicant")


def full_name(form: ApplicationForm) -> str:
    return " ".join(p for p in (form.surname, form.name, form.patronymic) if p)


def submit(engine: Engine, config: GatewayConfig, data: object,
           ctx: RequestContext) -> ApplicationReceipt:
    """Check and record an application; a blocking one takes effect at once (R-ACC-7)."""
    sub = _validated(data)
    form = sub.form
    ctx.extra["application_iin"] = form.iin
    _form_checks(form)
    try:
        pdf = sub.pdf_bytes()
    except ValueError as exc:
        raise Refusal("application_pdf_invalid", str(exc)) from exc
    profiles = _signers(pdf, config)
    if not scans(pdf):
        raise Refusal("scan_missing", "embed the scanned paper copy (PDF, JPEG or PNG)")
    now = now_utc()
    with write_tx(engine) as conn:
        signer = _signer(conn, form, profiles)
        ctx.actor_iin, ctx.cert_serial = signer.iin, signer.serial
        existing = registry.find(conn, form.iin)
        if form.action == "registration":
            if existing is not None and existing.state == "registered":
                raise Refusal("already_registered", "file a transfer application instead")
        elif existing is None:
            raise Refusal("not_registered", "this IIN is not registered with the operator")
        elif form.action == "transfer" and existing.state == "blocked":
            raise Refusal("user_blocked", "access of this user is blocked")
        app_id = conn.execute(insert(applications).values(
            iin=form.iin, action=form.action, state="submitted",
            form=canonical_json(form.model_dump(mode="json")).decode("utf-8"),
            pdf=pdf, pdf_sha256=sha256_hex(pdf), signer_iin=signer.iin or "",
            signer_serial=signer.serial, submitted_at=utc_text(now),
            due_at=utc_text(now + DECISION_DEADLINE),
        )).inserted_primary_key[0]  # type: ignore[index]
        entry = journal.append(
            conn, "application", actor_iin=signer.iin, cert_serial=signer.serial,
            request_sha256=ctx.request_sha256,
            detail={"endpoint": ctx.endpoint, "application_id": int(app_id),
                    "action": form.action, "iin": form.iin, "pdf_sha256": sha256_hex(pdf),
                    **({"peer": ctx.peer} if ctx.peer else {})},
            at=now,
        )
        state = "submitted"
        if form.action == "blocking":  # R-ACC-6/7, R-ACC-8: no waiting for a decision
            _decide(conn, config, int(app_id), form, "register", form.blocking_reason, None,
                    now, ctx)
            state = "registered"
    return ApplicationReceipt(id=int(app_id), state=state, submitted_at=iso(to_astana(now)),
                              due_at=iso(to_astana(now + DECISION_DEADLINE)),
                              journal_seq=entry.seq)


# --- the operator --------------------------------------------------------------------------

def operator_of(engine: Engine, session: Session, roles: tuple[str, ...] = (
        registry.OPERATOR_ROLE,)) -> registry.User:
    """The live session's user if their role is one of `roles`; Refusal otherwise."""
    with engine.connect() as conn:
        user = registry.require_active(conn, session.iin)
    if user.role not in roles:
        raise Refusal("operator_only", f"role {user.role!r} may not do this")
    return user


def _command(engine: Engine, config: GatewayConfig, session: Session, data: object,
             ctx: RequestContext, model: type[M], roles: tuple[str, ...]
             ) -> tuple[M, CertProfile, Signed]:
    """A command signed by a live operator (like a query: R-AUTH-5), parsed canonically."""
    payload, signed, profile = verify_user_signed(data, config, session.iin, ctx, "command")
    operator_of(engine, session, roles)
    try:
        command = model.model_validate(json.loads(payload))
    except (ValueError, ValidationError) as exc:
        raise Refusal("malformed_request", f"not a {model.__name__}") from exc
    if command.canonical() != payload:
        raise Refusal("malformed_request", "the payload is not in canonical form")
    if command.operator_iin != session.iin:
        raise Refusal("iin_mismatch", "operator_iin differs from the signer's IIN")
    try:
        parse_iso(command.issued_at)
    except ValueError as exc:
        raise Refusal("malformed_request", "issued_at is not an ISO time with offset") from exc
    return command, profile, signed


def _accept_nonce(conn: Connection, config: GatewayConfig, iin: str, nonce: str,
                  issued_at: str, now: dt.datetime) -> None:
    try:  # the refusal rolls the whole transaction back, as for queries
        conn.execute(insert(nonces).values(iin=iin, nonce=nonce, seen_at=utc_text(now)))
    except IntegrityError as exc:
        raise Refusal("nonce_replayed", "this nonce was already used") from exc
    if abs((now - parse_iso(issued_at)).total_seconds()) > config.nonce_window_s:
        raise Refusal("clock_skew", f"issued_at is more than {config.nonce_window_s} s away")


def _signed_decision(config: GatewayConfig, decision: Decision) -> tuple[bytes, bytes]:
    body = decision.canonical()
    return body, sign_detached(body, config.operator_signer)  # R-ACC-4: the operator's EDS


def _decide(conn: Connection, config: GatewayConfig, app_id: int, form: ApplicationForm,
            verdict: str, reason: str, operator: CertProfile | None, now: dt.datetime,
            ctx: RequestContext, request: dict[str, Any] | None = None) -> Signed:
    """Apply and record one decision inside the caller's transaction."""
    if verdict == "register":
        _apply(conn, form, now)
    kind = "block" if form.action == "blocking" and verdict == "register" else verdict
    decision = Decision(application_id=app_id, iin=form.iin, action=form.action,
                        decision=kind,  # type: ignore[arg-type]
                        reason=reason, decided_at=iso(to_astana(now)),
                        operator_iin=operator.iin if operator else None)
    body, cms = _signed_decision(config, decision)
    conn.execute(update(applications).where(applications.c.id == app_id).values(
        state="registered" if verdict == "register" else "refused",
        decided_at=utc_text(now), decided_by=operator.iin if operator else None,
        decision=body.decode("utf-8"), decision_signature=cms))
    journal.append(
        conn, "decision", actor_iin=operator.iin if operator else None,
        cert_serial=operator.serial if operator else None, request_sha256=ctx.request_sha256,
        response_sha256=sha256_hex(body),
        detail={"endpoint": ctx.endpoint, "application_id": app_id, "iin": form.iin,
                "action": form.action, "decision": kind, "reason": reason,
                **(request or {})},
        at=now,
    )
    if form.action == "blocking" and verdict == "register":
        journal.append(conn, "block", actor_iin=operator.iin if operator else None,
                       detail={"iin": form.iin, "reason": reason, "application_id": app_id},
                       at=now)
    return Signed.wrap(body, cms)


def _apply(conn: Connection, form: ApplicationForm, now: dt.datetime) -> None:
    """Register, edit (R-ACC-5, R-ACC-7) or block (R-ACC-7) the account as applied for."""
    account = {"organization": form.organization, "unit": form.unit, "position": form.position}
    existing = registry.find(conn, form.iin)
    if form.action == "registration":
        if existing is not None and existing.state == "registered":
            raise Refusal("already_registered", "this IIN was registered meanwhile")
        if existing is None:
            conn.execute(insert(users).values(
                iin=form.iin, name=full_name(form), role="afm_analyst", state="registered",
                agreement_signed_at=None, registered_at=iso(to_astana(now)), **account))
        else:  # re-registration after a block: the agreement is signed again (R-AUTH-2)
            conn.execute(update(users).where(users.c.iin == form.iin).values(
                name=full_name(form), state="registered", agreement_signed_at=None,
                **account))
        return
    if existing is None:
        raise Refusal("not_registered", "this IIN is not registered with the operator")
    if form.action == "transfer":
        conn.execute(update(users).where(users.c.iin == form.iin).values(**account))
    else:
        conn.execute(update(users).where(users.c.iin == form.iin).values(state="blocked"))


def decide(engine: Engine, config: GatewayConfig, session: Session, data: object,
           ctx: RequestContext) -> Signed:
    """Register or refuse one submitted application; the decision is operator-signed."""
    command, profile, signed = _command(engine, config, session, data, ctx, OperatorDecision,
                                        (registry.OPERATOR_ROLE,))
    if command.decision == "refuse" and not command.reason:
        raise Refusal("refusal_reason_missing", "a refusal states its reason (R-ACC-4)")
    now = now_utc()
    with write_tx(engine) as conn:
        _accept_nonce(conn, config, session.iin, command.nonce, command.issued_at, now)
        row = conn.execute(select(applications).where(
            applications.c.id == command.application_id).with_for_update()).mappings().first()
        if row is None:
            raise Refusal("application_not_found", f"no application {command.application_id}")
        if row["state"] != "submitted":
            raise Refusal("application_decided", f"application is {row['state']}")
        form = ApplicationForm.model_validate_json(row["form"])
        return _decide(conn, config, int(row["id"]), form, command.decision, command.reason,
                       profile, now, ctx, request={
                           "request": signed.payload_bytes().decode("utf-8"),
                           "signature": signed.signature})


def block(engine: Engine, config: GatewayConfig, session: Session, data: object,
          ctx: RequestContext) -> Signed:
    """Block a user at once (R-ACC-7, R-CTL-2): the next request of any session is refused."""
    command, profile, signed = _command(engine, config, session, data, ctx, OperatorBlock,
                                        (registry.OPERATOR_ROLE, CONTROLLER_ROLE))
    now = now_utc()
    with write_tx(engine) as conn:
        _accept_nonce(conn, config, session.iin, command.nonce, command.issued_at, now)
        if registry.find(conn, command.iin) is None:
            raise Refusal("not_registered", "this IIN is not registered with the operator")
        conn.execute(update(users).where(users.c.iin == command.iin).values(state="blocked"))
        decision = Decision(application_id=None, iin=command.iin, action="blocking",
                            decision="block", reason=command.reason,
                            decided_at=iso(to_astana(now)), operator_iin=session.iin)
        body, cms = _signed_decision(config, decision)
        journal.append(
            conn, "block", actor_iin=session.iin, cert_serial=profile.serial,
            request_sha256=ctx.request_sha256, response_sha256=sha256_hex(body),
            detail={"endpoint": ctx.endpoint, "iin": command.iin, "reason": command.reason,
                    "request": signed.payload_bytes().decode("utf-8"),
                    "signature": signed.signature},
            at=now,
        )
    return Signed.wrap(body, cms)


def listing(engine: Engine, session: Session, state: str, overdue_only: bool
            ) -> ApplicationList:
    """Applications in `state` ("all" for every one), oldest first, overdue flagged (R-ACC-4)."""
    operator_of(engine, session)
    if state not in ("submitted", "registered", "refused", "all"):
        raise Refusal("param_invalid", "state is submitted, registered, refused or all")
    query = select(applications.c.id, applications.c.iin, applications.c.action,
                   applications.c.state, applications.c.form, applications.c.submitted_at,
                   applications.c.due_at, applications.c.decided_at).order_by(applications.c.id)
    if state != "all":
        query = query.where(applications.c.state == state)
    now = utc_text(now_utc())
    out: list[ApplicationSummary] = []
    with engine.connect() as conn:
        for row in conn.execute(query).mappings():
            form = ApplicationForm.model_validate_json(row["form"])
            overdue = row["state"] == "submitted" and row["due_at"] < now
            if overdue_only and not overdue:
                continue
            out.append(ApplicationSummary(
                id=int(row["id"]), iin=row["iin"], action=row["action"],
                full_name=full_name(form), organization=form.organization, state=row["state"],
                submitted_at=_astana(row["submitted_at"]), due_at=_astana(row["due_at"]),
                overdue=overdue,
                decided_at=_astana(row["decided_at"]) if row["decided_at"] else None))
    return ApplicationList(applications=out)


def _astana(utc: str) -> str:
    return iso(to_astana(dt.datetime.fromisoformat(utc)))
