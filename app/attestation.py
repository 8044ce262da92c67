"""The desk's workstation attestation (2022 §4: access once App.3's requirements are met): the
self-check's verdict signed with the user's signing key and sent to the gateway — when it
differs from the last one this desk sent for this user or that one is a day old (not on every
start), and at once when the gateway's policy refuses a query for it (`reattest`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DeskError
from transport.canonical import canonical_json, sha256_hex
from transport.clock import iso, now_astana, now_utc, parse_iso, to_astana

if TYPE_CHECKING:
    from app.desk import Desk
    from app.selfcheck import Report
    from transport.protocol import AttestationReceipt, AttestationStatement

SENT_FILE = "attestation-sent.json"  # IIN → the verdict's digest last sent, and when
# The same verdict is sent again after this long, so that a gateway's age limit (at least a
# day, gateway.config) is met without the user seeing a refusal first.
RESEND_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class Sent:
    """The last attestation this desk sent for a user."""

    digest: str
    at: datetime | None  # None: recorded before the time was kept


@dataclass(frozen=True)
class Reattested:
    """What `reattest` did: the verdict sent, and the rule checks that did not pass."""

    overall: str
    not_passed: list[str]
    journal_seq: int

    @property
    def passed(self) -> bool:
        return self.overall == "PASS"


def statement_of(report: Report, iin: str, nonce: str) -> AttestationStatement:
    """What the user signs about the workstation: the verdict, not the measurements."""
    from transport.protocol import AttestationStatement

    return AttestationStatement(
        overall=report.overall.value,
        profile=report.profile[:20], partial=partial(report), host=report.host[:255],
        system=report.system[:255], checked_at=iso(to_astana(report.started_utc)),
        not_passed=[c.id[:64] for c in report.checks if c.status.value != "PASS"][:64],
        report_sha256=sha256_hex(_report_bytes(report)), nonce=nonce,
        issued_at=iso(now_astana()), user_iin=iin)


def partial(report: Report) -> bool:
    """True unless every rule check of App.3 is in `report` (a merged report of the fast start
    and a later full run is complete; a fast run alone is not)."""
    from app.selfcheck.thresholds import RULE_CHECKS

    return bool(set(RULE_CHECKS) - {c.id for c in report.checks if not c.advisory})


def _report_bytes(report: Report) -> bytes:
    """The whole report (measurements with their floats) as stable bytes to hash."""
    return json.dumps(report.to_json("en"), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def verdict_digest(statement: AttestationStatement) -> str:
    """What makes two attestations the same one: the verdict and where, not when."""
    return sha256_hex(canonical_json(statement.model_dump(mode="json", include={
        "overall", "profile", "partial", "host", "system", "not_passed"})))


def _sent(state_dir: Path | None) -> dict[str, Sent]:
    if state_dir is None:
        return {}
    try:
        data = json.loads((state_dir / SENT_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): _sent_one(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _sent_one(value: object) -> Sent:
    if isinstance(value, dict):
        try:
            return Sent(str(value["digest"]), parse_iso(str(value["at"])))
        except (KeyError, ValueError):
            return Sent(str(value.get("digest", "")), None)
    return Sent(str(value), None)  # the digest alone, as desks before the time was kept wrote


def _remember(state_dir: Path | None, iin: str, digest: str) -> None:
    if state_dir is None:
        return
    sent = {k: {"digest": v.digest, "at": iso(v.at) if v.at else ""}
            for k, v in _sent(state_dir).items()}
    sent[iin] = {"digest": digest, "at": iso(now_utc())}
    state_dir.mkdir(parents=True, exist_ok=True)
    spare = state_dir / (SENT_FILE + ".tmp")
    spare.write_text(json.dumps(sent), "utf-8")
    spare.replace(state_dir / SENT_FILE)


def _due(last: Sent | None, digest: str) -> bool:
    """A verdict is sent when it changed, or when the same one was sent RESEND_AFTER ago."""
    if last is None or last.digest != digest or last.at is None:
        return True
    return now_utc() - last.at >= RESEND_AFTER


def attest(desk: Desk, report: Report) -> AttestationReceipt | None:
    """Send `report`'s verdict, signed, if it changed since the last one sent (or that one is
    RESEND_AFTER old); None if not."""
    from transport.protocol import QueryRequest

    user = desk.user
    if user is None:
        raise DeskError("not_logged_in")
    statement = statement_of(report, user.iin, QueryRequest.new_nonce())
    digest = verdict_digest(statement)
    if not _due(_sent(desk.config.state_dir).get(user.iin), digest):
        return None
    return _send(desk, statement, digest)


def reattest(desk: Desk, report: Report) -> Reattested:
    """R-WS-6: send `report`'s verdict now, changed or not — the gateway refused a query for
    want of a current one (missing, failed, stale, another certificate)."""
    from transport.protocol import QueryRequest

    user = desk.user
    if user is None:
        raise DeskError("not_logged_in")
    statement = statement_of(report, user.iin, QueryRequest.new_nonce())
    receipt = _send(desk, statement, verdict_digest(statement))
    failing = [c.id for c in report.checks if c.status.value != "PASS" and not c.advisory]
    return Reattested(statement.overall, failing, receipt.journal_seq)


def _send(desk: Desk, statement: AttestationStatement, digest: str) -> AttestationReceipt:
    user = desk.user
    assert user is not None
    receipt = desk.send_signed(desk.client.attest, statement.canonical())
    _remember(desk.config.state_dir, user.iin, digest)
    return receipt
