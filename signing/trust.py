"""Trust anchors, intermediates, CRLs and OCSP replies; path validation as of a given time.

Revocation is decided by an explicit policy (``RevocationPolicy``). Under ``hard_fail``, the
default, every certificate of the path below the anchor needs a fresh answer: a CRL of its
issuer current at that time (thisUpdate <= at < nextUpdate, signature checked against the
issuer, deltas applied) or a good OCSP answer; without one the path is refused with
``revocation_unknown``. ``soft_fail`` lets such a path through, logs it and marks it on the
result (``ValidatedPath.soft_failed``) so the caller can journal it — the sandbox, or a
deployment that sets it explicitly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.serialization import Encoding

from signing.crl import (
    RevocationResult,
    crl_number,
    delta_base,
    is_delta,
    load_crl,
    revocation_check,
)
from signing.errors import SignatureInvalid, SigningError
from signing.gost.certs import certificate_signed_by, crl_signed_by, is_gost_key, is_gost_signed
from signing.gost.nca import GostError
from signing.profile import name_string, serial_hex

if TYPE_CHECKING:  # signing.ocsp is imported lazily (it pulls in urllib)
    from signing.ocsp import OcspResult

CERT_SUFFIXES = (".pem", ".cer", ".crt", ".der")
OCSP_SUFFIXES = (".ocsp", ".ors")  # stored DER OCSP responses beside the CRLs
MAX_DEPTH = 8
log = logging.getLogger(__name__)

RevocationMode = Literal["hard_fail", "soft_fail"]
REVOCATION_MODES: tuple[RevocationMode, ...] = ("hard_fail", "soft_fail")
LinkStatus = Literal["good", "revoked", "unknown"]
OcspFetch = Callable[[x509.Certificate, x509.Certificate, dt.datetime], "OcspResult"]


@dataclass(frozen=True)
class RevocationPolicy:
    """How revocation status decides a path (see the module docstring).

    ``later_crls``: a CRL published after the moment checked counts as evidence for it (it
    names every revocation up to its own thisUpdate). It matters only for checks "as of" a past
    time — an archive's checkpoints, ``sio-desk verify --at`` — never for a check "as of now".
    """

    mode: RevocationMode = "hard_fail"
    later_crls: bool = True

    def __post_init__(self) -> None:
        if self.mode not in REVOCATION_MODES:
            raise ValueError(f"revocation mode must be one of {', '.join(REVOCATION_MODES)}, "
                             f"not {self.mode!r}")


HARD_FAIL = RevocationPolicy("hard_fail")
SOFT_FAIL = RevocationPolicy("soft_fail")


@dataclass(frozen=True)
class RevocationDecision:
    """The revocation status of one certificate of a path, and what it rests on."""

    subject: str
    serial: str
    status: LinkStatus
    source: Literal["crl", "ocsp", "none"]
    reason: str
    stale: bool = False  # the issuer's newest CRL for that time had passed its nextUpdate
    soft_failed: bool = False  # unknown, let through by a soft_fail policy


@dataclass(frozen=True)
class ValidatedPath:
    """A path leaf→anchor that checked out, with the revocation decision for each link."""

    path: list[x509.Certificate]
    revocation: tuple[RevocationDecision, ...]
    policy: RevocationPolicy

    @property
    def soft_failed(self) -> tuple[RevocationDecision, ...]:
        """The links whose status is unknown and that only the soft_fail policy let through."""
        return tuple(d for d in self.revocation if d.soft_failed)


@dataclass(frozen=True)
class RevokedEntry:
    """A serial on a CRL of the store (for the cheap per-serial session check)."""

    serial: int
    issuer: str
    revoked_at: dt.datetime
    where: str


def _der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(Encoding.DER)


def _ext(cert: x509.Certificate, cls: type[x509.ExtensionType]) -> x509.ExtensionType | None:
    try:
        return cert.extensions.get_extension_for_class(cls).value
    except x509.ExtensionNotFound:
        return None


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    """True when ``issuer``'s key signed ``cert``; an unknown algorithm: unsupported_algorithm."""
    if is_gost_signed(cert.signature_algorithm_oid):
        if not is_gost_key(issuer):
            return False
        try:
            return certificate_signed_by(cert, issuer)
        except GostError as exc:
            if not exc.unsupported:
                return False
            raise SignatureInvalid(
                "unsupported_algorithm",
                f"cannot check the signature on {name_string(cert.subject)}: {exc}",
            ) from exc
    try:
        cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError):
        return False
    except UnsupportedAlgorithm as exc:
        raise SignatureInvalid(
            "unsupported_algorithm",
            f"cannot check the signature on {name_string(cert.subject)}: {exc}",
        ) from exc
    return True


class TrustStore:
    """CA certificates (anchors and intermediates) and CRLs, loaded offline."""

    def __init__(
        self,
        anchors: Sequence[x509.Certificate],
        intermediates: Sequence[x509.Certificate] = (),
        crls: Sequence[x509.CertificateRevocationList] = (),
        *,
        policy: RevocationPolicy = HARD_FAIL,
        ocsp_responses: Sequence[bytes] = (),
    ) -> None:
        self.anchors: list[x509.Certificate] = list(anchors)
        self.intermediates: list[x509.Certificate] = list(intermediates)
        self.crls: list[x509.CertificateRevocationList] = []
        self.ocsp_responses: list[bytes] = list(ocsp_responses)
        self.policy = policy
        # Asked when neither a CRL nor a stored OCSP reply decides (sio-desk verify --ocsp).
        self.ocsp_fetch: OcspFetch | None = None
        self._anchor_ders = {_der(a) for a in self.anchors}
        self._revoked_index: dict[int, list[RevokedEntry]] | None = None
        self._crl_digest: str | None = None
        for crl in crls:
            self.add_crl(crl)

    def add_crl(self, crl: x509.CertificateRevocationList) -> None:
        """Add a CRL (base or delta); its signature is checked when it is used."""
        self.crls.append(crl)
        self._revoked_index, self._crl_digest = None, None

    def add_ocsp_response(self, der: bytes) -> None:
        """Add a stored OCSP response (DER); checked, as of the moment asked, when it is used."""
        self.ocsp_responses.append(bytes(der))

    def add_intermediate(self, cert: x509.Certificate) -> None:
        """Add an intermediate CA certificate."""
        self.intermediates.append(cert)

    @classmethod
    def from_directory(cls, path: Path | str) -> TrustStore:
        """Load *.pem/*.cer/*.crt/*.der certificates and *.crl from a directory.

        Self-signed certificates become anchors; the others intermediates; *.ocsp files are
        stored OCSP responses (DER). The store's policy is hard_fail.
        """
        anchors: list[x509.Certificate] = []
        intermediates: list[x509.Certificate] = []
        crls: list[x509.CertificateRevocationList] = []
        responses: list[bytes] = []
        for file in sorted(Path(path).iterdir()):
            suffix = file.suffix.lower()
            if suffix == ".crl":
                crls.append(load_crl(file.read_bytes()))
            elif suffix in OCSP_SUFFIXES:
                responses.append(file.read_bytes())
            elif suffix in CERT_SUFFIXES:
                data = file.read_bytes()
                if data.lstrip().startswith(b"-----BEGIN"):
                    if b"-----BEGIN X509 CRL" in data:
                        crls.append(x509.load_pem_x509_crl(data))
                        continue
                    if b"-----BEGIN CERTIFICATE" not in data:
                        continue  # keys and other PEM kinds live beside certificates
                    certs = x509.load_pem_x509_certificates(data)
                else:
                    certs = [x509.load_der_x509_certificate(data)]
                for cert in certs:
                    (anchors if cert.subject == cert.issuer else intermediates).append(cert)
        return cls(anchors, intermediates, crls, ocsp_responses=responses)

    def is_anchor(self, cert: x509.Certificate) -> bool:
        """True when this exact certificate is a trust anchor."""
        return _der(cert) in self._anchor_ders

    def validate(
        self,
        cert: x509.Certificate,
        at: dt.datetime,
        extra: Sequence[x509.Certificate] = (),
        *,
        policy: RevocationPolicy | None = None,
    ) -> list[x509.Certificate]:
        """Build and check the path leaf→anchor as of ``at``; raise SignatureInvalid if bad."""
        return self.check(cert, at, extra, policy=policy).path

    def check(
        self,
        cert: x509.Certificate,
        at: dt.datetime,
        extra: Sequence[x509.Certificate] = (),
        *,
        policy: RevocationPolicy | None = None,
    ) -> ValidatedPath:
        """``validate`` with the revocation decision of every link (``policy`` or the store's).

        Validity periods and CA constraints first, then revocation from the leaf up: the first
        revoked link refuses ("revoked"), an undecided one refuses "revocation_unknown" under
        hard_fail and is logged and marked ``soft_failed`` under soft_fail.
        """
        if at.tzinfo is None:
            raise ValueError("validate needs an aware datetime")
        policy = policy or self.policy
        path = self._build_path(cert, list(extra))
        for index, link in enumerate(path):
            self._check_validity(link, at)
            if index > 0:
                self._check_ca(link, index - 1, anchor=self.is_anchor(link))
        decisions: list[RevocationDecision] = []
        for child, issuer in itertools.pairwise(path):
            decision = self.revocation_decision(child, issuer, at, policy=policy)
            if decision.status == "revoked":
                raise SignatureInvalid(
                    "revoked",
                    f"certificate {decision.serial} of {decision.subject} was {decision.reason}",
                )
            if decision.status == "unknown":
                if policy.mode == "hard_fail":
                    raise SignatureInvalid(
                        "revocation_unknown",
                        f"the revocation status of certificate {decision.serial} of "
                        f"{decision.subject} cannot be established: {decision.reason}",
                    )
                log.warning("revocation soft-fail: certificate %s of %s let through with "
                            "unknown status: %s", decision.serial, decision.subject,
                            decision.reason)
                decision = replace(decision, soft_failed=True)
            decisions.append(decision)
        return ValidatedPath(path, tuple(decisions), policy)

    def revocation_decision(
        self,
        cert: x509.Certificate,
        issuer: x509.Certificate,
        at: dt.datetime,
        *,
        policy: RevocationPolicy | None = None,
    ) -> RevocationDecision:
        """good/revoked/unknown for ``cert`` (issued by ``issuer``) as of ``at``.

        The CRLs first (a revocation on any list signed by the issuer counts; "good" needs a
        fresh list whose signature verified), then the stored OCSP replies, then ``ocsp_fetch``.
        """
        policy = policy or self.policy
        who, serial = name_string(cert.subject), serial_hex(cert.serial_number)
        crl = revocation_check(cert, self.crls, at, issuer, later=policy.later_crls)
        if crl.status == "revoked":
            return RevocationDecision(who, serial, "revoked", "crl", crl.reason)
        if crl.status == "good" and crl.verified:
            return RevocationDecision(who, serial, "good", "crl", crl.reason)
        notes = [f"CRL: {crl.reason}" if crl.status == "unknown" else
                 f"CRL: {crl.reason}, but its signature could not be checked "
                 f"({crl.signature})"]
        for answer in self._ocsp_answers(cert, issuer, at, notes):
            if answer.trusted_status == "revoked":
                return RevocationDecision(who, serial, "revoked", "ocsp", f"revoked by OCSP "
                                          f"({answer.reason})")
            if answer.trusted_status == "good":
                return RevocationDecision(who, serial, "good", "ocsp", f"OCSP: {answer.reason}")
            notes.append(f"OCSP: {answer.reason}" + ("" if answer.signature == "valid" else
                                                     " (reply signature not verified)"))
        if not self.ocsp_responses and self.ocsp_fetch is None:
            notes.append("no OCSP answer")
        return RevocationDecision(who, serial, "unknown", "none", "; ".join(notes),
                                  stale=crl.stale)

    def _ocsp_answers(self, cert: x509.Certificate, issuer: x509.Certificate,
                      at: dt.datetime, notes: list[str]) -> list[OcspResult]:
        from signing.ocsp import check_response

        answers: list[OcspResult] = []
        for der in self.ocsp_responses:
            try:
                answers.append(check_response(der, cert, issuer, nonce=None, at=at, now=at))
            except SigningError as exc:
                if exc.code != "ocsp_wrong_cert":  # replies about other certificates: silent
                    notes.append(f"stored OCSP reply unusable: {exc}")
        if self.ocsp_fetch is not None and not any(a.trusted_status != "unknown"
                                                   for a in answers):
            try:
                answers.append(self.ocsp_fetch(cert, issuer, at))
            except SigningError as exc:
                notes.append(f"OCSP: {exc}")
        return answers

    def _build_path(
        self, cert: x509.Certificate, extra: list[x509.Certificate]
    ) -> list[x509.Certificate]:
        # Anchors first: an intermediate that is also an anchor ends the path there.
        pool = self.anchors + self.intermediates + extra
        path = [cert]
        seen = {_der(cert)}
        current = cert
        for _ in range(MAX_DEPTH):
            if self.is_anchor(current):
                return path
            for candidate in pool:
                if candidate.subject != current.issuer or _der(candidate) in seen:
                    continue
                if _issued_by(current, candidate):
                    path.append(candidate)
                    seen.add(_der(candidate))
                    current = candidate
                    break
            else:
                raise SignatureInvalid(
                    "untrusted",
                    f"no trusted issuer for {name_string(current.subject)} "
                    f"(issuer {name_string(current.issuer)})",
                )
        raise SignatureInvalid("untrusted", "certificate path too long")

    @staticmethod
    def _check_validity(cert: x509.Certificate, at: dt.datetime) -> None:
        who = name_string(cert.subject)
        if at < cert.not_valid_before_utc:
            raise SignatureInvalid(
                "not_yet_valid",
                f"{who} is valid only from {cert.not_valid_before_utc:%Y-%m-%d %H:%M} UTC",
            )
        if at > cert.not_valid_after_utc:
            raise SignatureInvalid(
                "expired", f"{who} expired on {cert.not_valid_after_utc:%Y-%m-%d %H:%M} UTC"
            )

    @staticmethod
    def _check_ca(cert: x509.Certificate, below: int, *, anchor: bool) -> None:
        who = name_string(cert.subject)
        bc = _ext(cert, x509.BasicConstraints)
        if bc is None and anchor:
            return  # v1 roots carry no extensions; the anchor is trusted by configuration
        if not isinstance(bc, x509.BasicConstraints) or not bc.ca:
            raise SignatureInvalid("untrusted", f"{who} is not a CA certificate")
        if bc.path_length is not None and below > bc.path_length:
            raise SignatureInvalid("untrusted", f"{who}: path length constraint exceeded")
        ku = _ext(cert, x509.KeyUsage)
        if isinstance(ku, x509.KeyUsage) and not ku.key_cert_sign:
            raise SignatureInvalid("untrusted", f"{who} may not sign certificates")

    def revocation(self, cert: x509.Certificate, at: dt.datetime,
                   issuer: x509.Certificate | None = None) -> RevocationResult:
        """What this store's CRLs say about ``cert`` as of ``at`` (no path validation)."""
        if issuer is None:
            issuer = next((c for c in self.anchors + self.intermediates
                           if c.subject == cert.issuer), None)
        return revocation_check(cert, self.crls, at, issuer, later=self.policy.later_crls)

    # The cheap check for live sessions ------------------------------------------------------

    @property
    def crl_digest(self) -> str:
        """SHA-256 over the store's CRLs: changes exactly when the CRLs do (cache key)."""
        if self._crl_digest is None:
            digest = hashlib.sha256()
            for crl in self.crls:
                digest.update(hashlib.sha256(crl.public_bytes(Encoding.DER)).digest())
            self._crl_digest = digest.hexdigest()
        return self._crl_digest

    def revoked_serial(self, serial: int, at: dt.datetime) -> RevokedEntry | None:
        """The CRL entry revoking ``serial`` by ``at``, if any list of the store names it.

        For sessions already opened by a full validation: the newest base CRL of each CA in
        the store, with its newest delta, signature checked, indexed once per set of CRLs.
        Serials are unique per issuer only, so a hit on another CA's list ends a session too
        (fail closed; NCA serials are 20 random bytes).
        """
        if self._revoked_index is None:
            self._revoked_index = self._index_revocations()
        for entry in self._revoked_index.get(serial, ()):
            if entry.revoked_at <= at:
                return entry
        return None

    def _index_revocations(self) -> dict[int, list[RevokedEntry]]:
        index: dict[int, list[RevokedEntry]] = {}
        cas = {_der(c): c for c in self.anchors + self.intermediates}.values()
        for ca in cas:
            own = [c for c in self.crls if c.issuer == ca.subject and _crl_signed_by(c, ca)]
            bases = [c for c in own if not is_delta(c)]
            if not bases:
                continue
            base = max(bases, key=lambda c: (crl_number(c) or -1, c.last_update_utc))
            number = crl_number(base)
            deltas = [d for d in own if is_delta(d) and number is not None
                      and (delta_base(d) or 0) <= number < (crl_number(d) or -1)]
            delta = max(deltas, key=lambda c: (crl_number(c) or -1, c.last_update_utc),
                        default=None)
            where = f"CRL #{number}" + (f" + delta #{crl_number(delta)}" if delta else "")
            listed: dict[int, x509.RevokedCertificate] = {r.serial_number: r for r in base}
            for entry in delta or ():
                listed[entry.serial_number] = entry
            for entry in listed.values():
                try:
                    reason = entry.extensions.get_extension_for_class(
                        x509.CRLReason).value.reason.value
                except x509.ExtensionNotFound:
                    reason = None
                if reason == "removeFromCRL":
                    continue
                index.setdefault(entry.serial_number, []).append(RevokedEntry(
                    entry.serial_number, name_string(ca.subject), entry.revocation_date_utc,
                    where))
        return index


def _crl_signed_by(crl: x509.CertificateRevocationList, ca: x509.Certificate) -> bool:
    if is_gost_signed(crl.signature_algorithm_oid):
        try:
            return is_gost_key(ca) and crl_signed_by(crl, ca)
        except GostError as exc:
            return exc.unsupported  # unknown GOST parameters: a revocation is never ignored
    try:
        return crl.is_signature_valid(ca.public_key())  # type: ignore[arg-type]
    except (UnsupportedAlgorithm, TypeError, ValueError):
        return True  # unknown algorithm: cannot be checked; a revocation is never ignored


def policy_named(mode: str) -> RevocationPolicy:
    """The policy for a configuration value: "hard_fail" or "soft_fail"."""
    return RevocationPolicy(mode)  # type: ignore[arg-type]  # checked in __post_init__


__all__ = [
    "CERT_SUFFIXES", "HARD_FAIL", "OCSP_SUFFIXES", "REVOCATION_MODES", "SOFT_FAIL",
    "RevocationDecision", "RevocationMode", "RevocationPolicy", "RevokedEntry", "TrustStore",
    "ValidatedPath", "policy_named",
]
