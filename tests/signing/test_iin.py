"""IIN/BIN validation and generation (NCA-EDS §5)."""

from __future__ import annotations

import datetime as dt

import pytest

from signing.iin import (
    check_digit,
    iin_birth_date,
    iin_sex,
    is_valid_bin,
    is_valid_iin,
    make_bin,
    make_iin,
)

pytestmark = pytest.mark.req("R-AUTH-1")


@pytest.mark.parametrize("value", ["940140000385", "990140004654"])
def test_published_bins_are_valid(value: str) -> None:
    assert is_valid_bin(value)


def test_published_iin_is_valid_with_birth_date_and_sex() -> None:
    assert is_valid_iin("791028302728")
    assert iin_birth_date("791028302728") == dt.date(1979, 10, 28)
    assert iin_sex("791028302728") == "M"


@pytest.mark.parametrize("value", ["123456789011", "123456789012"])
def test_nca_test_iins_fail(value: str) -> None:
    # NCA test certificates carry structurally impossible IINs (NCA-EDS §4).
    assert not is_valid_iin(value)


def test_nca_test_bin_fails() -> None:
    assert not is_valid_bin("123456789021")


@pytest.mark.parametrize(
    "value",
    ["79102830272", "7910283027280", "79102830272a", "791328302728", "791028702728",
     "791028002728", "791028302729", "７９１０２８３０２７２８"],
)
def test_malformed_iins_fail(value: str) -> None:
    assert not is_valid_iin(value)


@pytest.mark.parametrize("value", ["941340000385", "940170000385", "940140000386"])
def test_malformed_bins_fail(value: str) -> None:
    assert not is_valid_bin(value)


def test_check_digit_second_weighting_and_unissuable() -> None:
    # 11 digits whose first sum is 10 fall back to weights 3..11,1,2.
    seen_second = seen_none = False
    for n in range(100000):
        body = f"{n:011d}"
        first = sum(int(d) * w for d, w in zip(body, range(1, 12), strict=True)) % 11
        digit = check_digit(body)
        if first == 10 and digit is not None:
            second = sum(int(d) * w for d, w in
                         zip(body, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
            assert digit == second
            seen_second = True
        if digit is None:
            seen_none = True
        if seen_second and seen_none:
            break
    assert seen_second and seen_none


@pytest.mark.parametrize(
    ("birth", "sex", "digit7"),
    [(dt.date(1888, 1, 2), "M", "1"), (dt.date(1899, 12, 31), "F", "2"),
     (dt.date(1975, 6, 30), "M", "3"), (dt.date(1988, 4, 12), "F", "4"),
     (dt.date(2000, 2, 29), "M", "5"), (dt.date(2012, 11, 5), "F", "6")],
)
def test_make_iin_round_trip(birth: dt.date, sex: str, digit7: str) -> None:
    for seq in (0, 1, 17, 9999):
        iin = make_iin(birth, sex, seq)  # type: ignore[arg-type]
        assert is_valid_iin(iin)
        assert iin[6] == digit7
        assert iin_birth_date(iin) == birth
        assert iin_sex(iin) == sex


def test_make_iin_skips_unissuable_sequence_deterministically() -> None:
    birth = dt.date(1990, 1, 1)
    skipped = [s for s in range(200) if check_digit(f"9001013{s:04d}") is None]
    assert skipped, "expected some unissuable sequence numbers in 0..199"
    seq = skipped[0]
    iin = make_iin(birth, "M", seq)
    assert int(iin[7:11]) > seq
    assert iin == make_iin(birth, "M", seq)


def test_make_bin() -> None:
    value = make_bin(2021, 7, kind=4, unit=0, seq=1)
    assert value.startswith("210740")
    assert is_valid_bin(value)
    assert not is_valid_iin(value)
    with pytest.raises(ValueError):
        make_bin(2021, 13)
