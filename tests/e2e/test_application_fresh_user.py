"""`sio-desk demo --headless --fresh-user`: the newcomer's first entry through the real console
script — SoftHSM2 token, the agreement signed filled in, then a query (R-AUTH-2, R-AUTH-8)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from gateway.registry import SANDBOX_NEWCOMER
from signing.softhsm import softhsm_module
from tests.e2e.test_demo_headless import private_env, run_demo


@pytest.mark.req("R-AUTH-2", "R-AUTH-8")
@pytest.mark.skipif(softhsm_module() is None, reason="SoftHSM2 is not installed")
def test_fresh_user_signs_the_filled_agreement_on_every_run(tmp_path: Path) -> None:
    env = private_env(tmp_path / "home")
    workdir = tmp_path / "sandbox"
    for _ in range(2):  # a fresh operator each run: the newcomer has never signed there
        summary = run_demo(workdir, "--fresh-user", "--resources", "1", "--token", "softhsm",
                           env=env)
        assert summary["user"]["iin"] == SANDBOX_NEWCOMER.iin
        assert summary["token"] == {"kind": "softhsm", "label": "SIO SANDBOX analyst5"}
        blanks = summary["agreement_signed"]
        assert blanks["full_name"] == summary["user"]["name"] and blanks["city"] == "Астана"
        assert [q["response_verified"] for q in summary["queries"]] == [True]
        db = Path(summary["gateway_db"].removeprefix("sqlite:///"))
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT iin, statement FROM agreements").fetchall()
        assert [iin for iin, _ in rows] == [SANDBOX_NEWCOMER.iin]
        statement = json.loads(rows[0][1])
        assert statement["blanks"] == blanks
        assert f"{blanks['full_name']}, {blanks['position']}" in statement["text_kk"]
    assert Path(summary["workdir"]).name == "sandbox-fresh"
