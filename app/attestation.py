"""The desk's workstation attestation (2022 §4: access once App.3's requirements are met): the
self-check's verdict signed with the user's signing key and sent to the gateway — when it
differs from the last one this desk sent for this user (not on every start)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DeskError
from transport.canonical import canonical_json, sha256_hex
from transport.clock import iso, now_astana, to_astana

if TYPE_CHECKING:
    from app.desk import Desk
    from app.selfcheck import Report
    from transport.protocol import AttestationReceipt, AttestationStatement

SENT_FILE = "attestation-sent.json"  # IIN → the verdict's digest last sent


def statement_of(report: Report, iin: str, nonce: str) -> AttestationStatement:
    """What the user signs about the workstation: the verdict, not the measurements."""
    from transport.protocol import AttestationStatement

    return AttestationStatement(
        overall=report.overall.value,
        profile=report.profile[:20], partial=report.partial, host=report.host[:255],
        system=report.system[:255], checked_at=iso(to_astana(report.started_utc)),
        not_passed=[c.id[:64] for c in report.checks if c.status.value != "PASS"][:64],
        report_sha256=sha256_hex(_report_bytes(report)), nonce=nonce,
        issued_at=iso(now_astana()), user_iin=iin)


def _report_bytes(report: Report) -> bytes:
    """The whole report (measurements with their floats) as stable bytes to hash."""
    return json.dumps(report.to_json("en"), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def verdict_digest(statement: AttestationStatement) -> str:
    """What makes two attestations the same one: the verdict and where, not when."""
    return sha256_hex(canonical_json(statement.model_dump(mode="json", include={
        "overall", "profile", "partial", "host", "system", "not_passed"})))


def _sent(state_dir: Path | None) -> dict[str, str]:
    if state_dir is None:
        return {}
    try:
        data = json.loads((state_dir / SENT_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _remember(state_dir: Path | None, iin: str, digest: str) -> None:
    if state_dir is None:
        return
    sent = _sent(state_dir) | {iin: digest}
    state_dir.mkdir(parents=True, exist_ok=True)
    spare = state_dir / (SENT_FILE + ".tmp")
    spare.write_text(json.dumps(sent), "utf-8")
    spare.replace(state_dir / SENT_FILE)


def attest(desk: Desk, report: Report) -> AttestationReceipt | None:
    """Send `report`'s verdict, signed, if it changed since the last one sent; None if not."""
    from transport.protocol import QueryRequest

    user = desk.user
    if user is None:
        raise DeskError("not_logged_in")
    statement = statement_of(report, user.iin, QueryRequest.new_nonce())
    digest = verdict_digest(statement)
    if _sent(desk.config.state_dir).get(user.iin) == digest:
        return None
    receipt = desk.send_signed(desk.client.attest, statement.canonical())
    _remember(desk.config.state_dir, user.iin, digest)
    return receipt
