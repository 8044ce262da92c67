"""The whole analyst flow without a window: sign in, one signed query, verify, summarise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.validation import DEFAULT_LEGAL_GROUND, make_basis
from sandbox.harness import start_sandbox

DEMO_CASE = "SANDBOX-2026-0001"
DEMO_PURPOSE = "Демонстрация: проверка сведений о физическом лице в песочнице"


def run_headless(workdir: Path, *, token_kind: str | None = None) -> dict[str, Any]:
    """Run the spine once and return the summary `sio-desk demo --headless --json` prints."""
    kind = token_kind if token_kind in ("softhsm", "file") else None
    with start_sandbox(workdir, token_kind=kind) as run:  # type: ignore[arg-type]
        info = run.desk.token_info()
        user = run.desk.login(run.pin)
        basis = make_basis(DEMO_CASE, DEFAULT_LEGAL_GROUND, DEMO_PURPOSE)
        outcome = run.desk.query(1, {"iin": run.sample_iin}, basis)
        journal = [e for e in run.gateway.journal_entries() if e.seq == outcome.result.journal_seq]
        return {
            "sandbox": True,
            "workdir": str(run.workdir),
            "token": {"kind": run.token_kind, "label": info.label},
            "user": {"iin": user.iin, "name": user.name},
            "queries": [
                {
                    "resource": outcome.resource.id,
                    "params": dict(outcome.request.params),
                    "basis": outcome.request.basis.model_dump(),
                    "journal_seq": outcome.result.journal_seq,
                    "journaled": bool(journal) and journal[0].actor_iin == user.iin,
                    "request_sha256": outcome.request_sha256,
                    "response_verified": outcome.response_verified,
                    "records": len(outcome.result.records),
                }
            ],
            "gateway_db": run.gateway_db,
        }
