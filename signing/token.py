"""The one token interface: hardware (PKCS#11) and sandbox file keys look the same to callers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from cryptography import x509

from signing.errors import SigningError
from signing.profile import CertProfile
from signing.signer import Signer


@dataclass(frozen=True)
class PinState:
    """PIN warnings to show before asking for the PIN (CKF_USER_PIN_* flags)."""

    count_low: bool
    final_try: bool
    locked: bool
    attempts_left: int | None


@dataclass(frozen=True)
class TokenInfo:
    """What a token says about itself, and its PIN state."""

    label: str
    serial: str
    manufacturer: str
    model: str
    kind: Literal["pkcs11", "file"]
    pin: PinState


@dataclass(frozen=True)
class KeyPair:
    """A private key on the token and its certificate (matched by CKA_ID)."""

    id: bytes
    label: str
    certificate: x509.Certificate
    profile: CertProfile


class Token(Protocol):
    """A key store the analyst logs in to; hardware details stay behind this interface."""

    def info(self) -> TokenInfo:
        """Label, serial, maker and PIN state."""
        ...

    def login(self, pin: str) -> None:
        """Log in; PinIncorrect, PinLocked or TokenAbsent on failure."""
        ...

    def logout(self) -> None:
        """Log out; signers from this login stop working."""
        ...

    def keypairs(self) -> list[KeyPair]:
        """Key pairs with certificates (after login)."""
        ...

    def signer(self, pair: KeyPair) -> Signer:
        """A Signer using that key pair's private key."""
        ...

    def close(self) -> None:
        """Log out and release the token."""
        ...

    def is_present(self) -> bool:
        """True while the token is still connected."""
        ...

    def change_pin(self, old: str, new: str) -> None:
        """Change the user PIN (R-AUTH-7); PinIncorrect when `old` is wrong."""
        ...


def pick(pairs: list[KeyPair], purpose: Literal["authentication", "signing"]) -> KeyPair:
    """The key pair for ``purpose``: an exact match first, then a dual-use (GOST 2015) key."""
    exact = [p for p in pairs if p.profile.purpose == purpose]
    dual = [p for p in pairs if p.profile.purpose == "signing_and_authentication"]
    # Prefer the certificate that is valid longest, so a renewed key wins over an old one.
    for group in (exact, dual):
        if group:
            return max(group, key=lambda p: p.profile.not_after)
    what = "authentication (AUTH_RSA)" if purpose == "authentication" else "signing (RSA256)"
    raise SigningError(
        f"The token holds no {what} key; found: "
        + (", ".join(f"{p.label} ({p.profile.purpose})" for p in pairs) or "no keys"),
        code="no_key_for_purpose",
    )
