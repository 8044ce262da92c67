"""Finding subjects by what the analyst knows besides an IIN/BIN (R-Q-1): a person by name and
date of birth, a foreigner by passport and name, a company by its name. Deterministic; nobody
found is an empty list."""

from __future__ import annotations

import datetime as dt
import re

from gateway.world.core import PASSPORTS, Subject, World, document_of, foreign
from resources.catalogue import fold
from signing.iin import iin_birth_date

# Legal forms and quotes are not part of what a company is called: «АЛТЫН ТРЕЙД» ЖШС is found
# as "Алтын Трейд", "ТОО Алтын трейд" or "«АЛТЫН ТРЕЙД»".
_FORMS = frozenset(fold(f) for f in ("ЖШС", "ТОО", "АҚ", "АО", "ЖК", "ИП", "LLP", "JSC"))
_PASSPORT = re.compile(r"N(\d{8})")
# Passports spell names in Latin letters: a Cyrillic name matches its transliteration too.
_LATIN = str.maketrans({
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "і": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
})


# Kazakh letters typed on a Russian layout: ӘБІЛОВА is found as АБИЛОВА too.
_PLAIN = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у",
                        "һ": "х", "і": "и"})


def company_key(name: str) -> str:
    """A company name without quotes, legal form, case or spacing differences."""
    words = re.sub(r"[«»\"“”„']", " ", fold(name)).split()
    return " ".join(w for w in words if w not in _FORMS)


def _same_name(typed: str, held: str) -> bool:
    typed, held = fold(typed), fold(held)
    return typed in (held, held.translate(_LATIN)) or typed.translate(_PLAIN) == \
        held.translate(_PLAIN)


def persons_by_name(world: World, surname: str, first_name: str, patronymic: str,
                    birth_date: dt.date) -> list[Subject]:
    """People born that day with that surname and given name (and patronymic, when given)."""
    found = []
    for index in _born_on(world).get(birth_date, ()):
        p = world.person(index)
        if (_same_name(surname, p.surname) and _same_name(first_name, p.first_name)
                and (not patronymic or _same_name(patronymic, p.patronymic))):
            found.append(world.person_subject(index))
    return found


def foreigner_by_document(world: World, number: str, surname: str, first_name: str
                          ) -> list[Subject]:
    """The foreigner holding passport `number`, if the names on it are the ones given."""
    match = _PASSPORT.fullmatch(number)
    if match is None:
        return []
    code = PASSPORTS.decode(int(match[1]))
    if code >= world.population.subject_count:
        return []
    s = world.person_subject(code)
    p = world.person(code)
    if not foreign(p) or document_of(world, s) != number:
        return []
    return [s] if _same_name(surname, p.surname) and _same_name(first_name, p.first_name) else []


def companies_by_name(world: World, name: str) -> list[Subject]:
    """Every company called `name` (see company_key), in BIN-index order."""
    key = company_key(name)
    return [world.company_subject(j) for j in _company_names(world).get(key, ())]


def _born_on(world: World) -> dict[dt.date, tuple[int, ...]]:
    def build() -> dict[dt.date, tuple[int, ...]]:
        pop = world.population
        days: dict[dt.date, list[int]] = {}
        # A sample as large as the population is all of its IINs; the date is in the IIN.
        for iin in pop.sample_iins(pop.size):
            index = pop.index_of(iin)
            if index is not None:
                days.setdefault(iin_birth_date(iin), []).append(index)
        for index in range(pop.size, pop.subject_count):  # the known people (sandbox users)
            days.setdefault(pop.person_at(index).birth_date, []).append(index)
        return {d: tuple(sorted(v)) for d, v in days.items()}

    return world.index("born_on", build)


def _company_names(world: World) -> dict[str, tuple[int, ...]]:
    def build() -> dict[str, tuple[int, ...]]:
        names: dict[str, list[int]] = {}
        for j in range(world.company_count):
            names.setdefault(company_key(world.company(j).name), []).append(j)
        return {k: tuple(v) for k, v in names.items()}

    return world.index("company_names", build)
