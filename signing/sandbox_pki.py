"""An NCA-shaped PKI for the sandbox and tests: root, intermediate, users, operator, TLS, CRL."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from signing.filekey import P12Entry, write_p12
from signing.iin import make_bin, make_iin
from signing.signer import Signer, SoftwareSigner
from signing.trust import TrustStore

if TYPE_CHECKING:  # signing.sandbox_gost imports this module
    from signing.sandbox_gost import GostSandbox

KEY_BITS = 2048  # NCA CAs use RSA-4096; 2048 keeps sandbox creation and tests fast.
SANDBOX_HOST = "http://pki.sandbox.invalid"
ROOT_CN = "НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (SANDBOX)"
INTERMEDIATE_CN = "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (SANDBOX)"
ORGANIZATION = "Қаржылық мониторинг агенттігі (SANDBOX)"
ORGANIZATION_BIN = make_bin(2021, 7, kind=4, unit=0, seq=1)
OPERATOR_ORG = "ҚР Бас прокуратурасының ҚСжАЕК (SANDBOX)"
OPERATOR_BIN = make_bin(2016, 1, kind=4, unit=0, seq=7)

# NCA-EDS §2.3–2.4 OIDs.
POLICY_NCA_REGULATION = "1.2.398.3.3.1.1"
POLICY_LEGAL_SIGN = "1.2.398.3.3.2.1"
POLICY_LEGAL_AUTH = "1.2.398.3.3.2.2"
EKU_LEGAL_ENTITY = "1.2.398.3.3.4.1.2"
EKU_EMPLOYEE = "1.2.398.3.3.4.1.2.5"
# Revocation fails closed (signing.trust): the sandbox's CRLs must be fresh whenever it runs.
CRL_VALIDITY = dt.timedelta(days=7)
CRL_RENEW_BEFORE = dt.timedelta(days=1)  # renewed when less than this is left

README = """SIO Desk SANDBOX PKI — NOT FOR PRODUCTION.

Everything here is a test fixture: the CA and user private keys are stored UNENCRYPTED
(files *.key, mode 0600) and the PKCS#12 files use published passwords. Nothing issued by
this PKI is an NCA certificate and none of it may be trusted outside the sandbox.

trust/      root.pem (anchor), intermediate.pem, intermediate.crl, root.crl — a trust-store
            directory; the CRLs are renewed when they come within a day of their nextUpdate
ca/         CA keys and certificates
operator.*  the operator's response-signing key and certificate
tls.*       the sandbox gateway's TLS key and certificate chain (localhost, 127.0.0.1, ::1)
users/      software keys of sandbox users (gateway tests); *.p12 for the file-key fallback
"""


@dataclass(frozen=True)
class SandboxUser:
    """A sandbox analyst: NCA subject fields of a legal-entity employee."""

    key: str
    surname: str
    first_name: str
    patronymic: str
    iin: str
    organization: str
    bin: str


SANDBOX_USERS: tuple[SandboxUser, ...] = (
    SandboxUser("analyst1", "ӘБДІҚАДЫРОВА", "ГҮЛНАР", "НҰРЛАНҚЫЗЫ",
                make_iin(dt.date(1988, 4, 12), "F", 1021), ORGANIZATION, ORGANIZATION_BIN),
    SandboxUser("analyst2", "СӘРСЕНБАЕВ", "ДӘУРЕН", "ЕРЛАНҰЛЫ",
                make_iin(dt.date(1979, 11, 3), "M", 2210), ORGANIZATION, ORGANIZATION_BIN),
    SandboxUser("analyst3", "ИВАНОВА", "ЕЛЕНА", "СЕРГЕЕВНА",
                make_iin(dt.date(1991, 7, 25), "F", 3305), ORGANIZATION, ORGANIZATION_BIN),
    SandboxUser("analyst4", "ТОҚТАРОВ", "АЙБЕК", "ҚАЙРАТҰЛЫ",
                make_iin(dt.date(2001, 2, 17), "M", 415), ORGANIZATION, ORGANIZATION_BIN),
    # Issue 12: the analyst whose EDS is GOST 34.10-2015 (`sio-desk demo --gost`); registered
    # like the others, their key comes from the GOST branch (signing.sandbox_gost).
    SandboxUser("analyst6", "ЖАҚСЫЛЫҚОВ", "ТИМУР", "АСҚАРҰЛЫ",
                make_iin(dt.date(1985, 6, 30), "M", 6066), ORGANIZATION, ORGANIZATION_BIN),
)
SANDBOX_GOST_ANALYST = SANDBOX_USERS[4]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)


def _write_key(path: Path, key: rsa.RSAPrivateKey) -> None:
    # Sandbox only: unencrypted, but at least owner-only.
    write_whole(path, key.private_bytes(serialization.Encoding.PEM,
                                     serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption()), 0o600)


def write_whole(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write `data` to `path` whole or not at all: another process of the sandbox (a running
    gateway follows its CRLs) may read the file at any moment, and half a file is unreadable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(partial, path)


def _read_key(path: Path) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


def _write_certs(path: Path, *certs: x509.Certificate) -> None:
    write_whole(path, b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs))


def _read_cert(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificates(path.read_bytes())[0]


def _same_key(cert: x509.Certificate, key: rsa.RSAPrivateKey) -> bool:
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    return cert.public_key().public_bytes(*spki) == key.public_key().public_bytes(*spki)


def _uri(path: str) -> x509.UniformResourceIdentifier:
    return x509.UniformResourceIdentifier(f"{SANDBOX_HOST}/{path}")


def _policies(oid: str) -> x509.CertificatePolicies:
    return x509.CertificatePolicies([x509.PolicyInformation(
        x509.ObjectIdentifier(oid), [f"{SANDBOX_HOST}/cps"],
    )])


def _ca_name(cn: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
    ])


def user_subject(user: SandboxUser) -> x509.Name:
    """The NCA subject layout for a legal-entity employee (NCA-EDS §2.2), in NCA's order."""
    return x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"{user.surname} {user.first_name}"),
        x509.NameAttribute(NameOID.SURNAME, user.surname),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IIN{user.iin}"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, user.organization),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"BIN{user.bin}"),
        x509.NameAttribute(NameOID.GIVEN_NAME, user.patronymic),
    ])


class SandboxPKI:
    """The sandbox CA hierarchy, files under ``directory``; load with load_sandbox_pki."""

    def __init__(
        self,
        directory: Path,
        root: x509.Certificate,
        intermediate: x509.Certificate,
        intermediate_key: rsa.RSAPrivateKey,
        operator_cert: x509.Certificate,
        operator_key: rsa.RSAPrivateKey,
        tls_cert: x509.Certificate,
        crl: x509.CertificateRevocationList,
        *,
        root_key: rsa.RSAPrivateKey | None = None,
        root_crl: x509.CertificateRevocationList | None = None,
    ) -> None:
        self.directory = directory
        self.root = root
        self.intermediate = intermediate
        self._intermediate_key = intermediate_key
        self._root_key = root_key
        self.operator_cert = operator_cert
        self._operator_key = operator_key
        self.tls_cert = tls_cert
        self.crl = crl
        self.root_crl = root_crl  # the root's list: revocation of the intermediate
        self._user_signers: dict[str, tuple[SoftwareSigner, SoftwareSigner]] = {}
        # Threads asking for the same user's signers at once each made a key and wrote it over
        # the others', and one could read another's key beside its own certificate: signatures
        # that verify against nothing (a flaky signature_invalid in the SIGKILL test).
        self._user_lock = threading.Lock()
        self._store: tuple[tuple[int, int], TrustStore] | None = None
        self._gost: GostSandbox | None = None

    def gost(self) -> GostSandbox:
        """The GOST branch (signing.sandbox_gost) under ``gost/``, made on first use."""
        if self._gost is None:
            from signing.sandbox_gost import gost_sandbox

            self._gost = gost_sandbox(self.directory)
        return self._gost

    def install_gost(self) -> GostSandbox:
        """Trust the GOST CA too: its certificate and CRL go into trust/ (kept fresh)."""
        gost = self.gost()
        gost.install(self.trust_dir)
        return gost

    # Paths --------------------------------------------------------------------------------
    @property
    def trust_dir(self) -> Path:
        """Directory holding root.pem, intermediate.pem and intermediate.crl."""
        return self.directory / "trust"

    @property
    def root_path(self) -> Path:
        """PEM of the root CA (the client pins TLS and signatures to it)."""
        return self.trust_dir / "root.pem"

    @property
    def crl_path(self) -> Path:
        """DER CRL of the intermediate CA."""
        return self.trust_dir / "intermediate.crl"

    @property
    def root_crl_path(self) -> Path:
        """DER CRL of the root CA (lists revoked intermediates; empty in the sandbox)."""
        return self.trust_dir / "root.crl"

    @property
    def tls_key_path(self) -> Path:
        """PEM private key of the gateway's TLS certificate."""
        return self.directory / "tls.key"

    @property
    def tls_cert_path(self) -> Path:
        """PEM TLS certificate followed by the intermediate (for uvicorn's ssl_certfile)."""
        return self.directory / "tls.pem"

    # Issuing ------------------------------------------------------------------------------
    def _builder(self, subject: x509.Name, public_key: rsa.RSAPublicKey,
                 not_after: dt.datetime) -> x509.CertificateBuilder:
        now = _now()
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.intermediate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(not_after)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(
                    self._intermediate_key.public_key()), False)
            .add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
                [_uri("crl/nca_sandbox.crl")], None, None, None)]), False)
            .add_extension(x509.AuthorityInformationAccess([
                x509.AccessDescription(x509.AuthorityInformationAccessOID.CA_ISSUERS,
                                       _uri("cert/nca_sandbox.cer")),
                x509.AccessDescription(x509.AuthorityInformationAccessOID.OCSP, _uri("ocsp/")),
            ]), False)
        )

    def issue_user_certificate(
        self,
        user: SandboxUser,
        public_key: rsa.RSAPublicKey,
        purpose: Literal["authentication", "signing"],
        *,
        not_after: dt.datetime | None = None,
    ) -> x509.Certificate:
        """An NCA-shaped legal-entity employee certificate (AUTH_RSA or RSA signing)."""
        if purpose == "authentication":
            ku = x509.KeyUsage(True, False, True, False, False, False, False, False, False)
            eku = [ExtendedKeyUsageOID.CLIENT_AUTH]
            policy = POLICY_LEGAL_AUTH
        else:
            ku = x509.KeyUsage(True, True, False, False, False, False, False, False, False)
            eku = [ExtendedKeyUsageOID.EMAIL_PROTECTION]
            policy = POLICY_LEGAL_SIGN
        eku += [x509.ObjectIdentifier(EKU_LEGAL_ENTITY), x509.ObjectIdentifier(EKU_EMPLOYEE)]
        until = not_after or _now() + dt.timedelta(days=365)
        builder = (
            self._builder(user_subject(user), public_key, until)
            .add_extension(ku, True)
            .add_extension(x509.ExtendedKeyUsage(eku), False)
            .add_extension(_policies(policy), False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        )
        return builder.sign(self._intermediate_key, hashes.SHA256())

    def software_signers(self, user: SandboxUser) -> tuple[Signer, Signer]:
        """(authentication, signing) software signers for ``user``; kept under users/."""
        with self._user_lock:
            cached = self._user_signers.get(user.key)
            if cached is None:
                cached = self._user_signers[user.key] = (
                    self._user_signer(user, "authentication", "auth"),
                    self._user_signer(user, "signing", "sign"))
            return cached

    def _user_signer(self, user: SandboxUser, purpose: str, tag: str) -> SoftwareSigner:
        """The user's key and certificate for `purpose` from users/, made when missing or when
        the two on disk do not belong together (another process was writing them)."""
        key_path = self.directory / "users" / f"{user.key}-{tag}.key"
        cert_path = self.directory / "users" / f"{user.key}-{tag}.pem"
        if key_path.exists() and cert_path.exists():
            key, cert = _read_key(key_path), _read_cert(cert_path)
            if _same_key(cert, key):
                return SoftwareSigner(key, cert, [self.intermediate])
        key = _new_key()
        cert = self.issue_user_certificate(user, key.public_key(), purpose)  # type: ignore[arg-type]
        _write_key(key_path, key)
        _write_certs(cert_path, cert)
        return SoftwareSigner(key, cert, [self.intermediate])

    def issue_user_p12(self, user: SandboxUser, password: str) -> Path:
        """Fresh software AUTH and signing keys with certificates in one PKCS#12 file."""
        entries = []
        for purpose, tag in (("authentication", "AUTH_RSA256"), ("signing", "RSA256")):
            key = _new_key()
            cert = self.issue_user_certificate(user, key.public_key(), purpose)  # type: ignore[arg-type]
            entries.append(P12Entry(f"{tag}_{user.key}", key, cert))
        path = self.directory / "users" / f"{user.key}.p12"
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_p12(path, entries, password, cas=[self.intermediate, self.root])

    def operator_signer(self) -> Signer:
        """The operator's response-signing key (software, sandbox)."""
        return SoftwareSigner(self._operator_key, self.operator_cert, [self.intermediate])

    # Revocation ---------------------------------------------------------------------------
    def revoke(self, cert: x509.Certificate) -> None:
        """Add ``cert`` to the intermediate's CRL, re-sign it and save it."""
        self.crl = _newest(self.crl, self.crl_path)  # another process may have revoked too
        revoked = list(self.crl)
        if any(r.serial_number == cert.serial_number for r in revoked):
            return
        revoked.append(
            x509.RevokedCertificateBuilder()
            .serial_number(cert.serial_number)
            .revocation_date(_now() - dt.timedelta(seconds=1))
            .build()
        )
        self.crl = _make_crl(self.intermediate, self._intermediate_key, revoked,
                             _crl_number(self.crl) + 1)
        write_whole(self.crl_path, self.crl.public_bytes(serialization.Encoding.DER))

    def refresh_crls(self, *, force: bool = False) -> bool:
        """Re-issue a CRL that is stale or within CRL_RENEW_BEFORE of its nextUpdate.

        The same entries under the next cRLNumber; the root's list is made if it is missing
        (sandboxes created before it existed); the GOST CA's list too once it is trusted
        (install_gost). True when anything was written.
        """
        renewed = False
        if (self.trust_dir / "gost_ca.crl").exists():
            gost = self.gost()
            if gost.refresh_crl(force=force):
                gost.install(self.trust_dir)
                renewed = True
        if force or _due(self.crl):
            self.crl = _newest(self.crl, self.crl_path)
            if force or _due(self.crl):
                self.crl = _make_crl(self.intermediate, self._intermediate_key, list(self.crl),
                                     _crl_number(self.crl) + 1)
                write_whole(self.crl_path, self.crl.public_bytes(serialization.Encoding.DER))
                renewed = True
        if self._root_key is not None and (force or self.root_crl is None
                                           or _due(self.root_crl)):
            if self.root_crl is not None or self.root_crl_path.exists():
                self.root_crl = _newest(self.root_crl, self.root_crl_path)
            if force or self.root_crl is None or _due(self.root_crl):
                previous = self.root_crl
                self.root_crl = _make_crl(self.root, self._root_key,
                                          list(previous) if previous is not None else [],
                                          _crl_number(previous) + 1 if previous is not None else 1)
                write_whole(self.root_crl_path,
                         self.root_crl.public_bytes(serialization.Encoding.DER))
                renewed = True
        return renewed

    def trust_store(self) -> TrustStore:
        """Root as the anchor, the intermediate, and the current CRLs (renewed when due).

        The same store is handed out until a CRL changes, so its per-serial revocation index
        (live sessions) is built once per CRL.
        """
        if _due(self.crl) or (self.root_crl is not None and _due(self.root_crl)):
            self.refresh_crls()
        key = (id(self.crl), id(self.root_crl))
        if self._store is None or self._store[0] != key:
            crls = [self.crl] + ([self.root_crl] if self.root_crl is not None else [])
            self._store = (key, TrustStore([self.root], [self.intermediate], crls))
        return self._store[1]


def _due(crl: x509.CertificateRevocationList) -> bool:
    """True when ``crl`` is stale or will be within CRL_RENEW_BEFORE."""
    ends = crl.next_update_utc
    return ends is None or ends - _now() < CRL_RENEW_BEFORE


def _newest(crl: x509.CertificateRevocationList | None,
            path: Path) -> x509.CertificateRevocationList:
    """``crl`` or the one on disk at ``path``, whichever has the higher cRLNumber."""
    try:
        on_disk = x509.load_der_x509_crl(path.read_bytes())
    except (OSError, ValueError):
        if crl is None:
            raise
        return crl
    if crl is None or _crl_number(on_disk) > _crl_number(crl):
        return on_disk
    return crl


def _crl_number(crl: x509.CertificateRevocationList) -> int:
    try:
        return crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    except x509.ExtensionNotFound:
        return 0


def _make_crl(
    issuer: x509.Certificate, key: rsa.RSAPrivateKey,
    revoked: Sequence[x509.RevokedCertificate], number: int,
) -> x509.CertificateRevocationList:
    # lastUpdate a minute back, so a CRL made "now" already applies to checks made "now".
    now = _now() - dt.timedelta(minutes=1)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.subject)
        .last_update(now)
        .next_update(now + CRL_VALIDITY)
        .add_extension(x509.CRLNumber(number), False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            key.public_key()), False)
    )
    for entry in revoked:
        builder = builder.add_revoked_certificate(entry)
    return builder.sign(key, hashes.SHA256())


def _ca_cert(subject: x509.Name, key: rsa.RSAPrivateKey, issuer: x509.Name,
             issuer_key: rsa.RSAPrivateKey, years: int, path_length: int | None,
             aia: str | None, crl: str | None) -> x509.Certificate:
    now = _now()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                       True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            issuer_key.public_key()), False)
        .add_extension(_policies(POLICY_NCA_REGULATION), False)
    )
    if aia:
        builder = builder.add_extension(x509.AuthorityInformationAccess([
            x509.AccessDescription(x509.AuthorityInformationAccessOID.CA_ISSUERS, _uri(aia))]),
            False)
    if crl:
        builder = builder.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
            [_uri(crl)], None, None, None)]), False)
    return builder.sign(issuer_key, hashes.SHA256())


def _leaf(pki_key: rsa.RSAPrivateKey, issuer: x509.Certificate, subject: x509.Name,
          key: rsa.RSAPrivateKey, ku: x509.KeyUsage, eku: list[x509.ObjectIdentifier],
          san: x509.SubjectAlternativeName | None) -> x509.Certificate:
    now = _now()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        .add_extension(ku, True)
        .add_extension(x509.ExtendedKeyUsage(eku), False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            pki_key.public_key()), False)
    )
    if san is not None:
        builder = builder.add_extension(san, False)
    return builder.sign(pki_key, hashes.SHA256())


def create_sandbox_pki(directory: Path) -> SandboxPKI:
    """Create a fresh sandbox PKI under ``directory`` (keys unencrypted: sandbox only)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "README.txt").write_text(README, encoding="utf-8")
    root_key, inter_key, op_key, tls_key = (_new_key() for _ in range(4))
    root_name = _ca_name(ROOT_CN)
    root = _ca_cert(root_name, root_key, root_name, root_key, 20, None, None, None)
    inter = _ca_cert(_ca_name(INTERMEDIATE_CN), inter_key, root_name, root_key, 10, 0,
                     "cert/root_sandbox.cer", "crl/root_sandbox.crl")
    operator = _leaf(
        inter_key, inter,
        x509.Name([
            x509.NameAttribute(NameOID.COMMON_NAME, "ҚСжАЕК ОПЕРАТОР (SANDBOX)"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, OPERATOR_ORG),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"BIN{OPERATOR_BIN}"),
        ]),
        op_key,
        x509.KeyUsage(True, True, False, False, False, False, False, False, False),
        [ExtendedKeyUsageOID.EMAIL_PROTECTION, x509.ObjectIdentifier(EKU_LEGAL_ENTITY)],
        None,
    )
    tls = _leaf(
        inter_key, inter,
        x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost"),
                   x509.NameAttribute(NameOID.ORGANIZATION_NAME, OPERATOR_ORG),
                   x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ")]),
        tls_key,
        x509.KeyUsage(True, False, True, False, False, False, False, False, False),
        [ExtendedKeyUsageOID.SERVER_AUTH],
        x509.SubjectAlternativeName([
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
            x509.IPAddress(ipaddress.ip_address("::1")),
        ]),
    )
    crl = _make_crl(inter, inter_key, [], 1)
    root_crl = _make_crl(root, root_key, [], 1)
    _write_key(directory / "ca" / "root.key", root_key)
    _write_key(directory / "ca" / "intermediate.key", inter_key)
    _write_key(directory / "operator.key", op_key)
    _write_key(directory / "tls.key", tls_key)
    _write_certs(directory / "trust" / "root.pem", root)
    _write_certs(directory / "trust" / "intermediate.pem", inter)
    _write_certs(directory / "ca" / "root.pem", root)
    _write_certs(directory / "ca" / "intermediate.pem", inter)
    _write_certs(directory / "operator.pem", operator, inter)
    _write_certs(directory / "tls.pem", tls, inter)
    (directory / "trust" / "intermediate.crl").write_bytes(
        crl.public_bytes(serialization.Encoding.DER))
    (directory / "trust" / "root.crl").write_bytes(
        root_crl.public_bytes(serialization.Encoding.DER))
    return SandboxPKI(directory, root, inter, inter_key, operator, op_key, tls, crl,
                      root_key=root_key, root_crl=root_crl)


def load_sandbox_pki(directory: Path) -> SandboxPKI:
    """Load a sandbox PKI created by create_sandbox_pki; stale (or missing) CRLs are renewed.

    Revocation fails closed: a sandbox last used more than a week ago would otherwise refuse
    every signature with revocation_unknown at its next start.
    """
    directory = Path(directory)
    crl = x509.load_der_x509_crl((directory / "trust" / "intermediate.crl").read_bytes())
    root_crl_file = directory / "trust" / "root.crl"
    root_key_file = directory / "ca" / "root.key"
    pki = SandboxPKI(
        directory,
        _read_cert(directory / "trust" / "root.pem"),
        _read_cert(directory / "trust" / "intermediate.pem"),
        _read_key(directory / "ca" / "intermediate.key"),
        _read_cert(directory / "operator.pem"),
        _read_key(directory / "operator.key"),
        _read_cert(directory / "tls.pem"),
        crl,
        root_key=_read_key(root_key_file) if root_key_file.exists() else None,
        root_crl=(x509.load_der_x509_crl(root_crl_file.read_bytes())
                  if root_crl_file.exists() else None),
    )
    pki.refresh_crls()
    return pki


def ensure_sandbox_pki(directory: Path) -> SandboxPKI:
    """Load the sandbox PKI under ``directory``, creating it on first use."""
    if (Path(directory) / "trust" / "intermediate.crl").exists():
        return load_sandbox_pki(directory)
    return create_sandbox_pki(directory)
