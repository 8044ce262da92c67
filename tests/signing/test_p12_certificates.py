"""Certificates out of every NCA test key file — GOST ones included (RC2-40 bags, RFC 2268)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509

from signing.errors import PinIncorrect
from signing.filekey import p12_certificates
from signing.rc2 import PITABLE, decrypt_block, expand_key

NCA = Path(__file__).resolve().parents[3] / "shared" / "data" / "nca-test"
LEAF_OF = {
    "individual_sign_rsa2004_valid__pw_Qwerty12.p12": "KEY_INDIVIDUAL_VALID_SIGN_2004.cert.pem",
    "individual_sign_rsa2004_revoked__pw_Qwerty12.p12": "KEY_INDIVIDUAL_SIGN_REVOKED_2004.cert.pem",
    "individual_auth_rsa2004_revoked__pw_Qwerty12.p12": "KEY_INDIVIDUAL_AUTH_REVOKED_2004.cert.pem",
    "ceo_sign_gost2004_revoked__pw_Qwerty12.p12": "KEY_CEO_SIGN_REVOKED_2004.cert.pem",
    "individual_gost2015_valid__pw_Aa123456.p12": "KEY_INDIVIDUAL_VALID_2015.cert.pem",
    "ceo_gost2015_revoked__pw_Aa123456.p12": "KEY_CEO_REVOKED_2015.cert.pem",
}


@pytest.mark.parametrize(
    ("key", "bits", "plain", "cipher"),
    [  # RFC 2268 §5 test vectors
        ("0000000000000000", 63, "0000000000000000", "ebb773f993278eff"),
        ("ffffffffffffffff", 64, "ffffffffffffffff", "278b27e42e2f0d49"),
        ("3000000000000000", 64, "1000000000000001", "30649edf9be7d2c2"),
        ("88", 64, "0000000000000000", "61a8a244adacccf0"),
    ],
)
def test_rc2_decrypts_rfc_vectors(key: str, bits: int, plain: str, cipher: str) -> None:
    assert sorted(PITABLE) == list(range(256))
    k = expand_key(bytes.fromhex(key), bits)
    assert decrypt_block(k, bytes.fromhex(cipher)).hex() == plain


@pytest.mark.req("R-AUTH-1")
@pytest.mark.parametrize("name", sorted(LEAF_OF))
def test_p12_yields_the_published_leaf(name: str) -> None:
    if not NCA.exists():
        pytest.skip(f"NCA test data not found at {NCA}")
    password = name.split("__pw_")[1].removesuffix(".p12")
    certs = p12_certificates((NCA / "ncanode-kz" / name).read_bytes(), password)
    leaf = x509.load_pem_x509_certificate((NCA / "ncanode-kz" / LEAF_OF[name]).read_bytes())
    assert leaf in certs


def test_gokalkan_gost_p12_and_wrong_password() -> None:
    if not NCA.exists():
        pytest.skip(f"NCA test data not found at {NCA}")
    data = (NCA / "gokalkan" / "gost1__pw_Qwerty12.p12").read_bytes()
    leaf = x509.load_der_x509_certificate((NCA / "gokalkan" / "gost1.cer").read_bytes()) if (
        (NCA / "gokalkan" / "gost1.cer").read_bytes()[:1] == b"\x30"
    ) else x509.load_pem_x509_certificate((NCA / "gokalkan" / "gost1.cer").read_bytes())
    assert leaf in p12_certificates(data, "Qwerty12")
    with pytest.raises(PinIncorrect):
        p12_certificates(data, "wrong")
