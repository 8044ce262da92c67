"""RFC 3161 time-stamp tokens (and TSA responses) verified like any CMS: RSA or NCA GOST."""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass

from asn1crypto import cms, core
from asn1crypto import tsp as atsp
from cryptography import x509

from signing.cms import VerifiedSignature, verify_encapsulated
from signing.errors import SignatureInvalid
from signing.gost.nca import HASH_BY_OID, GostError, hash_data
from signing.trust import RevocationPolicy, TrustStore

_TIME_STAMPING = x509.oid.ExtendedKeyUsageOID.TIME_STAMPING


@dataclass(frozen=True)
class VerifiedTimestamp:
    """A token whose TSA signature, chain and (if given) imprint checked out."""

    signature: VerifiedSignature
    gen_time: dt.datetime
    policy: str
    serial: int
    imprint_algorithm: str
    imprint: bytes


def _malformed(message: str) -> SignatureInvalid:
    return SignatureInvalid("malformed", message)


def token_from_response(der: bytes) -> bytes:
    """The token of a TimeStampResp; malformed if it is a refusal or not a response."""
    try:
        resp = atsp.TimeStampResp.load(der, strict=True)
        status = resp["status"]["status"].native
        token = resp["time_stamp_token"]
    except (ValueError, TypeError, KeyError) as exc:
        raise _malformed(f"not a time-stamp response: {exc}") from exc
    granted = status in ("granted", "granted_with_mods")
    if not granted or not isinstance(token, cms.ContentInfo):
        raise _malformed(f"the time-stamp authority refused: {status}")
    return bytes(token.dump())


def _imprint_hash(oid: str, native: str) -> str:
    return HASH_BY_OID.get(oid, native)


def verify_timestamp(
    token_der: bytes,
    trust: TrustStore,
    *,
    data: bytes | None = None,
    at: dt.datetime | None = None,
    revocation: RevocationPolicy | None = None,
) -> VerifiedTimestamp:
    """Verify a time-stamp token as of ``at`` (default: its own genTime).

    ``data``, when given, must be what the token's message imprint hashes. The TSA's
    certificate must carry the (critical) timeStamping extended key usage (RFC 3161 §2.3).
    """
    if at is None:
        at = _peek_gen_time(token_der)
    verified, content = verify_encapsulated(token_der, trust, content_type="tst_info", at=at,
                                            revocation=revocation)
    try:
        info = atsp.TSTInfo.load(content, strict=True)
        gen_time = info["gen_time"].native.astimezone(dt.UTC)
        imprint = info["message_imprint"]
        algo_id = imprint["hash_algorithm"]["algorithm"]
        hashed = imprint["hashed_message"].native
        policy = info["policy"].dotted
        serial = info["serial_number"].native
    except (ValueError, TypeError, KeyError) as exc:
        raise _malformed(f"cannot parse TSTInfo: {exc}") from exc
    _check_tsa_usage(verified.certificate)
    algorithm = _imprint_hash(algo_id.dotted, str(algo_id.native))
    if data is not None:
        try:
            expected = hash_data(algorithm, data)
        except GostError as exc:
            raise SignatureInvalid("unsupported_algorithm",
                                   f"imprint hash {algorithm} unsupported") from exc
        if not hmac.compare_digest(expected, hashed):
            raise SignatureInvalid("digest_mismatch", "the time-stamp is over other data")
    return VerifiedTimestamp(verified, gen_time, policy, serial, algorithm, hashed)


def _peek_gen_time(token_der: bytes) -> dt.datetime:
    # Unverified read of genTime, only to choose the moment the token is checked as of.
    try:
        info = cms.ContentInfo.load(token_der)
        content = info["content"]["encap_content_info"]["content"]
        parsed = content.parsed if isinstance(content, core.ParsableOctetString) else None
        if not isinstance(parsed, atsp.TSTInfo):
            raise _malformed("the CMS does not carry a TSTInfo")
        gen_time: dt.datetime = parsed["gen_time"].native
        return gen_time.astimezone(dt.UTC)
    except SignatureInvalid:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _malformed(f"not a time-stamp token: {exc}") from exc


def _check_tsa_usage(cert: x509.Certificate) -> None:
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except (x509.ExtensionNotFound, ValueError):
        eku = None
    if eku is None or _TIME_STAMPING not in eku:
        raise SignatureInvalid("wrong_key_usage",
                               "the time-stamp signer is not a time-stamping authority")


__all__ = ["VerifiedTimestamp", "token_from_response", "verify_timestamp"]
