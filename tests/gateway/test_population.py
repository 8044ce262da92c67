"""The synthetic registry behind resource №1 "Individuals" (R-Q-1)."""

from __future__ import annotations

import datetime as dt

import pytest

from gateway.population import KnownPerson, Population
from gateway.problems import Refusal
from gateway.resolvers import resolve
from resources.catalogue import resource
from signing.iin import iin_birth_date, iin_sex, is_valid_iin, make_iin


@pytest.fixture(scope="module")
def population() -> Population:
    return Population(3000, seed=7)


def test_same_seed_gives_same_people_and_other_seed_differs(population: Population) -> None:
    again = Population(3000, seed=7)
    other = Population(3000, seed=8)
    for iin in population.sample_iins(50):
        assert again.person_by_iin(iin) == population.person_by_iin(iin)
    assert population.sample_iins(50) == again.sample_iins(50)
    assert set(population.sample_iins(3000)) != set(other.sample_iins(3000))


def test_every_iin_is_valid_unique_and_consistent_with_the_person(population: Population) -> None:
    iins = population.sample_iins(3000)
    assert len(iins) == len(set(iins)) == 3000
    for iin in iins:
        person = population.person_by_iin(iin)
        assert person is not None and person.iin == iin
        assert is_valid_iin(iin)
        assert person.birth_date == iin_birth_date(iin)
        assert person.sex == iin_sex(iin)


def test_names_follow_sex_with_kazakh_and_russian_forms(population: Population) -> None:
    people = [population.person(i) for i in range(3000)]
    endings = {p.patronymic[-4:] for p in people} | {p.patronymic[-3:] for p in people}
    assert {"ҰЛЫ", "ҚЫЗЫ", "ОВИЧ", "ОВНА"} <= endings
    for p in people:
        if p.sex == "M":
            assert not p.patronymic.endswith(("ҚЫЗЫ", "ВНА")), p
        else:
            assert not p.patronymic.endswith(("ҰЛЫ", "ВИЧ")), p
            if p.surname.endswith(("ОВ", "ЕВ")):
                pytest.fail(f"female with a male surname form: {p}")
    assert {p.address.split(",")[0] for p in people} >= {"Астана қ.", "Алматы қ."}


def test_unknown_iin_is_none_and_known_people_exist() -> None:
    known = KnownPerson(make_iin(dt.date(1985, 4, 12), "F", 42),
                        "ЖҰМАБАЕВА", "АЙГҮЛ", "СЕРІКҚЫЗЫ")
    pop = Population(100, seed=1, known=[known])
    person = pop.person_by_iin(known.iin)
    assert person is not None and (person.surname, person.first_name) == ("ЖҰМАБАЕВА", "АЙГҮЛ")
    assert person.sex == "F"
    assert known.iin not in pop.sample_iins(100)
    absent = next(i for i in (make_iin(dt.date(1999, 1, 1), "M", s)
                              for s in range(100)) if pop.person_by_iin(i) is None)
    assert pop.person_by_iin(absent) is None


@pytest.mark.req("R-Q-1")
def test_resolver_individuals(population: Population) -> None:
    iin = population.sample_iins(1)[0]
    (record,) = resolve(population, 1, {"iin": iin})
    assert list(record.fields) == [f.name for f in resource(1).fields]
    assert record.fields["iin"] == iin
    absent = next(i for i in (make_iin(dt.date(2004, 2, 29), "M", s) for s in range(100))
                  if population.person_by_iin(i) is None)
    assert resolve(population, 1, {"iin": absent}) == []  # nobody is an answer, not an error


VALID = make_iin(dt.date(1990, 1, 1), "M", 1)


@pytest.mark.parametrize("params", [
    {"iin": "123"}, {"iin": VALID[:11] + str((int(VALID[11]) + 1) % 10)}, {"iin": ""}, {},
    {"iin": "９００１０１３０００１７"}, {"iin": VALID, "extra": "x"},
])
def test_resolver_refuses_bad_params(population: Population, params: dict[str, str]) -> None:
    with pytest.raises(Refusal) as err:
        resolve(population, 1, params)
    assert err.value.code == "param_invalid"


@pytest.mark.parametrize("rid", [2, 11, 52])
def test_other_resources_are_served_with_their_own_params(population: Population,
                                                          rid: int) -> None:
    # All 52 are served now (tests/gateway/test_resources.py); №2 takes a BIN, not an IIN.
    iin = population.sample_iins(1)[0]
    if rid == 2:
        with pytest.raises(Refusal) as err:
            resolve(population, rid, {"iin": iin})
        assert err.value.code == "param_invalid"
    else:
        assert isinstance(resolve(population, rid, {"iin": iin}), list)
