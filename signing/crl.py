"""CRLs loaded offline: base and delta lists, and a certificate's status as of a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm

from signing.errors import SignatureInvalid

RevocationStatus = Literal["good", "revoked", "unknown"]
CrlSignature = Literal["valid", "unsupported", "unchecked"]


def load_crl(data: bytes) -> x509.CertificateRevocationList:
    """A CRL from DER or PEM bytes; SignatureInvalid('malformed') otherwise."""
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_crl(data)
        return x509.load_der_x509_crl(data)
    except ValueError as exc:
        raise SignatureInvalid("malformed", f"not a CRL: {exc}") from exc


def load_crl_file(path: Path | str) -> x509.CertificateRevocationList:
    """A CRL read from a file (DER or PEM)."""
    return load_crl(Path(path).read_bytes())


def crl_number(crl: x509.CertificateRevocationList) -> int | None:
    """The cRLNumber extension, or None."""
    try:
        return crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    except x509.ExtensionNotFound:
        return None


def delta_base(crl: x509.CertificateRevocationList) -> int | None:
    """baseCRLNumber of a delta CRL (deltaCRLIndicator), or None for a base CRL."""
    try:
        return crl.extensions.get_extension_for_class(x509.DeltaCRLIndicator).value.crl_number
    except x509.ExtensionNotFound:
        return None


def is_delta(crl: x509.CertificateRevocationList) -> bool:
    """True for a delta CRL."""
    return delta_base(crl) is not None


@dataclass(frozen=True)
class RevocationResult:
    """What the CRLs say about one certificate, and how far that can be trusted."""

    status: RevocationStatus
    reason: str
    revoked_at: dt.datetime | None = None
    crl_reason: str | None = None
    signature: CrlSignature = "unchecked"  # of the CRLs used; GOST lists are "unsupported"
    stale: bool = False  # the newest usable base CRL had passed its nextUpdate


def _entry_reason(entry: x509.RevokedCertificate) -> str | None:
    try:
        return entry.extensions.get_extension_for_class(x509.CRLReason).value.reason.value
    except x509.ExtensionNotFound:
        return None


def _signature(crl: x509.CertificateRevocationList,
               issuer: x509.Certificate | None) -> CrlSignature | None:
    """valid/unsupported/unchecked, or None when the signature is wrong (CRL ignored)."""
    if issuer is None:
        return "unchecked"
    try:
        ok = crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
    except (UnsupportedAlgorithm, TypeError, ValueError):
        return "unsupported"  # GOST: our crypto cannot check it; the caller says so
    return "valid" if ok else None


def _order(crl: x509.CertificateRevocationList) -> tuple[int, dt.datetime]:
    return (crl_number(crl) or -1, crl.last_update_utc)


def revocation_check(
    cert: x509.Certificate,
    crls: Iterable[x509.CertificateRevocationList],
    at: dt.datetime,
    issuer: x509.Certificate | None = None,
) -> RevocationResult:
    """Status of ``cert`` as of ``at`` from the newest base CRL plus its newest delta.

    R-AUTH-1: CRLs from another issuer, published after ``at`` or with a wrong signature are
    ignored. A delta applies to a base whose cRLNumber >= the delta's baseCRLNumber and that
    is older than the delta; its removeFromCRL entries take a certificate off the base list.
    """
    if at.tzinfo is None:
        raise ValueError("revocation_check needs an aware datetime")
    bases: list[tuple[x509.CertificateRevocationList, CrlSignature]] = []
    deltas: list[tuple[x509.CertificateRevocationList, CrlSignature]] = []
    for crl in crls:
        if crl.issuer != cert.issuer or crl.last_update_utc > at:
            continue
        sig = _signature(crl, issuer)
        if sig is None:
            continue  # not signed by the issuer: says nothing about its certificates
        (deltas if is_delta(crl) else bases).append((crl, sig))
    if not bases:
        return RevocationResult("unknown", "no CRL of this issuer applies at that time")
    base, base_sig = max(bases, key=lambda pair: _order(pair[0]))
    number = crl_number(base)
    usable = [
        (d, s) for d, s in deltas
        if number is not None
        and (delta_base(d) or 0) <= number < (crl_number(d) or -1)
    ]
    delta, delta_sig = max(usable, key=lambda pair: _order(pair[0])) if usable else (None, None)
    sigs = {base_sig} | ({delta_sig} if delta_sig else set())
    signature: CrlSignature = (
        "unsupported" if "unsupported" in sigs else "unchecked" if "unchecked" in sigs
        else "valid"
    )
    newest = delta or base
    stale = newest.next_update_utc is not None and newest.next_update_utc < at
    serial = cert.serial_number
    where = f"CRL #{number}" + (f" + delta #{crl_number(delta)}" if delta is not None else "")
    for source in ((delta, base) if delta is not None else (base,)):
        entry = source.get_revoked_certificate_by_serial_number(serial)
        if entry is None or entry.revocation_date_utc > at:
            continue
        reason = _entry_reason(entry)
        if reason == "removeFromCRL":
            # Only a delta carries removeFromCRL: the hold was released after the base.
            return RevocationResult("good", f"released from hold ({where})",
                                    signature=signature, stale=stale)
        return RevocationResult(
            "revoked",
            f"revoked on {entry.revocation_date_utc:%Y-%m-%d %H:%M} UTC ({where})",
            revoked_at=entry.revocation_date_utc, crl_reason=reason,
            signature=signature, stale=stale,
        )
    if stale:
        # Not listed, but the list is out of date: honest answer is "unknown".
        return RevocationResult("unknown", f"not listed, but {where} expired "
                                f"{newest.next_update_utc:%Y-%m-%d %H:%M} UTC",
                                signature=signature, stale=True)
    return RevocationResult("good", f"not listed ({where})", signature=signature)


def revocation_status(
    cert: x509.Certificate,
    crls: Sequence[x509.CertificateRevocationList],
    at: dt.datetime,
    issuer: x509.Certificate | None = None,
) -> RevocationStatus:
    """"good", "revoked" or "unknown" for ``cert`` as of ``at`` (see revocation_check)."""
    return revocation_check(cert, crls, at, issuer).status


__all__ = [
    "RevocationResult", "RevocationStatus", "crl_number", "delta_base", "is_delta",
    "load_crl", "load_crl_file", "revocation_check", "revocation_status",
]
