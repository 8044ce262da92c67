"""PAdES on a SoftHSM2 token: valid for us, pyHanko and poppler's pdfsig; one byte breaks all."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest

from signing.pades import blank_pdf, sign_pdf, verify_pdf
from signing.pkcs11 import Pkcs11Token
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.signer import Signer
from signing.softhsm import ProvisionedToken
from signing.token import pick

TEXT = "SIO Desk PAdES test page"


@pytest.fixture(scope="module")
def token_signer(softhsm_token: ProvisionedToken) -> Iterator[Signer]:
    """The signing key of the session SoftHSM token, logged in."""
    token = Pkcs11Token.open(softhsm_token.module, softhsm_token.label)
    token.login(softhsm_token.user_pin)
    yield token.signer(pick(token.keypairs(), "signing"))
    token.logout()


@pytest.fixture(scope="module")
def signed_pdf(token_signer: Signer) -> bytes:
    return sign_pdf(blank_pdf(TEXT), token_signer, reason="R-AUTH-5 test", location="Astana")


def _tampered(pdf: bytes) -> bytes:
    # One byte of the page text, inside the signed byte range.
    changed = bytearray(pdf)
    changed[pdf.index(TEXT.encode())] ^= 0x01
    return bytes(changed)


def _pyhanko_ok(pdf: bytes, pki: SandboxPKI) -> bool:
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    vc = ValidationContext(
        trust_roots=[ax509.Certificate.load(pki.root.public_bytes(Encoding.DER))],
        other_certs=[ax509.Certificate.load(pki.intermediate.public_bytes(Encoding.DER))])
    sig = PdfFileReader(BytesIO(pdf)).embedded_signatures[0]
    return bool(validate_pdf_signature(sig, vc).bottom_line)


def _pdfsig(pdf: bytes, pki: SandboxPKI, tmp: Path) -> str:
    certutil = shutil.which("certutil")
    pdfsig = shutil.which("pdfsig")
    if certutil is None or pdfsig is None:
        pytest.skip("pdfsig (poppler-utils) or certutil (libnss3-tools) not installed")
    nss = tmp / "nss"
    if not nss.exists():
        nss.mkdir()
        subprocess.run([certutil, "-N", "--empty-password", "-d", f"sql:{nss}"], check=True,
                       capture_output=True)
        subprocess.run([certutil, "-A", "-n", "root", "-t", "CT,C,C", "-i",
                        str(pki.root_path), "-d", f"sql:{nss}"], check=True,
                       capture_output=True)
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    # -no-ocsp: the sandbox AIA points at pki.sandbox.invalid; tests stay off the network.
    return subprocess.run([pdfsig, "-nssdir", f"sql:{nss}", "-no-ocsp", str(path)],
                          capture_output=True, text=True).stdout


@pytest.mark.req("R-AUTH-5")
def test_token_pdf_valid_everywhere_and_one_byte_breaks_all(
    signed_pdf: bytes, sandbox_pki: SandboxPKI, tmp_path: Path
) -> None:
    trust = sandbox_pki.trust_store()
    report = verify_pdf(signed_pdf, trust)
    assert report.status == "valid", report.reason
    sig = report.signatures[0]
    assert (sig.intact, sig.valid, sig.trusted, sig.whole_document) == (True, True, True, True)
    assert sig.profile is not None and sig.profile.iin == SANDBOX_USERS[0].iin
    assert _pyhanko_ok(signed_pdf, sandbox_pki)
    out = _pdfsig(signed_pdf, sandbox_pki, tmp_path)
    assert "Signature is Valid" in out and "Certificate is Trusted" in out, out
    assert "ETSI.CAdES.detached" in out

    bad = _tampered(signed_pdf)
    assert verify_pdf(bad, trust).status == "invalid"
    assert not _pyhanko_ok(bad, sandbox_pki)
    bad_out = _pdfsig(bad, sandbox_pki, tmp_path)
    assert "Signature is Valid" not in bad_out, bad_out


def test_pdf_text_and_subfilter(signed_pdf: bytes, tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    (tmp_path / "doc.pdf").write_bytes(signed_pdf)
    text = subprocess.run([pdftotext, str(tmp_path / "doc.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert TEXT in text
    assert b"/ETSI.CAdES.detached" in signed_pdf


def test_pdf_untrusted_revoked_and_appended(sandbox_pki: SandboxPKI, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from signing.sandbox_pki import create_sandbox_pki
    from signing.signer import SoftwareSigner

    pdf = blank_pdf(TEXT)
    foreign = create_sandbox_pki(tmp_path / "foreign")
    _, stranger = foreign.software_signers(SANDBOX_USERS[0])
    signed = sign_pdf(pdf, stranger, reason="x", location="y")
    assert verify_pdf(signed, sandbox_pki.trust_store()).status == "untrusted"

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = sandbox_pki.issue_user_certificate(SANDBOX_USERS[2], key.public_key(), "signing")
    signed = sign_pdf(pdf, SoftwareSigner(key, cert, [sandbox_pki.intermediate]),
                      reason="x", location="y")
    assert verify_pdf(signed, sandbox_pki.trust_store()).status == "valid"
    sandbox_pki.revoke(cert)
    assert verify_pdf(signed, sandbox_pki.trust_store()).status == "revoked"

    # Bytes appended after the signature: the signature no longer covers the whole file.
    _, good = sandbox_pki.software_signers(SANDBOX_USERS[0])
    signed = sign_pdf(pdf, good, reason="x", location="y")
    report = verify_pdf(signed + b"\n%junk\n", sandbox_pki.trust_store())
    assert report.status != "valid"


def test_not_a_pdf_or_unsigned(sandbox_pki: SandboxPKI) -> None:
    assert verify_pdf(b"%PDF-1.7 nonsense", sandbox_pki.trust_store()).status == "invalid"
    assert verify_pdf(blank_pdf(), sandbox_pki.trust_store()).reason == \
        "the PDF carries no signature"


def test_pades_b_t_with_timestamp(sandbox_pki: SandboxPKI) -> None:
    # B-T through a pyHanko TimeStamper (in-process TSA with a sandbox TSA certificate); the
    # HTTP path (a TSA URL) is tested against a loopback TSA in test_pades_bt.py.
    import datetime as dt

    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    now = dt.datetime.now(dt.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME,
                                                    "TIME-STAMPING AUTHORITY")]))
        .issuer_name(sandbox_pki.intermediate.subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=9))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True)
        .sign(sandbox_pki._intermediate_key, hashes.SHA256())
    )
    stamper = DummyTimeStamper(
        tsa_cert=ax509.Certificate.load(tsa.public_bytes(Encoding.DER)),
        tsa_key=akeys.PrivateKeyInfo.load(key.private_bytes(
            Encoding.DER, PrivateFormat.PKCS8, NoEncryption())),
        certs_to_embed=[ax509.Certificate.load(sandbox_pki.intermediate.public_bytes(
            Encoding.DER))],
    )
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    signed = sign_pdf(blank_pdf(TEXT), signer, reason="x", location="y", timestamper=stamper)
    report = verify_pdf(signed, sandbox_pki.trust_store())
    assert report.status == "valid", report.reason
    assert report.signatures[0].timestamped
