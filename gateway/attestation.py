"""Workstation attestation (2022 §4: access is given once App.3's requirements are met): a user
signs their desk's self-check verdict (transport.commands ATTESTATION); it is journaled as
"attestation", with a derived row in `attestations` (same transaction, revision 0007), and the
operator's user list shows the newest beside the user and whether it meets the policy.

The deployment's policy (GatewayConfig.attestation) decides what it is for: "off" only shows
it; "require" refuses a user's queries — the one command that reaches the resources — with
workstation_not_attested unless their newest decisive attestation passed (PASS: UNDETERMINED
does not show App.3 met), was journaled at most attestation_max_age_days ago and was signed with
the certificate the query is signed with. Decisive: every one but a partial PASS (a start-up's
fast run, without the token and channel checks), which claims nothing of the checks it did not
run and so neither replaces a complete one nor counts by itself; a failure decides, partial or
not.
Sign-in, the attestation itself, the agreement, dispositions of results already received and
every read stay open, or the user could never attest nor close what they hold.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel
from sqlalchemy import Connection, Engine, bindparam, func, insert, select, true
from starlette.responses import Response

from gateway import pipeline
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.models import attestations, journal
from gateway.openapi import signed_body
from gateway.pipeline import Call, Handler
from gateway.problems import Refusal
from transport.clock import iso, to_astana
from transport.commands import ATTESTATION
from transport.errors import ErrorCode
from transport.protocol import API_PREFIX, AttestationReceipt, AttestationStatement

KIND = "attestation"
PASSING = "PASS"
# Why an attestation does not meet the policy; the refusal's detail starts with one of them
# (app.messages reads it back): "workstation attestation <reason>: <particulars>".
MISSING, FAILED, UNDETERMINED, STALE, OTHER_CERTIFICATE = (
    "missing", "failed", "undetermined", "stale", "other_certificate")
MEETS = "ok"
Handle = Callable[[Request, RequestContext, Callable[[Any], BaseModel]], Any]


@dataclass(frozen=True)
class Attested:
    """A user's newest attestation, as its journal entry says, and how it stands."""

    at: str  # when it was journaled, Astana time
    overall: str
    not_passed: list[str]
    standing: str = MEETS  # MEETS, or why it does not meet the policy (certificate aside)


@dataclass(frozen=True)
class Newest:
    """What the policy reads of a user's newest attestation (its derived row)."""

    seq: int
    cert_serial: str
    overall: str
    partial: bool
    at_utc: datetime
    detail: str


# --- writing: the journal entry and its derived row, in one transaction -----------------------

def index(conn: Connection, seq: int, iin: str | None, serial: str | None, at_utc: str,
          detail: str) -> None:
    """Write the derived row of attestation entry `seq`; an entry that does not read (or names
    no user or certificate) gets none, and so counts as no attestation: fail closed."""
    try:
        d = json.loads(detail)
        overall, partial = d["overall"], d["partial"]
    except (ValueError, KeyError, TypeError, RecursionError):
        return
    if not (iin and serial and isinstance(overall, str) and isinstance(partial, bool)):
        return
    conn.execute(insert(attestations).values(
        seq=seq, iin=iin, cert_serial=serial, overall=overall[:20], partial=partial,
        decisive=not (partial and overall == PASSING), at_utc=at_utc))


def _apply(conn: Connection, call: Call[AttestationStatement]) -> AttestationReceipt:
    statement = call.payload
    entry = call.record(conn, detail={
        "overall": statement.overall, "profile": statement.profile,
        "partial": statement.partial, "host": statement.host, "system": statement.system,
        "checked_at": statement.checked_at, "not_passed": statement.not_passed,
        "report_sha256": statement.report_sha256})
    index(conn, entry.seq, entry.actor_iin, entry.cert_serial, entry.at_utc, entry.detail)
    return AttestationReceipt(journal_seq=entry.seq)


ATTESTATIONS: Handler[AttestationStatement] = Handler(apply=_apply)


# --- reading: the policy ----------------------------------------------------------------------
# Built once: a query runs it on every request under "require".
_NEWEST_OF = (
    select(attestations.c.seq, attestations.c.cert_serial, attestations.c.overall,
           attestations.c.partial, attestations.c.at_utc, journal.c.detail)
    .join(journal, journal.c.seq == attestations.c.seq)
    .where(attestations.c.iin == bindparam("iin"), attestations.c.decisive == true())
    .order_by(attestations.c.seq.desc()).limit(1))


def _newest_row(row: Any) -> Newest:
    return Newest(int(row.seq), str(row.cert_serial), str(row.overall), bool(row.partial),
                  datetime.fromisoformat(row.at_utc), str(row.detail))


def newest_of(conn: Connection, iin: str) -> Newest | None:
    """`iin`'s newest decisive attestation: one indexed read, whatever the journal's length."""
    row = conn.execute(_NEWEST_OF, {"iin": iin}).first()
    return None if row is None else _newest_row(row)


def _not_passed(detail: str) -> list[str]:
    try:
        items = json.loads(detail).get("not_passed", [])
    except (ValueError, AttributeError, RecursionError):
        return []
    return [str(x) for x in items] if isinstance(items, list) else []


@dataclass(frozen=True)
class Shortfall:
    """Why an attestation does not meet the policy, and the particulars (checks, age)."""

    reason: str
    particulars: str

    @property
    def detail(self) -> str:
        """The refusal's detail, as app.messages reads it back."""
        return f"workstation attestation {self.reason}: {self.particulars}"


def shortfall(found: Newest | None, now: datetime, max_age: timedelta,
              serial: str | None = None) -> Shortfall | None:
    """Why `found` does not meet the policy as of `now` (with the certificate `serial` in use,
    when known); None if it does."""
    if found is None:
        return Shortfall(MISSING, "no complete self-check of the workstation from this user")
    if found.overall != PASSING:
        reason = UNDETERMINED if found.overall == "UNDETERMINED" else FAILED
        return Shortfall(reason, ",".join(_not_passed(found.detail)))
    if now - found.at_utc > max_age:
        return Shortfall(STALE, f"made {iso(to_astana(found.at_utc))}, "
                                f"over {max_age.days} days ago")
    if serial is not None and found.cert_serial != serial:
        return Shortfall(OTHER_CERTIFICATE,
                         f"signed with certificate {found.cert_serial}, not {serial}")
    return None


def max_age(config: GatewayConfig) -> timedelta:
    return timedelta(days=config.attestation_max_age_days)


def require(call: Call[Any]) -> None:
    """R-WS-6, 2022 §4: under the "require" policy, Refusal(workstation_not_attested) unless
    the user's newest attestation meets it (a query's check, before the write transaction)."""
    if call.config.attestation != "require":
        return
    with call.engine.connect() as conn:
        found = newest_of(conn, call.user.iin)
    why = shortfall(found, call.now, max_age(call.config), call.signer.serial)
    if why is not None:
        raise Refusal(ErrorCode.WORKSTATION_NOT_ATTESTED, why.detail)


def _newest_per_user(*, decisive_only: bool) -> Any:
    newest_seq = select(func.max(attestations.c.seq)).group_by(attestations.c.iin)
    if decisive_only:
        newest_seq = newest_seq.where(attestations.c.decisive == true())
    return (select(attestations.c.iin, attestations.c.seq, attestations.c.cert_serial,
                   attestations.c.overall, attestations.c.partial, attestations.c.at_utc,
                   journal.c.at_astana, journal.c.detail)
            .join(journal, journal.c.seq == attestations.c.seq)
            .where(attestations.c.seq.in_(newest_seq.scalar_subquery())))


_NEWEST_ALL, _DECISIVE_ALL = (_newest_per_user(decisive_only=False),
                              _newest_per_user(decisive_only=True))


def newest(conn: Connection, config: GatewayConfig, now: datetime) -> dict[str, Attested]:
    """Each user's newest attestation, and whether their newest decisive one meets the policy
    as of `now` (the certificate is not compared here: which one a user signs with is known
    per request)."""
    decisive = {str(row.iin): _newest_row(row) for row in conn.execute(_DECISIVE_ALL)}
    found: dict[str, Attested] = {}
    for row in conn.execute(_NEWEST_ALL):
        iin = str(row.iin)
        why = shortfall(decisive.get(iin), now, max_age(config))
        found[iin] = Attested(str(row.at_astana), str(row.overall), _not_passed(str(row.detail)),
                              MEETS if why is None else why.reason)
    return found


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig, handle: Handle) -> None:
    """POST /v1/attestations (signed by the user's signing key); the policy is checked here,
    at start (ValueError: the gateway does not start on a policy it cannot apply)."""
    config.check_attestation_policy()

    async def attest(request: Request) -> Response:
        ctx = RequestContext(endpoint=ATTESTATION.name,
                             peer=request.client.host if request.client else None)
        result: Response = await handle(request, ctx, pipeline.work(
            engine, config, ATTESTATION, ATTESTATIONS, request.headers.get("authorization"),
            ctx))
        return result

    body = signed_body()
    app.add_api_route(API_PREFIX + ATTESTATION.path, attest, methods=["POST"],
                      response_model=AttestationReceipt, openapi_extra=body,
                      summary="A user's signed workstation self-check (2022 §4, App.3)")

