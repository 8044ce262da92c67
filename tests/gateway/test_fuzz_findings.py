"""What schemathesis found in the gateway (issue 9), each pinned by a test of its own."""

from __future__ import annotations

import pytest

from gateway import reports
from gateway.cli import main
from gateway.registry import SANDBOX_OPERATOR
from transport.protocol import API_PREFIX

from .helpers import Gw, bearer, login

REPORTS = f"{API_PREFIX}/reports"


@pytest.mark.parametrize(("start", "end", "detail"), [
    ("2024-01-01", "9999-12-31", "to is before 9999-12-31"),  # was a 500 (date overflow)
    ("20240101", "2024-01-02", "YYYY-MM-DD"),  # ISO basic form: not what the document says
    ("2024-01-01", "2024-W01-2", "YYYY-MM-DD"),  # ISO week form
    ("2024-01-02", "2024-01-01", "from is after to"),
    ("", "", "YYYY-MM-DD"),
    ("2024-02-30", "2024-03-01", "YYYY-MM-DD"),
])
def test_a_report_period_is_two_dates_in_order(gw: Gw, start: str, end: str,
                                               detail: str) -> None:
    token = login(gw.client, gw.pki.software_signers(SANDBOX_OPERATOR)[0])
    response = gw.client.get(REPORTS, params={"from": start, "to": end}, headers=bearer(token))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "param_invalid"
    assert detail in response.json()["detail"]


def test_the_last_day_but_one_is_a_period_still(gw: Gw) -> None:
    token = login(gw.client, gw.pki.software_signers(SANDBOX_OPERATOR)[0])
    response = gw.client.get(REPORTS, params={"from": "0001-01-01", "to": "9999-12-30"},
                             headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json()["period"] == {"from": "0001-01-01", "to": "9999-12-30",
                                         "zone": "Asia/Almaty"}


def test_the_command_line_report_refuses_the_same_periods(
        tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--from", "2024-01-01", "--to", "9999-12-31", "--db",
                 "sqlite://"]) == 2
    assert "to is before 9999-12-31" in capsys.readouterr().err
    with pytest.raises(ValueError, match="from is after to"):
        reports.period("2024-01-02", "2024-01-01")
