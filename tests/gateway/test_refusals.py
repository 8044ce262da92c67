"""The refusal matrix (issue 5): each bad request has its own code, is journaled as a refusal
and changes nothing else — on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from gateway import journal, registry
from gateway.models import agreements, applications, nonces, sessions, users
from gateway.problems import CODES, PROBLEM_MEDIA_TYPE
from signing.iin import make_iin
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, SandboxUser, create_sandbox_pki
from transport.canonical import canonical_json
from transport.clock import iso, now_astana
from transport.protocol import (
    API_PREFIX,
    MAX_BODY_BYTES,
    OperatorBlock,
    OperatorUnblock,
    QueryRequest,
)

from .applicant import application_pdf, form, submission
from .helpers import (
    Gw,
    bearer,
    fresh_signer,
    login,
    login_body,
    query_request,
    sign_payload,
    signed_query,
)

ANALYST = SANDBOX_USERS[0]
QUERIES, LOGIN = f"{API_PREFIX}/queries", f"{API_PREFIX}/auth/login"
PAST = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
Send = Callable[[], Any]


@pytest.fixture(scope="module")
def foreign_pki(tmp_path_factory: pytest.TempPathFactory) -> SandboxPKI:
    """A second, untrusted CA."""
    return create_sandbox_pki(tmp_path_factory.mktemp("foreign-ca"))


def _query(gw: Gw, user: SandboxUser = ANALYST, **kw: Any) -> tuple[str, dict[str, Any]]:
    """A session of `user` and a well-formed signed query of theirs (not sent)."""
    token = login(gw.client, gw.pki.software_signers(user)[0])
    return token, signed_query(query_request(user.iin, **kw), gw.pki.software_signers(user)[1])


def tampered(gw: Gw, _: SandboxPKI) -> Send:
    token, body = _query(gw)
    payload = json.loads(base64.b64decode(body["payload"]))
    payload["params"]["iin"] = SANDBOX_USERS[1].iin
    forged = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    body["payload"] = base64.b64encode(forged.encode()).decode()
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def wrong_key(gw: Gw, _: SandboxPKI) -> Send:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    body = signed_query(query_request(ANALYST.iin), gw.pki.software_signers(ANALYST)[0])
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def expired(gw: Gw, _: SandboxPKI) -> Send:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    body = signed_query(query_request(ANALYST.iin),
                        fresh_signer(gw.pki, ANALYST, "signing", not_after=PAST))
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def revoked(gw: Gw, _: SandboxPKI) -> Send:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    signer = fresh_signer(gw.pki, ANALYST, "signing")
    gw.pki.revoke(signer.certificate)  # R-AUTH-6: on the CRL
    body = signed_query(query_request(ANALYST.iin), signer)
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def unknown_ca(gw: Gw, foreign: SandboxPKI) -> Send:
    body = login_body(gw.client, fresh_signer(foreign, ANALYST, "authentication"))
    return lambda: gw.client.post(LOGIN, json=body)


def unregistered(gw: Gw, _: SandboxPKI) -> Send:
    stranger = SandboxUser("stranger", "БЕЙТАНЫС", "АДАМ", "",
                           make_iin(dt.date(1970, 1, 2), "M", 7), ANALYST.organization,
                           ANALYST.bin)
    body = login_body(gw.client, fresh_signer(gw.pki, stranger, "authentication"))
    return lambda: gw.client.post(LOGIN, json=body)


def blocked(gw: Gw, _: SandboxPKI) -> Send:
    token, body = _query(gw)
    registry.set_state(gw.engine, ANALYST.iin, "blocked")  # R-CTL-2: the open session too
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def no_agreement(gw: Gw, _: SandboxPKI) -> Send:
    token, body = _query(gw, registry.SANDBOX_NEWCOMER)
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def replayed(gw: Gw, _: SandboxPKI) -> Send:
    token, body = _query(gw)
    assert gw.client.post(QUERIES, json=body, headers=bearer(token)).status_code == 200
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def skewed(gw: Gw, _: SandboxPKI) -> Send:
    issued = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=301)
    token, body = _query(gw, issued_at=issued)
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def no_basis(gw: Gw, _: SandboxPKI) -> Send:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    data = json.loads(query_request(ANALYST.iin).canonical())
    del data["basis"]
    payload = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    body = sign_payload(payload.encode(), gw.pki.software_signers(ANALYST)[1])
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def role_denied(gw: Gw, _: SandboxPKI) -> Send:
    token, body = _query(gw, registry.SANDBOX_OPERATOR)  # the operator sends no queries
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def malformed(gw: Gw, _: SandboxPKI) -> Send:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    return lambda: gw.client.post(QUERIES, content=b'{"payload": ', headers=bearer(token))


def oversized(gw: Gw, _: SandboxPKI) -> Send:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    big = b'{"payload":"' + b"A" * MAX_BODY_BYTES + b'"}'
    return lambda: gw.client.post(QUERIES, content=big, headers=bearer(token))


APPLY = f"{API_PREFIX}/applications"


def _operator(gw: Gw) -> tuple[str, Any]:
    """A session of the sandbox operator and their signing key."""
    auth_key, sign_key = gw.pki.software_signers(registry.SANDBOX_OPERATOR)
    return login(gw.client, auth_key), sign_key


def form_unbound(gw: Gw, _: SandboxPKI) -> Send:
    # Issue 9, hole 1: a blocking form with a PDF the victim signed for something else.
    victim = SANDBOX_USERS[1]
    pdf = application_pdf(gw.pki.software_signers(victim)[1], form_data=form(victim, "transfer"))
    body = {"form": form(victim, "blocking"), "pdf": base64.b64encode(pdf).decode()}
    return lambda: gw.client.post(APPLY, json=body)


def signature_stale(gw: Gw, _: SandboxPKI) -> Send:
    body = submission(gw, SANDBOX_USERS[1], "blocking",
                      signed_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=2),
                      date=(now_astana() - dt.timedelta(days=2)).date().isoformat())
    return lambda: gw.client.post(APPLY, json=body)


def application_replayed(gw: Gw, _: SandboxPKI) -> Send:
    # Issue 9, hole 6: the same signed application filed again.
    newbie = SandboxUser("newbie", "ЖАҢАБАЕВ", "ЕРБОЛ", "", make_iin(dt.date(1993, 3, 8), "M",
                                                                     6017),
                         ANALYST.organization, ANALYST.bin)
    body = submission(gw, newbie)
    assert gw.client.post(APPLY, json=body).status_code == 200
    return lambda: gw.client.post(APPLY, json=body)


def blocked_by_a_stranger(gw: Gw, _: SandboxPKI) -> Send:
    body = submission(gw, SANDBOX_USERS[1], "blocking",
                      signer=gw.pki.software_signers(SANDBOX_USERS[2])[1])
    return lambda: gw.client.post(APPLY, json=body)


OPERATOR_IIN = registry.SANDBOX_OPERATOR.iin


def last_operator(gw: Gw, _: SandboxPKI) -> Send:
    token, key = _operator(gw)
    cmd = OperatorBlock(iin=OPERATOR_IIN, reason="өзін", issued_at=iso(now_astana()),
                        nonce=QueryRequest.new_nonce(), operator_iin=OPERATOR_IIN)
    body = sign_payload(cmd.canonical(), key)
    return lambda: gw.client.post(f"{API_PREFIX}/operator/blocks", json=body,
                                  headers=bearer(token))


def unblock_not_blocked(gw: Gw, _: SandboxPKI) -> Send:
    token, key = _operator(gw)
    cmd = OperatorUnblock(iin=ANALYST.iin, reason="қате", issued_at=iso(now_astana()),
                          nonce=QueryRequest.new_nonce(), operator_iin=OPERATOR_IIN)
    body = sign_payload(cmd.canonical(), key)
    return lambda: gw.client.post(f"{API_PREFIX}/operator/unblocks", json=body,
                                  headers=bearer(token))


def _emergency(gw: Gw, **change: Any) -> Send:
    token, key = _operator(gw)
    payload = {"nonce": QueryRequest.new_nonce(), "issued_at": iso(now_astana()),
               "section": "power_failure", "actions": "ИБП", "max_time_min": 60,
               "responsible": "Инженер", "started_at": iso(now_astana()), **change}
    body = sign_payload(canonical_json(payload), key)
    return lambda: gw.client.post(f"{API_PREFIX}/emergency", json=body, headers=bearer(token))


def time_out_of_range(gw: Gw, _: SandboxPKI) -> Send:
    # Issue 9, hole 2: year 1 at +14:00 cannot even be converted to UTC.
    return _emergency(gw, started_at="0001-01-01T00:00:00+14:00")


def resources_with_null(gw: Gw, _: SandboxPKI) -> Send:
    return _emergency(gw, resources=[1, None])


MATRIX = [
    (tampered, "signature_invalid"),
    (wrong_key, "wrong_key_usage"),
    (expired, "certificate_expired"),
    (revoked, "certificate_revoked"),
    (unknown_ca, "certificate_untrusted"),
    (unregistered, "not_registered"),
    (blocked, "user_blocked"),
    (no_agreement, "no_agreement"),
    (replayed, "nonce_replayed"),
    (skewed, "clock_skew"),
    (no_basis, "basis_missing"),
    (role_denied, "resource_not_allowed"),
    (malformed, "malformed_json"),
    (oversized, "body_too_large"),
    (form_unbound, "application_form_mismatch"),
    (signature_stale, "application_signature_stale"),
    (application_replayed, "application_replayed"),
    (blocked_by_a_stranger, "blocking_not_allowed"),
    (last_operator, "last_operator"),
    (unblock_not_blocked, "not_blocked"),
    (time_out_of_range, "time_invalid"),
    (resources_with_null, "resources_invalid"),
]


def _state(gw: Gw) -> dict[str, list[Any]]:
    """Every table a request could change (challenges aside: a login consumes its own)."""
    with gw.engine.connect() as conn:
        return {t.name: sorted(map(repr, conn.execute(select(t)).all()))
                for t in (users, sessions, nonces, applications, agreements)}


def test_the_matrix_codes_are_distinct() -> None:
    codes = [code for _, code in MATRIX]
    assert len(set(codes)) == len(codes) and set(codes) <= CODES.keys()


@pytest.mark.req("R-AUTH-1", "R-AUTH-3", "R-AUTH-5", "R-AUTH-6", "R-ACC-1", "R-CTL-2",
                 "R-Q-2", "R-LOG-1", "R-ACC-2", "R-ACC-6", "R-ACC-8", "R-Q-3", "R-OPS-1")
@pytest.mark.parametrize(("case", "code"), MATRIX, ids=[c.__name__ for c, _ in MATRIX])
def test_refusal_matrix(gw: Gw, foreign_pki: SandboxPKI, case: Callable[[Gw, SandboxPKI], Send],
                        code: str, tmp_path: Path) -> None:
    send = case(gw, foreign_pki)
    before, entries = _state(gw), journal.entries(gw.engine)
    response = send()
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE), response.text
    body = response.json()
    assert (body["code"], response.status_code, body["status"]) == (
        code, CODES[code][0], CODES[code][0])
    after = journal.entries(gw.engine)
    assert after[:len(entries)] == entries and len(after) == len(entries) + 1
    assert after[-1].kind == "refusal" and after[-1].detail_obj()["code"] == code
    assert journal.verify_chain(after) is None
    assert _state(gw) == before  # nothing else changed
