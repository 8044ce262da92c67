"""profile_of on every real NCA test certificate; expected values read with openssl x509."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest

from signing.errors import SignatureInvalid
from signing.profile import profile_of

pytestmark = pytest.mark.req("R-AUTH-1")

RSA_CA = "CN=ҰКО 3.0 (RSA TEST),C=KZ"
GOST_CA = "CN=ҰКО 3.0 (GOST TEST),C=KZ"
GOST22_CA = "C=KZ,CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST 2022"
T = "http://test.pki.gov.kz"
RSA_CRLS = [f"{T}/crl/nca_rsa_test.crl", f"{T}/crl/nca_d_rsa_test.crl"]
GOST22_CRLS = [f"{T}/crl/nca_gost2022_test.crl", f"{T}/crl/nca_gost2022_d_test.crl"]
OCSP = [f"{T}/ocsp/"]
RSA_AIA = [f"{T}/cert/nca_rsa_test.cer"]
GOST22_AIA = [f"{T}/cert/nca_gost2022_test.cer"]
EMAIL, CLIENT = "1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.2"
INDIVIDUAL, LEGAL, HEAD = "1.2.398.3.3.4.1.1", "1.2.398.3.3.4.1.2", "1.2.398.3.3.4.1.2.1"
TESTOV = {"common_name": "ТЕСТОВ ТЕСТ", "surname": "ТЕСТОВ", "first_name": "ТЕСТ",
          "patronymic": "ТЕСТОВИЧ", "iin": "123456789011", "bin": None, "organization": None,
          "country": "KZ"}
TESTOV_CEO = {**TESTOV, "bin": "123456789021", "organization": 'АО "ТЕСТ"'}


def _ca(cn: str) -> dict[str, Any]:
    return {"common_name": cn, "surname": None, "first_name": None, "patronymic": None,
            "iin": None, "bin": None, "organization": None, "country": "KZ"}


def _leaf(subject: dict[str, Any], holder: str, roles: list[str], purpose: str, algorithm: str,
          bits: int, serial: str, nb: str, na: str, issuer: str, policies: list[str],
          eku: list[str], crls: list[str], aia: list[str]) -> dict[str, Any]:
    return {"subject": subject, "holder_kind": holder, "roles": roles, "purpose": purpose,
            "algorithm": algorithm, "key_bits": bits, "serial": serial, "not_before": nb,
            "not_after": na, "issuer": issuer, "policies": policies, "ext_key_usage": eku,
            "crl_urls": crls, "ocsp_urls": OCSP if aia else [], "ca_issuers_urls": aia}


# Values transcribed from `openssl x509 -text -nameopt RFC2253,-esc_msb` and
# `openssl x509 -serial -startdate -enddate` on each file.
EXPECTED: dict[str, dict[str, Any]] = {
    "ca-test/nca_rsa_test__UKO3.0_RSA_TEST.pem": {
        **_leaf(_ca("ҰКО 3.0 (RSA TEST)"), "ca", [], "ca", "rsa", 4096,
                "452A6437611C183FBF1EC5A1BA4920DD72148A9B", "2019-03-15T03:42:17Z",
                "2024-03-13T03:42:17Z", "C=KZ,CN=НЕГІЗГІ КО TEST (RSA)", ["1.2.398.3.3.1.1"],
                [], [f"{T}/crl/root_rsa.crl"], [f"{T}/cert/root_rsa_test.cer"]),
        "ocsp_urls": [],
    },
    "ca-test/nca_gost_test__UKO3.0_GOST_TEST.pem": {
        **_leaf(_ca("ҰКО 3.0 (GOST TEST)"), "ca", [], "ca", "gost2004", 256,
                "1236E8F1619123D1E96F00E56791F855E2DCB457", "2019-03-14T11:34:07Z",
                "2024-03-12T11:34:07Z", "C=KZ,CN=НЕГІЗГІ КО TEST (GOST)", ["1.2.398.3.3.1.1"],
                [], [f"{T}/crl/root_gost.crl"], [f"{T}/cert/root_gost_test.cer"]),
        "ocsp_urls": [],
    },
    "ca-test/nca_gost2022_test__ULTTYQ_GOST_TEST_2022.der.cer": {
        **_leaf(_ca("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST 2022"), "ca", [], "ca",
                "gost2015", 512, "7AD24B1BA3A0C961FE1CA8503E6AA2BB450DB8A3",
                "2022-07-07T09:55:23Z", "2032-07-04T09:55:23Z",
                "C=KZ,CN=НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST 2022", ["1.2.398.3.3.2"], [],
                ["http://crl.root.gov.kz/gost_test_2022.crl"],
                ["http://root.gov.kz/cert/root_test_gost_2022.cer"]),
        "ocsp_urls": [],
    },
    "gokalkan/gost1.cer": _leaf(
        TESTOV, "individual", [], "signing_and_authentication", "gost2015", 512,
        "1147287582DF9BB4710E461804ACD49B88BF45C4", "2023-11-09T10:18:40Z",
        "2024-11-08T10:18:40Z", GOST22_CA, ["1.2.398.3.3.2"], [EMAIL, INDIVIDUAL],
        GOST22_CRLS, GOST22_AIA),
    "ncanode-kz/CERT_INDIVIDUAL_rsa2004_sign.cert.pem": _leaf(
        TESTOV, "individual", [], "signing", "rsa", 2048,
        "41E45CC8A04C705963E5CD6769848A934D8EAEF5", "2022-01-18T04:38:50Z",
        "2023-01-18T04:38:50Z", RSA_CA, ["1.2.398.3.3.2.3"], [EMAIL, INDIVIDUAL], RSA_CRLS,
        RSA_AIA),
    "ncanode-kz/KEY_CEO_REVOKED_2015.cert.pem": _leaf(
        TESTOV_CEO, "legal_entity_employee", ["head"], "signing_and_authentication",
        "gost2015", 512, "3A90343E720594C55204B19CB9A402422EF0E622", "2022-07-27T11:18:10Z",
        "2023-07-27T11:18:10Z", GOST22_CA, ["1.2.398.3.3.2"], [EMAIL, LEGAL, HEAD],
        GOST22_CRLS, GOST22_AIA),
    "ncanode-kz/KEY_CEO_SIGN_REVOKED_2004.cert.pem": _leaf(
        TESTOV_CEO, "legal_entity_employee", ["head"], "signing", "gost2004", 256,
        "12E3E7B9966D09EB9CDA64251457E815C2A8DDED", "2022-01-18T04:46:14Z",
        "2023-01-18T04:46:14Z", GOST_CA, ["1.2.398.3.3.2.1"], [EMAIL, LEGAL, HEAD],
        RSA_CRLS, RSA_AIA),  # NCA-EDS §3.3: GOST-2004 test leaves point at the RSA files
    "ncanode-kz/KEY_INDIVIDUAL_AUTH_REVOKED_2004.cert.pem": _leaf(
        TESTOV, "individual", [], "authentication", "rsa", 2048,
        "1AB11253653B2537F2EDD55F0F66281CA4FA3F98", "2022-01-18T04:39:32Z",
        "2023-01-18T04:39:32Z", RSA_CA, ["1.2.398.3.3.2.4"], [CLIENT, INDIVIDUAL], RSA_CRLS,
        RSA_AIA),
    "ncanode-kz/KEY_INDIVIDUAL_SIGN_REVOKED_2004.cert.pem": _leaf(
        TESTOV, "individual", [], "signing", "rsa", 2048,
        "46757A2158A604189C40FB1FCDAB1143F83F32DB", "2022-01-18T04:39:33Z",
        "2023-01-18T04:39:33Z", RSA_CA, ["1.2.398.3.3.2.3"], [EMAIL, INDIVIDUAL], RSA_CRLS,
        RSA_AIA),
    "ncanode-kz/KEY_INDIVIDUAL_VALID_2015.cert.pem": _leaf(
        {**TESTOV, "common_name": "ТЕСТТОВ ТЕСТТ", "surname": "ТЕСТТОВ", "first_name": "ТЕСТТ",
         "patronymic": "ТЕСТТОВИЧ", "iin": "123456789012"},
        "individual", [], "signing_and_authentication", "gost2015", 512,
        "0FF06211DC82BEB00253FFA000F1DE84ABEF454F", "2022-07-28T12:34:48Z",
        "2023-07-28T12:34:48Z", GOST22_CA, ["1.2.398.3.3.2"], [EMAIL, INDIVIDUAL],
        GOST22_CRLS, GOST22_AIA),
    "ncanode-kz/KEY_INDIVIDUAL_VALID_SIGN_2004.cert.pem": _leaf(
        TESTOV, "individual", [], "signing", "rsa", 2048,
        "4279390A141F5353A62947B61ED65E81741467D1", "2021-01-18T13:09:14Z",
        "2022-01-18T13:09:14Z", RSA_CA, ["1.2.398.3.3.2.3"], [EMAIL, INDIVIDUAL], RSA_CRLS,
        RSA_AIA),
    "ncanode-kz/repo_ceo_valid_sign_2004_gost.cer": _leaf(
        TESTOV_CEO, "legal_entity_employee", ["head"], "signing", "gost2004", 256,
        "6CBD4560A33A58C0B07C3363C9AE0674A0838E58", "2022-01-18T04:45:35Z",
        "2023-01-18T04:45:35Z", GOST_CA, ["1.2.398.3.3.2.1"], [EMAIL, LEGAL, HEAD],
        RSA_CRLS, RSA_AIA),
    "ncanode-kz/repo_individual_valid_sign_2004_rsa.cer": _leaf(
        TESTOV, "individual", [], "signing", "rsa", 2048,
        "41E45CC8A04C705963E5CD6769848A934D8EAEF5", "2022-01-18T04:38:50Z",
        "2023-01-18T04:38:50Z", RSA_CA, ["1.2.398.3.3.2.3"], [EMAIL, INDIVIDUAL], RSA_CRLS,
        RSA_AIA),
    "ncanode-kz/repo_individual_valid_sign_2004_rsa_auth.cer": _leaf(
        TESTOV, "individual", [], "authentication", "rsa", 2048,
        "247C3FDA89FA641EA226987393CDAF3F5BAF24B3", "2022-01-18T04:38:49Z",
        "2023-01-18T04:38:49Z", RSA_CA, ["1.2.398.3.3.2.4"], [CLIENT, INDIVIDUAL], RSA_CRLS,
        RSA_AIA),
}


def test_every_sample_certificate_has_an_expectation(nca_test_dir: Path) -> None:
    files = {
        str(p.relative_to(nca_test_dir))
        for p in nca_test_dir.rglob("*")
        if p.suffix in (".pem", ".cer")
    }
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_profile_of_nca_sample(nca_test_dir: Path, name: str) -> None:
    data = (nca_test_dir / name).read_bytes()
    profile = profile_of(data)
    assert profile.to_json() == EXPECTED[name]
    assert profile.not_after.tzinfo is not None
    assert profile.not_after.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_profile_agrees_with_openssl(nca_test_dir: Path, openssl: str, name: str) -> None:
    path = nca_test_dir / name
    form = "PEM" if path.read_bytes().startswith(b"-----") else "DER"
    out = subprocess.run(
        [openssl, "x509", "-inform", form, "-in", str(path), "-noout", "-serial", "-enddate",
         "-issuer", "-nameopt", "RFC2253,-esc_msb,utf8"],
        capture_output=True, check=True,
    ).stdout.decode()
    fields = dict(line.split("=", 1) for line in out.splitlines())
    profile = profile_of(path.read_bytes())
    assert fields["serial"] == profile.serial
    assert fields["issuer"] == profile.issuer
    end = dt.datetime.strptime(fields["notAfter"], "%b %d %H:%M:%S %Y GMT").replace(tzinfo=dt.UTC)
    assert end == profile.not_after


def test_profile_accepts_certificate_object_and_pem(nca_test_dir: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    pem = (nca_test_dir / "ncanode-kz/KEY_CEO_REVOKED_2015.cert.pem").read_bytes()
    cert = x509.load_pem_x509_certificate(pem)
    assert profile_of(cert) == profile_of(pem) == profile_of(cert.public_bytes(Encoding.DER))


def test_garbage_is_malformed() -> None:
    with pytest.raises(SignatureInvalid) as err:
        profile_of(b"not a certificate")
    assert err.value.code == "malformed"
