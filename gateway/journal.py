"""The Log journal: append-only, dense seq numbers, a SHA-256 hash chain (R-LOG-1, R-LOG-2).

hash(n) = sha256(prev_hash(n) as ASCII hex || canonical_json(fields of entry n)), where the
fields are seq, kind, at_utc, at_astana, actor_iin, cert_serial, resource, basis (JSON text),
request_sha256, response_sha256 and detail (JSON text); prev_hash(1) is 64 zeros. An outside
party can recompute the chain from the rows alone (R-CTL-3).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, Protocol
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from gateway import downtime, request_facts
from gateway.models import GENESIS_HASH, journal, journal_head
from transport.canonical import canonical_json, sha256_hex
from transport.clock import now_utc, to_astana

KINDS = frozenset({"login", "query", "refusal"})
# R-Q-3, R-OPS-1, R-LOG-3, R-RES-1: operations events are journaled too (gateway.operations).
KINDS |= {"notice", "emergency", "emergency_closed", "outage", "disposition"}
KINDS |= {"application", "decision", "block", "agreement"}  # R-ACC-2..7, R-AUTH-2
# Issue 9: successful reads of reports and operator lists (who saw what, with which parameters).
KINDS |= {"read"}
KINDS |= {"logout"}  # issue 9: a session ended by the user or by its certificate's revocation
KINDS |= {"unblock"}  # the operator undoes a block (issue 9)
KINDS |= {"fault"}  # a stored row the gateway cannot read, journaled once (issue 9)
KINDS |= {"review"}  # R-CTL-1: a departmental controller's signed review of the reports
KINDS |= {"sanction"}  # App.5 §17: suspension, closure, deletion (gateway.sanctions)
KINDS |= {"attestation"}  # 2022 §4, App.3: a user's signed workstation self-check
KINDS |= {"user_edit"}  # 2022 §4–7: the operator changes a user's position, organisation, role
KINDS |= {"export"}  # R-LOG-1: the operator sealed the journal and took its archive

_HASHED = (
    "seq", "kind", "at_utc", "at_astana", "actor_iin", "cert_serial", "resource", "basis",
    "request_sha256", "response_sha256", "detail",
)


@dataclass(frozen=True)
class JournalEntry:
    """One row of the journal as stored and hashed."""

    seq: int
    kind: str
    at_utc: str
    at_astana: str  # R-Q-5
    actor_iin: str | None
    cert_serial: str | None
    resource: int | None
    basis: str | None
    request_sha256: str | None
    response_sha256: str | None
    detail: str
    prev_hash: str
    hash: str

    def hashed_fields(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in _HASHED}

    def expected_hash(self) -> str:
        return entry_hash(self.prev_hash, self.hashed_fields())

    def detail_obj(self) -> dict[str, Any]:
        loaded = json.loads(self.detail)
        return loaded if isinstance(loaded, dict) else {"value": loaded}

    def basis_obj(self) -> dict[str, Any] | None:
        return None if self.basis is None else json.loads(self.basis)


COLUMNS = tuple(f.name for f in fields(JournalEntry))


class Sealer(Protocol):
    """Seals full segments inside the append transaction (gateway.checkpoints.attach)."""

    def before_append(self, conn: Connection, at: datetime) -> int:
        """Seal by age if due; the first seq of the open segment after that."""
        ...

    def after_append(self, conn: Connection, entry: JournalEntry, open_from: int) -> None: ...


# Keyed by engine so every caller of append() seals without having to pass anything along.
_SEALERS: WeakKeyDictionary[Engine, Sealer] = WeakKeyDictionary()


def set_sealer(engine: Engine, sealer: Sealer | None) -> None:
    """Make every append on `engine` seal full segments with `sealer` (None: stop sealing)."""
    if sealer is None:
        _SEALERS.pop(engine, None)
    else:
        _SEALERS[engine] = sealer


def entry_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    return sha256_hex(prev_hash.encode("ascii") + canonical_json(dict(fields)))


def _stamp(moment: datetime) -> tuple[str, str]:
    utc = moment.isoformat(timespec="milliseconds")
    return utc, to_astana(moment).isoformat(timespec="milliseconds")


# Built once (issue 10: building a statement cost more than running it). The head row is
# locked (FOR UPDATE on PostgreSQL; SQLite callers hold BEGIN IMMEDIATE via gateway.db.write_tx);
# the time of the entry it points at comes along: a writer that took its time before it got the
# head (another process held it) is stamped no earlier than the entry it follows. On PostgreSQL
# the joined time is not trusted: a FOR UPDATE that waited re-reads only the locked row, the
# join keeps the snapshot taken before the wait, so the time is read after the lock (_HEAD_AT).
_HEAD = (
    select(journal_head.c.seq, journal_head.c.hash, journal.c.at_utc)
    .select_from(journal_head.outerjoin(journal, journal.c.seq == journal_head.c.seq))
    .where(journal_head.c.id == 1)
    .with_for_update(of=journal_head)
)
_HEAD_AT = select(journal.c.at_utc).where(journal.c.seq == bindparam("seq"))
_NEXT_SEQ = select(journal_head.c.seq).where(journal_head.c.id == 1).with_for_update()
_INSERT = insert(journal)
_MOVE_HEAD = (update(journal_head).where(journal_head.c.id == 1)
              .values(seq=bindparam("new_seq"), hash=bindparam("new_hash")))


def append(
    conn: Connection,
    kind: str,
    *,
    actor_iin: str | None = None,
    cert_serial: str | None = None,
    resource: int | None = None,
    basis: Mapping[str, Any] | None = None,
    request_sha256: str | None = None,
    response_sha256: str | None = None,
    detail: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> JournalEntry:
    """Append one entry inside the caller's transaction; it is durable when that commits.

    The head row is locked (FOR UPDATE on PostgreSQL; SQLite callers hold BEGIN IMMEDIATE via
    gateway.db.write_tx), so concurrent appends get consecutive seqs in commit order."""
    if kind not in KINDS:
        raise ValueError(f"unknown journal kind {kind!r}")
    head = conn.execute(_HEAD).one()
    moment = at or now_utc()
    head_at = head.at_utc
    if conn.dialect.name == "postgresql" and head.seq:
        head_at = conn.execute(_HEAD_AT, {"seq": head.seq}).scalar_one()
    if head_at is not None:  # R-LOG-1 chronological order: see _HEAD
        moment = max(moment, datetime.fromisoformat(head_at))
    sealer = _SEALERS.get(conn.engine)
    open_from = 0
    if sealer is not None:
        open_from = sealer.before_append(conn, moment)  # the age cap closes a segment first
    at_utc, at_astana = _stamp(moment)
    fields: dict[str, Any] = {
        "seq": int(head.seq) + 1,
        "kind": kind,
        "at_utc": at_utc,
        "at_astana": at_astana,
        "actor_iin": actor_iin,
        "cert_serial": cert_serial,
        "resource": resource,
        "basis": None if basis is None else canonical_json(dict(basis)).decode("utf-8"),
        "request_sha256": request_sha256,
        "response_sha256": response_sha256,
        "detail": canonical_json(dict(detail or {})).decode("utf-8"),
    }
    # The row as asdict(entry) would give it, without asdict's recursive copy (issue 10).
    row = {**fields, "prev_hash": head.hash, "hash": entry_hash(head.hash, fields)}
    entry = JournalEntry(**row)
    conn.execute(_INSERT, row)
    conn.execute(_MOVE_HEAD, {"new_seq": entry.seq, "new_hash": entry.hash})
    downtime.index(conn, entry.seq, kind, entry.detail)  # issue 10: what queries read
    request_facts.index(conn, row)  # issue 13: what the controller's report reads
    if sealer is not None:
        sealer.after_append(conn, entry, open_from)  # the size cap closes it with this entry
    return entry


def next_seq(conn: Connection) -> int:
    """The seq the next append in this transaction will get (locks the head like append)."""
    return int(conn.execute(_NEXT_SEQ).scalar_one()) + 1


def entries(engine: Engine, since_seq: int = 0) -> list[JournalEntry]:
    """Entries with seq > since_seq, in order, read on a fresh connection."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(journal).where(journal.c.seq > since_seq).order_by(journal.c.seq)
        ).mappings().all()
    return [JournalEntry(**{**row, "seq": int(row["seq"])}) for row in rows]


def entries_between(conn: Connection, first_seq: int, last_seq: int) -> list[JournalEntry]:
    """Entries first_seq..last_seq inclusive, in order, on the caller's connection."""
    rows = conn.execute(
        select(journal).where(journal.c.seq.between(first_seq, last_seq)).order_by(journal.c.seq)
    ).mappings().all()
    return [JournalEntry(**{**row, "seq": int(row["seq"])}) for row in rows]


def verify_chain(
    items: Iterable[JournalEntry], *, prev_hash: str = GENESIS_HASH, first_seq: int = 1
) -> int | None:
    """The seq of the first entry that breaks density, linkage or its own hash; None if sound."""
    expected_seq = first_seq
    prev = prev_hash
    for item in items:
        if item.seq != expected_seq or item.prev_hash != prev or item.hash != item.expected_hash():
            return expected_seq
        prev = item.hash
        expected_seq += 1
    return None
