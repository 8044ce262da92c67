"""Detached CMS (CAdES-BES style) signatures: build over one raw sign call; verify fully."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import threading
from dataclasses import dataclass
from typing import Any, Literal

from asn1crypto import cms, core
from asn1crypto import tsp as _tsp  # registers signing_certificate_v2 in cms
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding

from signing.der import bounds, children, element, tlv
from signing.errors import SignatureInvalid
from signing.gost.certs import gost_key, is_gost_key, verify_by
from signing.gost.nca import (
    HASH_BY_OID,
    SIGNATURE_HASH,
    GostError,
    algorithms_for,
    hash_data,
    is_gost_oid,
)
from signing.profile import (
    CLIENT_AUTH,
    EMAIL_PROTECTION,
    CertProfile,
    profile_of,
)
from signing.signer import Signer
from signing.trust import RevocationDecision, RevocationPolicy, TrustStore

_HASHES: dict[str, tuple[Any, hashes.HashAlgorithm]] = {
    "sha256": (hashlib.sha256, hashes.SHA256()),
    "sha384": (hashlib.sha384, hashes.SHA384()),
    "sha512": (hashlib.sha512, hashes.SHA512()),
}
_RSA_SIG_ALGS = {"rsassa_pkcs1v15", "sha256_rsa", "sha384_rsa", "sha512_rsa"}
# Issue 10: a gateway sees the same few signers' certificates on every query; each DER is
# parsed, profiled and its key loaded once. Certificates are immutable: nothing is checked less.
_CERT_CACHE = 512


@functools.lru_cache(maxsize=_CERT_CACHE)
def _certificate(der: bytes) -> x509.Certificate:
    return x509.load_der_x509_certificate(der)


@functools.lru_cache(maxsize=_CERT_CACHE)
def _profile(cert: x509.Certificate) -> CertProfile:
    return profile_of(cert)


@functools.lru_cache(maxsize=_CERT_CACHE)
def _public_key(cert: x509.Certificate) -> Any:
    return cert.public_key()


@dataclass(frozen=True)
class VerifiedSignature:
    """A signature that passed every check, with who signed and when they said they did."""

    certificate: x509.Certificate
    profile: CertProfile
    signing_time: dt.datetime | None
    chain: list[x509.Certificate]
    # One decision per link below the anchor; soft_failed ones were let through by policy.
    revocation: tuple[RevocationDecision, ...] = ()

    @property
    def revocation_soft_failed(self) -> tuple[RevocationDecision, ...]:
        """Links whose revocation status is unknown, accepted only by a soft_fail policy."""
        return tuple(d for d in self.revocation if d.soft_failed)


def _len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def _tlv(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + _len(len(content)) + content


def _oid(dotted: str) -> bytes:
    return core.ObjectIdentifier(dotted).dump()


# Constant DER pieces. The SignedData is assembled by hand: asn1crypto re-serialises the
# certificates on every dump (~10 ms), and a request signature must cost next to nothing.
_OID_DATA = _oid("1.2.840.113549.1.7.1")
_OID_SIGNED_DATA = _oid("1.2.840.113549.1.7.2")
_ALG_SHA256 = _tlv(0x30, _oid("2.16.840.1.101.3.4.2.1"))
_ALG_SHA256_RSA = _tlv(0x30, _oid("1.2.840.113549.1.1.11") + b"\x05\x00")
_VERSION_1 = b"\x02\x01\x01"
_ATTR_CONTENT_TYPE = _tlv(0x30, _oid("1.2.840.113549.1.9.3") + _tlv(0x31, _OID_DATA))
_OID_MESSAGE_DIGEST = _oid("1.2.840.113549.1.9.4")
_OID_SIGNING_TIME = _oid("1.2.840.113549.1.9.5")


@dataclass(frozen=True)
class _SignerParts:
    """Per-certificate DER pieces of a SignedData that never change between signatures."""

    certificate: x509.Certificate
    chain_ids: tuple[int, ...]
    chain_refs: tuple[x509.Certificate, ...]  # held so the ids in chain_ids stay unique
    certificates: bytes  # [0] IMPLICIT CertificateSet
    sid: bytes  # IssuerAndSerialNumber
    signing_certificate_v2: bytes  # the ESS attribute


_CACHE: dict[int, _SignerParts] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_MAX = 64


def _parts(signer: Signer) -> _SignerParts:
    # Keyed by the certificate object's id; the entry holds a strong reference to it, so the
    # id cannot be reused while cached. Saves re-parsing certificates on every request.
    cert = signer.certificate
    chain = signer.chain
    with _CACHE_LOCK:
        hit = _CACHE.get(id(cert))
    if (
        hit is not None
        and hit.certificate is cert
        and hit.chain_ids == tuple(id(c) for c in chain)
    ):
        return hit
    leaf_der = cert.public_bytes(Encoding.DER)
    leaf = ax509.Certificate.load(leaf_der)
    ders = [leaf_der] + [c.public_bytes(Encoding.DER) for c in chain]
    issuer_serial = cms.IssuerAndSerialNumber(
        {"issuer": leaf.issuer, "serial_number": leaf.serial_number}
    )
    ess = _tsp.SigningCertificateV2({
        "certs": [{
            "hash_algorithm": {"algorithm": "sha256"},
            "cert_hash": hashlib.sha256(leaf_der).digest(),
            "issuer_serial": {
                "issuer": [ax509.GeneralName({"directory_name": leaf.issuer})],
                "serial_number": leaf.serial_number,
            },
        }]
    })
    parts = _SignerParts(
        certificate=cert,
        chain_ids=tuple(id(c) for c in chain),
        chain_refs=tuple(chain),
        certificates=_tlv(0xA0, b"".join(ders)),
        sid=issuer_serial.dump(),
        signing_certificate_v2=cms.CMSAttribute(
            {"type": "signing_certificate_v2", "values": [ess]}
        ).dump(),
    )
    with _CACHE_LOCK:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[id(cert)] = parts
    return parts


def _time(when: dt.datetime) -> bytes:
    # RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise.
    if 1950 <= when.year < 2050:
        return _tlv(0x17, when.strftime("%y%m%d%H%M%SZ").encode())
    return _tlv(0x18, when.strftime("%Y%m%d%H%M%SZ").encode())


def sign_detached(
    data: bytes, signer: Signer, *, signing_time: dt.datetime | None = None
) -> bytes:
    """DER ContentInfo/SignedData over ``data``, detached; one sign_raw call.

    RSA/SHA-256, or for a GOST key NCA's pair for it (signing.gost.nca.algorithms_for).
    """
    # R-AUTH-5: every request leaves signed; the signature is over the signed attributes,
    # which bind the data's digest and the signer's certificate (ESS signingCertificateV2).
    parts = _parts(signer)
    if is_gost_key(signer.certificate):
        hash_name, digest_oid, signature_oid = algorithms_for(gost_key(signer.certificate))
        alg_digest, alg_signature = _tlv(0x30, _oid(digest_oid)), _tlv(0x30, _oid(signature_oid))
        digest = hash_data(hash_name, data)
    else:
        alg_digest, alg_signature = _ALG_SHA256, _ALG_SHA256_RSA
        digest = hashlib.sha256(data).digest()
    when = (signing_time or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    attrs = sorted([  # DER SET OF: elements in ascending order of their encodings
        _ATTR_CONTENT_TYPE,
        _tlv(0x30, _OID_SIGNING_TIME + _tlv(0x31, _time(when))),
        _tlv(0x30, _OID_MESSAGE_DIGEST + _tlv(0x31, _tlv(0x04, digest))),
        parts.signing_certificate_v2,
    ])
    attrs_body = b"".join(attrs)
    signature = signer.sign_raw(_tlv(0x31, attrs_body))
    signer_info = _tlv(0x30, b"".join((
        _VERSION_1, parts.sid, alg_digest, _tlv(0xA0, attrs_body), alg_signature,
        _tlv(0x04, signature),
    )))
    signed_data = _tlv(0x30, b"".join((
        _VERSION_1,
        _tlv(0x31, alg_digest),
        _tlv(0x30, _OID_DATA),
        parts.certificates,
        _tlv(0x31, signer_info),
    )))
    return _tlv(0x30, _OID_SIGNED_DATA + _tlv(0xA0, signed_data))


def add_unsigned_attribute(cms_der: bytes, attr_oid: str, value_der: bytes) -> bytes:
    """The CMS with one more unsigned attribute on its (single) signer; the signature stands.

    DER surgery rather than asn1crypto's re-encoding, which would rewrite certificates it
    cannot parse (GOST keys). For a signature time-stamp (PAdES B-T) after signing.
    """
    outer = children(cms_der)  # ContentInfo: contentType, [0] EXPLICIT SignedData
    signed_data = element(outer[1][bounds(outer[1])[0]:])
    parts = children(signed_data)
    infos = children(parts[-1])
    if len(infos) != 1:
        raise _malformed(f"expected one signer, found {len(infos)}")
    fields = children(infos[0])
    attribute = tlv(0x30, _oid(attr_oid) + tlv(0x31, value_der))
    if fields[-1][0] == 0xA1:  # unsignedAttrs present: add to the SET (DER order)
        present = children(fields[-1])
        fields[-1] = tlv(0xA1, b"".join(sorted([*present, attribute])))
    else:
        fields.append(tlv(0xA1, attribute))
    parts[-1] = tlv(0x31, tlv(0x30, b"".join(fields)))
    return tlv(0x30, outer[0] + tlv(0xA0, tlv(0x30, b"".join(parts))))


def _malformed(message: str) -> SignatureInvalid:
    return SignatureInvalid("malformed", message)


def _parse(cms_der: bytes) -> tuple[cms.SignedData, cms.SignerInfo]:
    try:
        info = cms.ContentInfo.load(cms_der, strict=True)
        if info["content_type"].native != "signed_data":
            raise _malformed("not a CMS SignedData")
        signed = info["content"]
        signer_infos = signed["signer_infos"]
        if len(signer_infos) != 1:
            raise _malformed(f"expected one signer, found {len(signer_infos)}")
        return signed, signer_infos[0]
    except SignatureInvalid:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise _malformed(f"cannot parse CMS: {exc}") from exc


def _check_algorithms(si: cms.SignerInfo) -> str:
    """The digest's name (a key of signing.gost.nca.HASHES): RSA/SHA-2 or NCA GOST pairs."""
    digest_oid = si["digest_algorithm"]["algorithm"].dotted
    sig_oid = si["signature_algorithm"]["algorithm"].dotted
    if is_gost_oid(digest_oid) or is_gost_oid(sig_oid):
        # Issue 12: NCA GOST 34.310-2004 / 34.10-2015 with the hash its algorithm names.
        name = HASH_BY_OID.get(digest_oid)
        if name is None or sig_oid not in SIGNATURE_HASH:
            raise SignatureInvalid(
                "unsupported_algorithm", f"unsupported GOST algorithms {digest_oid} / {sig_oid}"
            )
        if SIGNATURE_HASH[sig_oid] != name:
            raise _malformed(f"digest {digest_oid} does not belong to signature {sig_oid}")
        return name
    digest = si["digest_algorithm"]["algorithm"].native
    if digest not in _HASHES or si["signature_algorithm"]["algorithm"].native not in _RSA_SIG_ALGS:
        raise SignatureInvalid(
            "unsupported_algorithm", f"unsupported algorithms {digest_oid} / {sig_oid}"
        )
    return str(digest)


def _signer_certificate(
    signed: cms.SignedData, si: cms.SignerInfo
) -> tuple[x509.Certificate, list[x509.Certificate]]:
    sid = si["sid"]
    leaf: x509.Certificate | None = None
    others: list[x509.Certificate] = []
    for choice in signed["certificates"] or ():
        if choice.name != "certificate":
            continue
        acert = choice.chosen
        cert = _certificate(acert.dump())
        if sid.name == "issuer_and_serial_number":
            match = (
                acert.serial_number == sid.chosen["serial_number"].native
                and _same_name(acert.issuer, sid.chosen["issuer"])
            )
        else:
            match = acert.key_identifier == sid.chosen.native
        if match and leaf is None:
            leaf = cert
        else:
            others.append(cert)
    if leaf is None:
        raise _malformed("the signer's certificate is not in the CMS")
    return leaf, others


def _same_name(a: ax509.Name, b: ax509.Name) -> bool:
    """RFC 5280 name equality; identical DER (the usual case) needs no string preparation."""
    return a.dump() == b.dump() or a == b


def _attr(attrs: cms.CMSAttributes, name: str) -> Any:
    values = [a["values"] for a in attrs if a["type"].native == name]
    if len(values) > 1 or (values and len(values[0]) != 1):
        raise _malformed(f"attribute {name} must occur once with one value")
    return values[0][0] if values else None


def _verify_signer(cert: x509.Certificate, si: cms.SignerInfo, payload: bytes,
                   digest: str) -> None:
    signature = si["signature"].native
    sig_oid = si["signature_algorithm"]["algorithm"].dotted
    if not is_gost_oid(sig_oid):
        _verify_rsa(cert, signature, payload, digest)
        return
    if not is_gost_key(cert):
        raise SignatureInvalid("bad_signature", "a GOST signature by a key that is not GOST")
    try:
        ok = verify_by(cert, sig_oid, payload, signature)
    except GostError as exc:
        raise SignatureInvalid(
            "unsupported_algorithm" if exc.unsupported else "bad_signature", str(exc)
        ) from exc
    if not ok:
        raise SignatureInvalid("bad_signature", "the signature does not match")


def _verify_rsa(cert: x509.Certificate, signature: bytes, payload: bytes, digest: str) -> None:
    try:
        key = _public_key(cert)
    except UnsupportedAlgorithm as exc:
        raise SignatureInvalid("unsupported_algorithm", "signer key is not RSA") from exc
    if not isinstance(key, rsa.RSAPublicKey):
        raise SignatureInvalid("unsupported_algorithm", "signer key is not RSA")
    if digest not in _HASHES:
        raise SignatureInvalid("unsupported_algorithm", f"an RSA signature over {digest}")
    try:
        key.verify(signature, payload, padding.PKCS1v15(), _HASHES[digest][1])
    except InvalidSignature as exc:
        raise SignatureInvalid("bad_signature", "the signature does not match") from exc


def check_purpose(
    cert: x509.Certificate, profile: CertProfile, purpose: Literal["authentication", "signing"]
) -> None:
    """Raise wrong_key_usage unless the certificate serves ``purpose`` (NCA-EDS §2.4)."""
    try:
        ku: x509.KeyUsage | None = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        ku = None
    eku = profile.ext_key_usage
    if purpose == "authentication":
        ok = CLIENT_AUTH in eku or (
            ku is not None
            and ku.digital_signature
            and ku.key_encipherment
            and not ku.content_commitment
        )
    else:
        ok = (ku is not None and ku.content_commitment) or EMAIL_PROTECTION in eku
    if profile.algorithm == "gost2015" and profile.purpose == "signing_and_authentication":
        ok = True  # NCA-EDS §2.4: a GOST 2015 certificate is one key for both uses
    if not ok:
        raise SignatureInvalid(
            "wrong_key_usage",
            f"this is a {profile.purpose} certificate; a {purpose} key is required",
        )


def verify_detached(
    cms_der: bytes,
    data: bytes,
    trust: TrustStore,
    *,
    at: dt.datetime | None = None,
    purpose: Literal["authentication", "signing"] | None = None,
    revocation: RevocationPolicy | None = None,
) -> VerifiedSignature:
    """Verify a detached CMS over ``data``: digest, signature, chain, revocation, purpose.

    ``revocation`` overrides the trust store's revocation policy (hard_fail by default).
    """
    signed, si = _parse(cms_der)
    digest = _check_algorithms(si)  # first: a GOST signature is "unsupported", never "malformed"
    if _content(signed) is not None:
        raise _malformed("the signature is not detached (it carries the content)")
    return _verify(signed, si, digest, data, trust, at, purpose, revocation)


def verify_attached(
    cms_der: bytes,
    trust: TrustStore,
    *,
    at: dt.datetime | None = None,
    purpose: Literal["authentication", "signing"] | None = None,
    revocation: RevocationPolicy | None = None,
) -> tuple[VerifiedSignature, bytes]:
    """Verify a CMS that carries its content (eContent); return the result and the content."""
    return verify_encapsulated(cms_der, trust, at=at, purpose=purpose, revocation=revocation)


def verify_encapsulated(
    cms_der: bytes,
    trust: TrustStore,
    *,
    content_type: str = "data",
    at: dt.datetime | None = None,
    purpose: Literal["authentication", "signing"] | None = None,
    revocation: RevocationPolicy | None = None,
) -> tuple[VerifiedSignature, bytes]:
    """``verify_attached`` for eContent of ``content_type`` (asn1crypto's name: tst_info...)."""
    signed, si = _parse(cms_der)
    digest = _check_algorithms(si)
    try:
        econtent_type = signed["encap_content_info"]["content_type"].native
    except (ValueError, TypeError) as exc:
        raise _malformed(f"cannot parse CMS content type: {exc}") from exc
    if econtent_type != content_type:
        raise _malformed(f"the CMS carries {econtent_type}, not {content_type}")
    content = _content(signed)
    if content is None:
        raise _malformed("the signature is detached: the signed data is needed")
    verified = _verify(signed, si, digest, content, trust, at, purpose, revocation,
                       content_type_name=content_type)
    return verified, content


def encapsulated_content(cms_der: bytes) -> bytes | None:
    """The eContent of an attached CMS, None for a detached one; malformed if unparsable."""
    signed, _ = _parse(cms_der)
    return _content(signed)


def claimed_signer(cms_der: bytes) -> x509.Certificate | None:
    """The certificate the (single) signer names, unverified: for reports on failures."""
    try:
        signed, si = _parse(cms_der)
        return _signer_certificate(signed, si)[0]
    except (SignatureInvalid, ValueError, TypeError, KeyError):
        return None


def _content(signed: cms.SignedData) -> bytes | None:
    try:
        value = signed["encap_content_info"]["content"]
        native = value.native
        if native is None:
            return None
        return native if isinstance(native, bytes) else bytes(value.contents)
    except (ValueError, TypeError) as exc:
        raise _malformed(f"cannot parse CMS content: {exc}") from exc


def _verify(
    signed: cms.SignedData,
    si: cms.SignerInfo,
    digest: str,
    data: bytes,
    trust: TrustStore,
    at: dt.datetime | None,
    purpose: Literal["authentication", "signing"] | None,
    revocation: RevocationPolicy | None = None,
    content_type_name: str = "data",
) -> VerifiedSignature:
    try:
        leaf, others = _signer_certificate(signed, si)
        attrs = si["signed_attrs"]
        signing_time: dt.datetime | None = None
        if attrs:
            content_type = _attr(attrs, "content_type")
            if content_type is None or content_type.native != content_type_name:
                raise _malformed(f"signed attributes lack content type {content_type_name}")
            message_digest = _attr(attrs, "message_digest")
            if message_digest is None:
                raise _malformed("signed attributes lack the message digest")
            expected = hash_data(digest, data)
            if not hmac.compare_digest(message_digest.native, expected):
                raise SignatureInvalid("digest_mismatch", "the data does not match the signature")
            time_value = _attr(attrs, "signing_time")
            if time_value is not None:
                signing_time = time_value.native.astimezone(dt.UTC)
            ess = _attr(attrs, "signing_certificate_v2") or _attr(attrs, "signing_certificate")
            # The signed attributes as DER SET OF: the bytes the signer actually signed.
            payload = b"\x31" + attrs.dump()[1:]
        else:
            ess = None
            payload = data
    except SignatureInvalid:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise _malformed(f"cannot read the signer info: {exc}") from exc
    _verify_signer(leaf, si, payload, digest)
    if ess is not None:
        _check_ess(ess, leaf)
    when = at or dt.datetime.now(dt.UTC)
    checked = trust.check(leaf, when, extra=others, policy=revocation)
    profile = _profile(leaf)
    if purpose is not None:
        check_purpose(leaf, profile, purpose)
    return VerifiedSignature(
        certificate=leaf, profile=profile, signing_time=signing_time, chain=checked.path,
        revocation=checked.revocation,
    )


def _check_ess(ess: Any, leaf: x509.Certificate) -> None:
    # ESS signingCertificate(V2) binds the signer cert; a swapped certificate fails here.
    # Version 1 (SHA-1, RFC 2634) is what NCA's GOST 2004 time-stamp tokens carry.
    leaf_der = leaf.public_bytes(Encoding.DER)
    try:
        first = ess["certs"][0]
        if isinstance(first, _tsp.ESSCertIDv2):
            algo_oid = first["hash_algorithm"]["algorithm"]
            algo = HASH_BY_OID.get(algo_oid.dotted, algo_oid.native)
        else:
            algo = "sha1"
        wanted = first["cert_hash"].native
    except (IndexError, KeyError, ValueError) as exc:
        raise _malformed(f"bad signingCertificate: {exc}") from exc
    if algo == "sha1":
        actual = hashlib.sha1(leaf_der).digest()  # noqa: S324  # an identifier, RFC 2634
    else:
        try:
            actual = hash_data(algo, leaf_der)
        except GostError as exc:
            raise SignatureInvalid(
                "unsupported_algorithm", f"ESS cert hash {algo} unsupported"
            ) from exc
    if not hmac.compare_digest(actual, wanted):
        raise SignatureInvalid("bad_signature", "signingCertificate names another certificate")


__all__ = [
    "VerifiedSignature", "add_unsigned_attribute", "check_purpose", "claimed_signer",
    "encapsulated_content",
    "sign_detached", "verify_attached", "verify_detached", "verify_encapsulated",
]
