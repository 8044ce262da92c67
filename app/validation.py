"""Checks on what the analyst types, before anything is signed."""

from __future__ import annotations

from resources.catalogue import Param, Resource
from signing.iin import is_valid_bin, is_valid_iin
from transport.protocol import Basis

DEFAULT_LEGAL_GROUND = (
    "ҚР «Қылмыстық жолмен алынған кірістерді заңдастыруға қарсы іс-қимыл туралы» Заңы"
)

MIN_PURPOSE = 5


def param_error(param: Param, value: str) -> str | None:
    """English reason why `value` does not fit `param`, or None."""
    value = value.strip()
    if not value:
        return "required" if param.required else None
    if param.type == "iin":
        if not (len(value) == 12 and value.isdigit()):
            return "an IIN has 12 digits"
        if not is_valid_iin(value):
            return "the IIN's check digit or date is wrong"
    if param.type == "bin":
        if not (len(value) == 12 and value.isdigit()):
            return "a BIN has 12 digits"
        if not is_valid_bin(value):
            return "the BIN's check digit is wrong"
    return None


def params_errors(resource: Resource, params: dict[str, str]) -> dict[str, str]:
    errors = {p.name: e for p in resource.params if (e := param_error(p, params.get(p.name, "")))}
    unknown = set(params) - {p.name for p in resource.params}
    errors.update({name: "not a parameter of this resource" for name in unknown})
    return errors


def basis_errors(case_number: str, legal_ground: str, purpose: str) -> dict[str, str]:
    """R-Q-2: every field of the basis is required; the purpose must say something."""
    errors: dict[str, str] = {}
    if not case_number.strip():
        errors["case_number"] = "required"
    elif len(case_number.strip()) > 64:
        errors["case_number"] = "at most 64 characters"
    if not legal_ground.strip():
        errors["legal_ground"] = "required"
    if len(purpose.strip()) < MIN_PURPOSE:
        errors["purpose"] = f"state the purpose (at least {MIN_PURPOSE} characters)"
    return errors


def make_basis(case_number: str, legal_ground: str, purpose: str) -> Basis:
    return Basis(case_number=case_number, legal_ground=legal_ground, purpose=purpose)
