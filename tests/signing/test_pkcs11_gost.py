"""GOST keys on PKCS#11 tokens (issue 12): the policy's mechanism ids, the refusal when a token
lacks the mechanism (a real SoftHSM2 token holding a GOST certificate), and the reading of a
token's GOST signature into NCA's encoding."""

from __future__ import annotations

import json
from itertools import count
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

from app.errors import DeskError
from app.policy import load_policy
from signing.errors import SigningError
from signing.gost.certs import gost_key
from signing.gost.nca import algorithms_for, hash_data, verify_digest
from signing.gost_mechanisms import parse_gost_mechanisms
from signing.pkcs11 import Pkcs11Token, close_all_tokens, load_module
from signing.pkcs11_gost import nca_signature
from signing.sandbox_gost import GostSandbox
from signing.sandbox_pki import SANDBOX_GOST_ANALYST, SANDBOX_USERS, SandboxPKI
from signing.softhsm import provision_token

# PKCS#11 v2.40 GOST R 34.10/34.11 mechanisms (CKM_GOSTR3410_KEY_PAIR_GEN … CKM_GOST28147_KEY_WRAP)
STANDARD_GOST = range(0x1200, 0x1226)
VENDOR_ID = 0xD4321012  # a vendor-defined id, as a Kazakh token would expose
_LABELS = count(1)


@pytest.fixture(scope="module")
def gost(tmp_path_factory: pytest.TempPathFactory) -> GostSandbox:
    return GostSandbox(tmp_path_factory.mktemp("gost-pkcs11"))


def test_the_policy_names_mechanisms_by_key_kind() -> None:
    assert parse_gost_mechanisms(None) == {}
    assert parse_gost_mechanisms({"gost2015_512": "0xD4321012", "gost2004": 4610}) == {
        "gost2015_512": VENDOR_ID, "gost2004": 4610}


@pytest.mark.parametrize(("raw", "message"), [
    (["0x1"], "must be an object"),
    ({"gost2015": 1}, "unknown key kind 'gost2015'"),
    ({"gost2004": True}, "must be a number"),
    ({"gost2004": "CKM_GOST"}, "is not a number"),
    ({"gost2004": 0}, "is not a PKCS#11 mechanism id"),
    ({"gost2015_256": 2**32}, "is not a PKCS#11 mechanism id"),
])
def test_a_bad_mechanism_entry_is_named(raw: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_gost_mechanisms(raw)


def _policy(tmp_path: Path, pki: SandboxPKI, **extra: object) -> Path:
    (tmp_path / "operator.pem").write_bytes(pki.root_path.read_bytes())
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({
        "gateway_url": "https://127.0.0.1:9", "ca_file": str(pki.root_path),
        "trust_dir": str(pki.trust_dir), "operator_certificates": ["operator.pem"], **extra,
    }), "utf-8")
    return path


def test_the_admin_policy_carries_the_gost_mechanisms(tmp_path: Path,
                                                      sandbox_pki: SandboxPKI) -> None:
    policy = load_policy(_policy(tmp_path, sandbox_pki,
                                 pkcs11_gost_mechanisms={"gost2015_512": "0xD4321012"}))
    assert policy.pkcs11_gost_mechanisms == {"gost2015_512": VENDOR_ID}
    assert load_policy(_policy(tmp_path, sandbox_pki)).pkcs11_gost_mechanisms == {}
    with pytest.raises(DeskError) as err:
        load_policy(_policy(tmp_path, sandbox_pki, pkcs11_gost_mechanisms={"gost": 1}))
    assert err.value.code == "policy_invalid"
    assert "pkcs11_gost_mechanisms" in str(err.value.values.get("detail"))


def _gost_token(softhsm_env: Path, pki: SandboxPKI, gost: GostSandbox) -> tuple[Path, str, str]:
    """A SoftHSM2 token that also holds the GOST analyst's certificate beside a token key of the
    same CKA_ID (SoftHSM2 cannot hold a GOST key itself), so the desk sees a GOST key pair."""
    made = provision_token(softhsm_env, pki, SANDBOX_USERS[3], label=f"gost-{next(_LABELS)}")
    cert = gost.signer(SANDBOX_GOST_ANALYST).certificate
    lib = load_module(made.module)
    token = lib.get_token(token_label=made.label)
    with token.open(rw=True, user_pin=made.user_pin) as session:
        session.generate_keypair(KeyType.RSA, 2048, store=True, id=b"GOST", label="GOST512",
                                 private_template={Attribute.SIGN: True})
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.TOKEN: True,
            Attribute.ID: b"GOST", Attribute.LABEL: "GOST512",
            Attribute.SUBJECT: cert.subject.public_bytes(),
            Attribute.VALUE: cert.public_bytes(Encoding.DER),
        })
    return made.module, made.label, made.user_pin


@pytest.mark.softhsm
def test_softhsm2_as_packaged_offers_no_gost_mechanism(softhsm_token: object) -> None:
    from signing.softhsm import softhsm_module

    module = softhsm_module()
    assert module is not None
    offered = {int(m) for slot in load_module(module).get_slots(token_present=True)
               for m in slot.get_mechanisms()}
    assert offered and not offered & set(STANDARD_GOST)


@pytest.mark.softhsm
def test_a_gost_key_on_a_token_without_the_mechanism_is_refused(
        softhsm_env: Path, sandbox_pki: SandboxPKI, gost: GostSandbox) -> None:
    module, label, pin = _gost_token(softhsm_env, sandbox_pki, gost)
    try:
        for configured, code in (({}, "gost_mechanism_unconfigured"),
                                 ({"gost2015_512": VENDOR_ID}, "gost_mechanism_unsupported"),
                                 ({"gost2015_512": 0x1202}, "gost_mechanism_unsupported")):
            token = Pkcs11Token.open(module, label, gost_mechanisms=configured)
            token.login(pin)
            (pair,) = [p for p in token.keypairs() if p.profile.algorithm == "gost2015"]
            with pytest.raises(SigningError) as err:
                token.signer(pair)
            assert err.value.code == code, configured
            # The token's RSA keys still sign as before.
            rsa = next(p for p in token.keypairs() if p.profile.algorithm == "rsa")
            assert token.signer(rsa).sign_raw(b"x")
    finally:
        close_all_tokens()


def test_a_tokens_gost_signature_is_read_into_ncas_encoding(gost: GostSandbox) -> None:
    signer = gost.signer(SANDBOX_GOST_ANALYST)
    cert, data = signer.certificate, b'{"resource":1}'
    nca = signer.sign_raw(data)
    key = gost_key(cert)
    digest = hash_data(algorithms_for(key)[0], data)
    # PKCS#11 writes s||r big-endian: NCA's r||s little-endian reversed.
    assert nca_signature(cert, data, nca[::-1]) == nca
    assert nca_signature(cert, data, nca) == nca
    assert verify_digest(key, digest, nca)
    for bad in (nca[:-1], bytes(len(nca)), nca[::-1][:10] + bytes([nca[::-1][10] ^ 1])
                + nca[::-1][11:]):
        with pytest.raises(SigningError) as err:
            nca_signature(cert, data, bad)
        assert err.value.code == "gost_signature_unusable"
