"""The operator's console end to end (issue 13; R-ACC-4, R-ACC-9): an applicant files with a
SoftHSM2 token, the sandbox operator — also on a SoftHSM2 token — lists it with its one-day
deadline, opens the signed PDF and scan with the signatures checked on the desk, refuses with a
signed reason, and the applicant reads that reason, checked against the pinned operator key."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.applications import Applicant
from app.errors import DeskError
from app.operator import OperatorConsole, time_left
from gateway import journal
from gateway.db import make_engine
from gateway.registry import SANDBOX_OPERATOR
from sandbox.harness import SandboxRun, start_sandbox
from signing.pades import blank_pdf
from signing.pkcs11 import Pkcs11Token
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, SandboxUser
from signing.softhsm import ProvisionedToken, provision_token, softhsm_module
from tests.gateway.applicant import PNG_SCAN, form
from transport.client import GatewayClient
from transport.clock import now_utc
from transport.protocol import ApplicationForm

pytestmark = pytest.mark.skipif(softhsm_module() is None, reason="SoftHSM2 is not installed")

NEWCOMER = SandboxUser("analyst8", "ӨТЕПОВА", "ДӘРИҒА", "", "960202400172",
                       SANDBOX_USERS[0].organization, SANDBOX_USERS[0].bin)


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


def _applicant(run: SandboxRun, tmp_path: Path, tokens: Path) -> Applicant:
    """The newcomer's own desk side: a SoftHSM2 token of their own, no session."""
    made = _token(tokens, run.pki, NEWCOMER)

    config = replace(run.desk.config, state_dir=tmp_path / "applicant")
    client = GatewayClient(config.gateway_url, config.ca_file)
    applicant = Applicant(Pkcs11Token.open(made.module, made.label), config, client)
    applicant.unlock(made.user_pin)
    return applicant


@pytest.mark.req("R-ACC-4", "R-ACC-9")
def test_operator_refuses_and_the_applicant_reads_the_signed_reason(
        operator_run: SandboxRun, tmp_path: Path, softhsm_env: Path) -> None:
    applicant = _applicant(operator_run, tmp_path, softhsm_env)
    filed = applicant.file(ApplicationForm.model_validate(form(NEWCOMER)), blank_pdf(),
                           PNG_SCAN, "scan.png")
    console = OperatorConsole(operator_run.desk)
    assert console.is_operator
    incoming = console.incoming()
    mine = next(a for a in incoming if a.id == filed.id)
    left = time_left(mine.due_at, now_utc())
    assert dt.timedelta(hours=23, minutes=55) < left <= dt.timedelta(days=1)
    opened = console.open(filed.id)
    assert opened.check.status == "valid", opened.check.reason
    assert opened.detail.pdf_status == "valid" and opened.scans == [PNG_SCAN]
    assert opened.pdf.startswith(b"%PDF-") and opened.detail.form["iin"] == NEWCOMER.iin
    signer = opened.check.signatures[-1].profile
    assert signer is not None and signer.iin == NEWCOMER.iin
    with pytest.raises(DeskError) as empty:
        console.decide(filed.id, "refuse", "   ")
    assert empty.value.code == "refusal_reason_missing"
    reason = "Лауазымы бұйрықпен расталмаған (п. 6 Правил)"
    decision = console.decide(filed.id, "refuse", reason)
    assert (decision.decision, decision.reason, decision.operator_iin) == (
        "refuse", reason, SANDBOX_OPERATOR.iin)
    assert filed.id not in [a.id for a in console.incoming()]
    heard = applicant.refresh(filed)
    assert (heard.state, heard.decision, heard.reason, heard.verified) == (
        "refused", "refuse", reason, True)
    engine = make_engine(operator_run.gateway_db)
    try:
        entries = journal.entries(engine)
    finally:
        engine.dispose()
    signed = [e for e in entries if e.kind == "decision"]
    assert signed[-1].actor_iin == SANDBOX_OPERATOR.iin
    assert signed[-1].detail_obj()["reason"] == reason and signed[-1].detail_obj()["signature"]
    viewed = [e for e in entries if e.kind == "read" and e.actor_iin == SANDBOX_OPERATOR.iin]
    assert any(e.detail_obj().get("application_id") == filed.id for e in viewed)
    with pytest.raises(DeskError) as twice:
        console.decide(filed.id, "register", "")
    assert (twice.value.code, twice.value.values["code"]) == ("refused", "application_decided")


@pytest.mark.req("R-OPS-1", "R-Q-3", "R-LOG-3")
def test_operator_keeps_the_emergency_journal_and_announces_works(
        operator_run: SandboxRun) -> None:
    console = OperatorConsole(operator_run.desk)
    started = now_utc() - dt.timedelta(hours=2)
    opened = console.open_emergency("power_failure", "ИБП іске қосылды", 90, "Инженер Ж.",
                                    started)
    notices, journal_view = console.journal()
    rows = next(s for s in journal_view.sections if s.section == "power_failure").rows
    row = next(r for r in rows if r.seq == opened.seq)
    assert (row.no, row.actions, row.max_time_min, row.responsible, row.ended_at) == (
        1, "ИБП іске қосылды", 90, "Инженер Ж.", None)
    closed = console.close_emergency(opened.seq, now_utc(), "Генератор қосылды")
    assert closed.kind == "emergency_closed"
    _, after = console.journal()
    row = next(r for s in after.sections for r in s.rows if r.seq == opened.seq)
    assert row.ended_at is not None and row.over_one_hour
    with pytest.raises(DeskError) as twice:
        console.close_emergency(opened.seq, now_utc())
    assert twice.value.values["code"] == "emergency_not_open"
    starts = now_utc() + dt.timedelta(days=1)
    with pytest.raises(DeskError):
        console.publish_notice("Жұмыстар", "Работы", starts, starts)
    console.publish_notice("Жоспарлы жұмыстар", "Плановые работы", starts,
                           starts + dt.timedelta(hours=2))
    notices, _ = console.journal()
    assert [n.title_ru for n in notices.upcoming] == ["Плановые работы"]
    engine = make_engine(operator_run.gateway_db)
    try:
        kinds = [e.kind for e in journal.entries(engine)]
    finally:
        engine.dispose()
    assert {"emergency", "emergency_closed", "outage", "notice"} <= set(kinds)
