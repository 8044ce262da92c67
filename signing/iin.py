"""Kazakh IIN (individual) and BIN (business) identification numbers (NCA-EDS §5)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)

# Digit 7 of an IIN: century and sex together (odd = male).
_CENTURY = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}


def check_digit(first11: str) -> int | None:
    """Check digit over 11 digits, or None when both weightings give 10 (never issued)."""
    if len(first11) != 11 or not first11.isascii() or not first11.isdigit():
        raise ValueError("check_digit needs exactly 11 ASCII digits")
    digits = [int(c) for c in first11]
    for weights in (_W1, _W2):
        s = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if s != 10:
            return s
    return None


def _digits12(s: str) -> bool:
    return len(s) == 12 and s.isascii() and s.isdigit()


def _checksum_ok(s: str) -> bool:
    return check_digit(s[:11]) == int(s[11])


def _birth_date(s: str) -> dt.date | None:
    century = _CENTURY.get(int(s[6]))
    if century is None:
        return None
    try:
        return dt.date(century + int(s[0:2]), int(s[2:4]), int(s[4:6]))
    except ValueError:
        return None


def is_valid_iin(s: str) -> bool:
    """True for a well-formed IIN: 12 digits, real birth date, century digit 1–6, check digit."""
    # R-AUTH-1: the IIN in the certificate identifies the analyst; NCA test IINs fail here.
    return _digits12(s) and _birth_date(s) is not None and _checksum_ok(s)


def is_valid_bin(s: str) -> bool:
    """True for a well-formed BIN: 12 digits, month 01–12, type 4/5/6, unit 0–3, check digit."""
    return (
        _digits12(s)
        and 1 <= int(s[2:4]) <= 12
        and s[4] in "456"
        and s[5] in "0123"
        and _checksum_ok(s)
    )


def iin_birth_date(s: str) -> dt.date:
    """Date of birth encoded in a valid IIN."""
    if not is_valid_iin(s):
        raise ValueError(f"not a valid IIN: {s!r}")
    born = _birth_date(s)
    assert born is not None  # is_valid_iin checked it
    return born


def iin_sex(s: str) -> Literal["M", "F"]:
    """Sex encoded in a valid IIN (odd century digit = male)."""
    if not is_valid_iin(s):
        raise ValueError(f"not a valid IIN: {s!r}")
    return "M" if int(s[6]) % 2 == 1 else "F"


def _complete(first11_of: str, seq: int, width: int) -> str:
    # Numbers whose check digit is 10 under both weightings are never issued: take the next seq.
    limit = 10**width
    for n in range(seq, limit):
        body = f"{first11_of}{n:0{width}d}"
        digit = check_digit(body)
        if digit is not None:
            return f"{body}{digit}"
    raise ValueError("no issuable number at or after this sequence value")


def make_iin(birth: dt.date, sex: Literal["M", "F"], seq: int) -> str:
    """A valid IIN for that birth date, sex and 4-digit sequence (deterministic)."""
    if not 1800 <= birth.year <= 2099:
        raise ValueError("IINs encode birth years 1800–2099 only")
    if not 0 <= seq <= 9999:
        raise ValueError("seq must be 0..9999")
    century_digit = {1800: 1, 1900: 3, 2000: 5}[birth.year // 100 * 100] + (sex == "F")
    return _complete(f"{birth:%y%m%d}{century_digit}", seq, 4)


def make_bin(year: int, month: int, kind: int = 4, unit: int = 0, seq: int = 1) -> str:
    """A valid BIN registered in that year/month, of that kind (4/5/6) and unit (0–3)."""
    if not 1 <= month <= 12 or kind not in (4, 5, 6) or unit not in (0, 1, 2, 3):
        raise ValueError("bad month, kind or unit for a BIN")
    if not 0 <= seq <= 99999:
        raise ValueError("seq must be 0..99999")
    return _complete(f"{year % 100:02d}{month:02d}{kind}{unit}", seq, 5)
