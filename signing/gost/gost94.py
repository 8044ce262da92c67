"""GOST 34.311-95 (= GOST R 34.11-94) hash over the GOST 28147-89 cipher, with named S-boxes.

Kazakhstan's GOST 34.311-95 is GOST R 34.11-94; which S-box NCA uses (hash parameter
1.2.398.3.10.1.3.1.1.0) is established by tests against NCA's 2004 signatures (docs/gost.md).
256-bit values are ints read little-endian from their bytes, as OpenSSL prints the digest.
"""

from __future__ import annotations

# GOST 28147-89 S-boxes: row i substitutes the i-th nibble counting from the least significant.
SBOXES: dict[str, tuple[tuple[int, ...], ...]] = {
    "id-GostR3411-94-TestParamSet": (
        (4, 10, 9, 2, 13, 8, 0, 14, 6, 11, 1, 12, 7, 15, 5, 3),
        (14, 11, 4, 12, 6, 13, 15, 10, 2, 3, 8, 1, 0, 7, 5, 9),
        (5, 8, 1, 13, 10, 3, 4, 2, 14, 15, 12, 7, 6, 0, 9, 11),
        (7, 13, 10, 1, 0, 8, 9, 15, 14, 4, 6, 12, 11, 2, 5, 3),
        (6, 12, 7, 1, 5, 15, 13, 8, 4, 10, 9, 14, 0, 3, 11, 2),
        (4, 11, 10, 0, 7, 2, 1, 13, 3, 6, 8, 5, 9, 12, 15, 14),
        (13, 11, 4, 1, 3, 15, 5, 9, 0, 10, 14, 7, 6, 8, 2, 12),
        (1, 15, 13, 0, 5, 7, 10, 4, 9, 2, 3, 14, 6, 11, 8, 12),
    ),
    "id-GostR3411-94-CryptoProParamSet": (
        (10, 4, 5, 6, 8, 1, 3, 7, 13, 12, 14, 0, 9, 2, 11, 15),
        (5, 15, 4, 0, 2, 13, 11, 9, 1, 7, 6, 3, 12, 14, 10, 8),
        (7, 15, 12, 14, 9, 4, 1, 0, 3, 11, 5, 2, 6, 10, 8, 13),
        (4, 10, 7, 12, 0, 15, 2, 8, 14, 1, 6, 5, 13, 11, 9, 3),
        (7, 6, 4, 11, 9, 12, 2, 10, 1, 8, 0, 14, 15, 13, 3, 5),
        (7, 6, 2, 4, 13, 9, 15, 0, 10, 1, 5, 11, 8, 14, 12, 3),
        (13, 14, 4, 1, 7, 0, 5, 10, 3, 12, 8, 15, 6, 2, 9, 11),
        (1, 3, 10, 9, 5, 11, 4, 15, 8, 6, 7, 14, 13, 0, 2, 12),
    ),
}

_M32 = 0xFFFFFFFF
_M64 = (1 << 64) - 1
_M256 = (1 << 256) - 1
_C3 = 0xFF00FFFF000000FFFF0000FF00FFFF0000FF00FF00FF00FFFF00FF00FF00FF00
_KEY_ORDER = tuple(range(8)) * 3 + tuple(range(7, -1, -1))
_BLOCK = 32


def _round_tables(sbox: tuple[tuple[int, ...], ...]) -> tuple[list[int], ...]:
    # Two nibbles per byte and the 11-bit rotation folded into four byte tables.
    tables = []
    for k in range(4):
        low, high = sbox[2 * k], sbox[2 * k + 1]
        table = []
        for b in range(256):
            v = (low[b & 15] | high[b >> 4] << 4) << (8 * k)
            table.append(((v << 11) | (v >> 21)) & _M32)
        tables.append(table)
    return tuple(tables)


def _encrypt(tables: tuple[list[int], ...], key: int, block: int) -> int:
    # One 64-bit GOST 28147-89 block: N1 = low half, N2 = high half; 32 rounds.
    t0, t1, t2, t3 = tables
    k = [(key >> (32 * i)) & _M32 for i in range(8)]
    n1, n2 = block & _M32, block >> 32
    for i in _KEY_ORDER:
        x = (n1 + k[i]) & _M32
        n1, n2 = t0[x & 255] ^ t1[(x >> 8) & 255] ^ t2[(x >> 16) & 255] ^ t3[x >> 24] ^ n2, n1
    return (n1 << 32) | n2


def _a(x: int) -> int:
    return (x >> 64) | (((x ^ (x >> 64)) & _M64) << 192)


def _p(x: int) -> int:
    b = x.to_bytes(32, "big")
    return int.from_bytes(bytes(b[8 * (j % 4) + j // 4] for j in range(32)), "big")


def _psi(y: int) -> int:
    fb = (y ^ (y >> 16) ^ (y >> 32) ^ (y >> 48) ^ (y >> 192) ^ (y >> 240)) & 0xFFFF
    return (y >> 16) | (fb << 240)


def _step(tables: tuple[list[int], ...], h: int, m: int) -> int:
    u, v = h, m
    keys = [_p(u ^ v)]
    for c in (0, _C3, 0):
        u = _a(u) ^ c
        v = _a(_a(v))
        keys.append(_p(u ^ v))
    s = 0
    for i, key in enumerate(keys):
        s |= _encrypt(tables, key, (h >> (64 * i)) & _M64) << (64 * i)
    for _ in range(12):
        s = _psi(s)
    x = h ^ _psi(m ^ s)
    for _ in range(61):
        x = _psi(x)
    return x


_TABLES = {name: _round_tables(sbox) for name, sbox in SBOXES.items()}


class Gost94:
    """Incremental GOST 34.311-95 / R 34.11-94 hash with the named S-box."""

    digest_size = 32
    block_size = _BLOCK

    def __init__(self, data: bytes = b"", *, sbox: str) -> None:
        if sbox not in _TABLES:
            raise ValueError(f"unknown GOST 34.311-95 S-box {sbox!r}")
        self._tables = _TABLES[sbox]
        self.sbox = sbox
        self._h = 0
        self._sigma = 0
        self._length = 0
        self._buffer = b""
        self.update(data)

    def update(self, data: bytes) -> None:
        """Feed more bytes."""
        buffer = self._buffer + bytes(data)
        full = len(buffer) - len(buffer) % _BLOCK
        h, sigma = self._h, self._sigma
        for offset in range(0, full, _BLOCK):
            m = int.from_bytes(buffer[offset:offset + _BLOCK], "little")
            h = _step(self._tables, h, m)
            sigma = (sigma + m) & _M256
        self._h, self._sigma = h, sigma
        self._length += 8 * full
        self._buffer = buffer[full:]

    def digest(self) -> bytes:
        """The hash of everything fed so far (little-endian, as OpenSSL prints it)."""
        h, sigma, length = self._h, self._sigma, self._length
        if self._buffer:
            m = int.from_bytes(self._buffer, "little")  # zero-padded at the high end
            h = _step(self._tables, h, m)
            sigma = (sigma + m) & _M256
            length += 8 * len(self._buffer)
        h = _step(self._tables, h, length & _M256)
        h = _step(self._tables, h, sigma)
        return h.to_bytes(32, "little")

    def hexdigest(self) -> str:
        """``digest`` in hex."""
        return self.digest().hex()


def gost94(data: bytes, sbox: str) -> bytes:
    """GOST 34.311-95 of ``data`` with the named S-box."""
    return Gost94(data, sbox=sbox).digest()


__all__ = ["SBOXES", "Gost94", "gost94"]
