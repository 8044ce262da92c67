"""What an NCA certificate says about its holder: name, IIN/BIN, role, purpose, algorithm."""

from __future__ import annotations

import datetime as dt
import hashlib
import warnings
from dataclasses import dataclass
from typing import Any, Literal

from asn1crypto import core
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from signing.errors import SignatureInvalid

HolderKind = Literal["individual", "legal_entity_employee", "ca"]
Purpose = Literal["authentication", "signing", "signing_and_authentication", "ca"]
Algorithm = Literal["rsa", "gost2004", "gost2015"]

# NCA-EDS §2.3: holder markers and legal-entity roles carried in extendedKeyUsage.
OID_INDIVIDUAL = "1.2.398.3.3.4.1.1"
OID_LEGAL_ENTITY = "1.2.398.3.3.4.1.2"
ROLE_OIDS: dict[str, str] = {
    "1.2.398.3.3.4.1.2.1": "head",
    "1.2.398.3.3.4.1.2.2": "signing_right",
    "1.2.398.3.3.4.1.2.3": "financial",
    "1.2.398.3.3.4.1.2.4": "hr",
    "1.2.398.3.3.4.1.2.5": "employee",
}
OID_RSA = "1.2.840.113549.1.1.1"
OID_GOST2004_PREFIX = "1.2.398.3.10.1.1.1."
OID_GOST2015_PREFIX = "1.2.398.3.10.1.1.2."
CLIENT_AUTH = ExtendedKeyUsageOID.CLIENT_AUTH.dotted_string
EMAIL_PROTECTION = ExtendedKeyUsageOID.EMAIL_PROTECTION.dotted_string

# Readable names for the attributes NCA uses; cryptography prints bare OIDs for these.
NAME_LABELS = {
    NameOID.SERIAL_NUMBER: "SERIALNUMBER",
    NameOID.SURNAME: "SURNAME",
    NameOID.GIVEN_NAME: "G",
    NameOID.EMAIL_ADDRESS: "E",
    NameOID.BUSINESS_CATEGORY: "BUSINESSCATEGORY",
}


# NCA CA names exceed the 64-character X.520 bound and cryptography warns on every access to
# such a Name. That is NCA's choice, not our error: silence exactly this message, process-wide
# (warnings.catch_warnings is not thread-safe, and the gateway verifies in threads).
LONG_NAME_WARNING = r"Attribute's length must be >= 1 and <= 64"
warnings.filterwarnings("ignore", message=LONG_NAME_WARNING, category=UserWarning)


@dataclass(frozen=True)
class CertProfile:
    """The holder and use of one certificate, parsed the NCA way (NCA-EDS §2.2–2.4)."""

    common_name: str
    surname: str | None
    first_name: str | None
    patronymic: str | None
    iin: str | None
    bin: str | None
    organization: str | None
    country: str | None
    holder_kind: HolderKind
    roles: tuple[str, ...]
    purpose: Purpose
    algorithm: Algorithm
    key_bits: int
    serial: str
    not_before: dt.datetime
    not_after: dt.datetime
    issuer: str
    policies: tuple[str, ...]
    ext_key_usage: tuple[str, ...]
    crl_urls: tuple[str, ...]
    ocsp_urls: tuple[str, ...]
    ca_issuers_urls: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; times are ISO 8601 UTC with a trailing Z."""
        return {
            "subject": {
                "common_name": self.common_name,
                "surname": self.surname,
                "first_name": self.first_name,
                "patronymic": self.patronymic,
                "iin": self.iin,
                "bin": self.bin,
                "organization": self.organization,
                "country": self.country,
            },
            "holder_kind": self.holder_kind,
            "roles": list(self.roles),
            "purpose": self.purpose,
            "algorithm": self.algorithm,
            "key_bits": self.key_bits,
            "serial": self.serial,
            "not_before": _iso_z(self.not_before),
            "not_after": _iso_z(self.not_after),
            "issuer": self.issuer,
            "policies": list(self.policies),
            "ext_key_usage": list(self.ext_key_usage),
            "crl_urls": list(self.crl_urls),
            "ocsp_urls": list(self.ocsp_urls),
            "ca_issuers_urls": list(self.ca_issuers_urls),
        }


def _iso_z(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def serial_hex(serial: int) -> str:
    """Upper-case hex of a serial number, an even number of digits (as openssl prints it)."""
    text = format(serial, "X")
    return text.zfill(len(text) + len(text) % 2)


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from DER or PEM bytes; SignatureInvalid('malformed') otherwise."""
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise SignatureInvalid("malformed", f"not a certificate: {exc}") from exc


def fingerprint(cert: x509.Certificate) -> str:
    """Hex SHA-256 of the DER certificate: how certificates are pinned and named in archives."""
    return hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest()


def name_string(name: x509.Name) -> str:
    """RFC 4514 string with NCA's readable attribute names (G, SURNAME, SERIALNUMBER)."""
    return name.rfc4514_string(NAME_LABELS)


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> list[str]:
    return [str(a.value) for a in name.get_attributes_for_oid(oid)]


def _first(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = _attr(name, oid)
    return values[0] if values else None


def _ext(cert: x509.Certificate, cls: type[Any]) -> Any | None:
    try:
        return cert.extensions.get_extension_for_class(cls).value
    except x509.ExtensionNotFound:
        return None


def spki_algorithm(cert: x509.Certificate) -> tuple[Algorithm, int]:
    """Key algorithm and size, read from the SPKI so GOST keys need no crypto backend."""
    der = cert.public_bytes(Encoding.DER)
    tbs = ax509.Certificate.load(der)["tbs_certificate"]
    # Parse generically: asn1crypto's PublicKeyInfo rejects the GOST key OIDs.
    spki = core.Sequence.load(tbs["subject_public_key_info"].dump())
    alg = core.Sequence.load(spki[0].dump())
    oid = core.ObjectIdentifier.load(alg[0].dump()).dotted
    if oid == OID_RSA:
        key = cert.public_key()
        assert isinstance(key, rsa.RSAPublicKey)
        return "rsa", key.key_size
    if oid.startswith((OID_GOST2004_PREFIX, OID_GOST2015_PREFIX)):
        bits = core.BitString.load(spki[1].dump()).contents[1:]
        # The key is an OCTET STRING holding the point (x, y): half its length is the key size.
        point = core.OctetString.load(bits).native
        kind: Algorithm = "gost2004" if oid.startswith(OID_GOST2004_PREFIX) else "gost2015"
        return kind, len(point) * 4
    raise SignatureInvalid("unsupported_algorithm", f"unknown public key algorithm {oid}")


def _purpose(
    ku: x509.KeyUsage | None, eku: tuple[str, ...], is_ca: bool
) -> Purpose:
    # NCA-EDS §2.4: AUTH = DS+KE / clientAuth; SIGN = DS+NR / emailProtection;
    # GOST 2015 keys (NR plus KE or KA) are one key for both.
    if is_ca:
        return "ca"
    nr = ku is not None and ku.content_commitment
    enc = ku is not None and (ku.key_encipherment or ku.key_agreement)
    signing = nr or EMAIL_PROTECTION in eku
    auth = CLIENT_AUTH in eku or (ku is not None and ku.digital_signature and enc and not nr)
    if signing and (auth or enc):
        return "signing_and_authentication"
    if signing:
        return "signing"
    return "authentication"


def _urls(names: Any) -> list[str]:
    return [n.value for n in names or () if isinstance(n, x509.UniformResourceIdentifier)]


def profile_of(cert: x509.Certificate | bytes) -> CertProfile:
    """Parse one certificate (object, DER or PEM) into its NCA profile."""
    if isinstance(cert, bytes | bytearray):
        cert = load_certificate(bytes(cert))
    try:
        return _profile(cert)
    except ValueError as exc:
        raise SignatureInvalid("malformed", f"cannot parse certificate: {exc}") from exc


def _profile(cert: x509.Certificate) -> CertProfile:
    subject = cert.subject
    cn = _first(subject, NameOID.COMMON_NAME) or ""
    surname = _first(subject, NameOID.SURNAME)
    first_name: str | None = None
    if surname is not None:
        # The first name lives only in CN ("SURNAME NAME"); NCA-EDS §2.2.
        rest = cn[len(surname):] if cn.startswith(surname) else cn.partition(" ")[2]
        first_name = rest.strip() or None
    iin = bin_ = None
    for value in _attr(subject, NameOID.SERIAL_NUMBER):
        if value.startswith("IIN"):
            iin = value[3:]
        elif value.startswith("BIN"):
            bin_ = value[3:]
    for value in _attr(subject, NameOID.ORGANIZATIONAL_UNIT_NAME):
        if value.startswith("BIN") and bin_ is None:
            bin_ = value[3:]

    bc = _ext(cert, x509.BasicConstraints)
    is_ca = bool(bc and bc.ca)
    ku = _ext(cert, x509.KeyUsage)
    eku_ext = _ext(cert, x509.ExtendedKeyUsage)
    eku = tuple(o.dotted_string for o in eku_ext or ())
    holder: HolderKind
    if is_ca:
        holder = "ca"
    elif OID_LEGAL_ENTITY in eku or (OID_INDIVIDUAL not in eku and bin_ is not None):
        holder = "legal_entity_employee"
    else:
        holder = "individual"
    roles = tuple(role for oid, role in ROLE_OIDS.items() if oid in eku)

    policies_ext = _ext(cert, x509.CertificatePolicies)
    policies = tuple(p.policy_identifier.dotted_string for p in policies_ext or ())
    crl_urls: list[str] = []
    for ext_cls in (x509.CRLDistributionPoints, x509.FreshestCRL):
        # Base CRL first, then the delta CRL (freshestCRL) NCA also publishes.
        for point in _ext(cert, ext_cls) or ():
            crl_urls += _urls(point.full_name)
    ocsp: list[str] = []
    issuers: list[str] = []
    for desc in _ext(cert, x509.AuthorityInformationAccess) or ():
        if desc.access_method == x509.AuthorityInformationAccessOID.OCSP:
            ocsp += _urls([desc.access_location])
        elif desc.access_method == x509.AuthorityInformationAccessOID.CA_ISSUERS:
            issuers += _urls([desc.access_location])
    algorithm, bits = spki_algorithm(cert)
    return CertProfile(
        common_name=cn,
        surname=surname,
        first_name=first_name,
        patronymic=_first(subject, NameOID.GIVEN_NAME),
        iin=iin,
        bin=bin_,
        organization=_first(subject, NameOID.ORGANIZATION_NAME),
        country=_first(subject, NameOID.COUNTRY_NAME),
        holder_kind=holder,
        roles=roles,
        purpose=_purpose(ku, eku, is_ca),
        algorithm=algorithm,
        key_bits=bits,
        serial=serial_hex(cert.serial_number),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        issuer=name_string(cert.issuer),
        policies=policies,
        ext_key_usage=eku,
        crl_urls=tuple(crl_urls),
        ocsp_urls=tuple(ocsp),
        ca_issuers_urls=tuple(issuers),
    )


__all__ = ["CertProfile", "load_certificate", "name_string", "profile_of", "serial_hex"]
