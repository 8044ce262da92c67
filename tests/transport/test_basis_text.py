"""A basis that looks empty is refused like an empty one (issue 9, hole 5; R-Q-2)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.validation import basis_errors
from transport.protocol import Basis

pytestmark = pytest.mark.req("R-Q-2")

GROUND = "ҚР Заңы, 16-бап"
PURPOSE = "Проверка контрагента по материалу"
BLANKS = {
    "zero-width spaces": "\u200b\u200b\u200b\u200b\u200b\u200b",
    "Braille blanks": "\u2800" * 6,
    "Hangul fillers": "\u3164\u115f\u1160\uffa0\u3164\u3164",
    "soft hyphens": "\u00ad" * 6,
    "word joiners and BOMs": "\u2060\ufeff" * 3,
    "an ANSI escape with a little text": "\x1b[31mA-1\x1b[0m",
}


@pytest.mark.parametrize("field", ["case_number", "legal_ground", "purpose"])
@pytest.mark.parametrize("name", sorted(BLANKS))
def test_blank_looking_fields_are_refused_on_both_sides(field: str, name: str) -> None:
    values = {"case_number": "2026-0142", "legal_ground": GROUND, "purpose": PURPOSE}
    values[field] = BLANKS[name]
    with pytest.raises(ValidationError):
        Basis(**values)
    assert field in basis_errors(**values)


def test_real_text_passes_and_is_normalised() -> None:
    basis = Basis(case_number="２０２６-０１４２", legal_ground=GROUND,
                  purpose="  Тексеру: ЖШС «Әлем» құрылтайшысы  ")
    assert basis.case_number == "2026-0142"  # NFKC: full-width digits as both sides sign them
    assert basis.purpose == "Тексеру: ЖШС «Әлем» құрылтайшысы"
    assert basis_errors(basis.case_number, basis.legal_ground, basis.purpose) == {}


def test_a_purpose_of_punctuation_says_nothing() -> None:
    assert basis_errors("A-1", GROUND, "... ---") == {"purpose": "purpose_short"}
