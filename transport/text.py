"""What counts as written text in a field that must say something (the basis of a query).

A basis of zero-width spaces, Braille blanks, Hangul fillers or soft hyphens looks empty to a
person and must be refused like an empty one: text is NFKC-normalised, may hold no control or
format characters, and must carry enough visible letters or digits.
"""

from __future__ import annotations

import unicodedata

# Letters by category that render as nothing (Hangul fillers) are not letters to a reader.
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
_FORBIDDEN_CATEGORIES = ("Cc", "Cf", "Co", "Cs", "Cn")


def normalised(value: str) -> str:
    """NFKC and trimmed: the form both sides sign and compare."""
    return unicodedata.normalize("NFKC", value).strip()


def visible_count(value: str) -> int:
    """How many letters and digits a reader would see in `value`."""
    return sum(1 for c in value
               if unicodedata.category(c)[0] in "LN" and c not in _INVISIBLE_LETTERS)


def has_hidden(value: str) -> bool:
    """True when `value` holds control, format, private-use or unassigned characters (line
    breaks and tabs inside a purpose are allowed)."""
    return any(unicodedata.category(c) in _FORBIDDEN_CATEGORIES and c not in "\n\t"
               for c in value)


def problem(value: str, minimum: int) -> str | None:
    """Reason code why `value` does not say anything, or None: `text_control` for hidden
    characters, `text_invisible` for too few visible letters or digits."""
    text = normalised(value)
    if has_hidden(text):
        return "text_control"
    if visible_count(text) < minimum:
        return "text_invisible"
    return None
