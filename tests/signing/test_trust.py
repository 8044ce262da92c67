"""Path building, CA checks and CRL handling of TrustStore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa

from signing.errors import SignatureInvalid
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, create_sandbox_pki
from signing.trust import SOFT_FAIL, TrustStore

NOW = dt.datetime.now(dt.UTC)


def _crl(issuer: x509.Certificate, key: rsa.RSAPrivateKey, serial: int,
         last_update: dt.datetime) -> x509.CertificateRevocationList:
    return (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.subject)
        .last_update(last_update)
        .next_update(last_update + dt.timedelta(days=1))
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial)
            .revocation_date(last_update).build())
        .sign(key, hashes.SHA256())
    )


def test_from_directory(sandbox_pki: SandboxPKI) -> None:
    store = TrustStore.from_directory(sandbox_pki.trust_dir)
    assert store.anchors == [sandbox_pki.root]
    assert store.intermediates == [sandbox_pki.intermediate]
    assert len(store.crls) == 2  # the intermediate's and the root's
    auth, _ = sandbox_pki.software_signers(SANDBOX_USERS[0])
    assert len(store.validate(auth.certificate, NOW)) == 3


def test_intermediate_as_anchor_ends_the_path(sandbox_pki: SandboxPKI) -> None:
    auth, _ = sandbox_pki.software_signers(SANDBOX_USERS[0])
    store = TrustStore([sandbox_pki.intermediate], crls=[sandbox_pki.crl])
    assert store.validate(auth.certificate, NOW) == [auth.certificate, sandbox_pki.intermediate]


def test_intermediate_from_extra(sandbox_pki: SandboxPKI) -> None:
    auth, _ = sandbox_pki.software_signers(SANDBOX_USERS[0])
    crls = [sandbox_pki.crl, sandbox_pki.root_crl]
    with pytest.raises(SignatureInvalid) as err:
        TrustStore([sandbox_pki.root], crls=crls).validate(auth.certificate, NOW)
    assert err.value.code == "untrusted"
    chain = TrustStore([sandbox_pki.root], crls=crls).validate(
        auth.certificate, NOW, extra=[sandbox_pki.intermediate])
    assert chain[-1] == sandbox_pki.root


def test_foreign_root_is_untrusted(sandbox_pki: SandboxPKI, tmp_path: Path) -> None:
    foreign = create_sandbox_pki(tmp_path / "foreign")
    auth, _ = foreign.software_signers(SANDBOX_USERS[0])
    # Same names as the real sandbox CAs, other keys: the signature check must catch it.
    assert foreign.intermediate.subject == sandbox_pki.intermediate.subject
    with pytest.raises(SignatureInvalid) as err:
        sandbox_pki.trust_store().validate(auth.certificate, NOW,
                                           extra=[foreign.intermediate])
    assert err.value.code == "untrusted"


def test_leaf_cannot_act_as_ca(sandbox_pki: SandboxPKI) -> None:
    # A certificate "issued" by an end-entity key must not chain.
    auth, _ = sandbox_pki.software_signers(SANDBOX_USERS[0])
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    issuer_key = auth.private_key  # type: ignore[attr-defined]
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "EVIL")]))
        .issuer_name(auth.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=1))
        .sign(issuer_key, hashes.SHA256())
    )
    with pytest.raises(SignatureInvalid) as err:
        sandbox_pki.trust_store().validate(cert, NOW, extra=[auth.certificate])
    assert err.value.code == "untrusted"
    assert "not a CA" in str(err.value)


def test_crl_rules(sandbox_pki: SandboxPKI, tmp_path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = sandbox_pki.issue_user_certificate(SANDBOX_USERS[3], key.public_key(), "signing")
    foreign = create_sandbox_pki(tmp_path / "foreign")
    inter_key = sandbox_pki._intermediate_key
    root_crl = sandbox_pki.root_crl
    assert root_crl is not None
    # Signed by a key other than the issuer's: ignored, so nothing decides (hard fail).
    forged = _crl(sandbox_pki.intermediate, foreign._intermediate_key, cert.serial_number,
                  NOW - dt.timedelta(minutes=5))
    with pytest.raises(SignatureInvalid) as err:
        TrustStore([sandbox_pki.root], [sandbox_pki.intermediate],
                   [forged, root_crl]).validate(cert, NOW)
    assert err.value.code == "revocation_unknown"
    # Published after the moment checked, revoking only after it: good as of that moment.
    later = _crl(sandbox_pki.intermediate, inter_key, cert.serial_number,
                 NOW + dt.timedelta(hours=1))
    TrustStore([sandbox_pki.root], [sandbox_pki.intermediate],
               [later, root_crl]).validate(cert, NOW)
    # Genuine and current: revoked. add_crl works too.
    store = TrustStore([sandbox_pki.root], [sandbox_pki.intermediate])
    store.add_crl(_crl(sandbox_pki.intermediate, inter_key, cert.serial_number,
                       NOW - dt.timedelta(minutes=5)))
    store.add_crl(root_crl)
    with pytest.raises(SignatureInvalid) as err:
        store.validate(cert, NOW)
    assert err.value.code == "revoked"


def test_naive_time_is_rejected(sandbox_pki: SandboxPKI) -> None:
    auth, _ = sandbox_pki.software_signers(SANDBOX_USERS[0])
    with pytest.raises(ValueError):
        sandbox_pki.trust_store().validate(auth.certificate, dt.datetime.now())


def test_nca_test_chain_is_expired(nca_test_dir: Path) -> None:
    # The real NCA RSA test intermediate signs the sample leaf; both have expired (NCA-EDS §4).
    inter = x509.load_pem_x509_certificate(
        (nca_test_dir / "ca-test/nca_rsa_test__UKO3.0_RSA_TEST.pem").read_bytes())
    leaf = x509.load_pem_x509_certificate(
        (nca_test_dir / "ncanode-kz/KEY_INDIVIDUAL_VALID_SIGN_2004.cert.pem").read_bytes())
    store = TrustStore([inter])
    at = dt.datetime(2021, 6, 1, tzinfo=dt.UTC)
    # No NCA CRL of 2021 is at hand: only a soft-fail policy lets the path through.
    assert store.validate(leaf, at, policy=SOFT_FAIL) == [leaf, inter]
    with pytest.raises(SignatureInvalid) as err:
        store.validate(leaf, at)
    assert err.value.code == "revocation_unknown"
    with pytest.raises(SignatureInvalid) as err:
        store.validate(leaf, NOW)
    assert err.value.code == "expired"


def test_nca_test_crl_lists_revoked_sample(nca_test_dir: Path) -> None:
    inter = x509.load_pem_x509_certificate(
        (nca_test_dir / "ca-test/nca_rsa_test__UKO3.0_RSA_TEST.pem").read_bytes())
    crl = x509.load_der_x509_crl((nca_test_dir / "ca-test/nca_rsa_test.crl").read_bytes())
    leaf = x509.load_pem_x509_certificate(
        (nca_test_dir / "ncanode-kz/KEY_INDIVIDUAL_SIGN_REVOKED_2004.cert.pem").read_bytes())
    with pytest.raises(SignatureInvalid) as err:
        TrustStore([inter], crls=[crl]).validate(leaf, dt.datetime(2022, 6, 1, tzinfo=dt.UTC))
    assert err.value.code == "revoked"


def test_gost_chain_validates(nca_test_dir: Path) -> None:
    # Issue 12: a GOST 2015 chain is checked like an RSA one (it was "unsupported" before).
    inter = x509.load_der_x509_certificate(
        (nca_test_dir / "ca-test/nca_gost2022_test__ULTTYQ_GOST_TEST_2022.der.cer").read_bytes())
    crl = x509.load_der_x509_crl((nca_test_dir / "ca-test/nca_gost2022_test.crl").read_bytes())
    leaf = x509.load_pem_x509_certificate(
        (nca_test_dir / "ncanode-kz/KEY_INDIVIDUAL_VALID_2015.cert.pem").read_bytes())
    checked = TrustStore([inter], crls=[crl]).check(leaf, dt.datetime(2023, 1, 1, tzinfo=dt.UTC))
    assert checked.path == [leaf, inter]
    assert [d.status for d in checked.revocation] == ["good"]
