"""The gateway's control routes (issue 13; R-CTL-1, R-CTL-3): the signed review and what it
refuses, the reminder's state, a request's trail with signatures re-verified, and who may read
them. On SQLite and PostgreSQL (the gateway tests' fixture)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import update

from gateway import journal
from gateway.models import users
from signing.sandbox_pki import SANDBOX_USERS
from tests.gateway.conftest import db_url, gw  # noqa: F401 - fixtures
from tests.gateway.helpers import Gw, bearer, login, query_request, sign_payload, signed_query
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, QueryRequest, ReviewStatement

ANALYST, CONTROLLER = SANDBOX_USERS[0], SANDBOX_USERS[2]
REVIEWS, LAST = f"{API_PREFIX}/control/reviews", f"{API_PREFIX}/control/reviews/last"


def _controller(gw: Gw) -> str:  # noqa: F811
    with gw.engine.begin() as conn:
        conn.execute(update(users).where(users.c.iin == CONTROLLER.iin)
                     .values(role="controller"))
    return login(gw.client, gw.pki.software_signers(CONTROLLER)[0])


def _review(gw: Gw, token: str, first: dt.date, last: dt.date) -> Any:  # noqa: F811
    statement = ReviewStatement(
        period_from=first.isoformat(), period_to=last.isoformat(), report_sha256="ab" * 32,
        requests=3, anomalies=1, note="Ескертпе жоқ", nonce=QueryRequest.new_nonce(),
        issued_at=iso(now_astana()), controller_iin=CONTROLLER.iin)
    return gw.client.post(REVIEWS, headers=bearer(token), json=sign_payload(
        statement.canonical(), gw.pki.software_signers(CONTROLLER)[1]))


@pytest.mark.req("R-CTL-1")
def test_the_review_is_signed_journaled_and_clears_the_reminder(gw: Gw) -> None:  # noqa: F811
    token = _controller(gw)
    today = now_astana().date()
    assert gw.client.get(LAST, headers=bearer(token)).json()["due"] is True
    later = today + dt.timedelta(days=1)
    assert _review(gw, token, later, later).json()["code"] == "request_invalid"  # not begun
    assert _review(gw, token, today, today - dt.timedelta(days=1)).json()["code"] \
        == "request_invalid"  # from after to
    reply = _review(gw, token, today - dt.timedelta(days=30), today)
    assert reply.status_code == 200, reply.text
    entry = journal.entries(gw.engine)[reply.json()["journal_seq"] - 1]
    assert entry.kind == "review" and entry.actor_iin == CONTROLLER.iin
    detail = entry.detail_obj()
    assert detail["report_sha256"] == "ab" * 32 and detail["signature"]  # re-verifiable
    state = gw.client.get(LAST, headers=bearer(token)).json()
    assert state["due"] is False and state["last_reviewer_iin"] == CONTROLLER.iin
    assert state["days_since"] == 0


@pytest.mark.req("R-CTL-1", "R-CTL-3")
def test_a_requests_trail_and_who_may_read_it(gw: Gw) -> None:  # noqa: F811
    auth_key, sign_key = gw.pki.software_signers(ANALYST)
    analyst = login(gw.client, auth_key)
    asked = gw.client.post(f"{API_PREFIX}/queries", headers=bearer(analyst),
                           json=signed_query(query_request(ANALYST.iin), sign_key))
    assert asked.status_code == 200, asked.text
    seq = next(e.seq for e in journal.entries(gw.engine) if e.kind == "query")
    for path in (LAST, f"{API_PREFIX}/control/requests/{seq}"):
        assert gw.client.get(path, headers=bearer(analyst)).json()["code"] == "controller_only"
    token = _controller(gw)
    trail = gw.client.get(f"{API_PREFIX}/control/requests/{seq}", headers=bearer(token)).json()
    (entry,) = trail["entries"]
    assert entry["kind"] == "query" and entry["signature"] == "valid" and entry["chain_ok"]
    assert "signature" not in entry["detail"] and entry["detail"]["request"]
    reads = [e for e in journal.entries(gw.engine) if e.kind == "read"]
    assert reads[-1].actor_iin == CONTROLLER.iin and reads[-1].detail_obj()["seq"] == seq
    for bad in ("1", "0", "abc", str(2**60)):  # a login entry, no such seq, not a number
        reply = gw.client.get(f"{API_PREFIX}/control/requests/{bad}", headers=bearer(token))
        assert reply.json()["code"] == "param_invalid", bad


@pytest.mark.req("R-CTL-2")
def test_a_blocked_users_open_session_reads_why(gw: Gw) -> None:  # noqa: F811
    from transport.protocol import OperatorBlock

    analyst = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    notice = f"{API_PREFIX}/account/block"
    assert gw.client.get(notice, headers=bearer(analyst)).json()["code"] == "not_blocked"
    token = _controller(gw)
    command = OperatorBlock(iin=ANALYST.iin, reason="Өз ЖСН-і бойынша сұрау",
                            nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                            operator_iin=CONTROLLER.iin)
    blocked = gw.client.post(f"{API_PREFIX}/operator/blocks", headers=bearer(token),
                             json=sign_payload(command.canonical(),
                                               gw.pki.software_signers(CONTROLLER)[1]))
    assert blocked.status_code == 200, blocked.text
    assert gw.client.get(notice, headers=bearer(analyst)).json() == {
        "reason": "Өз ЖСН-і бойынша сұрау"}
    assert journal.entries(gw.engine)[-1].kind == "read"
    assert gw.client.get(notice).json()["code"] == "session_invalid"
