"""The GOST analyst's first entry (issue 12, R-AUTH-2, R-AUTH-8): the desk signs the filled
agreement with the GOST key file, the gateway verifies and records it, and queries pass after."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from app.applications import agreement_blanks, blanks_model
from app.validation import DEFAULT_LEGAL_GROUND, make_basis
from gateway.models import users
from sandbox.harness import start_sandbox
from signing.sandbox_pki import SANDBOX_GOST_ANALYST, create_sandbox_pki


@pytest.mark.req("R-AUTH-2", "R-AUTH-8")
def test_the_gost_analyst_signs_the_agreement_then_queries(tmp_path: Path) -> None:
    pki = create_sandbox_pki(tmp_path / "pki")
    with start_sandbox(tmp_path / "ws", pki=pki, gost=True) as run:
        with run.gateway.engine.begin() as conn:  # registered, agreement not yet signed
            conn.execute(update(users).where(users.c.iin == SANDBOX_GOST_ANALYST.iin)
                         .values(agreement_signed_at=None))
        user = run.desk.login(run.pin)
        assert user.iin == SANDBOX_GOST_ANALYST.iin and run.desk.agreement_required
        basis = make_basis("2026-GOST", DEFAULT_LEGAL_GROUND, "Проверка по материалу")
        values = agreement_blanks(user.name, "сарапшы")
        run.desk.sign_agreement(run.desk.agreement_document(), blanks_model(values))
        assert not run.desk.agreement_required
        outcome = run.desk.query(1, {"iin": run.sample_iin}, basis)
        assert outcome.response_verified
        kinds = [(e.kind, e.actor_iin) for e in run.gateway.journal_entries()]
        assert ("agreement", SANDBOX_GOST_ANALYST.iin) in kinds
        assert ("query", SANDBOX_GOST_ANALYST.iin) in kinds
