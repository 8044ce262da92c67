"""R-WS-6, 2022 §4 end to end: a gateway whose policy requires the workstation's attestation, an
analyst's desk on a SoftHSM2 token. The first query is refused in the analyst's language citing
paragraph 4 and Appendix 3; a failing self-check sent from the desk keeps it refused, naming the
check; a passing one opens it, and the answer verifies against the operator's key."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.attestation import reattest
from app.desk import Desk
from app.errors import DeskError
from app.selfcheck import CheckResult, Report
from app.selfcheck.model import Status
from app.selfcheck.thresholds import RULE_CHECKS
from app.validation import DEFAULT_LEGAL_GROUND, make_basis
from gateway.config import GatewayConfig
from gateway.server import EmbeddedGateway
from sandbox.harness import open_desk
from signing.pkcs11 import Pkcs11Token
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.softhsm import provision_token, softhsm_module

pytestmark = [pytest.mark.skipif(softhsm_module() is None, reason="SoftHSM2 is not installed"),
              pytest.mark.req("R-WS-6", "R-ACC-1")]
ANALYST = SANDBOX_USERS[0]
BASIS = make_basis("2026-0413-ФМ", DEFAULT_LEGAL_GROUND, "Проверка по подозрительной операции")


@pytest.fixture
def strict_gateway(tmp_path: Path, sandbox_pki: SandboxPKI) -> Iterator[EmbeddedGateway]:
    config = GatewayConfig.sandbox_config(pki=sandbox_pki,
                                          db_url=f"sqlite:///{tmp_path / 'gateway.db'}",
                                          attestation="require", attestation_max_age_days=7)
    with EmbeddedGateway(config) as gateway:
        yield gateway


@pytest.fixture
def desk(strict_gateway: EmbeddedGateway, sandbox_pki: SandboxPKI, tmp_path: Path,
         softhsm_env: Path) -> Iterator[tuple[Desk, str]]:
    made = provision_token(softhsm_env, sandbox_pki, ANALYST,
                           label=f"SIO att {secrets.token_hex(4)}")
    opened = open_desk(tmp_path / "analyst", strict_gateway.url, sandbox_pki,
                       Pkcs11Token.open(made.module, made.label))
    try:
        yield opened, made.user_pin
    finally:
        opened.close()


def _report(failing: tuple[str, ...] = ()) -> Report:
    """Every rule check of App.3, `failing` ones failed (what the self-check's runner makes)."""
    return Report(checks=tuple(
        CheckResult(c, "", Status.FAIL if c in failing else Status.PASS) for c in RULE_CHECKS),
        profile="2022")


def _refused(desk: Desk, sample: str) -> DeskError:
    with pytest.raises(DeskError) as refused:
        desk.query(1, {"iin": sample}, BASIS)
    assert refused.value.values["code"] == "workstation_not_attested"
    return refused.value


def test_the_desk_is_refused_attests_and_then_queries(
        desk: tuple[Desk, str], strict_gateway: EmbeddedGateway) -> None:
    analyst, pin = desk
    analyst.login(pin)
    sample = strict_gateway.population.sample_iins(1)[0]

    first = _refused(analyst, sample)
    assert "п. 4 Правил" in first.text("ru") and "приложению 3 к Правилам" in first.text("ru")
    assert "Ережелердің 4-тармағы" in first.text("kk")
    assert "paragraph 4 of the Rules" in first.text("en")
    assert "no complete self-check" in first.text("en")
    assert "workstation_not_attested" not in first.text("en")  # no raw code shown

    sent = reattest(analyst, _report(failing=("ram",)))
    assert not sent.passed and sent.not_passed == ["ram"]
    failed = _refused(analyst, sample)
    assert "did not pass: «" in failed.text("en") and "RAM" in failed.text("en")

    assert reattest(analyst, _report()).passed
    outcome = analyst.query(1, {"iin": sample}, BASIS)
    assert outcome.response_verified and outcome.result.journal_seq > 0

    refusals = [e for e in strict_gateway.journal_entries() if e.kind == "refusal"
                and e.detail_obj().get("code") == "workstation_not_attested"]
    assert len(refusals) == 2 and all(e.actor_iin == ANALYST.iin for e in refusals)
    attested = [e for e in strict_gateway.journal_entries() if e.kind == "attestation"]
    assert [e.detail_obj()["overall"] for e in attested] == ["FAIL", "PASS"]
    assert all(e.detail_obj()["partial"] is False for e in attested)
