"""The desk checks parameter sets as the gateway does and says precisely what is missing, in the
analyst's language (issue 11, R-Q-1)."""

from __future__ import annotations

import pytest

from app import messages
from app.errors import DeskError
from app.validation import given_params, params_errors, type_error
from gateway.problems import Refusal
from gateway.resolvers import check_params
from resources.catalogue import LANGS, catalogue, resource

pytestmark = pytest.mark.req("R-Q-1")

# A valid value of every parameter type.
GOOD = {"iin": "791028302728", "bin": "060840307431", "iin_or_bin": "060840307431",
        "date": "1979-10-28", "plate": "123ABC02", "vin": "XTA21099012345678",
        "phone": "+77011234567", "name": "ӘБІЛОВА", "document": "N12345678",
        "org_name": "«АЛТЫН ТРЕЙД» ЖШС", "text": "ЖШС «АЛТЫН»"}


def test_the_chosen_set_names_what_it_still_lacks() -> None:
    res = resource(1)
    blank = {"surname": "", "first_name": "", "patronymic": "", "birth_date": ""}
    assert params_errors(res, blank) == {"surname": "required", "first_name": "required",
                                         "birth_date": "required"}
    typed = {**blank, "surname": "Әбілова", "first_name": "Айгүл"}
    assert params_errors(res, typed) == {"birth_date": "required"}
    assert params_errors(res, {**typed, "birth_date": "1979-10-28"}) == {}
    foreign = {"document_number": "", "surname": "LI", "first_name": "NA"}
    assert params_errors(resource(24), foreign) == {"document_number": "required"}
    assert params_errors(res, {"iin": ""}) == {"iin": "required"}
    assert params_errors(res, {}) == {"iin": "need_one_param"}
    assert params_errors(res, {"iin": "791028302728", "surname": "X"}) == {
        "surname": "mixed_sets"}


def test_the_query_carries_only_what_was_typed() -> None:
    assert given_params({"surname": " ӘБІЛОВА ", "patronymic": "", "birth_date": "1979-10-28"}
                        ) == {"surname": "ӘБІЛОВА", "birth_date": "1979-10-28"}


def _complete(set_params: tuple[str, ...], types: dict[str, str]) -> dict[str, str]:
    return {name: GOOD[types[name]] for name in set_params}


@pytest.mark.parametrize("rid", sorted(catalogue()))
def test_desk_and_gateway_agree_on_every_set(rid: int) -> None:
    """Whole set: both accept. A required one left out, or another set's one added: both
    refuse (what the desk sends is what the gateway takes, and nothing else)."""
    res = resource(rid)
    types = {p.name: p.type for p in res.all_params}
    for pset in res.param_sets:
        whole = _complete(pset.required, types)
        assert params_errors(res, whole) == {}, (rid, pset.id)
        check_params(rid, whole)
        for name in pset.required:
            half = {k: v for k, v in whole.items() if k != name}
            assert params_errors(res, half), (rid, pset.id, name)
            with pytest.raises(Refusal):
                check_params(rid, half)
        other = next((p for s in res.param_sets if s is not pset for p in s.params
                      if p.name not in pset.names), None)
        if other is not None:
            mixed = {**whole, other.name: GOOD[other.type]}
            assert "mixed_sets" in params_errors(res, mixed).values(), (rid, pset.id)
            with pytest.raises(Refusal):
                check_params(rid, mixed)


def test_every_reason_either_side_gives_is_worded_in_three_languages() -> None:
    reasons = {type_error(kind, value) for kind in GOOD
               for value in ("x", "1" * 12, "\x00", "9" * 300, "a1", "«»", "n-1", " A")}
    reasons |= {"required", "not_a_param", "mixed_sets", "need_one_param", "empty_param",
                "too_many_matches", "ambiguous_matches"}
    reasons.discard(None)
    for reason in reasons:
        assert reason is not None
        texts = [messages.reason_text(reason, lang) for lang in LANGS]
        assert reason not in texts[0] and reason not in texts[1], reason  # worded, not coded
        assert len(set(texts)) == 3 or reason == "required", (reason, texts)


def test_a_desk_side_parameter_error_names_the_field_as_the_form_does() -> None:
    error = DeskError("param_invalid", field="birth_date", reason="required")
    assert error.text("ru") == "Поле «Дата рождения» заполнено неверно: обязательное поле"
    assert "Туған күні" in error.text("kk") and "Date of birth" in error.text("en")
