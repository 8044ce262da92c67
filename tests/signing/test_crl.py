"""Base + delta CRLs, and the real NCA test CRLs against the real sample certificates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa

from signing.crl import load_crl_file, revocation_check, revocation_status
from signing.errors import SignatureInvalid
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.trust import TrustStore

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def _crl(pki: SandboxPKI, number: int, entries: list[tuple[int, str | None]], *,
         base: int | None = None, published: dt.datetime = NOW - dt.timedelta(hours=1),
         ) -> x509.CertificateRevocationList:
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(pki.intermediate.subject)
        .last_update(published)
        .next_update(published + dt.timedelta(days=1))
        .add_extension(x509.CRLNumber(number), False)
    )
    if base is not None:
        builder = builder.add_extension(x509.DeltaCRLIndicator(base), True)
    for serial, reason in entries:
        entry = x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(
            published - dt.timedelta(minutes=1))
        if reason is not None:
            entry = entry.add_extension(x509.CRLReason(x509.ReasonFlags(reason)), False)
        builder = builder.add_revoked_certificate(entry.build())
    return builder.sign(pki._intermediate_key, hashes.SHA256())


def _cert(pki: SandboxPKI) -> x509.Certificate:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return pki.issue_user_certificate(SANDBOX_USERS[3], key.public_key(), "signing")


@pytest.mark.req("R-AUTH-1")
def test_delta_adds_and_removes(sandbox_pki: SandboxPKI) -> None:
    held, fresh, other = _cert(sandbox_pki), _cert(sandbox_pki), _cert(sandbox_pki)
    base = _crl(sandbox_pki, 10, [(held.serial_number, "certificateHold"),
                                  (other.serial_number, None)],
                published=NOW - dt.timedelta(hours=3))
    delta = _crl(sandbox_pki, 11, [(held.serial_number, "removeFromCRL"),
                                   (fresh.serial_number, "keyCompromise")], base=10)
    issuer = sandbox_pki.intermediate
    assert revocation_status(held, [base], NOW, issuer) == "revoked"
    assert revocation_status(fresh, [base], NOW, issuer) == "good"
    # With the delta: the hold is released, the new revocation is seen, the old one stays.
    crls = [base, delta]
    assert revocation_status(held, crls, NOW, issuer) == "good"
    result = revocation_check(fresh, crls, NOW, issuer)
    assert result.status == "revoked" and result.crl_reason == "keyCompromise"
    assert "delta #11" in result.reason and result.signature == "valid"
    assert revocation_status(other, crls, NOW, issuer) == "revoked"


def test_delta_for_another_base_is_ignored(sandbox_pki: SandboxPKI) -> None:
    cert = _cert(sandbox_pki)
    base = _crl(sandbox_pki, 10, [], published=NOW - dt.timedelta(hours=3))
    # baseCRLNumber 12 > 10: this delta needs a newer base than the one we hold.
    delta = _crl(sandbox_pki, 13, [(cert.serial_number, None)], base=12)
    assert revocation_status(cert, [base, delta], NOW, sandbox_pki.intermediate) == "good"
    # A delta alone, without any base, proves nothing.
    assert revocation_status(cert, [delta], NOW, sandbox_pki.intermediate) == "unknown"


def test_newest_base_wins_and_stale_is_unknown(sandbox_pki: SandboxPKI) -> None:
    cert = _cert(sandbox_pki)
    old = _crl(sandbox_pki, 1, [(cert.serial_number, "certificateHold")],
               published=NOW - dt.timedelta(hours=5))
    new = _crl(sandbox_pki, 2, [], published=NOW - dt.timedelta(hours=1))
    assert revocation_status(cert, [new, old], NOW, sandbox_pki.intermediate) == "good"
    later = NOW + dt.timedelta(days=3)  # past nextUpdate of both
    result = revocation_check(cert, [new], later, sandbox_pki.intermediate)
    assert (result.status, result.stale) == ("unknown", True)


def test_trust_store_uses_deltas(sandbox_pki: SandboxPKI, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    cert = _cert(sandbox_pki)
    base = _crl(sandbox_pki, 20, [], published=NOW - dt.timedelta(hours=3))
    delta = _crl(sandbox_pki, 21, [(cert.serial_number, None)], base=20)
    (tmp_path / "root.pem").write_bytes(sandbox_pki.root.public_bytes(Encoding.PEM))
    (tmp_path / "inter.pem").write_bytes(sandbox_pki.intermediate.public_bytes(Encoding.PEM))
    (tmp_path / "base.crl").write_bytes(base.public_bytes(Encoding.DER))
    (tmp_path / "delta.crl").write_bytes(delta.public_bytes(Encoding.PEM))
    store = TrustStore.from_directory(tmp_path)
    with pytest.raises(SignatureInvalid) as err:
        store.validate(cert, NOW)
    assert err.value.code == "revoked"
    assert store.revocation(cert, NOW).status == "revoked"


# Done-when (issue 3): as of a time inside their validity, the NCA test CRLs make the revoked
# samples "revoked" and the valid ones not; every list's signature (RSA, GOST 2004 and GOST
# 2015 alike, issue 12) is checked against its CA.
SAMPLES = [
    ("KEY_INDIVIDUAL_AUTH_REVOKED_2004.cert.pem", "nca_rsa_test", "revoked"),
    ("KEY_INDIVIDUAL_SIGN_REVOKED_2004.cert.pem", "nca_rsa_test", "revoked"),
    ("KEY_INDIVIDUAL_VALID_SIGN_2004.cert.pem", "nca_rsa_test", "good"),
    ("repo_individual_valid_sign_2004_rsa.cer", "nca_rsa_test", "good"),
    ("repo_individual_valid_sign_2004_rsa_auth.cer", "nca_rsa_test", "good"),
    ("KEY_CEO_SIGN_REVOKED_2004.cert.pem", "nca_gost_test", "revoked"),
    ("repo_ceo_valid_sign_2004_gost.cer", "nca_gost_test", "good"),
    ("KEY_CEO_REVOKED_2015.cert.pem", "nca_gost2022_test", "revoked"),
    ("KEY_INDIVIDUAL_VALID_2015.cert.pem", "nca_gost2022_test", "good"),
]
ISSUERS = {
    "nca_rsa_test": "nca_rsa_test__UKO3.0_RSA_TEST.pem",
    "nca_gost_test": "nca_gost_test__UKO3.0_GOST_TEST.pem",
    "nca_gost2022_test": "nca_gost2022_test__ULTTYQ_GOST_TEST_2022.der.cer",
}


def _load(path: Path) -> x509.Certificate:
    data = path.read_bytes()
    if data.startswith(b"-----"):
        return x509.load_pem_x509_certificate(data)
    return x509.load_der_x509_certificate(data)


@pytest.mark.req("R-AUTH-1")
@pytest.mark.parametrize(("leaf", "ca", "expected"), SAMPLES)
def test_nca_samples_against_nca_crls(nca_test_dir: Path, leaf: str, ca: str,
                                      expected: str) -> None:
    ca_dir = nca_test_dir / "ca-test"
    crls = [load_crl_file(p) for p in sorted(ca_dir.glob("*.crl"))]
    crl = next(c for c in crls if c.issuer == _load(ca_dir / ISSUERS[ca]).subject)
    # A moment inside that CRL's validity.
    assert crl.next_update_utc is not None
    at = crl.last_update_utc + (crl.next_update_utc - crl.last_update_utc) / 2
    cert = _load(nca_test_dir / "ncanode-kz" / leaf)
    issuer = _load(ca_dir / ISSUERS[ca])
    result = revocation_check(cert, crls, at, issuer)
    assert result.status == expected
    assert result.signature == "valid"
    # Before the CRL was published, a list current then is needed: this one says nothing...
    before = crl.last_update_utc - dt.timedelta(days=1)
    assert revocation_status(cert, crls, before, issuer, later=False) == "unknown"
    # ...unless a list published later counts (it names every revocation made by then).
    late = revocation_check(cert, crls, before, issuer)
    if expected == "revoked":
        assert result.revoked_at is not None
        assert late.status == ("revoked" if result.revoked_at <= before else "good")
    elif crl.last_update_utc <= cert.not_valid_after_utc:
        assert late.status == "good" and late.later
    else:  # published after the certificate expired: it need not list it any more
        assert late.status == "unknown" and "expired" in late.reason
