"""Signed dispositions of results (issue 8, R-RES-1): recorded once per query, journaled with the
signed bytes and the signature; every bad one is refused with its own code, journaled as a
refusal and changes nothing else — on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import datetime as dt
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from gateway import auth, dispositions, journal, registry
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.models import agreements, applications, nonces, sessions, users
from gateway.models import dispositions as dispositions_table
from gateway.problems import CODES, PROBLEM_MEDIA_TYPE, Refusal
from signing.cms import verify_detached
from signing.sandbox_pki import SANDBOX_USERS
from signing.signer import Signer
from transport.canonical import canonical_json, sha256_hex
from transport.clock import iso, now_astana
from transport.protocol import (
    API_PREFIX,
    DispositionReceipt,
    DispositionStatement,
    QueryRequest,
    QueryResult,
    Signed,
)

from .helpers import Gw, bearer, fresh_signer, login, query_request, sign_payload, signed_query

A, B = SANDBOX_USERS[0], SANDBOX_USERS[1]
QUERIES, DISPOSITIONS = f"{API_PREFIX}/queries", f"{API_PREFIX}/dispositions"
PRINTOUT = "ab" * 32
Send = Callable[[], Any]


@dataclass
class Answered:
    """A query of `user` the gateway answered, and that user's session and signing key."""

    token: str
    signer: Signer
    result: QueryResult


def _answered(gw: Gw, user: Any = A) -> Answered:
    auth_key, sign_key = gw.pki.software_signers(user)
    token = login(gw.client, auth_key)
    reply = gw.client.post(QUERIES, json=signed_query(query_request(user.iin), sign_key),
                           headers=bearer(token))
    assert reply.status_code == 200, reply.text
    result = QueryResult.model_validate_json(Signed.model_validate(reply.json()).payload_bytes())
    return Answered(token, sign_key, result)


def _fields(q: Answered, iin: str = A.iin, **change: Any) -> dict[str, Any]:
    now = now_astana()
    fields: dict[str, Any] = {
        "purpose": "sio-disposition", "journal_seq": q.result.journal_seq,
        "request_sha256": q.result.request_sha256, "case_number": "2024-0001-ФМ",
        "action": "printed_and_exported", "printout_sha256": PRINTOUT,
        "destroyed_at": iso(now), "nonce": QueryRequest.new_nonce(), "issued_at": iso(now),
        "user_iin": iin,
    }
    fields.update(change)
    return fields


def _statement(q: Answered, iin: str = A.iin, **change: Any) -> bytes:
    return DispositionStatement.model_validate(_fields(q, iin, **change)).canonical()


def _post(gw: Gw, body: dict[str, Any], token: str) -> Any:
    return gw.client.post(DISPOSITIONS, json=body, headers=bearer(token))


# ---- the refusal matrix ------------------------------------------------------------------------

def foreign(gw: Gw) -> Send:
    theirs, mine = _answered(gw, B), _answered(gw, A)
    body = sign_payload(_statement(theirs), mine.signer)  # A names B's query
    return lambda: _post(gw, body, mine.token)


def unknown_seq(gw: Gw) -> Send:
    q = _answered(gw)
    body = sign_payload(_statement(q, journal_seq=q.result.journal_seq + 1000), q.signer)
    return lambda: _post(gw, body, q.token)


def not_a_query(gw: Gw) -> Send:
    q = _answered(gw)
    login_seq = q.result.journal_seq - 1  # the login right before the query
    assert journal.entries(gw.engine)[login_seq - 1].kind == "login"
    body = sign_payload(_statement(q, journal_seq=login_seq), q.signer)
    return lambda: _post(gw, body, q.token)


def hash_mismatch(gw: Gw) -> Send:
    q = _answered(gw)
    body = sign_payload(_statement(q, request_sha256="0" * 64), q.signer)
    return lambda: _post(gw, body, q.token)


def second(gw: Gw) -> Send:
    q = _answered(gw)
    assert _post(gw, sign_payload(_statement(q), q.signer), q.token).status_code == 200
    body = sign_payload(_statement(q, action="destroyed_unattached", printout_sha256=None),
                        q.signer)
    return lambda: _post(gw, body, q.token)


def replayed(gw: Gw) -> Send:
    q = _answered(gw)
    body = sign_payload(_statement(q), q.signer)
    assert _post(gw, body, q.token).status_code == 200
    return lambda: _post(gw, body, q.token)


def skewed(gw: Gw) -> Send:
    q = _answered(gw)
    stale = iso(now_astana() - dt.timedelta(seconds=gw.config.nonce_window_s + 60))
    body = sign_payload(_statement(q, issued_at=stale, destroyed_at=stale), q.signer)
    return lambda: _post(gw, body, q.token)


def other_signer(gw: Gw) -> Send:
    q = _answered(gw)
    body = sign_payload(_statement(q), gw.pki.software_signers(B)[1])  # B signs, A's session
    return lambda: _post(gw, body, q.token)


def other_iin(gw: Gw) -> Send:
    q = _answered(gw)
    body = sign_payload(_statement(q, iin=B.iin), q.signer)  # A signs a statement naming B
    return lambda: _post(gw, body, q.token)


def auth_key(gw: Gw) -> Send:
    q = _answered(gw)
    body = sign_payload(_statement(q), gw.pki.software_signers(A)[0])
    return lambda: _post(gw, body, q.token)


def revoked(gw: Gw) -> Send:
    q = _answered(gw)
    signer = fresh_signer(gw.pki, A, "signing")
    gw.pki.revoke(signer.certificate)
    body = sign_payload(_statement(q), signer)
    return lambda: _post(gw, body, q.token)


def not_json(gw: Gw) -> Send:
    q = _answered(gw)
    body = sign_payload(b"\xff not json", q.signer)
    return lambda: _post(gw, body, q.token)


def not_canonical(gw: Gw) -> Send:
    q = _answered(gw)
    pretty = json.dumps(json.loads(_statement(q)), indent=1, ensure_ascii=False).encode()
    body = sign_payload(pretty, q.signer)
    return lambda: _post(gw, body, q.token)


def unknown_action(gw: Gw) -> Send:
    q = _answered(gw)
    body = sign_payload(canonical_json(_fields(q, action="lost")), q.signer)
    return lambda: _post(gw, body, q.token)


def printout_missing(gw: Gw) -> Send:
    q = _answered(gw)
    fields = _fields(q, action="exported")
    del fields["printout_sha256"]
    body = sign_payload(canonical_json(fields), q.signer)
    return lambda: _post(gw, body, q.token)


def destroyed_before_answer(gw: Gw) -> Send:
    q = _answered(gw)
    early = iso(now_astana() - dt.timedelta(hours=2))
    body = sign_payload(_statement(q, destroyed_at=early), q.signer)
    return lambda: _post(gw, body, q.token)


def no_session(gw: Gw) -> Send:
    q = _answered(gw)
    body = sign_payload(_statement(q), q.signer)
    return lambda: gw.client.post(DISPOSITIONS, json=body)


MATRIX = [
    (foreign, "disposition_foreign"),
    (unknown_seq, "disposition_unknown"),
    (not_a_query, "disposition_unknown"),
    (hash_mismatch, "disposition_unknown"),
    (second, "disposition_exists"),
    (replayed, "nonce_replayed"),
    (skewed, "clock_skew"),
    (other_signer, "iin_mismatch"),
    (other_iin, "iin_mismatch"),
    (auth_key, "wrong_key_usage"),
    (revoked, "certificate_revoked"),
    (not_json, "disposition_malformed"),
    (not_canonical, "disposition_malformed"),
    (unknown_action, "disposition_malformed"),
    (printout_missing, "printout_missing"),
    (destroyed_before_answer, "disposition_time_invalid"),
    (no_session, "session_invalid"),
]


def _state(gw: Gw) -> dict[str, list[Any]]:
    """Every table a disposition could change (challenges aside: a login consumes its own)."""
    with gw.engine.connect() as conn:
        return {t.name: sorted(map(repr, conn.execute(select(t)).all()))
                for t in (users, sessions, nonces, applications, agreements, dispositions_table)}


def test_disposition_codes_are_known_and_distinct_where_the_cause_is() -> None:
    codes = {code for _, code in MATRIX}
    assert codes <= CODES.keys()
    assert {"disposition_malformed", "printout_missing", "disposition_unknown",
            "disposition_foreign", "disposition_exists", "disposition_time_invalid"} <= codes


@pytest.mark.req("R-RES-1", "R-LOG-1", "R-AUTH-5")
@pytest.mark.parametrize(("case", "code"), MATRIX, ids=[c.__name__ for c, _ in MATRIX])
def test_refused_dispositions(gw: Gw, case: Callable[[Gw], Send], code: str) -> None:
    send = case(gw)
    before, entries = _state(gw), journal.entries(gw.engine)
    response = send()
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE), response.text
    body = response.json()
    assert (body["code"], response.status_code, body["status"]) == (
        code, CODES[code][0], CODES[code][0])
    after = journal.entries(gw.engine)
    assert after[:len(entries)] == entries and len(after) == len(entries) + 1
    refusal = after[-1]
    assert refusal.kind == "refusal" and refusal.detail_obj()["code"] == code
    assert refusal.detail_obj()["endpoint"] == "disposition"
    assert journal.verify_chain(after) is None
    assert _state(gw) == before  # nothing else changed: no nonce, no disposition


# ---- accepted dispositions ---------------------------------------------------------------------

def _check_recorded(gw: Gw, q: Answered, payload: bytes, receipt: DispositionReceipt,
                    user_iin: str = A.iin) -> None:
    statement = DispositionStatement.model_validate_json(payload)
    assert (receipt.query_seq, receipt.action) == (q.result.journal_seq, statement.action)
    entry = journal.entries(gw.engine)[receipt.journal_seq - 1]
    assert (entry.seq, entry.kind, entry.actor_iin) == (receipt.journal_seq, "disposition",
                                                       user_iin)
    assert entry.request_sha256 == q.result.request_sha256  # the query it disposes of
    detail = entry.detail_obj()
    assert detail["query_seq"] == q.result.journal_seq and detail["action"] == statement.action
    assert detail["case_number"] == statement.case_number
    assert detail["printout_sha256"] == statement.printout_sha256
    # R-CTL-3: the journal alone lets anyone re-verify what the user signed.
    assert detail["request"].encode("utf-8") == payload
    verified = verify_detached(base64.b64decode(detail["signature"]), payload,
                               gw.pki.trust_store(), purpose="signing")
    assert verified.profile.iin == user_iin
    with gw.engine.connect() as conn:
        row = conn.execute(select(dispositions_table).where(
            dispositions_table.c.query_seq == q.result.journal_seq)).mappings().one()
    assert (row["journal_seq"], row["iin"], row["action"], row["case_number"]) == (
        entry.seq, user_iin, statement.action, statement.case_number)
    assert row["printout_sha256"] == statement.printout_sha256
    assert row["destroyed_at"] == detail["destroyed_at"] and row["destroyed_at"].endswith(
        "+05:00")  # R-Q-5
    assert journal.verify_chain(journal.entries(gw.engine)) is None


@pytest.mark.req("R-RES-1", "R-LOG-1", "R-LOG-2", "R-CTL-3")
@pytest.mark.parametrize(("action", "printout"), [
    ("printed", None), ("printed", PRINTOUT), ("exported", PRINTOUT),
    ("printed_and_exported", PRINTOUT), ("destroyed_unattached", None)])
def test_each_disposition_is_recorded_and_journaled_re_verifiably(
        gw: Gw, action: str, printout: str | None) -> None:
    q = _answered(gw)
    payload = _statement(q, action=action, printout_sha256=printout)
    reply = _post(gw, sign_payload(payload, q.signer), q.token)
    assert reply.status_code == 200, reply.text
    _check_recorded(gw, q, payload, DispositionReceipt.model_validate(reply.json()))


@pytest.mark.req("R-RES-1", "R-CTL-2")
def test_a_blocked_user_still_reports_what_became_of_an_earlier_result(gw: Gw) -> None:
    q = _answered(gw)
    registry.set_state(gw.engine, A.iin, "blocked")  # R-CTL-2: no more queries...
    refused = gw.client.post(QUERIES, json=signed_query(query_request(A.iin), q.signer),
                             headers=bearer(q.token))
    assert refused.json()["code"] == "user_blocked"
    payload = _statement(q, action="destroyed_unattached", printout_sha256=None)
    reply = _post(gw, sign_payload(payload, q.signer), q.token)  # ...but the journal must know
    assert reply.status_code == 200, reply.text
    _check_recorded(gw, q, payload, DispositionReceipt.model_validate(reply.json()))


@pytest.mark.req("R-RES-1", "R-AUTH-4", "R-AUTH-5")
def test_disposition_signed_on_a_softhsm_token(gw: Gw, softhsm_token: Any) -> None:
    from signing.pkcs11 import Pkcs11Token
    from signing.token import pick

    assert softhsm_token.users_iin == A.iin
    q = _answered(gw)
    token = Pkcs11Token.open(softhsm_token.module, softhsm_token.label)
    token.login(softhsm_token.user_pin)
    try:
        signer = token.signer(pick(token.keypairs(), "signing"))
        payload = _statement(q, action="exported")
        reply = _post(gw, sign_payload(payload, signer), q.token)
    finally:
        token.logout()
    assert reply.status_code == 200, reply.text
    _check_recorded(gw, q, payload, DispositionReceipt.model_validate(reply.json()))


@pytest.mark.req("R-RES-1", "R-LOG-1")
def test_two_dispositions_of_one_query_at_once_record_exactly_one(gw: Gw) -> None:
    q = _answered(gw)
    session = auth.session_of(gw.engine, f"Bearer {q.token}")
    bodies = [sign_payload(_statement(q, case_number=f"2024-000{i}-ФМ"), q.signer)
              for i in range(4)]
    outcomes: list[object] = []
    barrier = threading.Barrier(len(bodies))

    def submit(body: dict[str, Any]) -> None:
        barrier.wait()
        try:
            outcomes.append(dispositions.submit(gw.engine, gw.config, session, body,
                                                RequestContext(endpoint="disposition")))
        except Refusal as refusal:
            outcomes.append(refusal.code)

    threads = [threading.Thread(target=submit, args=(b,)) for b in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    receipts = [o for o in outcomes if isinstance(o, DispositionReceipt)]
    assert len(receipts) == 1 and sorted(o for o in outcomes if isinstance(o, str)) == [
        "disposition_exists"] * (len(bodies) - 1)
    kinds = [e.kind for e in journal.entries(gw.engine)]
    assert kinds.count("disposition") == 1
    assert journal.verify_chain(journal.entries(gw.engine)) is None


@pytest.mark.req("R-RES-1", "R-LOG-2")
def test_recorded_dispositions_cannot_be_changed_or_removed(gw: Gw) -> None:
    q = _answered(gw)
    assert _post(gw, sign_payload(_statement(q), q.signer), q.token).status_code == 200
    where = dispositions_table.c.query_seq == q.result.journal_seq
    for statement in (update(dispositions_table).where(where).values(case_number="другое"),
                      delete(dispositions_table).where(where)):
        with pytest.raises(DBAPIError), write_tx(gw.engine) as conn:
            conn.execute(statement)
    with gw.engine.connect() as conn:
        assert conn.execute(select(dispositions_table.c.case_number).where(where)
                            ).scalar_one() == "2024-0001-ФМ"


def test_statement_hash_is_what_refusals_name(gw: Gw) -> None:
    """A refused disposition's journal entry names the hash of the signed statement."""
    q = _answered(gw)
    payload = _statement(q, request_sha256="1" * 64)
    assert _post(gw, sign_payload(payload, q.signer), q.token).status_code == 404
    last = journal.entries(gw.engine)[-1]
    assert last.request_sha256 == sha256_hex(payload)
    assert last.detail_obj()["query_seq"] == q.result.journal_seq


@pytest.mark.req("R-RES-1")
def test_an_answer_lost_to_a_crash_is_named_by_its_request_hash(gw: Gw) -> None:
    """The client died after the query left and before it kept the answer: its receipt knows
    the request hash and when it asked, not the seq; the gateway finds the user's query."""
    q = _answered(gw)
    asked = iso(now_astana() - dt.timedelta(seconds=2))
    body = sign_payload(_statement(q, journal_seq=None, asked_at=asked,
                                   action="destroyed_unattached", printout_sha256=None), q.signer)
    reply = _post(gw, body, q.token)
    assert reply.status_code == 200, reply.text
    assert DispositionReceipt.model_validate(reply.json()).query_seq == q.result.journal_seq
    # Another user's query is not found that way, nor a hash nobody asked with.
    other = _answered(gw, B)
    for token, signer, sha in ((q.token, q.signer, other.result.request_sha256),
                               (q.token, q.signer, "cd" * 32)):
        body = sign_payload(_statement(q, journal_seq=None, asked_at=asked, request_sha256=sha,
                                       action="destroyed_unattached", printout_sha256=None),
                            signer)
        refused = _post(gw, body, token)
        assert refused.status_code == 404 and refused.json()["code"] == "disposition_unknown"
