"""Re-verifying many detached CMS signatures of the desk's own shape (issue 10, `journal
verify`): every check of signing.cms.verify_detached, with what depends on the certificates
alone done once per signer.

A CMS is taken on the fast path only when it is byte for byte what sign_detached makes with
RSA/SHA-256 (rebuilt from its parts and compared — or, for a signer already verified, equal to
that signer's first CMS outside its digest, signing time and signature), and only once a full
verification of one signature by the same certificates and signingCertificate attribute has
passed: that settles which certificate signed, that the ESS attribute names it, its profile and
its key. Each signature then still has its content type, digest, RSA signature, chain as of its
time (TrustStore.check) and purpose checked. Anything else — another shape, GOST, any failure — goes
to signing.cms.verify_detached, so verdicts and error codes are the full path's.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import re
import threading
from dataclasses import dataclass, field
from itertools import pairwise
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


@dataclass(frozen=True)
class _Template:
    """A CMS that passed desk_shape with the contents of its digest, signing time and signature
    cut out (issue 10: taking every CMS apart was a third of `journal verify`). Another CMS
    equal to it everywhere else has the same shape with its own three contents: those lie inside
    primitive elements of unchanged length, and the order of the signed attributes is decided by
    bytes outside them (checked when the template is made), so desk_shape would find the same
    parts in it."""

    size: int
    fixed: tuple[tuple[int, bytes], ...]  # (offset, bytes) of everything outside the holes
    learned: _Shape
    sid_at: int  # where the signer's identifier lies: templates are found by it
    attrs_at: int
    digest_at: int
    time_at: int
    signature_at: int
    base64: _Base64Template | None = None

    @classmethod
    def of(cls, cms_der: bytes, shape: _Shape) -> _Template | None:
        """The template of a CMS desk_shape took apart into `shape`; None if its parts cannot be
        placed for certain."""
        attrs_at = cms_der.find(shape.attrs)
        sid_at = cms_der.rfind(shape.sid, 0, attrs_at)
        signature_at = len(cms_der) - len(shape.signature)
        if (attrs_at < 0 or sid_at < 0 or cms_der.find(shape.attrs, attrs_at + 1) >= 0
                or not cms_der.endswith(shape.signature)):
            return None
        digest_at = time_at = -1
        offset, attrs = attrs_at, children(tlv(0x31, shape.attrs))
        for attr in attrs:
            if attr.startswith(_DIGEST_PREFIX):
                digest_at = offset + len(_DIGEST_PREFIX)
            elif attr.startswith(_TIME_PREFIX):
                time_at = offset + len(_TIME_PREFIX)
            offset += len(attr)
        holes = sorted(((digest_at, 32), (time_at, 13), (signature_at, len(shape.signature))))
        if digest_at < 0 or time_at < 0 or not _order_outside(attrs, attrs_at, holes):
            return None
        fixed, at = [], 0
        for start, length in holes:
            if start < at:
                return None
            fixed.append((at, cms_der[at:start]))
            at = start + length
        fixed.append((at, cms_der[at:]))
        return cls(len(cms_der), tuple(fixed), shape, sid_at, attrs_at, digest_at, time_at,
                   signature_at, _Base64Template.of(cms_der, holes, (sid_at, len(shape.sid))))

    def match(self, cms_der: bytes) -> _Shape | None:
        """The shape of `cms_der` if it equals this template outside the holes, else None."""
        if len(cms_der) != self.size:
            return None
        for at, piece in self.fixed:
            if cms_der[at:at + len(piece)] != piece:
                return None
        learned = self.learned
        return _Shape(learned.certificates, learned.sid, learned.ess,
                      cms_der[self.digest_at:self.digest_at + 32],
                      cms_der[self.time_at:self.time_at + 13],
                      cms_der[self.attrs_at:self.attrs_at + len(learned.attrs)],
                      cms_der[self.signature_at:])


_BASE64 = re.compile(r"[A-Za-z0-9+/]*")
_BASE64_END = re.compile(r"[A-Za-z0-9+/]*={0,2}")


@dataclass(frozen=True)
class _Base64Template:
    """A template's CMS as base64 text (issue 10: decoding a stored signature whole was a tenth
    of `journal verify`). Outside the holes, widened to whole 4-character groups, a text equal
    to it decodes to the template's bytes; only the holes' characters are decoded."""

    size: int  # characters
    # (start, end, its text, its bytes) outside the holes, (start, end, "", None) for a hole
    parts: tuple[tuple[int, int, str, bytes | None], ...]
    key: tuple[int, int]  # characters inside the signer's identifier: templates are found by it
    key_text: str

    @classmethod
    def of(cls, cms_der: bytes, holes: list[tuple[int, int]],
           sid: tuple[int, int]) -> _Base64Template | None:
        text = base64.b64encode(cms_der).decode("ascii")
        groups: list[list[int]] = []  # the holes in groups of 3 bytes, merged where they touch
        for start, length in holes:
            first, end = start // 3, -(-(start + length) // 3)
            if groups and first <= groups[-1][1]:
                groups[-1][1] = max(groups[-1][1], end)
            else:
                groups.append([first, end])
        parts: list[tuple[int, int, str, bytes | None]] = []
        at = 0
        for first, end in groups:
            if first > at:
                parts.append((4 * at, 4 * first, text[4 * at:4 * first],
                              cms_der[3 * at:3 * first]))
            parts.append((4 * first, min(4 * end, len(text)), "", None))
            at = end
        if 4 * at < len(text):
            parts.append((4 * at, len(text), text[4 * at:], cms_der[3 * at:]))
        key = (4 * -(-sid[0] // 3), 4 * ((sid[0] + sid[1]) // 3))
        if key[1] - key[0] < 8 or not any(
                data is not None and start <= key[0] and key[1] <= end
                for start, end, _, data in parts):
            return None
        return cls(len(text), tuple(parts), key, text[key[0]:key[1]])

    def decode(self, text: str) -> bytes | None:
        """base64.b64decode(text, validate=True) when `text` equals this template outside the
        holes and the holes hold whole groups of base64; None otherwise."""
        if len(text) != self.size:
            return None
        pieces = []
        for start, end, fixed, data in self.parts:
            if data is not None:
                if not text.startswith(fixed, start):
                    return None
                pieces.append(data)
                continue
            chars = text[start:end]
            # The last group alone may be padded: with the template's size that is where the
            # whole text's padding would be, so this decodes as the whole text does.
            if not (_BASE64_END if end == self.size else _BASE64).fullmatch(chars):
                return None
            try:
                decoded = binascii.a2b_base64(chars, strict_mode=True)  # as b64decode does
            except (binascii.Error, ValueError):
                return None
            if len(decoded) != 3 * (end - start) // 4 - chars.count("="):
                return None
            pieces.append(decoded)
        return b"".join(pieces)


def _order_outside(attrs: list[bytes], at: int, holes: list[tuple[int, int]]) -> bool:
    """Whether each signed attribute's place in the DER SET OF is decided by a byte outside the
    holes (then any contents of the holes keep the order desk_shape checks)."""
    for a, b in pairwise(attrs):
        a_at, b_at = at, at + len(a)
        at = b_at
        i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
        if i is None or any(start <= a_at + i < start + n or start <= b_at + i < start + n
                            for start, n in holes):
            return False
    return True


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
        # One verifier serves every request thread of a gateway: readers never take a lock, so
        # _learn (under it) replaces the dicts readers iterate instead of changing them.
        self._learning = threading.Lock()
        self._signers: dict[tuple[bytes, bytes, bytes], _Signer] = {}
        # By the CMS's length, then where a signer's identifier lies and how long it is, then
        # its bytes: one look-up per layout, however many signers share a length.
        self._templates: dict[int, dict[tuple[int, int], dict[bytes, _Template]]] = {}
        # The same for their base64 texts, by the characters inside the signer's identifier.
        self._texts: dict[int, dict[tuple[int, int], dict[str, _Base64Template]]] = {}
        self.fast = self.full = 0

    def decode_base64(self, text: str) -> bytes:
        """base64.b64decode(text, validate=True) (its bytes, its errors); only the variable
        parts decoded when `text` is a learned signer's CMS (issue 10)."""
        for (start, end), by_key in self._texts.get(len(text), {}).items():
            template = by_key.get(text[start:end])
            decoded = None if template is None else template.decode(text)
            if decoded is not None:
                return decoded
        return base64.b64decode(text, validate=True)

    def verify(self, cms_der: bytes, data: bytes, *, at: dt.datetime | None = None,
               purpose: Purpose | None = None,
               revocation: RevocationPolicy | None = None) -> VerifiedSignature:
        """As signing.cms.verify_detached(cms_der, data, trust, ...) would answer."""
        shape = self._shape(cms_der)
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

    def _shape(self, cms_der: bytes) -> _Shape | None:
        """desk_shape(cms_der), by a learned signer's template when one fits."""
        for (at, size), by_sid in self._templates.get(len(cms_der), {}).items():
            template = by_sid.get(cms_der[at:at + size])
            shape = None if template is None else template.match(cms_der)
            if shape is not None:
                return shape
        return desk_shape(cms_der)

    def _learn(self, shape: _Shape, cms_der: bytes, verified: VerifiedSignature) -> None:
        key = verified.certificate.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            return
        leaf, others = _signer_certificate(*_parse(cms_der))
        if leaf != verified.certificate:
            return
        template = _Template.of(cms_der, shape)
        with self._learning:
            if len(self._signers) > 4096:  # a bound, far above the certificates of one journal
                self._signers, self._templates, self._texts = {}, {}, {}
            if template is not None:
                self._add_template(template, shape)
            # Last: a signer is looked up only once its templates are in place.
            self._signers[(shape.certificates, shape.sid, shape.ess)] = _Signer(verified,
                                                                                  others, key)

    def _add_template(self, template: _Template, shape: _Shape) -> None:
        # The layouts of one length are iterated by _shape, the texts' by decode_base64: each is
        # replaced by a grown copy; the innermost dicts are only read with .get.
        layouts = dict(self._templates.get(template.size, {}))
        layout = layouts.get((template.sid_at, len(shape.sid)))
        if layout is None and len(layouts) < 8:  # each layout is one look-up per CMS
            layout = layouts[(template.sid_at, len(shape.sid))] = {}
        if layout is not None:
            layout[shape.sid] = template
        self._templates[template.size] = layouts
        text = template.base64
        if text is not None:
            texts = dict(self._texts.get(text.size, {}))
            by_key = texts.get(text.key)
            if by_key is None and len(texts) < 8:
                by_key = texts[text.key] = {}
            if by_key is not None:
                by_key[text.key_text] = text
            self._texts[text.size] = texts

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
