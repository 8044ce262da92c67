"""What the analyst types is checked before anything is signed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import DeskError
from app.messages import _TEXTS, LANGS, text
from app.policy import load_policy
from app.validation import basis_errors, params_errors
from resources.catalogue import catalogue, resource


def test_catalogue_has_the_52_resources_with_three_languages() -> None:
    cat = catalogue()
    assert sorted(cat) == list(range(1, 53))
    assert all(set(r.name) == set(LANGS) and all(r.name.values()) for r in cat.values())
    assert cat[11].truncated and not any(r.truncated for i, r in cat.items() if i != 11)
    assert resource(1).queryable


@pytest.mark.req("R-Q-1")
def test_iin_parameter_checked() -> None:
    res = resource(1)
    assert params_errors(res, {"iin": "791028302728"}) == {}
    assert params_errors(res, {"iin": "7910"})["iin"] == "iin_digits"
    assert params_errors(res, {"iin": "791028302729"})["iin"] == "iin_check"
    assert params_errors(res, {"iin": "791028302728", "x": "1"}) == {
        "x": "not_a_param"
    }


@pytest.mark.req("R-Q-2")
def test_basis_all_fields_required() -> None:
    assert basis_errors("A-1", "AML law", "check a person") == {}
    assert set(basis_errors("", "", "abc")) == {"case_number", "legal_ground", "purpose"}


def test_every_message_exists_in_every_language_and_formats() -> None:
    for code in _TEXTS:
        for lang in LANGS:
            out = text(
                code, lang, detail="D", field="F", resource=5, code="c", path="/p", attempts_left=2
            )
            assert "{" not in out, (code, lang, out)
    assert "2" in text("pin_incorrect", "ru", attempts_left=2)
    assert DeskError("token_absent").text("kk").startswith("ЭЦҚ")


def test_policy_missing_and_invalid_are_named(tmp_path: Path) -> None:
    with pytest.raises(DeskError) as missing:
        load_policy(tmp_path / "policy.json")
    assert missing.value.code == "policy_missing"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"gateway_url": "https://gw"}))
    with pytest.raises(DeskError) as invalid:
        load_policy(bad)
    assert invalid.value.code == "policy_invalid" and "ca_file" in invalid.value.text("en")
    bad.write_text("{not json")
    with pytest.raises(DeskError, match="invalid") as broken:
        load_policy(bad)
    assert broken.value.code == "policy_invalid"


def test_every_reason_code_has_three_languages() -> None:
    from app.messages import _REASONS, reason_text
    from app.validation import type_error

    for code in _REASONS:
        row = [reason_text(code, lang) for lang in LANGS]
        assert len(row) == 3 and all(row), code
        for lang in LANGS:
            assert "{" not in reason_text(code, lang), (code, lang)
    kinds = ["iin", "bin", "iin_or_bin", "date", "plate", "vin", "phone", "text"]
    produced = {type_error(k, v) for k in kinds for v in ("x", "1" * 12, "\x00", "9" * 300)}
    assert produced - {None} <= set(_REASONS)
    assert reason_text("iin_check", "kk").startswith("ЖСН")
    assert DeskError("param_invalid", field="iin", reason="iin_digits").text("ru").endswith(
        "ИИН состоит из 12 цифр"
    )
