"""A tiny OCSP responder on 127.0.0.1 for tests: good/revoked/unknown, and ways to misbehave."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from asn1crypto import ocsp as aocsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp

from tests.signing.loopback_http import serve_post


@dataclass
class ResponderConfig:
    """What the responder answers; tests change it between requests."""

    issuer: x509.Certificate
    key: rsa.RSAPrivateKey  # the CA key or the delegate's key
    responder_cert: x509.Certificate  # == issuer, or a delegate with id-kp-OCSPSigning
    revoked: dict[int, dt.datetime] = field(default_factory=dict)
    known: set[int] | None = None  # None: every serial not revoked is good
    break_nonce: bool = False
    break_signature: bool = False
    refuse_sha256: bool = False  # answer malformedRequest unless the CertID uses SHA-1
    requests: list[ocsp.OCSPRequest] = field(default_factory=list)


def _answer(cfg: ResponderConfig, body: bytes) -> bytes:
    req = ocsp.load_der_ocsp_request(body)
    cfg.requests.append(req)
    if cfg.refuse_sha256 and not isinstance(req.hash_algorithm, hashes.SHA1):
        return ocsp.OCSPResponseBuilder.build_unsuccessful(
            ocsp.OCSPResponseStatus.MALFORMED_REQUEST
        ).public_bytes(Encoding.DER)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    serial = req.serial_number
    revoked_at = cfg.revoked.get(serial)
    if revoked_at is not None:
        status, rev_time = ocsp.OCSPCertStatus.REVOKED, revoked_at
    elif cfg.known is not None and serial not in cfg.known:
        status, rev_time = ocsp.OCSPCertStatus.UNKNOWN, None
    else:
        status, rev_time = ocsp.OCSPCertStatus.GOOD, None
    builder = (
        ocsp.OCSPResponseBuilder()
        .add_response_by_hash(
            issuer_name_hash=req.issuer_name_hash,
            issuer_key_hash=req.issuer_key_hash,
            serial_number=serial,
            algorithm=req.hash_algorithm,
            cert_status=status,
            this_update=now,
            next_update=now + dt.timedelta(minutes=10),
            revocation_time=rev_time,
            revocation_reason=None,
        )
        .responder_id(ocsp.OCSPResponderEncoding.NAME, cfg.responder_cert)
    )
    if cfg.responder_cert is not cfg.issuer:
        builder = builder.certificates([cfg.responder_cert])
    try:
        nonce = req.extensions.get_extension_for_class(x509.OCSPNonce).value.nonce
    except x509.ExtensionNotFound:
        nonce = None
    if nonce is not None:
        if cfg.break_nonce:
            nonce = bytes(b ^ 0xFF for b in nonce)
        builder = builder.add_extension(x509.OCSPNonce(nonce), critical=False)
    der = builder.sign(cfg.key, hashes.SHA256()).public_bytes(Encoding.DER)
    if cfg.break_signature:
        resp = aocsp.OCSPResponse.load(der)
        basic = resp["response_bytes"]["response"].parsed
        sig = bytearray(basic["signature"].native)
        sig[-1] ^= 0x01
        basic["signature"] = bytes(sig)
        resp["response_bytes"]["response"] = basic
        der = resp.dump(force=True)
    return der


@contextmanager
def ocsp_responder(cfg: ResponderConfig) -> Iterator[str]:
    """Serve ``cfg`` on 127.0.0.1 (random port); yields the responder URL."""

    with serve_post(
        "application/ocsp-request",
        "application/ocsp-response",
        lambda body: _answer(cfg, body),
        "/ocsp/",
    ) as url:
        yield url
