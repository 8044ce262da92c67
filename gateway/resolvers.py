"""Resource resolvers: turn (resource, params) into result records for all 52 (R-Q-1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from functools import partial

from gateway.population import Population
from gateway.problems import Refusal
from gateway.world import Subject, World, assets, business, events, links, persons, search, world_of
from gateway.world.common import Record
from resources.catalogue import PARAM_TYPES, ParamSet, Resource, catalogue, format_reason
from signing.iin import is_valid_bin, is_valid_iin
from transport.protocol import ResultRecord

Finder = Callable[[World, Subject], list[Record]]

# Resource → what it tells about one subject; the subject comes from its IIN/BIN parameter.
FINDERS: dict[int, Finder] = {
    1: persons.registry_record,
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
# A search by name answers for at most this many subjects; more must be narrowed first.
MAX_MATCHES = 50
# Fields that say whose a record is: only resources with one may answer for several namesakes.
IDENTIFYING = frozenset({"iin", "bin", "subject_id"})


def type_ok(kind: str, value: str) -> bool:
    """Whether a non-empty value has the format of parameter type `kind` (as app/validation)."""
    if kind == "iin":
        return is_valid_iin(value)
    if kind == "bin":
        return is_valid_bin(value)
    if kind == "iin_or_bin":
        return is_valid_iin(value) or is_valid_bin(value)
    return format_reason(kind, value) is None


def _refuse(reason: str, names: Iterable[str], english: str) -> Refusal:
    """param_invalid whose detail starts "<reason> <name,...>: " — app.messages reads that
    prefix to tell the analyst in their language what to fix; the rest is for the journal."""
    return Refusal("param_invalid", f"{reason} {','.join(names)}: {english}", reason=reason)


def check_params(resource_id: int, params: Mapping[str, str]) -> tuple[Resource, ParamSet]:
    """The resource and the one parameter set `params` gives whole; refused strictly otherwise:
    unknown names, empty values, nothing, two sets mixed, a set half given, a bad format."""
    res = catalogue().get(resource_id)
    if res is None or not res.queryable or resource_id not in FINDERS:
        raise Refusal("resource_unavailable", f"resource №{resource_id} is not served yet")
    choice = res.choose_set(params)
    if choice.unknown:
        raise _refuse("not_a_param", choice.unknown, "unknown parameters")
    empty = sorted(k for k, v in params.items() if not v)
    if empty:
        raise _refuse("empty_param", empty, "a parameter is sent without a value")
    if choice.chosen is None:
        first = res.param_sets[0].params[0].name
        raise _refuse("need_one_param", [first], "no parameter set is given")
    if choice.mixed:
        raise _refuse("mixed_sets", choice.mixed,
                      f"parameters of another set than {choice.chosen.id!r} are given")
    if choice.missing:
        raise _refuse("required", choice.missing,
                      f"the parameter set {choice.chosen.id!r} is not complete")
    for p in (*choice.chosen.params, *res.common):
        value = params.get(p.name, "")
        if value and not type_ok(p.type, value):
            raise _refuse(_format_reason(p.type, value), [p.name],
                          f"{p.name} is not a valid {p.type}")
    return res, choice.chosen


def _format_reason(kind: str, value: str) -> str:
    if kind in _KINDS:
        digits = len(value) == 12 and value.isascii() and value.isdigit()
        return f"{kind}_check" if digits else f"{kind}_digits"
    return format_reason(kind, value) or "type_unknown"


def _subject(world: World, kind: str, value: str) -> Subject | None:
    s = world.subject(value)
    return s if s is not None and s.kind in _KINDS.get(kind, ()) else None


def _subjects(world: World, chosen: ParamSet, values: Mapping[str, str]) -> list[Subject]:
    """Whom the parameter set names: one subject by number, any number by name (R-Q-1)."""
    if chosen.id == "person_name":
        return search.persons_by_name(
            world, values["surname"], values["first_name"], values.get("patronymic", ""),
            dt.date.fromisoformat(values["birth_date"]))
    if chosen.id == "foreign_document":
        return search.foreigner_by_document(world, values["document_number"],
                                            values["surname"], values["first_name"])
    if chosen.id == "company_name":
        return search.companies_by_name(world, values["company_name"])
    p = chosen.params[0]
    s = _subject(world, p.type, values[p.name])
    return [] if s is None else [s]


def _find(world: World, res: Resource, chosen: ParamSet, values: Mapping[str, str]
          ) -> list[Record]:
    if chosen.id == "plate":
        found = assets.vehicle_by_plate(world, values["plate"])
    elif chosen.id == "vin":
        found = assets.vehicle_by_vin(world, values["vin"])
        if res.id == 30:  # the vehicle's declarations, found through its owner
            owner = found[0]["owner"] if found else ""
            found = [r for s in _owner_of(world, owner)
                     for r in FINDERS[30](world, s) if r["vin"] == values["vin"]]
    elif chosen.id == "phone":
        s = persons.person_by_phone(world, values["phone"])
        found = [] if s is None else [r for r in persons.mobile(world, s)
                                      if r["phone_number"] == values["phone"]]
    else:
        subjects = _subjects(world, chosen, values)
        if len(subjects) > MAX_MATCHES:
            raise _refuse("too_many_matches", [p.name for p in chosen.params],
                          f"more than {MAX_MATCHES} subjects match")
        if len(subjects) > 1 and not IDENTIFYING & {f.name for f in res.fields}:
            # Records of namesakes mixed in one answer could not be told apart.
            raise _refuse("ambiguous_matches", [p.name for p in chosen.params],
                          f"{len(subjects)} subjects match and №{res.id} does not say whose "
                          "a record is")
        # Nobody by that number or name is an answer, not an error.
        found = [r for s in subjects for r in FINDERS[res.id](world, s)]
    if values.get("from_date"):
        found = [r for r in found if r[DATE_FIELD[res.id]] >= values["from_date"]]
    return found


def _owner_of(world: World, label: str) -> list[Subject]:
    """The subject a record's "NAME (IIN/BIN)" owner label names."""
    number = label[-13:-1] if label.endswith(")") else ""
    s = world.subject(number)
    return [] if s is None else [s]


def resolve(
    population: Population, resource_id: int, params: Mapping[str, str]
) -> list[ResultRecord]:
    """Records for the query; Refusal("param_invalid"/"resource_unavailable") otherwise."""
    res, chosen = check_params(resource_id, params)
    names = [f.name for f in res.fields]
    found = _find(world_of(population), res, chosen, params)
    # The catalogue's field names and order are the contract with the client.
    return [ResultRecord(fields={n: rec[n] for n in names}) for rec in found]


assert set(PARAM_TYPES) >= set(_KINDS)
