"""The signed bytes: canonical JSON, Astana time and the wire models."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from transport.canonical import canonical_json, sha256_hex
from transport.clock import iso, parse_iso, to_astana
from transport.protocol import Basis, Problem, QueryRequest, Signed

BASIS = Basis(case_number="A-1", legal_ground="AML law", purpose="check a person")


def request(**over: object) -> QueryRequest:
    fields: dict[str, object] = dict(
        resource=1,
        params={"iin": "791028302728"},
        basis=BASIS,
        nonce="ab" * 16,
        issued_at="2026-11-21T14:00:00+05:00",
        user_iin="791028302728",
    )
    fields.update(over)
    return QueryRequest(**fields)  # type: ignore[arg-type]


def test_canonical_json_is_sorted_compact_utf8() -> None:
    assert canonical_json({"b": 1, "a": "Қазақ"}) == '{"a":"Қазақ","b":1}'.encode()


def test_canonical_json_refuses_floats() -> None:
    with pytest.raises(ValueError, match="floats"):
        canonical_json({"amount": 1.5})


def test_same_request_same_bytes_regardless_of_key_order() -> None:
    a = request(params={"iin": "791028302728"})
    assert a.canonical() == QueryRequest.model_validate_json(a.canonical()).canonical()
    assert sha256_hex(a.canonical()) == sha256_hex(a.canonical())


@pytest.mark.req("R-Q-5")
def test_astana_time_is_utc_plus_5() -> None:
    moment = to_astana(datetime(2026, 11, 21, 9, 0, tzinfo=UTC))
    assert iso(moment) == "2026-11-21T14:00:00+05:00"
    with pytest.raises(ValueError):
        parse_iso("2026-11-21T14:00:00")


@pytest.mark.req("R-Q-2")
@pytest.mark.parametrize("field", ["case_number", "legal_ground", "purpose"])
def test_basis_fields_are_required(field: str) -> None:
    values = {"case_number": "A-1", "legal_ground": "AML law", "purpose": "check a person"}
    values[field] = "   "
    with pytest.raises(ValidationError):
        Basis(**values)


def test_request_refuses_unknown_fields_and_bad_resource() -> None:
    with pytest.raises(ValidationError):
        QueryRequest.model_validate({**request().model_dump(), "extra": 1})
    with pytest.raises(ValidationError):
        request(resource=53)


def test_signed_rejects_bad_base64() -> None:
    with pytest.raises(ValueError, match="base64"):
        Signed(payload="***", signature="").payload_bytes()
    assert Signed.wrap(b"x", b"y").payload_bytes() == b"x"


def test_problem_code_is_snake_case() -> None:
    with pytest.raises(ValidationError):
        Problem(title="t", status=400, code="Bad Code")
