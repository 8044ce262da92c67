"""The user registry: who may enter, in which role, and whether the agreement is signed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, select, update

from gateway.config import SeedUser
from gateway.db import write_tx
from gateway.models import users
from gateway.problems import Refusal
from transport.clock import iso, now_astana

# R-ACC-1, R-Q-1: the analyst role reaches all 52 resources (№11 truncated); the departmental
# controller reviews reports (R-CTL-1) and sends no queries.
ROLE_RESOURCES: dict[str, frozenset[int]] = {
    "afm_analyst": frozenset(range(1, 53)),
    "controller": frozenset(),
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
                    role="afm_analyst", state="registered", agreement_signed_at=stamp,
                    registered_at=stamp,
                ))


def find(conn: Connection, iin: str) -> User | None:
    row = conn.execute(select(users).where(users.c.iin == iin)).mappings().first()
    return None if row is None else User(**row)


def require_active(conn: Connection, iin: str | None) -> User:
    """The registered, unblocked user with a signed agreement (R-ACC-1, R-AUTH-3, R-CTL-2)."""
    user = find(conn, iin) if iin else None
    if user is None:
        raise Refusal("not_registered", "this IIN is not registered with the operator")
    if user.state == "blocked":
        raise Refusal("user_blocked", "access of this user is blocked")
    if user.state != "registered":
        raise Refusal("not_registered", f"registration state is {user.state!r}")
    if not user.agreement_signed_at:
        raise Refusal("no_agreement", "the agreement on rights of use is not signed")
    return user


def set_state(engine: Engine, iin: str, state: str) -> None:
    """Block or re-register a user (R-ACC-7, R-CTL-2: takes effect on the next request)."""
    if state not in ("registered", "blocked"):
        raise ValueError(f"unknown user state {state!r}")
    with write_tx(engine) as conn:
        conn.execute(update(users).where(users.c.iin == iin).values(state=state))
