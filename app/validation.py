"""Checks on what the analyst types, before anything is signed."""

from __future__ import annotations

from resources.catalogue import Param, Resource, format_reason
from signing.iin import is_valid_bin, is_valid_iin
from transport import text
from transport.protocol import BASIS_MINIMUM, Basis

DEFAULT_LEGAL_GROUND = (
    "ҚР «Қылмыстық жолмен алынған кірістерді заңдастыруға қарсы іс-қимыл туралы» Заңы"
)

MIN_PURPOSE = 5
MAX_CASE = 64


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
    return format_reason(kind, value)


def params_errors(resource: Resource, params: dict[str, str]) -> dict[str, str]:
    """Parameter name → reason code for everything wrong with `params` (R-Q-1).

    The names present (empty or not) say which parameter set is meant — the query page passes
    every field of the set the analyst chose — so what that set still lacks is named precisely;
    names of another set, or of none, are reasons of their own."""
    choice = resource.choose_set(set(params))
    errors = {name: "not_a_param" for name in choice.unknown}
    errors.update({name: "mixed_sets" for name in choice.mixed})
    if choice.chosen is None:
        if not errors:
            errors[resource.param_sets[0].params[0].name] = "need_one_param"
        return errors
    for p in (*choice.chosen.params, *resource.common):
        if p.name in errors:
            continue
        if (reason := param_error(p, params.get(p.name, ""))) is not None:
            errors[p.name] = reason
    return errors


def given_params(params: dict[str, str]) -> dict[str, str]:
    """Only what the analyst typed, trimmed: the signed query carries nothing else (R-Q-1)."""
    return {k: v.strip() for k, v in params.items() if v.strip()}


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
