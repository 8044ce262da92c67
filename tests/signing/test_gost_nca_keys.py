"""Issue 12: NCA's own GOST test keys (.p12) open (PBE SHA-1 + 3DES, NCA's PKCS#8 layout), sign
CMS with GOST 2004 (GOST 34.311-95) and GOST 2015 (Streebog-512), and those signatures verify
against NCA's test CAs and CRLs as of a time inside the certificates' validity."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from asn1crypto import cms as acms

from signing.cms import sign_detached, verify_detached
from signing.crl import load_crl
from signing.errors import PinIncorrect, SignatureInvalid
from signing.filekey import gost_p12_keys
from signing.gost.certs import gost_key
from signing.gost.issue import GostKeyPair
from signing.gost.nca import OID_HASH_GOST94, OID_HASH_STREEBOG512
from signing.gost.signer import GostSoftwareSigner
from signing.profile import load_certificate
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.trust import TrustStore

DATA = b"SIO Desk: signed with an NCA test key"
CA04 = ("ca-test/nca_gost_test__UKO3.0_GOST_TEST.pem", "ca-test/nca_gost_test.crl")
CA15 = ("ca-test/nca_gost2022_test__ULTTYQ_GOST_TEST_2022.der.cer",
        "ca-test/nca_gost2022_test.crl")
KEYS = [  # file, password, CA, a moment inside validity, expected status, digest OID
    ("ncanode-kz/ceo_sign_gost2004_revoked__pw_Qwerty12.p12", "Qwerty12", CA04,
     "2022-01-18T04:46:30", "valid", OID_HASH_GOST94),
    ("ncanode-kz/ceo_sign_gost2004_revoked__pw_Qwerty12.p12", "Qwerty12", CA04,
     "2022-06-01T00:00:00", "revoked", OID_HASH_GOST94),
    ("ncanode-kz/individual_gost2015_valid__pw_Aa123456.p12", "Aa123456", CA15,
     "2022-09-01T00:00:00", "valid", OID_HASH_STREEBOG512),
    ("ncanode-kz/ceo_gost2015_revoked__pw_Aa123456.p12", "Aa123456", CA15,
     "2022-08-01T00:00:00", "revoked", OID_HASH_STREEBOG512),
]


@pytest.mark.req("R-AUTH-5")
@pytest.mark.usefixtures("gost_backend")
@pytest.mark.parametrize(("name", "password", "ca", "when", "expected", "digest"), KEYS)
def test_nca_gost_key_signs_and_verifies(nca_test_dir: Path, name: str, password: str,
                                         ca: tuple[str, str], when: str, expected: str,
                                         digest: str) -> None:
    ((d, cert),) = gost_p12_keys((nca_test_dir / name).read_bytes(), password)
    signer = GostSoftwareSigner(GostKeyPair(d, gost_key(cert)), cert)
    der = sign_detached(DATA, signer)
    si = acms.ContentInfo.load(der)["content"]["signer_infos"][0]
    assert si["digest_algorithm"]["algorithm"].dotted == digest
    store = TrustStore([load_certificate((nca_test_dir / ca[0]).read_bytes())],
                       crls=[load_crl((nca_test_dir / ca[1]).read_bytes())])
    at = dt.datetime.fromisoformat(when).replace(tzinfo=dt.UTC)
    try:
        verified = verify_detached(der, DATA, store, at=at, purpose="signing")
        status = "valid"
        assert verified.certificate == cert
    except SignatureInvalid as exc:
        status = exc.code
    assert status == expected
    with pytest.raises(SignatureInvalid) as err:
        verify_detached(der, DATA + b".", store, at=at)
    assert err.value.code == "digest_mismatch"


def test_gokalkan_gost_key_and_a_wrong_password(nca_test_dir: Path) -> None:
    data = (nca_test_dir / "gokalkan/gost1__pw_Qwerty12.p12").read_bytes()
    ((d, cert),) = gost_p12_keys(data, "Qwerty12")
    assert gost_key(cert).bits == 512 and d > 0
    with pytest.raises(PinIncorrect):
        gost_p12_keys(data, "wrong")


@pytest.mark.req("R-AUTH-5")
def test_gost_signature_through_the_ncalayer_bridge(nca_test_dir: Path,
                                                    sandbox_pki: SandboxPKI) -> None:
    # The production GOST path: NCALayer signs (here a loopback stand-in holding NCA's GOST test
    # key), the bridge returns its CMS as is, and our verifier checks it against NCA's CA.
    from signing.ncalayer import NcaLayerClient, sign_cms_detached
    from tests.signing.ncalayer_server import FakeNcaLayer, fake_ncalayer

    name, password, ca, when, _, _ = KEYS[2]
    ((d, cert),) = gost_p12_keys((nca_test_dir / name).read_bytes(), password)
    fake = FakeNcaLayer(GostSoftwareSigner(GostKeyPair(d, gost_key(cert)), cert))
    with fake_ncalayer(fake, sandbox_pki.tls_cert_path, sandbox_pki.tls_key_path) as url:
        client = NcaLayerClient(url, ca_file=str(sandbox_pki.root_path), timeout=5)
        try:
            cms = sign_cms_detached(DATA, client=client)
        finally:
            client.close()
    store = TrustStore([load_certificate((nca_test_dir / ca[0]).read_bytes())],
                       crls=[load_crl((nca_test_dir / ca[1]).read_bytes())])
    at = dt.datetime.fromisoformat(when).replace(tzinfo=dt.UTC)
    for purpose in ("authentication", "signing"):  # one GOST 2015 key serves both
        verified = verify_detached(cms, DATA, store, at=at, purpose=purpose)  # type: ignore[arg-type]
        assert verified.profile.algorithm == "gost2015"


@pytest.mark.parametrize("index", [0, 2], ids=["gost2004", "gost2015"])
def test_gost_key_file_written_as_nca_lays_it_out(nca_test_dir: Path, tmp_path: Path,
                                                  index: int) -> None:
    from signing.filekey import write_gost_p12

    name, password, *_ = KEYS[index]
    ((d, cert),) = gost_p12_keys((nca_test_dir / name).read_bytes(), password)
    path = write_gost_p12(tmp_path / "again.p12", d, cert, "pw")
    assert gost_p12_keys(path.read_bytes(), "pw") == [(d, cert)]


def test_p12_signer_for_an_operator_key_file(nca_test_dir: Path,
                                             sandbox_pki: SandboxPKI, tmp_path: Path) -> None:
    # A deployment's operator key file may hold a GOST key: p12_signer gives its Signer.
    from signing.filekey import p12_signer

    gost = p12_signer((nca_test_dir / KEYS[2][0]).read_bytes(), KEYS[2][1])
    assert isinstance(gost, GostSoftwareSigner) and gost.chain == []
    assert len(gost.sign_raw(b"x")) == 128
    rsa_file = sandbox_pki.issue_user_p12(SANDBOX_USERS[3], "pw")
    rsa = p12_signer(rsa_file.read_bytes(), "pw")
    assert rsa.certificate.public_key_algorithm_oid.dotted_string == "1.2.840.113549.1.1.1"
    with pytest.raises(PinIncorrect):
        p12_signer((nca_test_dir / KEYS[2][0]).read_bytes(), "wrong")
