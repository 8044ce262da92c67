"""R-WS-6, 2022 §4: access conditioned on the workstation's signed self-check, by policy.

Under attestation = "require" a query is refused (workstation_not_attested, journaled like
every refusal) unless the user's newest attestation passed, was complete, is fresh and was
signed with the certificate the query is signed with; the attestation itself, sign-in and the
rest stay open. Under "off" (the default) nothing is refused. A query stays bounded in SQL
statements with the policy on, and the newest attestation is found by an index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, select
from starlette.testclient import TestClient

from gateway import attestation, journal, sanctions
from gateway.app import create_app
from gateway.auth import Session
from gateway.config import GatewayConfig
from gateway.db import _alembic_config, make_engine, migrate, write_tx
from gateway.deployment import DeploymentError, load_deployment
from gateway.models import attestations
from gateway.registry import SANDBOX_OPERATOR
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.signer import Signer
from transport.clock import iso, now_astana, now_utc
from transport.protocol import API_PREFIX, AttestationStatement, QueryRequest

from .helpers import Gw, bearer, fresh_signer, login, query_request, sign_payload, signed_query
from .test_deployment import write_config
from .test_query_cost import _scans_of_journal, counted

ANALYST = SANDBOX_USERS[0]
pytestmark = pytest.mark.req("R-WS-6", "R-ACC-1")


@pytest.fixture
def strict(sandbox_pki: SandboxPKI, db_url: str) -> Iterator[Gw]:
    """The sandbox gateway with the attestation policy on."""
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=db_url, attestation="require")
    eng = make_engine(db_url)
    with TestClient(create_app(config, eng), raise_server_exceptions=False) as client:
        yield Gw(client=client, engine=eng, config=config, pki=sandbox_pki, db_url=db_url)
    eng.dispose()


def _statement(overall: str = "PASS", *, partial: bool = False,
               not_passed: tuple[str, ...] = ()) -> bytes:
    return AttestationStatement(
        overall=overall, profile="2022", partial=partial, host="ws-1", system="Linux",  # type: ignore[arg-type]
        checked_at=iso(now_astana()), not_passed=list(not_passed), report_sha256="ab" * 32,
        nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
        user_iin=ANALYST.iin).canonical()


def _attest(gw: Gw, token: str, payload: bytes, signer: Signer | None = None) -> int:
    reply = gw.client.post(f"{API_PREFIX}/attestations", headers=bearer(token), json=sign_payload(
        payload, signer or gw.pki.software_signers(ANALYST)[1]))
    assert reply.status_code == 200, reply.text  # the attestation is open under the policy
    return int(reply.json()["journal_seq"])


def _ask(gw: Gw, token: str, signer: Signer | None = None) -> Any:
    return gw.client.post(f"{API_PREFIX}/queries", headers=bearer(token), json=signed_query(
        query_request(ANALYST.iin), signer or gw.pki.software_signers(ANALYST)[1]))


def _refused(gw: Gw, token: str, reason: str, signer: Signer | None = None) -> str:
    """The query is refused for `reason`; the refusal is journaled with its code and detail."""
    reply = _ask(gw, token, signer)
    assert reply.status_code == 403, reply.text
    problem = reply.json()
    assert problem["code"] == "workstation_not_attested"
    detail = str(problem["detail"])
    assert detail.startswith(f"workstation attestation {reason}"), detail
    entry = journal.entries(gw.engine)[-1]
    assert entry.kind == "refusal" and entry.actor_iin == ANALYST.iin
    assert entry.detail_obj()["code"] == "workstation_not_attested"
    assert entry.resource == 1
    return detail


def test_no_attestation_refuses_the_query_and_attesting_opens_it(strict: Gw) -> None:
    token = login(strict.client, strict.pki.software_signers(ANALYST)[0])
    _refused(strict, token, "missing")
    _attest(strict, token, _statement("PASS"))
    reply = _ask(strict, token)
    assert reply.status_code == 200, reply.text


def test_a_failed_check_refuses_and_names_the_checks(strict: Gw) -> None:
    token = login(strict.client, strict.pki.software_signers(ANALYST)[0])
    _attest(strict, token, _statement("FAIL", not_passed=("cpu", "ram")))
    assert _refused(strict, token, "failed").endswith(": cpu,ram")
    _attest(strict, token, _statement("UNDETERMINED", not_passed=("channel",)))
    assert _refused(strict, token, "undetermined").endswith(": channel")
    _attest(strict, token, _statement("PASS", partial=True))  # the slow checks did not run:
    _refused(strict, token, "undetermined")  # it decides nothing, the one before stands
    _attest(strict, token, _statement("PASS"))
    assert _ask(strict, token).status_code == 200
    _attest(strict, token, _statement("PASS", partial=True))  # nor does it hide a complete one
    assert _ask(strict, token).status_code == 200
    _attest(strict, token, _statement("FAIL", partial=True, not_passed=("internet",)))
    _refused(strict, token, "failed")  # a failure decides, partial or not


def test_a_partial_pass_alone_is_no_attestation(strict: Gw) -> None:
    token = login(strict.client, strict.pki.software_signers(ANALYST)[0])
    _attest(strict, token, _statement("PASS", partial=True))
    _refused(strict, token, "missing")


def test_an_attestation_signed_with_another_certificate_does_not_count(strict: Gw) -> None:
    token = login(strict.client, strict.pki.software_signers(ANALYST)[0])
    renewed = fresh_signer(strict.pki, ANALYST, "signing")
    _attest(strict, token, _statement("PASS"))
    _refused(strict, token, "other_certificate", renewed)
    _attest(strict, token, _statement("PASS"), renewed)
    assert _ask(strict, token, renewed).status_code == 200


def test_a_stale_attestation_is_refused_by_age() -> None:
    made = dt.datetime(2030, 1, 1, 9, tzinfo=dt.UTC)
    found = attestation.Newest(1, "01", "PASS", False, made, "{}")
    age = dt.timedelta(days=30)
    assert attestation.shortfall(found, made + age, age, "01") is None
    stale = attestation.shortfall(found, made + age + dt.timedelta(seconds=1), age, "01")
    assert stale is not None and stale.reason == "stale"
    assert stale.detail.startswith("workstation attestation stale: made 2030-01-01T14:00")
    assert stale.detail.endswith(", over 30 days ago")


def test_the_console_shows_who_meets_the_policy(strict: Gw) -> None:
    token = login(strict.client, strict.pki.software_signers(ANALYST)[0])
    _attest(strict, token, _statement("PASS"))
    operator = Session(iin=SANDBOX_OPERATOR.iin, cert_serial="", expires_at=now_utc())
    listing = sanctions.user_list(strict.engine, strict.config, operator)
    row = next(r for r in listing.users if r.iin == ANALYST.iin)
    assert listing.attestation_required and row.attestation_standing == "ok"
    later = now_utc() + dt.timedelta(days=31)
    row = next(r for r in sanctions.user_list(strict.engine, strict.config, operator,
                                              now=later).users if r.iin == ANALYST.iin)
    assert row.attestation_standing == "stale" and row.attestation == "PASS"
    others = [r for r in listing.users if r.iin != ANALYST.iin]
    assert others and all(r.attestation_standing == "missing" for r in others)


def test_off_refuses_nothing(gw: Gw) -> None:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    assert gw.config.attestation == "off"
    assert _ask(gw, token).status_code == 200


def test_a_query_stays_bounded_with_the_policy_on(strict: Gw) -> None:
    """The policy adds one indexed read: the same statements after many more attestations
    (of this user and others) and no scan of the journal or of the attestations."""
    token = login(strict.client, strict.pki.software_signers(ANALYST)[0])
    _attest(strict, token, _statement("PASS"))
    assert _ask(strict, token).status_code == 200  # warm
    with counted(strict.engine) as small:
        assert _ask(strict, token).status_code == 200
    _more_attestations(strict.engine, 3_000)
    _attest(strict, token, _statement("PASS"))
    with counted(strict.engine) as large:
        assert _ask(strict, token).status_code == 200
    assert [s for s, _ in large.statements] == [s for s, _ in small.statements]
    assert any("attestations" in s for s, _ in large.statements)
    if strict.engine.dialect.name == "sqlite":
        assert _scans_of_journal(strict, large.statements) == []
        assert _scans_of(strict, large.statements, "attestations") == []


def _more_attestations(engine: Engine, n: int) -> None:
    """`n` attestation entries with their rows, as the handler writes them, of 50 users."""
    with write_tx(engine) as conn:
        for i in range(n):
            iin = ANALYST.iin if i % 50 == 0 else f"{i % 50:012d}"
            entry = journal.append(conn, "attestation", actor_iin=iin, cert_serial="0a",
                                   detail={"overall": "FAIL", "partial": False,
                                           "not_passed": ["cpu"]})
            attestation.index(conn, entry.seq, iin, "0a", entry.at_utc, entry.detail)


def _scans_of(gw: Gw, statements: list[tuple[str, Any]], table: str) -> list[str]:
    found = []
    with gw.engine.connect() as conn:
        for statement, params in statements:
            if table in statement and statement.lstrip().upper().startswith("SELECT"):
                plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
                found += [str(row[-1]) for row in plan if f"SCAN {table}" in str(row[-1])]
    return found


def test_the_migration_backfills_attestations_already_journaled(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        cfg = _alembic_config()
        with write_tx(engine) as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0006")
            good = journal.append(conn, "attestation", actor_iin=ANALYST.iin, cert_serial="0b",
                                  detail={"overall": "PASS", "partial": False, "not_passed": []})
            journal.append(conn, "attestation", actor_iin=ANALYST.iin, cert_serial="0b",
                           detail={"overall": "PASS"})  # unreadable: no row, counts as none
        migrate(engine)
        with engine.connect() as conn:
            rows = conn.execute(select(attestations)).all()
            assert [(r.seq, r.iin, r.cert_serial, r.overall, r.partial, r.decisive)
                    for r in rows] == [(good.seq, ANALYST.iin, "0b", "PASS", False, True)]
            found = attestation.newest_of(conn, ANALYST.iin)
        assert found is not None and found.seq == good.seq
    finally:
        engine.dispose()


@pytest.mark.parametrize(("values", "message"), [
    ({"attestation": "on"}, "'attestation' must be one of off, require"),
    ({"attestation": "require", "attestation_max_age_days": 0}, "from 1 to 366"),
    ({"attestation_max_age_days": "30"}, "whole number of days"),
    ({"attestation_max_age_days": True}, "whole number of days"),
    ({"attestation_max_age_days": 400}, "from 1 to 366"),
])
def test_a_bad_policy_stops_the_gateway_with_a_clear_error(
        values: dict[str, Any], message: str, tmp_path: Path, sandbox_pki: SandboxPKI,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIO_TEST_OPERATOR_PW", "op-secret")
    path = write_config(tmp_path, sandbox_pki, **values)
    with pytest.raises(DeploymentError, match=message) as caught:
        load_deployment(path)
    assert str(path) in str(caught.value)
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=f"sqlite:///{tmp_path / 'g.db'}",
                                       **values)
    with pytest.raises(ValueError, match=message):
        create_app(config)


def test_a_deployment_file_sets_the_policy(tmp_path: Path, sandbox_pki: SandboxPKI,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIO_TEST_OPERATOR_PW", "op-secret")
    config = load_deployment(write_config(tmp_path, sandbox_pki, attestation="require",
                                          attestation_max_age_days=7))
    assert (config.attestation, config.attestation_max_age_days) == ("require", 7)
    default = load_deployment(write_config(tmp_path, sandbox_pki))
    assert (default.attestation, default.attestation_max_age_days) == ("off", 30)
