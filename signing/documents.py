"""What a signed file is (CMS, time-stamp, certificate, CRL, OCSP reply, PDF) and its checks.

`sio-desk verify` reads any of them; each check answers like a CMS does: nothing for valid,
SignatureInvalid with its code otherwise, RSA and NCA GOST alike.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from asn1crypto import cms as acms
from asn1crypto import core
from asn1crypto import tsp as atsp
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp as cocsp

from signing.errors import SignatureInvalid
from signing.profile import CertProfile, name_string, profile_of, serial_hex
from signing.trust import SOFT_FAIL, TrustStore

Kind = Literal["pdf", "cms", "timestamp", "certificate", "crl", "ocsp"]
_OCSP_NOCHECK = core.ObjectIdentifier("1.3.6.1.5.5.7.48.1.5").dump()


@dataclass(frozen=True)
class Detected:
    """A file's kind and its DER (PDF: the bytes as they are; a TSA response: its token)."""

    kind: Kind
    der: bytes


@dataclass
class ObjectReport:
    """The check of one certificate, CRL or OCSP reply: who signed it and the path behind."""

    kind: Kind
    code: str | None  # None: valid; otherwise a signing.errors.VERIFY_CODES code
    reason: str
    subject: CertProfile | None = None
    signer: x509.Certificate | None = None
    chain: list[x509.Certificate] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


def unarmor_der(raw: bytes, unreadable: str = "neither PDF, DER, PEM nor base64") -> bytes:
    """DER from DER, the first PEM block (any BEGIN label) or bare base64 text.

    ``unreadable`` is the SignatureInvalid reason when the text is none of these.
    """
    text = raw.strip()
    if text.startswith(b"-----BEGIN"):
        # The first PEM block only: a certificate file may carry its chain after it.
        block = text.split(b"-----END", 1)[0]
        lines = [ln for ln in block.splitlines() if ln and not ln.startswith(b"-----")]
        text = b"".join(lines)
    elif text[:1] == b"\x30":
        return raw
    try:
        der = base64.b64decode(b"".join(text.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SignatureInvalid("malformed", unreadable) from exc
    if der[:1] != b"\x30":
        raise SignatureInvalid("malformed", "the decoded data is not a DER structure")
    return der


def _signed_data_kind(der: bytes) -> Kind | None:
    try:
        info = acms.ContentInfo.load(der, strict=True)
        if info["content_type"].native != "signed_data":
            return None
        inner = info["content"]["encap_content_info"]["content_type"].native
    except (ValueError, TypeError, KeyError):
        return None
    return "timestamp" if inner == "tst_info" else "cms"


def detect(raw: bytes) -> Detected:
    """The kind of a signed file; SignatureInvalid('malformed') when it is none of them."""
    if raw.lstrip()[:5] == b"%PDF-":
        return Detected("pdf", raw)
    der = unarmor_der(raw)
    kind = _signed_data_kind(der)
    if kind is not None:
        return Detected(kind, der)
    loaders: tuple[tuple[Kind, Any], ...] = (
        ("certificate", x509.load_der_x509_certificate),
        ("crl", x509.load_der_x509_crl),
        ("ocsp", cocsp.load_der_ocsp_response),
    )
    for name, loader in loaders:
        try:
            loader(der)
        except ValueError:
            continue
        return Detected(name, der)
    if _is_tsa_response(der):  # last: asn1crypto parses leniently
        from signing.tsp import token_from_response

        return Detected("timestamp", token_from_response(der))  # a refusal is malformed
    raise SignatureInvalid("malformed", "not a CMS, time-stamp, certificate, CRL, OCSP reply "
                                        "or PDF")


def _is_tsa_response(der: bytes) -> bool:
    try:
        resp = atsp.TimeStampResp.load(der, strict=True)
        status = resp["status"]["status"].native
        token = resp["time_stamp_token"]
        signed = isinstance(token, core.Void) or token["content_type"].native == "signed_data"
    except (ValueError, TypeError, KeyError):
        return False
    return status is not None and signed


def check_certificate(cert: x509.Certificate, trust: TrustStore, at: dt.datetime,
                      extra: list[x509.Certificate] | None = None) -> ObjectReport:
    """The certificate's path to an anchor as of ``at``: signatures, validity, revocation."""
    profile = _profile(cert)
    try:
        checked = trust.check(cert, at, extra or [])
    except SignatureInvalid as exc:
        return ObjectReport("certificate", exc.code, str(exc), profile)
    signer = checked.path[1] if len(checked.path) > 1 else None
    return ObjectReport("certificate", None, "signatures, validity and revocation checked",
                        profile, signer, checked.path,
                        {"revocation": [{"serial": d.serial, "status": d.status,
                                         "source": d.source, "soft_failed": d.soft_failed}
                                        for d in checked.revocation]})


def check_crl(crl: x509.CertificateRevocationList, trust: TrustStore,
              at: dt.datetime) -> ObjectReport:
    """The CRL's signature by its issuer in ``trust``, the issuer's path, and currency."""
    from signing.crl import crl_number, is_delta, signature_status

    details: dict[str, Any] = {
        "issuer": name_string(crl.issuer), "number": crl_number(crl), "delta": is_delta(crl),
        "this_update": crl.last_update_utc, "next_update": crl.next_update_utc,
        "entries": len(crl),
    }
    issuers = [c for c in trust.anchors + trust.intermediates if c.subject == crl.issuer]
    if not issuers:
        return ObjectReport("crl", "untrusted", f"no trusted issuer "
                            f"{name_string(crl.issuer)} for this CRL", details=details)
    verdicts = {id(c): signature_status(crl, c) for c in issuers}
    signer = next((c for c in issuers if verdicts[id(c)] == "valid"), None)
    if signer is None:
        code = ("unsupported_algorithm" if "unsupported" in verdicts.values()
                else "bad_signature")
        return ObjectReport("crl", code, "the CRL signature does not verify by its issuer",
                            details=details)
    issuer_report = check_certificate(signer, trust, at)
    if issuer_report.code is not None:
        return ObjectReport("crl", issuer_report.code, f"the CRL issuer: "
                            f"{issuer_report.reason}", None, signer, issuer_report.chain,
                            details)
    if at < crl.last_update_utc:
        return ObjectReport("crl", "not_yet_valid", "the CRL was published after that time",
                            None, signer, issuer_report.chain, details)
    if crl.next_update_utc is not None and at >= crl.next_update_utc:
        return ObjectReport("crl", "expired", f"the CRL was current until "
                            f"{crl.next_update_utc:%Y-%m-%d %H:%M} UTC", None, signer,
                            issuer_report.chain, details)
    return ObjectReport("crl", None, "signature and issuer checked; current at that time",
                        None, signer, issuer_report.chain, details)


def _has_ocsp_nocheck(cert: x509.Certificate) -> bool:
    # id-pkix-ocsp-nocheck: RFC 6960 §4.2.2.2.1, the responder's own status is not checked.
    # Searched in the DER: NCA's responder certificates carry extensions cryptography rejects.
    return _OCSP_NOCHECK in cert.public_bytes(Encoding.DER)


def check_ocsp_reply(der: bytes, trust: TrustStore, at: dt.datetime) -> ObjectReport:
    """A stand-alone OCSP reply: its signature, its responder's path, and what it answers."""
    from signing.ocsp import OCSP_SIGNING, OcspError, eku_oids, verify_reply_signature

    try:
        resp = cocsp.load_der_ocsp_response(der)
    except ValueError as exc:
        return ObjectReport("ocsp", "malformed", f"not an OCSP response: {exc}")
    if resp.response_status != cocsp.OCSPResponseStatus.SUCCESSFUL:
        return ObjectReport("ocsp", "malformed",
                            f"the responder refused: {resp.response_status.name}")
    details: dict[str, Any] = {"produced_at": resp.produced_at_utc, "answers": [
        {"serial": serial_hex(s.serial_number), "status": s.certificate_status.name.lower(),
         "revoked_at": s.revocation_time_utc, "this_update": s.this_update_utc,
         "next_update": s.next_update_utc} for s in resp.responses]}
    embedded = list(resp.certificates)
    responder = _find_responder(resp, embedded + trust.anchors + trust.intermediates)
    if responder is None:
        return ObjectReport("ocsp", "untrusted", "the reply's responder certificate is "
                            "neither in the reply nor trusted", details=details)
    try:
        signature = verify_reply_signature(resp, responder)
    except OcspError as exc:
        return ObjectReport("ocsp", "bad_signature", str(exc), None, responder, details=details)
    if signature != "valid":
        return ObjectReport("ocsp", "unsupported_algorithm", "the reply's signature algorithm "
                            "is not supported", None, responder, details=details)
    if trust.is_anchor(responder) or responder in trust.intermediates:
        path_report = check_certificate(responder, trust, at)
    else:  # a delegate (RFC 6960 §4.2.2.2): id-kp-OCSPSigning and a path of its own
        if OCSP_SIGNING not in eku_oids(responder):
            return ObjectReport("ocsp", "wrong_key_usage", "the delegated responder lacks "
                                "id-kp-OCSPSigning", None, responder, details=details)
        path_report = _check_delegate(responder, trust, at, embedded)
    if path_report.code is not None:
        return ObjectReport("ocsp", path_report.code, f"the responder: {path_report.reason}",
                            None, responder, path_report.chain, details)
    return ObjectReport("ocsp", None, "signature and responder checked", None, responder,
                        path_report.chain, details)


def _check_delegate(responder: x509.Certificate, trust: TrustStore, at: dt.datetime,
                    embedded: list[x509.Certificate]) -> ObjectReport:
    if _has_ocsp_nocheck(responder):
        # Its own status is not asked (ocsp-nocheck): the path still must check out.
        try:
            checked = trust.check(responder, at, embedded, policy=SOFT_FAIL)
        except SignatureInvalid as exc:
            return ObjectReport("certificate", exc.code, str(exc))
        return ObjectReport("certificate", None, "path checked (ocsp-nocheck)", None,
                            None, checked.path)
    return check_certificate(responder, trust, at, embedded)


def _find_responder(resp: cocsp.OCSPResponse,
                    pool: list[x509.Certificate]) -> x509.Certificate | None:
    import hashlib

    from signing.ocsp import key_bits

    for cand in pool:
        if resp.responder_name is not None and cand.subject == resp.responder_name:
            return cand
        key_id = hashlib.sha1(key_bits(cand)).digest()  # noqa: S324  # RFC 6960 responder id
        if resp.responder_key_hash is not None and resp.responder_key_hash == key_id:
            return cand
    return None


def _profile(cert: x509.Certificate) -> CertProfile | None:
    try:
        return profile_of(cert)
    except (SignatureInvalid, ValueError):
        return None


__all__ = [
    "Detected", "Kind", "ObjectReport", "check_certificate", "check_crl", "check_ocsp_reply",
    "detect", "unarmor_der",
]
