"""`sio-desk demo --headless --json`: the analyst's whole day through the real console script —
52 signed queries, each attached to the case material and destroyed, the journal told of each."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BIN = Path(sys.executable).parent
SIO_DESK = BIN / "sio-desk"
SIO_GATEWAY = BIN / "sio-gateway"


def private_env(home: Path) -> dict[str, str]:
    """The app's data, cache, config and temp dirs inside `home`, so a test can read them all."""
    dirs = {"HOME": home, "XDG_DATA_HOME": home / "data", "XDG_CACHE_HOME": home / "cache",
            "XDG_CONFIG_HOME": home / "config", "XDG_STATE_HOME": home / "state",
            "TMPDIR": home / "tmp"}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    return {**os.environ, **{k: str(v) for k, v in dirs.items()}}


def run_demo(workdir: Path, *extra: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    done = subprocess.run(
        [str(SIO_DESK), "demo", "--headless", "--json", "--workdir", str(workdir), *extra],
        capture_output=True, text=True, timeout=300, check=False, env=env,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def result_values(gateway_db: Path) -> set[str]:
    """Every distinctive value the world returned, read from the operator's journal (R-LOG-2)."""
    values: set[str] = set()
    with sqlite3.connect(gateway_db) as db:
        for (detail,) in db.execute("SELECT detail FROM journal WHERE kind = 'query'"):
            result = json.loads(json.loads(detail)["result"])
            for record in result["records"]:
                values.update(v for v in record["fields"].values() if len(v) >= 6)
    return values


def files_holding(root: Path, values: set[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    needles = {v: (v.encode("utf-8"), v.encode("utf-16-le")) for v in values}
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        hits = [v for v, (u8, u16) in needles.items() if u8 in data or u16 in data]
        if hits:
            found[str(path)] = hits[:3]
    return found


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One whole demo run over all 52 resources, shared by the checks below."""
    root = tmp_path_factory.mktemp("demo")
    home = root / "home"
    token = "softhsm" if shutil.which("softhsm2-util") else "file"
    summary = run_demo(root / "ws", "--token", token, "--case-dir", str(root / "case"),
                       "--operator-dir", str(root / "operator"), env=private_env(home))
    return {"root": root, "home": home, "summary": summary}


@pytest.mark.req("R-AUTH-1", "R-AUTH-5", "R-Q-1", "R-Q-2", "R-LOG-1", "R-RES-1")
def test_all_52_queried_attached_and_destroyed(day: dict[str, Any]) -> None:
    summary = day["summary"]
    assert summary["sandbox"] is True and summary["vault_left"] == 0
    assert summary["pending_dispositions"] == 0
    assert sorted(q["resource"] for q in summary["queries"]) == list(range(1, 53))
    for q in summary["queries"]:
        assert q["response_verified"] and q["journaled"] and q["disposition_journaled"], q
        assert q["disposition"] in {"printed", "exported", "printed_and_exported"}
        assert Path(q["printout"]).is_file() and Path(q["printed_to"]).is_file()
        assert q["journal_seq"] >= 1


@pytest.mark.req("R-RES-1", "R-RES-3")
def test_no_value_of_any_result_is_left_on_the_workstation(day: dict[str, Any]) -> None:
    root, home = day["root"], day["home"]
    values = result_values(root / "operator" / "gateway.db")
    assert len(values) > 100
    # The search can find them: the case material (where they belong) holds them in its text.
    printout = day["summary"]["queries"][0]["printout"]
    text = subprocess.run(["pdftotext", printout, "-"], capture_output=True, text=True,
                          check=True).stdout if shutil.which("pdftotext") else ""
    if text:
        assert any(v in text for v in values)
    assert files_holding(root / "ws", values) == {}
    assert files_holding(home, values) == {}


@pytest.mark.req("R-LOG-1", "R-CTL-3")
def test_the_exported_journal_archive_verifies(day: dict[str, Any]) -> None:
    done = subprocess.run([str(SIO_GATEWAY), "journal", "verify",
                           day["summary"]["journal_archive"], "--operator-cert",
                           day["summary"]["operator_certificate"]],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.req("R-CTL-1", "R-RES-1")
def test_the_controllers_report_shows_every_disposition(day: dict[str, Any]) -> None:
    db = f"sqlite:///{day['root'] / 'operator' / 'gateway.db'}"
    done = subprocess.run([str(SIO_GATEWAY), "report", "--from", "2000-01-01", "--to",
                           "2100-12-31", "--db", db, "--json"],
                          capture_output=True, text=True, timeout=120, check=True)
    report = json.loads(done.stdout)
    answered = [r for r in report["rows"] if r["outcome"] == "answered"]
    assert len(answered) == 52
    by_seq = {q["journal_seq"]: q["disposition"] for q in day["summary"]["queries"]}
    assert {r["seq"]: r["disposition"] for r in answered} == by_seq
    assert report["totals"]["dispositions"]["pending"] == 0


@pytest.mark.req("R-RES-1")
def test_the_exported_printout_is_signed_by_the_analyst(day: dict[str, Any]) -> None:
    from signing.pades import verify_pdf
    from signing.trust import TrustStore

    q = day["summary"]["queries"][18]  # №19, with its photo
    data = Path(q["printout"]).read_bytes()
    trust = TrustStore.from_directory(day["root"] / "ws" / "pki" / "trust")
    [sig] = verify_pdf(data, trust).signatures
    assert sig.status == "valid", sig
    assert sig.whole_document and sig.profile is not None
    assert sig.profile.iin == day["summary"]["user"]["iin"]
    if shutil.which("pdfsig"):
        done = subprocess.run(["pdfsig", "-nocert", "-no-ocsp", q["printout"]],
                              capture_output=True, text=True, check=False)
        assert "Signature is Valid" in done.stdout, done.stdout


def test_second_run_reuses_the_sandbox_and_continues_the_journal(tmp_path: Path) -> None:
    first = run_demo(tmp_path / "ws", "--token", "file", "--resources", "1")
    second = run_demo(tmp_path / "ws", "--token", "file", "--resources", "1")
    assert second["user"] == first["user"]
    assert second["queries"][0]["journal_seq"] > first["queries"][0]["journal_seq"]
    assert first["gateway_db"] == f"sqlite:///{(tmp_path / 'ws-operator').resolve()}/gateway.db"
