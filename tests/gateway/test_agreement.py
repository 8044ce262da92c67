"""The agreement on rights of use: served, signed on first entry, required before queries."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from gateway import agreement, journal
from gateway.models import agreements, users
from gateway.registry import SANDBOX_NEWCOMER
from signing.cms import verify_detached
from signing.sandbox_pki import SANDBOX_USERS
from transport.canonical import sha256_hex
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, AgreementStatement, AgreementText

from .helpers import Gw, bearer, login_body, query_request, sign_payload, signed_query

AGREEMENT, SIGNATURE = f"{API_PREFIX}/agreement", f"{API_PREFIX}/agreement/signature"
QUERIES, LOGIN = f"{API_PREFIX}/queries", f"{API_PREFIX}/auth/login"


def _statement(gw: Gw, iin: str, **change: object) -> bytes:
    text = AgreementText.model_validate(gw.client.get(AGREEMENT).json())
    fields = dict(version=text.version, sha256_kk=text.sha256_kk, sha256_ru=text.sha256_ru,
                  iin=iin, signed_at=iso(now_astana()))
    fields.update(change)
    return AgreementStatement.model_validate(fields).canonical()


def _login(gw: Gw, user=SANDBOX_NEWCOMER) -> tuple[str, bool]:  # type: ignore[no-untyped-def]
    reply = gw.client.post(LOGIN, json=login_body(gw.client, gw.pki.software_signers(user)[0]))
    assert reply.status_code == 200, reply.text
    return reply.json()["session"], reply.json()["agreement_required"]


def _code(response) -> str:  # type: ignore[no-untyped-def]
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    return str(response.json()["code"])


@pytest.mark.req("R-AUTH-2")
def test_texts_are_versioned_in_kazakh_and_russian(gw: Gw) -> None:
    text = AgreementText.model_validate(gw.client.get(AGREEMENT).json())
    assert text.version == 1
    assert "келісім" in text.text_kk.lower() and "Соглашение" in text.text_ru
    assert text.sha256_kk == sha256_hex(text.text_kk.encode())
    assert text.sha256_ru == sha256_hex(text.text_ru.encode())
    assert (agreement.AGREEMENT_DIR / "agreement-v1.kk.txt").read_text("utf-8") == text.text_kk


@pytest.mark.req("R-AUTH-2", "R-AUTH-3")
def test_first_entry_signs_the_agreement_then_queries_pass(gw: Gw) -> None:
    token, required = _login(gw)
    assert required
    sign_key = gw.pki.software_signers(SANDBOX_NEWCOMER)[1]
    query = signed_query(query_request(SANDBOX_NEWCOMER.iin), sign_key)
    refused = gw.client.post(QUERIES, json=query, headers=bearer(token))
    assert _code(refused) == "no_agreement"  # R-AUTH-3: the session may only sign

    statement = _statement(gw, SANDBOX_NEWCOMER.iin)
    reply = gw.client.post(SIGNATURE, json=sign_payload(statement, sign_key),
                           headers=bearer(token))
    assert reply.status_code == 200, reply.text
    receipt = reply.json()
    entry = journal.entries(gw.engine)[receipt["journal_seq"] - 1]
    assert entry.kind == "agreement" and entry.actor_iin == SANDBOX_NEWCOMER.iin
    with gw.engine.connect() as conn:
        row = conn.execute(select(agreements)).mappings().one()
        signed_at = conn.execute(select(users.c.agreement_signed_at).where(
            users.c.iin == SANDBOX_NEWCOMER.iin)).scalar_one()
    assert row["statement"].encode() == statement and signed_at == receipt["signed_at"]
    # The stored signature re-verifies over the stored statement (R-CTL-3).
    verify_detached(row["signature"], row["statement"].encode(), gw.pki.trust_store(),
                    purpose="signing")

    answer = gw.client.post(QUERIES, json=signed_query(query_request(SANDBOX_NEWCOMER.iin),
                                                       sign_key), headers=bearer(token))
    assert answer.status_code == 200, answer.text
    again = gw.client.post(SIGNATURE, json=sign_payload(_statement(gw, SANDBOX_NEWCOMER.iin),
                                                        sign_key), headers=bearer(token))
    assert _code(again) == "agreement_already_signed"
    assert not _login(gw)[1]


@pytest.mark.req("R-AUTH-2")
def test_bad_agreement_signatures_are_refused_and_journaled(gw: Gw) -> None:
    token, _ = _login(gw)
    auth_key, sign_key = gw.pki.software_signers(SANDBOX_NEWCOMER)
    other_sign = gw.pki.software_signers(SANDBOX_USERS[0])[1]
    stale = iso(now_astana() - dt.timedelta(minutes=10))
    cases = [
        (sign_payload(_statement(gw, SANDBOX_NEWCOMER.iin), auth_key), "wrong_key_usage"),
        (sign_payload(_statement(gw, SANDBOX_NEWCOMER.iin), other_sign), "iin_mismatch"),
        (sign_payload(_statement(gw, SANDBOX_USERS[0].iin), sign_key), "iin_mismatch"),
        (sign_payload(_statement(gw, SANDBOX_NEWCOMER.iin, sha256_kk="0" * 64), sign_key),
         "agreement_mismatch"),
        (sign_payload(_statement(gw, SANDBOX_NEWCOMER.iin, version=2), sign_key),
         "agreement_mismatch"),
        (sign_payload(_statement(gw, SANDBOX_NEWCOMER.iin, signed_at=stale), sign_key),
         "clock_skew"),
        (sign_payload(json.dumps({"x": 1}).encode(), sign_key), "malformed_request"),
    ]
    for body, code in cases:
        response = gw.client.post(SIGNATURE, json=body, headers=bearer(token))
        assert _code(response) == code
        last = journal.entries(gw.engine)[-1]
        assert last.kind == "refusal" and last.detail_obj()["code"] == code
    assert _code(gw.client.post(SIGNATURE, json=cases[0][0])) == "session_invalid"
    with gw.engine.connect() as conn:
        assert conn.execute(select(agreements)).first() is None
