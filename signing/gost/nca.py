"""NCA's GOST conventions: OIDs, key and signature byte orders, hashes (NCA-EDS §8, docs/gost.md).

Established on the samples in data/nca-test: the public key is an OCTET STRING X‖Y, each
coordinate little-endian; a signature is r‖s, each half little-endian; the digest is read as a
little-endian integer; GOST 34.311-95 is GOST R 34.11-94 with the "test" S-box
(id-GostR3411-94-TestParamSet) — the only candidate under which NCA's 2004 signatures verify.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from asn1crypto import core

from signing.gost import ec
from signing.gost.curves import CURVES_BY_OID, Curve
from signing.gost.gost94 import gost94

GostAlgorithm = Literal["gost2004", "gost2015"]

NCA_GOST94_SBOX = "id-GostR3411-94-TestParamSet"
OID_KEY_GOST2004 = "1.2.398.3.10.1.1.1.1"
OID_KEY_GOST2015_512 = "1.2.398.3.10.1.1.2.2"
OID_SIG_GOST2004 = "1.2.398.3.10.1.1.1.2"
OID_SIG_GOST2015_256 = "1.2.398.3.10.1.1.2.3.1"
OID_SIG_GOST2015_512 = "1.2.398.3.10.1.1.2.3.2"
OID_HASH_GOST94 = "1.2.398.3.10.1.3.1"
OID_HASH_STREEBOG256 = "1.2.398.3.10.1.3.2"
OID_HASH_STREEBOG512 = "1.2.398.3.10.1.3.3"
GOST_OID_PREFIX = "1.2.398.3.10.1."


def _gost94_nca(data: bytes) -> bytes:
    return gost94(data, NCA_GOST94_SBOX)


def _streebog256(data: bytes) -> bytes:
    from signing.gost import backend

    return backend.streebog(data, 32)


def _streebog512(data: bytes) -> bytes:
    from signing.gost import backend

    return backend.streebog(data, 64)


# Hash name → function. GOST hashes by NCA's names; SHA-2 for the ESS/imprint checks.
HASHES: dict[str, Callable[[bytes], bytes]] = {
    "gost34311": _gost94_nca,
    "streebog256": _streebog256,
    "streebog512": _streebog512,
    "sha256": lambda d: hashlib.sha256(d).digest(),
    "sha384": lambda d: hashlib.sha384(d).digest(),
    "sha512": lambda d: hashlib.sha512(d).digest(),
    "sha1": lambda d: hashlib.sha1(d).digest(),  # noqa: S324  # RFC 3161 imprints still use it
}
HASH_BY_OID: dict[str, str] = {
    OID_HASH_GOST94: "gost34311",
    OID_HASH_STREEBOG256: "streebog256",
    OID_HASH_STREEBOG512: "streebog512",
    "1.2.643.7.1.1.2.2": "streebog256",  # TC 26 names, as other GOST software writes them
    "1.2.643.7.1.1.2.3": "streebog512",
}
# Signature algorithm → the hash it signs with.
SIGNATURE_HASH: dict[str, str] = {
    OID_SIG_GOST2004: "gost34311",
    OID_SIG_GOST2015_256: "streebog256",
    OID_SIG_GOST2015_512: "streebog512",
}


class GostError(ValueError):
    """A GOST key, signature or algorithm that cannot be used; ``unsupported`` if unknown."""

    def __init__(self, message: str, *, unsupported: bool = False) -> None:
        super().__init__(message)
        self.unsupported = unsupported


@dataclass(frozen=True)
class GostPublicKey:
    """A GOST public key: its curve, its point, and the algorithm generation it belongs to."""

    curve: Curve
    point: ec.Affine
    algorithm: GostAlgorithm
    key_oid: str

    @property
    def bits(self) -> int:
        """Key size in bits (256 or 512)."""
        return self.curve.size * 8

    def point_bytes(self) -> bytes:
        """X‖Y little-endian, as NCA stores it."""
        n = self.curve.size
        return self.point[0].to_bytes(n, "little") + self.point[1].to_bytes(n, "little")


def is_gost_oid(oid: str) -> bool:
    """True for any NCA GOST algorithm OID (key, signature or hash)."""
    return oid.startswith(GOST_OID_PREFIX)


def hash_data(name: str, data: bytes) -> bytes:
    """The named hash of ``data`` (a key of HASHES)."""
    try:
        return HASHES[name](data)
    except KeyError:
        raise GostError(f"unknown hash {name}", unsupported=True) from None


def public_key_from_spki(spki_der: bytes) -> GostPublicKey:
    """Parse a SubjectPublicKeyInfo holding an NCA GOST key; GostError if it is not one."""
    try:
        spki = core.Sequence.load(spki_der)
        alg = core.Sequence.load(spki[0].dump())
        key_oid = core.ObjectIdentifier.load(alg[0].dump()).dotted
        params = core.Sequence.load(alg[1].dump())
        curve_oid = core.ObjectIdentifier.load(params[0].dump()).dotted
        bits = core.BitString.load(spki[1].dump()).contents
        if not bits or bits[0] != 0:
            raise GostError("the public key BIT STRING has unused bits")
        point = core.OctetString.load(bits[1:]).native
    except GostError:
        raise
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise GostError(f"cannot parse the GOST public key: {exc}") from exc
    if not is_gost_oid(key_oid):
        raise GostError(f"{key_oid} is not a GOST key", unsupported=True)
    curve = CURVES_BY_OID.get(curve_oid)
    if curve is None:
        raise GostError(f"unknown GOST curve {curve_oid}", unsupported=True)
    n = curve.size
    if len(point) != 2 * n:
        raise GostError(f"a {8 * n}-bit GOST key must be {2 * n} bytes, not {len(point)}")
    xy = (int.from_bytes(point[:n], "little"), int.from_bytes(point[n:], "little"))
    if not curve.contains(*xy):
        raise GostError("the GOST public key is not a point of its curve")
    algorithm: GostAlgorithm = "gost2004" if key_oid == OID_KEY_GOST2004 else "gost2015"
    return GostPublicKey(curve, xy, algorithm, key_oid)


def decode_signature(key: GostPublicKey, signature: bytes) -> tuple[int, int]:
    """(r, s) from NCA's r‖s little-endian encoding; GostError if the length is wrong."""
    n = key.curve.size
    if len(signature) != 2 * n:
        raise GostError(f"a {8 * n}-bit GOST signature is {2 * n} bytes, not {len(signature)}")
    return int.from_bytes(signature[:n], "little"), int.from_bytes(signature[n:], "little")


def encode_signature(key: GostPublicKey, r: int, s: int) -> bytes:
    """NCA's r‖s little-endian encoding."""
    n = key.curve.size
    return r.to_bytes(n, "little") + s.to_bytes(n, "little")


def check_pairing(key: GostPublicKey, signature_oid: str) -> str:
    """The hash the signature algorithm uses, after checking it fits the key; GostError if not."""
    hash_name = SIGNATURE_HASH.get(signature_oid)
    if hash_name is None:
        raise GostError(f"unknown GOST signature algorithm {signature_oid}", unsupported=True)
    wanted_2004 = signature_oid == OID_SIG_GOST2004
    if wanted_2004 != (key.algorithm == "gost2004"):
        raise GostError(f"signature algorithm {signature_oid} does not fit a {key.algorithm} key")
    if hash_name == "streebog256" and key.bits != 256:
        raise GostError("a GOST 2015-256 signature needs a 256-bit key")
    if hash_name == "streebog512" and key.bits != 512:
        raise GostError("a GOST 2015-512 signature needs a 512-bit key")
    return hash_name


def algorithms_for(key: GostPublicKey) -> tuple[str, str, str]:
    """(hash name, digest OID, signature OID) a signature by ``key`` uses, NCA's way."""
    if key.algorithm == "gost2004":
        return "gost34311", OID_HASH_GOST94, OID_SIG_GOST2004
    if key.bits == 256:
        return "streebog256", OID_HASH_STREEBOG256, OID_SIG_GOST2015_256
    return "streebog512", OID_HASH_STREEBOG512, OID_SIG_GOST2015_512


def verify_digest(key: GostPublicKey, digest: bytes, signature: bytes) -> bool:
    """True when ``signature`` (NCA encoding) signs the already computed ``digest``."""
    r, s = decode_signature(key, signature)
    from signing.gost import backend  # late: the backend probes OpenSSL once, on first use

    return backend.verify(key.curve, key.point, int.from_bytes(digest, "little"), r, s)


def verify(key: GostPublicKey, signature_oid: str, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` by ``key`` under ``signature_oid`` signs ``data``."""
    hash_name = check_pairing(key, signature_oid)
    return verify_digest(key, hash_data(hash_name, data), signature)


def sign_digest(key: GostPublicKey, private: int, digest: bytes) -> bytes:
    """NCA-encoded signature over ``digest`` (sandbox keys only, see signing.gost.ec)."""
    r, s = ec.sign_digest(key.curve, private, int.from_bytes(digest, "little"))
    return encode_signature(key, r, s)


__all__ = [
    "HASHES", "HASH_BY_OID", "NCA_GOST94_SBOX", "OID_HASH_GOST94", "OID_HASH_STREEBOG256",
    "OID_HASH_STREEBOG512", "OID_KEY_GOST2004", "OID_KEY_GOST2015_512", "OID_SIG_GOST2004",
    "OID_SIG_GOST2015_256", "OID_SIG_GOST2015_512", "SIGNATURE_HASH", "GostError",
    "GostPublicKey", "algorithms_for", "check_pairing", "decode_signature", "encode_signature",
    "hash_data", "is_gost_oid", "public_key_from_spki", "sign_digest", "verify", "verify_digest",
]
