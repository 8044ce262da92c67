"""Re-verifying many detached CMS signatures of the desk's own shape (issue 10, `journal
verify`): every check of signing.cms.verify_detached, with what depends on the certificates
alone done once per signer.

A CMS is taken on the fast path only when it is byte for byte what sign_detached makes with
RSA/SHA-256 (rebuilt from its parts and compared), and only once a full verification of one
signature by the same certificates and signingCertificate attribute has passed: that settles
which certificate signed, that the ESS attribute names it, its profile and its key. Each
signature then still has its content type, digest, RSA signature, chain as of its time
(TrustStore.check) and purpose checked. Anything else — another shape, GOST, any failure — goes
to signing.cms.verify_detached, so verdicts and error codes are the full path's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass, field
from typing import Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from signing.cms import (
    _ALG_SHA256,
    _ALG_SHA256_RSA,
    _ATTR_CONTENT_TYPE,
    _OID_DATA,
    _OID_MESSAGE_DIGEST,
    _OID_SIGNED_DATA,
    _OID_SIGNING_TIME,
    _VERSION_1,
    VerifiedSignature,
    _parse,
    _signer_certificate,
    check_purpose,
    verify_detached,
)
from signing.der import children, tlv
from signing.errors import SignatureInvalid
from signing.trust import RevocationPolicy, TrustStore

Purpose = Literal["authentication", "signing"]
_SHA256 = hashes.SHA256()
_PKCS1 = padding.PKCS1v15()
_DIGEST_PREFIX = tlv(0x30, _OID_MESSAGE_DIGEST + tlv(0x31, tlv(0x04, bytes(32))))[:-32]
_TIME_PREFIX = tlv(0x30, _OID_SIGNING_TIME + tlv(0x31, tlv(0x17, bytes(13))))[:-13]


@dataclass(frozen=True)
class _Shape:
    """The variable parts of a desk-shaped CMS (everything else is constant)."""

    certificates: bytes  # the [0] CertificateSet as it stands
    sid: bytes
    ess: bytes  # the signingCertificateV2 attribute
    digest: bytes
    utc_time: bytes  # the 13 characters of the signing time's UTCTime
    attrs: bytes  # the signed attributes' contents (signed as a SET OF)
    signature: bytes


@dataclass
class _Signer:
    """What one fully verified signature settled about its certificates."""

    first: VerifiedSignature
    others: list[x509.Certificate]  # the CMS's other certificates, for the chain
    key: rsa.RSAPublicKey
    purposes: dict[Purpose | None, bool] = field(default_factory=dict)


def desk_shape(cms_der: bytes) -> _Shape | None:
    """The parts of a CMS that is exactly what sign_detached makes with RSA/SHA-256, or None."""
    try:
        outer = children(cms_der)
        signed_data = children(outer[1])[0] if len(outer) == 2 else b""
        version, algs, encap, certs, infos = children(signed_data)
        (info,) = children(infos)
        si_version, sid, alg_digest, attrs_el, alg_signature, sig_el = children(info)
        attrs = children(attrs_el)
    except ValueError:  # not DER we can take apart, or not that many parts
        return None
    if len(attrs) != 4 or attrs_el[0] != 0xA0 or certs[0] != 0xA0 or sig_el[0] != 0x04:
        return None
    digest = utc = ess = None
    for attr in attrs:
        if attr.startswith(_DIGEST_PREFIX) and len(attr) == len(_DIGEST_PREFIX) + 32:
            digest = attr[len(_DIGEST_PREFIX):]
        elif attr.startswith(_TIME_PREFIX) and len(attr) == len(_TIME_PREFIX) + 13:
            utc = attr[len(_TIME_PREFIX):]
        elif attr != _ATTR_CONTENT_TYPE:
            ess = attr
    if digest is None or utc is None or ess is None:
        return None
    shape = _Shape(certs, sid, ess, digest, utc, b"".join(attrs),
                   sig_el[1 + _length_size(sig_el):])
    return shape if _rebuilt(shape) == cms_der and version == si_version == _VERSION_1 and (
        algs == tlv(0x31, _ALG_SHA256) and encap == tlv(0x30, _OID_DATA)
        and alg_digest == _ALG_SHA256 and alg_signature == _ALG_SHA256_RSA) else None


def _length_size(element: bytes) -> int:
    """How many bytes the length of a DER element takes."""
    return 1 if element[1] < 0x80 else 1 + (element[1] & 0x7F)


def _rebuilt(shape: _Shape) -> bytes:
    """The CMS sign_detached makes from these parts (as signing.cms.sign_detached lays it out)."""
    ordered = sorted(children(tlv(0x31, shape.attrs)))
    if b"".join(ordered) != shape.attrs:  # DER SET OF: in ascending order of their encodings
        return b""
    signer_info = tlv(0x30, b"".join((
        _VERSION_1, shape.sid, _ALG_SHA256, tlv(0xA0, shape.attrs), _ALG_SHA256_RSA,
        tlv(0x04, shape.signature))))
    signed_data = tlv(0x30, b"".join((
        _VERSION_1, tlv(0x31, _ALG_SHA256), tlv(0x30, _OID_DATA), shape.certificates,
        tlv(0x31, signer_info))))
    return tlv(0x30, _OID_SIGNED_DATA + tlv(0xA0, signed_data))


def _utc_time(text: bytes) -> dt.datetime | None:
    """A UTCTime YYMMDDHHMMSSZ as asn1crypto reads it (years 50..99 are 19xx), or None."""
    if len(text) != 13 or text[12:] != b"Z" or not text[:12].isdigit():
        return None
    year = int(text[0:2])
    try:
        return dt.datetime(year + (1900 if year >= 50 else 2000), int(text[2:4]), int(text[4:6]),
                           int(text[6:8]), int(text[8:10]), int(text[10:12]), tzinfo=dt.UTC)
    except ValueError:  # no such day or time
        return None


class FastVerifier:
    """signing.cms.verify_detached against one trust store, fast for the desk's own CMS."""

    def __init__(self, trust: TrustStore) -> None:
        self.trust = trust
        self._signers: dict[tuple[bytes, bytes, bytes], _Signer] = {}
        self.fast = self.full = 0

    def verify(self, cms_der: bytes, data: bytes, *, at: dt.datetime | None = None,
               purpose: Purpose | None = None,
               revocation: RevocationPolicy | None = None) -> VerifiedSignature:
        """As signing.cms.verify_detached(cms_der, data, trust, ...) would answer."""
        shape = desk_shape(cms_der)
        signer = None if shape is None else self._signers.get(
            (shape.certificates, shape.sid, shape.ess))
        if shape is not None and signer is not None:
            found = self._fast(shape, signer, data, at, purpose, revocation)
            if found is not None:
                self.fast += 1
                return found
        self.full += 1
        verified = verify_detached(cms_der, data, self.trust, at=at, purpose=purpose,
                                   revocation=revocation)
        if shape is not None and signer is None:
            self._learn(shape, cms_der, verified)
        return verified

    def _learn(self, shape: _Shape, cms_der: bytes, verified: VerifiedSignature) -> None:
        key = verified.certificate.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            return
        leaf, others = _signer_certificate(*_parse(cms_der))
        if leaf != verified.certificate:
            return
        if len(self._signers) > 4096:  # a bound, far above the certificates of one journal
            self._signers.clear()
        self._signers[(shape.certificates, shape.sid, shape.ess)] = _Signer(verified, others,
                                                                              key)

    def _fast(self, shape: _Shape, signer: _Signer, data: bytes, at: dt.datetime | None,
              purpose: Purpose | None,
              revocation: RevocationPolicy | None) -> VerifiedSignature | None:
        """The verdict when every check passes; None sends the CMS to the full path."""
        signing_time = _utc_time(shape.utc_time)
        if signing_time is None or not hmac.compare_digest(
                shape.digest, hashlib.sha256(data).digest()):
            return None
        try:
            signer.key.verify(shape.signature, b"\x31" + tlv(0x31, shape.attrs)[1:], _PKCS1,
                              _SHA256)
        except InvalidSignature:
            return None
        first = signer.first
        try:
            checked = self.trust.check(first.certificate, at or dt.datetime.now(dt.UTC),
                                       extra=signer.others, policy=revocation)
        except SignatureInvalid:
            return None
        if not self._serves(signer, purpose):
            return None
        return VerifiedSignature(certificate=first.certificate, profile=first.profile,
                                 signing_time=signing_time, chain=checked.path,
                                 revocation=checked.revocation)

    @staticmethod
    def _serves(signer: _Signer, purpose: Purpose | None) -> bool:
        ok = signer.purposes.get(purpose)
        if ok is None:
            try:
                if purpose is not None:
                    check_purpose(signer.first.certificate, signer.first.profile, purpose)
                ok = True
            except SignatureInvalid:
                ok = False
            signer.purposes[purpose] = ok
        return ok


__all__ = ["FastVerifier", "desk_shape"]
