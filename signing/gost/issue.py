"""GOST 34.10-2015 certificates and CRLs for the sandbox and tests, shaped like NCA's 2022 CA.

cryptography cannot hold a GOST key, so each object is first built by cryptography around a
placeholder RSA key (names, extensions, serials, times encoded as usual), then its
SubjectPublicKeyInfo and signature algorithm are replaced by GOST ones and the new
tbsCertificate (or tbsCertList) is signed with the issuer's GOST key. Sandbox keys only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from asn1crypto import core
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding

from signing.der import children as _children
from signing.der import tlv as _tlv
from signing.gost import ec
from signing.gost.curves import TC26_512_A
from signing.gost.nca import (
    OID_HASH_STREEBOG512,
    OID_KEY_GOST2015_512,
    OID_SIG_GOST2015_512,
    GostPublicKey,
    algorithms_for,
    hash_data,
    public_key_from_spki,
    sign_digest,
)

NCA_CURVE_512 = "1.2.398.3.10.1.1.2.2.1"


@dataclass(frozen=True)
class GostKeyPair:
    """A software GOST private scalar and its public key (sandbox and NCA test keys)."""

    private: int
    public: GostPublicKey

    @classmethod
    def generate(cls) -> GostKeyPair:
        """A fresh key on NCA's 512-bit curve."""
        d = ec.generate_private(TC26_512_A)
        return cls.from_private(d)

    @classmethod
    def from_private(cls, d: int) -> GostKeyPair:
        """The pair of a known private scalar."""
        return cls(d, public_key_from_spki(spki(ec.public_key(TC26_512_A, d))))

    def sign(self, data: bytes) -> bytes:
        """NCA-encoded signature over ``data`` with the key's own hash (algorithms_for)."""
        return sign_digest(self.public, self.private,
                           hash_data(algorithms_for(self.public)[0], data))

    def key_identifier(self) -> bytes:
        """SHA-1 of the public key bits (RFC 5280 §4.2.1.2 method 1)."""
        return hashlib.sha1(_key_bits(self.public)).digest()  # noqa: S324  # an identifier


def _key_bits(key: GostPublicKey) -> bytes:
    return core.OctetString(key.point_bytes()).dump()


def spki(point: ec.Affine) -> bytes:
    """DER SubjectPublicKeyInfo of a 512-bit key as NCA writes it (NCA-EDS §8)."""
    n = TC26_512_A.size
    xy = point[0].to_bytes(n, "little") + point[1].to_bytes(n, "little")
    algorithm = _tlv(0x30, (
        core.ObjectIdentifier(OID_KEY_GOST2015_512).dump()
        + _tlv(0x30, core.ObjectIdentifier(NCA_CURVE_512).dump()
               + core.ObjectIdentifier(OID_HASH_STREEBOG512).dump())))
    bits = b"\x00" + core.OctetString(xy).dump()
    return _tlv(0x30, algorithm + _tlv(0x03, bits))


_ALGORITHM = _tlv(0x30, core.ObjectIdentifier(OID_SIG_GOST2015_512).dump())


@lru_cache(maxsize=1)
def placeholder_key() -> rsa.RSAPrivateKey:
    """The throwaway RSA key cryptography builds around before the GOST graft."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _signed(tbs: bytes, issuer: GostKeyPair) -> bytes:
    signature = issuer.sign(tbs)
    return _tlv(0x30, tbs + _ALGORITHM + _tlv(0x03, b"\x00" + signature))


def certificate(builder: x509.CertificateBuilder, subject_key: GostPublicKey,
                issuer: GostKeyPair) -> x509.Certificate:
    """``builder``'s certificate with ``subject_key`` in it, signed by ``issuer``.

    The builder must not be given a public key; SubjectKeyIdentifier / AuthorityKeyIdentifier
    are the caller's (use GostKeyPair.key_identifier).
    """
    template = builder.public_key(placeholder_key().public_key()).sign(
        placeholder_key(), hashes.SHA256())
    outer = _children(template.public_bytes(Encoding.DER))
    tbs = _children(outer[0])
    # tbsCertificate: [0] version, serial, signature, issuer, validity, subject, spki, [3] ext
    tbs[2] = _ALGORITHM
    tbs[6] = spki(subject_key.point)
    return x509.load_der_x509_certificate(_signed(_tlv(0x30, b"".join(tbs)), issuer))


def crl(builder: x509.CertificateRevocationListBuilder,
        issuer: GostKeyPair) -> x509.CertificateRevocationList:
    """``builder``'s CRL signed by the issuer's GOST key."""
    template = builder.sign(placeholder_key(), hashes.SHA256())
    outer = _children(template.public_bytes(Encoding.DER))
    tbs = _children(outer[0])
    # tbsCertList: version, signature, issuer, thisUpdate, nextUpdate, revoked, [0] ext
    index = 1 if tbs[0][:1] == b"\x02" else 0
    tbs[index] = _ALGORITHM
    return x509.load_der_x509_crl(_signed(_tlv(0x30, b"".join(tbs)), issuer))


__all__ = ["GostKeyPair", "certificate", "crl", "placeholder_key", "spki"]
