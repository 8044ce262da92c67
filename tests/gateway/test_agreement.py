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
from transport.protocol import API_PREFIX, AgreementBlanks, AgreementStatement, AgreementText

from .helpers import Gw, bearer, login_body, query_request, sign_payload, signed_query

AGREEMENT, SIGNATURE = f"{API_PREFIX}/agreement", f"{API_PREFIX}/agreement/signature"
QUERIES, LOGIN = f"{API_PREFIX}/queries", f"{API_PREFIX}/auth/login"


NEWCOMER_NAME = " ".join((SANDBOX_NEWCOMER.surname, SANDBOX_NEWCOMER.first_name,
                          SANDBOX_NEWCOMER.patronymic))


def _statement(gw: Gw, iin: str, **change: object) -> bytes:
    """The newcomer's statement with the blanks filled (R-AUTH-8); `change` overrides fields."""
    text = AgreementText.model_validate(gw.client.get(AGREEMENT).json())
    fields = agreement.statement_for(text, iin, iso(now_astana()),
                                     name=NEWCOMER_NAME).model_dump(mode="json")
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
    assert text.version == 2  # the 2022 form with its blanks marked (R-AUTH-8)
    assert "келісім" in text.text_kk.lower() and "Соглашение" in text.text_ru
    assert text.sha256_kk == sha256_hex(text.text_kk.encode())
    assert text.sha256_ru == sha256_hex(text.text_ru.encode())
    assert (agreement.AGREEMENT_DIR / "agreement-v2.kk.txt").read_text("utf-8") == text.text_kk


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
        (sign_payload(_statement(gw, SANDBOX_NEWCOMER.iin, version=3), sign_key),
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


def _filled(gw: Gw, **blanks: str) -> dict[str, object]:
    """A statement whose texts are the form filled with `blanks` (over the defaults)."""
    text = AgreementText.model_validate(gw.client.get(AGREEMENT).json())
    values = {"city": "Астана", "date": now_astana().date().isoformat(),
              "full_name": NEWCOMER_NAME, "position": "бас маман", **blanks}
    return AgreementStatement.filled(text, AgreementBlanks.model_validate(values),
                                     SANDBOX_NEWCOMER.iin, iso(now_astana())
                                     ).model_dump(mode="json")


@pytest.mark.req("R-AUTH-8", "R-AUTH-2")
def test_the_signed_text_is_the_form_with_only_its_blanks_filled(gw: Gw) -> None:
    token, _ = _login(gw)
    sign_key = gw.pki.software_signers(SANDBOX_NEWCOMER)[1]
    good = _filled(gw, city="Алматы", position="бас сарапшы")
    assert "Алматы қаласы" in str(good["text_kk"]) and "город Алматы" in str(good["text_ru"])
    assert f"{NEWCOMER_NAME}, бас сарапшы" in str(good["text_kk"])
    # One word changed outside the blanks, in either language; the blanks and the text
    # disagreeing; another person's name; another day: each refused, nothing recorded.
    kk_word = dict(good, text_kk=str(good["text_kk"]).replace("құпия", "ашық", 1))
    ru_word = dict(good, text_ru=str(good["text_ru"]).replace("не разглашать", "разглашать"))
    other_city = dict(good, blanks=dict(good["blanks"], city="Шымкент"))  # type: ignore[arg-type]
    stranger = _filled(gw, full_name="БӨТЕН АДАМ")
    yesterday = (now_astana().date() - dt.timedelta(days=3)).isoformat()
    old = _filled(gw, date=yesterday)
    for fields in (kk_word, ru_word, other_city, stranger, old):
        body = AgreementStatement.model_validate(fields).canonical()
        refused = gw.client.post(SIGNATURE, json=sign_payload(body, sign_key),
                                 headers=bearer(token))
        assert _code(refused) == "agreement_mismatch", fields
    with gw.engine.connect() as conn:
        assert conn.execute(select(agreements)).first() is None
    # A blank cannot smuggle a line or a marker into the text.
    with pytest.raises(ValueError):
        AgreementStatement.model_validate(_filled(gw, position="маман\n18. Қосымша тармақ"))
    body = AgreementStatement.model_validate(good).canonical()
    reply = gw.client.post(SIGNATURE, json=sign_payload(body, sign_key), headers=bearer(token))
    assert reply.status_code == 200, reply.text
    with gw.engine.connect() as conn:
        stored = json.loads(conn.execute(select(agreements.c.statement)).scalar_one())
    assert stored["text_kk"] == good["text_kk"] and stored["blanks"]["city"] == "Алматы"
