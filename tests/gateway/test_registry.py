"""Applications for registration, transfer and blocking, and the operator's decisions
(R-ACC-2..8, R-CTL-2)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import select, update

from gateway import journal
from gateway.models import applications, users
from gateway.registry import SANDBOX_NEWCOMER, SANDBOX_OPERATOR
from signing.cms import verify_detached
from signing.iin import make_iin
from signing.pades import blank_pdf
from signing.sandbox_pki import SANDBOX_USERS, SandboxUser
from signing.signer import Signer
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, Decision, OperatorBlock, OperatorDecision, QueryRequest

from .applicant import application_pdf, form, submission
from .helpers import Gw, bearer, fresh_signer, login, query_request, sign_payload, signed_query

APPLY, DECIDE = f"{API_PREFIX}/applications", f"{API_PREFIX}/operator/decisions"
BLOCK, LIST = f"{API_PREFIX}/operator/blocks", f"{API_PREFIX}/operator/applications"
NEWBIE = SandboxUser("newbie", "ЖАҢАБАЕВ", "ЕРБОЛ", "", make_iin(dt.date(1993, 3, 8), "M", 6017),
                     SANDBOX_USERS[0].organization, SANDBOX_USERS[0].bin)


def operator_session(gw: Gw) -> tuple[str, Signer]:
    auth_key, sign_key = gw.pki.software_signers(SANDBOX_OPERATOR)
    return login(gw.client, auth_key), sign_key


def decide(gw: Gw, app_id: int, decision: str, reason: str = "") -> Any:
    token, key = operator_session(gw)
    cmd = OperatorDecision(application_id=app_id, decision=decision,  # type: ignore[arg-type]
                           reason=reason, nonce=QueryRequest.new_nonce(),
                           issued_at=iso(now_astana()), operator_iin=SANDBOX_OPERATOR.iin)
    return gw.client.post(DECIDE, json=sign_payload(cmd.canonical(), key), headers=bearer(token))


def _code(response: Any) -> str:
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    return str(response.json()["code"])


def _user(gw: Gw, iin: str) -> Any:
    with gw.engine.connect() as conn:
        return conn.execute(select(users).where(users.c.iin == iin)).mappings().first()


@pytest.mark.req("R-ACC-2", "R-ACC-3", "R-ACC-4", "R-AUTH-2")
def test_registration_is_filed_listed_and_registered(gw: Gw) -> None:
    reply = gw.client.post(APPLY, json=submission(gw, NEWBIE))
    assert reply.status_code == 200, reply.text
    receipt = reply.json()
    assert receipt["state"] == "submitted"
    entry = journal.entries(gw.engine)[receipt["journal_seq"] - 1]
    assert entry.kind == "application" and entry.actor_iin == NEWBIE.iin
    token, _ = operator_session(gw)
    listed = gw.client.get(LIST, headers=bearer(token)).json()["applications"]
    assert [(a["id"], a["overdue"]) for a in listed] == [(receipt["id"], False)]

    answer = decide(gw, receipt["id"], "register")
    assert answer.status_code == 200, answer.text
    body = base64.b64decode(answer.json()["payload"])
    verify_detached(base64.b64decode(answer.json()["signature"]), body, gw.pki.trust_store(),
                    purpose="signing")
    assert Decision.model_validate_json(body).decision == "register"
    user = _user(gw, NEWBIE.iin)
    assert user["state"] == "registered" and user["agreement_signed_at"] is None
    assert user["unit"] == "Талдау басқармасы"
    assert _code(decide(gw, receipt["id"], "refuse", "late")) == "application_decided"
    assert _code(gw.client.post(APPLY, json=submission(gw, NEWBIE))) == "already_registered"
    assert [e.kind for e in journal.entries(gw.engine)].count("decision") == 1


@pytest.mark.req("R-ACC-4")
def test_refusal_is_signed_with_its_reason_and_overdue_is_flagged(gw: Gw) -> None:
    first = gw.client.post(APPLY, json=submission(gw, NEWBIE)).json()["id"]
    with gw.engine.begin() as conn:  # filed more than a day ago and still undecided
        conn.execute(update(applications).where(applications.c.id == first).values(
            due_at=(dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat()))
    token, _ = operator_session(gw)
    overdue = gw.client.get(LIST, params={"overdue": "true"}, headers=bearer(token)).json()
    assert [a["id"] for a in overdue["applications"]] == [first]
    assert _code(decide(gw, first, "refuse")) == "refusal_reason_missing"
    answer = decide(gw, first, "refuse", "ұйым коды қате")
    decision = Decision.model_validate_json(base64.b64decode(answer.json()["payload"]))
    assert decision.decision == "refuse" and decision.reason == "ұйым коды қате"
    assert decision.operator_iin == SANDBOX_OPERATOR.iin
    with gw.engine.connect() as conn:
        row = conn.execute(select(applications)).mappings().one()
    assert row["state"] == "refused" and row["decision_signature"]
    assert _user(gw, NEWBIE.iin) is None
    assert _code(decide(gw, 999, "register")) == "application_not_found"


@pytest.mark.req("R-ACC-5", "R-ACC-7")
def test_transfer_edits_the_account(gw: Gw) -> None:
    analyst = SANDBOX_USERS[2]
    app_id = gw.client.post(APPLY, json=submission(
        gw, analyst, "transfer", unit="Жаңа басқарма", position="жетекші маман")).json()["id"]
    assert decide(gw, app_id, "register").status_code == 200
    user = _user(gw, analyst.iin)
    assert (user["unit"], user["position"]) == ("Жаңа басқарма", "жетекші маман")
    assert user["agreement_signed_at"]  # an edit keeps the signed agreement


@pytest.mark.req("R-ACC-6", "R-ACC-7", "R-ACC-8", "R-CTL-2")
def test_blocking_application_takes_effect_at_once(gw: Gw) -> None:
    analyst = SANDBOX_USERS[3]
    auth_key, sign_key = gw.pki.software_signers(analyst)
    token = login(gw.client, auth_key)
    assert _code(gw.client.post(APPLY, json=submission(
        gw, analyst, "blocking", blocking_reason=""))) == "blocking_reason_missing"
    receipt = gw.client.post(APPLY, json=submission(gw, analyst, "blocking")).json()
    assert receipt["state"] == "registered"
    refused = gw.client.post(f"{API_PREFIX}/queries", headers=bearer(token),
                             json=signed_query(query_request(analyst.iin), sign_key))
    assert _code(refused) == "user_blocked"
    kinds = [e.kind for e in journal.entries(gw.engine)]
    assert {"application", "decision", "block"} <= set(kinds)


@pytest.mark.req("R-ACC-7", "R-CTL-2")
def test_operator_blocks_immediately_and_only_the_operator_may(gw: Gw) -> None:
    analyst = SANDBOX_USERS[1]
    auth_key, sign_key = gw.pki.software_signers(analyst)
    analyst_token = login(gw.client, auth_key)
    token, key = operator_session(gw)

    def block_cmd(signer: Signer, operator_iin: str) -> dict[str, Any]:
        cmd = OperatorBlock(iin=analyst.iin, reason="қызметтік емес сұраулар",
                            nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                            operator_iin=operator_iin)
        return sign_payload(cmd.canonical(), signer)

    assert _code(gw.client.post(BLOCK, json=block_cmd(sign_key, analyst.iin),
                                headers=bearer(analyst_token))) == "operator_only"
    assert _code(gw.client.get(LIST, headers=bearer(analyst_token))) == "operator_only"
    reply = gw.client.post(BLOCK, json=block_cmd(key, SANDBOX_OPERATOR.iin),
                           headers=bearer(token))
    assert reply.status_code == 200, reply.text
    assert journal.entries(gw.engine)[-1].kind == "block"
    refused = gw.client.post(f"{API_PREFIX}/queries", headers=bearer(analyst_token),
                             json=signed_query(query_request(analyst.iin), sign_key))
    assert _code(refused) == "user_blocked"


@pytest.mark.req("R-ACC-2", "R-ACC-3")
def test_every_field_and_the_pdf_are_checked(gw: Gw) -> None:
    sign_key = gw.pki.software_signers(NEWBIE)[1]
    good = submission(gw, NEWBIE, signer=sign_key)

    def pdf(signer: Signer, data: dict[str, Any] | None, **kw: Any) -> str:
        return base64.b64encode(application_pdf(signer, form_data=data, **kw)).decode()

    bad_iin = NEWBIE.iin[:11] + str((int(NEWBIE.iin[11]) + 1) % 10)
    future = (now_astana().date() + dt.timedelta(days=2)).isoformat()
    no_scan = pdf(sign_key, form(NEWBIE), scan=None)
    auth_pdf = pdf(gw.pki.software_signers(NEWBIE)[0], form(NEWBIE))
    other_pdf = pdf(gw.pki.software_signers(SANDBOX_USERS[0])[1], form(NEWBIE))
    newcomer_transfer = form(SANDBOX_NEWCOMER, "transfer")
    expired = fresh_signer(gw.pki, NEWBIE, "signing",
                           not_after=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    cases: list[tuple[dict[str, Any], str]] = [
        ({**good, "form": form(NEWBIE, surname="")}, "application_invalid"),
        ({**good, "form": form(NEWBIE, surname="R2D2")}, "application_invalid"),
        ({**good, "form": form(NEWBIE, email="no-at-sign")}, "application_invalid"),
        ({**good, "form": form(NEWBIE, work_phone="phone")}, "application_invalid"),
        ({**good, "form": form(NEWBIE, action="promotion")}, "application_invalid"),
        ({**good, "form": {k: v for k, v in form(NEWBIE).items() if k != "head_name"}},
         "application_invalid"),
        ({**good, "form": form(NEWBIE, iin=bad_iin)}, "iin_invalid"),
        ({**good, "form": form(NEWBIE, bin="123456789012")}, "bin_invalid"),
        ({**good, "form": form(NEWBIE, personal_data_consent=False)}, "confirmation_missing"),
        ({**good, "form": form(NEWBIE, date=future)}, "application_date_invalid"),
        ({**good, "form": form(NEWBIE, date="2020-01-01")}, "application_date_invalid"),
        ({**good, "pdf": "not base64!"}, "application_pdf_invalid"),
        ({**good, "pdf": base64.b64encode(b"%PDF-1.7 nonsense").decode()},
         "application_pdf_invalid"),
        ({**good, "pdf": base64.b64encode(blank_pdf()).decode()}, "application_pdf_invalid"),
        ({**good, "pdf": no_scan}, "scan_missing"),
        ({**good, "pdf": auth_pdf}, "wrong_key_usage"),
        ({**good, "pdf": other_pdf}, "applicant_mismatch"),
        (submission(gw, NEWBIE, signer=expired), "certificate_expired"),
        ({"form": newcomer_transfer, "pdf": pdf(sign_key, newcomer_transfer)},
         "applicant_mismatch"),
        ({"form": form(NEWBIE, "transfer"), "pdf": pdf(sign_key, form(NEWBIE, "transfer"))},
         "not_registered"),
    ]
    for body, code in cases:
        response = gw.client.post(APPLY, json=body)
        assert _code(response) == code, (code, body["form"])
        last = journal.entries(gw.engine)[-1]
        assert last.kind == "refusal" and last.detail_obj()["code"] == code
    with gw.engine.connect() as conn:
        assert conn.execute(select(applications)).first() is None


@pytest.mark.req("R-LOG-1")
def test_no_input_to_the_new_endpoints_yields_a_server_error(gw: Gw) -> None:
    token, _ = operator_session(gw)
    bodies = [b"", b"null", b"[]", b"{}", b'{"form": {}, "pdf": ""}', b'{"payload": 1}',
              b'{"payload": "", "signature": ""}', b"\xff\xfe", b'{"form": [], "pdf": "%%%"}',
              json_bytes({"form": form(NEWBIE), "pdf": base64.b64encode(b"x" * 99).decode()})]
    for path in (APPLY, DECIDE, BLOCK, f"{API_PREFIX}/agreement/signature"):
        for body in bodies:
            response = gw.client.post(path, content=body, headers=bearer(token))
            assert 400 <= response.status_code < 500, (path, body, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")
    for params in ({"state": "nonsense"}, {"overdue": "maybe"}):
        assert gw.client.get(LIST, params=params, headers=bearer(token)).status_code < 500
    assert _code(gw.client.get(LIST)) == "session_invalid"


def json_bytes(data: Any) -> bytes:
    return json.dumps(data).encode()
