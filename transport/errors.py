"""Every wire error code, once: its HTTP status and English title (RFC 9457 `code`, `status`,
`title`). The codes are a contract between the gateway and the desk: never rename one.

`internal` marks the codes a correct desk never provokes (a body that is not JSON, a route that
does not exist): the desk shows them with its generic "the gateway refused (code)" text. Every
other code has its own kk/ru/en text in app/messages.py (tests/app/test_messages.py checks it).
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """A wire error code; `status` and `english` (the problem's title) travel with it."""

    status: int
    english: str
    internal: bool

    def __new__(cls, code: str, status: int, english: str, internal: bool = False
                ) -> ErrorCode:
        member = str.__new__(cls, code)
        member._value_ = code
        member.status, member.english, member.internal = status, english, internal
        return member

    # The request as it arrives (body, shape, size, deadline).
    MALFORMED_JSON = "malformed_json", 400, "The body is not JSON", True
    REQUEST_INVALID = ("request_invalid", 422, "The body does not match the expected shape",
                       True)
    BODY_TOO_LARGE = "body_too_large", 413, "The body is too large", True
    MALFORMED_REQUEST = ("malformed_request", 400, "The signed payload is not a canonical query",
                         True)
    BASIS_MISSING = "basis_missing", 422, "The query has no basis"
    PARAM_INVALID = "param_invalid", 422, "A query parameter is invalid"
    RESOURCE_UNAVAILABLE = "resource_unavailable", 404, "The resource is not available"
    RESOURCE_NOT_ALLOWED = ("resource_not_allowed", 403,
                            "The resource is not allowed for the user's role")
    # Login, signatures and certificates (signing.errors codes map here: gateway.problems).
    CHALLENGE_INVALID = ("challenge_invalid", 401,
                         "The login challenge is unknown, used or expired")
    SIGNATURE_INVALID = "signature_invalid", 401, "The signature does not verify"
    SIGNATURE_UNSUPPORTED = "signature_unsupported", 401, "The signature algorithm is not supported"
    CERTIFICATE_UNTRUSTED = ("certificate_untrusted", 401,
                             "The certificate does not chain to a trusted authority")
    CERTIFICATE_EXPIRED = "certificate_expired", 401, "The certificate has expired"
    CERTIFICATE_NOT_YET_VALID = "certificate_not_yet_valid", 401, "The certificate is not valid yet"
    CERTIFICATE_REVOKED = "certificate_revoked", 401, "The certificate is revoked"
    # Revocation fails closed (signing.trust, hard_fail): no fresh CRL and no good OCSP answer.
    CERTIFICATE_REVOCATION_UNKNOWN = (
        "certificate_revocation_unknown", 401,
        "The certificate's revocation status cannot be established (no fresh CRL or OCSP answer)")
    WRONG_KEY_USAGE = "wrong_key_usage", 401, "The key is not meant for this purpose"
    # Who: the registry, the session, the signer.
    NOT_REGISTERED = "not_registered", 403, "The user is not registered"
    USER_BLOCKED = "user_blocked", 403, "The user is blocked"
    BLOCKED_OWN_REQUEST = ("blocked_own_request", 403,
                           "The account is blocked at the user's own request")  # R-ACC-8
    NO_AGREEMENT = "no_agreement", 403, "The user has not signed the agreement"
    SESSION_INVALID = "session_invalid", 401, "The session is unknown or expired"
    SESSION_REVOKED = ("session_revoked", 401,
                       "The session ended: its login certificate has been revoked")
    IIN_MISMATCH = "iin_mismatch", 403, "The signer is not the logged-in user"
    # When: single use and the clock.
    NONCE_REPLAYED = "nonce_replayed", 409, "The request was already received"
    CLOCK_SKEW = "clock_skew", 400, "The request time is too far from the operator's clock"
    # R-Q-3: downtime announced on the portal or recorded in the emergency journal.
    MAINTENANCE = "maintenance", 503, "The resource is down for announced technical works"
    EMERGENCY_DOWNTIME = ("emergency_downtime", 503,
                          "The resource is down by an emergency in the emergency journal")
    # 2022 §4, App.3 (gateway.attestation): the deployment's policy needs a passing, fresh,
    # complete self-check signed with the certificate in use; the detail says what is wrong.
    WORKSTATION_NOT_ATTESTED = ("workstation_not_attested", 403,
                                "The workstation's self-check does not meet the access policy")
    OPERATOR_ONLY = "operator_only", 403, "Only the operator may do this"
    CONTROLLER_ONLY = "controller_only", 403, "Only a controller or the operator may see reports"
    EMERGENCY_NOT_OPEN = "emergency_not_open", 409, "No open emergency journal row with that number"
    # R-ACC-2..8, R-AUTH-2: applications, decisions, blocks and the agreement.
    APPLICATION_INVALID = ("application_invalid", 422,
                           "A field of the application is missing or malformed")
    IIN_INVALID = "iin_invalid", 422, "The IIN fails its check digit"
    BIN_INVALID = "bin_invalid", 422, "The BIN fails its check digit"
    CONFIRMATION_MISSING = ("confirmation_missing", 422,
                            "All three confirmations of the application are required")
    BLOCKING_REASON_MISSING = ("blocking_reason_missing", 422,
                               "A blocking application needs its reason")
    APPLICATION_DATE_INVALID = ("application_date_invalid", 422,
                                "The application date is in the future or out of date")
    APPLICATION_PDF_INVALID = ("application_pdf_invalid", 422,
                               "The application PDF is unreadable or not signed")
    SCAN_MISSING = "scan_missing", 422, "The signed PDF carries no scanned paper copy"
    APPLICANT_MISMATCH = "applicant_mismatch", 403, "The PDF is not signed by the applicant"
    ALREADY_REGISTERED = "already_registered", 409, "This IIN is already registered"
    APPLICATION_NOT_FOUND = "application_not_found", 404, "No such application"
    APPLICATION_DECIDED = "application_decided", 409, "The application is already decided"
    REFUSAL_REASON_MISSING = "refusal_reason_missing", 422, "A refusal needs its reason"
    # Issue 9, holes 1 and 6: the signed PDF carries its form, is fresh and used once; who may
    # block whom (R-ACC-6, R-ACC-8); the last operator stays; the operator can unblock.
    APPLICATION_FORM_MISMATCH = ("application_form_mismatch", 422,
                                 "The signed PDF does not carry this form")
    APPLICATION_SIGNATURE_STALE = ("application_signature_stale", 422,
                                   "The application PDF was not signed just before filing")
    APPLICATION_REPLAYED = ("application_replayed", 409,
                            "This signed application was already filed")
    BLOCKING_NOT_ALLOWED = ("blocking_not_allowed", 403,
                            "Only the user, their controller or the operator may block")
    LAST_OPERATOR = "last_operator", 409, "The last active operator cannot be blocked"
    NOT_BLOCKED = "not_blocked", 409, "The user is not blocked"
    # Issue 9, hole 2: what an operator stores must stay readable (R-Q-3, R-OPS-1).
    TIME_INVALID = ("time_invalid", 422,
                    "A time is not ISO 8601 with a valid offset within 2000..2099")
    RESOURCES_INVALID = ("resources_invalid", 422,
                         "Resources are distinct numbers 1..52, at most 52 of them")
    AGREEMENT_MISMATCH = ("agreement_mismatch", 409,
                          "The signed agreement is not the version in force")
    AGREEMENT_ALREADY_SIGNED = ("agreement_already_signed", 409,
                                "This version of the agreement is already signed")
    # R-RES-1: the signed disposition of a query's result (attached to material, or destroyed).
    DISPOSITION_MALFORMED = ("disposition_malformed", 400,
                             "The signed payload is not a canonical disposition")
    PRINTOUT_MISSING = "printout_missing", 422, "An exported printout needs its SHA-256"
    DISPOSITION_UNKNOWN = ("disposition_unknown", 404,
                           "No answered query with that journal seq and request hash")
    DISPOSITION_FOREIGN = "disposition_foreign", 403, "The query was sent by another user"
    DISPOSITION_EXISTS = ("disposition_exists", 409,
                          "The query's result already has its disposition")
    DISPOSITION_TIME_INVALID = (
        "disposition_time_invalid", 422,
        "The result is said destroyed before its answer or after the statement")
    # Issue 9: slow and flooding clients, routes, faults.
    REQUEST_TIMEOUT = "request_timeout", 408, "The request did not arrive in time"
    RATE_LIMITED = ("rate_limited", 429,
                    "Too many requests from this address; retry after Retry-After seconds")
    NOT_FOUND = "not_found", 404, "No such endpoint", True
    METHOD_NOT_ALLOWED = "method_not_allowed", 405, "Method not allowed", True
    JOURNAL_UNAVAILABLE = ("journal_unavailable", 503,
                           "The journal cannot be written; nothing was answered")
    # R-LOG-1: the operator's export could not seal or write the archive (no key, disk full).
    EXPORT_UNAVAILABLE = ("export_unavailable", 503,
                          "The journal archive cannot be sealed or written now")
    INTERNAL_ERROR = "internal_error", 500, "Internal error"


BY_CODE: dict[str, ErrorCode] = {member.value: member for member in ErrorCode}


def error_code(text: str) -> ErrorCode | None:
    """The wire code spelled `text`, or None (a code of the desk's own, or an unknown one)."""
    return BY_CODE.get(text)


__all__ = ["BY_CODE", "ErrorCode", "error_code"]
