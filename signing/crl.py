"""CRLs loaded offline: base and delta lists, and a certificate's status as of a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.serialization import Encoding

from signing.errors import SignatureInvalid
from signing.gost.certs import crl_signed_by, is_gost_signed
from signing.gost.nca import GostError

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
    signature: CrlSignature = "unchecked"  # of the CRLs used; unknown algorithms "unsupported"
    stale: bool = False  # the newest list current at that time had passed its nextUpdate
    later: bool = False  # decided by a list published after the moment checked

    @property
    def verified(self) -> bool:
        """True when every list behind this answer was checked against the issuer's key."""
        return self.signature == "valid"


def _entry_reason(entry: x509.RevokedCertificate) -> str | None:
    try:
        return entry.extensions.get_extension_for_class(x509.CRLReason).value.reason.value
    except x509.ExtensionNotFound:
        return None


# Issue 10: a CRL's signature checked once per (CRL object, issuer) — the gateway asks on every
# query that misses its verdict cache, and a GOST list takes milliseconds. The entry holds the
# CRL object itself, so an id reused by a new object never matches.
_SIGNATURES: dict[tuple[int, bytes], tuple[x509.CertificateRevocationList,
                                           CrlSignature | None]] = {}
_MAX_SIGNATURES = 256


def _signature(crl: x509.CertificateRevocationList,
               issuer: x509.Certificate | None) -> CrlSignature | None:
    """valid/unsupported/unchecked, or None when the signature is wrong (CRL ignored)."""
    if issuer is None:
        return "unchecked"
    key = (id(crl), issuer.public_bytes(Encoding.DER))
    known = _SIGNATURES.get(key)
    if known is not None and known[0] is crl:
        return known[1]
    status = _check_signature(crl, issuer)
    if len(_SIGNATURES) >= _MAX_SIGNATURES:
        _SIGNATURES.clear()
    _SIGNATURES[key] = (crl, status)
    return status


def _check_signature(crl: x509.CertificateRevocationList,
                     issuer: x509.Certificate) -> CrlSignature | None:
    if is_gost_signed(crl.signature_algorithm_oid):
        try:
            return "valid" if crl_signed_by(crl, issuer) else None
        except GostError as exc:
            return "unsupported" if exc.unsupported else None
    try:
        ok = crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
    except (UnsupportedAlgorithm, TypeError, ValueError):
        return "unsupported"  # an algorithm neither cryptography nor signing.gost knows
    return "valid" if ok else None


def signature_status(crl: x509.CertificateRevocationList,
                     issuer: x509.Certificate) -> CrlSignature | None:
    """valid/unsupported by ``issuer``'s key, or None when the signature is wrong."""
    return _signature(crl, issuer)


def _order(crl: x509.CertificateRevocationList) -> tuple[int, dt.datetime]:
    return (crl_number(crl) or -1, crl.last_update_utc)


def _when(moment: dt.datetime | None) -> str:
    return "-" if moment is None else f"{moment:%Y-%m-%d %H:%M} UTC"


_Signed = tuple[x509.CertificateRevocationList, CrlSignature]


@dataclass(frozen=True)
class _View:
    """A base CRL with the newest delta that applies to it: one statement about the issuer."""

    base: x509.CertificateRevocationList
    delta: x509.CertificateRevocationList | None
    signature: CrlSignature

    @property
    def where(self) -> str:
        text = f"CRL #{crl_number(self.base)}"
        return text + (f" + delta #{crl_number(self.delta)}" if self.delta is not None else "")

    def fresh_at(self, at: dt.datetime) -> bool:
        """thisUpdate <= at < nextUpdate for the base and the delta (RFC 5280 §6.3.3)."""
        return all(crl.last_update_utc <= at and crl.next_update_utc is not None
                   and at < crl.next_update_utc
                   for crl in (self.base, self.delta) if crl is not None)

    def expiry(self) -> dt.datetime | None:
        ends = [c.next_update_utc for c in (self.base, self.delta) if c is not None]
        return None if None in ends else min(e for e in ends if e is not None)

    def entry(self, serial: int, at: dt.datetime) -> tuple[str, x509.RevokedCertificate | None]:
        """("revoked", entry), ("released", None) or ("absent", None) as of ``at``."""
        for source in (self.delta, self.base):
            if source is None:
                continue
            entry = source.get_revoked_certificate_by_serial_number(serial)
            if entry is None or entry.revocation_date_utc > at:
                continue
            if _entry_reason(entry) == "removeFromCRL":
                # Only a delta carries removeFromCRL: the hold was released after the base.
                return "released", None
            return "revoked", entry
        return "absent", None


def _view(bases: Sequence[_Signed], deltas: Sequence[_Signed]) -> _View | None:
    if not bases:
        return None
    base, base_sig = max(bases, key=lambda pair: _order(pair[0]))
    number = crl_number(base)
    usable = [
        (d, s) for d, s in deltas
        if number is not None and (delta_base(d) or 0) <= number < (crl_number(d) or -1)
    ]
    delta, delta_sig = max(usable, key=lambda pair: _order(pair[0])) if usable else (None, None)
    sigs = {base_sig} | ({delta_sig} if delta_sig else set())
    signature: CrlSignature = (
        "unsupported" if "unsupported" in sigs else "unchecked" if "unchecked" in sigs
        else "valid"
    )
    return _View(base, delta, signature)


def _revoked(view: _View, entry: x509.RevokedCertificate, *, later: bool) -> RevocationResult:
    tail = f", published {_when(view.base.last_update_utc)}" if later else ""
    return RevocationResult(
        "revoked", f"revoked on {_when(entry.revocation_date_utc)} ({view.where}{tail})",
        revoked_at=entry.revocation_date_utc, crl_reason=_entry_reason(entry),
        signature=view.signature, later=later,
    )


def revocation_check(
    cert: x509.Certificate,
    crls: Iterable[x509.CertificateRevocationList],
    at: dt.datetime,
    issuer: x509.Certificate | None = None,
    *,
    later: bool = True,
) -> RevocationResult:
    """Status of ``cert`` as of ``at`` from the newest base CRL plus its newest delta.

    R-AUTH-1: CRLs from another issuer or with a wrong signature are ignored. A delta applies
    to a base whose cRLNumber >= the delta's baseCRLNumber and that is older than the delta;
    its removeFromCRL entries take a certificate off the base list.

    Freshness: the lists current at ``at`` (thisUpdate <= at) decide only while ``at`` is
    before their nextUpdate; past it they are *stale* and say "unknown" (a listed revocation
    still counts). With ``later`` a list published after ``at`` also decides — it still names
    every revocation made up to its own thisUpdate, with its date — provided the certificate
    had not expired by then (a CRL may drop expired certificates). For a check "as of now"
    no such list exists; for an archive checked years later it is the best evidence there is.
    """
    if at.tzinfo is None:
        raise ValueError("revocation_check needs an aware datetime")
    bases: list[_Signed] = []
    deltas: list[_Signed] = []
    for crl in crls:
        if crl.issuer != cert.issuer:
            continue
        sig = _signature(crl, issuer)
        if sig is None:
            continue  # not signed by the issuer: says nothing about its certificates
        (deltas if is_delta(crl) else bases).append((crl, sig))
    if not bases:
        return RevocationResult("unknown", "no CRL of this issuer is available")
    serial = cert.serial_number
    now = _view([b for b in bases if b[0].last_update_utc <= at],
                [d for d in deltas if d[0].last_update_utc <= at])
    after = _view([b for b in bases if b[0].last_update_utc > at], deltas) if later else None
    if after is not None:
        state, entry = after.entry(serial, at)
        if state == "revoked" and entry is not None:
            return _revoked(after, entry, later=True)
    if now is not None:
        state, entry = now.entry(serial, at)
        if state == "revoked" and entry is not None:
            return _revoked(now, entry, later=False)  # even a stale list proves a revocation
        if now.fresh_at(at):
            text = "released from hold" if state == "released" else "not listed"
            return RevocationResult("good", f"{text} ({now.where}, valid until "
                                    f"{_when(now.expiry())})", signature=now.signature)
    if after is not None:
        published = after.base.last_update_utc
        if published <= cert.not_valid_after_utc:
            return RevocationResult(
                "good", f"not revoked by then ({after.where}, published {_when(published)})",
                signature=after.signature, later=True)
        if now is None:
            return RevocationResult(
                "unknown", f"{after.where} was published {_when(published)}, after the "
                f"certificate expired, and need not list it any more", signature=after.signature)
    if now is not None:
        expiry = now.expiry()
        why = ("has no nextUpdate" if expiry is None
               else f"was due to be replaced by {_when(expiry)}")
        return RevocationResult(
            "unknown", f"the CRL is stale: {now.where} {why} and no newer list is available",
            signature=now.signature, stale=True)
    first = min(b[0].last_update_utc for b in bases)
    return RevocationResult("unknown", f"no CRL of this issuer applies at that time (the "
                            f"oldest available was published {_when(first)})")


def revocation_status(
    cert: x509.Certificate,
    crls: Sequence[x509.CertificateRevocationList],
    at: dt.datetime,
    issuer: x509.Certificate | None = None,
    *,
    later: bool = True,
) -> RevocationStatus:
    """"good", "revoked" or "unknown" for ``cert`` as of ``at`` (see revocation_check)."""
    return revocation_check(cert, crls, at, issuer, later=later).status


__all__ = [
    "RevocationResult", "RevocationStatus", "crl_number", "delta_base", "is_delta",
    "load_crl", "load_crl_file", "revocation_check", "revocation_status", "signature_status",
]
