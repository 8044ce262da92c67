"""A tiny RFC 3161 time-stamp authority on 127.0.0.1 for tests, and ways to misbehave."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from asn1crypto import algos, cms, core, tsp
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.signing.loopback_http import serve_post

# NCA's TSA policy as seen in test-token time stamps.
POLICY_NCA_TSA = "1.2.398.3.3.2.6.1"


def issue_tsa_certificate(
    issuer: x509.Certificate, issuer_key: rsa.RSAPrivateKey, key: rsa.RSAPrivateKey
) -> x509.Certificate:
    """A TSA certificate from ``issuer``: id-kp-timeStamping only, critical (RFC 3161 §2.3)."""
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COMMON_NAME, "TIME-STAMPING AUTHORITY (SANDBOX)"),
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
                ]
            )
        )
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
        )
        .sign(issuer_key, hashes.SHA256())
    )


@dataclass
class TsaConfig:
    """What the TSA answers; tests change it between requests."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate  # the TSA certificate (id-kp-timeStamping, critical)
    chain: list[x509.Certificate] = field(default_factory=list)  # sent along on certReq
    policy: str = POLICY_NCA_TSA
    break_nonce: bool = False  # answer with a different nonce than asked
    reject: bool = False  # answer status "rejection" (no token)
    requests: list[tsp.TimeStampReq] = field(default_factory=list)
    _serials: Iterator[int] = field(default_factory=lambda: itertools.count(1))


class _Rejection(core.Sequence):
    """A TimeStampResp without a token: asn1crypto's own class will not dump one."""

    _fields = [("status", tsp.PKIStatusInfo)]  # noqa: RUF012 (asn1crypto edits it in place)


def _acert(cert: x509.Certificate) -> ax509.Certificate:
    return ax509.Certificate.load(cert.public_bytes(Encoding.DER))


def _attr(kind: str, value: object) -> cms.CMSAttribute:
    return cms.CMSAttribute({"type": kind, "values": [value]})


def _answer(cfg: TsaConfig, body: bytes) -> bytes:
    req = tsp.TimeStampReq.load(body)
    cfg.requests.append(req)
    if cfg.reject:
        return _Rejection(
            {
                "status": tsp.PKIStatusInfo(
                    {
                        "status": "rejection",
                        "status_string": ["request refused by the sandbox TSA"],
                        "fail_info": tsp.PKIFailureInfo({"unaccepted_policy"}),
                    }
                )
            }
        ).dump()
    tsa = _acert(cfg.cert)
    info: dict[str, object] = {
        "version": "v1",
        "policy": cfg.policy,
        "message_imprint": req["message_imprint"],
        "serial_number": next(cfg._serials),
        "gen_time": core.GeneralizedTime(dt.datetime.now(dt.UTC).replace(microsecond=0)),
        "accuracy": tsp.Accuracy({"seconds": 1}),
        "tsa": ax509.GeneralName({"directory_name": tsa.subject}),
    }
    nonce = req["nonce"].native
    if nonce is not None:
        info["nonce"] = nonce + 1 if cfg.break_nonce else nonce
    tst_der = tsp.TSTInfo(info).dump()
    signed_attrs = cms.CMSAttributes(
        [
            _attr("content_type", "tst_info"),
            _attr("message_digest", hashlib.sha256(tst_der).digest()),
            _attr(
                "signing_certificate_v2",
                tsp.SigningCertificateV2(
                    {
                        "certs": [
                            tsp.ESSCertIDv2(
                                {
                                    "hash_algorithm": algos.DigestAlgorithm(
                                        {"algorithm": "sha256"}
                                    ),
                                    "cert_hash": hashlib.sha256(tsa.dump()).digest(),
                                    "issuer_serial": tsp.IssuerSerial(
                                        {
                                            "issuer": [
                                                ax509.GeneralName({"directory_name": tsa.issuer})
                                            ],
                                            "serial_number": tsa.serial_number,
                                        }
                                    ),
                                }
                            ),
                        ]
                    }
                ),
            ),
        ]
    )
    # Signed over the DER of the attributes as a SET OF (RFC 5652 §5.4).
    signature = cfg.key.sign(signed_attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
    sha256 = algos.DigestAlgorithm({"algorithm": "sha256"})
    signer_info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                        {"issuer": tsa.issuer, "serial_number": tsa.serial_number}
                    )
                }
            ),
            "digest_algorithm": sha256,
            "signed_attrs": signed_attrs,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_rsa"}),
            "signature": signature,
        }
    )
    signed: dict[str, object] = {
        "version": "v3",
        "digest_algorithms": [sha256],
        "encap_content_info": cms.EncapsulatedContentInfo(
            {"content_type": "tst_info", "content": cms.ParsableOctetString(tst_der)}
        ),
        "signer_infos": [signer_info],
    }
    if req["cert_req"].native:
        signed["certificates"] = [tsa, *(_acert(c) for c in cfg.chain)]
    token = cms.ContentInfo({"content_type": "signed_data", "content": cms.SignedData(signed)})
    return tsp.TimeStampResp(
        {"status": tsp.PKIStatusInfo({"status": "granted"}), "time_stamp_token": token}
    ).dump()


@contextmanager
def tsa_server(cfg: TsaConfig) -> Iterator[str]:
    """Serve ``cfg`` on 127.0.0.1 (random port); yields the TSA URL."""

    with serve_post(
        "application/timestamp-query",
        "application/timestamp-reply",
        lambda body: _answer(cfg, body),
        "/",
    ) as url:
        yield url
