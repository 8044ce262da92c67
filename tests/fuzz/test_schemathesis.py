"""schemathesis against the sandbox gateway, in-process over ASGI (issue 9): no 5xx, and every
answer conforms to the OpenAPI document — its status is documented, its content type and body
match the schema, its documented headers are there.

Positive and negative cases for every operation (coverage and fuzzing phases), then stateful
runs that follow the document's links: a challenge goes into a login, whose session is the
bearer of the calls after it. An auth hook logs the sandbox analyst in with their software
signer (the operator for operator endpoints), so the endpoints behind a session are exercised
beyond their 401; a login whose body carries a real challenge is signed for real half the time,
and most positive bodies of signed operations are replaced by payloads the desk would send,
mutated and then really signed (tests/fuzz/signed.py), so the fuzzing reaches past the
signature into the payload checks, the handlers and the journal.

The budget is CI-sized and deterministic (fixed seed, derandomized); `./run fuzz` runs the
same harness with SIO_FUZZ_EXAMPLES (default there 2000) and SIO_FUZZ_STEPS. Nothing leaves the
process: requests go to the ASGI app, the database is SQLite in a temporary folder.
"""

from __future__ import annotations

import atexit
import base64
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis import Case
from schemathesis.auths import AuthContext
from schemathesis.core.failures import ServerError
from starlette.testclient import TestClient

from gateway.agreement import statement_for
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.registry import SANDBOX_OPERATOR
from signing.cms import sign_detached
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, SandboxUser, create_sandbox_pki
from signing.signer import Signer
from tests.fuzz.signed import SignedPayloads
from tests.gateway.helpers import login
from transport.canonical import canonical_json
from transport.clock import iso, now_astana, parse_iso
from transport.protocol import API_PREFIX, AgreementText, LoginStatement, Signed

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("SIO_FUZZ_EXAMPLES", "25"))  # per operation and phase
STEPS = int(os.environ.get("SIO_FUZZ_STEPS", "6"))  # per stateful scenario
SCENARIOS = int(os.environ.get("SIO_FUZZ_SCENARIOS", str(max(10, EXAMPLES * 2))))
SEED = int(os.environ.get("SIO_FUZZ_SEED", "20240901"))
ANALYST = SANDBOX_USERS[0]
# Operations the operator's session exercises (the analyst's would stop at operator_only).
OPERATOR_PATHS = re.compile(rf"^{API_PREFIX}/(operator/|reports$|notices$|emergency)")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
LOGIN = f"{API_PREFIX}/auth/login"
LOGOUT = f"{API_PREFIX}/auth/logout"
SESSION_REFRESH_S = 300.0  # well inside the sandbox's 900 s session

CHECKS = {
    "enabled": False,
    "not_a_server_error": {"enabled": True},
    "status_code_conformance": {"enabled": True},
    "content_type_conformance": {"enabled": True},
    "response_schema_conformance": {"enabled": True},
    "response_headers_conformance": {"enabled": True},
    # A body over the size cap is refused 413 before it is parsed (schemathesis's default list
    # of rejections lacks it).
    "negative_data_rejection": {"enabled": True, "expected-statuses": [
        400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]},
    "missing_required_header": {"enabled": True},
    "unsupported_method": {"enabled": True},
    "ignored_auth": {"enabled": True},
    # Not: positive_data_acceptance — a generated "valid" Signed body carries no valid CMS, so
    # the gateway rightly refuses it; use_after_free and friends need DELETE, which has none.
}
CONFIG = {
    "seed": SEED,
    "generation": {
        "mode": "all",  # positive and negative
        "max-examples": EXAMPLES,
        "deterministic": True,
        "database": "none",
        "with-security-parameters": False,  # the auth hook sets the bearer
    },
    "checks": CHECKS,
    "phases": {
        "examples": {"enabled": False},  # the document has no examples
        "coverage": {"enabled": True},
        "fuzzing": {"enabled": True},
        "stateful": {"enabled": True, "max-steps": STEPS},
    },
    "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large"],
}


class Sessions:
    """Logged-in sessions of the sandbox analyst and operator, by their software signers.

    schemathesis applies auth when it builds a case, and builds the coverage phase's cases at
    collection, maybe long before they run: `renew` swaps a session we issued for a live one
    right before the call (a fresh one for logout, which ends it)."""

    def __init__(self, client: TestClient, pki: SandboxPKI) -> None:
        self.client = client
        self.signers: dict[str, tuple[Signer, Signer]] = {
            u.key: pki.software_signers(u) for u in (ANALYST, SANDBOX_OPERATOR)}
        self._tokens: dict[str, tuple[str, float]] = {}
        self._issued: dict[str, SandboxUser] = {}  # every token we made → whose
        self._lock = threading.Lock()

    def auth_signer(self, user: SandboxUser = ANALYST) -> Signer:
        return self.signers[user.key][0]

    def fresh(self, user: SandboxUser) -> str:
        token = login(self.client, self.auth_signer(user))
        self._issued[token] = user
        return token

    def token(self, user: SandboxUser) -> str:
        with self._lock:
            cached = self._tokens.get(user.key)
            if cached is None or time.monotonic() - cached[1] > SESSION_REFRESH_S:
                cached = self._tokens[user.key] = (self.fresh(user), time.monotonic())
            return cached[0]

    def for_case(self, case: Case) -> str:
        user = SANDBOX_OPERATOR if OPERATOR_PATHS.match(case.operation.path) else ANALYST
        return self.fresh(user) if case.operation.path == LOGOUT else self.token(user)

    def issued(self, authorization: str) -> bool:
        """Whether the bearer is a session this harness made (not one a link carried)."""
        return authorization.removeprefix("Bearer ") in self._issued

    def renew(self, case: Case) -> None:
        headers = case.headers or {}
        for name, value in list(headers.items()):
            if name.lower() == "authorization" and isinstance(value, str):
                user = self._issued.get(value.removeprefix("Bearer "))
                if user is not None:
                    headers[name] = f"Bearer {self.for_case(case)}"


SESSIONS: Sessions  # set below, once the app exists


class SessionAuth:
    """schemathesis auth: a bearer session for every case; a case that already carries one (a
    stateful link from a login) keeps it."""

    def get(self, case: Case, ctx: AuthContext) -> str:
        return SESSIONS.for_case(case)

    def set(self, case: Case, data: str, ctx: AuthContext) -> None:
        headers = case.headers if case.headers is not None else {}
        if not any(k.lower() == "authorization" for k in headers):
            headers["Authorization"] = f"Bearer {data}"
        case.headers = headers


def prepare(case: Case, *, sign_every_login: bool = False) -> None:
    """Right before a call: live sessions, and real signatures on logins.

    A login body with a well-formed challenge is signed for real — half of the time in the
    single-call tests (the challenge's last digit decides), every time in the stateful ones,
    where the challenge comes from the server and its digit would make the run irreproducible.
    A challenge from a link then logs in; an invented one is refused as unknown, not as badly
    signed."""
    SESSIONS.renew(case)
    if case.meta is not None and case.meta.generation.mode.is_negative:
        return  # invalid on purpose: it must stay so, and be refused
    signed = PAYLOADS.body_for(case.operation.path, case.body)
    if signed is not None:
        case.body = signed
    body = case.body
    if case.operation.path != LOGIN or not isinstance(body, dict):
        return
    challenge = body.get("challenge")
    if isinstance(challenge, str) and HEX64.match(challenge) and (
            sign_every_login or int(challenge[-1], 16) % 2 == 0):
        statement = LoginStatement(challenge=challenge).canonical()
        body["signature"] = base64.b64encode(
            sign_detached(statement, SESSIONS.auth_signer())).decode()


# Built at import: schemathesis parametrizes test_api from the loaded document at collection
# (its fixture-loaded schemas do not work with this pytest). The gateway has a PKI and a
# database of its own, in a temporary folder removed when the module is done.
_WORK = Path(tempfile.mkdtemp(prefix="sio-fuzz-"))
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)  # also when no test of it ran
PKI = create_sandbox_pki(_WORK / "pki")
APP = create_app(GatewayConfig.for_sandbox(
    PKI, db_url=f"sqlite:///{_WORK / 'gateway.sqlite'}", pki_dir=_WORK / "pki",
    # A flood is what the fuzzer sends: no rate limit, and the aggregate rows of anonymous
    # refusals (answered only once their row is committed) come every 50 ms, not every minute.
    rate_limit_per_s=0, refusal_window_s=0.05))
SESSIONS = Sessions(TestClient(APP, raise_server_exceptions=False), PKI)


def _agreement() -> dict[str, Any]:
    """The analyst's statement with the form's blanks filled (R-AUTH-8), as the desk signs it."""
    text = AgreementText.model_validate(SESSIONS.client.get(f"{API_PREFIX}/agreement").json())
    name = " ".join(p for p in (ANALYST.surname, ANALYST.first_name, ANALYST.patronymic) if p)
    return statement_for(text, ANALYST.iin, iso(now_astana()), name=name).model_dump(mode="json")


ANSWERED: Counter[tuple[str, int]] = Counter()  # (operation, status) of test_api's calls
PAYLOADS = SignedPayloads(PKI, ANALYST, SANDBOX_OPERATOR, _agreement)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP,
                                        config=schemathesis.Config.from_dict(CONFIG))
schema.auth(refresh_interval=None)(SessionAuth)
DOWNTIME = frozenset({"maintenance", "emergency_downtime"})
EMERGENCY = f"{API_PREFIX}/emergency"


@schema.hook("filter_failure")
def downtime_is_an_answer(ctx: Any, failure: Any, case: Case, response: Any) -> bool:
    """R-Q-3: a query to a resource under announced works or an open emergency is answered
    503 with its own code — the document lists it; it is no server error. Any other 503
    (journal_unavailable) still is."""
    if isinstance(failure, ServerError) and response.status_code == 503:
        try:
            return response.json().get("code") not in DOWNTIME
        except ValueError:
            return True
    return True


def close_if_opened(case: Case, response: Any) -> None:
    """An emergency the fuzzer opened is closed at once, so the queries after it are answered
    (an emergency over all resources would answer every later query 503)."""
    if case.method.upper() != "POST" or case.path != EMERGENCY or response.status_code != 200:
        return
    opened = response.json()
    ended = max(now_astana(), parse_iso(opened["started_at"]))  # it may start in the future
    payload = canonical_json({
        "op": "emergency_close", "nonce": secrets.token_hex(16), "issued_at": iso(now_astana()),
        "entry_seq": opened["seq"], "ended_at": iso(ended), "actions": None})
    signed = Signed.wrap(payload, sign_detached(payload, PKI.software_signers(SANDBOX_OPERATOR)[1]))
    closed = SESSIONS.client.post(
        f"{EMERGENCY}/close", json=signed.model_dump(),
        headers={"Authorization": f"Bearer {SESSIONS.token(SANDBOX_OPERATOR)}"})
    assert closed.status_code == 200, closed.text


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> Iterator[None]:
    """The module's gateway, database and PKI go when its tests are done."""
    yield
    APP.state.engine.dispose()
    shutil.rmtree(_WORK, ignore_errors=True)


@schema.parametrize()
def test_api(case: Case) -> None:
    """Every operation, positive and negative: no 5xx, every answer as documented."""
    prepare(case)
    response = case.call_and_validate()
    close_if_opened(case, response)
    ANSWERED[(f"{case.method} {case.path}", response.status_code)] += 1


def test_stateful() -> None:
    """Sequences along the document's links (challenge → login → the session's calls); they
    must really get past the login: a linked login is answered 200 and its session is the
    bearer of a call that is answered 2xx."""
    base = schema.as_state_machine()
    seen: Counter[tuple[str, int, bool]] = Counter()  # (operation, status, by a linked session)

    class Workflow(base):  # type: ignore[misc, valid-type]
        def before_call(self, case: Case) -> None:
            prepare(case, sign_every_login=True)
            super().before_call(case)

        def after_call(self, response: Any, case: Case) -> None:
            super().after_call(response, case)
            close_if_opened(case, response)
            bearer = next((str(v) for k, v in (case.headers or {}).items()
                           if k.lower() == "authorization"), "")
            linked = bool(bearer) and not SESSIONS.issued(bearer)
            seen[(f"{case.method} {case.path}", response.status_code, linked)] += 1

    Workflow.run(settings=hypothesis.settings(
        max_examples=SCENARIOS, stateful_step_count=STEPS, derandomize=True, database=None,
        deadline=None, suppress_health_check=list(hypothesis.HealthCheck)))
    assert seen[(f"POST {LOGIN}", 200, False)] > 0, seen
    assert any(linked and 200 <= status < 300 for (_, status, linked) in seen), seen


def test_the_harness_reaches_past_the_login() -> None:
    """The auth hook's sessions are real: an authenticated read is answered 200."""
    token = SESSIONS.token(ANALYST)
    response = SESSIONS.client.get(f"{API_PREFIX}/notices",
                                      headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    operator = SESSIONS.token(SANDBOX_OPERATOR)
    response = SESSIONS.client.get(f"{API_PREFIX}/operator/applications",
                                      headers={"Authorization": f"Bearer {operator}"})
    assert response.status_code == 200, response.text


def test_the_fuzzing_got_past_the_signatures() -> None:
    """After test_api: signed operations were answered more than 401s, a query was answered."""
    if not ANSWERED:
        pytest.skip("test_api did not run in this session")
    by_op: dict[str, set[int]] = {}
    for (op, status), _ in ANSWERED.items():
        by_op.setdefault(op, set()).add(status)
    if os.environ.get("SIO_FUZZ_SUMMARY"):
        for op in sorted(by_op):
            print(op, {s: n for (o, s), n in sorted(ANSWERED.items()) if o == op})
    assert PAYLOADS.used > 0
    for path in PAYLOADS.templates:
        statuses = by_op.get(f"POST {API_PREFIX}{path}", set())
        assert statuses - {401}, f"{path}: only {sorted(statuses)}"
    assert 200 in by_op[f"POST {API_PREFIX}/queries"], by_op
    assert 200 in by_op[f"GET {API_PREFIX}/reports"], by_op


def test_rate_limited_answers_conform(tmp_path: Path) -> None:
    """The fuzzing gateway has no rate limit; this one does: its 429 (problem+json, Retry-After)
    is what the document says, for a GET and for a signed POST alike."""
    app = create_app(GatewayConfig.for_sandbox(
        PKI, db_url=f"sqlite:///{tmp_path / 'gateway.sqlite'}", pki_dir=_WORK / "pki",
        rate_limit_per_s=0.001, rate_limit_burst=2))
    try:
        limited = schemathesis.openapi.from_asgi("/openapi.json", app)  # the burst's first
        for path, method in ((f"{API_PREFIX}/health", "GET"), (f"{API_PREFIX}/queries", "POST")):
            operation = limited[path][method]
            case = operation.Case(body={"payload": "", "signature": ""}) if method == "POST" \
                else operation.Case()
            responses = [case.call() for _ in range(2)]
            assert responses[-1].status_code == 429
            assert responses[-1].headers["retry-after"]
            case.validate_response(responses[-1])  # raises on any non-conformance
    finally:
        app.state.engine.dispose()
