"""The sandbox PKI issues NCA-shaped certificates that validate, expire and get revoked."""

from __future__ import annotations

import datetime as dt
import ipaddress
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from signing.errors import SignatureInvalid
from signing.iin import is_valid_bin, is_valid_iin
from signing.profile import profile_of
from signing.sandbox_pki import (
    INTERMEDIATE_CN,
    ROOT_CN,
    SANDBOX_USERS,
    SandboxPKI,
    ensure_sandbox_pki,
    load_sandbox_pki,
)

NOW = dt.datetime.now(dt.UTC)


def _new_user_cert(pki: SandboxPKI, purpose: str) -> x509.Certificate:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return pki.issue_user_certificate(SANDBOX_USERS[2], key.public_key(), purpose)  # type: ignore[arg-type]


def test_sandbox_users_are_valid_kazakh_analysts() -> None:
    assert len(SANDBOX_USERS) >= 3
    assert len({u.key for u in SANDBOX_USERS}) == len(SANDBOX_USERS)
    for user in SANDBOX_USERS:
        assert is_valid_iin(user.iin), user
        assert is_valid_bin(user.bin), user
        assert "SANDBOX" in user.organization
    assert any("Ә" in u.surname or "Ұ" in u.patronymic for u in SANDBOX_USERS)


@pytest.mark.req("R-AUTH-1")
def test_authentication_certificate_is_nca_shaped(sandbox_pki: SandboxPKI) -> None:
    user = SANDBOX_USERS[0]
    auth, _ = sandbox_pki.software_signers(user)
    cert = auth.certificate
    # NCA subject order: CN, SURNAME, SERIALNUMBER, C, O, OU, G (NCA-EDS §2.2, §4).
    assert [a.oid for a in cert.subject] == [
        NameOID.COMMON_NAME, NameOID.SURNAME, NameOID.SERIAL_NUMBER, NameOID.COUNTRY_NAME,
        NameOID.ORGANIZATION_NAME, NameOID.ORGANIZATIONAL_UNIT_NAME, NameOID.GIVEN_NAME,
    ]
    profile = profile_of(cert)
    assert profile.common_name == f"{user.surname} {user.first_name}"
    assert (profile.surname, profile.first_name, profile.patronymic) == (
        user.surname, user.first_name, user.patronymic)
    assert profile.iin == user.iin and profile.bin == user.bin
    assert profile.organization == user.organization and profile.country == "KZ"
    assert profile.holder_kind == "legal_entity_employee"
    assert profile.roles == ("employee",)
    assert profile.purpose == "authentication"
    assert profile.policies == ("1.2.398.3.3.2.2",)
    assert profile.ext_key_usage == (
        ExtendedKeyUsageOID.CLIENT_AUTH.dotted_string, "1.2.398.3.3.4.1.2", "1.2.398.3.3.4.1.2.5")
    assert profile.algorithm == "rsa" and profile.key_bits == 2048
    assert profile.crl_urls[0].startswith("http://pki.sandbox.invalid/")
    assert profile.ocsp_urls and profile.ca_issuers_urls
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.digital_signature and ku.key_encipherment and not ku.content_commitment
    assert profile.not_after - NOW > dt.timedelta(days=364)
    assert NOW - profile.not_before >= dt.timedelta(hours=23)


@pytest.mark.req("R-AUTH-5")
def test_signing_certificate_is_nca_shaped(sandbox_pki: SandboxPKI) -> None:
    _, signing = sandbox_pki.software_signers(SANDBOX_USERS[0])
    profile = profile_of(signing.certificate)
    assert profile.purpose == "signing"
    assert profile.policies == ("1.2.398.3.3.2.1",)
    assert profile.ext_key_usage[0] == ExtendedKeyUsageOID.EMAIL_PROTECTION.dotted_string
    ku = signing.certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.digital_signature and ku.content_commitment and not ku.key_encipherment


def test_ca_certificates(sandbox_pki: SandboxPKI) -> None:
    root, inter = profile_of(sandbox_pki.root), profile_of(sandbox_pki.intermediate)
    assert root.common_name == ROOT_CN and inter.common_name == INTERMEDIATE_CN
    assert root.purpose == inter.purpose == "ca"
    assert "1.2.398.3.3.1.1" in root.policies and "1.2.398.3.3.1.1" in inter.policies
    assert inter.issuer == f"C=KZ,CN={ROOT_CN}"


def test_chain_validates(sandbox_pki: SandboxPKI) -> None:
    auth, _ = sandbox_pki.software_signers(SANDBOX_USERS[0])
    chain = sandbox_pki.trust_store().validate(auth.certificate, NOW)
    assert chain == [auth.certificate, sandbox_pki.intermediate, sandbox_pki.root]


def test_revoked_certificate(sandbox_pki: SandboxPKI) -> None:
    cert = _new_user_cert(sandbox_pki, "signing")
    sandbox_pki.trust_store().validate(cert, NOW)
    sandbox_pki.revoke(cert)
    with pytest.raises(SignatureInvalid) as err:
        sandbox_pki.trust_store().validate(cert, dt.datetime.now(dt.UTC))
    assert err.value.code == "revoked"
    # Before the revocation it was fine ("as of" validation).
    sandbox_pki.trust_store().validate(cert, NOW - dt.timedelta(hours=1))
    # The CRL on disk was updated too.
    assert load_sandbox_pki(sandbox_pki.directory).crl.get_revoked_certificate_by_serial_number(
        cert.serial_number) is not None


def test_expired_and_not_yet_valid(sandbox_pki: SandboxPKI) -> None:
    cert = _new_user_cert(sandbox_pki, "authentication")
    store = sandbox_pki.trust_store()
    with pytest.raises(SignatureInvalid) as err:
        store.validate(cert, NOW + dt.timedelta(days=400))
    assert err.value.code == "expired"
    with pytest.raises(SignatureInvalid) as err:
        store.validate(cert, NOW - dt.timedelta(days=3))
    assert err.value.code == "not_yet_valid"


def test_tls_certificate(sandbox_pki: SandboxPKI) -> None:
    cert = sandbox_pki.tls_cert
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["localhost"]
    assert set(san.get_values_for_type(x509.IPAddress)) == {
        ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")}
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH]
    chain = x509.load_pem_x509_certificates(sandbox_pki.tls_cert_path.read_bytes())
    assert chain == [cert, sandbox_pki.intermediate]
    sandbox_pki.trust_store().validate(cert, NOW)


def test_operator_signer(sandbox_pki: SandboxPKI) -> None:
    signer = sandbox_pki.operator_signer()
    profile = profile_of(signer.certificate)
    assert profile.purpose == "signing"
    assert profile.organization is not None and "SANDBOX" in profile.organization
    assert signer.chain == [sandbox_pki.intermediate]
    sandbox_pki.trust_store().validate(signer.certificate, NOW)


def test_files_private_keys_and_reload(tmp_path: Path) -> None:
    pki = ensure_sandbox_pki(tmp_path / "pki")
    readme = (tmp_path / "pki" / "README.txt").read_text("utf-8")
    assert "SANDBOX" in readme and "UNENCRYPTED" in readme
    for key in (tmp_path / "pki").rglob("*.key"):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600, key
    assert pki.root_path.is_file() and pki.tls_key_path.is_file()
    again = ensure_sandbox_pki(tmp_path / "pki")
    assert again.root == pki.root and again.intermediate == pki.intermediate
    assert again.operator_cert == pki.operator_cert
    # Users' software keys persist across loads.
    first = pki.software_signers(SANDBOX_USERS[1])[0].certificate
    assert load_sandbox_pki(tmp_path / "pki").software_signers(SANDBOX_USERS[1])[0].certificate \
        == first


def _pair_matches(signer: object) -> bool:
    from cryptography.hazmat.primitives import serialization
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    cert = signer.certificate  # type: ignore[attr-defined]
    key = signer._key  # type: ignore[attr-defined]
    return bool(cert.public_key().public_bytes(*spki) == key.public_key().public_bytes(*spki))


def test_threads_asking_for_a_users_signers_at_once_get_one_matching_pair(
        tmp_path: Path) -> None:
    # Four load threads of the SIGKILL test once made a key each and wrote it over the others':
    # one ended with another's key beside its certificate, and its queries failed to verify.
    import threading

    pki = ensure_sandbox_pki(tmp_path / "pki")
    user = SANDBOX_USERS[2]
    start, got = threading.Barrier(6), []

    def ask() -> None:
        start.wait()
        got.append(pki.software_signers(user))

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(pair) for pair in got}) == 1
    assert all(_pair_matches(signer) for signer in got[0])
    # A key on disk that is not the certificate's (a half-finished write of another process)
    # is replaced, not used.
    key_file = tmp_path / "pki" / "users" / f"{user.key}-sign.key"
    key_file.write_bytes((tmp_path / "pki" / "users" / f"{user.key}-auth.key").read_bytes())
    signing = load_sandbox_pki(tmp_path / "pki").software_signers(user)[1]
    assert _pair_matches(signing)
