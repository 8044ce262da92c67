"""Every signed command that crosses the wire, declared once (DESIGN "Signed commands").

A command says what the signed bytes are (its payload model, in canonical JSON), which key must
sign them (the key purpose), who may send it (roles; the agreement; a block), how it is made
single-use and fresh (its nonce field and its time field, within the gateway's nonce window),
the journal kind it is recorded under, and whether the gateway's answer is operator-signed.
The gateway runs every command with a session and a detached CMS through one pipeline
(gateway.pipeline); login (a challenge signed by the authentication key) and the application (a
PAdES-signed PDF, no session) keep their own paths but are declared here too, so the journal's
signed kinds are listed in one place (SIGNED_KINDS, which `journal verify` re-verifies).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from transport.canonical import canonical_json
from transport.errors import ErrorCode
from transport.protocol import (
    OPERATION_TIME_FIELDS,
    PRINTOUT_MISSING,
    AgreementStatement,
    ApplicationSubmission,
    AttestationStatement,
    DispositionStatement,
    EmergencyClose,
    EmergencyIn,
    JournalExportRequest,
    LoginStatement,
    NoticeIn,
    OperatorBlock,
    OperatorDecision,
    OperatorSanction,
    OperatorUnblock,
    OperatorUserEdit,
    QueryRequest,
    ReviewStatement,
)

# Roles of the registry (R-ACC-1, R-CTL-1, R-ACC-4).
ANALYST = "afm_analyst"
CONTROLLER = "controller"
OPERATOR = "operator"

KeyPurpose = Literal["signing", "authentication"]
SignatureFormat = Literal["cms", "pades"]
M = TypeVar("M", bound=BaseModel)
# Which refusal a payload that is JSON but not the command's model gets, from pydantic's errors
# (None: the command's `invalid` code).
Refine = Callable[[Sequence[ErrorDetails]], ErrorCode | None]


@dataclass(frozen=True)
class Command(Generic[M]):
    """One signed command (see the module's text)."""

    name: str  # the endpoint name journaled with its refusals
    path: str  # under API_PREFIX
    model: type[M]  # the signed payload
    purpose: KeyPurpose  # the key that must sign it
    journal_kind: str  # the kind of its journal entry
    # None: any registered user the two rules below admit; else the registry roles that may.
    roles: frozenset[str] | None = None
    agreement_first: bool = True  # the agreement on rights of use must be signed first
    while_blocked: bool = False  # a blocked user may still send it
    signer_field: str | None = None  # the payload field that must name the signer's IIN
    nonce_field: str | None = "nonce"  # single use per signer (the nonces table); None: none
    # The payload's own time, which must lie within the gateway's nonce window of its clock.
    time_field: str | None = "issued_at"
    answer_signed: bool = False  # the answer is a Signed body by the operator's key
    session: bool = True  # sent within a live session (the signer is its user)
    signature: SignatureFormat = "cms"  # a detached CMS in Signed; or the PDF's own (PAdES)
    malformed: ErrorCode = ErrorCode.MALFORMED_REQUEST  # not JSON, not canonical, a bad time
    invalid: ErrorCode = ErrorCode.MALFORMED_REQUEST  # JSON, but not the model
    refine: Refine | None = field(default=None, compare=False)
    # The operator's writes have always let their sender leave out fields that have a default
    # (`op`, `resources`); their shapes are disjoint, so no write can pass for another. Every
    # other payload spells every field, its `purpose` above all.
    defaults_optional: bool = False

    def canonical(self, payload: M) -> bytes:
        """The canonical form of a parsed payload: canonical JSON of its fields (of those its
        sender set, where defaults are optional). Any other byte string — spacing, key order,
        escapes, a default left out, text that is not normalised — is refused."""
        return canonical_json(payload.model_dump(mode="json",
                                                 exclude_unset=self.defaults_optional))

    def refusal_for(self, errors: Sequence[ErrorDetails]) -> ErrorCode:
        """The code for a payload that is JSON but fails the model with `errors`."""
        return (self.refine(errors) if self.refine else None) or self.invalid

    def signer_of(self, payload: M) -> str | None:
        return None if self.signer_field is None else str(getattr(payload, self.signer_field))

    def nonce_of(self, payload: M) -> str | None:
        return None if self.nonce_field is None else str(getattr(payload, self.nonce_field))

    def time_of(self, payload: M) -> str | None:
        return None if self.time_field is None else str(getattr(payload, self.time_field))


def _basis(errors: Sequence[ErrorDetails]) -> ErrorCode | None:
    # R-Q-2: a missing or empty basis has its own code; nothing is sent without one.
    return ErrorCode.BASIS_MISSING if any(e["loc"][:1] == ("basis",) for e in errors) else None


def _printout(errors: Sequence[ErrorDetails]) -> ErrorCode | None:
    return ErrorCode.PRINTOUT_MISSING if any(
        e["type"] == PRINTOUT_MISSING for e in errors) else None


def _stored_values(errors: Sequence[ErrorDetails]) -> ErrorCode | None:
    # Issue 9, hole 2: a bad time or resource list has its own code (the first error decides).
    where = str(errors[0]["loc"][0]) if errors and errors[0]["loc"] else ""
    if where in OPERATION_TIME_FIELDS:
        return ErrorCode.TIME_INVALID
    if where == "resources":
        return ErrorCode.RESOURCES_INVALID
    return None


QUERY: Command[QueryRequest] = Command(
    "query", "/queries", QueryRequest, "signing", "query", signer_field="user_iin",
    answer_signed=True, refine=_basis)
AGREEMENT: Command[AgreementStatement] = Command(
    "agreement", "/agreement/signature", AgreementStatement, "signing", "agreement",
    agreement_first=False, signer_field="iin", nonce_field=None, time_field="signed_at")
DISPOSITION: Command[DispositionStatement] = Command(
    "disposition", "/dispositions", DispositionStatement, "signing", "disposition",
    # A blocked user still reports what became of a result obtained before the block (and a
    # user whose agreement lapsed): only their own answered queries can be named.
    agreement_first=False, while_blocked=True, signer_field="user_iin",
    malformed=ErrorCode.DISPOSITION_MALFORMED, invalid=ErrorCode.DISPOSITION_MALFORMED,
    refine=_printout)
DECISION: Command[OperatorDecision] = Command(
    "decision", "/operator/decisions", OperatorDecision, "signing", "decision",
    roles=frozenset({OPERATOR}), signer_field="operator_iin", answer_signed=True)
# Whom a controller may block (their own organisation's users) is the handler's rule.
BLOCK: Command[OperatorBlock] = Command(
    "block", "/operator/blocks", OperatorBlock, "signing", "block",
    roles=frozenset({OPERATOR, CONTROLLER}), signer_field="operator_iin", answer_signed=True)
UNBLOCK: Command[OperatorUnblock] = Command(
    "unblock", "/operator/unblocks", OperatorUnblock, "signing", "unblock",
    roles=frozenset({OPERATOR}), signer_field="operator_iin", answer_signed=True)
# App.5 §17: suspension until a date, closure, deletion (gateway.sanctions).
SANCTION: Command[OperatorSanction] = Command(
    "sanction", "/operator/sanctions", OperatorSanction, "signing", "sanction",
    roles=frozenset({OPERATOR}), signer_field="operator_iin", answer_signed=True)
# 2022 §4–7: the operator's change of a user's position, organisation or role
# (gateway.user_edits).
USER_EDIT: Command[OperatorUserEdit] = Command(
    "user_edit", "/operator/users/edits", OperatorUserEdit, "signing", "user_edit",
    roles=frozenset({OPERATOR}), signer_field="operator_iin", answer_signed=True)
# 2022 §4, App.3: a user's signed self-check of their workstation (gateway.attestation); sent
# before the agreement too (at the first entry), and while blocked it is of no use.
ATTESTATION: Command[AttestationStatement] = Command(
    "attestation", "/attestations", AttestationStatement, "signing", "attestation",
    agreement_first=False, signer_field="user_iin")
NOTICE: Command[NoticeIn] = Command(
    "notice", "/notices", NoticeIn, "signing", "notice", roles=frozenset({OPERATOR}),
    invalid=ErrorCode.REQUEST_INVALID, refine=_stored_values, defaults_optional=True)
EMERGENCY: Command[EmergencyIn] = Command(
    "emergency", "/emergency", EmergencyIn, "signing", "emergency", roles=frozenset({OPERATOR}),
    invalid=ErrorCode.REQUEST_INVALID, refine=_stored_values, defaults_optional=True)
EMERGENCY_CLOSE: Command[EmergencyClose] = Command(
    "emergency_close", "/emergency/close", EmergencyClose, "signing", "emergency_closed",
    roles=frozenset({OPERATOR}), invalid=ErrorCode.REQUEST_INVALID, refine=_stored_values,
    defaults_optional=True)
# R-LOG-1, R-CTL-3: the operator seals the open segment and takes the archive
# (gateway.journal_export); the answer is the archive itself, its checkpoints operator-signed.
JOURNAL_EXPORT: Command[JournalExportRequest] = Command(
    "journal_export", "/operator/journal/export", JournalExportRequest, "signing", "export",
    roles=frozenset({OPERATOR}), signer_field="operator_iin")
# R-CTL-1: a departmental controller's signed review of the period's "Reports".
REVIEW: Command[ReviewStatement] = Command(
    "review", "/control/reviews", ReviewStatement, "signing", "review",
    roles=frozenset({CONTROLLER}), signer_field="controller_iin", answer_signed=False)

# Their own paths: the challenge is the nonce (issued by the gateway, used once, expiring); the
# application's PDF signature is used once and must be made within 24 h before filing, and who
# may file which application (R-ACC-6, R-ACC-8) is the applications handler's rule.
LOGIN: Command[LoginStatement] = Command(
    "login", "/auth/login", LoginStatement, "authentication", "login", agreement_first=False,
    nonce_field="challenge", time_field=None, session=False)
APPLICATION: Command[ApplicationSubmission] = Command(
    "application", "/applications", ApplicationSubmission, "signing", "application",
    agreement_first=False, while_blocked=True, nonce_field=None, time_field=None,
    session=False, signature="pades")

COMMANDS: tuple[Command[Any], ...] = (
    QUERY, AGREEMENT, DISPOSITION, DECISION, BLOCK, UNBLOCK, SANCTION, USER_EDIT, ATTESTATION,
    NOTICE, EMERGENCY, EMERGENCY_CLOSE, REVIEW, JOURNAL_EXPORT, LOGIN, APPLICATION)
# The journal kinds whose entries carry what their actor signed (detail "request" and
# "signature" for a CMS; "pdf" for an application): `journal verify` re-verifies each of them.
# Every other kind (refusal, read, logout, fault, outage) is covered by the hash chain and the
# checkpoints only. A "decision" or "block" the gateway made itself on a blocking application
# has no actor and carries no signature: the application entry before it is the signed one.
SIGNED_KINDS: dict[str, Command[Any]] = {c.journal_kind: c for c in COMMANDS}
if len(SIGNED_KINDS) != len(COMMANDS):  # pragma: no cover - a declaration slip
    raise RuntimeError("two signed commands share a journal kind")

__all__ = [
    "AGREEMENT", "ANALYST", "APPLICATION", "ATTESTATION", "BLOCK", "COMMANDS", "CONTROLLER",
    "DECISION",
    "DISPOSITION", "EMERGENCY", "EMERGENCY_CLOSE", "JOURNAL_EXPORT", "LOGIN", "NOTICE",
    "OPERATOR", "QUERY",
    "REVIEW", "SANCTION", "SIGNED_KINDS", "UNBLOCK", "USER_EDIT", "Command", "KeyPurpose",
]
