"""OCSP against a responder started here on loopback, and the real NCA test replies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509 import ocsp as cocsp
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from signing.ocsp import OcspError, build_request, check_ocsp, check_response
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from tests.signing.ocsp_responder import ResponderConfig, ocsp_responder

NOW = dt.datetime.now(dt.UTC)


def _leaf(pki: SandboxPKI) -> x509.Certificate:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return pki.issue_user_certificate(SANDBOX_USERS[2], key.public_key(), "signing")


def _cfg(pki: SandboxPKI, **kw: object) -> ResponderConfig:
    return ResponderConfig(pki.intermediate, pki._intermediate_key, pki.intermediate,
                           **kw)  # type: ignore[arg-type]


def _delegate(pki: SandboxPKI, eku: bool = True) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "OCSP RESPONDER")]))
        .issuer_name(pki.intermediate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=30))
    )
    if eku:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.OCSP_SIGNING]), False)
    return builder.sign(pki._intermediate_key, hashes.SHA256()), key


@pytest.mark.req("R-AUTH-1")
def test_good_revoked_unknown(sandbox_pki: SandboxPKI) -> None:
    good, revoked, stranger = _leaf(sandbox_pki), _leaf(sandbox_pki), _leaf(sandbox_pki)
    cfg = _cfg(sandbox_pki, revoked={revoked.serial_number: NOW - dt.timedelta(hours=1)},
               known={good.serial_number, revoked.serial_number})
    with ocsp_responder(cfg) as url:
        assert check_ocsp(good, sandbox_pki.intermediate, url).status == "good"
        result = check_ocsp(revoked, sandbox_pki.intermediate, url)
        assert result.status == "revoked" and result.signature == "valid"
        # As of a moment before the revocation the certificate was still good.
        earlier = check_ocsp(revoked, sandbox_pki.intermediate, url,
                             at=NOW - dt.timedelta(hours=2))
        assert earlier.status == "good"
        assert check_ocsp(stranger, sandbox_pki.intermediate, url).status == "unknown"
    # NCANode-style request: SHA-256 CertID and an 8-byte nonce.
    assert isinstance(cfg.requests[0].hash_algorithm, hashes.SHA256)
    nonce = cfg.requests[0].extensions.get_extension_for_class(x509.OCSPNonce).value.nonce
    assert len(nonce) == 8


@pytest.mark.req("R-AUTH-1")
def test_sha1_fallback(sandbox_pki: SandboxPKI) -> None:
    cert = _leaf(sandbox_pki)
    cfg = _cfg(sandbox_pki, refuse_sha256=True)
    with ocsp_responder(cfg) as url:
        assert check_ocsp(cert, sandbox_pki.intermediate, url).status == "good"
    assert [type(r.hash_algorithm).__name__ for r in cfg.requests] == ["SHA256", "SHA1"]


@pytest.mark.parametrize(("change", "code"), [
    ({"break_nonce": True}, "ocsp_nonce"),
    ({"break_signature": True}, "ocsp_bad_signature"),
])
def test_broken_replies_are_refused(sandbox_pki: SandboxPKI, change: dict[str, bool],
                                    code: str) -> None:
    cert = _leaf(sandbox_pki)
    with ocsp_responder(_cfg(sandbox_pki, **change)) as url, pytest.raises(OcspError) as err:
        check_ocsp(cert, sandbox_pki.intermediate, url)
    assert err.value.code == code


def test_delegated_responder(sandbox_pki: SandboxPKI) -> None:
    cert = _leaf(sandbox_pki)
    delegate, key = _delegate(sandbox_pki)
    cfg = ResponderConfig(sandbox_pki.intermediate, key, delegate,
                          revoked={cert.serial_number: NOW - dt.timedelta(minutes=1)})
    with ocsp_responder(cfg) as url:
        result = check_ocsp(cert, sandbox_pki.intermediate, url)
    assert result.status == "revoked" and result.responder == "CN=OCSP RESPONDER"
    # Without id-kp-OCSPSigning the delegate may not speak for the CA.
    no_eku, key2 = _delegate(sandbox_pki, eku=False)
    with ocsp_responder(ResponderConfig(sandbox_pki.intermediate, key2, no_eku)) as url, \
            pytest.raises(OcspError) as err:
        check_ocsp(cert, sandbox_pki.intermediate, url)
    assert err.value.code == "ocsp_bad_responder"


def test_stale_reply_and_unreachable(sandbox_pki: SandboxPKI) -> None:
    cert = _leaf(sandbox_pki)
    cfg = _cfg(sandbox_pki)
    with ocsp_responder(cfg) as url:
        from signing.ocsp import post

        request = build_request(cert, sandbox_pki.intermediate)
        reply = post(url, request.der)
    later = NOW + dt.timedelta(hours=2)  # past nextUpdate (10 min)
    with pytest.raises(OcspError) as err:
        check_response(reply, cert, sandbox_pki.intermediate, nonce=request.nonce, at=later)
    assert err.value.code == "ocsp_stale"
    with pytest.raises(OcspError) as err:
        check_ocsp(cert, sandbox_pki.intermediate, url, timeout=2)  # server is gone
    assert err.value.code == "ocsp_unavailable"


def _nca(nca_test_dir: Path, name: str) -> x509.Certificate:
    data = (nca_test_dir / name).read_bytes()
    if data.startswith(b"-----"):
        return x509.load_pem_x509_certificate(data)
    return x509.load_der_x509_certificate(data)


@pytest.mark.req("R-AUTH-1")
@pytest.mark.parametrize(("reply", "leaf", "issuer", "status", "signature"), [
    ("ocsp_response_individual_sign_2004.bin", "KEY_INDIVIDUAL_VALID_SIGN_2004.cert.pem",
     "nca_rsa_test__UKO3.0_RSA_TEST.pem", "good", "valid"),
    ("ocsp_response_ceo_sign_2004_revoked.bin", "KEY_CEO_SIGN_REVOKED_2004.cert.pem",
     "nca_gost_test__UKO3.0_GOST_TEST.pem", "revoked", "valid"),
    ("ocsp_response_ceo_2015_revoked.bin", "KEY_CEO_REVOKED_2015.cert.pem",
     "nca_gost2022_test__ULTTYQ_GOST_TEST_2022.der.cer", "revoked", "valid"),
    # NCA-EDS §3.3: "revoked at 1970-01-01" is how the NCA responder says "unknown".
    ("ocsp_response_individual_2015.bin", "KEY_INDIVIDUAL_VALID_2015.cert.pem",
     "nca_gost2022_test__ULTTYQ_GOST_TEST_2022.der.cer", "unknown", "valid"),
])
def test_real_nca_replies(nca_test_dir: Path, reply: str, leaf: str, issuer: str,
                          status: str, signature: str) -> None:
    der = (nca_test_dir / "ca-test/ocsp-tsp" / reply).read_bytes()
    at = cocsp.load_der_ocsp_response(der).produced_at_utc
    result = check_response(der, _nca(nca_test_dir, "ncanode-kz/" + leaf),
                            _nca(nca_test_dir, "ca-test/" + issuer), nonce=None, at=at)
    assert (result.status, result.signature) == (status, signature)
    # GOST replies (issue 12) are checked like RSA ones: their status is trusted.
    assert result.trusted_status == status


def test_real_reply_for_another_certificate_is_refused(nca_test_dir: Path) -> None:
    der = (nca_test_dir / "ca-test/ocsp-tsp/ocsp_response_individual_sign_2004.bin").read_bytes()
    at = cocsp.load_der_ocsp_response(der).produced_at_utc
    with pytest.raises(OcspError) as err:
        other = _nca(nca_test_dir, "ncanode-kz/KEY_INDIVIDUAL_SIGN_REVOKED_2004.cert.pem")
        check_response(der, other,
                       _nca(nca_test_dir, "ca-test/nca_rsa_test__UKO3.0_RSA_TEST.pem"),
                       nonce=bytes.fromhex("B5E5C9B552CBCAC4"), at=at)
    assert err.value.code == "ocsp_wrong_cert"
    # The right certificate with the nonce NCANode sent: accepted; a different nonce: refused.
    leaf = _nca(nca_test_dir, "ncanode-kz/KEY_INDIVIDUAL_VALID_SIGN_2004.cert.pem")
    issuer = _nca(nca_test_dir, "ca-test/nca_rsa_test__UKO3.0_RSA_TEST.pem")
    check_response(der, leaf, issuer, nonce=bytes.fromhex("B5E5C9B552CBCAC4"), at=at)
    with pytest.raises(OcspError):
        check_response(der, leaf, issuer, nonce=b"\x00" * 8, at=at)
