"""The receipts database (R-RES-1): each receipt is durable before its query leaves — a process
killed right after `expect` leaves it for the next start — under a write-ahead log synced at
every commit (issue 10: one fsync per commit)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from app.casefile import CaseFile

ROOT = Path(__file__).resolve().parents[2]

_EXPECT_THEN_DIE = """
import os, sys
from datetime import timedelta
from pathlib import Path
from app.casefile import CaseFile
from transport.clock import now_utc
cf = CaseFile(Path(sys.argv[1]))
cf.expect("q1", owner_iin="880412410213", request_sha256="a" * 64, resource=1,
          case_number="C-1", asked_at=now_utc(), retention=timedelta(hours=8))
os._exit(0)  # killed as the query leaves: no close, no checkpoint
"""


@pytest.mark.req("R-RES-1")
def test_the_log_is_written_ahead_and_synced_at_every_commit(tmp_path: Path) -> None:
    cf = CaseFile(tmp_path / "data")
    try:
        assert cf._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cf._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        cf.close()
    assert not (tmp_path / "data" / "casefile.db-wal").exists()  # gone at a clean close


@pytest.mark.req("R-RES-1")
def test_a_receipt_survives_the_process_killed_as_its_query_leaves(tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run([sys.executable, "-c", _EXPECT_THEN_DIE, str(data)], cwd=ROOT, check=True,
                   timeout=60)
    assert (data / "casefile.db-wal").exists()  # the commit lives in the log, not yet checkpointed
    with sqlite3.connect(data / "casefile.db") as other:  # what another reader sees
        assert other.execute("SELECT state FROM receipts WHERE id='q1'").fetchone() == ("sent",)
    cf = CaseFile(data)
    try:
        assert cf.crashed and [r.id for r in cf.with_state("sent")] == ["q1"]
        assert cf.get("q1").remaining(cf.get("q1").asked_at) == timedelta(hours=8)
    finally:
        cf.close()
