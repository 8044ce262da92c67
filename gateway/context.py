"""What is known about a request so far, so a refusal can be journaled with it (R-LOG-1)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from gateway import journal
from gateway.db import write_tx
from gateway.problems import Refusal

_IIN = re.compile(r"\d{12}")


@dataclass
class RequestContext:
    endpoint: str
    peer: str | None = None
    actor_iin: str | None = None
    cert_serial: str | None = None
    resource: int | None = None
    basis: dict[str, Any] | None = None
    request_sha256: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def record_refusal(engine: Engine, refusal: Refusal, ctx: RequestContext) -> journal.JournalEntry:
    """Journal a refusal in its own transaction: nothing else the request touched is kept."""
    detail: dict[str, Any] = {"code": refusal.code, "endpoint": ctx.endpoint}
    if refusal.detail:
        detail["message"] = refusal.detail[:500]
    if ctx.peer:
        detail["peer"] = ctx.peer
    detail.update({k: v for k, v in ctx.extra.items() if isinstance(v, str | int | bool)})
    # Columns are sized for real IINs and serials; anything else stays visible in the detail.
    actor = ctx.actor_iin if ctx.actor_iin and _IIN.fullmatch(ctx.actor_iin) else None
    if ctx.actor_iin and actor is None:
        detail["actor"] = ctx.actor_iin[:100]
    serial = ctx.cert_serial[:80] if ctx.cert_serial else None
    with write_tx(engine) as conn:
        return journal.append(
            conn, "refusal", actor_iin=actor, cert_serial=serial,
            resource=ctx.resource, basis=ctx.basis, request_sha256=ctx.request_sha256,
            detail=detail,
        )
