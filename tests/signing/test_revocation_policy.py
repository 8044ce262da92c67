"""Revocation fails closed (issue 9, hole 4): an explicit policy decides unknown status.

Each "hole" test fails on the code before the fix: without a CRL for an issuer, or with a CRL
past its nextUpdate, a certificate (even a revoked one) validated silently.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp

from signing.cms import sign_detached, verify_detached
from signing.errors import SignatureInvalid
from signing.ocsp import OcspError, OcspResult
from signing.sandbox_pki import (
    CRL_VALIDITY,
    SANDBOX_USERS,
    SandboxPKI,
    create_sandbox_pki,
    load_sandbox_pki,
)
from signing.signer import SoftwareSigner
from signing.trust import HARD_FAIL, SOFT_FAIL, RevocationPolicy, TrustStore, policy_named

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
HOUR, DAY = dt.timedelta(hours=1), dt.timedelta(days=1)


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _crl(pki: SandboxPKI, published: dt.datetime, revoked: tuple[int, ...] = (),
         valid_for: dt.timedelta = DAY, number: int = 50) -> x509.CertificateRevocationList:
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(pki.intermediate.subject)
        .last_update(published).next_update(published + valid_for)
        .add_extension(x509.CRLNumber(number), False)
    )
    for serial in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial)
            .revocation_date(published - HOUR).build())
    return builder.sign(pki._intermediate_key, hashes.SHA256())


def _store(pki: SandboxPKI, *crls: x509.CertificateRevocationList,
           policy: RevocationPolicy = HARD_FAIL) -> TrustStore:
    assert pki.root_crl is not None
    return TrustStore([pki.root], [pki.intermediate], [*crls, pki.root_crl], policy=policy)


@pytest.fixture
def leaf(sandbox_pki: SandboxPKI) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    key = _key()
    return sandbox_pki.issue_user_certificate(SANDBOX_USERS[2], key.public_key(),
                                              "signing"), key


@pytest.mark.req("R-AUTH-1")
def test_hole_no_crl_for_the_issuer_refuses(sandbox_pki: SandboxPKI,
                                            leaf: tuple[x509.Certificate, rsa.RSAPrivateKey]
                                            ) -> None:
    cert, key = leaf
    sandbox_pki.revoke(cert)  # revoked — but the store below holds no list of its issuer
    with pytest.raises(SignatureInvalid) as err:
        _store(sandbox_pki).validate(cert, NOW)
    assert err.value.code == "revocation_unknown"
    assert "no CRL of this issuer" in str(err.value) and "no OCSP answer" in str(err.value)
    # Through the CMS verifier, which every caller (gateway, desk, archive, CLI) uses.
    cms_der = sign_detached(b"data", SoftwareSigner(key, cert, [sandbox_pki.intermediate]))
    with pytest.raises(SignatureInvalid) as err:
        verify_detached(cms_der, b"data", _store(sandbox_pki))
    assert err.value.code == "revocation_unknown"
    # With the issuer's current list it is what it is: revoked.
    with pytest.raises(SignatureInvalid) as err:
        verify_detached(cms_der, b"data", _store(sandbox_pki, sandbox_pki.crl))
    assert err.value.code == "revoked"


@pytest.mark.req("R-AUTH-1")
def test_hole_stale_crl_refuses_with_its_own_reason(
        sandbox_pki: SandboxPKI, leaf: tuple[x509.Certificate, rsa.RSAPrivateKey]) -> None:
    cert, _ = leaf
    stale = _crl(sandbox_pki, NOW - 20 * HOUR, valid_for=12 * HOUR)  # expired 8 hours ago
    with pytest.raises(SignatureInvalid) as err:
        _store(sandbox_pki, stale).validate(cert, NOW)
    assert err.value.code == "revocation_unknown"
    assert "stale" in str(err.value) and "CRL #50" in str(err.value)
    decision = _store(sandbox_pki, stale).revocation_decision(cert, sandbox_pki.intermediate,
                                                              NOW)
    assert (decision.status, decision.stale) == ("unknown", True)
    # Inside its window the same list decides.
    assert _store(sandbox_pki, stale).validate(cert, NOW - 10 * HOUR)[0] == cert


@pytest.mark.req("R-AUTH-1")
def test_the_intermediate_needs_the_roots_list_too(
        sandbox_pki: SandboxPKI, leaf: tuple[x509.Certificate, rsa.RSAPrivateKey]) -> None:
    cert, _ = leaf
    store = TrustStore([sandbox_pki.root], [sandbox_pki.intermediate], [sandbox_pki.crl])
    with pytest.raises(SignatureInvalid) as err:
        store.validate(cert, NOW)
    assert err.value.code == "revocation_unknown"
    assert "(SANDBOX)" in str(err.value) and "ҰЛТТЫҚ" in str(err.value)
    checked = _store(sandbox_pki, sandbox_pki.crl).check(cert, NOW)
    assert [d.status for d in checked.revocation] == ["good", "good"]
    assert [d.source for d in checked.revocation] == ["crl", "crl"]
    assert checked.soft_failed == ()


@pytest.mark.req("R-AUTH-1")
def test_soft_fail_lets_through_logs_and_marks(
        sandbox_pki: SandboxPKI, leaf: tuple[x509.Certificate, rsa.RSAPrivateKey],
        caplog: pytest.LogCaptureFixture) -> None:
    cert, key = leaf
    store = _store(sandbox_pki, policy=SOFT_FAIL)
    with caplog.at_level(logging.WARNING, logger="signing.trust"):
        checked = store.check(cert, NOW)
    assert checked.policy.mode == "soft_fail"
    (soft,) = checked.soft_failed
    assert soft.status == "unknown" and soft.serial in caplog.text
    assert "revocation soft-fail" in caplog.text
    # Per call, the policy can be overridden either way; the CMS result carries the marks.
    with pytest.raises(SignatureInvalid):
        store.validate(cert, NOW, policy=HARD_FAIL)
    cms_der = sign_detached(b"x", SoftwareSigner(key, cert, [sandbox_pki.intermediate]))
    verified = verify_detached(cms_der, b"x", _store(sandbox_pki), revocation=SOFT_FAIL)
    assert len(verified.revocation_soft_failed) == 1
    # Soft fail never hides a revocation.
    sandbox_pki.revoke(cert)
    with pytest.raises(SignatureInvalid) as err:
        _store(sandbox_pki, sandbox_pki.crl, policy=SOFT_FAIL).validate(
            cert, dt.datetime.now(dt.UTC))
    assert err.value.code == "revoked"


def test_policy_names() -> None:
    assert policy_named("hard_fail") == HARD_FAIL and policy_named("soft_fail") == SOFT_FAIL
    assert TrustStore([]).policy == HARD_FAIL  # the default
    with pytest.raises(ValueError, match="hard_fail, soft_fail"):
        policy_named("none")


def _ocsp_reply(pki: SandboxPKI, cert: x509.Certificate, *, status: str = "good",
                at: dt.datetime = NOW) -> bytes:
    revoked = status == "revoked"
    return (
        ocsp.OCSPResponseBuilder()
        .add_response(cert=cert, issuer=pki.intermediate, algorithm=hashes.SHA256(),
                      cert_status=(ocsp.OCSPCertStatus.REVOKED if revoked
                                   else ocsp.OCSPCertStatus.GOOD),
                      this_update=at - dt.timedelta(minutes=1),
                      next_update=at + dt.timedelta(minutes=30),
                      revocation_time=at - HOUR if revoked else None,
                      revocation_reason=None)
        .responder_id(ocsp.OCSPResponderEncoding.NAME, pki.intermediate)
        .sign(pki._intermediate_key, hashes.SHA256())
        .public_bytes(Encoding.DER)
    )


@pytest.mark.req("R-AUTH-1")
def test_a_good_ocsp_answer_stands_in_for_a_missing_crl(
        sandbox_pki: SandboxPKI, leaf: tuple[x509.Certificate, rsa.RSAPrivateKey],
        tmp_path: Path) -> None:
    cert, _ = leaf
    store = _store(sandbox_pki)
    store.add_ocsp_response(_ocsp_reply(sandbox_pki, _key_cert(sandbox_pki)))  # someone else
    with pytest.raises(SignatureInvalid):
        store.validate(cert, NOW)
    store.add_ocsp_response(_ocsp_reply(sandbox_pki, cert))
    checked = store.check(cert, NOW)
    assert checked.revocation[0].source == "ocsp"
    # Stale an hour later (nextUpdate +30 min): refused again.
    with pytest.raises(SignatureInvalid) as err:
        store.validate(cert, NOW + HOUR)
    assert err.value.code == "revocation_unknown" and "OCSP" in str(err.value)
    revoked = _store(sandbox_pki)  # only the OCSP answer decides the leaf
    revoked.add_ocsp_response(_ocsp_reply(sandbox_pki, cert, status="revoked"))
    with pytest.raises(SignatureInvalid) as err:
        revoked.validate(cert, NOW)
    assert err.value.code == "revoked" and "OCSP" in str(err.value)
    # Stored replies are read from a trust directory (*.ocsp) like CRLs.
    trust = tmp_path / "trust"
    shutil.copytree(sandbox_pki.trust_dir, trust)
    (trust / "intermediate.crl").unlink()
    (trust / "leaf.ocsp").write_bytes(_ocsp_reply(sandbox_pki, cert))
    assert TrustStore.from_directory(trust).validate(cert, NOW)[0] == cert


def _key_cert(pki: SandboxPKI) -> x509.Certificate:
    return pki.issue_user_certificate(SANDBOX_USERS[3], _key().public_key(), "signing")


@pytest.mark.req("R-AUTH-1")
def test_ocsp_fetch_hook_is_asked_only_when_crls_do_not_decide(
        sandbox_pki: SandboxPKI, leaf: tuple[x509.Certificate, rsa.RSAPrivateKey]) -> None:
    cert, _ = leaf
    asked: list[x509.Certificate] = []

    def fetch(c: x509.Certificate, issuer: x509.Certificate, at: dt.datetime) -> OcspResult:
        asked.append(c)
        return OcspResult("good", "not revoked", at, at + HOUR, at, None, "responder", "valid")

    store = _store(sandbox_pki, sandbox_pki.crl)
    store.ocsp_fetch = fetch
    store.validate(cert, NOW)
    assert asked == []  # the fresh CRL decided
    bare = _store(sandbox_pki)
    bare.ocsp_fetch = fetch
    assert bare.check(cert, NOW).revocation[0].source == "ocsp" and asked == [cert]

    def down(c: x509.Certificate, issuer: x509.Certificate, at: dt.datetime) -> OcspResult:
        raise OcspError("OCSP responder unreachable", code="ocsp_unavailable")

    bare.ocsp_fetch = down
    with pytest.raises(SignatureInvalid) as err:
        bare.validate(cert, NOW)
    assert err.value.code == "revocation_unknown" and "unreachable" in str(err.value)


@pytest.mark.req("R-AUTH-1")
def test_revoked_serial_index_follows_the_crls(
        sandbox_pki: SandboxPKI, leaf: tuple[x509.Certificate, rsa.RSAPrivateKey]) -> None:
    cert, _ = leaf
    before = _store(sandbox_pki, sandbox_pki.crl)
    assert before.revoked_serial(cert.serial_number, NOW) is None
    digest = before.crl_digest
    sandbox_pki.revoke(cert)
    after = _store(sandbox_pki, sandbox_pki.crl)
    entry = after.revoked_serial(cert.serial_number, dt.datetime.now(dt.UTC))
    assert entry is not None and "(SANDBOX)" in entry.issuer
    assert after.crl_digest != digest
    # A list signed by another key names nobody.
    forged = TrustStore([sandbox_pki.root], [sandbox_pki.intermediate],
                        [_forged(sandbox_pki, cert.serial_number)])
    assert forged.revoked_serial(cert.serial_number, NOW + HOUR) is None


def _forged(pki: SandboxPKI, serial: int) -> x509.CertificateRevocationList:
    return (
        x509.CertificateRevocationListBuilder()
        .issuer_name(pki.intermediate.subject)
        .last_update(NOW - HOUR).next_update(NOW + DAY)
        .add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(serial)
                                 .revocation_date(NOW - HOUR).build())
        .sign(_key(), hashes.SHA256())
    )


# The sandbox PKI keeps its CRLs fresh, so the demo does not now fail closed ------------------

@pytest.mark.req("R-AUTH-1")
def test_sandbox_crls_are_fresh_and_renewed_when_stale(tmp_path: Path) -> None:
    pki = create_sandbox_pki(tmp_path / "pki")
    made = dt.datetime.now(dt.UTC)  # not the module's NOW: the suite may run for minutes
    assert pki.root_crl is not None and pki.root_crl_path.exists()
    for crl in (pki.crl, pki.root_crl):
        assert crl.next_update_utc is not None
        assert crl.last_update_utc <= made < crl.next_update_utc
        assert crl.next_update_utc - crl.last_update_utc == CRL_VALIDITY
    auth, _ = pki.software_signers(SANDBOX_USERS[0])
    revoked_cert = _key_cert(pki)
    pki.revoke(revoked_cert)
    # A sandbox last used long ago: both lists on disk are stale...
    old = made - 30 * DAY
    for path, issuer, key, entries in (
            (pki.crl_path, pki.intermediate, pki._intermediate_key, list(pki.crl)),
            (pki.root_crl_path, pki.root, pki._root_key, [])):
        builder = (x509.CertificateRevocationListBuilder().issuer_name(issuer.subject)
                   .last_update(old).next_update(old + CRL_VALIDITY)
                   .add_extension(x509.CRLNumber(7), False))
        for entry in entries:
            builder = builder.add_revoked_certificate(entry)
        assert key is not None
        path.write_bytes(builder.sign(key, hashes.SHA256()).public_bytes(Encoding.DER))
    stale = TrustStore.from_directory(pki.trust_dir)
    with pytest.raises(SignatureInvalid) as err:
        stale.validate(auth.certificate, made)
    assert err.value.code == "revocation_unknown"
    # ...and loading it at start renews them: same entries, next numbers, fresh dates.
    again = load_sandbox_pki(pki.directory)
    store = TrustStore.from_directory(again.trust_dir)
    assert store.validate(auth.certificate, dt.datetime.now(dt.UTC))[0] == auth.certificate
    with pytest.raises(SignatureInvalid) as err:
        store.validate(revoked_cert, dt.datetime.now(dt.UTC))
    assert err.value.code == "revoked"
    assert again.crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number == 8


@pytest.mark.req("R-AUTH-1")
def test_sandbox_made_before_root_crls_gets_one(tmp_path: Path) -> None:
    pki = create_sandbox_pki(tmp_path / "pki")
    pki.root_crl_path.unlink()
    again = load_sandbox_pki(pki.directory)
    assert again.root_crl is not None and again.root_crl_path.exists()
    auth, _ = again.software_signers(SANDBOX_USERS[0])
    TrustStore.from_directory(again.trust_dir).validate(auth.certificate,
                                                        dt.datetime.now(dt.UTC))


def test_sandbox_trust_store_renews_a_due_crl_in_memory(tmp_path: Path) -> None:
    pki = create_sandbox_pki(tmp_path / "pki")
    first = pki.trust_store()
    assert pki.trust_store() is first  # one store per set of CRLs (its revocation index)
    assert pki.crl.next_update_utc is not None
    old = pki.crl
    pki.crl = (x509.CertificateRevocationListBuilder().issuer_name(pki.intermediate.subject)
               .last_update(NOW - 6 * DAY - 12 * HOUR).next_update(NOW + 12 * HOUR)
               .add_extension(x509.CRLNumber(1), False)
               .sign(pki._intermediate_key, hashes.SHA256()))
    renewed = pki.trust_store()
    assert renewed is not first and pki.crl is not old
    assert pki.crl.next_update_utc is not None and pki.crl.next_update_utc > NOW + 6 * DAY
