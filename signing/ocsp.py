"""OCSP (RFC 6960) the NCANode way: SHA-256 CertID, a nonce, plain HTTP POST; full checks."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Literal

from asn1crypto import core
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID

from signing.errors import SigningError
from signing.gost.certs import certificate_signed_by, is_gost_key, is_gost_signed, verify_by
from signing.gost.nca import GostError
from signing.profile import name_string, serial_hex

HashName = Literal["sha256", "sha1"]
OcspStatus = Literal["good", "revoked", "unknown"]
NONCE_BYTES = 8  # NCANode sends 8 random bytes (NCA-EDS §2.1)
CLOCK_SKEW = dt.timedelta(minutes=5)
MAX_AGE = dt.timedelta(hours=1)  # NCA replies carry no nextUpdate: accept this fresh only
# NCA-EDS §3.3: the NCA responder answers "revoked, 1970-01-01" for certificates it does not
# know; that is "unknown", never a revocation and never "good".
UNKNOWN_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# SHA-1 only names the certificate in a CertID (RFC 6960 default), it protects nothing.
_HASHES: dict[str, hashes.HashAlgorithm] = {
    "sha256": hashes.SHA256(), "sha1": hashes.SHA1(),  # noqa: S303
}


class OcspError(SigningError):
    """The OCSP exchange failed or its answer cannot be trusted; ``code`` says how."""

    code = "ocsp_failed"


@dataclass(frozen=True)
class OcspRequest:
    """A DER request and the nonce it carries."""

    der: bytes
    nonce: bytes
    hash_name: HashName


@dataclass(frozen=True)
class OcspResult:
    """A checked OCSP answer for one certificate."""

    status: OcspStatus
    reason: str
    this_update: dt.datetime
    next_update: dt.datetime | None
    produced_at: dt.datetime
    revoked_at: dt.datetime | None
    responder: str
    signature: Literal["valid", "unsupported"]  # GOST replies: parsed, not verified

    @property
    def trusted_status(self) -> OcspStatus:
        """The status when the signature was verified, else "unknown"."""
        return self.status if self.signature == "valid" else "unknown"


def build_request(cert: x509.Certificate, issuer: x509.Certificate, *,
                  hash_name: HashName = "sha256", nonce: bytes | None = None) -> OcspRequest:
    """A request for ``cert`` with a CertID hashed by ``hash_name`` and a random nonce."""
    nonce = secrets.token_bytes(NONCE_BYTES) if nonce is None else nonce
    builder = (
        ocsp.OCSPRequestBuilder()
        .add_certificate(cert, issuer, _HASHES[hash_name])
        .add_extension(x509.OCSPNonce(nonce), critical=False)
    )
    return OcspRequest(builder.build().public_bytes(Encoding.DER), nonce, hash_name)


def post(url: str, request_der: bytes, *, timeout: float = 5.0) -> bytes:
    """POST application/ocsp-request over plain HTTP; the reply body (DER)."""
    if not url.startswith(("http://", "https://")):
        raise OcspError(f"not an HTTP OCSP URL: {url!r}", code="ocsp_url")
    req = urllib.request.Request(  # noqa: S310  # scheme checked above
        url, data=request_der, method="POST",
        headers={"Content-Type": "application/ocsp-request",
                 "Accept": "application/ocsp-response"},
    )
    # No proxies from the environment: workstations talk only to configured hosts.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=timeout) as resp:
            if resp.status != 200:
                raise OcspError(f"OCSP responder {url} answered HTTP {resp.status}",
                                code="ocsp_unavailable")
            return bytes(resp.read())
    except urllib.error.HTTPError as exc:
        raise OcspError(f"OCSP responder {url} answered HTTP {exc.code}",
                        code="ocsp_unavailable") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise OcspError(f"OCSP responder {url} unreachable: {exc}",
                        code="ocsp_unavailable") from exc


def key_bits(cert: x509.Certificate) -> bytes:
    """The subjectPublicKey BIT STRING contents, parsed generically (GOST keys included)."""
    from asn1crypto import x509 as ax509

    tbs = ax509.Certificate.load(cert.public_bytes(Encoding.DER))["tbs_certificate"]
    spki = core.Sequence.load(tbs["subject_public_key_info"].dump())
    return bytes(core.BitString.load(spki[1].dump()).contents[1:])


def _matches(single: ocsp.OCSPSingleResponse, cert: x509.Certificate,
             issuer: x509.Certificate) -> bool:
    algo = single.hash_algorithm.name
    if algo not in ("sha1", "sha256", "sha384", "sha512"):
        return False
    name_hash = hashlib.new(algo, issuer.subject.public_bytes()).digest()
    key_hash = hashlib.new(algo, key_bits(issuer)).digest()
    return (
        single.serial_number == cert.serial_number
        and hmac.compare_digest(single.issuer_name_hash, name_hash)
        and hmac.compare_digest(single.issuer_key_hash, key_hash)
    )


OCSP_SIGNING = ExtendedKeyUsageOID.OCSP_SIGNING.dotted_string


def eku_oids(cert: x509.Certificate) -> set[str]:
    """The extended key usage OIDs (read from the DER where cryptography cannot parse)."""
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        return {o.dotted_string for o in eku}
    except x509.ExtensionNotFound:
        return set()
    except ValueError:
        # NCA's test responder certificate has an extension that neither cryptography nor
        # asn1crypto parses; find the extendedKeyUsage extension in the DER by its OID.
        return _eku_from_der(cert.public_bytes(Encoding.DER))


def _eku_from_der(der: bytes) -> set[str]:
    marker = core.ObjectIdentifier("2.5.29.37").dump()
    at = der.find(marker)
    if at < 0:
        return set()
    rest = der[at + len(marker):]
    try:
        value = core.Asn1Value.load(rest, strict=False)
        if isinstance(value, core.Boolean) or value.tag == 1:  # the optional "critical"
            rest = rest[len(value.dump()):]
            value = core.Asn1Value.load(rest, strict=False)
        inner = core.SequenceOf.load(value.contents, spec=core.ObjectIdentifier)
        return {o.dotted for o in inner}
    except ValueError:
        return set()


def _responder_cert(resp: ocsp.OCSPResponse, issuer: x509.Certificate,
                    at: dt.datetime) -> x509.Certificate:
    """The certificate whose key signed the reply: the CA, or a delegate it issued."""
    issuer_key_sha1 = hashlib.sha1(key_bits(issuer)).digest()  # noqa: S324  # RFC 6960 id
    if resp.responder_name == issuer.subject or resp.responder_key_hash == issuer_key_sha1:
        return issuer
    for cand in resp.certificates:
        by_name = resp.responder_name is not None and cand.subject == resp.responder_name
        by_key = resp.responder_key_hash == hashlib.sha1(key_bits(cand)).digest()  # noqa: S324
        if not (by_name or by_key):
            continue
        # RFC 6960 §4.2.2.2: a delegate is issued directly by the CA and has id-kp-OCSPSigning.
        if cand.issuer != issuer.subject:
            raise OcspError("the OCSP responder was not issued by the certificate's CA",
                            code="ocsp_bad_responder")
        if not _issued_by_ca(cand, issuer):
            raise OcspError("the OCSP responder certificate is not signed by the CA",
                            code="ocsp_bad_responder")
        if OCSP_SIGNING not in eku_oids(cand):
            raise OcspError("the OCSP responder certificate lacks id-kp-OCSPSigning",
                            code="ocsp_bad_responder")
        if not cand.not_valid_before_utc <= at <= cand.not_valid_after_utc:
            raise OcspError("the OCSP responder certificate is not valid at that time",
                            code="ocsp_bad_responder")
        return cand
    raise OcspError("the OCSP reply is signed by an unknown responder",
                    code="ocsp_bad_responder")


def _issued_by_ca(cand: x509.Certificate, issuer: x509.Certificate) -> bool:
    # False for a wrong signature; True also when the algorithm is unknown (the reply's own
    # signature check then reports "unsupported", and such a reply is never trusted).
    if is_gost_signed(cand.signature_algorithm_oid):
        try:
            return is_gost_key(issuer) and certificate_signed_by(cand, issuer)
        except GostError as exc:
            return exc.unsupported
    try:
        cand.verify_directly_issued_by(issuer)
    except UnsupportedAlgorithm:
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def verify_reply_signature(resp: ocsp.OCSPResponse,
                           signer: x509.Certificate) -> Literal["valid", "unsupported"]:
    """valid, or unsupported for an unknown algorithm; OcspError when it does not verify."""
    if is_gost_signed(resp.signature_algorithm_oid):
        try:
            ok = verify_by(signer, resp.signature_algorithm_oid, resp.tbs_response_bytes,
                           resp.signature)
        except GostError as exc:
            if exc.unsupported:
                return "unsupported"
            ok = False
        if not ok:
            raise OcspError("the OCSP reply signature does not verify",
                            code="ocsp_bad_signature")
        return "valid"
    try:
        algo = resp.signature_hash_algorithm
        key = signer.public_key()
    except UnsupportedAlgorithm:
        return "unsupported"
    if algo is None:
        return "unsupported"
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(resp.signature, resp.tbs_response_bytes, padding.PKCS1v15(), algo)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(resp.signature, resp.tbs_response_bytes, ec.ECDSA(algo))
        else:
            return "unsupported"
    except InvalidSignature as exc:
        raise OcspError("the OCSP reply signature does not verify",
                        code="ocsp_bad_signature") from exc
    return "valid"


def check_response(
    der: bytes,
    cert: x509.Certificate,
    issuer: x509.Certificate,
    *,
    nonce: bytes | None,
    at: dt.datetime,
    now: dt.datetime | None = None,
    max_age: dt.timedelta = MAX_AGE,
) -> OcspResult:
    """Check a reply: status, responder signature, nonce, freshness; the status as of ``at``.

    Freshness is judged against ``now`` (the clock; default ``at``); the revocation time
    against ``at``. ``nonce=None`` skips the nonce check (stored replies only).
    """
    now = now or at
    try:
        resp = ocsp.load_der_ocsp_response(der)
    except ValueError as exc:
        raise OcspError(f"not an OCSP response: {exc}", code="ocsp_malformed") from exc
    if resp.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
        raise OcspError(f"the OCSP responder refused: {resp.response_status.name}",
                        code="ocsp_refused")
    single = next((s for s in resp.responses if _matches(s, cert, issuer)), None)
    if single is None:
        raise OcspError("the OCSP reply does not answer for this certificate",
                        code="ocsp_wrong_cert")
    responder = _responder_cert(resp, issuer, now)
    signature = verify_reply_signature(resp, responder)
    if nonce is not None:
        try:
            got = resp.extensions.get_extension_for_class(x509.OCSPNonce).value.nonce
        except x509.ExtensionNotFound:
            got = None
        if got is None or not hmac.compare_digest(got, nonce):
            # A replayed or foreign reply: never use it.
            raise OcspError("the OCSP reply nonce does not match the request",
                            code="ocsp_nonce")
    this_update = single.this_update_utc
    next_update = single.next_update_utc
    if this_update > now + CLOCK_SKEW:
        raise OcspError("the OCSP reply is dated in the future", code="ocsp_stale")
    if next_update is not None and next_update < now - CLOCK_SKEW:
        raise OcspError("the OCSP reply is past its nextUpdate", code="ocsp_stale")
    if next_update is None and now - this_update > max_age:
        raise OcspError("the OCSP reply is too old", code="ocsp_stale")
    status: OcspStatus
    revoked_at = None
    cert_status = single.certificate_status
    who = f"{serial_hex(cert.serial_number)} of {name_string(cert.subject)}"
    if cert_status == ocsp.OCSPCertStatus.REVOKED:
        revoked_at = single.revocation_time_utc
        assert revoked_at is not None
        if revoked_at <= UNKNOWN_EPOCH:
            status, reason, revoked_at = "unknown", f"the responder does not know {who}", None
        elif revoked_at <= at:
            status, reason = "revoked", f"{who} was revoked on {revoked_at:%Y-%m-%d %H:%M} UTC"
        else:
            status, reason = "good", f"{who} was revoked only later ({revoked_at:%Y-%m-%d})"
    elif cert_status == ocsp.OCSPCertStatus.GOOD:
        status, reason = "good", f"{who} is not revoked"
    else:
        status, reason = "unknown", f"the responder does not know {who}"
    if signature == "unsupported":
        reason += " (reply signature algorithm not supported here)"
    return OcspResult(status=status, reason=reason, this_update=this_update,
                      next_update=next_update, produced_at=resp.produced_at_utc,
                      revoked_at=revoked_at, responder=name_string(responder.subject),
                      signature=signature)


def ocsp_urls(cert: x509.Certificate) -> list[str]:
    """OCSP URLs from the certificate's authorityInfoAccess."""
    try:
        aia = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    except x509.ExtensionNotFound:
        return []
    return [
        d.access_location.value for d in aia
        if d.access_method == x509.AuthorityInformationAccessOID.OCSP
        and isinstance(d.access_location, x509.UniformResourceIdentifier)
    ]


def check_ocsp(
    cert: x509.Certificate,
    issuer: x509.Certificate,
    url: str | None = None,
    *,
    at: dt.datetime | None = None,
    timeout: float = 5.0,
) -> OcspResult:
    """Ask the responder (``url`` or the AIA one) about ``cert``: SHA-256 CertID, then SHA-1.

    R-AUTH-1: a responder that refuses or cannot match the SHA-256 CertID is asked again
    with SHA-1 (the RFC 6960 default most responders know).
    """
    now = dt.datetime.now(dt.UTC)
    at = at or now
    target = url or next(iter(ocsp_urls(cert)), None)
    if target is None:
        raise OcspError("the certificate names no OCSP responder; give one", code="ocsp_url")
    last: OcspError | None = None
    hash_names: tuple[HashName, ...] = ("sha256", "sha1")
    for hash_name in hash_names:
        request = build_request(cert, issuer, hash_name=hash_name)
        reply = post(target, request.der, timeout=timeout)
        try:
            return check_response(reply, cert, issuer, nonce=request.nonce, at=at, now=now)
        except OcspError as exc:
            if exc.code not in ("ocsp_refused", "ocsp_wrong_cert"):
                raise
            last = exc
    assert last is not None
    raise last


__all__ = [
    "OCSP_SIGNING", "OcspError", "OcspRequest", "OcspResult", "build_request", "check_ocsp",
    "check_response", "eku_oids", "key_bits", "ocsp_urls", "post", "verify_reply_signature",
]
