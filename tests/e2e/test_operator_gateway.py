"""The operator's new gateway routes refuse what they must, each refusal journaled (issue 13;
R-ACC-4, R-ACC-7, R-LOG-4): an application's view and the user list for the operator only, an
unknown or malformed id, a suspension without a later end date or a closure with one; the view
is journaled as a read of that application."""

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
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from tests.gateway.applicant import submission
from tests.gateway.helpers import Gw, bearer, login, sign_payload
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, OperatorSanction, QueryRequest

ANALYST, OTHER = SANDBOX_USERS[0], SANDBOX_USERS[1]


@pytest.fixture
def gw(sandbox_pki: SandboxPKI, tmp_path: Path) -> Iterator[Gw]:
    db_url = f"sqlite:///{tmp_path / 'gw.sqlite'}"
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=db_url)
    engine = make_engine(db_url)
    with TestClient(create_app(config, engine), raise_server_exceptions=False) as client:
        yield Gw(client=client, engine=engine, config=config, pki=sandbox_pki, db_url=db_url)
    engine.dispose()


def _code(response: Any) -> str:
    return str(response.json().get("code"))


@pytest.mark.req("R-ACC-4", "R-LOG-4")
def test_the_view_and_the_list_are_the_operators_only(gw: Gw) -> None:
    app_id = gw.client.post(f"{API_PREFIX}/applications",
                            json=submission(gw, OTHER, "transfer")).json()["id"]
    analyst = bearer(login(gw.client, gw.pki.software_signers(ANALYST)[0]))
    operator = bearer(login(gw.client, gw.pki.software_signers(SANDBOX_OPERATOR)[0]))
    for path in (f"/operator/applications/{app_id}", "/operator/users"):
        refused = gw.client.get(API_PREFIX + path, headers=analyst)
        assert _code(refused) == "operator_only", path
        assert journal.entries(gw.engine)[-1].kind == "refusal"
    assert _code(gw.client.get(f"{API_PREFIX}/operator/applications/{app_id + 50}",
                               headers=operator)) == "application_not_found"
    assert _code(gw.client.get(f"{API_PREFIX}/operator/applications/x1",
                               headers=operator)) == "param_invalid"
    seen = gw.client.get(f"{API_PREFIX}/operator/applications/{app_id}", headers=operator)
    assert seen.status_code == 200, seen.text
    body = seen.json()
    assert (body["id"], body["iin"], body["pdf_status"], len(body["scans"])) == (
        app_id, OTHER.iin, "valid", 1)
    assert body["signatures"][-1]["signer_iin"] == OTHER.iin
    last = journal.entries(gw.engine)[-1]
    assert last.kind == "read" and last.actor_iin == SANDBOX_OPERATOR.iin
    assert last.detail_obj()["application_id"] == app_id
    users = gw.client.get(f"{API_PREFIX}/operator/users", headers=operator).json()["users"]
    assert {u["iin"] for u in users} >= {ANALYST.iin, OTHER.iin, SANDBOX_OPERATOR.iin}


@pytest.mark.req("R-ACC-7")
def test_a_sanction_names_an_end_date_only_for_a_suspension(gw: Gw) -> None:
    auth_key, sign_key = gw.pki.software_signers(SANDBOX_OPERATOR)
    token = bearer(login(gw.client, auth_key))
    today = now_astana().date()
    for kind, until in (("suspension", ""), ("suspension", today.isoformat()),
                        ("suspension", "2031-02-30"), ("closure", "2031-01-01")):
        command = OperatorSanction(iin=OTHER.iin, sanction=kind, until=until,  # type: ignore[arg-type]
                                   reason="тексеру", nonce=QueryRequest.new_nonce(),
                                   issued_at=iso(now_astana()), operator_iin=SANDBOX_OPERATOR.iin)
        refused = gw.client.post(f"{API_PREFIX}/operator/sanctions", headers=token,
                                 json=sign_payload(command.canonical(), sign_key))
        assert _code(refused) == "request_invalid", (kind, until, refused.text)
        assert journal.entries(gw.engine)[-1].kind == "refusal"
    later = (today + dt.timedelta(days=1)).isoformat()
    command = OperatorSanction(iin=OTHER.iin, sanction="suspension", until=later,
                               reason="тексеру", nonce=QueryRequest.new_nonce(),
                               issued_at=iso(now_astana()), operator_iin=SANDBOX_OPERATOR.iin)
    done = gw.client.post(f"{API_PREFIX}/operator/sanctions", headers=token,
                          json=sign_payload(command.canonical(), sign_key))
    assert done.status_code == 200, done.text
    row = next(u for u in gw.client.get(f"{API_PREFIX}/operator/users", headers=token).json()[
        "users"] if u["iin"] == OTHER.iin)
    assert (row["state"], row["until"], row["reason"]) == ("suspended", later, "тексеру")


@pytest.mark.req("R-ACC-7")
def test_a_blocked_user_is_not_suspended(gw: Gw) -> None:
    """A suspension's end would lift a block that has none (a leave, a controller's block)."""
    auth_key, sign_key = gw.pki.software_signers(SANDBOX_OPERATOR)
    token = bearer(login(gw.client, auth_key))
    blocked = gw.client.post(f"{API_PREFIX}/applications", json=submission(
        gw, OTHER, "blocking", blocking_reason="демалыс"))
    assert blocked.status_code == 200, blocked.text
    later = (now_astana().date() + dt.timedelta(days=2)).isoformat()
    command = OperatorSanction(iin=OTHER.iin, sanction="suspension", until=later,
                               reason="тексеру", nonce=QueryRequest.new_nonce(),
                               issued_at=iso(now_astana()), operator_iin=SANDBOX_OPERATOR.iin)
    refused = gw.client.post(f"{API_PREFIX}/operator/sanctions", headers=token,
                             json=sign_payload(command.canonical(), sign_key))
    assert _code(refused) == "request_invalid"


@pytest.mark.req("R-ACC-7", "R-CTL-2")
def test_a_suspended_users_open_session_is_refused_with_the_signed_reason(gw: Gw) -> None:
    """2022 §17: the query refused in an already-open session carries the sanction's reason."""
    from tests.gateway.helpers import query_request, signed_query

    auth_key, sign_key = gw.pki.software_signers(ANALYST)
    analyst = bearer(login(gw.client, auth_key))
    op_auth, op_sign = gw.pki.software_signers(SANDBOX_OPERATOR)
    operator = bearer(login(gw.client, op_auth))
    later = (now_astana().date() + dt.timedelta(days=2)).isoformat()
    command = OperatorSanction(iin=ANALYST.iin, sanction="suspension", until=later,
                               reason="Мақсатсыз сұрау", nonce=QueryRequest.new_nonce(),
                               issued_at=iso(now_astana()), operator_iin=SANDBOX_OPERATOR.iin)
    done = gw.client.post(f"{API_PREFIX}/operator/sanctions", headers=operator,
                          json=sign_payload(command.canonical(), op_sign))
    assert done.status_code == 200, done.text
    refused = gw.client.post(f"{API_PREFIX}/queries", headers=analyst,
                             json=signed_query(query_request(ANALYST.iin), sign_key))
    assert _code(refused) == "user_blocked"
    assert "; reason: Мақсатсыз сұрау" in refused.json()["detail"], refused.text


def _edit(gw: Gw, token: dict[str, str], iin: str, sender: Any = SANDBOX_OPERATOR,
          **fields: str) -> Any:
    from transport.protocol import OperatorUserEdit

    values = {"position": "Бас сарапшы", "organization": "ҚР АФМ", "role": "afm_analyst",
              "reason": "Бұйрық № 12", **fields}
    command = OperatorUserEdit(iin=iin, nonce=QueryRequest.new_nonce(), **values,  # type: ignore[arg-type]
                               issued_at=iso(now_astana()), operator_iin=sender.iin)
    return gw.client.post(f"{API_PREFIX}/operator/users/edits", headers=token,
                          json=sign_payload(command.canonical(),
                                            gw.pki.software_signers(sender)[1]))


@pytest.mark.req("R-ACC-7", "R-LOG-1")
def test_the_operator_edits_a_users_registry_fields_signed_and_journaled(gw: Gw) -> None:
    from transport.protocol import Signed, UserEdited

    analyst = bearer(login(gw.client, gw.pki.software_signers(ANALYST)[0]))
    assert _code(_edit(gw, analyst, OTHER.iin, ANALYST)) == "operator_only"
    operator = bearer(login(gw.client, gw.pki.software_signers(SANDBOX_OPERATOR)[0]))
    done = _edit(gw, operator, OTHER.iin)
    assert done.status_code == 200, done.text
    edited = UserEdited.model_validate_json(Signed.model_validate(done.json()).payload_bytes())
    assert (edited.position, edited.organization, edited.role) == (
        "Бас сарапшы", "ҚР АФМ", "afm_analyst")
    assert edited.before["organization"] == OTHER.organization
    entry = journal.entries(gw.engine)[-1]
    assert entry.kind == "user_edit" and entry.actor_iin == SANDBOX_OPERATOR.iin
    assert entry.detail_obj()["after"]["position"] == "Бас сарапшы"
    assert entry.detail_obj()["signature"]  # re-verifiable by journal verify
    assert _code(_edit(gw, operator, OTHER.iin)) == "request_invalid"  # changes nothing
    row = next(u for u in gw.client.get(f"{API_PREFIX}/operator/users", headers=operator)
               .json()["users"] if u["iin"] == OTHER.iin)
    assert (row["position"], row["organization"]) == ("Бас сарапшы", "ҚР АФМ")
    # The user reads the new fields at their next sign-in.
    from tests.gateway.helpers import login_body

    seen = gw.client.post(f"{API_PREFIX}/auth/login",
                          json=login_body(gw.client, gw.pki.software_signers(OTHER)[0]))
    assert seen.json()["user"]["position"] == "Бас сарапшы"
    # The last operator keeps the role; bad values are refused before anything is applied.
    assert _code(_edit(gw, operator, SANDBOX_OPERATOR.iin)) == "last_operator"
    from transport.canonical import canonical_json
    from transport.protocol import OperatorUserEdit

    bad = OperatorUserEdit(iin=OTHER.iin, position="x", organization="y", role="controller",
                           reason="z", nonce=QueryRequest.new_nonce(), issued_at=iso(
                               now_astana()), operator_iin=SANDBOX_OPERATOR.iin).model_dump()
    refused = gw.client.post(f"{API_PREFIX}/operator/users/edits", headers=operator, json=(
        sign_payload(canonical_json({**bad, "role": "prosecutor"}),
                     gw.pki.software_signers(SANDBOX_OPERATOR)[1])))
    assert _code(refused) == "malformed_request" and journal.entries(gw.engine)[-1].kind == \
        "refusal"
    assert _code(_edit(gw, operator, "123456789012", position="x")) == "not_registered"
