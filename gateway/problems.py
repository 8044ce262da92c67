"""Refusals with stable codes, rendered as RFC 9457 application/problem+json.

The codes, their statuses and titles are one table in the shared package (transport.errors,
ErrorCode); the names here are built from it so the gateway's imports stay as they were.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from transport.errors import BY_CODE, ErrorCode
from transport.protocol import Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"

# code → (HTTP status, title), from transport.errors.ErrorCode. Never rename a code.
CODES: dict[str, tuple[int, str]] = {c.value: (c.status, c.english) for c in ErrorCode}

# signing.errors.SignatureInvalid codes → our problem codes.
SIGNATURE_CODES: dict[str, str] = {
    "malformed": ErrorCode.SIGNATURE_INVALID,
    "digest_mismatch": ErrorCode.SIGNATURE_INVALID,
    "bad_signature": ErrorCode.SIGNATURE_INVALID,
    "untrusted": ErrorCode.CERTIFICATE_UNTRUSTED,
    "expired": ErrorCode.CERTIFICATE_EXPIRED,
    "not_yet_valid": ErrorCode.CERTIFICATE_NOT_YET_VALID,
    "revoked": ErrorCode.CERTIFICATE_REVOKED,
    "revocation_unknown": ErrorCode.CERTIFICATE_REVOCATION_UNKNOWN,
    "unsupported_algorithm": ErrorCode.SIGNATURE_UNSUPPORTED,
    "wrong_key_usage": ErrorCode.WRONG_KEY_USAGE,
}


class Refusal(Exception):
    """A request refused with a stable code; the gateway journals it and answers a problem."""

    def __init__(self, code: ErrorCode | str, detail: str = "", **context: Any) -> None:
        known = BY_CODE.get(code)
        if known is None:
            raise ValueError(f"unknown problem code {code!r}")
        super().__init__(f"{known.value}: {detail}")
        self.code: str = known.value
        self.error = known
        self.detail = detail
        self.context = context

    @property
    def status(self) -> int:
        return self.error.status


def problem(code: ErrorCode | str, detail: str = "", *, status: int | None = None,
            headers: dict[str, str] | None = None) -> JSONResponse:
    """A problem+json response for a known code."""
    known = BY_CODE[code]
    body = Problem(title=known.english, status=status or known.status, code=known.value,
                   detail=detail)
    return JSONResponse(
        body.model_dump(), status_code=body.status, media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )
