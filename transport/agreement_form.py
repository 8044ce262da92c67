"""The blanks of the agreement form (2022 App.5, R-AUTH-8): filled the same way on both sides.

A template marks each blank as ``[[name]]``. The desk fills them and the user signs the filled
texts; the gateway fills the template again from the signed blanks and accepts the statement
only if it is byte for byte what was signed — so no word outside the blanks can be changed.
"""

from __future__ import annotations

import datetime as dt
import re

from transport import text

BLANKS = ("city", "date", "full_name", "position")
_MARK = re.compile(r"\[\[([a-z_]+)\]\]")

# Months as the form's date line takes them: Kazakh nominative, Russian genitive.
_MONTHS = {
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
}
_LIMITS = {"city": 60, "full_name": 150, "position": 200}
# Blanks hold words: letters, digits, spaces and the punctuation of names and titles.
_ALLOWED = re.compile(r"^[\w .,'’()«»\"№-]+$")


def blanks_in(template: str) -> list[str]:
    """The blank names a template marks, in order (a blank may appear more than once)."""
    return _MARK.findall(template)


def date_words(day: dt.date, lang: str) -> str:
    """The form's date line: «2026 жылғы "01" желтоқсан» / «"01" декабря 2026 года»."""
    month = _MONTHS[lang][day.month - 1]
    if lang == "kk":
        return f'{day.year} жылғы "{day.day:02d}" {month}'
    return f'"{day.day:02d}" {month} {day.year} года'


def problem(name: str, value: str) -> str | None:
    """Why a blank's value cannot go into the form, as a code, or None: "date" (not an ISO
    calendar date), "spaces" (untrimmed, doubled or not NFKC), "hidden" (control or invisible
    characters, line breaks), "empty", "long", "characters" (not the letters, digits and
    punctuation of a name or title), "unknown" (no such blank)."""
    if name == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return "date"
        return None if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else "date"
    if name not in _LIMITS:
        return "unknown"
    if text.has_hidden(value) or "\n" in value or "\t" in value:
        return "hidden"
    if value != text.normalised(value) or "  " in value:
        return "spaces"
    if text.visible_count(value) < 2:
        return "empty"
    if len(value) > _LIMITS[name]:
        return "long"
    if not _ALLOWED.match(value):
        return "characters"
    return None


def limit(name: str) -> int:
    """The longest value blank `name` takes."""
    return _LIMITS.get(name, 10)


def fill(template: str, lang: str, values: dict[str, str]) -> str:
    """The template with every blank replaced by its value; ValueError if one is missing or
    bad. The date blank takes an ISO date and is written out in `lang`."""
    wanted = set(blanks_in(template))
    missing = wanted - values.keys()
    if missing:
        raise ValueError(f"no value for the blank(s) {', '.join(sorted(missing))}")
    for name in wanted:
        reason = problem(name, values[name])
        if reason is not None:
            raise ValueError(f"blank {name}: {reason}")

    def one(match: re.Match[str]) -> str:
        name = match[1]
        if name == "date":
            return date_words(dt.date.fromisoformat(values[name]), lang)
        return values[name]

    return _MARK.sub(one, template)


def preview(template: str, lang: str, values: dict[str, str]) -> str:
    """The template as a reader sees it while filling it in: a blank not (yet) fit for the form
    stays a line, as on paper. Never signed: only `fill` makes what is signed."""
    fit = {name: value for name, value in values.items() if problem(name, value) is None}

    def one(match: re.Match[str]) -> str:
        name = match[1]
        if name not in fit:
            return "______________"
        return date_words(dt.date.fromisoformat(fit[name]), lang) if name == "date" \
            else fit[name]

    return _MARK.sub(one, template)


__all__ = ["BLANKS", "blanks_in", "date_words", "fill", "limit", "preview", "problem"]
