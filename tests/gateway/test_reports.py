"""Departmental-control reports from the journal, and their operator-signed export (R-CTL-1)."""

from __future__ import annotations

import datetime as dt
import json
import secrets
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine, update

from gateway import journal, reports
from gateway.cli import main
from gateway.db import write_tx
from gateway.models import users
from signing.cms import verify_detached
from signing.sandbox_pki import SANDBOX_USERS
from transport.clock import ASTANA, now_astana
from transport.protocol import API_PREFIX

from .helpers import BASIS, Gw, bearer, login, query_request, signed_query

A, B, CONTROLLER = SANDBOX_USERS[0], SANDBOX_USERS[1], SANDBOX_USERS[2]
MONDAY = dt.datetime(2025, 3, 3, tzinfo=ASTANA)


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return (MONDAY + dt.timedelta(days=day, hours=hour, minutes=minute)).astimezone(dt.UTC)


def _append(engine: Engine, kind: str, iin: str | None, at: dt.datetime,
            params: dict[str, str] | None = None, **detail: object) -> journal.JournalEntry:
    request = json.dumps({"params": params or {}}) if params else None
    with write_tx(engine) as conn:
        return journal.append(
            conn, kind, actor_iin=iin, resource=1, basis=BASIS,
            request_sha256=secrets.token_hex(32),
            detail={"endpoint": "query", **({"request": request} if request else {}), **detail},
            at=at)


def _dispose(engine: Engine, query: journal.JournalEntry, **detail: object) -> None:
    with write_tx(engine) as conn:
        journal.append(conn, "disposition", actor_iin=query.actor_iin,
                       request_sha256=query.request_sha256,
                       detail={"query_seq": query.seq, **detail}, at=_at(20, 10))


@pytest.mark.req("R-CTL-1", "R-RES-1", "R-Q-5")
def test_report_counts_dispositions_and_flags_anomalies(gw: Gw) -> None:
    e = gw.engine
    # Appended in time order: the journal keeps chronological order (R-LOG-1).
    bulk = [_append(e, "query", A.iin, _at(0, 10, m), {"iin": f"00000000000{i}"})
            for i, m in enumerate((0, 10, 20, 30))]
    _append(e, "refusal", A.iin, _at(0, 11), code="maintenance")
    late = _append(e, "query", B.iin, _at(1, 22), {"iin": "000000000009"})
    _append(e, "refusal", None, _at(2, 10), code="signature_invalid")  # nobody to name
    saturday = _append(e, "query", B.iin, _at(5, 12), {"iin": "000000000000"})  # A's subject too
    _dispose(e, bulk[0], attached_to="дело 2024-0001-ФМ", destroyed_at=None)
    _dispose(e, bulk[1], attached_to="дело 2024-0001-ФМ", destroyed_at="2025-03-10T12:00:00+05:00")
    _append(e, "query", A.iin, _at(29, 10), {"iin": "000000000001"})  # after the period
    settings = reports.Settings(bulk_per_hour=3, many_users=2)

    doc = reports.build(e, settings, dt.date(2025, 3, 3), dt.date(2025, 3, 9),
                        now=_at(58, 12))
    t = doc["totals"]
    assert (t["requests"], t["answered"], t["refused"], t["unattributed_refusals"]) == (7, 6, 1, 1)
    assert t["by_user"] == {A.iin: 5, B.iin: 2} and t["by_basis"] == {BASIS["case_number"]: 7}
    # Missing dispositions are not invented: past retention they are overdue (R-RES-1).
    assert t["dispositions"] == {"attached": 1, "destroyed": 1, "pending": 0, "overdue": 4}
    kinds: dict[str, list[dict[str, object]]] = {}
    for a in doc["anomalies"]:
        kinds.setdefault(str(a["kind"]), []).append(a)
    assert {a["seq"] for a in kinds["no_disposition"]} == {
        bulk[2].seq, bulk[3].seq, saturday.seq, late.seq}
    assert {a["seq"] for a in kinds["off_hours"]} == {saturday.seq, late.seq}
    (episode,) = kinds["bulk"]
    assert episode["user_iin"] == A.iin and episode["count"] == 4
    (subject,) = kinds["one_subject"]
    assert subject["params"] == {"iin": "000000000000"} and subject["users"] == sorted(
        [A.iin, B.iin])
    row = next(r for r in doc["rows"] if r["seq"] == bulk[1].seq)
    assert row["disposition"] == "destroyed" and row["at"].endswith("+05:00")  # R-Q-5
    assert row["case_number"] == BASIS["case_number"] and row["user_name"]

    early = reports.build(e, settings, dt.date(2025, 3, 3), dt.date(2025, 3, 9),
                          now=_at(7, 12))  # within retention: pending, not overdue
    assert early["totals"]["dispositions"]["pending"] == 4
    assert "no_disposition" not in early["totals"]["anomalies"]


@pytest.mark.req("R-CTL-1", "R-CTL-3")
def test_report_over_http_and_signed_export(gw: Gw, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    auth_signer, sign_signer = gw.pki.software_signers(A)
    token = login(gw.client, auth_signer)
    answer = gw.client.post(f"{API_PREFIX}/queries", json=signed_query(
        query_request(A.iin), sign_signer), headers=bearer(token))
    assert answer.status_code == 200, answer.text
    today = now_astana().date().isoformat()
    url = f"{API_PREFIX}/reports?from={today}&to={today}"

    denied = gw.client.get(url, headers=bearer(token))
    assert denied.json()["code"] == "controller_only"
    with gw.engine.begin() as conn:
        conn.execute(update(users).where(users.c.iin == CONTROLLER.iin).values(role="controller"))
    controller = login(gw.client, gw.pki.software_signers(CONTROLLER)[0])
    doc = gw.client.get(url, headers=bearer(controller)).json()
    (row,) = [r for r in doc["rows"] if r["outcome"] == "answered"]
    assert row["user_iin"] == A.iin and row["params"] == {"iin": A.iin}
    assert row["disposition"] == "pending"

    out = tmp_path / "report.json"
    assert main(["report", "--from", today, "--to", today, "--db", gw.db_url, "--json",
                 "--out", str(out), "--sandbox", "--pki-dir", str(gw.pki.directory)]) == 0
    printed = json.loads(capsys.readouterr().out)
    data = out.read_bytes()
    assert json.loads(data)["totals"] == printed["totals"]
    assert printed["totals"]["answered"] == 1
    signature = out.with_name("report.json.p7s").read_bytes()
    verified = verify_detached(signature, data, gw.pki.trust_store())
    assert verified.certificate == gw.pki.operator_cert
    if shutil.which("openssl"):
        check = subprocess.run(
            ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
             str(out) + ".p7s", "-content", str(out), "-CAfile", str(gw.pki.root_path),
             "-purpose", "any", "-out", "/dev/null"], capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stderr

    assert main(["report", "--from", today, "--to", today, "--db", gw.db_url]) == 0
    assert "1 answered" in capsys.readouterr().out
    assert main(["report", "--from", today, "--to", today, "--db", gw.db_url,
                 "--out", str(out)]) == 2  # no operator key, no signed export
