"""Departmental control and the prosecutor's check end to end (issue 13; R-CTL-1/2/3/4/5,
R-LOG-1, R-RES-1): the sandbox gateway over loopback TLS, SoftHSM2 tokens for an analyst and a
departmental controller, the real desks. The controller reads the Reports, drills into a
request with its signatures re-verified, records a signed review and blocks the analyst; the
analyst's next query is refused and the next sign-in tells the reason (2022 §17). The journal
exported as an archive reads in the prosecutor's viewer, and one changed byte is flagged at
the entry it was changed in."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from app import control
from app.control import Control, Filter
from app.desk import Desk
from app.errors import DeskError
from gateway import archive
from gateway.config import GatewayConfig
from gateway.db import make_engine, write_tx
from gateway.models import users
from gateway.server import EmbeddedGateway
from sandbox.harness import open_desk
from signing.pkcs11 import Pkcs11Token
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, SandboxUser
from signing.softhsm import provision_token, softhsm_module
from transport.clock import now_astana
from transport.protocol import Basis

pytestmark = pytest.mark.skipif(softhsm_module() is None, reason="SoftHSM2 is not installed")
PIN = "13572468"
ANALYST, CONTROLLER = SANDBOX_USERS[0], SANDBOX_USERS[2]  # one organisation
BASIS = Basis(case_number="2026-0042-ФМ", legal_ground="ҚР «ҚЖ/ТҚ қарсы іс-қимыл туралы» Заңы",
              purpose="Күдікті операция бойынша тексеру")
REASON = "Қызметтік емес сұраулар: өз ЖСН-і бойынша сұрау"


@dataclass
class World:
    gateway: EmbeddedGateway
    pki: SandboxPKI
    analyst: Desk
    controller: Desk
    dir: Path


def _desk(softhsm_env: Path, pki: SandboxPKI, gateway: EmbeddedGateway, person: SandboxUser,
          where: Path) -> Desk:
    made = provision_token(softhsm_env, pki, person, label=f"{person.key}-{where.name}"[:32],
                           user_pin=PIN)
    return open_desk(where / person.key, gateway.url, pki,
                     Pkcs11Token.open(made.module, made.label))


@pytest.fixture
def world(softhsm_env: Path, sandbox_pki: SandboxPKI, tmp_path: Path) -> Iterator[World]:
    """The sandbox gateway with CONTROLLER appointed controller, and both desks signed in."""
    config = GatewayConfig.sandbox_config(db_url=f"sqlite:///{tmp_path / 'gw.sqlite'}",
                                          pki=sandbox_pki)
    # The tests ask now, whatever the hour: working hours all week, so no request is flagged as
    # off hours and the highlights these tests check do not depend on when they run.
    config = dataclasses.replace(config, office_start_hour=0, office_end_hour=24,
                                 office_weekdays=tuple(range(7)))
    gateway = EmbeddedGateway(config)
    gateway.start()
    with write_tx(gateway.engine) as conn:  # as the operator registers an appointed controller
        conn.execute(update(users).where(users.c.iin == CONTROLLER.iin)
                     .values(role="controller"))
    analyst = _desk(softhsm_env, sandbox_pki, gateway, ANALYST, tmp_path)
    controller = _desk(softhsm_env, sandbox_pki, gateway, CONTROLLER, tmp_path)
    try:
        analyst.login(PIN)
        controller.login(PIN)
        yield World(gateway, sandbox_pki, analyst, controller, tmp_path)
    finally:
        analyst.close()
        controller.close()
        gateway.stop()


@pytest.mark.req("R-CTL-1", "R-CTL-2", "R-CTL-5", "R-RES-1")
def test_controller_reviews_drills_down_and_blocks_and_the_user_is_told_why(
        world: World) -> None:
    ctl = Control(world.controller)
    assert ctl.is_controller and not Control(world.analyst).is_controller  # the registry's role
    asked = world.analyst.query(1, {"iin": ANALYST.iin}, BASIS)  # their own IIN
    other = world.analyst.query(1, {"iin": SANDBOX_USERS[1].iin}, BASIS)
    day = now_astana().date()
    with pytest.raises(DeskError) as no_reports:
        Control(world.analyst).report(day, day)
    assert no_reports.value.values["code"] == "controller_only"
    report = ctl.report(day, day)
    # Both queries and the analyst's refused try at the report: a refusal is a request too.
    assert all(r["user_iin"] == ANALYST.iin for r in report.rows)
    assert [r["code"] for r in report.rows if r["outcome"] == "refused"] == ["controller_only"]
    seqs = {r["seq"]: r for r in report.rows if r["outcome"] == "answered"}
    assert len(seqs) == 2
    own = [a for a in report.anomalies if a["kind"] == "own_iin"]
    assert [a["seq"] for a in own] == [min(seqs)]  # only the query about themself
    assert "own_iin" in report.flags[min(seqs)] and "own_iin" not in report.flags.get(
        max(seqs), set())
    # §21: nothing has been done with either result yet.
    assert {control.disposition_of(r) for r in report.rows} == {"pending", "refused"}
    assert len(control.select(report, Filter(disposition="none"))) == 2
    assert control.select(report, Filter(user_iin=CONTROLLER.iin)) == []
    assert len(control.select(report, Filter(basis="0042", resource=1))) == 2
    text = control.to_csv(report, report.rows).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("seq,at,user_iin") and "own_iin" in text

    trail = ctl.trail(min(seqs))
    assert [e.kind for e in trail.entries] == ["query"]
    entry = trail.entries[0]
    assert entry.signature == "valid" and entry.chain_ok and entry.actor_iin == ANALYST.iin
    assert entry.response_sha256 == asked.response_sha256
    assert other.response_sha256 != asked.response_sha256

    state = ctl.review_state()
    assert state.due and state.last_reviewed_at is None  # never reviewed: the reminder is on
    receipt = ctl.review(report, "Өз ЖСН-і бойынша сұрау анықталды")
    state = ctl.review_state()
    assert not state.due and state.days_since == 0
    assert state.last_reviewer_iin == CONTROLLER.iin and state.period_from == day.isoformat()

    decision = ctl.block(ANALYST.iin, REASON)
    assert decision.decision == "block" and decision.operator_iin == CONTROLLER.iin
    with pytest.raises(DeskError) as refused:
        world.analyst.query(1, {"iin": SANDBOX_USERS[1].iin}, BASIS)
    assert refused.value.values["code"] == "user_blocked"
    for lang in ("kk", "ru", "en"):  # the next query already tells why (2022 §17)
        assert REASON in refused.value.text(lang)
    with pytest.raises(DeskError) as signin:
        world.analyst.login(PIN)
    assert signin.value.values["code"] == "user_blocked"
    for lang in ("kk", "ru", "en"):  # 2022 §17: the user is told why, in their language
        assert REASON in signin.value.text(lang)
    assert "Причина" in signin.value.text("ru")

    # The journal holds the review, signed, and the block, each re-verified offline.
    out = world.dir / "archive"
    engine = make_engine(world.gateway.config.db_url)
    try:
        archive.export(engine, out, world.pki.trust_store(), world.pki.operator_signer())
    finally:
        engine.dispose()
    verdict = control.verify_archive(out, world.pki.directory / "operator.pem")
    assert verdict.ok, verdict.reason
    kinds = [json.loads(line)["kind"] for f in sorted(out.glob("segment-*.jsonl"))
             for line in f.read_bytes().splitlines()]
    assert "review" in kinds and "block" in kinds
    assert receipt.journal_seq in range(1, verdict.entries + 1)


@pytest.mark.req("R-CTL-3", "R-LOG-1", "R-RES-1")
def test_the_prosecutor_reads_an_archive_and_a_changed_byte_is_flagged_at_its_entry(
        world: World) -> None:
    asked = world.analyst.query(1, {"iin": SANDBOX_USERS[1].iin}, BASIS)
    world.analyst.query(1, {"iin": SANDBOX_USERS[3].iin}, BASIS)
    out = world.dir / "archive"
    engine = make_engine(world.gateway.config.db_url)
    try:
        archive.export(engine, out, world.pki.trust_store(), world.pki.operator_signer())
    finally:
        engine.dispose()
    operator = world.pki.directory / "operator.pem"
    assert control.verify_archive(out, operator).ok
    found = control.archive_requests(out)
    assert [r.actor_iin for r in found] == [ANALYST.iin, ANALYST.iin]
    first = found[0]
    assert first.basis == BASIS.model_dump() and first.response_sha256 == asked.response_sha256

    # One character of the first query's case number changed in the segment file.
    segment = sorted(out.glob("segment-*.jsonl"))[0]
    lines = segment.read_bytes().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if json.loads(line)["seq"] == first.seq)
    lines[at] = lines[at].replace(b"0042", b"0043", 1)
    segment.write_bytes(b"".join(lines))
    verdict = control.verify_archive(out, operator)
    assert not verdict.ok and verdict.first_bad_seq == first.seq, verdict.reason


def test_reports_open_on_last_month() -> None:
    day = now_astana().date()
    first, last = control.last_month(day)
    assert last == day.replace(day=1) - timedelta(days=1) and first == last.replace(day=1)
    assert control.last_month(day.replace(month=1, day=15)) == (
        day.replace(year=day.year - 1, month=12, day=1),
        day.replace(year=day.year - 1, month=12, day=31))
