"""The world: people (gateway.population), companies, and who is who, looked up in O(1)."""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from gateway.population import Person, Population
from gateway.world.codes import Scrambler, rng
from signing.iin import make_bin

Kind = Literal["person", "company"]
T = TypeVar("T")
KZ_CITIZENSHIP = "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ"
# A foreigner's passport number encodes the person (N + 8 digits), so №24's search by document
# is an O(1) lookup like plates and phones.
PASSPORTS = Scrambler(10**8, 7_919)

_NAME_WORDS = (
    "АЛТЫН",
    "САРЫАРҚА",
    "ДАЛА",
    "ЖҰЛДЫЗ",
    "СТЕПЬ",
    "КАСПИЙ",
    "АЛАТАУ",
    "БАЙТЕРЕК",
    "НҰР",
    "ЕСІЛ",
    "ТҰРАН",
    "ЕВРАЗИЯ",
    "ОРДА",
    "ШАҢЫРАҚ",
    "МЕРЕКЕ",
    "КӨКТЕМ",
)
_NAME_TAILS = (
    "ТРЕЙД",
    "СТРОЙ",
    "ЛОГИСТИК",
    "АГРО",
    "ИНВЕСТ",
    "ГРУПП",
    "СЕРВИС",
    "ТРАНС",
    "ПЛЮС",
    "ПРОМ",
    "ФУД",
    "ЭНЕРГО",
)
_FORMS = (("ЖШС / ТОО", 0.85), ("АҚ / АО", 0.05), ("ЖК / ИП", 0.10))
OKED = (
    "46.90 Көтерме сауда / Оптовая торговля",
    "41.20 Құрылыс / Строительство",
    "49.41 Жүк тасымалы / Грузоперевозки",
    "01.11 Егін шаруашылығы / Растениеводство",
    "68.20 Жалға беру / Аренда недвижимости",
    "62.01 Бағдарламалау / Программирование",
    "47.11 Бөлшек сауда / Розничная торговля",
    "06.10 Мұнай өндіру / Добыча нефти",
)


@dataclass(frozen=True)
class Company:
    """One legal entity of the sandbox: founders and director are person indexes."""

    index: int
    bin: str
    name: str
    legal_form: str
    registered_on: dt.date
    founders: tuple[int, ...]
    director: int
    oked: str


@dataclass(frozen=True)
class Subject:
    """A person or company an answer is about; `code` numbers people and companies together."""

    kind: Kind
    index: int
    code: int
    id: str  # IIN or BIN
    name: str


class World:
    """Companies and links over a Population; everything else is derived per subject."""

    def __init__(self, population: Population) -> None:
        self.population = population
        self.seed = population.seed
        self.company_count = population.size // 5
        self._bins: list[str] | None = None
        self._by_bin: dict[str, int] | None = None
        self._roles: dict[int, list[tuple[int, str]]] | None = None
        self._indexes: dict[str, Any] = {}
        self._lock = threading.Lock()

    def index(self, key: str, build: Callable[[], T]) -> T:
        """The index `key`, built by `build` on first use (the first builder's result stays)."""
        with self._lock:
            hit = self._indexes.get(key)
        if hit is None:
            built = build()  # outside the lock: other indexes stay usable meanwhile
            with self._lock:
                hit = self._indexes.setdefault(key, built)
        return hit

    # -- subjects -------------------------------------------------------------------------

    def person(self, index: int) -> Person:
        return self.population.person_at(index)

    def person_subject(self, index: int) -> Subject:
        p = self.person(index)
        return Subject("person", index, index, p.iin, full_name(p))

    def company_subject(self, index: int) -> Subject:
        c = self.company(index)
        return Subject("company", index, self.population.subject_count + index, c.bin, c.name)

    def subject(self, iin_or_bin: str) -> Subject | None:
        """The person (by IIN) or company (by BIN) with that number, or None."""
        i = self.population.index_of(iin_or_bin)
        if i is not None:
            return self.person_subject(i)
        j = self.company_by_bin(iin_or_bin)
        return None if j is None else self.company_subject(j)

    def subject_by_code(self, code: int) -> Subject | None:
        people = self.population.subject_count
        if 0 <= code < people:
            return self.person_subject(code)
        if people <= code < people + self.company_count:
            return self.company_subject(code - people)
        return None

    @property
    def owner_codes(self) -> int:
        return self.population.subject_count + self.company_count

    # -- companies ------------------------------------------------------------------------

    def _company_index(self) -> tuple[list[str], dict[str, int]]:
        with self._lock:
            if self._bins is None or self._by_bin is None:
                bins: list[str] = []
                by_bin: dict[str, int] = {}
                for j in range(self.company_count):
                    r = rng(self.seed, "bin", j)
                    year, month, seq = (
                        r.randrange(1996, 2024),
                        r.randrange(1, 13),
                        r.randrange(99_000),
                    )
                    kind = (
                        6 if r.random() < 0.1 else 4
                    )  # 6: individual entrepreneur's joint venture
                    b = make_bin(year, month, kind, 0, seq)
                    while b in by_bin:  # a collision steps to the next sequence number
                        seq = (seq + 1) % 99_000
                        b = make_bin(year, month, kind, 0, seq)
                    by_bin[b] = j
                    bins.append(b)
                self._bins, self._by_bin = bins, by_bin
            return self._bins, self._by_bin

    def company_by_bin(self, bin_: str) -> int | None:
        return self._company_index()[1].get(bin_)

    def company(self, j: int) -> Company:
        bins, _ = self._company_index()
        r = rng(self.seed, "company", j)
        b = bins[j]
        reg = dt.date(
            2000 + int(b[:2]) if int(b[:2]) < 50 else 1900 + int(b[:2]),
            int(b[2:4]),
            r.randrange(1, 29),
        )
        form = r.choices([f for f, _ in _FORMS], [w for _, w in _FORMS])[0]
        name = f"«{r.choice(_NAME_WORDS)} {r.choice(_NAME_TAILS)}» {form.split(' / ')[0]}"
        size = self.population.size
        founders = tuple(sorted(set(r.sample(range(size), min(size, r.choice((1, 1, 2, 2, 3)))))))
        director = r.choice(founders) if r.random() < 0.6 else r.randrange(size)
        return Company(j, b, name, form, reg, founders, director, r.choice(OKED))

    def roles_of(self, person_index: int) -> list[tuple[int, str]]:
        """(company index, "founder" | "director") for a person, from a lazily built index."""
        with self._lock:
            roles = self._roles
        if roles is None:
            built: dict[int, list[tuple[int, str]]] = {}
            for j in range(self.company_count):
                c = self.company(j)
                for f in c.founders:
                    built.setdefault(f, []).append((j, "founder"))
                built.setdefault(c.director, []).append((j, "director"))
            with self._lock:
                self._roles = roles = built
        return roles.get(person_index, [])

    def prepare(self) -> None:
        """Build the small indexes now (start-up), not on the first query."""
        self._company_index()
        self.roles_of(0)


def foreign(p: Person) -> bool:
    return p.citizenship != KZ_CITIZENSHIP


def document_of(world: World, s: Subject) -> str:
    """The identity document the registries hold: a passport for a foreigner (№24 finds it)."""
    p = world.person(s.index)
    return f"N{PASSPORTS.encode(s.code):08d}" if foreign(p) else p.document


def full_name(p: Person) -> str:
    return " ".join(x for x in (p.surname, p.first_name, p.patronymic) if x)


_WORLDS: weakref.WeakKeyDictionary[Population, World] = weakref.WeakKeyDictionary()
_WORLDS_LOCK = threading.Lock()


def world_of(population: Population) -> World:
    """The one World over `population` (made on first use)."""
    with _WORLDS_LOCK:
        world = _WORLDS.get(population)
        if world is None:
            world = _WORLDS[population] = World(population)
        return world
