"""The client killed at random points of receive, render, print, attach and destroy: no plaintext
is left on the workstation, and the next start destroys and reports every leftover (R-RES-1).

`./run test` kills it 20 times; SIO_KILL_RUNS=100 makes the long run."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from sandbox.harness import start_sandbox
from sandbox.headless import example_params
from tests.e2e.test_demo_headless import files_holding, private_env

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("SIO_KILL_RUNS", "20"))
PLAN_RESOURCES = (1, 19, 51, 3, 22)

pytestmark = [pytest.mark.req("R-RES-1", "R-RES-3"), pytest.mark.timeout(900)]


def _child(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.e2e.kill_child", *args], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _values(gateway_db: Path) -> set[str]:
    values: set[str] = set()
    with sqlite3.connect(gateway_db) as db:
        for (detail,) in db.execute("SELECT detail FROM journal WHERE kind = 'query'"):
            for record in json.loads(json.loads(detail)["result"])["records"]:
                values.update(v for v in record["fields"].values() if len(v) >= 6)
    return values


def test_sigkill_at_random_points_leaves_no_plaintext_and_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("SIO_KILL_SEED", "8")))
    home, ws, case = tmp_path / "home", tmp_path / "ws", tmp_path / "case"
    env = {**private_env(home), "PYTHONPATH": str(ROOT)}
    with start_sandbox(tmp_path / "gw", token_kind="file") as gw:
        gateway_db = gw.operator_dir / "gateway.db"
        plan = json.dumps([(rid, example_params(gw.gateway.population, rid))
                           for rid in PLAN_RESOURCES])
        args = [str(ws), str(tmp_path / "gw"), gw.gateway.url, str(case), plan]
        phases: Counter[str] = Counter()
        for _ in range(RUNS):
            child = _child(args, env)
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line.startswith("ready"), line + (child.stderr.read() if child.stderr else "")
            time.sleep(rng.uniform(0.0, 1.2))
            child.kill()
            rest, err = child.communicate(timeout=30)
            last = [ln for ln in (line + rest).splitlines() if ln.startswith("phase")]
            phases[last[-1] if last else "ready"] += 1
            assert "Traceback" not in err, err
            # Right after the kill, before any recovery: nothing readable on the workstation.
            values = _values(gateway_db)
            assert files_holding(ws, values) == {}
            assert files_holding(home, values) == {}

        final = _child([*args, "--recover"], env)
        out, err = final.communicate(timeout=120)
        assert final.returncode == 0, err
        state = json.loads(out.strip().splitlines()[-1])
        assert state["vault"] == 0 and state["queued"] == 0, state
        assert state["counts"]["pending"] == state["counts"]["attaching"] == 0, state
        assert not list(case.rglob("*.sio-partial"))

        with sqlite3.connect(ws / "client" / "casefile.db") as db:
            receipts = db.execute("SELECT journal_seq, delivery FROM receipts").fetchall()
        with sqlite3.connect(gateway_db) as db:
            queries = {seq for (seq,) in db.execute(
                "SELECT seq FROM journal WHERE kind = 'query' AND detail LIKE '%KILL-2026-7%'")}
            disposed = {json.loads(d)["query_seq"] for (d,) in db.execute(
                "SELECT detail FROM journal WHERE kind = 'disposition'")}
        # Every receipt was told to the journal, or the gateway never answered its query (void).
        assert {delivery for _seq, delivery in receipts} <= {"sent", "void"}, receipts
        assert {seq for seq, _d in receipts if seq} <= disposed
        # And every query the gateway answered has its disposition — even one whose answer the
        # client died before keeping: its receipt was written before the query left.
        assert queries <= disposed, sorted(queries - disposed)
        print(f"kills by phase: {dict(phases)}; queries {len(queries)}, "
              f"receipts {len(receipts)}, dispositions {len(disposed)}")
