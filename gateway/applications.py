"""Applications for registration, transfer and blocking, and the operator's decisions on them
(R-ACC-2..8, R-CTL-2)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from gateway import journal, pipeline, registry
from gateway.auth import Session
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.models import applications, nonces, users
from gateway.pipeline import Call, Handler
from gateway.problems import Refusal
from gateway.timefmt import utc_text
from gateway.verify import verify_signature
from signing.cms import sign_detached
from signing.iin import is_valid_bin, is_valid_iin
from signing.pades import PdfSignatureReport, verify_pdf
from signing.profile import CertProfile
from transport.canonical import canonical_json, sha256_hex
from transport.clock import iso, now_astana, now_utc, parse_iso, to_astana
from transport.commands import BLOCK, CONTROLLER, DECISION, UNBLOCK
from transport.errors import ErrorCode
from transport.protocol import (
    APPLICATION_FORM_FILE,
    ApplicationForm,
    ApplicationList,
    ApplicationReceipt,
    ApplicationStatus,
    ApplicationStatusQuery,
    ApplicationSubmission,
    ApplicationSummary,
    Decision,
    OperatorBlock,
    OperatorDecision,
    OperatorUnblock,
    Signed,
)

log = logging.getLogger("sio.gateway.applications")

DECISION_DEADLINE = dt.timedelta(days=1)  # R-ACC-4: "within one day" of receipt
MAX_AGE = dt.timedelta(days=30)  # R-ACC-4: an out-of-date application is refused
# The applicant signs the PDF last, just before filing it: an older signature is not accepted
# (a signed PDF that leaked or was kept back cannot be filed later).
SIGNATURE_WINDOW = dt.timedelta(hours=24)
TRANSFER_TERM = dt.timedelta(hours=24)  # R-ACC-5: from the appointment order
CONTROLLER_ROLE = CONTROLLER
# PDF, JPEG and PNG: what a scanned paper copy may be (R-ACC-3).
SCAN_MAGIC = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
_PDF_STATUS = {"expired": ErrorCode.CERTIFICATE_EXPIRED,
               "untrusted": ErrorCode.CERTIFICATE_UNTRUSTED,
               "revoked": ErrorCode.CERTIFICATE_REVOKED,
               "unsupported": ErrorCode.SIGNATURE_UNSUPPORTED}

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
    _role_checks(form)
    _order_checks(form)
    try:
        date = dt.date.fromisoformat(form.date)
    except ValueError as exc:
        raise Refusal("application_date_invalid", "the date is not a calendar date") from exc
    today = now_astana().date()
    if date > today or today - date > MAX_AGE:
        raise Refusal("application_date_invalid",
                      f"the date must be within {MAX_AGE.days} days before today")


def _role_checks(form: ApplicationForm) -> None:
    """A controller's registration names the head's appointing order (R-CTL-4); an analyst's,
    and the other actions, name none."""
    named = bool(form.role_order_number or form.role_order_date)
    if form.role == CONTROLLER_ROLE:
        if form.action != "registration":
            raise Refusal("application_invalid", "role: only a registration names the role")
        if not (form.role_order_number and form.role_order_date):
            raise Refusal("application_invalid",
                          "role_order: a controller is registered on the head's order "
                          "(number and date)")
        try:
            ordered = dt.date.fromisoformat(form.role_order_date)
        except ValueError as exc:
            raise Refusal("application_invalid", "role_order_date: not a calendar date") from exc
        if ordered > now_astana().date():
            raise Refusal("application_invalid", "role_order_date: the order is in the future")
    elif named:
        raise Refusal("application_invalid", "role_order: only a controller names an order")


def order_time(form: ApplicationForm) -> dt.datetime | None:
    """When the appointment order of a transfer was signed (R-ACC-10), if the form says."""
    if not form.appointment_order_at:
        return None
    return parse_iso(form.appointment_order_at)  # ValueError: no zone or not a time


def _order_checks(form: ApplicationForm) -> None:
    """A transfer names its appointment order's time, a real one not in the future; the other
    actions name none (R-ACC-5, R-ACC-10)."""
    if form.action != "transfer":
        if form.appointment_order_at:
            raise Refusal("application_invalid", "only a transfer names an appointment order")
        return
    try:
        when = order_time(form)
    except ValueError as exc:
        raise Refusal("application_invalid",
                      "appointment_order_at: an ISO time with its offset") from exc
    if when is None:
        raise Refusal("application_invalid",
                      "appointment_order_at: a transfer names its appointment order's time")
    if when > now_utc() + dt.timedelta(minutes=5):
        raise Refusal("application_invalid", "appointment_order_at: the order is in the future")


def filed_late(form: ApplicationForm, at: dt.datetime) -> bool:
    """True when a transfer is filed more than 24 hours after its order (R-ACC-5)."""
    when = order_time(form) if form.action == "transfer" else None
    return when is not None and at - when > TRANSFER_TERM


@dataclass(frozen=True)
class _PdfParts:
    """What the gateway reads out of an application PDF besides its signatures."""

    files: list[tuple[str, bytes]]  # embedded files: (name in the name tree, data)
    last_signature: bytes  # the signature value of the last (whole-file) signature


def _embedded_files(root: Any) -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    pending: list[Any] = [root["/Names"]["/EmbeddedFiles"]]
    while pending:  # a name tree: /Names pairs at the leaves, /Kids above them
        node = pending.pop().get_object()
        # Indexing (not .get) resolves indirect references.
        pending.extend(node["/Kids"] if "/Kids" in node else [])
        pairs = list(node["/Names"]) if "/Names" in node else []
        for key, spec in zip(pairs[0::2], pairs[1::2], strict=False):
            name = key.decode("latin-1") if isinstance(key, bytes) else str(key)
            data = spec.get_object()["/EF"]["/F"].get_object().data
            found.append((name, bytes(data)))
    return found


def _pdf_parts(pdf: bytes) -> _PdfParts:
    """Embedded files and the last signature's value; what cannot be read is left out."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    _errors = (PdfError, KeyError, TypeError, ValueError, AttributeError, IndexError)
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
    except _errors:
        return _PdfParts([], b"")
    try:
        files = _embedded_files(reader.root)
    except _errors:
        files = []
    try:
        last = bytes(list(reader.embedded_signatures)[-1].signer_info["signature"].native)
    except _errors:
        last = b""
    return _PdfParts(files, last)


def embedded_form(pdf: bytes) -> bytes | None:
    """The form a signed application PDF embeds (APPLICATION_FORM_FILE), if exactly one."""
    found = [data for name, data in _pdf_parts(pdf).files if name == APPLICATION_FORM_FILE]
    return found[0] if len(found) == 1 else None


def scans(pdf: bytes) -> list[bytes]:
    """The embedded files of a PDF that look like a scan (PDF, JPEG or PNG)."""
    return [data for _, data in _pdf_parts(pdf).files if data.startswith(SCAN_MAGIC)]


def _filing_signature(pdf: bytes, config: GatewayConfig) -> PdfSignatureReport:
    """The signature that files the application: the last one, which covers the whole file
    (so it covers the embedded form and scan), once every signature verifies as of now."""
    report = verify_pdf(pdf, config.trust())
    for sig in report.signatures:
        if sig.intact and sig.valid and sig.profile is not None and (
                sig.profile.purpose == "authentication"):
            raise Refusal("wrong_key_usage", "the application is signed with an AUTH key")
    if report.status != "valid":
        raise Refusal(_PDF_STATUS.get(report.status, ErrorCode.APPLICATION_PDF_INVALID),
                      report.reason)
    last = report.signatures[-1]
    if last.profile is None or not last.whole_document:
        raise Refusal("application_pdf_invalid", "the last signature does not cover the file")
    return last


def _bound_form(form: ApplicationForm, parts: _PdfParts) -> str:
    """The form's SHA-256 if the signed PDF embeds exactly this form; Refusal otherwise."""
    embedded = [data for name, data in parts.files if name == APPLICATION_FORM_FILE]
    if len(embedded) != 1:
        raise Refusal("application_form_mismatch",
                      f"the signed PDF must embed the form once as {APPLICATION_FORM_FILE}")
    expected = form.sha256()
    if hashlib.sha256(embedded[0]).hexdigest() != expected:
        raise Refusal("application_form_mismatch",
                      "the form differs from the one the signed PDF embeds")
    return expected


def _fresh(signature: PdfSignatureReport, form: ApplicationForm, config: GatewayConfig,
           now: dt.datetime) -> dt.datetime:
    """When the filing signature was made, if just before filing and not before the form's
    date; Refusal otherwise."""
    when = signature.signing_time
    if when is None or when.tzinfo is None:
        raise Refusal("application_signature_stale", "the signature carries no signing time")
    skew = dt.timedelta(seconds=config.nonce_window_s)
    if not now - SIGNATURE_WINDOW <= when <= now + skew:
        raise Refusal("application_signature_stale",
                      f"signed at {iso(to_astana(when))}: file the application within "
                      f"{int(SIGNATURE_WINDOW.total_seconds() // 3600)} h of signing it")
    if to_astana(when).date() < dt.date.fromisoformat(form.date):
        raise Refusal("application_signature_stale", "signed before the application's date")
    return when


def _validated(data: object) -> ApplicationSubmission:
    try:
        return ApplicationSubmission.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        if err["loc"] and err["loc"][0] == "form":
            where = ".".join(str(p) for p in err["loc"][1:]) or "form"
            raise Refusal("application_invalid", f"{where}: {err['msg']}"[:300]) from exc
        raise


def organization_bin(conn: Connection, iin: str) -> str | None:
    """The BIN of a user's organisation as the operator accepted it: from their newest
    registered registration or transfer application; None if none is on file."""
    rows = conn.execute(select(applications.c.form).where(
        applications.c.iin == iin, applications.c.state == "registered",
        applications.c.action.in_(("registration", "transfer"))
    ).order_by(applications.c.id.desc()).limit(1)).scalars()
    for text in rows:
        try:
            value = json.loads(text).get("bin")
        except (ValueError, AttributeError):
            return None
        return value if isinstance(value, str) else None
    return None


def _same_organization(conn: Connection, actor: registry.User, actor_bin: str | None,
                       target: registry.User) -> bool:
    """R-ACC-6: the controller's organisation is the user's — by BIN where both are known (the
    controller's certificate, the applications on file), else by the registered name."""
    target_bin = organization_bin(conn, target.iin)
    actor_bin = actor_bin or organization_bin(conn, actor.iin)
    if actor_bin and target_bin:
        return actor_bin == target_bin
    mine, theirs = (" ".join(u.organization.casefold().split()) for u in (actor, target))
    return bool(mine) and mine == theirs


def may_block(conn: Connection, actor_iin: str, actor_bin: str | None,
              target: registry.User | None) -> str:
    """Who may block `target` (R-ACC-6, R-ACC-7, R-ACC-8, R-CTL-2): the user themself, a
    controller of their organisation, or the operator — as whom the actor does it; Refusal
    blocking_not_allowed for anyone else."""
    if target is not None and actor_iin == target.iin:
        return "self"
    actor = registry.find(conn, actor_iin)
    if actor is not None and actor.state == "registered" and actor.agreement_signed_at:
        if actor.role == registry.OPERATOR_ROLE:
            return registry.OPERATOR_ROLE
        if actor.role == CONTROLLER_ROLE and target is not None and _same_organization(
                conn, actor, actor_bin, target):
            return CONTROLLER_ROLE
    raise Refusal("blocking_not_allowed",
                  "only the user, a controller of their organisation or the operator may "
                  "block this user")


def keep_an_operator(conn: Connection, target: registry.User) -> None:
    """Refuse to block the last active operator: someone must be able to unblock."""
    if target.role != registry.OPERATOR_ROLE or target.state != "registered":
        return
    # Locked rows: two concurrent blocks of the last two operators cannot both pass.
    active = conn.execute(select(users.c.iin).where(
        users.c.role == registry.OPERATOR_ROLE, users.c.state == "registered"
    ).with_for_update()).scalars().all()
    if set(active) <= {target.iin}:
        raise Refusal("last_operator", "the last active operator cannot be blocked")


def _accept_once(conn: Connection, signer: CertProfile, parts: _PdfParts,
                 now: dt.datetime) -> str:
    """Record the filing signature so the same signed PDF is accepted once (hole 6): keyed by
    the signature value, which no re-packing of the PDF changes."""
    if not parts.last_signature:
        raise Refusal("application_pdf_invalid", "the signature value cannot be read")
    key = hashlib.sha256(parts.last_signature).hexdigest()
    try:  # a refusal rolls the whole transaction back
        conn.execute(insert(nonces).values(iin=signer.iin or "", nonce="pdf:" + key[:60],
                                           seen_at=utc_text(now)))
    except IntegrityError as exc:
        raise Refusal("application_replayed", "this signed application was already filed"
                      ) from exc
    return key


def full_name(form: ApplicationForm) -> str:
    return " ".join(p for p in (form.surname, form.name, form.patronymic) if p)


def submit(engine: Engine, config: GatewayConfig, data: object,
           ctx: RequestContext) -> ApplicationReceipt:
    """Check and record an application; a blocking one takes effect at once (R-ACC-7).

    The PDF's last signature files it: it must embed exactly this form, be made just before
    filing, and never have been filed before; a blocking application may come from the user,
    a controller of their organisation or the operator, and never blocks the last operator."""
    sub = _validated(data)
    form = sub.form
    ctx.extra["application_iin"] = form.iin
    _form_checks(form)
    try:
        pdf = sub.pdf_bytes()
    except ValueError as exc:
        raise Refusal("application_pdf_invalid", str(exc)) from exc
    signature = _filing_signature(pdf, config)
    signer = signature.profile
    assert signer is not None  # _filing_signature checked it
    ctx.actor_iin, ctx.cert_serial = signer.iin, signer.serial
    parts = _pdf_parts(pdf)
    if not any(data.startswith(SCAN_MAGIC) for _, data in parts.files):
        raise Refusal("scan_missing", "embed the scanned paper copy (PDF, JPEG or PNG)")
    form_sha256 = _bound_form(form, parts)
    now = now_utc()
    signed_at = _fresh(signature, form, config, now)
    with write_tx(engine) as conn:
        existing = registry.find(conn, form.iin)
        if signer.iin != form.iin:
            if form.action != "blocking":
                raise Refusal("applicant_mismatch", "the PDF is not signed by the applicant")
            filer = may_block(conn, signer.iin or "", signer.bin, existing)
        else:
            filer = "self"
        if form.action == "registration":
            if existing is not None and existing.state == "registered":
                raise Refusal("already_registered", "file a transfer application instead")
        elif existing is None:
            raise Refusal("not_registered", "this IIN is not registered with the operator")
        elif form.action == "transfer" and existing.state == "blocked":
            raise Refusal("user_blocked", "access of this user is blocked")
        elif form.action == "blocking":
            keep_an_operator(conn, existing)
        signature_key = _accept_once(conn, signer, parts, now)
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
            # R-CTL-3: the signed PDF itself (its PAdES signature inside, the form and the scan
            # embedded), so `journal verify` re-verifies the application from the journal alone.
            detail={"endpoint": ctx.endpoint, "application_id": int(app_id),
                    "action": form.action, "iin": form.iin, "pdf_sha256": sha256_hex(pdf),
                    "form_sha256": form_sha256, "signature_sha256": signature_key,
                    "signed_at": iso(to_astana(signed_at)), "filed_by": filer,
                    **({"order_at": form.appointment_order_at,
                        "filed_late": filed_late(form, now)}
                       if form.action == "transfer" else {}),
                    "pdf": base64.b64encode(pdf).decode("ascii"),
                    **({"peer": ctx.peer} if ctx.peer else {})},
            at=now,
        )
        state = "submitted"
        if form.action == "blocking":  # R-ACC-6/7, R-ACC-8: no waiting for a decision
            _blocked_by_application(conn, config, int(app_id), form, now, ctx)
            state = "registered"
    return ApplicationReceipt(id=int(app_id), state=state, submitted_at=iso(to_astana(now)),
                              due_at=iso(to_astana(now + DECISION_DEADLINE)),
                              journal_seq=entry.seq)


def _status_query(data: object) -> tuple[ApplicationStatusQuery, bytes, bytes]:
    """The applicant's signed status query: (query, its canonical bytes, the CMS)."""
    signed = Signed.model_validate(data)  # ValidationError → request_invalid (app.py)
    try:
        body, cms = signed.payload_bytes(), signed.signature_der()
        query = ApplicationStatusQuery.model_validate_json(body)
        parse_iso(query.issued_at)  # a time with its zone, or the query is malformed
    except ValueError as exc:  # ValidationError is a ValueError
        raise Refusal(ErrorCode.MALFORMED_REQUEST, "not an application status query") from exc
    if query.canonical() != body:
        raise Refusal(ErrorCode.MALFORMED_REQUEST, "the status query is not canonical JSON")
    return query, body, cms


def status(engine: Engine, config: GatewayConfig, data: object,
           ctx: RequestContext) -> ApplicationStatus:
    """One application's state and the operator-signed decision, for the applicant or whoever
    filed it (R-ACC-9). They may not be registered, so no session: the query is signed with
    their authentication key and must be fresh. Someone else's application is not found."""
    query, body, cms = _status_query(data)
    profile = verify_signature(cms, body, config, purpose="authentication", ctx=ctx)
    if profile.iin != query.iin:
        raise Refusal(ErrorCode.IIN_MISMATCH, "the query names another IIN than its signer")
    now = now_utc()
    skew = dt.timedelta(seconds=config.nonce_window_s)
    if abs(now - parse_iso(query.issued_at)) > skew:
        raise Refusal(ErrorCode.CLOCK_SKEW, f"the query is older or newer than {skew}")
    with write_tx(engine) as conn:
        row = conn.execute(select(applications).where(
            applications.c.id == query.application_id)).mappings().first()
        if row is None or query.iin not in (row["iin"], row["signer_iin"]):
            raise Refusal(ErrorCode.APPLICATION_NOT_FOUND,
                          f"no application {query.application_id} of this applicant")
        journal.append(conn, "read", actor_iin=profile.iin, cert_serial=profile.serial,
                       request_sha256=ctx.request_sha256,
                       detail={"endpoint": ctx.endpoint, "application_id": int(row["id"]),
                               **({"peer": ctx.peer} if ctx.peer else {})}, at=now)
    decision = None
    if row["decision"] and row["decision_signature"]:
        decision = Signed.wrap(row["decision"].encode("utf-8"), bytes(row["decision_signature"]))
    return ApplicationStatus(
        id=int(row["id"]), iin=row["iin"], action=row["action"], state=row["state"],
        submitted_at=_astana(row["submitted_at"]), due_at=_astana(row["due_at"]),
        decided_at=_astana(row["decided_at"]) if row["decided_at"] else None,
        decision=decision)


# --- the operator --------------------------------------------------------------------------

def operator_of(engine: Engine, session: Session, roles: tuple[str, ...] = (
        registry.OPERATOR_ROLE,)) -> registry.User:
    """The live session's user if their role is one of `roles`; Refusal otherwise."""
    with engine.connect() as conn:
        user = registry.require_active(conn, session.iin)
    if user.role not in roles:
        raise Refusal(ErrorCode.OPERATOR_ONLY, f"role {user.role!r} may not do this")
    return user


def _decision(app_id: int | None, iin: str, action: str, decision: str, reason: str,
              now: dt.datetime, operator_iin: str | None) -> Decision:
    """The decision as the operator's key signs it (R-ACC-4)."""
    return Decision(application_id=app_id, iin=iin, action=action,  # type: ignore[arg-type]
                    decision=decision,  # type: ignore[arg-type]
                    reason=reason, decided_at=iso(to_astana(now)), operator_iin=operator_iin)


def _record_decision(conn: Connection, app_id: int, verdict: str, operator_iin: str | None,
                     now: dt.datetime, body: bytes, cms: bytes) -> None:
    conn.execute(update(applications).where(applications.c.id == app_id).values(
        state="registered" if verdict == "register" else "refused",
        decided_at=utc_text(now), decided_by=operator_iin,
        decision=body.decode("utf-8"), decision_signature=cms))


def _blocked_by_application(conn: Connection, config: GatewayConfig, app_id: int,
                            form: ApplicationForm, now: dt.datetime, ctx: RequestContext) -> None:
    """A blocking application takes effect at once (R-ACC-6/7, R-ACC-8): the gateway decides
    it itself, operator-signed, inside the caller's transaction. Its "decision" and "block"
    entries have no actor and carry no signature of anyone's: the application entry just
    before them is the signed one (transport.commands.SIGNED_KINDS)."""
    _apply(conn, form, now)
    reason = form.blocking_reason
    decision = _decision(app_id, form.iin, form.action, "block", reason, now, None)
    body = decision.canonical()
    cms = sign_detached(body, config.operator_signer)  # R-ACC-4: the operator's EDS
    _record_decision(conn, app_id, "register", None, now, body, cms)
    journal.append(
        conn, "decision", request_sha256=ctx.request_sha256, response_sha256=sha256_hex(body),
        detail={"endpoint": ctx.endpoint, "application_id": app_id, "iin": form.iin,
                "action": form.action, "decision": "block", "reason": reason},
        at=now)
    journal.append(conn, "block",
                   detail={"iin": form.iin, "reason": reason, "application_id": app_id}, at=now)


def _apply(conn: Connection, form: ApplicationForm, now: dt.datetime) -> None:
    """Register, edit (R-ACC-5, R-ACC-7) or block (R-ACC-7) the account as applied for."""
    account = {"organization": form.organization, "unit": form.unit, "position": form.position}
    existing = registry.find(conn, form.iin)
    if form.action == "registration":
        if existing is not None and existing.state == "registered":
            raise Refusal("already_registered", "this IIN was registered meanwhile")
        if existing is None:
            conn.execute(insert(users).values(
                iin=form.iin, name=full_name(form), role=form.role, state="registered",
                agreement_signed_at=None, registered_at=iso(to_astana(now)), **account))
        else:  # re-registration after a block: the agreement is signed again (R-AUTH-2)
            conn.execute(update(users).where(users.c.iin == form.iin).values(
                name=full_name(form), role=form.role, state="registered",
                agreement_signed_at=None, **account))
        return
    if existing is None:
        raise Refusal("not_registered", "this IIN is not registered with the operator")
    if form.action == "transfer":
        conn.execute(update(users).where(users.c.iin == form.iin).values(**account))
    else:
        conn.execute(update(users).where(users.c.iin == form.iin).values(state="blocked"))


# --- the operator's signed commands (transport.commands DECISION, BLOCK, UNBLOCK) ----------

def _check_decision(call: Call[OperatorDecision]) -> None:
    if call.payload.decision == "refuse" and not call.payload.reason:
        raise Refusal(ErrorCode.REFUSAL_REASON_MISSING, "a refusal states its reason (R-ACC-4)")


def _apply_decision(conn: Connection, call: Call[OperatorDecision]) -> None:
    """Register or refuse one submitted application; the decision is operator-signed."""
    command, operator_iin = call.payload, call.user.iin
    row = conn.execute(select(applications).where(
        applications.c.id == command.application_id).with_for_update()).mappings().first()
    if row is None:
        raise Refusal(ErrorCode.APPLICATION_NOT_FOUND,
                      f"no application {command.application_id}")
    if row["state"] != "submitted":
        raise Refusal(ErrorCode.APPLICATION_DECIDED, f"application is {row['state']}")
    app_id, form, verdict = int(row["id"]), ApplicationForm.model_validate_json(row["form"]), \
        command.decision
    if verdict == "register":
        _apply(conn, form, call.now)
    kind = "block" if form.action == "blocking" and verdict == "register" else verdict
    body = call.sign_answer(_decision(app_id, form.iin, form.action, kind, command.reason,
                                      call.now, operator_iin))
    assert call.answer is not None
    _record_decision(conn, app_id, verdict, operator_iin, call.now, body, call.answer[1])
    call.record(conn, detail={"application_id": app_id, "iin": form.iin,
                              "action": form.action, "decision": kind,
                              "reason": command.reason})
    if kind == "block":  # a blocking application filed before they took effect at once
        journal.append(conn, "block", actor_iin=operator_iin, detail={
            "iin": form.iin, "reason": command.reason, "application_id": app_id}, at=call.now)


def _apply_block(conn: Connection, call: Call[OperatorBlock]) -> None:
    """Block a user at once (R-ACC-7, R-CTL-2): the next request of any session is refused.
    The operator may block anyone but the last active operator; a controller, the users of
    their own organisation (R-ACC-6)."""
    command, actor = call.payload, call.user.iin
    target = registry.find(conn, command.iin)
    may_block(conn, actor, call.signer.bin, target)
    if target is None:
        raise Refusal(ErrorCode.NOT_REGISTERED, "this IIN is not registered with the operator")
    keep_an_operator(conn, target)
    conn.execute(update(users).where(users.c.iin == command.iin).values(state="blocked"))
    call.sign_answer(_decision(None, command.iin, "blocking", "block", command.reason,
                               call.now, actor))
    call.record(conn, detail={"iin": command.iin, "reason": command.reason})


def _apply_unblock(conn: Connection, call: Call[OperatorUnblock]) -> None:
    """Undo a block (a wrongful one, or a user back from leave): the operator only. The
    account is as before the block — role, unit and the signed agreement are kept."""
    command = call.payload
    target = registry.find(conn, command.iin)
    if target is None:
        raise Refusal(ErrorCode.NOT_REGISTERED, "this IIN is not registered with the operator")
    if target.state != "blocked":
        raise Refusal(ErrorCode.NOT_BLOCKED, f"registration state is {target.state!r}")
    conn.execute(update(users).where(users.c.iin == command.iin).values(state="registered"))
    call.sign_answer(_decision(None, command.iin, "unblocking", "unblock", command.reason,
                               call.now, call.user.iin))
    call.record(conn, detail={"iin": command.iin, "reason": command.reason})


DECIDE: Handler[OperatorDecision] = Handler(apply=_apply_decision, check=_check_decision)
BLOCKS: Handler[OperatorBlock] = Handler(apply=_apply_block)
UNBLOCKS: Handler[OperatorUnblock] = Handler(apply=_apply_unblock)


def decide(engine: Engine, config: GatewayConfig, session: Session, data: object,
           ctx: RequestContext) -> Signed:
    """Register or refuse one submitted application; the operator-signed Decision back."""
    return _signed(pipeline.run(engine, config, DECISION, DECIDE, session, data, ctx))


def block(engine: Engine, config: GatewayConfig, session: Session, data: object,
          ctx: RequestContext) -> Signed:
    """Block a user at once; the operator-signed Decision back."""
    return _signed(pipeline.run(engine, config, BLOCK, BLOCKS, session, data, ctx))


def unblock(engine: Engine, config: GatewayConfig, session: Session, data: object,
            ctx: RequestContext) -> Signed:
    """Undo a block; the operator-signed Decision back."""
    return _signed(pipeline.run(engine, config, UNBLOCK, UNBLOCKS, session, data, ctx))


def _signed(answer: Any) -> Signed:
    assert isinstance(answer, Signed)
    return answer


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
            overdue = row["state"] == "submitted" and row["due_at"] < now
            if overdue_only and not overdue:
                continue
            try:
                form = ApplicationForm.model_validate_json(row["form"])
                out.append(ApplicationSummary(
                    id=int(row["id"]), iin=row["iin"], action=row["action"],
                    full_name=full_name(form), organization=form.organization,
                    state=row["state"], submitted_at=_astana(row["submitted_at"]),
                    due_at=_astana(row["due_at"]), overdue=overdue,
                    decided_at=_astana(row["decided_at"]) if row["decided_at"] else None))
            except (ValueError, TypeError, OverflowError):  # ValidationError is a ValueError
                # One stored row that no longer reads must not hide all the others.
                log.warning("application %s cannot be read; left out of the list", row["id"])
    return ApplicationList(applications=out)


def _astana(utc: str) -> str:
    return iso(to_astana(dt.datetime.fromisoformat(utc)))
