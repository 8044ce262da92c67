"""The synthetic sandbox world behind the 52 resources (R-Q-1)."""

from __future__ import annotations

import time

import pytest

from gateway.population import Population
from gateway.resolvers import resolve
from gateway.world import World, assets, links, persons, world_of
from resources.catalogue import resource
from signing.iin import is_valid_bin, is_valid_iin

pytestmark = pytest.mark.req("R-Q-1")


@pytest.fixture(scope="module")
def world() -> World:
    return world_of(Population(2000, seed=11))


def test_same_seed_same_world_other_seed_differs(world: World) -> None:
    again = World(Population(2000, seed=11))
    other = World(Population(2000, seed=12))
    for j in range(0, world.company_count, 37):
        assert again.company(j) == world.company(j)
    assert [world.company(j).bin for j in range(50)] != [other.company(j).bin for j in range(50)]
    for iin in world.population.sample_iins(30):
        for rid in (3, 5, 22, 50, 51):
            a = resolve(world.population, rid, {p: iin for p in _subject_param(rid)})
            b = resolve(again.population, rid, {p: iin for p in _subject_param(rid)})
            assert a == b


def _subject_param(rid: int) -> list[str]:
    return {5: ["owner"]}.get(rid, ["iin" if rid == 22 else "subject"])


def test_companies_have_valid_unique_bins_and_real_people(world: World) -> None:
    bins = [world.company(j).bin for j in range(world.company_count)]
    assert len(set(bins)) == len(bins) == 400 and all(is_valid_bin(b) for b in bins)
    for j in range(world.company_count):
        c = world.company(j)
        assert world.company_by_bin(c.bin) == j
        for i in (*c.founders, c.director):
            assert is_valid_iin(world.person(i).iin)
            assert j in {k for k, _ in world.roles_of(i)}


def test_plates_vins_and_phones_lead_back_to_their_owner(world: World) -> None:
    seen = 0
    for code in range(0, world.owner_codes, 7):
        owner = world.subject_by_code(code)
        assert owner is not None
        for v in assets.vehicles(world, owner):
            assert assets.vehicle_by_plate(world, v["plate"]) == [v]
            assert assets.vehicle_by_vin(world, v["vin"]) == [v]
            seen += 1
        if owner.kind == "person":
            for number in persons.phones(world, owner):
                assert persons.person_by_phone(world, number) == owner
    assert seen > 50
    assert assets.vehicle_by_plate(world, "000AAA00") == []
    assert persons.person_by_phone(world, "+77000000000") is None


def test_level1_links_are_symmetric_and_level2_excludes_level1(world: World) -> None:
    subjects = [world.person_subject(i) for i in range(0, 2000, 9)]
    subjects += [world.company_subject(j) for j in range(0, world.company_count, 9)]
    for s in subjects:
        first = links.level1(world, s)
        ids = [x.id for x, _ in first]
        assert len(ids) == len(set(ids)) and s.id not in ids
        for x, _ in first:
            assert s.id in {y.id for y, _ in links.level1(world, x)}, (s, x)
        second = links.links2(world, s)
        second_ids = [r["linked_id"] for r in second]
        assert len(second_ids) == len(set(second_ids))
        assert not set(second_ids) & (set(ids) | {s.id})
        for r in second:
            a, via, b = r["path"].split(" → ")
            assert a == s.id and via in ids and b == r["linked_id"]


def test_family_relations_mirror_and_spouses_share_one_marriage_record(world: World) -> None:
    inverse = {"parent": "child", "child": "parent", "spouse": "spouse", "relative": "relative"}
    for i in range(400):
        for j, rel in links.relatives(world, i):
            assert (i, inverse[rel]) in links.relatives(world, j)
            if rel == "spouse":
                numbers = [
                    [r["record_number"] for r in links.civil_status(world, world.person_subject(k))
                     if r["record_type"].startswith("НЕКЕ")]
                    for k in (i, j)
                ]
                assert numbers[0] == numbers[1] and len(numbers[0]) == 1


def test_world_indexes_build_fast_and_lookups_are_cheap() -> None:
    pop = Population(10_000)
    t0 = time.perf_counter()
    pop.sample_iins(0)
    world_of(pop).prepare()
    built = time.perf_counter() - t0
    assert built < 2.0, built  # generous for slow CI; bench/world.py gives the real figure
    iin = pop.sample_iins(1)[0]
    t0 = time.perf_counter()
    for rid in range(1, 53):
        first = resource(rid).params[0]
        if first.type in ("iin", "iin_or_bin"):
            resolve(pop, rid, {first.name: iin})
    assert time.perf_counter() - t0 < 1.0
