"""`sio-desk demo --headless --gost --json` (issue 12): the GOST analyst's whole day through the
real console script — sign-in, agreement check, 52 GOST-signed queries answered under a GOST
operator key, each printed, exported, attached and destroyed, then the journal exported and
verified against the GOST operator's certificate."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from signing.gost.certs import is_gost_key
from signing.sandbox_pki import SANDBOX_GOST_ANALYST

from .test_demo_headless import SIO_DESK, SIO_GATEWAY, private_env, run_demo


@pytest.fixture(scope="module")
def gost_day(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One whole demo run as the GOST analyst over all 52 resources."""
    root = tmp_path_factory.mktemp("demo-gost")
    env = private_env(root / "home")
    summary = run_demo(root / "ws", "--gost", "--case-dir", str(root / "case"),
                       "--operator-dir", str(root / "operator"), env=env)
    return {"root": root, "env": env, "summary": summary}


@pytest.mark.req("R-AUTH-1", "R-AUTH-5", "R-Q-1", "R-Q-2", "R-LOG-1", "R-RES-1")
def test_the_gost_analyst_queries_all_52_and_every_result_is_disposed(
        gost_day: dict[str, Any]) -> None:
    summary = gost_day["summary"]
    assert summary["user"]["iin"] == SANDBOX_GOST_ANALYST.iin
    assert summary["token"]["kind"] == "file"
    assert summary["signature_algorithm"] == {"analyst": "gost", "operator": "gost"}
    assert summary["vault_left"] == 0 and summary["pending_dispositions"] == 0
    assert sorted(q["resource"] for q in summary["queries"]) == list(range(1, 53))
    for q in summary["queries"]:
        assert q["response_verified"] and q["journaled"] and q["disposition_journaled"], q
        assert Path(q["printout"]).is_file() and Path(q["printed_to"]).is_file()


@pytest.mark.req("R-LOG-1", "R-CTL-3")
def test_the_gost_sealed_journal_verifies_only_against_the_gost_operator(
        gost_day: dict[str, Any]) -> None:
    summary = gost_day["summary"]
    operator = Path(summary["operator_certificate"])
    assert is_gost_key(x509.load_pem_x509_certificate(operator.read_bytes()))
    archive = Path(summary["journal_archive"])
    assert (archive / "segment-000001.checkpoint.p7s").is_file()

    def verify(cert: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(SIO_GATEWAY), "journal", "verify", str(archive),
                               "--operator-cert", str(cert), "--json"],
                              capture_output=True, text=True, timeout=300, check=False)

    done = verify(operator)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and report["entries"] >= 2 * 52
    # The sandbox's RSA operator did not seal it: naming that one instead must fail.
    rsa_operator = Path(summary["workdir"]) / "pki" / "operator.pem"
    refused = verify(rsa_operator)
    assert refused.returncode != 0 and "not a certificate the auditor named" in refused.stdout


@pytest.mark.req("R-RES-3")
def test_the_gost_signed_printout_verifies(gost_day: dict[str, Any]) -> None:
    summary = gost_day["summary"]
    trust = Path(summary["workdir"]) / "pki" / "trust"
    done = subprocess.run([str(SIO_DESK), "verify", summary["queries"][0]["printout"],
                           "--trust", str(trust)],
                          capture_output=True, text=True, timeout=120, check=False,
                          env=gost_day["env"])
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "VALID" in out and "gost2015" in out and SANDBOX_GOST_ANALYST.iin in out


@pytest.mark.skipif(shutil.which("softhsm2-util") is None, reason="SoftHSM2 is not installed")
def test_gost_on_softhsm_is_refused_with_its_reason(tmp_path: Path) -> None:
    # SoftHSM2 as packaged has no GOST mechanisms: say so rather than fall back silently.
    done = subprocess.run([str(SIO_DESK), "demo", "--headless", "--gost", "--token", "softhsm",
                           "--workdir", str(tmp_path / "ws")],
                          capture_output=True, text=True, timeout=60, check=False,
                          env=private_env(tmp_path / "home"))
    assert done.returncode == 2 and "no GOST mechanisms" in done.stderr
