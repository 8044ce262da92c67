"""The sandbox's GOST branch, shaped like NCA's 2022 GOST CA (NCA-EDS §2.4, §3.1).

One self-signed GOST 34.10-2015 (512) CA with its GOST-signed CRL, and GOST analysts with one
key each (keyUsage digitalSignature + nonRepudiation + keyEncipherment, EKU emailProtection plus
NCA's legal-entity markers, policy 1.2.398.3.3.2). Files under ``<sandbox>/gost/``; keys are
stored unencrypted (sandbox only). Created on first use, so RSA-only sandboxes stay as they are.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from signing.gost import issue
from signing.gost.issue import GostKeyPair
from signing.gost.signer import GostSoftwareSigner
from signing.sandbox_pki import (
    CRL_RENEW_BEFORE,
    CRL_VALIDITY,
    EKU_EMPLOYEE,
    EKU_LEGAL_ENTITY,
    OPERATOR_BIN,
    OPERATOR_ORG,
    SANDBOX_HOST,
    SandboxUser,
    user_subject,
    write_whole,
)
from signing.trust import TrustStore

GOST_CA_CN = "ҰЛТТЫҚ КО (GOST) SANDBOX"  # NCA's full name exceeds the X.520 bound
POLICY_GOST_2022 = "1.2.398.3.3.2"  # the 2022 CA's generic end-entity policy (NCA-EDS §2.4)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _write_key(path: Path, key: GostKeyPair) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(format(key.private, "x") + "\n")


def _read_key(path: Path) -> GostKeyPair:
    return GostKeyPair.from_private(int(path.read_text(encoding="ascii").strip(), 16))


def _ski(key: GostKeyPair) -> x509.SubjectKeyIdentifier:
    return x509.SubjectKeyIdentifier(key.key_identifier())


def _aki(key: GostKeyPair) -> x509.AuthorityKeyIdentifier:
    return x509.AuthorityKeyIdentifier(key.key_identifier(), None, None)


class GostSandbox:
    """The GOST CA, its CRL and GOST analysts' signers, under ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        key_path = self.directory / "ca.key"
        if key_path.exists():
            self._ca_key = _read_key(key_path)
            self.ca = x509.load_pem_x509_certificate((self.directory / "ca.pem").read_bytes())
        else:
            self._ca_key = GostKeyPair.generate()
            self.ca = self._make_ca()
            _write_key(key_path, self._ca_key)
            (self.directory / "ca.pem").write_bytes(self.ca.public_bytes(Encoding.PEM))
        crl_path = self.crl_path
        self.crl = (x509.load_der_x509_crl(crl_path.read_bytes()) if crl_path.exists()
                    else self._make_crl([], 1))
        self.refresh_crl()
        self._signers: dict[str, GostSoftwareSigner] = {}

    @property
    def crl_path(self) -> Path:
        """DER CRL of the GOST CA."""
        return self.directory / "ca.crl"

    def _make_ca(self) -> x509.Certificate:
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, GOST_CA_CN),
                          x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ")])
        now = _now()
        builder = (
            x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                         False), True)
            .add_extension(_ski(self._ca_key), False)
        )
        return issue.certificate(builder, self._ca_key.public, self._ca_key)

    def _make_crl(self, revoked: list[x509.RevokedCertificate],
                  number: int) -> x509.CertificateRevocationList:
        now = _now() - dt.timedelta(minutes=1)
        builder = (
            x509.CertificateRevocationListBuilder().issuer_name(self.ca.subject)
            .last_update(now).next_update(now + CRL_VALIDITY)
            .add_extension(x509.CRLNumber(number), False)
            .add_extension(_aki(self._ca_key), False)
        )
        for entry in revoked:
            builder = builder.add_revoked_certificate(entry)
        crl = issue.crl(builder, self._ca_key)
        write_whole(self.crl_path, crl.public_bytes(Encoding.DER))  # a gateway may read it now
        return crl

    def _number(self) -> int:
        return self.crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number

    def refresh_crl(self, *, force: bool = False) -> bool:
        """Re-issue the CRL when it is within CRL_RENEW_BEFORE of its nextUpdate; True if so."""
        ends = self.crl.next_update_utc
        if force or ends is None or ends - _now() < CRL_RENEW_BEFORE:
            self.crl = self._make_crl(list(self.crl), self._number() + 1)
            return True
        return False

    def revoke(self, cert: x509.Certificate) -> None:
        """List ``cert`` on the GOST CRL."""
        entries = list(self.crl)
        if any(r.serial_number == cert.serial_number for r in entries):
            return
        entries.append(x509.RevokedCertificateBuilder().serial_number(cert.serial_number)
                       .revocation_date(_now() - dt.timedelta(seconds=1)).build())
        self.crl = self._make_crl(entries, self._number() + 1)

    def issue_user_certificate(self, user: SandboxUser, key: GostKeyPair, *,
                               purpose: Literal["both", "authentication"] = "both",
                               not_after: dt.datetime | None = None) -> x509.Certificate:
        """A GOST 2015 analyst certificate as NCA's 2022 CA issues it: one key for both uses.
        `purpose="authentication"` (tests: a key that may not sign) drops nonRepudiation."""
        now = _now()
        both = purpose == "both"
        usage = ExtendedKeyUsageOID.EMAIL_PROTECTION if both else ExtendedKeyUsageOID.CLIENT_AUTH
        builder = (
            x509.CertificateBuilder().subject_name(user_subject(user))
            .issuer_name(self.ca.subject).serial_number(x509.random_serial_number())
            .not_valid_before(min(now, not_after or now) - dt.timedelta(days=1))
            .not_valid_after(not_after or now + dt.timedelta(days=365))
            .add_extension(x509.KeyUsage(True, both, True, False, False, False, False, False,
                                         False), True)
            .add_extension(x509.ExtendedKeyUsage([
                usage, x509.ObjectIdentifier(EKU_LEGAL_ENTITY),
                x509.ObjectIdentifier(EKU_EMPLOYEE)]), False)
            .add_extension(x509.CertificatePolicies([x509.PolicyInformation(
                x509.ObjectIdentifier(POLICY_GOST_2022), [f"{SANDBOX_HOST}/cps"])]), False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
            .add_extension(_ski(key), False)
            .add_extension(_aki(self._ca_key), False)
        )
        return issue.certificate(builder, key.public, self._ca_key)

    def signer(self, user: SandboxUser) -> GostSoftwareSigner:
        """The GOST analyst ``user``'s software signer (kept under users/)."""
        cached = self._signers.get(user.key)
        if cached is not None:
            return cached
        key_path = self.directory / "users" / f"{user.key}.key"
        cert_path = self.directory / "users" / f"{user.key}.pem"
        if key_path.exists() and cert_path.exists():
            key = _read_key(key_path)
            cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        else:
            key = GostKeyPair.generate()
            cert = self.issue_user_certificate(user, key)
            _write_key(key_path, key)
            cert_path.write_bytes(cert.public_bytes(Encoding.PEM))
        made = GostSoftwareSigner(key, cert)
        self._signers[user.key] = made
        return made

    def issue_user_p12(self, user: SandboxUser, password: str) -> Path:
        """The GOST analyst's key file, laid out as NCA's (for a sandbox file-key login)."""
        from signing.filekey import write_gost_p12

        signer = self.signer(user)
        return write_gost_p12(self.directory / "users" / f"{user.key}.p12", signer.key.private,
                              signer.certificate, password, cas=[self.ca])

    @property
    def operator_path(self) -> Path:
        """PEM of the GOST operator's certificate (what `journal verify --operator-cert` pins)."""
        return self.directory / "operator.pem"

    def operator_signer(self) -> GostSoftwareSigner:
        """The operator's GOST answer- and checkpoint-signing key (made on first use)."""
        cached = self._signers.get("\0operator")
        if cached is not None:
            return cached
        key_path = self.directory / "operator.key"
        if key_path.exists() and self.operator_path.exists():
            key = _read_key(key_path)
            cert = x509.load_pem_x509_certificate(self.operator_path.read_bytes())
        else:
            key = GostKeyPair.generate()
            cert = self._issue_operator(key)
            _write_key(key_path, key)
            self.operator_path.write_bytes(cert.public_bytes(Encoding.PEM))
        made = GostSoftwareSigner(key, cert)
        self._signers["\0operator"] = made
        return made

    def operator_p12(self, password: str) -> Path:
        """The GOST operator key as a deployment's key file (NCA's layout)."""
        from signing.filekey import write_gost_p12

        signer = self.operator_signer()
        return write_gost_p12(self.directory / "operator.p12", signer.key.private,
                              signer.certificate, password, cas=[self.ca])

    def _issue_operator(self, key: GostKeyPair) -> x509.Certificate:
        subject = x509.Name([
            x509.NameAttribute(NameOID.COMMON_NAME, "ҚСжАЕК ОПЕРАТОР GOST (SANDBOX)"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, OPERATOR_ORG),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"BIN{OPERATOR_BIN}"),
        ])
        now = _now()
        builder = (
            x509.CertificateBuilder().subject_name(subject).issuer_name(self.ca.subject)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), True)
            .add_extension(x509.ExtendedKeyUsage([
                ExtendedKeyUsageOID.EMAIL_PROTECTION, x509.ObjectIdentifier(EKU_LEGAL_ENTITY)]),
                False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
            .add_extension(_ski(key), False)
            .add_extension(_aki(self._ca_key), False)
        )
        return issue.certificate(builder, key.public, self._ca_key)

    def trust_store(self) -> TrustStore:
        """The GOST CA as the anchor with its current CRL."""
        self.refresh_crl()
        return TrustStore([self.ca], crls=[self.crl])

    def install(self, trust_dir: Path) -> None:
        """Put the GOST CA and its CRL into a trust directory (a gateway accepting GOST)."""
        write_whole(trust_dir / "gost_ca.pem", self.ca.public_bytes(Encoding.PEM))
        write_whole(trust_dir / "gost_ca.crl", self.crl.public_bytes(Encoding.DER))


def gost_sandbox(pki_directory: Path) -> GostSandbox:
    """The GOST branch of the sandbox PKI in ``pki_directory``, made on first use."""
    return GostSandbox(Path(pki_directory) / "gost")


__all__ = ["GOST_CA_CN", "POLICY_GOST_2022", "GostSandbox", "gost_sandbox"]
