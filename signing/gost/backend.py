"""Where a verification's arithmetic runs: OpenSSL's libcrypto or pure Python.

Curve: OpenSSL's generic prime-curve code (EC_GROUP_new_curve_GFp, EC_POINT_mul) needs no
GOST provider, only the system libcrypto, so Linux gets a C path through ctypes. Streebog: the
OpenSSL GOST provider (Debian's libengine-gost-openssl, gostprov) where it is installed, loaded
into a library context of our own (the process's OpenSSL configuration is untouched). Windows
workstations and any system without them use signing.gost.ec and signing.gost.streebog.
SIO_GOST_BACKEND=python or =openssl forces one (the tests run the same vectors through both);
the default, auto, takes OpenSSL when it loads and falls back to Python otherwise.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import threading
from typing import Any, Literal

from signing.gost import ec
from signing.gost.curves import Curve

BackendName = Literal["openssl", "python"]
log = logging.getLogger(__name__)
_P = ctypes.c_void_p


class _OpenSSL:
    """ctypes bindings to the few libcrypto EC functions a verification needs."""

    def __init__(self) -> None:
        path = ctypes.util.find_library("crypto")
        if path is None:
            raise OSError("libcrypto not found")
        lib = ctypes.CDLL(path)
        if lib.OpenSSL_version_num() < 0x30000000:
            raise OSError("libcrypto older than 3.0")
        sigs: dict[str, tuple[Any, list[Any]]] = {
            "BN_CTX_new": (_P, []),
            "BN_CTX_free": (None, [_P]),
            "BN_bin2bn": (_P, [ctypes.c_char_p, ctypes.c_int, _P]),
            "BN_bn2binpad": (ctypes.c_int, [_P, ctypes.c_char_p, ctypes.c_int]),
            "BN_new": (_P, []),
            "BN_free": (None, [_P]),
            "EC_GROUP_new_curve_GFp": (_P, [_P, _P, _P, _P]),
            "EC_GROUP_set_generator": (ctypes.c_int, [_P, _P, _P, _P]),
            "EC_GROUP_precompute_mult": (ctypes.c_int, [_P, _P]),
            "EC_POINT_new": (_P, [_P]),
            "EC_POINT_free": (None, [_P]),
            "EC_POINT_set_affine_coordinates": (ctypes.c_int, [_P, _P, _P, _P, _P]),
            "EC_POINT_get_affine_coordinates": (ctypes.c_int, [_P, _P, _P, _P, _P]),
            "EC_POINT_mul": (ctypes.c_int, [_P, _P, _P, _P, _P, _P]),
            "EC_POINT_is_at_infinity": (ctypes.c_int, [_P, _P]),
        }
        for name, (restype, argtypes) in sigs.items():
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = restype, argtypes
        self.lib = lib
        self._groups: dict[str, int] = {}
        self._lock = threading.Lock()
        self.digests = self._gost_digests(lib)

    @staticmethod
    def _gost_digests(lib: Any) -> dict[int, int]:
        """Streebog EVP_MDs from the GOST provider, by digest size; {} where it is absent."""
        try:
            for name, restype, argtypes in (
                ("OSSL_LIB_CTX_new", _P, []),
                ("OSSL_PROVIDER_load", _P, [_P, ctypes.c_char_p]),
                ("EVP_MD_fetch", _P, [_P, ctypes.c_char_p, ctypes.c_char_p]),
                ("EVP_Digest", ctypes.c_int, [ctypes.c_char_p, ctypes.c_size_t,
                                              ctypes.c_char_p, ctypes.POINTER(ctypes.c_uint),
                                              _P, _P]),
            ):
                fn = getattr(lib, name)
                fn.restype, fn.argtypes = restype, argtypes
        except AttributeError:
            return {}
        libctx = lib.OSSL_LIB_CTX_new()
        if not libctx or not lib.OSSL_PROVIDER_load(libctx, b"gostprov"):
            return {}
        found = {}
        for size, md_name in ((64, b"md_gost12_512"), (32, b"md_gost12_256")):
            md = lib.EVP_MD_fetch(libctx, md_name, None)
            if md:
                found[size] = int(md)
        return found

    def digest(self, size: int, data: bytes) -> bytes:
        """Streebog of ``data`` through the provider (``size`` must be in ``digests``)."""
        out = ctypes.create_string_buffer(64)
        length = ctypes.c_uint()
        if not self.lib.EVP_Digest(data, len(data), out, ctypes.byref(length),
                                   self.digests[size], None):
            raise OSError("EVP_Digest failed")
        return out.raw[:length.value]

    def _bn(self, value: int, size: int) -> int:
        bn = self.lib.BN_bin2bn(value.to_bytes(size, "big"), size, None)
        if not bn:
            raise MemoryError("BN_bin2bn")
        return int(bn)

    def group(self, curve: Curve) -> int:
        """The EC_GROUP of ``curve``, built once with its generator precomputation."""
        with self._lock:
            group = self._groups.get(curve.name)
            if group is not None:
                return group
            lib, n = self.lib, curve.size
            ctx = lib.BN_CTX_new()
            bns = [self._bn(v, n) for v in (curve.p, curve.a, curve.b, curve.gx, curve.gy,
                                             curve.q)] + [self._bn(1, 1)]
            p, a, b, gx, gy, q, one = bns
            try:
                group = lib.EC_GROUP_new_curve_GFp(p, a, b, ctx)
                g = lib.EC_POINT_new(group)
                ok = (group and g and lib.EC_POINT_set_affine_coordinates(group, g, gx, gy, ctx)
                      and lib.EC_GROUP_set_generator(group, g, q, one)
                      and lib.EC_GROUP_precompute_mult(group, ctx))
                lib.EC_POINT_free(g)
                if not ok:
                    raise OSError(f"OpenSSL refused the curve {curve.name}")
            finally:
                for bn in bns:
                    lib.BN_free(bn)
                lib.BN_CTX_free(ctx)
            self._groups[curve.name] = int(group)
            return int(group)

    def combine(self, curve: Curve, z1: int, q: ec.Affine, z2: int) -> int | None:
        """x of z1·G + z2·Q, or None at the infinity."""
        lib, n = self.lib, curve.size
        group = self.group(curve)
        ctx = lib.BN_CTX_new()
        bns = [self._bn(v, n) for v in (q[0], q[1], z1, z2)]
        x_out, y_out = lib.BN_new(), lib.BN_new()
        point, result = lib.EC_POINT_new(group), lib.EC_POINT_new(group)
        try:
            if not (ctx and x_out and y_out and point and result):
                raise MemoryError("OpenSSL allocation failed")
            qx, qy, k1, k2 = bns
            if not lib.EC_POINT_set_affine_coordinates(group, point, qx, qy, ctx):
                raise ValueError("the public key is not a point of the curve")
            if not lib.EC_POINT_mul(group, result, k1, point, k2, ctx):
                raise OSError("EC_POINT_mul failed")
            if lib.EC_POINT_is_at_infinity(group, result):
                return None
            if not lib.EC_POINT_get_affine_coordinates(group, result, x_out, y_out, ctx):
                raise OSError("EC_POINT_get_affine_coordinates failed")
            buf = ctypes.create_string_buffer(n)
            lib.BN_bn2binpad(x_out, buf, n)
            return int.from_bytes(buf.raw, "big")
        finally:
            for bn in (*bns, x_out, y_out):
                lib.BN_free(bn)
            lib.EC_POINT_free(point)
            lib.EC_POINT_free(result)
            lib.BN_CTX_free(ctx)


_openssl: _OpenSSL | None = None
_probed = False
_probe_lock = threading.Lock()


def _load_openssl() -> _OpenSSL | None:
    global _openssl, _probed
    with _probe_lock:
        if not _probed:
            _probed = True
            try:
                _openssl = _OpenSSL()
            except (OSError, AttributeError) as exc:
                log.info("GOST: OpenSSL EC path unavailable (%s); pure Python is used", exc)
    return _openssl


def active() -> BackendName:
    """The backend verifications use now (SIO_GOST_BACKEND, else OpenSSL if it loads)."""
    wanted = os.environ.get("SIO_GOST_BACKEND", "auto")
    if wanted == "python":
        return "python"
    if wanted not in ("auto", "openssl"):
        raise ValueError(f"SIO_GOST_BACKEND must be auto, openssl or python, not {wanted!r}")
    if _load_openssl() is not None:
        return "openssl"
    if wanted == "openssl":
        raise OSError("SIO_GOST_BACKEND=openssl but libcrypto 3 cannot be loaded")
    return "python"


def streebog_engine() -> Literal["gostprov", "python"]:
    """Who computes Streebog now: OpenSSL's GOST provider or signing.gost.streebog."""
    if active() == "openssl" and _openssl is not None and len(_openssl.digests) == 2:
        return "gostprov"
    return "python"


def streebog(data: bytes, size: int) -> bytes:
    """Streebog-256 (size 32) or -512 (64) of ``data``, in C where the provider is present."""
    if streebog_engine() == "gostprov":
        assert _openssl is not None
        return _openssl.digest(size, data)
    from signing.gost.streebog import Streebog

    return Streebog(data, digest_size=size).digest()


def verify(curve: Curve, q: ec.Affine, e_value: int, r: int, s: int) -> bool:
    """GOST 34.10 verification of (r, s) over the hash integer by key ``q`` on ``curve``."""
    if active() == "python":
        return ec.verify_digest(curve, q, e_value, r, s)
    order = curve.q
    if not (0 < r < order and 0 < s < order) or not curve.contains(*q):
        return False
    e = e_value % order or 1
    v = pow(e, -1, order)
    openssl = _openssl
    assert openssl is not None
    x = openssl.combine(curve, s * v % order, q, (order - r) * v % order)
    return x is not None and x % order == r


__all__ = ["BackendName", "active", "streebog", "streebog_engine", "verify"]
