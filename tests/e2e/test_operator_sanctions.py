"""The App.5 §17 sanctions end to end (issue 13; R-ACC-7, R-CTL-2): the operator, on a SoftHSM2
token, suspends an analyst — also on a SoftHSM2 token — until a date; the analyst is refused at
sign-in with the signed reason in their language; the suspension ends on its date by itself (the
gateway's clock for sanctions injected); closure and unblock, deletion; only the operator may.
The workstation's signed self-check reaches the operator's user list once per change (R-WS-6)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.desk import Desk
from app.errors import DeskError
from app.operator import OperatorConsole
from gateway import archive, journal, sanctions
from gateway.db import make_engine
from gateway.registry import SANDBOX_OPERATOR
from sandbox.harness import SandboxRun, open_desk, start_sandbox
from signing.pkcs11 import Pkcs11Token
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, SandboxUser
from signing.softhsm import ProvisionedToken, provision_token, softhsm_module
from transport.clock import ASTANA, now_astana, now_utc
from transport.commands import SIGNED_KINDS

pytestmark = pytest.mark.skipif(softhsm_module() is None, reason="SoftHSM2 is not installed")
ANALYST = SANDBOX_USERS[1]


def _token(directory: Path, pki: SandboxPKI, user: SandboxUser) -> ProvisionedToken:
    """A SoftHSM2 token of `user` in the process's one token directory, under a new label."""
    return provision_token(directory, pki, user, label=f"SIO {user.key} {secrets.token_hex(4)}")


@pytest.fixture
def operator_run(tmp_path: Path, sandbox_pki: SandboxPKI,
                 softhsm_env: Path) -> Iterator[SandboxRun]:
    run = start_sandbox(tmp_path / "op", pki=sandbox_pki, user=SANDBOX_OPERATOR,
                        provisioned=_token(softhsm_env, sandbox_pki, SANDBOX_OPERATOR))
    try:
        run.desk.login(run.pin)
        yield run
    finally:
        run.close()


@pytest.fixture
def analyst(operator_run: SandboxRun, tmp_path: Path,
            softhsm_env: Path) -> Iterator[tuple[Desk, str]]:
    made = _token(softhsm_env, operator_run.pki, ANALYST)
    desk = open_desk(tmp_path / "analyst", operator_run.gateway.url, operator_run.pki,
                     Pkcs11Token.open(made.module, made.label))
    try:
        yield desk, made.user_pin
    finally:
        desk.close()


def _refusal(desk: Desk, pin: str) -> DeskError:
    with pytest.raises(DeskError) as refused:
        desk.login(pin)
    return refused.value


def _row(console: OperatorConsole, iin: str) -> object:
    return next(r for r in console.users() if r.iin == iin)


@pytest.mark.req("R-ACC-7", "R-CTL-2", "R-AUTH-8")
def test_a_suspension_refuses_with_its_reason_and_ends_on_its_date(
        operator_run: SandboxRun, analyst: tuple[Desk, str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    desk, pin = analyst
    console = OperatorConsole(operator_run.desk)
    until = now_astana().date() + dt.timedelta(days=3)
    reason = "Қызметтік емес мақсатта сұрау салу (Келісімнің 17-тармағы)"
    record = console.sanction(ANALYST.iin, "suspension", until, reason)
    assert (record.sanction, record.until, record.reason) == ("suspension", until.isoformat(),
                                                              reason)
    refused = _refusal(desk, pin)
    assert refused.values["code"] == "user_blocked"
    assert f"Причина: «{reason}»" in refused.text("ru")
    row = _row(console, ANALYST.iin)
    assert (row.state, row.sanction, row.until) == (  # type: ignore[attr-defined]
        "suspended", "suspension", until.isoformat())
    # The day before it ends, still refused; at 00:00 Astana of its date, access is back.
    end = dt.datetime(until.year, until.month, until.day, tzinfo=ASTANA)
    shift = end - now_utc()
    monkeypatch.setattr(sanctions, "now_utc", lambda: now_utc() + shift - dt.timedelta(
        minutes=1))
    assert _refusal(desk, pin).values["code"] == "user_blocked"
    monkeypatch.setattr(sanctions, "now_utc", lambda: now_utc() + shift)
    assert desk.login(pin).iin == ANALYST.iin
    assert _row(console, ANALYST.iin).state == "registered"  # type: ignore[attr-defined]
    engine = make_engine(operator_run.gateway_db)
    try:
        entry = [e for e in journal.entries(engine) if e.kind == "sanction"][-1]
        pki = operator_run.pki
        archive.export(engine, tmp_path / "archive", pki.trust_store(), pki.operator_signer())
    finally:
        engine.dispose()
    assert entry.actor_iin == SANDBOX_OPERATOR.iin and "sanction" in SIGNED_KINDS
    assert entry.detail_obj()["until"] == until.isoformat()
    # The exported journal re-verifies the operator's signature over the sanction offline.
    verdict = archive.verify(tmp_path / "archive", archive.TrustPolicy(bundled=True))
    assert verdict.ok, verdict.reason
    assert verdict.signed_entries.get("sanction") == 1


@pytest.mark.req("R-ACC-7", "R-CTL-2", "R-AUTH-8")
def test_closure_unblock_and_deletion_and_only_the_operator_may(
        operator_run: SandboxRun, analyst: tuple[Desk, str]) -> None:
    desk, pin = analyst
    desk.login(pin)
    with pytest.raises(DeskError) as not_operator:
        OperatorConsole(desk).sanction(SANDBOX_OPERATOR.iin, "closure", None, "—")
    assert not_operator.value.values["code"] == "operator_only"
    console = OperatorConsole(operator_run.desk)
    with pytest.raises(DeskError) as past:
        console.sanction(ANALYST.iin, "suspension", now_astana().date(), "сегодня")
    assert past.value.code == "request_invalid"
    console.sanction(ANALYST.iin, "closure", None, "Доступ закрыт по представлению")
    assert "Доступ закрыт" in _refusal(desk, pin).text("ru")
    assert _row(console, ANALYST.iin).state == "closed"  # type: ignore[attr-defined]
    console.unblock(ANALYST.iin, "ошибочно")
    assert desk.login(pin).iin == ANALYST.iin
    console.sanction(ANALYST.iin, "deletion", None, "Уволен")
    assert _refusal(desk, pin).values["code"] == "not_registered"
    with pytest.raises(DeskError) as twice:
        console.sanction(ANALYST.iin, "closure", None, "ещё раз")
    assert twice.value.values["code"] == "not_registered"
    with pytest.raises(DeskError) as last:
        console.sanction(SANDBOX_OPERATOR.iin, "closure", None, "себя")
    assert last.value.values["code"] == "last_operator"


@pytest.mark.req("R-WS-6")
def test_the_workstation_self_check_reaches_the_operator_once_per_change(
        operator_run: SandboxRun, analyst: tuple[Desk, str]) -> None:
    from app.attestation import attest
    from app.selfcheck import CheckResult, Report
    from app.selfcheck.model import Status

    desk, pin = analyst
    desk.login(pin)
    checks = (CheckResult("os_supported", "R-WS-1", Status.PASS),
              CheckResult("disk_encrypted", "R-WS-2", Status.FAIL))
    report = Report(checks=checks, profile="2022")
    receipt = attest(desk, report)
    assert receipt is not None
    assert attest(desk, Report(checks=checks, profile="2022")) is None  # the same verdict
    console = OperatorConsole(operator_run.desk)
    row = _row(console, ANALYST.iin)
    assert (row.attestation, row.attestation_not_passed) == (  # type: ignore[attr-defined]
        "FAIL", ["disk_encrypted"])
    fixed = (checks[0], CheckResult("disk_encrypted", "R-WS-2", Status.PASS))
    assert attest(desk, Report(checks=fixed, profile="2022")) is not None
    assert _row(console, ANALYST.iin).attestation == "PASS"  # type: ignore[attr-defined]
    engine = make_engine(operator_run.gateway_db)
    try:
        entry = [e for e in journal.entries(engine) if e.kind == "attestation"][-1]
    finally:
        engine.dispose()
    assert entry.actor_iin == ANALYST.iin and entry.detail_obj()["signature"]



@pytest.mark.req("R-ACC-7")
def test_the_operators_edit_reaches_the_user_at_sign_in(
        operator_run: SandboxRun, analyst: tuple[Desk, str]) -> None:
    desk, pin = analyst
    console = OperatorConsole(operator_run.desk)
    edited = console.edit_user(ANALYST.iin, " Бас сарапшы ", "ҚР АФМ", "controller",
                               "Басшының бұйрығы № 7")
    assert (edited.position, edited.organization, edited.role) == (
        "Бас сарапшы", "ҚР АФМ", "controller")
    with pytest.raises(DeskError) as refused:
        console.edit_user(ANALYST.iin, "x", "y", "prosecutor", "z")
    assert refused.value.code == "request_invalid"
    user = desk.login(pin)
    assert (user.position, user.organization, user.role) == (
        "Бас сарапшы", "ҚР АФМ", "controller")
