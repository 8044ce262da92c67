"""The applicant's side of the gateway (issue 11): the status of an application and its signed
decision for whoever filed it and nobody else (R-ACC-9); a transfer names its appointment order
and the journal says whether it came within 24 hours (R-ACC-5, R-ACC-10); a user blocked by
their own application is told so at the next sign-in (R-ACC-8)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from gateway import journal
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.db import make_engine
from gateway.registry import SANDBOX_OPERATOR
from signing.cms import sign_detached, verify_detached
from signing.profile import fingerprint
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, SandboxUser
from tests.gateway.applicant import form, submission
from tests.gateway.helpers import Gw, bearer, login, login_body, sign_payload
from transport.clock import iso, now_astana
from transport.protocol import (
    API_PREFIX,
    ApplicationStatus,
    ApplicationStatusQuery,
    Decision,
    OperatorDecision,
    QueryRequest,
    Signed,
)

APPLY, STATUS = f"{API_PREFIX}/applications", f"{API_PREFIX}/applications/status"
ANALYST, VICTIM = SANDBOX_USERS[0], SANDBOX_USERS[1]
NEWCOMER = SandboxUser("analyst7", "ЖАҢАҰЛЫ", "ТАЛҒАТ", "", "950101300016", ANALYST.organization,
                       ANALYST.bin)


@pytest.fixture
def gw(sandbox_pki: SandboxPKI, tmp_path: Path) -> Iterator[Gw]:
    db_url = f"sqlite:///{tmp_path / 'gw.sqlite'}"
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=db_url)
    engine = make_engine(db_url)
    with TestClient(create_app(config, engine), raise_server_exceptions=False) as client:
        yield Gw(client=client, engine=engine, config=config, pki=sandbox_pki, db_url=db_url)
    engine.dispose()


def _keys(gw: Gw, user: SandboxUser) -> tuple[Any, Any]:
    from tests.gateway.helpers import fresh_signer

    if user in SANDBOX_USERS:
        return gw.pki.software_signers(user)
    return (fresh_signer(gw.pki, user, "authentication"), fresh_signer(gw.pki, user, "signing"))


def _status(gw: Gw, app_id: int, iin: str, key: Any, *, at: dt.datetime | None = None) -> Any:
    query = ApplicationStatusQuery(application_id=app_id, iin=iin,
                                   issued_at=iso(at or now_astana())).canonical()
    return gw.client.post(STATUS, json=Signed.wrap(query, sign_detached(query, key)).model_dump())


def _decide(gw: Gw, app_id: int, decision: str, reason: str = "") -> None:
    auth_key, sign_key = gw.pki.software_signers(SANDBOX_OPERATOR)
    token = login(gw.client, auth_key)
    command = OperatorDecision(application_id=app_id, decision=decision, reason=reason,
                               nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                               operator_iin=SANDBOX_OPERATOR.iin)
    reply = gw.client.post(f"{API_PREFIX}/operator/decisions", headers=bearer(token),
                           json=sign_payload(command.canonical(), sign_key))
    assert reply.status_code == 200, reply.text


@pytest.mark.req("R-ACC-9", "R-ACC-4")
def test_the_applicant_reads_the_state_and_the_operator_signed_decision(gw: Gw) -> None:
    auth_key, sign_key = _keys(gw, NEWCOMER)
    filed = gw.client.post(APPLY, json=submission(gw, NEWCOMER, signer=sign_key))
    assert filed.status_code == 200, filed.text
    app_id = filed.json()["id"]
    waiting = ApplicationStatus.model_validate(_status(gw, app_id, NEWCOMER.iin, auth_key).json())
    assert waiting.state == "submitted" and waiting.decision is None
    reason = "Бөлімше бұйрыққа сәйкес емес; " * 20
    _decide(gw, app_id, "refuse", reason.strip())
    answer = ApplicationStatus.model_validate(_status(gw, app_id, NEWCOMER.iin, auth_key).json())
    assert answer.state == "refused" and answer.decision is not None
    body = answer.decision.payload_bytes()
    checked = verify_detached(answer.decision.signature_der(), body, gw.pki.trust_store(),
                              purpose="signing")
    assert fingerprint(checked.certificate) == fingerprint(gw.pki.operator_cert)
    decision = Decision.model_validate_json(body)
    assert (decision.application_id, decision.decision, decision.reason) == (
        app_id, "refuse", reason.strip())
    last = journal.entries(gw.engine)[-1]
    assert last.kind == "read" and last.actor_iin == NEWCOMER.iin


@pytest.mark.req("R-ACC-9")
def test_nobody_else_reads_it_and_the_query_must_be_signed_fresh_by_the_auth_key(
        gw: Gw) -> None:
    auth_key, sign_key = _keys(gw, NEWCOMER)
    app_id = gw.client.post(APPLY, json=submission(gw, NEWCOMER, signer=sign_key)).json()["id"]
    other_auth = gw.pki.software_signers(ANALYST)[0]
    cases = [
        (lambda: _status(gw, app_id, ANALYST.iin, other_auth), "application_not_found"),
        (lambda: _status(gw, app_id, NEWCOMER.iin, other_auth), "iin_mismatch"),
        (lambda: _status(gw, app_id, NEWCOMER.iin, sign_key), "wrong_key_usage"),
        (lambda: _status(gw, app_id, NEWCOMER.iin, auth_key,
                         at=now_astana() - dt.timedelta(minutes=30)), "clock_skew"),
        (lambda: _status(gw, app_id + 99, NEWCOMER.iin, auth_key), "application_not_found"),
        (lambda: gw.client.post(STATUS, json={"payload": "bm90IGpzb24=", "signature": "AA=="}),
         "malformed_request"),
    ]
    for send, code in cases:
        response = send()
        assert response.json()["code"] == code, response.text
        entry = journal.entries(gw.engine)[-1]
        assert entry.kind == "refusal" and entry.detail_obj()["code"] == code


@pytest.mark.req("R-ACC-5", "R-ACC-10")
def test_a_transfer_names_its_order_and_the_journal_says_if_it_was_late(gw: Gw) -> None:
    sign_key = gw.pki.software_signers(ANALYST)[1]
    missing = gw.client.post(APPLY, json=submission(gw, ANALYST, "transfer", signer=sign_key,
                                                    appointment_order_at=""))
    assert missing.json()["code"] == "application_invalid"
    ahead = iso(now_astana() + dt.timedelta(days=1))
    future = gw.client.post(APPLY, json=submission(gw, ANALYST, "transfer",
                                                   appointment_order_at=ahead))
    assert future.json()["code"] == "application_invalid"
    stray = gw.client.post(APPLY, json=submission(gw, ANALYST, "registration",
                                                  appointment_order_at=iso(now_astana())))
    assert stray.json()["code"] == "application_invalid"
    for hours, late in ((3, False), (30, True)):
        order = iso(now_astana() - dt.timedelta(hours=hours))
        body = submission(gw, ANALYST, "transfer", appointment_order_at=order)
        assert body["form"] == form(ANALYST, "transfer", appointment_order_at=order)
        reply = gw.client.post(APPLY, json=body)
        assert reply.status_code == 200, reply.text
        detail = journal.entries(gw.engine)[reply.json()["journal_seq"] - 1].detail_obj()
        assert detail["order_at"] == order and detail["filed_late"] is late


@pytest.mark.req("R-ACC-8")
def test_a_user_blocked_at_own_request_is_told_so_at_sign_in(gw: Gw) -> None:
    auth_key, _ = gw.pki.software_signers(VICTIM)
    blocked = gw.client.post(APPLY, json=submission(gw, VICTIM, "blocking",
                                                    blocking_reason="ұзақ демалыс"))
    assert blocked.status_code == 200, blocked.text
    refused = gw.client.post(f"{API_PREFIX}/auth/login", json=login_body(gw.client, auth_key))
    assert refused.json()["code"] == "blocked_own_request"
    # Blocked by the operator instead: the general sentence.
    auth2, _ = gw.pki.software_signers(ANALYST)
    op_auth, op_sign = gw.pki.software_signers(SANDBOX_OPERATOR)
    from transport.protocol import OperatorBlock

    token = login(gw.client, op_auth)
    command = OperatorBlock(iin=ANALYST.iin, reason="тексеру", nonce=QueryRequest.new_nonce(),
                            issued_at=iso(now_astana()), operator_iin=SANDBOX_OPERATOR.iin)
    assert gw.client.post(f"{API_PREFIX}/operator/blocks", headers=bearer(token),
                          json=sign_payload(command.canonical(), op_sign)).status_code == 200
    again = gw.client.post(f"{API_PREFIX}/auth/login", json=login_body(gw.client, auth2))
    assert again.json()["code"] == "user_blocked"
