"""Errors raised by the signing layer; each carries a stable snake_case ``code``."""

from __future__ import annotations


class SigningError(Exception):
    """Base error of the signing layer: ``code`` is stable, the message is for people."""

    code: str = "signing_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message


class PinIncorrect(SigningError):
    """The token refused the PIN (CKR_PIN_INCORRECT)."""

    code = "pin_incorrect"

    def __init__(self, attempts_left: int | None = None) -> None:
        self.attempts_left = attempts_left
        tail = f" ({attempts_left} attempts left)" if attempts_left is not None else ""
        super().__init__(f"The PIN is incorrect{tail}.")


class PinLocked(SigningError):
    """The user PIN is locked; only the security officer can unlock it."""

    code = "pin_locked"

    def __init__(self, message: str = "The PIN is locked after too many wrong attempts; "
                 "ask the token administrator to unlock it.") -> None:
        super().__init__(message)


class TokenAbsent(SigningError):
    """The requested token (or its PKCS#11 module) is not there."""

    code = "token_absent"

    def __init__(self, message: str = "The token is not connected.") -> None:
        super().__init__(message)


class TokenError(SigningError):
    """Any other failure reported by a token or its module."""

    code = "token_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)


VERIFY_CODES = frozenset({
    "malformed", "digest_mismatch", "bad_signature", "untrusted", "expired",
    "not_yet_valid", "revoked", "unsupported_algorithm", "wrong_key_usage",
    # Hard-fail revocation policy: no fresh CRL and no good OCSP answer (signing.trust).
    "revocation_unknown",
})


class SignatureInvalid(SigningError):
    """A signature, certificate or chain failed verification; ``code`` says why."""

    code = "bad_signature"

    def __init__(self, code: str, message: str) -> None:
        if code not in VERIFY_CODES:
            raise ValueError(f"unknown verification code {code!r}")
        super().__init__(message, code=code)
