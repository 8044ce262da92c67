"""The report's rows rendered the quick way (issue 13: values put into a template of their
keys) are byte for byte what json.dumps(indent=2) gives, whatever the values hold (R-CTL-1)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gateway.reports import _row_text

pytestmark = pytest.mark.req("R-CTL-1")

ODD: list[Any] = [
    None, 0, -7, 2**70, True, False, 1.5, "", 'a "quoted" \\ back\nslash\t\x00\x1f\x7f',
    "ҚР Заңы, 16-бап", "\u202e\u2028\ud800", "100% %s %(x)s", {}, [],
    {"iin": "900101300015", "b": [1, {"c": None}], "n": 2.5}, [{"a": []}, "x"],
]


def _expected(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n    ")


@pytest.mark.parametrize("value", ODD, ids=range(len(ODD)))
def test_a_row_renders_as_json_dumps_does(value: Any) -> None:
    row = {"seq": 1, "at": "2025-03-04T12:00:00.000+05:00", "params": value, "code": value,
           "disposition_seq": None}
    assert _row_text(row) == _expected(row)


def test_rows_of_other_keys_get_their_own_template() -> None:
    one, two = {"seq": 1, "outcome": "refused"}, {"outcome": "refused", "seq": 1}
    assert (_row_text(one), _row_text(two)) == (_expected(one), _expected(two))
