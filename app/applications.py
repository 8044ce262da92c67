"""The analyst's own paperwork, Qt-free: the agreement's blanks (2022 App.5) filled before
signing, and the App.4 applications (R-ACC-2..10, R-AUTH-8) — the form prefilled from the
certificate and checked as typed, the printable PDF with the scan and the form embedded and
PAdES-signed, filed, and its decision fetched and checked against the operator's key."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from app.errors import DeskError
from resources.i18n.reader import QT_TRANSLATE_NOOP
from resources.i18n.reader import text as _tr
from signing.errors import PinIncorrect, SigningError
from signing.iin import is_valid_bin, is_valid_iin
from transport import agreement_form
from transport.clock import iso, now_astana, to_astana
from transport.protocol import (
    APPLICATION_FORM_FILE,
    MAX_BODY_BYTES,
    AgreementBlanks,
    AgreementText,
    ApplicationForm,
    ApplicationStatusQuery,
    ApplicationSubmission,
    Decision,
    Signed,
)

if TYPE_CHECKING:
    from app.config import DeskConfig
    from signing.profile import CertProfile
    from signing.token import KeyPair, Token
    from transport.client import GatewayClient

T = TypeVar("T")

DEFAULT_CITY = "Астана"  # where the Agency sits; the form lets the user write another city
# Blanks the user may edit; the name is the registered one and the date is the day of signing
# (the gateway checks both: R-AUTH-8).
EDITABLE_BLANKS = ("city", "position")


def agreement_blanks(full_name: str, position: str = "", city: str = DEFAULT_CITY,
                     today: dt.date | None = None) -> dict[str, str]:
    """The agreement's blanks prefilled: the registered name, today's date (Astana)."""
    day = today or now_astana().date()
    return {"city": city, "date": day.isoformat(), "full_name": full_name,
            "position": position}


def blank_problem(name: str, value: str) -> str | None:
    """Why `value` cannot fill blank `name` (a code of transport.agreement_form.problem)."""
    return agreement_form.problem(name, value)


def blank_limit(name: str) -> int:
    return agreement_form.limit(name)


def filled_agreement(document: AgreementText, values: dict[str, str]) -> dict[str, str]:
    """Both texts as they will be signed: {"kk": ..., "ru": ...}; ValueError if a blank is bad."""
    return {lang: agreement_form.fill(template, lang, values)
            for lang, template in (("kk", document.text_kk), ("ru", document.text_ru))}


def agreement_preview(document: AgreementText, values: dict[str, str]) -> dict[str, str]:
    """Both texts while being filled in: blanks that do not fit yet stay lines (not signable)."""
    return {lang: agreement_form.preview(template, lang, values)
            for lang, template in (("kk", document.text_kk), ("ru", document.text_ru))}


def blanks_model(values: dict[str, str]) -> AgreementBlanks:
    """The blanks as the statement carries them (ValueError, a pydantic one, if bad)."""
    return AgreementBlanks.model_validate(values)




# --- what the analyst filed last, kept to prefill the next form ----------------------------

PROFILE_FILE = "account-profile.json"


def load_profile(state_dir: Path | None) -> dict[str, str]:
    """The App.4 fields the analyst last filed (position, phones…); {} if none or unreadable."""
    if state_dir is None:
        return {}
    try:
        data = json.loads((state_dir / PROFILE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def save_profile(state_dir: Path | None, fields: dict[str, str]) -> None:
    """Keep the fields for the next form (written whole, then renamed: never half a file)."""
    if state_dir is None:
        return
    state_dir.mkdir(parents=True, exist_ok=True)
    target = state_dir / PROFILE_FILE
    spare = target.with_suffix(".tmp")
    spare.write_text(json.dumps(fields, ensure_ascii=False, sort_keys=True), "utf-8")
    spare.replace(target)



# --- the App.4 form -------------------------------------------------------------------------

Action = Literal["registration", "transfer", "blocking"]
# The fields the analyst types (or that come from the certificate), in the form's order.
TEXT_FIELDS = ("surname", "name", "patronymic", "iin", "organization", "organization_code",
               "bin", "unit", "position", "work_phone", "mobile_phone", "email", "work_address",
               "head_position", "head_name", "blocking_reason")
CONFIRMATIONS = ("agreement_read", "eds_on_protected_carrier", "personal_data_consent")
# What the certificate says (NCA-EDS §2.2): the form takes these from it, not from typing.
FROM_CERTIFICATE = ("surname", "name", "patronymic", "iin", "organization", "bin")
# Kept for the next form (a transfer, the return after leave): nothing personal beyond it.
REMEMBERED = ("organization_code", "unit", "position", "work_phone", "mobile_phone", "email",
              "work_address", "head_position", "head_name", "city")
TRANSFER_TERM = dt.timedelta(hours=24)  # R-ACC-5: from the appointment order
LEAVE_THRESHOLD_DAYS = 61  # R-ACC-8: "more than two months"
# The whole signed PDF travels base64 in one body of MAX_BODY_BYTES (256 KiB): the printed form
# (~40 KB with its fonts), the signature and its chain leave room for a scan of this size.
MAX_SCAN_BYTES = 120 * 1024
SCAN_KINDS = {b"%PDF-": "application/pdf", b"\xff\xd8\xff": "image/jpeg",
              b"\x89PNG\r\n\x1a\n": "image/png"}


def prefill(profile: CertProfile, saved: dict[str, str]) -> dict[str, str]:
    """The form's text fields: who from the certificate, the rest as last filed."""
    fields = {name: saved.get(name, "") for name in TEXT_FIELDS}
    fields.update(surname=profile.surname or "", name=profile.first_name or "",
                  patronymic=profile.patronymic or "", iin=profile.iin or "",
                  organization=profile.organization or "", bin=profile.bin or "")
    fields["blocking_reason"] = ""
    return fields


def form_problems(fields: dict[str, str], action: Action,
                  confirmed: dict[str, bool] | None = None) -> dict[str, str]:
    """Field → problem code for the form as typed ("required", "invalid", "iin_check",
    "bin_check", "confirm"); empty when it can be filed (R-ACC-2)."""
    problems: dict[str, str] = {}
    data: dict[str, Any] = {name: fields.get(name, "") for name in TEXT_FIELDS}
    data.update({c: True for c in CONFIRMATIONS}, action=action,
                date=now_astana().date().isoformat())
    try:
        ApplicationForm.model_validate(data)
    except ValueError as exc:  # a pydantic ValidationError
        for err in exc.errors():  # type: ignore[attr-defined]
            name = str(err["loc"][0]) if err["loc"] else ""
            empty = not str(data.get(name, "")).strip()
            problems.setdefault(name, "required" if empty else "invalid")
    if "iin" not in problems and not is_valid_iin(data["iin"]):
        problems["iin"] = "iin_check"
    if "bin" not in problems and not is_valid_bin(data["bin"]):
        problems["bin"] = "bin_check"
    if action == "blocking" and not data["blocking_reason"].strip():
        problems["blocking_reason"] = "required"
    for name in CONFIRMATIONS:
        if confirmed is not None and not confirmed.get(name):
            problems[name] = "confirm"
    return problems


def make_form(fields: dict[str, str], action: Action, today: dt.date | None = None,
              order_at: dt.datetime | None = None,
              controller_order: tuple[str, dt.date] | None = None) -> ApplicationForm:
    """The form to file (all three confirmations given: the UI asks for them); a transfer
    names its appointment order's time (R-ACC-10); a controller's registration the head's
    appointing order, number and date (R-CTL-4). DeskError if a field does not fit."""
    bad = form_problems(fields, action)
    if action == "transfer" and order_at is None:
        bad["appointment_order_at"] = "required"
    if bad:
        raise DeskError("application_invalid", detail=", ".join(sorted(bad)))
    data: dict[str, Any] = {name: fields.get(name, "") for name in TEXT_FIELDS}
    if action != "blocking":
        data["blocking_reason"] = ""
    if action == "transfer" and order_at is not None:
        data["appointment_order_at"] = iso(to_astana(order_at))
    if controller_order is not None:
        if action != "registration" or not controller_order[0].strip():
            raise DeskError("application_invalid", detail="role_order_number")
        data.update(role="controller", role_order_number=controller_order[0].strip(),
                    role_order_date=controller_order[1].isoformat())
    data.update({c: True for c in CONFIRMATIONS}, action=action,
                date=(today or now_astana().date()).isoformat())
    return ApplicationForm.model_validate(data)


def transfer_deadline(order_signed: dt.datetime) -> dt.datetime:
    """When the editing application must be filed: 24 hours after the order (R-ACC-5)."""
    return order_signed + TRANSFER_TERM


# English source; the kk/ru texts the form carries are in the catalogues.
_LEAVE_REASON = QT_TRANSLATE_NOOP(
    "application_form", "Blocking my own account because of an absence from the workplace of "
    "more than two months: from {first} to {last}")


def leave_reason(first_day: dt.date, last_day: dt.date, lang: str) -> str:
    """The blocking reason of a leave (R-ACC-8), in the language of the form."""
    return _tr("application_form", _LEAVE_REASON, lang if lang in ("kk", "ru") else "ru",
               first=f"{first_day:%d.%m.%Y}", last=f"{last_day:%d.%m.%Y}")


def leave_problem(first_day: dt.date, last_day: dt.date, today: dt.date | None = None
                  ) -> str | None:
    """Why these leave dates need no (or cannot have a) blocking application, or None."""
    if last_day < first_day:
        return "order"
    if first_day < (today or now_astana().date()):
        return "past"
    if (last_day - first_day).days + 1 < LEAVE_THRESHOLD_DAYS:
        return "short"
    return None


def scan_kind(data: bytes) -> str | None:
    """The MIME type of a scanned copy (PDF, JPEG or PNG: R-ACC-3), or None."""
    return next((kind for magic, kind in SCAN_KINDS.items() if data.startswith(magic)), None)


# --- what this desk filed -------------------------------------------------------------------

FILED_FILE = "applications.json"


@dataclass(frozen=True)
class Filed:
    """One application filed from this desk, as last heard from the gateway."""

    id: int
    action: str
    iin: str
    submitted_at: str
    due_at: str
    state: str = "submitted"
    decided_at: str = ""
    decision: str = ""  # register / refuse / block, as the operator signed it
    reason: str = ""  # the operator's signed reason, in full
    verified: bool = False  # the decision's signature checked against the pinned operator
    note: str = ""  # what this desk adds: the leave's dates, the appointment order's date


def filed(state_dir: Path | None) -> list[Filed]:
    """The applications filed from this desk, newest first; [] if none or unreadable."""
    if state_dir is None:
        return []
    try:
        rows = json.loads((state_dir / FILED_FILE).read_text("utf-8"))
        return sorted((Filed(**row) for row in rows), key=lambda f: -f.id)
    except (OSError, ValueError, TypeError):
        return []


def _keep(state_dir: Path | None, one: Filed) -> None:
    if state_dir is None:
        return
    rows = [f for f in filed(state_dir) if f.id != one.id] + [one]
    state_dir.mkdir(parents=True, exist_ok=True)
    target = state_dir / FILED_FILE
    spare = target.with_suffix(".tmp")
    spare.write_text(json.dumps([asdict(f) for f in rows], ensure_ascii=False), "utf-8")
    spare.replace(target)


# --- the applicant: sign, file, ask -----------------------------------------------------------


def embed(pdf: bytes, files: list[tuple[str, bytes, str]]) -> bytes:
    """`pdf` with `files` (name, data, MIME type) embedded, as an incremental update."""
    from pyhanko.pdf_utils import embed as pdf_embed
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    for name, data, mime in files:
        stream = pdf_embed.EmbeddedFileObject.from_file_data(writer, data, mime_type=mime)
        pdf_embed.embed_file(writer, pdf_embed.FileSpec(file_spec_string=name,
                                                        embedded_data=stream))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


class Applicant:
    """Files App.4 applications with the token's keys and asks for their decisions. Works
    without a gateway session: an applicant for registration has none (R-ACC-2, R-ACC-9)."""

    def __init__(self, token: Token | None, config: DeskConfig,
                 client: GatewayClient | None) -> None:
        self.token, self.config, self.client = token, config, client
        self._pairs: list[KeyPair] | None = None

    @classmethod
    def of(cls, desk: Any) -> Applicant:
        """The applicant behind a Desk (its token, settings and channel); a stand-in desk
        without them gives an applicant whose every call says the token is absent."""
        return cls(getattr(desk, "token", None), desk.config,
                   getattr(desk, "client", None))

    def unlock(self, pin: str | None) -> CertProfile:
        """Log in to the token with `pin` (None: the desk's login is used) and read the
        signing certificate, which prefills the form."""
        from signing.token import pick

        if self.token is None:
            raise DeskError("token_absent")
        try:
            if pin is not None:
                self.token.login(pin)
            self._pairs = self.token.keypairs()
            return pick(self._pairs, "signing").profile
        except PinIncorrect as exc:
            raise DeskError("pin_incorrect", attempts_left=exc.attempts_left) from exc
        except SigningError as exc:
            raise _token_error(exc) from exc

    @property
    def unlocked(self) -> bool:
        return self._pairs is not None

    def lock(self) -> None:
        """Log the token out again (only when it was opened for this paperwork alone)."""
        if self._pairs is None or self.token is None:
            return
        self._pairs = None
        try:
            self.token.logout()
        except SigningError as exc:
            raise _token_error(exc) from exc

    def file(self, form: ApplicationForm, printable: bytes, scan: bytes, scan_name: str,
             note: str = "") -> Filed:
        """Embed the scan and the form in the printable PDF, PAdES-sign the whole with the
        signing key (R-ACC-3), file it and keep its receipt."""
        from signing.pades import sign_pdf

        kind = scan_kind(scan)
        if kind is None:
            raise DeskError("scan_missing")
        if len(scan) > MAX_SCAN_BYTES:
            raise DeskError("application_pdf_invalid",
                            detail=f"the scan is {len(scan) // 1024} KB; at most "
                                   f"{MAX_SCAN_BYTES // 1024} KB")
        pdf = embed(printable, [(scan_name, scan, kind),
                                (APPLICATION_FORM_FILE, form.canonical(), "application/json")])
        try:
            signed = sign_pdf(pdf, self._signer("signing"), reason="Application (App.4)",
                              location=self.config.gateway_url)
        except SigningError as exc:
            raise _token_error(exc) from exc
        submission = ApplicationSubmission(form=form,
                                           pdf=base64.b64encode(signed).decode("ascii"))
        if len(json.dumps(submission.model_dump(mode="json"))) > MAX_BODY_BYTES:
            raise DeskError("application_pdf_invalid", detail="the signed PDF is too large")
        client = self._client()
        receipt = self._channel(lambda: client.submit_application(submission))
        one = Filed(id=receipt.id, action=form.action, iin=form.iin,
                    submitted_at=receipt.submitted_at, due_at=receipt.due_at,
                    state=receipt.state, note=note)
        _keep(self.config.state_dir, one)
        return one

    def refresh(self, one: Filed) -> Filed:
        """Ask the gateway for the application's state with a query signed by the
        authentication key; a decision counts only if the pinned operator signed it."""
        from signing.cms import sign_detached

        query = ApplicationStatusQuery(application_id=one.id, iin=self._iin(),
                                       issued_at=iso(now_astana())).canonical()
        try:
            cms = sign_detached(query, self._signer("authentication"))
        except SigningError as exc:
            raise _token_error(exc) from exc
        client = self._client()
        status = self._channel(lambda: client.application_status(Signed.wrap(query, cms)))
        updated = replace(one, state=status.state, decided_at=status.decided_at or "")
        if status.decision is not None:
            decision = self._operator_signed(status.decision, one.id)
            updated = replace(updated, decision=decision.decision, reason=decision.reason,
                              verified=True)
        _keep(self.config.state_dir, updated)
        return updated

    def _operator_signed(self, signed: Signed, app_id: int) -> Decision:
        """The decision if the pinned operator's signing key signed it for this application."""
        from app.operator_key import operator_signed_answer

        decision = operator_signed_answer(self.config, signed, Decision)
        if decision.application_id != app_id:
            raise DeskError("response_unverified", detail="the decision is for another application")
        return decision

    def _iin(self) -> str:
        from signing.token import pick

        if self._pairs is None:
            raise DeskError("not_logged_in")
        return pick(self._pairs, "authentication").profile.iin or ""

    def _client(self) -> GatewayClient:
        if self.client is None:
            raise DeskError("channel_unreachable", detail="no gateway channel")
        return self.client

    def _signer(self, purpose: Literal["authentication", "signing"]) -> Any:
        from signing.token import pick

        if self._pairs is None or self.token is None:
            raise DeskError("not_logged_in")
        return self.token.signer(pick(self._pairs, purpose))

    def _channel(self, call: Callable[[], T]) -> T:
        from transport.client import ChannelError

        try:
            return call()
        except ChannelError as exc:
            if exc.code.startswith("channel_"):
                raise DeskError("channel_unreachable", detail=str(exc)) from exc
            raise DeskError("refused", code=exc.code, detail=str(exc)) from exc


def _token_error(exc: SigningError) -> DeskError:
    known = {"pin_locked", "token_absent", "no_key_for_purpose", "file_key_forbidden"}
    return DeskError(exc.code if exc.code in known else "token_error", detail=str(exc))


__all__ = [
    "CONFIRMATIONS",
    "DEFAULT_CITY",
    "EDITABLE_BLANKS",
    "FILED_FILE",
    "FROM_CERTIFICATE",
    "LEAVE_THRESHOLD_DAYS",
    "MAX_SCAN_BYTES",
    "PROFILE_FILE",
    "REMEMBERED",
    "TEXT_FIELDS",
    "TRANSFER_TERM",
    "Applicant",
    "Filed",
    "agreement_blanks",
    "agreement_preview",
    "blank_limit",
    "blank_problem",
    "blanks_model",
    "embed",
    "filed",
    "filled_agreement",
    "form_problems",
    "leave_problem",
    "leave_reason",
    "load_profile",
    "make_form",
    "prefill",
    "save_profile",
    "scan_kind",
    "transfer_deadline",
]
