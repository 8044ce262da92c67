"""Resource resolvers: turn (resource, params) into result records for all 52 (R-Q-1)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from functools import partial

from gateway.population import Population
from gateway.problems import Refusal
from gateway.world import Subject, World, assets, business, events, links, persons, world_of
from gateway.world.common import Record
from resources.catalogue import PARAM_TYPES, Resource, catalogue
from signing.iin import is_valid_bin, is_valid_iin
from transport.protocol import ResultRecord

Finder = Callable[[World, Subject], list[Record]]

# Resource → what it tells about one subject; the subject comes from its IIN/BIN parameter.
FINDERS: dict[int, Finder] = {
    1: lambda w, s: [w.person(s.index).fields()],
    2: business.legal_entity,
    3: assets.real_estate,
    4: assets.land,
    5: assets.vehicles,
    6: assets.weapons,
    7: assets.wagons,
    8: assets.river_craft,
    9: assets.sea_vessels,
    10: assets.machinery,
    11: persons.pension,
    12: persons.disability,
    13: persons.services,
    14: persons.special_records,
    15: business.statistics,
    16: business.court_cases,
    17: persons.court_cards,
    18: persons.civil_servant,
    19: persons.photo,
    20: persons.form1,
    21: events.notary,
    22: links.civil_status,
    23: events.border_citizens,
    24: events.border_foreigners,
    25: business.taxpayer,
    26: business.licences,
    27: business.procurement,
    28: business.foreign_trade,
    29: events.passenger_declarations,
    30: assets.vehicle_declarations,
    31: business.foreign_workers,
    32: partial(business.subsoil, kind="hydrocarbons"),
    33: partial(business.subsoil, kind="solid"),
    34: business.budget_receipts,
    35: events.railway_tickets,
    36: business.telecom,
    37: persons.fugitive,
    38: persons.missing,
    39: business.unreliable,
    40: persons.contacts,
    41: persons.service_history,
    42: events.postal,
    43: persons.dispensary,
    44: events.temporary_registration,
    45: events.residence_permits,
    46: events.household_work_permits,
    47: events.emigration,
    48: events.invitations,
    49: events.citizenship,
    50: links.links1,
    51: links.links2,
    52: persons.mobile,
}
# The date field a "from_date" parameter filters on.
DATE_FIELD = {23: "crossed_on", 24: "crossed_on", 34: "payment_date", 35: "departure"}
# Subject kinds each parameter type can name.
_KINDS = {"iin": ("person",), "bin": ("company",), "iin_or_bin": ("person", "company")}

# R-Q-1: the same formats app/validation.py checks on the client.
_PLATE = re.compile(r"\d{3}[A-Z]{2,3}\d{2}")
_VIN = re.compile(r"[A-HJ-NPR-Z0-9]{17}")
_PHONE = re.compile(r"\+7\d{10}")
MAX_TEXT = 200


def type_ok(kind: str, value: str) -> bool:
    """Whether a non-empty value has the format of parameter type `kind`."""
    if kind == "iin":
        return is_valid_iin(value)
    if kind == "bin":
        return is_valid_bin(value)
    if kind == "iin_or_bin":
        return is_valid_iin(value) or is_valid_bin(value)
    if kind == "date":
        try:
            return len(value) == 10 and dt.date.fromisoformat(value).year >= 1900
        except ValueError:
            return False
    if kind == "plate":
        return _PLATE.fullmatch(value) is not None
    if kind == "vin":
        return _VIN.fullmatch(value) is not None
    if kind == "phone":
        return _PHONE.fullmatch(value) is not None
    if kind == "text":
        return len(value) <= MAX_TEXT and value.isprintable()
    return False


def check_params(resource_id: int, params: Mapping[str, str]) -> Resource:
    """Refuse unknown, missing and malformed parameters against the catalogue's definition."""
    res = catalogue().get(resource_id)
    if res is None or not res.queryable or resource_id not in FINDERS:
        raise Refusal("resource_unavailable", f"resource №{resource_id} is not served yet")
    known = {p.name for p in res.params}
    unknown = sorted(set(params) - known)
    if unknown:
        raise Refusal("param_invalid", f"unknown parameters: {', '.join(unknown)}")
    missing = [p.name for p in res.params if p.required and not params.get(p.name)]
    if missing:
        raise Refusal("param_invalid", f"missing parameters: {', '.join(missing)}")
    if res.any_of and not any(params.get(p.name) for p in res.params):
        raise Refusal("param_invalid", "give at least one parameter")
    for p in res.params:
        value = params.get(p.name, "")
        if value and not type_ok(p.type, value):
            raise Refusal("param_invalid", f"{p.name} is not a valid {p.type}", param=p.name)
    return res


def _subject(world: World, kind: str, value: str) -> Subject | None:
    s = world.subject(value)
    return s if s is not None and s.kind in _KINDS.get(kind, ()) else None


def _find(world: World, res: Resource, params: Mapping[str, str]) -> list[Record]:
    values = {p.name: params.get(p.name, "") for p in res.params}
    if res.id == 5 and values.get("plate"):
        found = assets.vehicle_by_plate(world, values["plate"])
    elif res.id == 5 and values.get("vin"):
        found = assets.vehicle_by_vin(world, values["vin"])
    elif res.id == 52 and values.get("phone") and not values.get("iin"):
        s = persons.person_by_phone(world, values["phone"])
        found = [] if s is None else persons.mobile(world, s)
    else:
        subject_param = next(p for p in res.params if p.type in _KINDS)
        s = _subject(world, subject_param.type, values[subject_param.name])
        # Nobody with that number is an answer, not an error.
        found = [] if s is None else FINDERS[res.id](world, s)
    # Every given parameter narrows the answer (e.g. owner and plate both given).
    for p in res.params:
        v = values[p.name]
        if v and p.type in ("plate", "vin", "phone"):
            field = {"plate": "plate", "vin": "vin", "phone": "phone_number"}[p.type]
            found = [r for r in found if r[field] == v]
        elif v and p.type == "date":
            found = [r for r in found if r[DATE_FIELD[res.id]] >= v]
    if res.id == 5 and values.get("owner") and found:
        owner = _subject(world, "iin_or_bin", values["owner"])
        found = [r for r in found if owner is not None and r["owner"].endswith(f"({owner.id})")]
    return found


def resolve(
    population: Population, resource_id: int, params: Mapping[str, str]
) -> list[ResultRecord]:
    """Records for the query; Refusal("param_invalid"/"resource_unavailable") otherwise."""
    res = check_params(resource_id, params)
    names = [f.name for f in res.fields]
    found = _find(world_of(population), res, params)
    # The catalogue's field names and order are the contract with the client.
    return [ResultRecord(fields={n: rec[n] for n in names}) for rec in found]


assert set(PARAM_TYPES) >= set(_KINDS)
