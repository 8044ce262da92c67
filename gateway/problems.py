"""Refusals with stable codes, rendered as RFC 9457 application/problem+json."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from transport.protocol import Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"

# code → (HTTP status, title). The codes are a contract with the client: never rename one.
CODES: dict[str, tuple[int, str]] = {
    "malformed_json": (400, "The body is not JSON"),
    "request_invalid": (422, "The body does not match the expected shape"),
    "body_too_large": (413, "The body is too large"),
    "malformed_request": (400, "The signed payload is not a canonical query"),
    "basis_missing": (422, "The query has no basis"),
    "param_invalid": (422, "A query parameter is invalid"),
    "resource_unavailable": (404, "The resource is not available"),
    "resource_not_allowed": (403, "The resource is not allowed for the user's role"),
    "challenge_invalid": (401, "The login challenge is unknown, used or expired"),
    "signature_invalid": (401, "The signature does not verify"),
    "signature_unsupported": (401, "The signature algorithm is not supported"),
    "certificate_untrusted": (401, "The certificate does not chain to a trusted authority"),
    "certificate_expired": (401, "The certificate has expired"),
    "certificate_not_yet_valid": (401, "The certificate is not valid yet"),
    "certificate_revoked": (401, "The certificate is revoked"),
    # Revocation fails closed (signing.trust, hard_fail): no fresh CRL and no good OCSP answer.
    "certificate_revocation_unknown": (401, "The certificate's revocation status cannot be "
                                            "established (no fresh CRL or OCSP answer)"),
    "wrong_key_usage": (401, "The key is not meant for this purpose"),
    "not_registered": (403, "The user is not registered"),
    "user_blocked": (403, "The user is blocked"),
    "no_agreement": (403, "The user has not signed the agreement"),
    "session_invalid": (401, "The session is unknown or expired"),
    "session_revoked": (401, "The session ended: its login certificate has been revoked"),
    "iin_mismatch": (403, "The signer is not the logged-in user"),
    "nonce_replayed": (409, "The request was already received"),
    "clock_skew": (400, "The request time is too far from the operator's clock"),
    # R-Q-3: downtime announced on the portal or recorded in the emergency journal.
    "maintenance": (503, "The resource is down for announced technical works"),
    "emergency_downtime": (503, "The resource is down by an emergency in the emergency journal"),
    "operator_only": (403, "Only the operator may do this"),
    "controller_only": (403, "Only a controller or the operator may see reports"),
    "emergency_not_open": (409, "No open emergency journal row with that number"),
    # R-ACC-2..8, R-AUTH-2: applications, decisions, blocks and the agreement.
    "application_invalid": (422, "A field of the application is missing or malformed"),
    "iin_invalid": (422, "The IIN fails its check digit"),
    "bin_invalid": (422, "The BIN fails its check digit"),
    "confirmation_missing": (422, "All three confirmations of the application are required"),
    "blocking_reason_missing": (422, "A blocking application needs its reason"),
    "application_date_invalid": (422, "The application date is in the future or out of date"),
    "application_pdf_invalid": (422, "The application PDF is unreadable or not signed"),
    "scan_missing": (422, "The signed PDF carries no scanned paper copy"),
    "applicant_mismatch": (403, "The PDF is not signed by the applicant"),
    "already_registered": (409, "This IIN is already registered"),
    "application_not_found": (404, "No such application"),
    "application_decided": (409, "The application is already decided"),
    "refusal_reason_missing": (422, "A refusal needs its reason"),
    # Issue 9, hole 1 and 6: the signed PDF carries its form, is fresh and used once; who may
    # block whom (R-ACC-6, R-ACC-8); the last operator stays; the operator can unblock.
    "application_form_mismatch": (422, "The signed PDF does not carry this form"),
    "application_signature_stale": (422, "The application PDF was not signed just before filing"),
    "application_replayed": (409, "This signed application was already filed"),
    "blocking_not_allowed": (403, "Only the user, their controller or the operator may block"),
    "last_operator": (409, "The last active operator cannot be blocked"),
    "not_blocked": (409, "The user is not blocked"),
    # Issue 9, hole 2: what an operator stores must stay readable (R-Q-3, R-OPS-1).
    "time_invalid": (422, "A time is not ISO 8601 with a valid offset within 2000..2099"),
    "resources_invalid": (422, "Resources are distinct numbers 1..52, at most 52 of them"),
    "agreement_mismatch": (409, "The signed agreement is not the version in force"),
    "agreement_already_signed": (409, "This version of the agreement is already signed"),
    # R-RES-1: the signed disposition of a query's result (attached to material, or destroyed).
    "disposition_malformed": (400, "The signed payload is not a canonical disposition"),
    "printout_missing": (422, "An exported printout needs its SHA-256"),
    "disposition_unknown": (404, "No answered query with that journal seq and request hash"),
    "disposition_foreign": (403, "The query was sent by another user"),
    "disposition_exists": (409, "The query's result already has its disposition"),
    "disposition_time_invalid": (422, "The result is said destroyed before its answer or after "
                                      "the statement"),
    # Issue 9: slow and flooding clients.
    "request_timeout": (408, "The request did not arrive in time"),
    "rate_limited": (429, "Too many requests from this address; retry after Retry-After seconds"),
    "not_found": (404, "No such endpoint"),
    "method_not_allowed": (405, "Method not allowed"),
    "journal_unavailable": (503, "The journal cannot be written; nothing was answered"),
    "internal_error": (500, "Internal error"),
}

# signing.errors.SignatureInvalid codes → our problem codes.
SIGNATURE_CODES: dict[str, str] = {
    "malformed": "signature_invalid",
    "digest_mismatch": "signature_invalid",
    "bad_signature": "signature_invalid",
    "untrusted": "certificate_untrusted",
    "expired": "certificate_expired",
    "not_yet_valid": "certificate_not_yet_valid",
    "revoked": "certificate_revoked",
    "revocation_unknown": "certificate_revocation_unknown",
    "unsupported_algorithm": "signature_unsupported",
    "wrong_key_usage": "wrong_key_usage",
}


class Refusal(Exception):
    """A request refused with a stable code; the gateway journals it and answers a problem."""

    def __init__(self, code: str, detail: str = "", **context: Any) -> None:
        if code not in CODES:
            raise ValueError(f"unknown problem code {code!r}")
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail
        self.context = context

    @property
    def status(self) -> int:
        return CODES[self.code][0]


def problem(code: str, detail: str = "", *, status: int | None = None,
            headers: dict[str, str] | None = None) -> JSONResponse:
    """A problem+json response for a known code."""
    default_status, title = CODES[code]
    body = Problem(title=title, status=status or default_status, code=code, detail=detail)
    return JSONResponse(
        body.model_dump(), status_code=body.status, media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )
