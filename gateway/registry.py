"""The user registry: who may enter, in which role, and whether the agreement is signed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from gateway.config import SeedUser
from gateway.db import write_tx
from gateway.models import applications, journal, users
from gateway.problems import Refusal
from signing.iin import make_bin, make_iin
from signing.sandbox_pki import ORGANIZATION, ORGANIZATION_BIN, SandboxUser
from transport.clock import iso, now_astana
from transport.commands import ANALYST, CONTROLLER, OPERATOR

# The КПСиСУ operator: decides applications, blocks (R-ACC-4, R-ACC-7).
OPERATOR_ROLE = OPERATOR

# R-ACC-1, R-Q-1: the analyst role reaches all 52 resources (№11 truncated); the departmental
# controller reviews reports (R-CTL-1) and sends no queries.
ROLE_RESOURCES: dict[str, frozenset[int]] = {
    ANALYST: frozenset(range(1, 53)),
    CONTROLLER: frozenset(),
}


@dataclass(frozen=True)
class User:
    iin: str
    name: str
    organization: str
    role: str
    state: str
    agreement_signed_at: str | None
    registered_at: str
    unit: str = ""
    position: str = ""
    sanctioned: str = ""  # the stored state behind "blocked"/"registered" (gateway.sanctions)

    def may_query(self, resource_id: int) -> bool:
        return resource_id in ROLE_RESOURCES.get(self.role, frozenset())


def seed(engine: Engine, people: Iterable[SeedUser]) -> None:
    """Register the seed users once (sandbox); the agreement counts as signed (R-AUTH-2)."""
    with write_tx(engine) as conn:
        for person in people:
            exists = conn.execute(select(users.c.iin).where(users.c.iin == person.iin)).first()
            if exists is None:
                stamp = iso(now_astana())
                conn.execute(insert(users).values(
                    iin=person.iin, name=person.name, organization=person.organization,
                    role=person.role, state="registered", agreement_signed_at=stamp,
                    registered_at=stamp,
                ))


# Built once: every signed command admits its user through it (issue 10).
_USER = select(users).where(users.c.iin == bindparam("iin"))


def find(conn: Connection, iin: str) -> User | None:
    """The user as admitted now: a suspension (App.5 §17) past its date is over by itself."""
    row = conn.execute(_USER, {"iin": iin}).mappings().first()
    if row is None:
        return None
    user = User(**row)
    if user.state in ("suspended", "closed"):
        from gateway.sanctions import in_force  # it reads the journal through this module

        return in_force(conn, user)
    return user


def require_registered(conn: Connection, iin: str | None) -> User:
    """The registered, unblocked user, agreement signed or not (login, signing it: R-AUTH-2)."""
    user = find(conn, iin) if iin else None
    if user is None:
        raise Refusal("not_registered", "this IIN is not registered with the operator")
    if user.state == "blocked":
        # R-ACC-8: comes back with a new application (unless a sanction blocks them since)
        if not user.sanctioned and blocked_at_own_request(conn, user.iin):
            raise Refusal("blocked_own_request", "blocked at the user's own request")
        reason = block_reason(conn, user.iin)  # 2022 §17: the user is told why
        raise Refusal("user_blocked", "access of this user is blocked"
                      + (f"; reason: {reason}" if reason else ""))
    if user.state != "registered":
        raise Refusal("not_registered", f"registration state is {user.state!r}")
    return user


def blocked_at_own_request(conn: Connection, iin: str) -> bool:
    """True when the newest blocking application that took effect for `iin` was signed by the
    user themself (R-ACC-8: before an absence of more than two months)."""
    signer = conn.execute(select(applications.c.signer_iin).where(
        applications.c.iin == iin, applications.c.action == "blocking",
        applications.c.state == "registered").order_by(applications.c.id.desc()).limit(1)
    ).scalar()
    return signer == iin


def block_reason(conn: Connection, iin: str, scan: int = 200) -> str | None:
    """The reason of the newest block of `iin` among the journal's last `scan` blocks."""
    rows = conn.execute(select(journal.c.kind, journal.c.detail).where(
        journal.c.kind.in_(("block", "decision", "sanction"))
    ).order_by(journal.c.seq.desc()).limit(scan))
    for row in rows:
        try:
            detail = json.loads(row.detail)
        except ValueError:
            continue
        if isinstance(detail, dict) and detail.get("iin") == iin and (
                row.kind in ("block", "sanction") or detail.get("decision") == "block"):
            reason = detail.get("reason")
            return reason if isinstance(reason, str) and reason else None
    return None


def require_active(conn: Connection, iin: str | None) -> User:
    """The registered, unblocked user with a signed agreement (R-ACC-1, R-AUTH-3, R-CTL-2)."""
    user = require_registered(conn, iin)
    if not user.agreement_signed_at:
        raise Refusal("no_agreement", "the agreement on rights of use is not signed")
    return user


def set_state(engine: Engine, iin: str, state: str) -> None:
    """Block or re-register a user (R-ACC-7, R-CTL-2: takes effect on the next request)."""
    if state not in ("registered", "blocked"):
        raise ValueError(f"unknown user state {state!r}")
    with write_tx(engine) as conn:
        conn.execute(update(users).where(users.c.iin == iin).values(state=state))


# Sandbox people beyond signing.sandbox_pki.SANDBOX_USERS (whose certificates the same sandbox
# PKI issues): an operator, and an analyst registered WITHOUT a signed agreement so the first
# entry (R-AUTH-2) can be exercised.
SANDBOX_OPERATOR = SandboxUser(
    "operator1", "ОПЕРАТОРОВ", "БЕРІК", "САПАРҰЛЫ", make_iin(dt.date(1984, 5, 20), "M", 5011),
    "ҚР Бас прокуратурасының Құқықтық статистика комитеті (SANDBOX)",
    make_bin(2001, 1, kind=4, unit=0, seq=7))
SANDBOX_NEWCOMER = SandboxUser(
    "analyst5", "НҰРЛАНОВА", "ӘСЕЛ", "БОЛАТҚЫЗЫ", make_iin(dt.date(1996, 9, 9), "F", 5120),
    ORGANIZATION, ORGANIZATION_BIN)
# Issue 13: the agency's departmental controller, appointed by the head's order (R-CTL-1).
SANDBOX_CONTROLLER = SandboxUser(
    "controller1", "ЕСЕНОВА", "САЛТАНАТ", "ҚАЙРАТҚЫЗЫ", make_iin(dt.date(1982, 3, 14), "F", 7033),
    ORGANIZATION, ORGANIZATION_BIN)


def seed_sandbox(engine: Engine) -> None:
    """Register the sandbox operator and controller (agreement signed) and the newcomer (not
    signed), once."""
    stamp = iso(now_astana())
    with write_tx(engine) as conn:
        for person, role, signed in ((SANDBOX_OPERATOR, OPERATOR_ROLE, stamp),
                                     (SANDBOX_CONTROLLER, CONTROLLER, stamp),
                                     (SANDBOX_NEWCOMER, "afm_analyst", None)):
            if find(conn, person.iin) is None:
                conn.execute(insert(users).values(
                    iin=person.iin, organization=person.organization, role=role,
                    name=" ".join(p for p in (person.surname, person.first_name,
                                              person.patronymic) if p),
                    state="registered", agreement_signed_at=signed, registered_at=stamp))
