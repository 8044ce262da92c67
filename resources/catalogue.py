"""The catalogue of the 52 resources of 2022 App.2 (R-Q-1), shared by client and gateway."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources as _res

LANGS = ("kk", "ru", "en")


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # "iin" | "bin" | "text"
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
    truncated: bool  # R-Q-1: №11 returns no amounts
    params: tuple[Param, ...]
    fields: tuple[Field, ...]

    @property
    def queryable(self) -> bool:
        """A resource is offered only once its parameters and result fields are defined."""
        return bool(self.params and self.fields)

    def title(self, lang: str) -> str:
        return f"№{self.id} {self.name.get(lang) or self.name['ru']}"


@cache
def catalogue() -> dict[int, Resource]:
    raw = json.loads(_res.files("resources").joinpath("catalogue.json").read_text("utf-8"))
    out: dict[int, Resource] = {}
    for r in raw["resources"]:
        out[r["id"]] = Resource(
            id=r["id"],
            name=r["name"],
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
