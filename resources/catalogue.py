"""The catalogue of the 52 resources of 2022 App.2 (R-Q-1), shared by client and gateway."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources as _res
from typing import Any

LANGS = ("kk", "ru", "en")

# Parameter types the client and the gateway both check (app/validation.py, gateway/resolvers).
PARAM_TYPES = ("iin", "bin", "iin_or_bin", "text", "date", "plate", "vin", "phone", "name",
               "document", "org_name")

# R-Q-1: formats both sides check the same way (IIN/BIN check digits live in signing.iin).
PLATE = re.compile(r"\d{3}[A-Z]{2,3}\d{2}")  # 123ABC02: number, letters, region
VIN = re.compile(r"[A-HJ-NPR-Z0-9]{17}")  # ISO 3779: no I, O or Q
PHONE = re.compile(r"\+7\d{10}")
DOCUMENT = re.compile(r"(?=[A-Z]*\d)[A-Z0-9]{5,15}")  # a passport: Latin capitals and digits
MAX_TEXT = 200
MIN_YEAR = 1900
MAX_NAME = 60
MIN_ORG_NAME = 2  # letters or digits in a company name


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # one of PARAM_TYPES
    label: dict[str, str]
    required: bool


@dataclass(frozen=True)
class ParamSet:
    """One complete way of naming what is asked about (by IIN, by name and birth date, ...)."""

    id: str
    label: dict[str, str]
    params: tuple[Param, ...]

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if p.required)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.params)


@dataclass(frozen=True)
class SetChoice:
    """Which parameter set the given names follow and what keeps them from being one set."""

    chosen: ParamSet | None  # None: nothing of any set was given
    unknown: tuple[str, ...]  # names no set and no common parameter has
    missing: tuple[str, ...]  # required names of `chosen` not given
    mixed: tuple[str, ...]  # given names that belong to another set than `chosen`

    @property
    def complete(self) -> bool:
        return self.chosen is not None and not (self.unknown or self.missing or self.mixed)


@dataclass(frozen=True)
class Field:
    name: str
    label: dict[str, str]


@dataclass(frozen=True)
class Resource:
    id: int
    name: dict[str, str]
    category: str  # a key of categories()
    truncated: bool  # R-Q-1: №11 returns no amounts
    param_sets: tuple[ParamSet, ...]  # alternatives: exactly one is given whole
    common: tuple[Param, ...]  # optional with any set (e.g. a date filter)
    fields: tuple[Field, ...]

    @property
    def params(self) -> tuple[Param, ...]:
        """The first (primary) way of asking: its parameters and the common ones."""
        return (*self.param_sets[0].params, *self.common) if self.param_sets else ()

    @property
    def all_params(self) -> tuple[Param, ...]:
        """Every parameter any set or the common part defines, each name once."""
        seen: dict[str, Param] = {}
        for p in (*(q for s in self.param_sets for q in s.params), *self.common):
            seen.setdefault(p.name, p)
        return tuple(seen.values())

    @property
    def queryable(self) -> bool:
        """A resource is offered only once its parameters and result fields are defined."""
        return bool(self.param_sets and self.fields)

    def param_set(self, set_id: str) -> ParamSet:
        return next(s for s in self.param_sets if s.id == set_id)

    def choose_set(self, given: Collection[str]) -> SetChoice:
        """The set `given` (parameter names with a value) follows; see SetChoice (R-Q-1)."""
        common = {p.name for p in self.common}
        known = {n for s in self.param_sets for n in s.names} | common
        unknown = tuple(sorted(set(given) - known))
        named = set(given) & (known - common)
        if not named:
            return SetChoice(None, unknown, (), ())
        holding = [s for s in self.param_sets if named <= s.names]
        if holding:  # the set closest to complete; the first on a tie
            chosen = min(holding, key=lambda s: len(set(s.required) - named))
        else:  # two sets mixed: the one holding most of what was given
            chosen = max(self.param_sets, key=lambda s: len(named & s.names))
        missing = tuple(n for n in chosen.required if n not in named)
        mixed = tuple(sorted(named - chosen.names))
        return SetChoice(chosen, unknown, missing, mixed)

    def title(self, lang: str) -> str:
        return f"№{self.id} {self.name.get(lang) or self.name['ru']}"

    def search_text(self) -> str:
        """Number and names in every language, folded for a filter box to match against."""
        names = " ".join(self.name.get(lang, "") for lang in LANGS)
        return fold(f"{self.id} №{self.id} {names}")


@dataclass(frozen=True)
class Role:
    """A role of 2022 App.1: who, on what basis, and which resources it reaches."""

    id: str
    name: dict[str, str]
    basis: dict[str, str]
    resources: frozenset[int]


def fold(text: str) -> str:
    """Case-, width- and ё-insensitive form of `text` for matching what a person typed."""
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")


def format_reason(kind: str, value: str) -> str | None:
    """Reason code why a non-empty `value` is not of `kind`, for the kinds without check
    digits (IIN/BIN need signing.iin: app/validation.py and gateway/resolvers.py)."""
    if kind == "date":
        return _date_reason(value)
    if kind == "plate":
        return None if PLATE.fullmatch(value) else "plate_format"
    if kind == "vin":
        return None if VIN.fullmatch(value) else "vin_format"
    if kind == "phone":
        return None if PHONE.fullmatch(value) else "phone_format"
    if kind == "document":
        return None if DOCUMENT.fullmatch(value) else "document_format"
    if kind == "name":
        return _name_reason(value)
    if kind in ("text", "org_name"):
        if len(value) > MAX_TEXT:
            return "text_too_long"
        if not value.isprintable():
            return "text_control"
        if kind == "org_name" and sum(c.isalnum() for c in value) < MIN_ORG_NAME:
            return "org_name_short"
        return None
    return "type_unknown"


def _date_reason(value: str) -> str | None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return "date_format"
    return None if len(value) == 10 and day.year >= MIN_YEAR else "date_format"


def _name_reason(value: str) -> str | None:
    if len(value) > MAX_NAME:
        return "name_too_long"
    # Letters of any script, single inner spaces, hyphens and apostrophes (ӘБІЛОВ, O'NEIL).
    if not (value[0].isalpha() and value[-1].isalpha()):
        return "name_letters"
    if any(not (c.isalpha() or c in " -'’") for c in value) or "  " in value:
        return "name_letters"
    return None


@cache
def _raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(
        _res.files("resources").joinpath("catalogue.json").read_text("utf-8"))
    return raw


@cache
def categories() -> dict[str, dict[str, str]]:
    """Category key → kk/ru/en label, in display order."""
    return dict(_raw()["categories"])


@cache
def roles() -> dict[str, Role]:
    """The role list of 2022 App.1 (R-Q-1)."""
    return {k: Role(id=k, name=v["name"], basis=v["basis"], resources=frozenset(v["resources"]))
            for k, v in _raw()["roles"].items()}


@cache
def param_sets() -> dict[str, ParamSet]:
    """Every way of asking the catalogue defines, by id (R-Q-1)."""
    return {k: ParamSet(id=k, label=v["label"], params=tuple(Param(**p) for p in v["params"]))
            for k, v in _raw()["param_sets"].items()}


@cache
def catalogue() -> dict[int, Resource]:
    sets = param_sets()
    out: dict[int, Resource] = {}
    for r in _raw()["resources"]:
        out[r["id"]] = Resource(
            id=r["id"],
            name=r["name"],
            category=r["category"],
            truncated=r["truncated"],
            param_sets=tuple(sets[s] for s in r["sets"]),
            common=tuple(Param(**p) for p in r["params"]),
            fields=tuple(Field(**f) for f in r["fields"]),
        )
    return out


def resource(resource_id: int) -> Resource:
    try:
        return catalogue()[resource_id]
    except KeyError:
        raise KeyError(f"no resource №{resource_id} in the catalogue (1–52)") from None
