"""Households (civil status, №22) and the level-1/level-2 links of №50/51 (R-Q-1)."""

from __future__ import annotations

import datetime as dt

from gateway.world.codes import rng
from gateway.world.common import CITIES, Record, label
from gateway.world.core import Subject, World

HOUSEHOLD = 4  # synthetic people 4k..4k+3 form one family
_RELATION = {
    "parent": "ӘКЕСІ/ШЕШЕСІ / РОДИТЕЛЬ",
    "child": "БАЛАСЫ / РЕБЁНОК",
    "spouse": "ЖҰБАЙЫ / СУПРУГ(А)",
    "relative": "ТУЫСЫ / РОДСТВЕННИК",
}
_ROLE = {"founder": "ҚҰРЫЛТАЙШЫ / УЧРЕДИТЕЛЬ", "director": "БАСШЫ / РУКОВОДИТЕЛЬ"}
_CO = "СЕРІКТЕС: {bin} / СВЯЗЬ ЧЕРЕЗ {bin}"


def _adult_gap(a: dt.date, b: dt.date) -> bool:
    return (b - a).days >= 18 * 365


def relatives(world: World, index: int) -> list[tuple[int, str]]:
    """(person index, relation) within the household; symmetric by construction."""
    size = world.population.size
    if index >= size:
        return []  # known (sandbox) people have no family in the sandbox
    start = index - index % HOUSEHOLD
    members = [i for i in range(start, min(start + HOUSEHOLD, size))]
    people = {i: world.person(i) for i in members}
    males = [i for i in members if people[i].sex == "M"]
    females = [i for i in members if people[i].sex == "F"]
    couple = {males[0], females[0]} if males and females else set()
    me = people[index]
    out = []
    for i in members:
        if i == index:
            continue
        other = people[i]
        if _adult_gap(other.birth_date, me.birth_date):
            rel = "parent"
        elif _adult_gap(me.birth_date, other.birth_date):
            rel = "child"
        elif {i, index} == couple:
            rel = "spouse"
        else:
            rel = "relative"
        out.append((i, rel))
    return out


def civil_status(world: World, s: Subject) -> list[Record]:
    """Birth record, and a marriage record shared by both spouses (same number)."""
    p = world.person(s.index)
    r = rng(world.seed, "birthrec", s.code)
    out = [
        {
            "record_type": "ТУУ / РОЖДЕНИЕ",
            "record_number": f"{r.randrange(10**6):06d}",
            "registered_on": p.birth_date.isoformat(),
            "registry_office": f"{r.choice(CITIES)} АХАЖ / ЗАГС",
            "other_party": "",
        }
    ]
    for i, rel in relatives(world, s.index):
        if rel == "spouse":
            key = tuple(sorted((s.index, i)))
            m = rng(world.seed, "marriage", *key)
            out.append(
                {
                    "record_type": "НЕКЕ / БРАК",
                    "record_number": f"{m.randrange(10**6):06d}",
                    "registered_on": f"{m.randrange(1990, 2024)}-{m.randrange(1, 13):02d}-15",
                    "registry_office": f"{m.choice(CITIES)} АХАЖ / ЗАГС",
                    "other_party": label(world.person_subject(i)),
                }
            )
    return out


Link = tuple[Subject, str]


def level1(world: World, s: Subject) -> list[Link]:
    """Direct links, one per linked subject (relations joined), in a stable order."""
    found: dict[tuple[str, int], tuple[Subject, list[str]]] = {}

    def add(x: Subject, relation: str) -> None:
        if (x.kind, x.index) == (s.kind, s.index):
            return
        entry = found.setdefault((x.kind, x.index), (x, []))
        if relation not in entry[1]:
            entry[1].append(relation)

    if s.kind == "person":
        for i, rel in relatives(world, s.index):
            add(world.person_subject(i), _RELATION[rel])
        for j, role in world.roles_of(s.index):
            c = world.company(j)
            add(world.company_subject(j), _ROLE[role])
            # Co-founders and co-directors are linked directly through the company.
            for other in (*c.founders, c.director):
                add(world.person_subject(other), _CO.format(bin=c.bin))
    else:
        c = world.company(s.index)
        for f in c.founders:
            add(world.person_subject(f), _ROLE["founder"])
        add(world.person_subject(c.director), _ROLE["director"])
    return [(x, "; ".join(rels)) for x, rels in found.values()]


def _record(x: Subject, relation: str, path: list[Subject]) -> Record:
    return {
        "linked_id": x.id,
        "linked_name": x.name,
        "linked_kind": "ЖЕКЕ ТҰЛҒА / ФЛ" if x.kind == "person" else "ЗАҢДЫ ТҰЛҒА / ЮЛ",
        "relation": relation,
        "path": " → ".join(p.id for p in path),
    }


def links1(world: World, s: Subject) -> list[Record]:
    return [_record(x, rel, [s, x]) for x, rel in level1(world, s)]


def links2(world: World, s: Subject) -> list[Record]:
    """Links of links that are neither the subject nor a direct link, first path kept."""
    first = level1(world, s)
    seen = {(s.kind, s.index)} | {(x.kind, x.index) for x, _ in first}
    out = []
    for via, _ in first:
        for x, rel in level1(world, via):
            if (x.kind, x.index) not in seen:
                seen.add((x.kind, x.index))
                out.append(_record(x, rel, [s, via, x]))
    return out
