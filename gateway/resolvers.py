"""Resource resolvers: turn (resource, params) into result records (R-Q-1)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from gateway.population import Population
from gateway.problems import Refusal
from resources.catalogue import catalogue
from signing.iin import is_valid_iin
from transport.protocol import ResultRecord

Resolver = Callable[[Population, Mapping[str, str]], list[ResultRecord]]


def _individuals(population: Population, params: Mapping[str, str]) -> list[ResultRecord]:
    iin = params.get("iin", "")
    if not is_valid_iin(iin):
        raise Refusal("param_invalid", "iin must be a valid 12-digit IIN", param="iin")
    person = population.person_by_iin(iin)
    # Nobody with that IIN is an answer, not an error.
    return [] if person is None else [ResultRecord(fields=person.fields())]


RESOLVERS: dict[int, Resolver] = {1: _individuals}


def check_params(resource_id: int, params: Mapping[str, str]) -> None:
    """Refuse unknown and missing parameters against the catalogue's definition."""
    res = catalogue().get(resource_id)
    if res is None or not res.queryable or resource_id not in RESOLVERS:
        raise Refusal("resource_unavailable", f"resource №{resource_id} is not served yet")
    known = {p.name for p in res.params}
    unknown = sorted(set(params) - known)
    if unknown:
        raise Refusal("param_invalid", f"unknown parameters: {', '.join(unknown)}")
    missing = [p.name for p in res.params if p.required and not params.get(p.name)]
    if missing:
        raise Refusal("param_invalid", f"missing parameters: {', '.join(missing)}")


def resolve(population: Population, resource_id: int,
            params: Mapping[str, str]) -> list[ResultRecord]:
    """Records for the query; Refusal("param_invalid"/"resource_unavailable") otherwise."""
    check_params(resource_id, params)
    return RESOLVERS[resource_id](population, params)
