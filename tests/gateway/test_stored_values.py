"""Issue 9, hole 2 (and the small ones of hole 10): one stored value cannot break the service.
Times and resource lists are checked at the edge; a stored row that cannot be read is skipped,
logged and journaled once; every 5xx is journaled; huge ids are refused and journaled; only
active users read the notices and the emergency journal (R-Q-3, R-OPS-1, R-LOG-1)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from starlette.testclient import TestClient

from gateway import journal, registry
from gateway.app import create_app
from gateway.db import write_tx
from gateway.problems import CODES, PROBLEM_MEDIA_TYPE
from signing.sandbox_pki import SANDBOX_USERS
from transport.canonical import canonical_json
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, QueryRequest

from .helpers import Gw, bearer, login, query_request, sign_payload, signed_query

ANALYST = SANDBOX_USERS[0]
OPERATOR = registry.SANDBOX_OPERATOR
NOTICES, EMERGENCY = f"{API_PREFIX}/notices", f"{API_PREFIX}/emergency"


def assert_problem(response: Any, code: str) -> None:
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE), response.text
    assert (response.json()["code"], response.status_code) == (code, CODES[code][0])


def op_write(gw: Gw, path: str, payload: dict[str, Any]) -> Any:
    """An operations payload signed by the sandbox operator, sent on a fresh session."""
    auth_key, sign_key = gw.pki.software_signers(OPERATOR)
    body = {"nonce": QueryRequest.new_nonce(), "issued_at": iso(now_astana()), **payload}
    return gw.client.post(f"{API_PREFIX}{path}", headers=bearer(login(gw.client, auth_key)),
                          json=sign_payload(canonical_json(body), sign_key))


def ask(gw: Gw, token: str, resource: int = 1) -> Any:
    signer = gw.pki.software_signers(ANALYST)[1]
    return gw.client.post(f"{API_PREFIX}/queries", headers=bearer(token),
                          json=signed_query(query_request(ANALYST.iin, resource=resource),
                                            signer))


def notice(**change: Any) -> dict[str, Any]:
    now = now_astana()
    return {"title_kk": "Жұмыстар", "title_ru": "Работы",
            "starts_at": iso(now + dt.timedelta(days=1)),
            "ends_at": iso(now + dt.timedelta(days=1, hours=2)), "resources": [7], **change}


def emergency(**change: Any) -> dict[str, Any]:
    return {"section": "power_failure", "actions": "ИБП", "max_time_min": 60,
            "responsible": "Инженер", "started_at": iso(now_astana()), **change}


BAD_TIMES = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
             "2025-01-01T00:00:00+23:59", "2025-01-01T00:00:00", "1999-12-31T23:59:59+00:00",
             "2100-01-01T00:00:00+00:00", "2025-01-01T00:00:00+05:00:30", "yesterday"]


@pytest.mark.req("R-Q-3", "R-OPS-1", "R-Q-5")
def test_times_out_of_range_are_refused_at_the_edge(gw: Gw) -> None:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    opened = op_write(gw, "/emergency", emergency(resources=[]))
    assert opened.status_code == 200, opened.text
    for bad in BAD_TIMES:
        for path, payload in (("/notices", notice(starts_at=bad)),
                              ("/notices", notice(ends_at=bad)),
                              ("/emergency", emergency(started_at=bad)),
                              ("/emergency/close", {"entry_seq": opened.json()["seq"],
                                                    "ended_at": bad})):
            reply = op_write(gw, path, payload)
            assert_problem(reply, "time_invalid")
            last = journal.entries(gw.engine)[-1]
            assert last.kind == "refusal" and last.detail_obj()["code"] == "time_invalid"
    assert_problem(op_write(gw, "/notices", {**notice(), "issued_at": BAD_TIMES[0]}),
                   "time_invalid")
    assert ask(gw, token).status_code == 200
    assert gw.client.get(NOTICES, headers=bearer(token)).status_code == 200
    assert gw.client.get(EMERGENCY, headers=bearer(token)).status_code == 200


@pytest.mark.req("R-Q-3", "R-OPS-1")
def test_resource_lists_are_numbers_1_to_52_once_each(gw: Gw) -> None:
    for bad in ([None], [1, None], [True], [0], [53], [1, 1], [*range(1, 53), 1],
                "all", {"1": 1}):
        for path, payload in (("/notices", notice(resources=bad)),
                              ("/emergency", emergency(resources=bad))):
            assert_problem(op_write(gw, path, payload), "resources_invalid")
    for good in (None, [], [52], list(range(1, 53))):  # null: all resources; []: none
        assert op_write(gw, "/notices", notice(resources=good)).status_code == 200


def _store(gw: Gw, kind: str, detail: dict[str, Any]) -> int:
    """A row as an older gateway (or a hand at the database) might have left it."""
    with write_tx(gw.engine) as conn:
        return journal.append(conn, kind, actor_iin=OPERATOR.iin, detail=detail).seq


@pytest.mark.req("R-Q-3", "R-OPS-1", "R-LOG-1")
def test_a_stored_row_that_cannot_be_read_breaks_nothing(gw: Gw) -> None:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    year_one = emergency(started_at="0001-01-01T00:00:00+14:00", resources=None)
    bad = [_store(gw, "emergency", year_one),
           _store(gw, "notice", notice(ends_at="9999-12-31T23:59:59-14:00", resources=None)),
           _store(gw, "notice", notice(resources=[None])),
           _store(gw, "emergency", {"section": "flooding"}),
           _store(gw, "emergency_closed", {"entry_seq": "x", "ended_at": None}),
           _store(gw, "emergency", emergency(section="earthquake"))]
    good = op_write(gw, "/notices", notice())
    assert good.status_code == 200, good.text
    for _ in range(3):  # every read goes on; the faults are journaled once
        assert ask(gw, token).status_code == 200
        notices = gw.client.get(NOTICES, headers=bearer(token))
        assert notices.status_code == 200, notices.text
        assert [n["seq"] for n in notices.json()["upcoming"]] == [good.json()["seq"]]
        assert notices.json()["unreadable"] == bad[1:3]
        rows = gw.client.get(EMERGENCY, headers=bearer(token))
        assert rows.status_code == 200, rows.text
        assert rows.json()["unreadable"] == [bad[0], bad[3], bad[4], bad[5]]
    faults = [e for e in journal.entries(gw.engine) if e.kind == "fault"]
    assert sorted(e.detail_obj()["entry_seq"] for e in faults) == bad
    assert {e.detail_obj()["code"] for e in faults} == {"stored_row_unreadable"}
    assert journal.verify_chain(journal.entries(gw.engine)) is None

    # The rows survive a restart; so does the service, and nothing is journaled twice.
    app = create_app(gw.config, gw.engine)
    with TestClient(app, raise_server_exceptions=False) as client:
        again = login(client, gw.pki.software_signers(ANALYST)[0])
        reply = client.post(f"{API_PREFIX}/queries", headers=bearer(again), json=signed_query(
            query_request(ANALYST.iin), gw.pki.software_signers(ANALYST)[1]))
        assert reply.status_code == 200, reply.text
        assert client.get(EMERGENCY, headers=bearer(again)).status_code == 200
    assert len([e for e in journal.entries(gw.engine) if e.kind == "fault"]) == len(bad)


@pytest.mark.req("R-LOG-1")
def test_every_server_error_is_journaled(gw: Gw, monkeypatch: pytest.MonkeyPatch) -> None:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])

    def broken(*_: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("gateway.queries.resolve", broken)
    before = len(journal.entries(gw.engine))
    reply = ask(gw, token)
    assert_problem(reply, "internal_error")
    after = journal.entries(gw.engine)
    assert len(after) == before + 1
    assert after[-1].kind == "refusal" and after[-1].detail_obj()["code"] == "internal_error"
    assert after[-1].detail_obj()["endpoint"] == f"{API_PREFIX}/queries"
    assert not any(e.kind == "query" for e in after)  # fail closed: nothing was answered


@pytest.mark.req("R-LOG-1", "R-ACC-4")
def test_huge_ids_are_refused_and_journaled(gw: Gw) -> None:
    auth_key, sign_key = gw.pki.software_signers(OPERATOR)
    token = login(gw.client, auth_key)
    decision = {"purpose": "sio-decision", "application_id": 10**30, "decision": "register",
                "reason": "", "nonce": QueryRequest.new_nonce(), "issued_at": iso(now_astana()),
                "operator_iin": OPERATOR.iin}
    reply = gw.client.post(f"{API_PREFIX}/operator/decisions", headers=bearer(token),
                           json=sign_payload(canonical_json(decision), sign_key))
    assert_problem(reply, "malformed_request")
    assert journal.entries(gw.engine)[-1].detail_obj()["code"] == "malformed_request"
    close = op_write(gw, "/emergency/close", {"entry_seq": 10**30, "ended_at": iso(now_astana())})
    assert_problem(close, "request_invalid")
    assert journal.entries(gw.engine)[-1].detail_obj()["code"] == "request_invalid"


@pytest.mark.req("R-Q-3", "R-AUTH-3", "R-CTL-2")
def test_only_active_users_read_notices_and_the_emergency_journal(gw: Gw) -> None:
    blocked = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    registry.set_state(gw.engine, ANALYST.iin, "blocked")
    newcomer = login(gw.client, gw.pki.software_signers(registry.SANDBOX_NEWCOMER)[0])
    for path in (NOTICES, EMERGENCY):
        for token, code in ((blocked, "user_blocked"), (newcomer, "no_agreement")):
            assert_problem(gw.client.get(path, headers=bearer(token)), code)
            last = journal.entries(gw.engine)[-1]
            assert last.kind == "refusal" and last.detail_obj()["code"] == code
        operator = login(gw.client, gw.pki.software_signers(OPERATOR)[0])
        assert gw.client.get(path, headers=bearer(operator)).status_code == 200
