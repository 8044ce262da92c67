"""Reversible identifiers: plates, VINs and phones that encode their owner, for O(1) lookups."""

from __future__ import annotations

import math
import random
import string
from dataclasses import dataclass

LETTERS = "ABCDEFHKLMNPRSTUVWXYZ"  # plate letters without look-alikes of digits
REGIONS = (
    "01",
    "02",
    "03",
    "04",
    "05",
    "06",
    "07",
    "08",
    "09",
    "10",
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "17",
    "18",
    "19",
    "20",
)
MOBILE_CODES = ("701", "702", "705", "707", "747", "771", "775", "777", "778")


def rng(*key: object) -> random.Random:
    """A generator seeded from the key's text (SHA-512 inside random: PYTHONHASHSEED-free)."""
    return random.Random(":".join(map(str, key)))  # noqa: S311 — synthetic data, not secrets


@dataclass(frozen=True)
class Scrambler:
    """n ↔ an unremarkable-looking number below `modulus` (an affine bijection)."""

    modulus: int
    salt: int

    @property
    def _mul(self) -> int:
        a = 2_654_435_761 + self.salt * 2
        while math.gcd(a, self.modulus) != 1:
            a += 1
        return a

    def encode(self, n: int) -> int:
        if not 0 <= n < self.modulus:
            raise ValueError("number out of the code space")
        return (n * self._mul + self.salt) % self.modulus

    def decode(self, x: int) -> int:
        return ((x - self.salt) * pow(self._mul, -1, self.modulus)) % self.modulus


PLATE_SPACE = 1000 * len(LETTERS) ** 3
VIN_SPACE = 10**8
PHONE_SPACE = 10**7


def plate(code: int, region: str) -> str:
    """123ABC02 for an encoded number below PLATE_SPACE."""
    digits, rest = divmod(code, len(LETTERS) ** 3)
    letters = ""
    for _ in range(3):
        rest, k = divmod(rest, len(LETTERS))
        letters = LETTERS[k] + letters
    return f"{digits:03d}{letters}{region}"


def plate_code(text: str) -> int | None:
    """The encoded number of a plate, or None when it is not one of ours."""
    if len(text) != 8 or not text[:3].isdigit() or any(c not in LETTERS for c in text[3:6]):
        return None
    rest = 0
    for c in text[3:6]:
        rest = rest * len(LETTERS) + LETTERS.index(c)
    return int(text[:3]) * len(LETTERS) ** 3 + rest


def vin(code: int, wmi: str, model: str) -> str:
    """17 characters: WMI (3), model descriptor padded (6), the encoded number (8)."""
    vds = (model + "000000")[:6]
    return f"{wmi}{vds}{code:08d}"


def vin_code(text: str) -> int | None:
    tail = text[9:]
    return int(tail) if len(text) == 17 and tail.isdigit() else None


def phone(code: int, prefix: str) -> str:
    return f"+7{prefix}{code:07d}"


def phone_code(text: str) -> tuple[str, int] | None:
    if len(text) != 12 or not text.startswith("+7") or not text[2:].isdigit():
        return None
    return text[2:5], int(text[5:])


ALNUM = string.ascii_uppercase + string.digits
