"""PAdES B-T through a TSA URL: pyHanko's HTTPTimeStamper against a loopback RFC 3161 TSA."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding, load_pem_private_key

from signing.errors import SigningError
from signing.pades import blank_pdf, sign_pdf, verify_pdf
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from tests.signing.test_pades import _pdfsig
from tests.signing.tsa_server import POLICY_NCA_TSA, TsaConfig, issue_tsa_certificate, tsa_server

TEXT = "SIO Desk PAdES B-T test page"


@pytest.fixture(scope="module")
def tsa(sandbox_pki: SandboxPKI) -> Iterator[tuple[TsaConfig, str]]:
    """A loopback TSA whose certificate the sandbox intermediate issued."""
    # The intermediate key is not exposed by SandboxPKI; the sandbox keeps it on disk
    # (ca/intermediate.key, see its README), so the TSA is issued from that file.
    inter_key = load_pem_private_key(
        (sandbox_pki.directory / "ca" / "intermediate.key").read_bytes(), password=None)
    assert isinstance(inter_key, rsa.RSAPrivateKey)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cfg = TsaConfig(key=key, cert=issue_tsa_certificate(sandbox_pki.intermediate, inter_key,
                                                        key),
                    chain=[sandbox_pki.intermediate])
    with tsa_server(cfg) as url:
        yield cfg, url


@pytest.fixture
def fresh_tsa(tsa: tuple[TsaConfig, str]) -> Iterator[tuple[TsaConfig, str]]:
    cfg, url = tsa
    cfg.requests.clear()
    cfg.break_nonce = cfg.reject = False
    yield cfg, url
    cfg.break_nonce = cfg.reject = False


def _pyhanko_status(pdf: bytes, pki: SandboxPKI) -> Any:
    from asn1crypto import x509 as ax509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    vc = ValidationContext(
        trust_roots=[ax509.Certificate.load(pki.root.public_bytes(Encoding.DER))],
        other_certs=[ax509.Certificate.load(pki.intermediate.public_bytes(Encoding.DER))])
    sig = PdfFileReader(BytesIO(pdf)).embedded_signatures[0]
    return validate_pdf_signature(sig, vc)


@pytest.mark.req("R-AUTH-5")
def test_b_t_over_http_tsa(sandbox_pki: SandboxPKI, fresh_tsa: tuple[TsaConfig, str],
                           tmp_path: Path) -> None:
    cfg, url = fresh_tsa
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    signed = sign_pdf(blank_pdf(TEXT), signer, reason="R-AUTH-5 B-T", location="Astana",
                      timestamper=url)
    assert cfg.requests, "the TSA was never asked"
    req = cfg.requests[-1]
    assert req["cert_req"].native is True and req["nonce"].native is not None
    assert req["message_imprint"]["hash_algorithm"]["algorithm"].native == "sha256"

    report = verify_pdf(signed, sandbox_pki.trust_store())
    assert report.status == "valid", report.reason
    sig = report.signatures[0]
    assert sig.timestamped and sig.signing_time is not None
    assert (sig.intact, sig.valid, sig.trusted, sig.whole_document) == (True, True, True, True)

    # pyHanko's own view: a valid, trusted signature time-stamp from our TSA and policy.
    st = _pyhanko_status(signed, sandbox_pki)
    assert st.bottom_line
    ts = st.timestamp_validity
    assert ts is not None and ts.intact and ts.valid and ts.trusted
    assert ts.timestamp == sig.signing_time
    from pyhanko.pdf_utils.reader import PdfFileReader

    embedded = PdfFileReader(BytesIO(signed)).embedded_signatures[0]
    token = embedded.signer_info["unsigned_attrs"][0]["values"][0]
    assert embedded.signer_info["unsigned_attrs"][0]["type"].native == \
        "signature_time_stamp_token"
    tst_info = token["content"]["encap_content_info"]["content"].parsed
    assert tst_info["policy"].dotted == POLICY_NCA_TSA
    assert tst_info["nonce"].native == req["nonce"].native

    # poppler lists the signature and validates the signer; it has no say on the TSA here.
    out = _pdfsig(signed, sandbox_pki, tmp_path)
    assert "Signature #1" in out and "ETSI.CAdES.detached" in out, out
    assert "Signature is Valid" in out and "Certificate is Trusted" in out, out


@pytest.mark.req("R-AUTH-5")
@pytest.mark.parametrize("fault", ["break_nonce", "reject"])
def test_tsa_failure_is_a_signing_error(sandbox_pki: SandboxPKI,
                                        fresh_tsa: tuple[TsaConfig, str], fault: str) -> None:
    cfg, url = fresh_tsa
    setattr(cfg, fault, True)
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    with pytest.raises(SigningError) as info:
        sign_pdf(blank_pdf(TEXT), signer, reason="x", location="y", timestamper=url)
    assert info.value.code == "timestamp_failed"
    assert ("nonce" if fault == "break_nonce" else "refused") in str(info.value)
    assert cfg.requests


@pytest.mark.req("R-AUTH-5")
def test_unreachable_tsa_is_a_signing_error(sandbox_pki: SandboxPKI) -> None:
    import socket

    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    with pytest.raises(SigningError) as info:
        sign_pdf(blank_pdf(TEXT), signer, reason="x", location="y",
                 timestamper=f"http://127.0.0.1:{port}/")
    assert info.value.code == "timestamp_failed"
