"""RC2-CBC decryption (RFC 2268) for the certificate bags of NCA's PKCS#12 files.

NCA key files encrypt their certificates with pbeWithSHA1And40BitRC2-CBC; `cryptography` offers
RC2 only with 128-bit keys, so the 40-bit variant is done here. Decryption only: nothing new is
ever encrypted with RC2.
"""

from __future__ import annotations

PITABLE = bytes.fromhex(
    "d978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2"
    "179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82"
    "54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626"
    "6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7"
    "08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec"
    "c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731"
    "2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9"
    "0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad"
)
_MASK = 0xFFFF


def expand_key(key: bytes, effective_bits: int | None = None) -> list[int]:
    """The 64 16-bit subkeys of RFC 2268 §2 (effective key bits default to the key's length)."""
    if not 1 <= len(key) <= 128:
        raise ValueError("RC2 key must be 1 to 128 bytes")
    bits = effective_bits if effective_bits is not None else 8 * len(key)
    buf = bytearray(128)
    buf[: len(key)] = key
    for i in range(len(key), 128):
        buf[i] = PITABLE[(buf[i - 1] + buf[i - len(key)]) & 0xFF]
    t8 = (bits + 7) // 8
    tm = 0xFF % (1 << (8 + bits - 8 * t8))
    buf[128 - t8] = PITABLE[buf[128 - t8] & tm]
    for i in range(127 - t8, -1, -1):
        buf[i] = PITABLE[buf[i + 1] ^ buf[i + t8]]
    return [buf[2 * i] | (buf[2 * i + 1] << 8) for i in range(64)]


def _ror(x: int, s: int) -> int:
    return ((x >> s) | (x << (16 - s))) & _MASK


def decrypt_block(k: list[int], block: bytes) -> bytes:
    r = [int.from_bytes(block[2 * i : 2 * i + 2], "little") for i in range(4)]
    j = 63
    for rnd in range(16):
        for i in (3, 2, 1, 0):  # reverse mixing round
            r[i] = _ror(r[i], (1, 2, 3, 5)[i])
            r[i] = (r[i] - k[j] - (r[(i - 1) % 4] & r[(i - 2) % 4])
                    - ((~r[(i - 1) % 4]) & r[(i - 3) % 4])) & _MASK
            j -= 1
        if rnd in (4, 10):  # reverse mashing rounds come after rounds 5 and 11 of decryption
            for i in (3, 2, 1, 0):
                r[i] = (r[i] - k[r[(i - 1) % 4] & 63]) & _MASK
    return b"".join(x.to_bytes(2, "little") for x in r)


def cbc_decrypt(key: bytes, iv: bytes, data: bytes, effective_bits: int | None = None) -> bytes:
    """RC2-CBC decryption with PKCS#7 padding removed; ValueError on a wrong key (bad padding)."""
    if len(iv) != 8 or not data or len(data) % 8:
        raise ValueError("RC2-CBC needs an 8-byte IV and whole 8-byte blocks")
    k = expand_key(key, effective_bits)
    out = bytearray()
    prev = iv
    for pos in range(0, len(data), 8):
        block = data[pos : pos + 8]
        plain = decrypt_block(k, block)
        out += bytes(a ^ b for a, b in zip(plain, prev, strict=True))
        prev = block
    pad = out[-1]
    if not 1 <= pad <= 8 or out[-pad:] != bytes([pad]) * pad:
        raise ValueError("bad padding: wrong key or damaged data")
    return bytes(out[:-pad])
