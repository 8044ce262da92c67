"""Checks on what the analyst types, before anything is signed."""

from __future__ import annotations

import datetime as dt
import re

from resources.catalogue import Param, Resource
from signing.iin import is_valid_bin, is_valid_iin
from transport import text
from transport.protocol import BASIS_MINIMUM, Basis

DEFAULT_LEGAL_GROUND = (
    "ҚР «Қылмыстық жолмен алынған кірістерді заңдастыруға қарсы іс-қимыл туралы» Заңы"
)

MIN_PURPOSE = 5
MAX_CASE = 64

# R-Q-1: the formats of the catalogue's parameter types (the gateway checks the same).
_PLATE = re.compile(r"\d{3}[A-Z]{2,3}\d{2}")  # 123ABC02: number, letters, region
_VIN = re.compile(r"[A-HJ-NPR-Z0-9]{17}")  # ISO 3779: no I, O or Q
_PHONE = re.compile(r"\+7\d{10}")
MAX_TEXT = 200


def param_error(param: Param, value: str) -> str | None:
    """Reason code (app.messages.reason_text) why `value` does not fit `param`, or None."""
    value = value.strip()
    if not value:
        return "required" if param.required else None
    return type_error(param.type, value)


def type_error(kind: str, value: str) -> str | None:
    """Reason code why a non-empty `value` is not of parameter type `kind`, or None."""
    if kind in ("iin", "bin", "iin_or_bin"):
        if not (len(value) == 12 and value.isascii() and value.isdigit()):
            return f"{kind}_digits"
        ok = {"iin": is_valid_iin(value), "bin": is_valid_bin(value),
              "iin_or_bin": is_valid_iin(value) or is_valid_bin(value)}[kind]
        return None if ok else f"{kind}_check"
    if kind == "date":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return "date_format"
        return None if len(value) == 10 and day.year >= 1900 else "date_format"
    if kind == "plate":
        return None if _PLATE.fullmatch(value) else "plate_format"
    if kind == "vin":
        return None if _VIN.fullmatch(value) else "vin_format"
    if kind == "phone":
        return None if _PHONE.fullmatch(value) else "phone_format"
    if kind == "text":
        if len(value) > MAX_TEXT:
            return "text_too_long"
        return None if value.isprintable() else "text_control"
    return "type_unknown"


def params_errors(resource: Resource, params: dict[str, str]) -> dict[str, str]:
    """Parameter name → reason code for everything wrong with `params`."""
    errors = {p.name: e for p in resource.params if (e := param_error(p, params.get(p.name, "")))}
    unknown = set(params) - {p.name for p in resource.params}
    errors.update({name: "not_a_param" for name in unknown})
    if resource.any_of and not errors and not any(params.get(p.name, "").strip()
                                                  for p in resource.params):
        errors[resource.params[0].name] = "need_one_param"
    return errors


def basis_errors(case_number: str, legal_ground: str, purpose: str) -> dict[str, str]:
    """R-Q-2: every field of the basis is required and must say something a reader can see."""
    errors: dict[str, str] = {}
    fields = {"case_number": case_number, "legal_ground": legal_ground, "purpose": purpose}
    for name, value in fields.items():
        if not value.strip():
            errors[name] = "required"
        elif (reason := text.problem(value, BASIS_MINIMUM[name])) is not None:
            errors[name] = "purpose_short" if (name == "purpose" and
                                               reason == "text_invisible") else reason
    if "case_number" not in errors and len(text.normalised(case_number)) > MAX_CASE:
        errors["case_number"] = "case_too_long"
    return errors


def make_basis(case_number: str, legal_ground: str, purpose: str) -> Basis:
    return Basis(case_number=case_number, legal_ground=legal_ground, purpose=purpose)
