"""Trust anchors, intermediates and CRLs; certificate path validation as of a given time."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.serialization import Encoding

from signing.crl import RevocationResult, load_crl, revocation_check
from signing.errors import SignatureInvalid
from signing.profile import name_string, serial_hex

CERT_SUFFIXES = (".pem", ".cer", ".crt", ".der")
MAX_DEPTH = 8


def _der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(Encoding.DER)


def _ext(cert: x509.Certificate, cls: type[x509.ExtensionType]) -> x509.ExtensionType | None:
    try:
        return cert.extensions.get_extension_for_class(cls).value
    except x509.ExtensionNotFound:
        return None


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    """True when ``issuer``'s key signed ``cert``; GOST keys raise unsupported_algorithm."""
    try:
        cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError):
        return False
    except UnsupportedAlgorithm as exc:
        raise SignatureInvalid(
            "unsupported_algorithm",
            f"cannot check a GOST signature on {name_string(cert.subject)}: {exc}",
        ) from exc
    return True


class TrustStore:
    """CA certificates (anchors and intermediates) and CRLs, loaded offline."""

    def __init__(
        self,
        anchors: Sequence[x509.Certificate],
        intermediates: Sequence[x509.Certificate] = (),
        crls: Sequence[x509.CertificateRevocationList] = (),
    ) -> None:
        self.anchors: list[x509.Certificate] = list(anchors)
        self.intermediates: list[x509.Certificate] = list(intermediates)
        self.crls: list[x509.CertificateRevocationList] = []
        self._anchor_ders = {_der(a) for a in self.anchors}
        for crl in crls:
            self.add_crl(crl)

    def add_crl(self, crl: x509.CertificateRevocationList) -> None:
        """Add a CRL (base or delta); its signature is checked when it is used."""
        self.crls.append(crl)

    def add_intermediate(self, cert: x509.Certificate) -> None:
        """Add an intermediate CA certificate."""
        self.intermediates.append(cert)

    @classmethod
    def from_directory(cls, path: Path | str) -> TrustStore:
        """Load *.pem/*.cer/*.crt/*.der certificates and *.crl from a directory.

        Self-signed certificates become anchors; the others intermediates.
        """
        anchors: list[x509.Certificate] = []
        intermediates: list[x509.Certificate] = []
        crls: list[x509.CertificateRevocationList] = []
        for file in sorted(Path(path).iterdir()):
            suffix = file.suffix.lower()
            if suffix == ".crl":
                crls.append(load_crl(file.read_bytes()))
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
        return cls(anchors, intermediates, crls)

    def is_anchor(self, cert: x509.Certificate) -> bool:
        """True when this exact certificate is a trust anchor."""
        return _der(cert) in self._anchor_ders

    def validate(
        self,
        cert: x509.Certificate,
        at: dt.datetime,
        extra: Sequence[x509.Certificate] = (),
    ) -> list[x509.Certificate]:
        """Build and check the path leaf→anchor as of ``at``; raise SignatureInvalid if bad."""
        if at.tzinfo is None:
            raise ValueError("validate needs an aware datetime")
        path = self._build_path(cert, list(extra))
        for index, link in enumerate(path):
            self._check_validity(link, at)
            if index > 0:
                self._check_ca(link, index - 1, anchor=self.is_anchor(link))
        for child, issuer in itertools.pairwise(path):
            self._check_revocation(child, issuer, at)
        return path

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

    def _check_revocation(
        self, cert: x509.Certificate, issuer: x509.Certificate, at: dt.datetime
    ) -> None:
        # R-AUTH-1: base CRL plus delta, signature-checked against the issuer (signing.crl).
        result = revocation_check(cert, self.crls, at, issuer)
        if result.status == "revoked":
            raise SignatureInvalid(
                "revoked",
                f"certificate {serial_hex(cert.serial_number)} of "
                f"{name_string(cert.subject)} was {result.reason}",
            )

    def revocation(self, cert: x509.Certificate, at: dt.datetime,
                   issuer: x509.Certificate | None = None) -> RevocationResult:
        """What this store's CRLs say about ``cert`` as of ``at`` (no path validation)."""
        if issuer is None:
            issuer = next((c for c in self.anchors + self.intermediates
                           if c.subject == cert.issuer), None)
        return revocation_check(cert, self.crls, at, issuer)
