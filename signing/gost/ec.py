"""GOST 34.10 signatures on a = -3 curves: Jacobian coordinates, fixed-base tables, caches.

Verification computes z1·G + z2·Q. G's multiples come from a fixed-base table built once per
curve; a public key seen twice gets its own table (LRU), so a CA key or a frequent signer costs
additions only; an unseen key uses a width-5 NAF. Signing is here for the sandbox signer only:
it is not constant-time and must never hold a production key.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict

from signing.gost.curves import Curve

Jacobian = tuple[int, int, int]  # (X, Y, Z) with x = X/Z², y = Y/Z³; Z = 0 is the infinity
Affine = tuple[int, int]
_INFINITY: Jacobian = (1, 1, 0)


def _double(pt: Jacobian, p: int) -> Jacobian:
    # dbl-2001-b (a = -3).
    x, y, z = pt
    if z == 0 or y == 0:
        return _INFINITY
    delta = z * z % p
    gamma = y * y % p
    beta = x * gamma % p
    alpha = 3 * (x - delta) * (x + delta) % p
    x3 = (alpha * alpha - 8 * beta) % p
    z3 = ((y + z) * (y + z) - gamma - delta) % p
    y3 = (alpha * (4 * beta - x3) - 8 * gamma * gamma) % p
    return x3, y3, z3


def _add_affine(pt: Jacobian, q: Affine, p: int) -> Jacobian:
    # Mixed addition Jacobian + affine (madd); falls back to doubling for equal points.
    x1, y1, z1 = pt
    x2, y2 = q
    if z1 == 0:
        return x2, y2, 1
    zz = z1 * z1 % p
    h = (x2 * zz - x1) % p
    r = (y2 * zz * z1 - y1) % p
    if h == 0:
        return _double(pt, p) if r == 0 else _INFINITY
    hh = h * h % p
    hhh = h * hh % p
    v = x1 * hh % p
    x3 = (r * r - hhh - 2 * v) % p
    y3 = (r * (v - x3) - y1 * hhh) % p
    return x3, y3, z1 * h % p


def _add(a: Jacobian, b: Jacobian, p: int) -> Jacobian:
    # add-2007-bl without the Z doubling tricks; general Jacobian + Jacobian.
    x1, y1, z1 = a
    x2, y2, z2 = b
    if z1 == 0:
        return b
    if z2 == 0:
        return a
    z1z1 = z1 * z1 % p
    z2z2 = z2 * z2 % p
    u1 = x1 * z2z2 % p
    u2 = x2 * z1z1 % p
    s1 = y1 * z2 * z2z2 % p
    s2 = y2 * z1 * z1z1 % p
    h = (u2 - u1) % p
    r = (s2 - s1) % p
    if h == 0:
        return _double(a, p) if r == 0 else _INFINITY
    hh = h * h % p
    hhh = h * hh % p
    v = u1 * hh % p
    x3 = (r * r - hhh - 2 * v) % p
    y3 = (r * (v - x3) - s1 * hhh) % p
    return x3, y3, z1 * z2 * h % p


def _to_affine_all(points: list[Jacobian], p: int) -> list[Affine]:
    # Montgomery's trick: one inversion for the whole list. No point may be the infinity.
    prefix = [1]
    for _, _, z in points:
        prefix.append(prefix[-1] * z % p)
    inv = pow(prefix[-1], -1, p)
    out: list[Affine] = [(0, 0)] * len(points)
    for i in range(len(points) - 1, -1, -1):
        x, y, z = points[i]
        zi = inv * prefix[i] % p
        inv = inv * z % p
        zi2 = zi * zi % p
        out[i] = (x * zi2 % p, y * zi2 * zi % p)
    return out


class FixedBaseTable:
    """Windowed table for one point: d·2^(w·i)·P in affine form, so k·P costs additions only."""

    def __init__(self, curve: Curve, point: Affine, window: int) -> None:
        self.curve = curve
        self.window = window
        p = curve.p
        count = (curve.q.bit_length() + window - 1) // window
        size = (1 << window) - 1
        jac: list[Jacobian] = []
        base: Jacobian = (point[0], point[1], 1)
        for _ in range(count):
            row = [base]
            for _ in range(size - 1):
                row.append(_add(row[-1], base, p))
            jac.extend(row)
            nxt = _add(row[-1], base, p)  # (2^w)·base
            base = nxt
        flat = _to_affine_all(jac, p)
        self.rows = [flat[i * size:(i + 1) * size] for i in range(count)]

    def multiply(self, k: int) -> Jacobian:
        """k·P (0 <= k < 2^(w·rows)) as a Jacobian point."""
        p = self.curve.p
        mask = (1 << self.window) - 1
        acc = _INFINITY
        for row in self.rows:
            digit = k & mask
            if digit:
                acc = _add_affine(acc, row[digit - 1], p)
            k >>= self.window
            if not k:
                break
        return acc


def _naf(k: int, width: int) -> list[int]:
    digits = []
    full, half = 1 << width, 1 << (width - 1)
    while k:
        if k & 1:
            d = k & (full - 1)
            if d >= half:
                d -= full
            k -= d
        else:
            d = 0
        digits.append(d)
        k >>= 1
    return digits


def _multiply_naf(curve: Curve, point: Affine, k: int, width: int = 5) -> Jacobian:
    p = curve.p
    base: Jacobian = (point[0], point[1], 1)
    twice = _double(base, p)
    odd = [base]
    for _ in range((1 << (width - 2)) - 1):
        odd.append(_add(odd[-1], twice, p))
    table = _to_affine_all(odd, p)
    acc = _INFINITY
    for d in reversed(_naf(k, width)):
        acc = _double(acc, p)
        if d > 0:
            acc = _add_affine(acc, table[d >> 1], p)
        elif d < 0:
            x, y = table[(-d) >> 1]
            acc = _add_affine(acc, (x, -y % p), p)
    return acc


_G_WINDOW = 6  # 86 rows of 63 points for 512 bits: built once per curve (~0.1 s)
_KEY_WINDOW = 4  # 128 rows of 15 points: built for a key at its second use
_KEY_CACHE_MAX = 16  # a 512-bit key table holds 1,920 points (~0.4 MB)
_lock = threading.Lock()
_g_tables: dict[str, FixedBaseTable] = {}
_key_tables: OrderedDict[tuple[str, Affine], FixedBaseTable | None] = OrderedDict()


def _g_table(curve: Curve) -> FixedBaseTable:
    with _lock:
        table = _g_tables.get(curve.name)
    if table is None:
        table = FixedBaseTable(curve, (curve.gx, curve.gy), _G_WINDOW)
        with _lock:
            _g_tables[curve.name] = table
    return table


def _key_multiply(curve: Curve, q: Affine, k: int) -> Jacobian:
    # First sight of a key: NAF. Second: build its table, kept while among the last 16 keys.
    ident = (curve.name, q)
    with _lock:
        seen = ident in _key_tables
        table = _key_tables.get(ident)
        if seen:
            _key_tables.move_to_end(ident)
    if table is not None:
        return table.multiply(k)
    if not seen:
        with _lock:
            _key_tables[ident] = None
            while len(_key_tables) > _KEY_CACHE_MAX:
                _key_tables.popitem(last=False)
        return _multiply_naf(curve, q, k)
    table = FixedBaseTable(curve, q, _KEY_WINDOW)
    with _lock:
        _key_tables[ident] = table
    return table.multiply(k)


def verify_digest(curve: Curve, q: Affine, e_value: int, r: int, s: int) -> bool:
    """GOST 34.10 verification of (r, s) over the hash integer ``e_value`` by key ``q``."""
    order, p = curve.q, curve.p
    if not (0 < r < order and 0 < s < order) or not curve.contains(*q):
        return False
    e = e_value % order or 1
    v = pow(e, -1, order)
    z1 = s * v % order
    z2 = (order - r) * v % order
    c = _add(_g_table(curve).multiply(z1), _key_multiply(curve, q, z2), p)
    x, _, z = c
    if z == 0:
        return False
    # x(C) mod q == r without an inversion: X == x·Z² for x in {r, r + q} below p.
    zz = z * z % p
    return any(x == cand * zz % p for cand in (r, r + order) if cand < p)


def public_key(curve: Curve, d: int) -> Affine:
    """The public point d·G of a private scalar."""
    x, y, z = _g_table(curve).multiply(d)
    return _to_affine_all([(x, y, z)], curve.p)[0]


def sign_digest(curve: Curve, d: int, e_value: int) -> tuple[int, int]:
    """(r, s) over ``e_value`` with private scalar ``d`` (sandbox keys only: not constant-time)."""
    order = curve.q
    e = e_value % order or 1
    while True:
        k = secrets.randbelow(order - 1) + 1
        x, _ = public_key(curve, k)
        r = x % order
        if r == 0:
            continue
        s = (r * d + k * e) % order
        if s:
            return r, s


def generate_private(curve: Curve) -> int:
    """A fresh private scalar in [1, q-1]."""
    return secrets.randbelow(curve.q - 1) + 1


__all__ = [
    "Affine", "FixedBaseTable", "generate_private", "public_key", "sign_digest", "verify_digest",
]
