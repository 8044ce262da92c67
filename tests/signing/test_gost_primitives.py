"""GOST primitives against published vectors; the NCA conventions against NCA's own signatures."""

from __future__ import annotations

from pathlib import Path

import pytest
from asn1crypto import core, pem

from signing.gost import backend, ec, nca
from signing.gost.curves import TC26_256_B, TC26_512_A, Curve
from signing.gost.gost94 import SBOXES, Gost94, gost94
from signing.gost.streebog import Streebog, streebog256, streebog512

M1 = b"012345678901234567890123456789012345678901234567890123456789012"
# RFC 6986 M2 in input byte order (the RFC prints it reversed).
M2 = bytes.fromhex(
    "d1e520e2e5f2f0e82c20d1f2f0e8e1eee6e820e2edf3f6e82c20e2e5fef2fa20f120eceef0ff20f1f2f0e5ebe0"
    "ece820ede020f5f0e0e1f0fbff20efebfaeafb20c8e3eef0e5e2fb"
)
TEST_SBOX = "id-GostR3411-94-TestParamSet"
CRYPTOPRO_SBOX = "id-GostR3411-94-CryptoProParamSet"


def test_streebog_rfc6986_vectors() -> None:
    assert streebog512(M1).hex() == (
        "1b54d01a4af5b9d5cc3d86d68d285462b19abc2475222f35c085122be4ba1ffa00ad30f8767b3a82384c"
        "6574f024c311e2a481332b08ef7f41797891c1646f48")
    assert streebog256(M1).hex() == (
        "9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500")
    assert streebog512(M2).hex() == (
        "1e88e62226bfca6f9994f1f2d51569e0daf8475a3b0fe61a5300eee46d961376035fe83549ada2b8620f"
        "cd7c496ce5b33f0cb9dddc2b6460143b03dabac9fb28")
    assert streebog256(M2).hex() == (
        "9dd2fe4e90409e5da87f53976d7405b0c0cac628fc669a741d50063c557e8f50")
    assert streebog256(b"").hex() == (
        "3f539a213e97c802cc229d474c6aa32a825a360b2a933a949fd925208d9ce1bb")


@pytest.mark.usefixtures("gost_backend")
def test_streebog_through_the_backend() -> None:
    # The hash the product uses: OpenSSL's GOST provider where installed, else Python.
    data = bytes(range(256)) * 5
    assert nca.hash_data("streebog512", M1) == streebog512(M1)
    assert nca.hash_data("streebog256", M2) == streebog256(M2)
    assert nca.hash_data("streebog512", data) == streebog512(data)
    assert nca.hash_data("streebog256", b"") == streebog256(b"")
    if backend.active() == "python":
        assert backend.streebog_engine() == "python"


def test_streebog_incremental_equals_one_shot() -> None:
    data = bytes(range(256)) * 3
    h = Streebog(digest_size=64)
    for start in range(0, len(data), 37):
        h.update(data[start:start + 37])
    twin = h.copy()
    assert h.digest() == streebog512(data) == twin.digest()
    assert h.digest() != streebog512(data[:-1])
    with pytest.raises(ValueError):
        Streebog(digest_size=48)


@pytest.mark.parametrize(("message", "test_set", "cryptopro"), [
    (b"", "ce85b99cc46752fffee35cab9a7b0278abb4c2d2055cff685af4912c49490f8d",
     "981e5f3ca30c841487830f84fb433e13ac1101569b9c13584ac483234cd656c0"),
    (b"a", "d42c539e367c66e9c88a801f6649349c21871b4344c6a573f849fdce62f314dd",
     "e74c52dd282183bf37af0079c9f78055715a103f17e3133ceff1aacf2f403011"),
    (b"message digest", "ad4434ecb18f2c99b60cbe59ec3d2469582b65273f48de72db2fde16a4889a4d",
     "bc6041dd2aa401ebfa6e9886734174febdb4729aa972d60f549ac39b29721ba0"),
    (b"This is message, length=32 bytes",
     "b1c466d37519b82e8319819ff32595e047a28cb6f83eff1c6916a815a637fffa",
     "2cefc2f7b7bdc514e18ea57fa74ff357e7fa17d652c75f69cb1be7893ede48eb"),
    (b"Suppose the original message has length = 50 bytes",
     "471aba57a60a770d3a76130635c1fbea4ef14de51f78b4ae57dd893b62f55208",
     "c3730c5cbccacf915ac292676f21e8bd4ef75331d9405e5f1a61dc3130a65011"),
])
def test_gost94_rfc5831_vectors(message: bytes, test_set: str, cryptopro: str) -> None:
    assert gost94(message, TEST_SBOX).hex() == test_set
    assert gost94(message, CRYPTOPRO_SBOX).hex() == cryptopro
    h = Gost94(sbox=TEST_SBOX)
    for byte in message:
        h.update(bytes([byte]))
    assert h.hexdigest() == test_set


def _load(path: Path) -> bytes:
    data = path.read_bytes()
    return pem.unarmor(data)[2] if pem.detect(data) else data


def _signed_parts(cert_der: bytes) -> tuple[bytes, str, bytes]:
    outer = core.Sequence.load(cert_der)
    alg = core.Sequence.load(outer[1].dump())
    oid = core.ObjectIdentifier.load(alg[0].dump()).dotted
    return outer[0].dump(), oid, core.BitString.load(outer[2].dump()).contents[1:]


def _spki(cert_der: bytes) -> bytes:
    return core.Sequence.load(core.Sequence.load(cert_der)[0].dump())[6].dump()


def test_nca_gost34311_sbox_is_the_test_set(nca_test_dir: Path) -> None:
    # The S-box question of NCA-EDS §8: of the candidates, only the "test" set verifies.
    ca_der = _load(nca_test_dir / "ca-test/nca_gost_test__UKO3.0_GOST_TEST.pem")
    ca = nca.public_key_from_spki(_spki(ca_der))
    for name in ("KEY_CEO_SIGN_REVOKED_2004.cert.pem", "repo_ceo_valid_sign_2004_gost.cer"):
        tbs, oid, signature = _signed_parts(_load(nca_test_dir / "ncanode-kz" / name))
        assert oid == nca.OID_SIG_GOST2004
        verdicts = {sbox: nca.verify_digest(ca, gost94(tbs, sbox), signature) for sbox in SBOXES}
        assert verdicts == {TEST_SBOX: True, CRYPTOPRO_SBOX: False}
        assert nca.NCA_GOST94_SBOX == TEST_SBOX


@pytest.mark.usefixtures("gost_backend")
def test_nca_2015_byte_orders(nca_test_dir: Path) -> None:
    ca_der = _load(nca_test_dir / "ca-test/nca_gost2022_test__ULTTYQ_GOST_TEST_2022.der.cer")
    ca = nca.public_key_from_spki(_spki(ca_der))
    assert (ca.curve, ca.bits, ca.algorithm) == (TC26_512_A, 512, "gost2015")
    leaf = _load(nca_test_dir / "ncanode-kz/KEY_CEO_REVOKED_2015.cert.pem")
    tbs, oid, signature = _signed_parts(leaf)
    assert nca.verify(ca, oid, tbs, signature)
    digest = streebog512(tbs)
    assert not nca.verify_digest(ca, digest[::-1], signature)  # the digest is little-endian
    n = 64
    swapped = signature[n:] + signature[:n]
    assert not nca.verify_digest(ca, digest, swapped)  # r first, then s
    flipped = signature[:n][::-1] + signature[n:][::-1]
    assert not nca.verify_digest(ca, digest, flipped)  # each half little-endian


@pytest.mark.usefixtures("gost_backend")
@pytest.mark.parametrize("curve", [TC26_256_B, TC26_512_A], ids=["256", "512"])
def test_sign_verify_round_trip(curve: Curve) -> None:
    d = ec.generate_private(curve)
    q = ec.public_key(curve, d)
    assert curve.contains(*q)
    for e in (1, 2**200 + 12345, curve.q, curve.q + 7):  # e ≡ 0 mod q is taken as 1
        r, s = ec.sign_digest(curve, d, e)
        assert backend.verify(curve, q, e, r, s)
        assert not backend.verify(curve, q, e + 2, r, s)
        assert not backend.verify(curve, q, e, r, (s + 1) % curve.q)
        assert not backend.verify(curve, q, e, 0, s)
        assert not backend.verify(curve, q, e, r, curve.q)


@pytest.mark.parametrize("curve", [TC26_256_B, TC26_512_A], ids=["256", "512"])
def test_table_naf_and_order_agree(curve: Curve) -> None:
    g = (curve.gx, curve.gy)
    assert ec._multiply_naf(curve, g, curve.q)[2] == 0  # q·G is the infinity
    q = ec.public_key(curve, ec.generate_private(curve))
    k = ec.generate_private(curve)
    by_naf = ec._to_affine_all([ec._multiply_naf(curve, q, k)], curve.p)
    by_table = ec._to_affine_all([ec.FixedBaseTable(curve, q, 4).multiply(k)], curve.p)
    assert by_naf == by_table


def test_key_table_cache_is_used_from_the_second_sighting() -> None:
    curve = TC26_512_A
    d = ec.generate_private(curve)
    q = ec.public_key(curve, d)
    r, s = ec.sign_digest(curve, d, 99)
    for _ in range(3):
        assert ec.verify_digest(curve, q, 99, r, s)
    assert isinstance(ec._key_tables[(curve.name, q)], ec.FixedBaseTable)


def test_bad_keys_and_signatures_are_refused(nca_test_dir: Path) -> None:
    ca_der = _load(nca_test_dir / "ca-test/nca_gost2022_test__ULTTYQ_GOST_TEST_2022.der.cer")
    spki = _spki(ca_der)
    key = nca.public_key_from_spki(spki)
    off_curve = bytearray(spki)
    off_curve[-1] ^= 1
    with pytest.raises(nca.GostError, match="not a point"):
        nca.public_key_from_spki(bytes(off_curve))
    with pytest.raises(nca.GostError, match="128 bytes"):
        nca.verify_digest(key, bytes(64), bytes(127))
    with pytest.raises(nca.GostError) as unknown:
        nca.check_pairing(key, "1.2.398.3.10.1.1.2.3.9")
    assert unknown.value.unsupported
    with pytest.raises(nca.GostError, match="does not fit"):
        nca.check_pairing(key, nca.OID_SIG_GOST2004)
