"""Wire models shared by the client and the gateway; the signed bytes are canonical JSON."""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from transport import agreement_form, text
from transport.canonical import canonical_json, sha256_hex
from transport.clock import parse_iso

API_PREFIX = "/v1"
LOGIN_PURPOSE = "sio-login"
MAX_BODY_BYTES = 256 * 1024

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Iin = Annotated[str, StringConstraints(pattern=r"^\d{12}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def canonical(self) -> bytes:
        return canonical_json(self.model_dump(mode="json"))


BASIS_MINIMUM = {"case_number": 1, "legal_ground": 3, "purpose": 5}  # visible letters/digits


class Basis(_Model):
    """Why the analyst asks (R-Q-2): nothing is sent without it, and it must say something —
    NFKC-normalised, no hidden characters, enough visible letters or digits in each field."""

    case_number: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)
    ]
    legal_ground: Text
    purpose: Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=500)]

    @field_validator("case_number", "legal_ground", "purpose", mode="before")
    @classmethod
    def _says_something(cls, value: object, info: ValidationInfo) -> object:
        if not isinstance(value, str):
            return value
        reason = text.problem(value, BASIS_MINIMUM[str(info.field_name)])
        if reason == "text_control":
            raise ValueError("holds control or invisible formatting characters")
        if reason == "text_invisible":
            raise ValueError("holds too few visible letters or digits")
        return text.normalised(value)


class QueryRequest(_Model):
    """One query as the analyst signs it (R-AUTH-5)."""

    version: Literal[1] = 1
    resource: int = Field(ge=1, le=52)
    params: dict[str, Annotated[str, StringConstraints(max_length=200)]]
    basis: Basis
    nonce: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32,64}$")]
    issued_at: str
    user_iin: Iin

    @staticmethod
    def new_nonce() -> str:
        return secrets.token_hex(16)


class Signed(_Model):
    """Canonical payload bytes and a detached CMS over them, both base64."""

    payload: Annotated[str, StringConstraints(max_length=MAX_BODY_BYTES)]
    signature: Annotated[str, StringConstraints(max_length=64 * 1024)]

    @classmethod
    def wrap(cls, payload: bytes, cms_der: bytes) -> Signed:
        return cls(payload=_b64(payload), signature=_b64(cms_der))

    def payload_bytes(self) -> bytes:
        return _unb64(self.payload, "payload")

    def signature_der(self) -> bytes:
        return _unb64(self.signature, "signature")

    def payload_sha256(self) -> str:
        return sha256_hex(self.payload_bytes())


class ResultRecord(_Model):
    """One found record: field name → display value, in the catalogue's field order."""

    fields: dict[str, str]


class QueryResult(_Model):
    """What the operator signs back; it is bound to the request by the request's hash."""

    version: Literal[1] = 1
    request_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    journal_seq: int = Field(ge=1)
    resource: int = Field(ge=1, le=52)
    issued_at: str
    records: list[ResultRecord]
    truncated: bool = False


class Challenge(_Model):
    challenge: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    expires_at: str


class LoginStatement(_Model):
    """What the authentication key signs to log in: the challenge, bound to its purpose."""

    purpose: Literal["sio-login"] = "sio-login"
    challenge: str


class LoginRequest(_Model):
    challenge: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    signature: Annotated[str, StringConstraints(max_length=64 * 1024)]

    def signature_der(self) -> bytes:
        return _unb64(self.signature, "signature")


class UserInfo(_Model):
    iin: Iin
    name: str
    # As the operator registered them (R-ACC-2): the agreement's blanks start from these.
    position: str = ""
    organization: str = ""
    # The registry's role (afm_analyst, controller, operator): which screens the desk offers;
    # the gateway decides what each may do whatever the desk shows ("" from older gateways).
    role: str = ""


class LoginResponse(_Model):
    session: str
    expires_at: str
    user: UserInfo
    # R-AUTH-2/3: the session may only sign the agreement until this is False (older
    # gateways never send it, so the default keeps them readable).
    agreement_required: bool = False


Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Nonce = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32,64}$")]
Digits12 = Annotated[str, StringConstraints(pattern=r"^\d{12}$")]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Phone = Annotated[str, StringConstraints(
    strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ()\-]{5,19}$")]
Email = Annotated[str, StringConstraints(
    strip_whitespace=True, max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
PersonName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
# Why an operator or a controller acts (a refusal, block, sanction, edit).
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
ApplicationAction = Literal["registration", "transfer", "blocking"]
# Integer ids that reach the database (row ids, journal seqs): JSON-safe and within 64 bits.
RowId = Annotated[int, Field(ge=1, le=2**53)]
# The file a signed application PDF embeds: ApplicationForm.canonical(), byte for byte, so the
# applicant's PAdES signature covers the form it travels with (R-ACC-2, R-ACC-3).
APPLICATION_FORM_FILE = "sio-application-form.json"


class AgreementText(_Model):
    """The agreement on rights of use (App.5) in force: its version and both texts."""

    version: int = Field(ge=1)
    sha256_kk: Sha256
    sha256_ru: Sha256
    text_kk: str
    text_ru: str


class AgreementBlanks(_Model):
    """The blanks of the agreement form as the user filled them (2022 App.5, R-AUTH-8)."""

    city: str
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    full_name: str
    position: str

    @field_validator("city", "date", "full_name", "position")
    @classmethod
    def _fits_the_form(cls, value: str, info: ValidationInfo) -> str:
        reason = agreement_form.problem(str(info.field_name), value)
        if reason is not None:
            raise ValueError(f"the blank does not fit the form ({reason})")
        return value


class AgreementStatement(_Model):
    """What the user signs with the signing key to accept the agreement (R-AUTH-2): the
    version's template hashes, the blanks, and both texts filled exactly as they were shown."""

    purpose: Literal["sio-agreement"] = "sio-agreement"
    version: int = Field(ge=1)
    sha256_kk: Sha256
    sha256_ru: Sha256
    blanks: AgreementBlanks
    text_kk: Annotated[str, StringConstraints(max_length=64 * 1024)]
    text_ru: Annotated[str, StringConstraints(max_length=64 * 1024)]
    iin: Iin
    signed_at: str

    @classmethod
    def filled(cls, text: AgreementText, blanks: AgreementBlanks, iin: str,
               signed_at: str) -> AgreementStatement:
        """The statement over `text` with its blanks filled (ValueError if they do not fit)."""
        values = blanks.model_dump()
        return cls(version=text.version, sha256_kk=text.sha256_kk, sha256_ru=text.sha256_ru,
                   blanks=blanks, text_kk=agreement_form.fill(text.text_kk, "kk", values),
                   text_ru=agreement_form.fill(text.text_ru, "ru", values), iin=iin,
                   signed_at=signed_at)


class AgreementReceipt(_Model):
    version: int
    signed_at: str
    journal_seq: int


class ApplicationForm(_Model):
    """The electronic application (2022 App.4, 2017 App.2; R-ACC-2) as the applicant files it."""

    version: Literal[1] = 1
    action: ApplicationAction
    surname: PersonName
    name: PersonName
    patronymic: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] = ""
    iin: Digits12
    organization: Short
    organization_code: Annotated[str, StringConstraints(
        strip_whitespace=True, pattern=r"^[0-9A-Za-z\-]{1,20}$")]  # ЕРДР organisation code
    bin: Digits12
    unit: Short
    position: Short
    work_phone: Phone
    mobile_phone: Phone
    email: Email
    work_address: Text
    blocking_reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] = ""
    # R-ACC-10: a transfer names when its appointment order was signed (ISO, with its offset),
    # so the 24 hours of R-ACC-5 can be checked; empty for the other actions.
    appointment_order_at: Annotated[str, StringConstraints(max_length=40)] = ""
    # R-CTL-4: the agency's head appoints departmental controllers by an order; a controller's
    # registration names the role and that order (number, YYYY-MM-DD date).
    role: Literal["afm_analyst", "controller"] = "afm_analyst"
    role_order_number: Annotated[str, StringConstraints(strip_whitespace=True,
                                                        max_length=40)] = ""
    role_order_date: Annotated[str, StringConstraints(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = ""
    agreement_read: bool
    eds_on_protected_carrier: bool
    personal_data_consent: bool
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    head_position: Short
    head_name: Short

    @field_validator("surname", "name", "patronymic")
    @classmethod
    def _letters(cls, value: str) -> str:
        if any(not (c.isalpha() or c in " -'’") for c in value):
            raise ValueError("a name holds letters, spaces, hyphens and apostrophes only")
        return value

    def sha256(self) -> str:
        """The SHA-256 of the canonical form: what the signed PDF embeds must hash to this."""
        return sha256_hex(self.canonical())


class ApplicationSubmission(_Model):
    """The form (validated) and the applicant's PAdES-signed PDF with the scan (R-ACC-3).

    The PDF embeds the form itself as the file APPLICATION_FORM_FILE (its canonical JSON), and
    its last signature covers the whole file: the gateway accepts the form only if the embedded
    one hashes the same, the signature is fresh, and the signed PDF was never accepted before."""

    form: ApplicationForm
    pdf: Annotated[str, StringConstraints(min_length=1, max_length=MAX_BODY_BYTES)]

    def pdf_bytes(self) -> bytes:
        return _unb64(self.pdf, "pdf")


class ApplicationReceipt(_Model):
    id: int
    state: str
    submitted_at: str
    due_at: str
    journal_seq: int


class ApplicationStatusQuery(_Model):
    """What the applicant signs with the authentication key to learn the operator's decision
    on their application (R-ACC-9): no session is needed, the applicant may not be registered."""

    purpose: Literal["sio-application-status"] = "sio-application-status"
    application_id: RowId
    iin: Iin
    issued_at: str


class ApplicationStatus(_Model):
    """An application's state as its applicant sees it; `decision` is the operator-signed
    Decision (its canonical bytes and the operator's CMS) once decided (R-ACC-4, R-ACC-9)."""

    id: int
    iin: str
    action: ApplicationAction
    state: Literal["submitted", "registered", "refused"]
    submitted_at: str
    due_at: str
    decided_at: str | None = None
    decision: Signed | None = None


class ApplicationSummary(_Model):
    """One application as the operator lists it; `overdue` past the one-day deadline (R-ACC-4)."""

    id: int
    iin: str
    action: ApplicationAction
    full_name: str
    organization: str
    state: Literal["submitted", "registered", "refused"]
    submitted_at: str
    due_at: str
    overdue: bool
    decided_at: str | None = None


class ApplicationList(_Model):
    applications: list[ApplicationSummary]


class PdfSignatureView(_Model):
    """One signature of an application PDF as the gateway checked it when the operator opened it."""

    signer: str
    signer_iin: str | None
    status: Literal["valid", "invalid", "untrusted", "revoked", "expired", "unsupported"]
    reason: str
    whole_document: bool
    signed_at: str | None


class ApplicationDetail(ApplicationSummary):
    """One application as the operator opens it (R-ACC-4, 2022 §6): the form, the signed PDF as
    filed and the scans it embeds (base64), and the gateway's check of its signatures now."""

    form: dict[str, Any]
    signer_iin: str
    pdf: str
    scans: list[str]
    pdf_status: Literal["valid", "invalid", "untrusted", "revoked", "expired", "unsupported"]
    pdf_reason: str
    signatures: list[PdfSignatureView]


class OperatorSanction(_Model):
    """What the operator signs to impose a sanction of App.5 §17: access suspended until a date
    (Astana; access returns at its start), closed, or the account record deleted."""

    purpose: Literal["sio-sanction"] = "sio-sanction"
    iin: Iin
    sanction: Literal["suspension", "closure", "deletion"]
    until: Annotated[str, StringConstraints(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = ""
    reason: Reason
    nonce: Nonce
    issued_at: str
    operator_iin: Iin


class SanctionRecord(_Model):
    """The sanction as the gateway signs it with the operator's key."""

    version: Literal[1] = 1
    iin: Iin
    sanction: Literal["suspension", "closure", "deletion"]
    until: str
    reason: str
    decided_at: str
    operator_iin: str


class OperatorUserEdit(_Model):
    """What the operator signs to change a user's registry fields (2022 §4–7: position,
    organisation, role); each signed field is the new value."""

    purpose: Literal["sio-user-edit"] = "sio-user-edit"
    iin: Iin
    position: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                               max_length=300)]
    organization: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                   max_length=300)]
    role: Literal["afm_analyst", "controller", "operator"]
    reason: Reason
    nonce: Nonce
    issued_at: str
    operator_iin: Iin


class UserEdited(_Model):
    """The edit as the gateway signs it with the operator's key: the fields before and after."""

    version: Literal[1] = 1
    iin: Iin
    position: str
    organization: str
    role: str
    before: dict[str, str]
    reason: str
    decided_at: str
    operator_iin: str


class UserRow(_Model):
    """One user as the operator's console lists them: the state as admitted now (a suspension
    past its date reads registered) and, while one applies, the newest sanction."""

    iin: str
    name: str
    organization: str
    role: str
    state: str
    agreement_signed: bool
    position: str = ""
    sanction: str = ""
    until: str = ""
    reason: str = ""
    # The newest signed self-check of their workstation (2022 §4, App.3), if any.
    attested_at: str = ""
    attestation: str = ""  # PASS, FAIL or UNDETERMINED
    attestation_not_passed: list[str] = []
    # Whether it meets the gateway's policy now (gateway.attestation): "ok", or why not —
    # missing, failed, undetermined, stale ("" from a gateway before the policy).
    attestation_standing: str = ""


class UserList(_Model):
    users: list[UserRow]
    attestation_required: bool = False  # the policy refuses queries of who does not meet it



class AttestationStatement(_Model):
    """What a user signs about their workstation (2022 §4: access depends on App.3's
    requirements): the self-check's verdict, where and when it ran, the checks that did not
    pass, and the SHA-256 of the whole report; sent when it changes."""

    purpose: Literal["sio-attestation"] = "sio-attestation"
    overall: Literal["PASS", "FAIL", "UNDETERMINED"]
    profile: Annotated[str, StringConstraints(max_length=20)]
    partial: bool
    host: Annotated[str, StringConstraints(max_length=255)]
    system: Annotated[str, StringConstraints(max_length=255)]
    checked_at: str
    not_passed: Annotated[list[Annotated[str, StringConstraints(max_length=64)]],
                          Field(max_length=64)]
    report_sha256: Sha256
    nonce: Nonce
    issued_at: str
    user_iin: Iin


class AttestationReceipt(_Model):
    journal_seq: int

class OperatorDecision(_Model):
    """What the operator signs to register or refuse an application (R-ACC-4)."""

    purpose: Literal["sio-decision"] = "sio-decision"
    application_id: RowId
    decision: Literal["register", "refuse"]
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)] = ""
    nonce: Nonce
    issued_at: str
    operator_iin: Iin


class OperatorBlock(_Model):
    """What the operator or controller signs to block a user at once (R-ACC-7, R-CTL-2)."""

    purpose: Literal["sio-block"] = "sio-block"
    iin: Iin
    reason: Reason
    nonce: Nonce
    issued_at: str
    operator_iin: Iin


class OperatorUnblock(_Model):
    """What the operator signs to undo a block (a wrongful one, or on return: R-ACC-7)."""

    purpose: Literal["sio-unblock"] = "sio-unblock"
    iin: Iin
    reason: Reason
    nonce: Nonce
    issued_at: str
    operator_iin: Iin


class JournalExportRequest(_Model):
    """What the operator signs to seal the journal's open segment and take the archive
    (R-LOG-1, R-CTL-3): journaled before the seal, so the archive names who exported it."""

    purpose: Literal["sio-journal-export"] = "sio-journal-export"
    nonce: Nonce
    issued_at: str
    operator_iin: Iin


class Decision(_Model):
    """The decision as the gateway signs it with the operator's key (R-ACC-4)."""

    version: Literal[1] = 1
    application_id: int | None
    iin: Iin
    action: ApplicationAction | Literal["unblocking"]
    decision: Literal["register", "refuse", "block", "unblock"]
    reason: str
    decided_at: str
    operator_iin: str | None


DispositionAction = Literal["printed", "exported", "printed_and_exported",
                            "destroyed_unattached"]
ATTACHED_ACTIONS = frozenset({"printed", "exported", "printed_and_exported"})
EXPORTED_ACTIONS = frozenset({"exported", "printed_and_exported"})
PRINTOUT_MISSING = "printout_missing"  # the validation error type of an exported printout


class DispositionStatement(_Model):
    """What the analyst signs once a result has left the vault (R-RES-1): attached or destroyed.

    Only metadata travels: the query's journal seq and request hash, the material it was attached
    to, how, the exported printout's hash and when the local copy was destroyed."""

    purpose: Literal["sio-disposition"] = "sio-disposition"
    # None when the answer never reached the workstation's disk (the client died in between):
    # the gateway then finds the user's query by its hash around `asked_at`.
    journal_seq: int | None = Field(default=None, ge=1, le=2**53)
    request_sha256: Sha256
    asked_at: str | None = Field(default=None, validate_default=True, max_length=40)
    case_number: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    action: DispositionAction
    printout_sha256: Sha256 | None = Field(default=None, validate_default=True)
    destroyed_at: str
    nonce: Nonce
    issued_at: str
    user_iin: Iin

    @field_validator("asked_at")
    @classmethod
    def _asked_at_names_the_query(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and info.data.get("journal_seq") is None:
            raise ValueError("without journal_seq the query is named by asked_at")
        return value

    @field_validator("printout_sha256")
    @classmethod
    def _printout_matches_action(cls, value: str | None, info: ValidationInfo) -> str | None:
        action = info.data.get("action")
        if action in EXPORTED_ACTIONS and value is None:
            # Its own error type: the gateway answers it with its own code (printout_missing).
            raise PydanticCustomError(PRINTOUT_MISSING, "an exported printout needs its SHA-256")
        if action == "destroyed_unattached" and value is not None:
            raise ValueError("a result destroyed unattached has no printout")
        return value


class DispositionReceipt(_Model):
    """The gateway's answer: the disposition is in the journal at `journal_seq`."""

    query_seq: int
    journal_seq: int
    action: DispositionAction


# --- the operator's writes: maintenance notices and the emergency journal (R-Q-3, R-OPS-1) ---
# What is stored must stay readable (issue 9, hole 2): every time is ISO 8601 with an offset
# within -12:00..+14:00 in whole minutes, between 2000 and 2099; every resource list is distinct
# numbers 1..52. `resources: null` means all resources, `[]` none.

TIME_MIN = datetime(2000, 1, 1, tzinfo=UTC)
TIME_MAX = datetime(2100, 1, 1, tzinfo=UTC)
OFFSET_MIN, OFFSET_MAX = timedelta(hours=-12), timedelta(hours=14)  # the offsets in use
EmergencySection = Literal["server_damage", "premises_damage", "fire_alarm", "air_conditioning",
                           "power_failure", "flooding"]  # the six of 2022 App.6


def sane_time(value: object) -> datetime:
    """An ISO 8601 time with a real-world offset between 2000 and 2099; ValueError otherwise."""
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError("a time is an ISO 8601 string")
    moment = parse_iso(value)
    offset = moment.utcoffset()
    if offset is None or not OFFSET_MIN <= offset <= OFFSET_MAX or offset % timedelta(
            minutes=1):
        raise ValueError("the offset is not within -12:00..+14:00 in whole minutes")
    try:
        utc = moment.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("the time is out of range") from exc
    if not TIME_MIN <= utc < TIME_MAX:
        raise ValueError("the time is not between 2000 and 2099")
    return moment


def sane_resources(value: object) -> list[int] | None:
    """None (all resources) or distinct resource numbers 1..52; ValueError otherwise."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) > 52 or any(
            type(r) is not int or not 1 <= r <= 52 for r in value):
        raise ValueError("resources are numbers 1..52")
    if len(set(value)) != len(value):
        raise ValueError("a resource is listed twice")
    return list(value)


def _sane_time_text(value: str) -> str:
    sane_time(value)  # ValueError → time_invalid at the gateway
    return value


# Strict: true and 1.0 are not resource numbers; at most the 52 there are.
_Resources = Annotated[list[Annotated[int, Field(strict=True, ge=1, le=52)]],
                       Field(max_length=52)] | None
OPERATION_TIME_FIELDS = frozenset({"issued_at", "starts_at", "ends_at", "started_at",
                                   "ended_at"})


class OperatorWrite(_Model):
    """What every operator write carries besides its own fields: single use and its time."""

    nonce: Annotated[str, StringConstraints(min_length=16, max_length=64)]
    issued_at: str


class NoticeIn(OperatorWrite):
    """Planned technical works announced to users (R-Q-3)."""

    op: Literal["notice"] = "notice"
    title_kk: Text
    title_ru: Text
    starts_at: str
    ends_at: str
    resources: _Resources = None

    _times = field_validator("starts_at", "ends_at", "issued_at")(_sane_time_text)
    _resources = field_validator("resources")(sane_resources)


class EmergencyIn(OperatorWrite):
    """One row of the emergency journal as opened (R-OPS-1)."""

    op: Literal["emergency"] = "emergency"
    section: EmergencySection
    actions: Text
    max_time_min: Annotated[int, Field(ge=1, le=100_000)]  # "required time (max)"
    responsible: Text
    started_at: str
    resources: _Resources = None

    _times = field_validator("started_at", "issued_at")(_sane_time_text)
    _resources = field_validator("resources")(sane_resources)


class EmergencyClose(OperatorWrite):
    """The end date-time of an emergency row, recorded later."""

    op: Literal["emergency_close"] = "emergency_close"
    entry_seq: RowId
    ended_at: str
    actions: Text | None = None

    _times = field_validator("ended_at", "issued_at")(_sane_time_text)


class ReviewStatement(_Model):
    """What a departmental controller signs on reviewing the "Reports" of a period (R-CTL-1,
    2022 §21): the period, the SHA-256 of the report document reviewed, what it held, a note."""

    purpose: Literal["sio-review"] = "sio-review"
    period_from: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    period_to: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    report_sha256: Sha256
    requests: int = Field(ge=0, le=2**53)
    anomalies: int = Field(ge=0, le=2**53)
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""
    nonce: Nonce
    issued_at: str
    controller_iin: Iin


class ReviewReceipt(_Model):
    journal_seq: int
    reviewed_at: str


class ReviewState(_Model):
    """When the agency's reports were last reviewed, and whether a review is due (R-CTL-1: at
    least monthly)."""

    last_reviewed_at: str | None
    last_reviewer_iin: str | None
    period_from: str | None
    period_to: str | None
    days_since: int | None
    due: bool


class BlockNotice(_Model):
    """Why the signed-in user is blocked (2022 §17: the user is told), for a session opened
    before the block: the newest block's reason as the controller or operator wrote it."""

    reason: str | None


class TrailEntry(_Model):
    """One journal entry of a request's trail, with what the gateway found checking it."""

    seq: int
    kind: str
    at: str
    actor_iin: str | None
    cert_serial: str | None
    request_sha256: str | None
    response_sha256: str | None
    hash: str
    chain_ok: bool  # the entry's hash is its fields' hash over the previous entry's
    signature: Literal["valid", "invalid", "none"]  # what its actor signed, re-verified
    signature_detail: str
    detail: dict[str, Any]


class RequestTrail(_Model):
    """A request and the entries that followed it (its disposition), for the controller."""

    seq: int
    entries: list[TrailEntry]


class Problem(BaseModel):
    """RFC 9457 problem details; `code` is the stable machine-readable reason."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    code: str
    detail: str = ""

    @field_validator("code")
    @classmethod
    def _code_shape(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
            raise ValueError("problem code must be snake_case")
        return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"{what} is not valid base64") from exc
