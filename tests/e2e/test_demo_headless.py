"""`sio-desk demo --headless --json`: the whole spine through the real console script."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SIO_DESK = Path(sys.executable).with_name("sio-desk")


def run_demo(workdir: Path, *extra: str) -> dict:
    done = subprocess.run(
        [str(SIO_DESK), "demo", "--headless", "--json", "--workdir", str(workdir), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.req("R-AUTH-1", "R-AUTH-5", "R-Q-2", "R-LOG-1")
@pytest.mark.parametrize("token", ["softhsm", "file"])
def test_headless_demo_prints_verified_summary(tmp_path: Path, token: str) -> None:
    if token == "softhsm" and not shutil.which("softhsm2-util"):
        pytest.skip("SoftHSM2 is not installed (./run test installs softhsm2)")
    summary = run_demo(tmp_path, "--token", token)
    assert summary["sandbox"] is True
    assert summary["token"]["kind"] == token
    assert len(summary["user"]["iin"]) == 12 and summary["user"]["name"]
    [query] = summary["queries"]
    assert query["resource"] == 1 and query["response_verified"] is True and query["journaled"]
    assert summary["gateway_db"] == f"sqlite:///{tmp_path.resolve() / 'gateway.db'}"
    # Everything the demo wrote is under the workdir, and the journal row is really there.
    with sqlite3.connect(tmp_path / "gateway.db") as db:
        row = db.execute(
            "SELECT actor_iin, basis FROM journal WHERE seq = ?", (query["journal_seq"],)
        ).fetchone()
    assert row[0] == summary["user"]["iin"]
    assert json.loads(row[1])["case_number"] == query["basis"]["case_number"]


def test_second_run_reuses_the_sandbox_and_continues_the_journal(tmp_path: Path) -> None:
    first = run_demo(tmp_path, "--token", "file")
    second = run_demo(tmp_path, "--token", "file")
    assert second["user"] == first["user"]
    assert second["queries"][0]["journal_seq"] > first["queries"][0]["journal_seq"]
