"""The operator seals and exports the journal from the desk (issue 13; R-LOG-1, R-CTL-3,
R-OPS-1): the sandbox operator on a SoftHSM2 token signs the command, the gateway process
streams the archive over the pinned TLS channel, the desk unpacks it into a new folder and
`sio-gateway journal verify`, pinned to the operator key the desk pins, finds it intact — with
the export's own entry, by the operator, in its newest sealed segment. A cancelled download
leaves nothing behind, and the journal stays sealed."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import DeskError
from app.operator import OperatorConsole
from gateway import checkpoints, journal
from gateway.db import make_engine
from gateway.registry import SANDBOX_OPERATOR
from sandbox.harness import SandboxRun, start_sandbox
from signing.sandbox_pki import SandboxPKI
from signing.softhsm import provision_token, softhsm_module

pytestmark = pytest.mark.skipif(softhsm_module() is None, reason="SoftHSM2 is not installed")


@pytest.fixture
def operator_run(tmp_path: Path, sandbox_pki: SandboxPKI,
                 softhsm_env: Path) -> Iterator[SandboxRun]:
    token = provision_token(softhsm_env, sandbox_pki, SANDBOX_OPERATOR,
                            label=f"SIO operator {secrets.token_hex(4)}")
    run = start_sandbox(tmp_path / "op", pki=sandbox_pki, user=SANDBOX_OPERATOR,
                        provisioned=token)
    try:
        run.desk.login(run.pin)
        yield run
    finally:
        run.close()


def _entries(run: SandboxRun) -> list[journal.JournalEntry]:
    engine = make_engine(run.gateway_db)
    try:
        return journal.entries(engine)
    finally:
        engine.dispose()


@pytest.mark.req("R-LOG-1", "R-CTL-3", "R-OPS-1")
def test_the_operator_exports_a_sealed_journal_that_verifies(operator_run: SandboxRun,
                                                             tmp_path: Path) -> None:
    console = OperatorConsole(operator_run.desk)
    seen: list[tuple[int, int | None]] = []
    parent = tmp_path / "exports"
    parent.mkdir()
    done = console.export_journal(parent, lambda n, total: seen.append((n, total)))
    assert done.directory.parent == parent and done.directory.name.startswith("sio-journal-")
    assert [p.name for p in parent.iterdir()] == [done.directory.name]  # no staging left
    assert seen and seen[-1] == (done.received, done.received)  # the length was announced
    assert done.verdict is not None and done.verdict.ok, (done.unverified, done.verdict)
    assert done.verdict.entries >= done.export_seq and done.segments >= 1
    entry = next(e for e in _entries(operator_run) if e.seq == done.export_seq)
    assert (entry.kind, entry.actor_iin) == ("export", SANDBOX_OPERATOR.iin)
    index = json.loads((done.directory / "index.json").read_text())
    assert index["segments"][-1]["last_seq"] >= done.export_seq
    engine = make_engine(operator_run.gateway_db)
    try:
        assert checkpoints.stored(engine)[-1].checkpoint.reason == "export"
    finally:
        engine.dispose()


@pytest.mark.req("R-LOG-1", "R-OPS-1")
def test_a_cancelled_export_leaves_nothing_behind(operator_run: SandboxRun,
                                                  tmp_path: Path) -> None:
    console = OperatorConsole(operator_run.desk)
    parent = tmp_path / "exports"
    parent.mkdir()
    with pytest.raises(DeskError) as cancelled:
        console.export_journal(parent, lambda _n, _t: None, cancelled=lambda: True)
    assert cancelled.value.code == "export_cancelled"
    assert list(parent.iterdir()) == []
    kinds = [e.kind for e in _entries(operator_run)]
    assert "export" in kinds  # asked for, journaled and sealed all the same
