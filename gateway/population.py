"""A deterministic synthetic population for the sandbox registry (resource №1 "Individuals").

Person i is derived from (seed, i) alone, so the same seed always yields the same people; the
IIN → person index is built once, lazily.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from signing.iin import iin_birth_date, iin_sex, is_valid_iin, make_iin

Sex = Literal["M", "F"]

# (male form, female form) — Kazakh and Russian surnames change with sex.
_KZ_SURNAMES = (
    ("АХМЕТОВ", "АХМЕТОВА"), ("ЖҰМАБАЕВ", "ЖҰМАБАЕВА"), ("ҚАСЫМОВ", "ҚАСЫМОВА"),
    ("НҰРЛАНОВ", "НҰРЛАНОВА"), ("ОМАРОВ", "ОМАРОВА"), ("СЕЙІТОВ", "СЕЙІТОВА"),
    ("ӘБІЛОВ", "ӘБІЛОВА"), ("БЕКМҰХАМБЕТОВ", "БЕКМҰХАМБЕТОВА"), ("ТОҚТАРОВ", "ТОҚТАРОВА"),
    ("ЕСЕНОВ", "ЕСЕНОВА"), ("ИСАЕВ", "ИСАЕВА"), ("ҚОЖАХМЕТОВ", "ҚОЖАХМЕТОВА"),
    ("МҰХАМЕДЖАНОВ", "МҰХАМЕДЖАНОВА"), ("СӘРСЕНБАЕВ", "СӘРСЕНБАЕВА"), ("ТӨЛЕГЕНОВ", "ТӨЛЕГЕНОВА"),
    ("ЖАҚСЫЛЫҚОВ", "ЖАҚСЫЛЫҚОВА"), ("БАЙМҰХАНОВ", "БАЙМҰХАНОВА"), ("ДҮЙСЕНОВ", "ДҮЙСЕНОВА"),
)
_RU_SURNAMES = (
    ("ИВАНОВ", "ИВАНОВА"), ("ПЕТРОВ", "ПЕТРОВА"), ("СМИРНОВ", "СМИРНОВА"),
    ("КУЗНЕЦОВ", "КУЗНЕЦОВА"), ("ПОПОВ", "ПОПОВА"), ("ВАСИЛЬЕВ", "ВАСИЛЬЕВА"),
    ("СОКОЛОВ", "СОКОЛОВА"), ("МИХАЙЛОВ", "МИХАЙЛОВА"), ("НОВИКОВ", "НОВИКОВА"),
    ("ФЁДОРОВ", "ФЁДОРОВА"), ("ВОЛКОВ", "ВОЛКОВА"), ("ЛЕБЕДЕВ", "ЛЕБЕДЕВА"),
    ("КИМ", "КИМ"), ("ПАК", "ПАК"),
)
_KZ_MALE = (
    "НҰРЛАН", "ЕРЛАН", "АСҚАР", "БАУЫРЖАН", "ЕРЖАН", "ДӘУРЕН", "СЕРІК", "АРМАН", "ҚАЙРАТ",
    "ТАЛҒАТ", "МҰРАТ", "АҚЫЛБЕК", "ЕРБОЛ", "ДАНИЯР", "ӘЛИХАН", "ЖАНБОЛАТ", "БЕРІК", "САМАТ",
)
_KZ_FEMALE = (
    "АЙГҮЛ", "ГҮЛНАР", "ӘСЕМ", "ДИНА", "ЖАНАР", "МАДИНА", "АЙЖАН", "САЛТАНАТ", "ПЕРИЗАТ",
    "ДИНАРА", "АҚБОТА", "ГҮЛМИРА", "ЖАНСАЯ", "АРУЖАН", "ТОМИРИС", "ЛӘЗЗАТ",
)
# Russian given names with the patronymics they give a son and a daughter.
_RU_MALE = (
    ("ИВАН", "ИВАНОВИЧ", "ИВАНОВНА"), ("СЕРГЕЙ", "СЕРГЕЕВИЧ", "СЕРГЕЕВНА"),
    ("АНДРЕЙ", "АНДРЕЕВИЧ", "АНДРЕЕВНА"), ("ДМИТРИЙ", "ДМИТРИЕВИЧ", "ДМИТРИЕВНА"),
    ("АЛЕКСЕЙ", "АЛЕКСЕЕВИЧ", "АЛЕКСЕЕВНА"), ("НИКОЛАЙ", "НИКОЛАЕВИЧ", "НИКОЛАЕВНА"),
    ("ВЛАДИМИР", "ВЛАДИМИРОВИЧ", "ВЛАДИМИРОВНА"), ("ПАВЕЛ", "ПАВЛОВИЧ", "ПАВЛОВНА"),
    ("ВИКТОР", "ВИКТОРОВИЧ", "ВИКТОРОВНА"), ("ЮРИЙ", "ЮРЬЕВИЧ", "ЮРЬЕВНА"),
)
_RU_FEMALE = (
    "ЕЛЕНА", "ОЛЬГА", "НАТАЛЬЯ", "ТАТЬЯНА", "ИРИНА", "СВЕТЛАНА", "АННА", "ЮЛИЯ", "МАРИНА",
)
_CITIES = (
    "Астана қ.", "Алматы қ.", "Шымкент қ.", "Қарағанды қ.", "Ақтөбе қ.", "Павлодар қ.",
    "Өскемен қ.", "Атырау қ.", "Қостанай қ.", "Тараз қ.", "Орал қ.", "Семей қ.",
)
_STREETS = (
    "Абай даңғылы", "Республика даңғылы", "Төле би көшесі", "Сәтбаев көшесі",
    "Достық даңғылы", "Бөгенбай батыр көшесі", "Кенесары көшесі", "Жамбыл көшесі",
    "Қабанбай батыр даңғылы", "Сейфуллин көшесі", "Назарбаев даңғылы", "Гоголь көшесі",
)
_CITIZENSHIP_KZ = "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ"
_CITIZENSHIP_OTHER = ("РЕСЕЙ ФЕДЕРАЦИЯСЫ", "ӨЗБЕКСТАН РЕСПУБЛИКАСЫ", "ҚЫРҒЫЗ РЕСПУБЛИКАСЫ")

_BORN_FROM = dt.date(1950, 1, 1)
_BORN_SPAN_DAYS = (dt.date(2005, 12, 31) - _BORN_FROM).days

DEFAULT_SEED = 20220315  # the date of the 2022 joint order


@dataclass(frozen=True)
class Person:
    """One registry record of resource №1 "Individuals"."""

    iin: str
    surname: str
    first_name: str
    patronymic: str
    birth_date: dt.date
    sex: Sex
    citizenship: str
    document: str
    address: str

    def fields(self) -> dict[str, str]:
        """The record in the catalogue's field names for resource №1."""
        return {
            "iin": self.iin,
            "surname": self.surname,
            "first_name": self.first_name,
            "patronymic": self.patronymic,
            "birth_date": self.birth_date.isoformat(),
            "sex": "ЕР / М" if self.sex == "M" else "ӘЙЕЛ / Ж",
            "citizenship": self.citizenship,
            "document": self.document,
            "address": self.address,
        }


@dataclass(frozen=True)
class KnownPerson:
    """Someone who must exist in the population whatever the seed (e.g. a sandbox user)."""

    iin: str
    surname: str
    first_name: str
    patronymic: str = ""


class Population:
    """`size` synthetic people from `seed`, plus the `known` people, looked up by IIN in O(1)."""

    def __init__(self, size: int = 10_000, seed: int = DEFAULT_SEED,
                 known: Iterable[KnownPerson] = ()) -> None:
        if size < 0:
            raise ValueError("population size must be >= 0")
        self.size = size
        self.seed = seed
        self._known = {k.iin: k for k in known if is_valid_iin(k.iin)}
        self._iins: list[str] | None = None
        self._index: dict[str, int] | None = None
        self._lock = threading.Lock()

    def _identities(self) -> tuple[list[str], dict[str, int]]:
        with self._lock:
            if self._iins is None or self._index is None:
                iins: list[str] = []
                index: dict[str, int] = {}
                for i in range(self.size):
                    iin = self._iin_of(i, index)
                    index[iin] = i
                    iins.append(iin)
                self._iins, self._index = iins, index
            return self._iins, self._index

    def _iin_of(self, i: int, taken: dict[str, int]) -> str:
        rng = _rng(f"{self.seed}:iin:{i}")
        born = _BORN_FROM + dt.timedelta(days=rng.randrange(_BORN_SPAN_DAYS + 1))
        sex: Sex = "M" if rng.random() < 0.5 else "F"
        seq = rng.randrange(10_000)
        # Collisions (same day, sex and seq) and known people's IINs are stepped past.
        for step in range(10_000):
            iin = make_iin(born, sex, (seq + step) % 10_000)
            if iin not in taken and iin not in self._known:
                return iin
        raise RuntimeError("no free IIN for this birth date and sex")

    def person(self, i: int) -> Person:
        """The i-th synthetic person (0 ≤ i < size)."""
        iins, _ = self._identities()
        iin = iins[i]
        rng = _rng(f"{self.seed}:person:{i}")
        sex = iin_sex(iin)
        kazakh = rng.random() < 0.7
        if kazakh:
            surname = rng.choice(_KZ_SURNAMES)[sex == "F"]
            first = rng.choice(_KZ_MALE if sex == "M" else _KZ_FEMALE)
            father = rng.choice(_KZ_MALE)
            if rng.random() < 0.5:
                patronymic = father + ("ҰЛЫ" if sex == "M" else "ҚЫЗЫ")
            else:
                patronymic = father + ("ОВИЧ" if sex == "M" else "ОВНА")
        else:
            surname = rng.choice(_RU_SURNAMES)[sex == "F"]
            first = rng.choice(_RU_MALE)[0] if sex == "M" else rng.choice(_RU_FEMALE)
            _, son, daughter = rng.choice(_RU_MALE)
            patronymic = son if sex == "M" else daughter
        return Person(
            iin=iin,
            surname=surname,
            first_name=first,
            patronymic=patronymic,
            birth_date=iin_birth_date(iin),
            sex=sex,
            citizenship=_citizenship(rng),
            document=f"ЖК № 0{rng.randrange(10**8):08d}",
            address=_address(rng),
        )

    def _known_person(self, known: KnownPerson) -> Person:
        rng = _rng(f"{self.seed}:known:{known.iin}")
        return Person(
            iin=known.iin,
            surname=known.surname,
            first_name=known.first_name,
            patronymic=known.patronymic,
            birth_date=iin_birth_date(known.iin),
            sex=iin_sex(known.iin),
            citizenship=_CITIZENSHIP_KZ,
            document=f"ЖК № 0{rng.randrange(10**8):08d}",
            address=_address(rng),
        )

    def person_by_iin(self, iin: str) -> Person | None:
        """The person with that IIN, or None when nobody in the registry has it."""
        known = self._known.get(iin)
        if known is not None:
            return self._known_person(known)
        _, index = self._identities()
        i = index.get(iin)
        return None if i is None else self.person(i)

    @property
    def subject_count(self) -> int:
        """Synthetic people plus known people: the range of index_of()/person_at()."""
        return self.size + len(self._known)

    def index_of(self, iin: str) -> int | None:
        """A stable index for anyone in the registry: i for person(i), size + k for known ones."""
        if iin in self._known:
            return self.size + list(self._known).index(iin)
        _, index = self._identities()
        return index.get(iin)

    def person_at(self, index: int) -> Person:
        """The person with that index_of() index, synthetic or known."""
        if index < self.size:
            return self.person(index)
        return self._known_person(list(self._known.values())[index - self.size])

    def sample_iins(self, n: int, *, seed: int = 0) -> list[str]:
        """n distinct IINs of synthetic people, chosen deterministically from `seed`."""
        iins, _ = self._identities()
        return _rng(f"{self.seed}:sample:{seed}").sample(iins, min(n, len(iins)))


def _rng(key: str) -> random.Random:
    # Seeded from a string (SHA-512 inside random), so independent of PYTHONHASHSEED.
    return random.Random(key)  # noqa: S311 — synthetic data, not secrets


def _citizenship(rng: random.Random) -> str:
    return _CITIZENSHIP_KZ if rng.random() < 0.97 else rng.choice(_CITIZENSHIP_OTHER)


def _address(rng: random.Random) -> str:
    city, street = rng.choice(_CITIES), rng.choice(_STREETS)
    flat = f", {rng.randrange(1, 250)} п." if rng.random() < 0.8 else ""
    return f"{city}, {street}, {rng.randrange(1, 200)} үй{flat}"
