"""The catalogue of the 52 resources of 2022 App.2 (R-Q-1), shared by client and gateway."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources as _res
from typing import Any

LANGS = ("kk", "ru", "en")

# Parameter types the client and the gateway both check (app/validation.py, gateway/resolvers).
PARAM_TYPES = ("iin", "bin", "iin_or_bin", "text", "date", "plate", "vin", "phone")


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # one of PARAM_TYPES
    label: dict[str, str]
    required: bool


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
    params: tuple[Param, ...]
    fields: tuple[Field, ...]

    @property
    def queryable(self) -> bool:
        """A resource is offered only once its parameters and result fields are defined."""
        return bool(self.params and self.fields)

    @property
    def any_of(self) -> bool:
        """No parameter is required on its own, so at least one of them must be given."""
        return bool(self.params) and not any(p.required for p in self.params)

    def title(self, lang: str) -> str:
        return f"№{self.id} {self.name.get(lang) or self.name['ru']}"


@dataclass(frozen=True)
class Role:
    """A role of 2022 App.1: who, on what basis, and which resources it reaches."""

    id: str
    name: dict[str, str]
    basis: dict[str, str]
    resources: frozenset[int]


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
def catalogue() -> dict[int, Resource]:
    out: dict[int, Resource] = {}
    for r in _raw()["resources"]:
        out[r["id"]] = Resource(
            id=r["id"],
            name=r["name"],
            category=r["category"],
            truncated=r["truncated"],
            params=tuple(Param(**p) for p in r["params"]),
            fields=tuple(Field(**f) for f in r["fields"]),
        )
    return out


def resource(resource_id: int) -> Resource:
    try:
        return catalogue()[resource_id]
    except KeyError:
        raise KeyError(f"no resource №{resource_id} in the catalogue (1–52)") from None
