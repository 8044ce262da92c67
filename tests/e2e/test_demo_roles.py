"""`sio-desk demo --headless --json --as controller|operator` through the real console script
(issue 13): each role signs in with their own SoftHSM2 token and does their day; what they did
is checked in the gateway's journal, by `sio-gateway report` and `journal verify`."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from gateway.registry import SANDBOX_CONTROLLER, SANDBOX_OPERATOR
from signing.sandbox_pki import SANDBOX_USERS
from signing.softhsm import softhsm_module

from .test_demo_headless import SIO_DESK, SIO_GATEWAY, private_env, run_demo

pytestmark = pytest.mark.skipif(softhsm_module() is None, reason="SoftHSM2 is not installed")


def _role(tmp_path_factory: pytest.TempPathFactory, role: str) -> dict[str, Any]:
    root = tmp_path_factory.mktemp(f"demo-{role}")
    env = private_env(root / "home")
    summary = run_demo(root / "ws", "--as", role, "--token", "softhsm", env=env)
    return {"root": root, "env": env, "summary": summary}


@pytest.fixture(scope="module")
def controller(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _role(tmp_path_factory, "controller")


@pytest.fixture(scope="module")
def operator(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _role(tmp_path_factory, "operator")


def _journal(summary: dict[str, Any]) -> list[tuple[str, str | None, dict[str, Any]]]:
    db = summary["gateway_db"].removeprefix("sqlite:///")
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT kind, actor_iin, detail FROM journal ORDER BY seq").fetchall()
    return [(kind, actor, json.loads(detail)) for kind, actor, detail in rows]


def _verify(summary: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SIO_GATEWAY), "journal", "verify", summary["journal_archive"],
                           "--operator-cert", summary["operator_certificate"]],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.req("R-CTL-1", "R-CTL-2", "R-CTL-5")
def test_demo_controller_reviews_and_blocks_with_their_own_token(
        controller: dict[str, Any]) -> None:
    s = controller["summary"]
    assert s["sandbox"] is True and s["role"] == "controller"
    assert s["token"]["kind"] == "softhsm" and s["user"]["iin"] == SANDBOX_CONTROLLER.iin
    assert [q["response_verified"] for q in s["analyst_queries"]] == [True, True]
    assert s["report_last_month"]["period"][0].endswith("-01")
    assert s["report_this_month"]["requests"] == 2
    assert s["report_this_month"]["anomalies"].get("own_iin") == 1
    assert (s["review"]["due_before"], s["review"]["due_after"]) == (True, False)
    assert s["review"]["period"] == s["report_last_month"]["period"]
    analyst = SANDBOX_USERS[0]
    assert (s["block"]["iin"], s["block"]["decision"]) == (analyst.iin, "block")
    refused = s["blocked_user_next_query"]
    assert (refused["refused"], refused["code"]) == (True, "user_blocked")
    assert s["block"]["reason"] in refused["shown"]  # the user is told why (§17)
    kinds = {(kind, actor) for kind, actor, _ in _journal(s)}
    assert ("review", SANDBOX_CONTROLLER.iin) in kinds
    blocks = [d for kind, actor, d in _journal(s)
              if actor == SANDBOX_CONTROLLER.iin and d.get("iin") == analyst.iin
              and (kind == "block" or d.get("decision") == "block")]
    assert blocks and blocks[-1]["reason"] == s["block"]["reason"]
    done = _verify(s)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.req("R-CTL-5")
def test_demo_controller_own_iin_is_in_the_gateways_report(controller: dict[str, Any]) -> None:
    """The operator's `sio-gateway report` flags the analyst's own IIN too, not only the desk."""
    s = controller["summary"]
    done = subprocess.run([str(SIO_GATEWAY), "report", "--from", "2000-01-01", "--to",
                           "2100-12-31", "--db", s["gateway_db"], "--json"],
                          capture_output=True, text=True, timeout=120, check=True)
    report = json.loads(done.stdout)
    own = [a for a in report["anomalies"] if a["kind"] == "own_iin"]
    own_seq = s["analyst_queries"][1]["journal_seq"]
    assert [(a["seq"], a["user_iin"]) for a in own] == [(own_seq, SANDBOX_USERS[0].iin)]


@pytest.mark.req("R-ACC-4", "R-ACC-9", "R-OPS-1", "R-Q-3")
def test_demo_operator_decides_announces_and_keeps_the_emergency_journal(
        operator: dict[str, Any]) -> None:
    s = operator["summary"]
    assert s["sandbox"] is True and s["role"] == "operator"
    assert s["token"]["kind"] == "softhsm" and s["user"]["iin"] == SANDBOX_OPERATOR.iin
    assert len(s["applications"]) == 2
    assert {a["signature"] for a in s["applications"]} == {"valid"}
    assert s["registered"]["decision"] == "register"
    assert s["refused"]["decision"] == "refuse" and s["refused"]["reason"]
    assert s["applicant_read"] == {"state": "refused", "reason": s["refused"]["reason"],
                                   "verified": True}
    assert s["emergency"]["ended_at"] and s["emergency"]["closed_seq"] > s["emergency"][
        "opened_seq"]
    entries = _journal(s)
    decisions = [d for kind, actor, d in entries if kind == "decision"
                 and actor == SANDBOX_OPERATOR.iin]
    assert {d["decision"] for d in decisions} == {"register", "refuse"}
    assert all(d["signature"] for d in decisions)
    operator_kinds = {kind for kind, actor, _ in entries if actor == SANDBOX_OPERATOR.iin}
    assert {"notice", "emergency", "emergency_closed"} <= operator_kinds, operator_kinds
    done = _verify(s)
    assert done.returncode == 0, done.stdout + done.stderr


def test_demo_roles_refuse_the_analysts_first_entry(tmp_path: Path) -> None:
    done = subprocess.run([str(SIO_DESK), "demo", "--headless", "--as", "operator",
                           "--fresh-user", "--workdir", str(tmp_path / "ws")],
                          capture_output=True, text=True, timeout=120, check=False,
                          env=private_env(tmp_path / "home"))
    assert done.returncode == 2 and "--fresh-user" in done.stderr
