"""All 52 resources of 2022 App.2: catalogue, parameters on both sides, answers (R-Q-1)."""

from __future__ import annotations

import re

import pytest

from app.validation import param_error, params_errors
from gateway.population import Population
from gateway.problems import Refusal
from gateway.registry import ROLE_RESOURCES
from gateway.resolvers import check_params, resolve, type_ok
from gateway.world import world_of
from resources.catalogue import LANGS, PARAM_TYPES, Param, catalogue, categories, roles
from tests.gateway.helpers import Gw, bearer, login, query_request, signed_query
from transport.protocol import API_PREFIX, QueryResult, Signed

pytestmark = pytest.mark.req("R-Q-1")

# A good and some bad values of every parameter type: both sides must agree on each.
SAMPLES: dict[str, tuple[str, list[str]]] = {
    "iin": ("791028302728", ["7910", "791028302729", "79102830272x"]),
    "bin": ("060840307431", ["06084030743", "060840307432", "791028302728"]),
    "iin_or_bin": ("060840307431", ["791028302729", "12345678901a"]),
    "text": ("ЖШС «АЛТЫН»", ["x" * 201, "a\x00b"]),
    "date": ("2024-01-31", ["2024-02-30", "31.01.2024", "20240131", "1800-01-01"]),
    "plate": ("123ABC02", ["123abc02", "12ABC02", "123ABC2", "ABC12302"]),
    "vin": ("XTA21099012345678", ["XTA2109901234567", "XTA2109901234567O", "xta21099012345678"]),
    "phone": ("+77011234567", ["87011234567", "+7701123456", "+7 701 123 45 67"]),
}


@pytest.fixture(scope="module")
def population() -> Population:
    return Population(2000, seed=5)


def test_catalogue_52_items_three_languages_categories_and_types() -> None:
    cat = catalogue()
    assert sorted(cat) == list(range(1, 53))
    assert set(categories()) == {r.category for r in cat.values()}
    for labels in categories().values():
        assert set(labels) == set(LANGS) and all(labels.values())
    for r in cat.values():
        assert r.queryable, r.id
        assert set(r.name) == set(LANGS) and all(r.name.values())
        names = [f.name for f in r.fields]
        assert len(names) == len(set(names))
        for x in (*r.params, *r.fields):
            assert set(x.label) == set(LANGS) and all(x.label.values()), (r.id, x.name)
        assert all(p.type in PARAM_TYPES for p in r.params)
        # Every resource is found through an IIN/BIN (№5 and №52 also by plate, VIN, phone).
        assert any(p.type in ("iin", "bin", "iin_or_bin") for p in r.params)
    assert {p.type for r in cat.values() for p in r.params} <= set(SAMPLES)


def test_role_list_of_app1_matches_the_registry() -> None:
    role = roles()["afm_analyst"]
    assert role.resources == frozenset(range(1, 53)) == ROLE_RESOURCES["afm_analyst"]
    assert role.name["en"] == "AFM employee" and role.basis["en"] == "Financial monitoring"


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_every_param_type_is_checked_the_same_on_both_sides(kind: str) -> None:
    good, bad = SAMPLES[kind]
    param = Param(name="x", type=kind, label={}, required=True)
    assert param_error(param, good) is None and type_ok(kind, good)
    for value in bad:
        assert param_error(param, value) is not None, (kind, value)
        assert not type_ok(kind, value), (kind, value)


def test_gateway_refuses_malformed_missing_and_unknown_params(population: Population) -> None:
    for rid, params in [(1, {"iin": "791028302729"}), (5, {"plate": "12ABC02"}), (5, {}),
                        (52, {"phone": "87011234567"}), (23, {"iin": "791028302728",
                                                              "from_date": "2024-13-01"}),
                        (2, {"iin": "791028302728"}), (2, {})]:
        with pytest.raises(Refusal) as exc:
            resolve(population, rid, params)
        assert exc.value.code == "param_invalid", (rid, params)
    res = catalogue()[5]
    assert params_errors(res, {}) == {"owner": "need_one_param"}


def example(population: Population, rid: int, start: int = 0) -> dict[str, str]:
    """Params of a subject that has at least one record in resource `rid`."""
    world = world_of(population)
    first = catalogue()[rid].params[0]
    people = population.sample_iins(population.size, seed=rid)
    bins = [world.company(j).bin for j in range(world.company_count)]
    pool = {"iin": people, "bin": bins, "iin_or_bin": bins + people}[first.type]
    for value in pool[start:]:
        if resolve(population, rid, {first.name: value}):
            return {first.name: value}
    raise AssertionError(f"no subject answers in №{rid}")


@pytest.mark.parametrize("rid", range(1, 53))
def test_every_resource_answers_in_catalogue_fields_and_unknown_is_empty(
        population: Population, rid: int) -> None:
    res = catalogue()[rid]
    params = example(population, rid)
    records = resolve(population, rid, params)
    names = [f.name for f in res.fields]
    for rec in records:
        assert list(rec.fields) == names  # exactly the catalogue's fields, in its order
        assert all(isinstance(v, str) for v in rec.fields.values())
    assert records == resolve(Population(2000, seed=5), rid, params)  # deterministic
    first = res.params[0]
    nobody = "060840307431" if first.type == "bin" else "791028302728"
    assert resolve(population, rid, {first.name: nobody}) == []


_MONEY = re.compile(r"\d[\d\s]*[.,]\d{2}\b|\d\s*(₸|тг|KZT|тенге|теңге)|(₸|KZT)\s*\d", re.I)


def test_pension_contributions_never_carry_an_amount(population: Population) -> None:
    res = catalogue()[11]
    assert res.truncated
    for f in res.fields:
        assert not re.search(r"amount|sum|сумм|сома|₸", f.name + " " + " ".join(f.label.values()),
                             re.I), f
    seen = 0
    for iin in population.sample_iins(2000):
        for rec in resolve(population, 11, {"iin": iin}):
            seen += 1
            assert not any(re.search(r"amount|sum", k, re.I) for k in rec.fields), rec
            for v in rec.fields.values():
                assert not _MONEY.search(v), rec
    assert seen > 100


def test_lookups_by_plate_vin_phone_and_date_filter(population: Population) -> None:
    owner = example(population, 5)["owner"]
    car = resolve(population, 5, {"owner": owner})[0].fields
    assert resolve(population, 5, {"plate": car["plate"]})[0].fields == car
    assert resolve(population, 5, {"vin": car["vin"]})[0].fields == car
    with pytest.raises(Refusal):  # owner and plate are two ways of asking, not one (R-Q-1)
        resolve(population, 5, {"owner": "060840307431", "plate": car["plate"]})
    iin = example(population, 52)["iin"]
    number = resolve(population, 52, {"iin": iin})[0].fields["phone_number"]
    assert [r.fields["iin"] for r in resolve(population, 52, {"phone": number})] == [iin]
    subject = example(population, 35)
    trips = resolve(population, 35, {**subject, "from_date": "2030-01-01"})
    assert trips == []


def test_a_resource_without_fields_is_unavailable(monkeypatch: pytest.MonkeyPatch,
                                                  population: Population) -> None:
    import dataclasses

    cat = dict(catalogue())
    cat[2] = dataclasses.replace(cat[2], fields=())
    monkeypatch.setattr("gateway.resolvers.catalogue", lambda: cat)
    with pytest.raises(Refusal) as exc:
        check_params(2, {"bin": "060840307431"})
    assert exc.value.code == "resource_unavailable"


def test_all_52_through_the_gateway_signed(gw: Gw) -> None:
    if gw.db_url.startswith("postgresql"):
        pytest.skip("one backend is enough for the resource answers")
    from signing.sandbox_pki import SANDBOX_USERS

    analyst = SANDBOX_USERS[0]
    auth, sign = gw.pki.software_signers(analyst)[:2]
    token = login(gw.client, auth)
    population = gw.client.app.state.population  # type: ignore[attr-defined]
    for rid in range(1, 53):
        req = query_request(analyst.iin, resource=rid, params=example(population, rid))
        response = gw.client.post(f"{API_PREFIX}/queries", json=signed_query(req, sign),
                                  headers=bearer(token))
        assert response.status_code == 200, (rid, response.text)
        result = QueryResult.model_validate_json(Signed.model_validate(response.json())
                                                 .payload_bytes())
        assert result.resource == rid and result.records
        # Canonical JSON sorts keys on the wire; the client shows them in catalogue order.
        names = {f.name for f in catalogue()[rid].fields}
        assert all(set(r.fields) == names for r in result.records)

