"""PAdES signatures (/ETSI.CAdES.detached) through pyHanko with our Signer; and their checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any, Literal

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from signing.cms import check_purpose
from signing.der import element
from signing.errors import SignatureInvalid, SigningError
from signing.gost.certs import is_gost_key
from signing.profile import CertProfile, profile_of
from signing.signer import Signer
from signing.trust import TrustStore

PdfStatus = Literal["valid", "invalid", "untrusted", "revoked", "expired", "unsupported"]
_GOST_PREFIX = "1.2.398.3.10."
# How our verification codes read as a report status (signing.errors.VERIFY_CODES).
CODE_STATUS: dict[str, PdfStatus] = {
    "untrusted": "untrusted", "revoked": "revoked", "expired": "expired",
    "not_yet_valid": "expired", "unsupported_algorithm": "unsupported",
}


def _asn1(cert: x509.Certificate) -> Any:
    from asn1crypto import x509 as ax509

    return ax509.Certificate.load(cert.public_bytes(Encoding.DER))


def _pyhanko_signer(signer: Signer) -> Any:
    """A pyHanko Signer whose raw signature comes from our Signer (token, file or software)."""
    from asn1crypto import algos
    from pyhanko.sign.signers.pdf_cms import Signer as HankoSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    class _Bridge(HankoSigner):
        async def async_sign_raw(self, data: bytes, digest_algorithm: str,
                                 dry_run: bool = False) -> bytes:
            if digest_algorithm != "sha256":
                raise SignatureInvalid("unsupported_algorithm",
                                       f"our signers hash with SHA-256, not {digest_algorithm}")
            if dry_run:
                # Size estimate only: do not spend a C_Sign (or a PIN prompt) on it.
                size = getattr(signer.certificate.public_key(), "key_size", 4096)
                return bytes((size + 7) // 8)
            return signer.sign_raw(data)

    return _Bridge(
        signing_cert=_asn1(signer.certificate),
        cert_registry=SimpleCertificateStore.from_certs([_asn1(c) for c in signer.chain]),
        signature_mechanism=algos.SignedDigestAlgorithm({"algorithm": "sha256_rsa"}),
        embed_roots=False,
    )


def _http_timestamper(url: str) -> Any:
    """pyHanko's HTTPTimeStamper for ``url``, with a nonce check that reports, not crashes.

    pyHanko 0.38 formats a nonce mismatch with ``int.hex()`` and so raises AttributeError
    instead of its TimestampRequestError; the nonce is compared here first. asn1crypto 1.5
    requires the timeStampToken that RFC 3161 leaves out of a refusal, so a refusal would
    surface as a parse error (ValueError); it is read here with the token optional.
    """
    from asn1crypto import cms, core, tsp
    from pyhanko.sign.timestamps import HTTPTimeStamper, TimestampRequestError
    from pyhanko.sign.timestamps.common_utils import handle_tsp_response

    class _Resp(core.Sequence):  # TimeStampResp as RFC 3161 has it
        # A list on purpose: asn1crypto fills in the field options in place.
        _fields = [("status", tsp.PKIStatusInfo),  # noqa: RUF012
                   ("time_stamp_token", cms.ContentInfo, {"optional": True})]

    class _Stamper(HTTPTimeStamper):
        async def async_timestamp(self, message_digest: bytes, md_algorithm: str) -> Any:
            nonce, req = self.request_cms(message_digest, md_algorithm)
            raw = await self.async_request_tsa_response(req)
            try:
                res = _Resp.load(raw.dump())
                status = res["status"]["status"].native
            except ValueError as exc:
                raise TimestampRequestError(f"malformed TSA response: {exc}") from exc
            if status not in ("granted", "granted_with_mods"):
                texts = res["status"]["status_string"].native or []
                fails = res["status"]["fail_info"].native or []
                raise TimestampRequestError(
                    f"the TSA refused the request: status {status!r}, statusString "
                    f"{'; '.join(texts)!r}, failInfo {', '.join(sorted(fails))!r}")
            if nonce is not None:
                info = res["time_stamp_token"]["content"]["encap_content_info"]["content"]
                got = info.parsed["nonce"].native
                if got != nonce:
                    raise TimestampRequestError(
                        f"the TSA answered with nonce {got!r}, not the {nonce!r} it was sent")
            return handle_tsp_response(raw, nonce)

    return _Stamper(url, timeout=10)


def sign_pdf(
    pdf_bytes: bytes,
    signer: Signer,
    *,
    reason: str,
    location: str,
    field_name: str = "Signature1",
    timestamper: Any = None,
) -> bytes:
    """PAdES B-B over ``pdf_bytes`` (incremental update); B-T when ``timestamper`` is given.

    ``timestamper`` is a TSA URL (RFC 3161 over HTTP) or a pyHanko TimeStamper.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.timestamps import TimestampRequestError

    if isinstance(timestamper, str):
        timestamper = _http_timestamper(timestamper)
    if is_gost_key(signer.certificate):
        return _sign_pdf_gost(pdf_bytes, signer, reason=reason, location=location,
                              field_name=field_name, timestamper=timestamper)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, reason=reason, location=location,
        subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
    )
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    try:
        out = signers.PdfSigner(meta, signer=_pyhanko_signer(signer),
                                timestamper=timestamper).sign_pdf(writer)
    except TimestampRequestError as exc:
        # Unreachable TSA, a refusal, a wrong nonce: no B-T signature, and no B-B fallback.
        raise SigningError(f"the time-stamp authority failed: {exc}",
                           code="timestamp_failed") from exc
    return bytes(out.getvalue())


_GOST_RESERVED = 16384  # hex digits for /Contents: a GOST CMS ~1.5 KB, a TSA token ~3 KB
_OID_SIGNATURE_TIME_STAMP = "1.2.840.113549.1.9.16.2.14"


def _with_timestamp(cms_der: bytes, timestamper: Any) -> bytes:
    """The CMS with a signature time-stamp (RFC 3161 token over its signature value)."""
    import asyncio
    import hashlib

    from asn1crypto import cms as acms
    from pyhanko.sign.timestamps import TimestampRequestError

    from signing.cms import add_unsigned_attribute

    signature = acms.ContentInfo.load(cms_der)["content"]["signer_infos"][0]["signature"].native
    try:
        token = asyncio.run(timestamper.async_timestamp(hashlib.sha256(signature).digest(),
                                                        "sha256"))
    except TimestampRequestError as exc:
        raise SigningError(f"the time-stamp authority failed: {exc}",
                           code="timestamp_failed") from exc
    return add_unsigned_attribute(cms_der, _OID_SIGNATURE_TIME_STAMP, token.dump())


def _signature_timestamp(cms_der: bytes, trust: TrustStore) -> Any:
    """The verified signature time-stamp of a CMS, None without one; SignatureInvalid if bad."""
    from asn1crypto import cms as acms

    from signing.tsp import verify_timestamp

    si = acms.ContentInfo.load(cms_der)["content"]["signer_infos"][0]
    tokens = [a["values"][0] for a in si["unsigned_attrs"] or ()
              if a["type"].dotted == _OID_SIGNATURE_TIME_STAMP]
    if not tokens:
        return None
    if len(tokens) > 1:
        raise SignatureInvalid("malformed", "more than one signature time-stamp")
    return verify_timestamp(tokens[0].dump(), trust, data=si["signature"].native)


def _sign_pdf_gost(pdf_bytes: bytes, signer: Signer, *, reason: str, location: str,
                   field_name: str, timestamper: Any) -> bytes:
    """PAdES B-B (B-T with a timestamper) with a GOST key: pyHanko lays out, we sign.

    pyHanko cannot hash with Streebog, so its interrupted-signing API reserves /Contents and
    writes the document; the CMS (signing.cms.sign_detached, Streebog-512 + GOST 34.10-2015)
    is made over the /ByteRange here, given the TSA's token over its signature value as an
    unsigned attribute when time-stamped, and put into the reserved space.
    """
    import asyncio

    from asn1crypto import algos
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.signers.pdf_signer import PdfTBSDocument
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from signing.cms import sign_detached

    meta = signers.PdfSignatureMetadata(
        field_name=field_name, reason=reason, location=location,
        subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",  # pyHanko's, unused
    )
    layout = signers.ExternalSigner(
        signing_cert=_asn1(signer.certificate), cert_registry=SimpleCertificateStore(),
        signature_value=b"", signature_mechanism=algos.SignedDigestAlgorithm(
            {"algorithm": "sha256_rsa"}),
    )
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    prepared, _, output = asyncio.run(signers.PdfSigner(meta, signer=layout)
                                      .async_digest_doc_for_signing(
                                          writer, bytes_reserved=_GOST_RESERVED))
    output.seek(0)
    laid_out = output.read()
    data = (laid_out[:prepared.reserved_region_start]
            + laid_out[prepared.reserved_region_end:])
    cms_der = sign_detached(data, signer)
    if timestamper is not None:
        cms_der = _with_timestamp(cms_der, timestamper)
    if 2 * len(cms_der) + 2 > _GOST_RESERVED:
        raise SigningError("the GOST signature does not fit the space reserved for it")
    PdfTBSDocument.finish_signing(output, prepared, cms_der)
    output.seek(0)
    return bytes(output.read())


@dataclass(frozen=True)
class PdfSignatureReport:
    """One signature of a PDF as pyHanko and our trust store see it."""

    field_name: str
    status: PdfStatus
    reason: str
    intact: bool
    valid: bool
    trusted: bool
    whole_document: bool
    profile: CertProfile | None
    signing_time: dt.datetime | None
    timestamped: bool
    algorithm: str


@dataclass(frozen=True)
class VerifyReport:
    """All signatures of a PDF; ``status`` is the worst of them ("invalid" when none)."""

    status: PdfStatus
    reason: str
    signatures: list[PdfSignatureReport] = field(default_factory=list)


def _context(trust: TrustStore, at: dt.datetime) -> Any:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=[_asn1(c) for c in trust.anchors],
        other_certs=[_asn1(c) for c in trust.intermediates],
        # Revocation is ours (signing.crl, with deltas), checked after pyHanko; pyHanko also
        # cannot place a CRL whose issuer is itself the trust anchor.
        moment=at, allow_fetching=False, revocation_mode="soft-fail",
    )


def _one(sig: Any, trust: TrustStore, at: dt.datetime) -> PdfSignatureReport:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    name = str(sig.field_name)
    signer_info = sig.signer_info
    algorithm = signer_info["signature_algorithm"]["algorithm"].dotted
    try:
        leaf = x509.load_der_x509_certificate(sig.signer_cert.dump())
        profile: CertProfile | None = profile_of(leaf)
    except (ValueError, SignatureInvalid):
        leaf, profile = None, None
    digest = signer_info["digest_algorithm"]["algorithm"].dotted
    if algorithm.startswith(_GOST_PREFIX) or digest.startswith(_GOST_PREFIX):
        return _one_gost(sig, trust, at, algorithm, profile)  # issue 12: pyHanko cannot hash
    try:
        st = validate_pdf_signature(sig, _context(trust, at))
    except (SignatureValidationError, ValueError, TypeError) as exc:
        return PdfSignatureReport(name, "invalid", f"cannot validate: {exc}", False, False,
                                  False, False, profile, None, False, algorithm)
    whole = st.coverage == SignatureCoverageLevel.ENTIRE_FILE
    when = (st.timestamp_validity.timestamp if st.timestamp_validity is not None
            else st.signer_reported_dt)
    status: PdfStatus = "valid"
    reason = "intact, valid and trusted"
    if not (st.intact and st.valid):
        status, reason = "invalid", ("the document was changed after signing" if not st.intact
                                     else "the signature does not match")
    elif leaf is not None:
        try:
            trust.validate(leaf, at, extra=[x509.load_der_x509_certificate(c.dump())
                                            for c in sig.signed_data["certificates"] or ()
                                            if c.name == "certificate"])
            if profile is not None:
                check_purpose(leaf, profile, "signing")  # an AUTH key may not sign documents
        except SignatureInvalid as exc:
            status, reason = CODE_STATUS.get(exc.code, "invalid"), str(exc)
    if status == "valid" and not st.bottom_line:
        # pyHanko saw a problem our path check did not (key usage, DocMDP, timestamp).
        status = "untrusted" if not st.trusted else "invalid"
        reason = f"pyHanko: {st.summary()}"
    if status == "valid" and not whole and not st.docmdp_ok:
        status, reason = "invalid", "changes after this signature are not allowed"
    return PdfSignatureReport(name, status, reason, bool(st.intact), bool(st.valid),
                              bool(st.trusted), whole, profile, when,
                              st.timestamp_validity is not None, algorithm)


def _byte_range_data(sig: Any) -> bytes:
    stream = sig.reader.stream
    ranges = [int(x) for x in sig.byte_range]
    parts = []
    for offset, length in zip(ranges[0::2], ranges[1::2], strict=True):
        stream.seek(offset)
        parts.append(stream.read(length))
    return b"".join(parts)


def _one_gost(sig: Any, trust: TrustStore, at: dt.datetime, algorithm: str,
              profile: CertProfile | None) -> PdfSignatureReport:
    """A GOST PAdES signature: our CMS check over the /ByteRange, pyHanko's coverage and diff."""
    from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, DiffResult, ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    from signing.cms import verify_detached

    name = str(sig.field_name)
    try:
        coverage = sig.evaluate_signature_coverage()
        data = _byte_range_data(sig)
        cms_der = element(bytes(sig.pkcs7_content))
    except (ValueError, TypeError, KeyError, OSError) as exc:
        return PdfSignatureReport(name, "invalid", f"cannot read the signed bytes: {exc}",
                                  False, False, False, False, profile, None, False, algorithm)
    whole = coverage == SignatureCoverageLevel.ENTIRE_FILE
    try:
        verified = verify_detached(cms_der, data, trust, at=at, purpose="signing")
    except SignatureInvalid as exc:
        intact = exc.code != "digest_mismatch"
        valid = intact and exc.code not in ("bad_signature", "malformed")
        status = CODE_STATUS.get(exc.code, "invalid")
        return PdfSignatureReport(name, status, str(exc), intact, valid, False, whole,
                                  profile, None, False, algorithm)
    try:
        stamp = _signature_timestamp(cms_der, trust)
    except SignatureInvalid as exc:
        return PdfSignatureReport(name, CODE_STATUS.get(exc.code, "invalid"),
                                  f"the signature time-stamp: {exc}", True, True, False, whole,
                                  verified.profile, verified.signing_time, False, algorithm)
    if not whole:
        sig.coverage = coverage  # what compute_integrity_info would set (it needs the hash)
        diff = sig.evaluate_modifications(DEFAULT_DIFF_POLICY)
        level = (diff.modification_level if isinstance(diff, DiffResult)
                 else ModificationLevel.OTHER)
        docmdp = sig.docmdp_level
        if level == ModificationLevel.OTHER or (docmdp is not None
                                                and level.value > docmdp.value):
            return PdfSignatureReport(name, "invalid", "changes after this signature are not "
                                      "allowed", True, True, True, whole, verified.profile,
                                      verified.signing_time, stamp is not None, algorithm)
    when = stamp.gen_time if stamp is not None else verified.signing_time
    return PdfSignatureReport(name, "valid", "intact, valid and trusted", True, True, True,
                              whole, verified.profile, when, stamp is not None, algorithm)


_ORDER: Sequence[PdfStatus] = ("valid", "expired", "untrusted", "unsupported", "revoked",
                               "invalid")


def verify_pdf(pdf_bytes: bytes, trust: TrustStore, at: dt.datetime | None = None
               ) -> VerifyReport:
    """Check every signature of a PDF as of ``at``: integrity, signature, chain, CRLs."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    when = at or dt.datetime.now(dt.UTC)
    try:
        reader = PdfFileReader(BytesIO(pdf_bytes), strict=False)
        sigs = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        return VerifyReport("invalid", f"not a readable PDF: {exc}")
    if not sigs:
        return VerifyReport("invalid", "the PDF carries no signature")
    reports = [_one(s, trust, when) for s in sigs]
    worst = max(reports, key=lambda r: _ORDER.index(r.status))
    if worst.status == "valid" and not reports[-1].whole_document:
        return VerifyReport("invalid", "the document was extended after the last signature",
                            reports)
    return VerifyReport(worst.status, f"{worst.field_name}: {worst.reason}", reports)


def blank_pdf(text: str = "SIO Desk") -> bytes:
    """A one-page A4 PDF showing ``text`` (ASCII, Helvetica): for tests and the sandbox."""
    from pyhanko.pdf_utils import generic, writer

    w = writer.PdfFileWriter()
    font = generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Font"),
        generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
        generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
    })
    resources = generic.DictionaryObject({
        generic.NameObject("/Font"): generic.DictionaryObject({
            generic.NameObject("/F1"): w.add_object(font)}),
    })
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = generic.StreamObject(stream_data=f"BT /F1 16 Tf 72 760 Td ({escaped}) Tj ET"
                                  .encode("ascii"))
    page = writer.PageObject(contents=w.add_object(stream), media_box=[0, 0, 595, 842],
                             resources=resources)
    w.insert_page(page)
    out = BytesIO()
    w.write(out)
    return out.getvalue()


__all__ = ["PdfSignatureReport", "VerifyReport", "blank_pdf", "sign_pdf", "verify_pdf"]
