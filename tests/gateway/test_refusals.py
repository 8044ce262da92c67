"""The refusal matrix (issue 5): each bad request has its own code, is journaled as a refusal
and changes nothing else — on SQLite and PostgreSQL, with RSA keys and with GOST 34.10-2015 keys
(issue 12: every code reached by a GOST-signed request too)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal
from unittest import mock

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from gateway import journal, registry
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.db import make_engine
from gateway.models import agreements, applications, nonces, sessions, users
from gateway.problems import CODES, PROBLEM_MEDIA_TYPE
from signing.gost.issue import GostKeyPair
from signing.gost.signer import GostSoftwareSigner
from signing.iin import make_iin
from signing.sandbox_gost import GostSandbox
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, SandboxUser, create_sandbox_pki
from signing.signer import Signer
from signing.trust import TrustStore
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
KeyKind = Literal["rsa", "gost"]


@dataclass
class Keys:
    """Everyone's keys of one kind: RSA (an AUTH and a signing key each, as NCA's RSA
    certificates) or GOST 2015 (one key for both uses, as NCA's 2022 CA issues them)."""

    kind: KeyKind
    pki: SandboxPKI
    foreign_pki: SandboxPKI
    gost: GostSandbox
    foreign_gost: GostSandbox

    def auth(self, user: SandboxUser) -> Signer:
        """`user`'s login key."""
        return self.gost.signer(user) if self.kind == "gost" else self.pki.software_signers(user)[0]

    def sign(self, user: SandboxUser) -> Signer:
        """`user`'s signing key."""
        return self.gost.signer(user) if self.kind == "gost" else self.pki.software_signers(user)[1]

    def fresh(self, user: SandboxUser, purpose: Literal["authentication", "signing"], *,
              not_after: dt.datetime | None = None) -> Signer:
        """A new key and certificate of `user` (revoking it leaves the shared ones alone); a GOST
        "authentication" one lacks nonRepudiation, so it may not sign."""
        if self.kind == "rsa":
            return fresh_signer(self.pki, user, purpose, not_after=not_after)
        key = GostKeyPair.generate()
        cert = self.gost.issue_user_certificate(
            user, key, purpose="both" if purpose == "signing" else "authentication",
            not_after=not_after)
        return GostSoftwareSigner(key, cert)

    def foreign(self, user: SandboxUser) -> Signer:
        """A login key of `user` certified by a CA the gateway does not trust."""
        if self.kind == "rsa":
            return fresh_signer(self.foreign_pki, user, "authentication")
        return self.foreign_gost.signer(user)

    def revoke(self, signer: Signer) -> None:
        """List the signer's certificate on its CA's CRL (R-AUTH-6)."""
        if self.kind == "rsa":
            self.pki.revoke(signer.certificate)
        else:
            self.gost.revoke(signer.certificate)

    def trust(self) -> TrustStore:
        """The gateway's trust: the sandbox CAs, and the GOST CA with its current CRL."""
        store = self.pki.trust_store()
        return TrustStore([*store.anchors, self.gost.ca], store.intermediates,
                          [*store.crls, self.gost.crl])


@pytest.fixture(scope="module")
def foreign_pki(tmp_path_factory: pytest.TempPathFactory) -> SandboxPKI:
    """A second, untrusted CA."""
    return create_sandbox_pki(tmp_path_factory.mktemp("foreign-ca"))


@pytest.fixture(scope="module")
def gost_cas(tmp_path_factory: pytest.TempPathFactory) -> tuple[GostSandbox, GostSandbox]:
    """The trusted GOST CA and an untrusted one."""
    return (GostSandbox(tmp_path_factory.mktemp("gost-ca")),
            GostSandbox(tmp_path_factory.mktemp("foreign-gost-ca")))


@pytest.fixture(params=["rsa", "gost"])
def keys(request: pytest.FixtureRequest, sandbox_pki: SandboxPKI, foreign_pki: SandboxPKI,
         gost_cas: tuple[GostSandbox, GostSandbox]) -> Keys:
    return Keys(request.param, sandbox_pki, foreign_pki, *gost_cas)


@pytest.fixture
def gw(keys: Keys, db_url: str) -> Iterator[Gw]:
    """The sandbox gateway (as tests/gateway/conftest.py's), trusting the GOST CA too."""
    config = GatewayConfig.for_sandbox(keys.pki, db_url=db_url, trust=keys.trust)
    eng = make_engine(db_url)
    with TestClient(create_app(config, eng), raise_server_exceptions=False) as client:
        yield Gw(client=client, engine=eng, config=config, pki=keys.pki, db_url=db_url)
    eng.dispose()


def _query(gw: Gw, k: Keys, user: SandboxUser = ANALYST,
           **kw: Any) -> tuple[str, dict[str, Any]]:
    """A session of `user` and a well-formed signed query of theirs (not sent)."""
    token = login(gw.client, k.auth(user))
    return token, signed_query(query_request(user.iin, **kw), k.sign(user))


def tampered(gw: Gw, k: Keys) -> Send:
    token, body = _query(gw, k)
    payload = json.loads(base64.b64decode(body["payload"]))
    payload["params"]["iin"] = SANDBOX_USERS[1].iin
    forged = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    body["payload"] = base64.b64encode(forged.encode()).decode()
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def wrong_key(gw: Gw, k: Keys) -> Send:
    token = login(gw.client, k.auth(ANALYST))
    body = signed_query(query_request(ANALYST.iin), k.fresh(ANALYST, "authentication"))
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def expired(gw: Gw, k: Keys) -> Send:
    token = login(gw.client, k.auth(ANALYST))
    body = signed_query(query_request(ANALYST.iin),
                        k.fresh(ANALYST, "signing", not_after=PAST))
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def revoked(gw: Gw, k: Keys) -> Send:
    token = login(gw.client, k.auth(ANALYST))
    signer = k.fresh(ANALYST, "signing")
    k.revoke(signer)  # R-AUTH-6: on the CRL
    body = signed_query(query_request(ANALYST.iin), signer)
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def unknown_ca(gw: Gw, k: Keys) -> Send:
    body = login_body(gw.client, k.foreign(ANALYST))
    return lambda: gw.client.post(LOGIN, json=body)


def unregistered(gw: Gw, k: Keys) -> Send:
    stranger = SandboxUser("stranger", "БЕЙТАНЫС", "АДАМ", "",
                           make_iin(dt.date(1970, 1, 2), "M", 7), ANALYST.organization,
                           ANALYST.bin)
    body = login_body(gw.client, k.fresh(stranger, "authentication"))
    return lambda: gw.client.post(LOGIN, json=body)


def blocked(gw: Gw, k: Keys) -> Send:
    token, body = _query(gw, k)
    registry.set_state(gw.engine, ANALYST.iin, "blocked")  # R-CTL-2: the open session too
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def no_agreement(gw: Gw, k: Keys) -> Send:
    token, body = _query(gw, k, registry.SANDBOX_NEWCOMER)
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def replayed(gw: Gw, k: Keys) -> Send:
    token, body = _query(gw, k)
    assert gw.client.post(QUERIES, json=body, headers=bearer(token)).status_code == 200
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def skewed(gw: Gw, k: Keys) -> Send:
    issued = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=301)
    token, body = _query(gw, k, issued_at=issued)
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def no_basis(gw: Gw, k: Keys) -> Send:
    token = login(gw.client, k.auth(ANALYST))
    data = json.loads(query_request(ANALYST.iin).canonical())
    del data["basis"]
    payload = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    body = sign_payload(payload.encode(), k.sign(ANALYST))
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def role_denied(gw: Gw, k: Keys) -> Send:
    token, body = _query(gw, k, registry.SANDBOX_OPERATOR)  # the operator sends no queries
    return lambda: gw.client.post(QUERIES, json=body, headers=bearer(token))


def malformed(gw: Gw, k: Keys) -> Send:
    token = login(gw.client, k.auth(ANALYST))
    return lambda: gw.client.post(QUERIES, content=b'{"payload": ', headers=bearer(token))


def oversized(gw: Gw, k: Keys) -> Send:
    token = login(gw.client, k.auth(ANALYST))
    big = b'{"payload":"' + b"A" * MAX_BODY_BYTES + b'"}'
    return lambda: gw.client.post(QUERIES, content=big, headers=bearer(token))


APPLY = f"{API_PREFIX}/applications"


def _operator(gw: Gw, k: Keys) -> tuple[str, Any]:
    """A session of the sandbox operator and their signing key."""
    operator = registry.SANDBOX_OPERATOR
    return login(gw.client, k.auth(operator)), k.sign(operator)


def form_unbound(gw: Gw, k: Keys) -> Send:
    # Issue 9, hole 1: a blocking form with a PDF the victim signed for something else.
    victim = SANDBOX_USERS[1]
    pdf = application_pdf(k.sign(victim), form_data=form(victim, "transfer"))
    body = {"form": form(victim, "blocking"), "pdf": base64.b64encode(pdf).decode()}
    return lambda: gw.client.post(APPLY, json=body)


@contextmanager
def gost_signing_clock(at: dt.datetime) -> Iterator[None]:
    """Make our CMS writer (GOST PAdES: pyHanko cannot sign GOST) put `at` as signing time."""
    import signing.cms

    class _Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> _Clock:
            moment = at.astimezone(tz) if tz is not None else at
            return cls.fromtimestamp(moment.timestamp(), tz=moment.tzinfo)

    clock = SimpleNamespace(datetime=_Clock, UTC=dt.UTC, timedelta=dt.timedelta,
                            timezone=dt.timezone, date=dt.date)
    with mock.patch.object(signing.cms, "dt", clock):
        yield


def signature_stale(gw: Gw, k: Keys) -> Send:
    at = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    with gost_signing_clock(at):
        body = submission(gw, SANDBOX_USERS[1], "blocking", signer=k.sign(SANDBOX_USERS[1]),
                          signed_at=at, date=(now_astana() - dt.timedelta(days=2)).date()
                          .isoformat())
    return lambda: gw.client.post(APPLY, json=body)


def application_replayed(gw: Gw, k: Keys) -> Send:
    # Issue 9, hole 6: the same signed application filed again.
    newbie = SandboxUser("newbie", "ЖАҢАБАЕВ", "ЕРБОЛ", "", make_iin(dt.date(1993, 3, 8), "M",
                                                                     6017),
                         ANALYST.organization, ANALYST.bin)
    body = submission(gw, newbie, signer=k.sign(newbie))
    assert gw.client.post(APPLY, json=body).status_code == 200
    return lambda: gw.client.post(APPLY, json=body)


def blocked_by_a_stranger(gw: Gw, k: Keys) -> Send:
    body = submission(gw, SANDBOX_USERS[1], "blocking",
                      signer=k.sign(SANDBOX_USERS[2]))
    return lambda: gw.client.post(APPLY, json=body)


OPERATOR_IIN = registry.SANDBOX_OPERATOR.iin


def last_operator(gw: Gw, k: Keys) -> Send:
    token, key = _operator(gw, k)
    cmd = OperatorBlock(iin=OPERATOR_IIN, reason="өзін", issued_at=iso(now_astana()),
                        nonce=QueryRequest.new_nonce(), operator_iin=OPERATOR_IIN)
    body = sign_payload(cmd.canonical(), key)
    return lambda: gw.client.post(f"{API_PREFIX}/operator/blocks", json=body,
                                  headers=bearer(token))


def unblock_not_blocked(gw: Gw, k: Keys) -> Send:
    token, key = _operator(gw, k)
    cmd = OperatorUnblock(iin=ANALYST.iin, reason="қате", issued_at=iso(now_astana()),
                          nonce=QueryRequest.new_nonce(), operator_iin=OPERATOR_IIN)
    body = sign_payload(cmd.canonical(), key)
    return lambda: gw.client.post(f"{API_PREFIX}/operator/unblocks", json=body,
                                  headers=bearer(token))


def _emergency(gw: Gw, k: Keys, **change: Any) -> Send:
    token, key = _operator(gw, k)
    payload = {"nonce": QueryRequest.new_nonce(), "issued_at": iso(now_astana()),
               "section": "power_failure", "actions": "ИБП", "max_time_min": 60,
               "responsible": "Инженер", "started_at": iso(now_astana()), **change}
    body = sign_payload(canonical_json(payload), key)
    return lambda: gw.client.post(f"{API_PREFIX}/emergency", json=body, headers=bearer(token))


def time_out_of_range(gw: Gw, k: Keys) -> Send:
    # Issue 9, hole 2: year 1 at +14:00 cannot even be converted to UTC.
    return _emergency(gw, k, started_at="0001-01-01T00:00:00+14:00")


def resources_with_null(gw: Gw, k: Keys) -> Send:
    return _emergency(gw, k, resources=[1, None])


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
def test_refusal_matrix(gw: Gw, keys: Keys, case: Callable[[Gw, Keys], Send], code: str,
                        tmp_path: Path) -> None:
    send = case(gw, keys)
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
