"""Operator-signed checkpoints that seal journal segments and chain to each other (R-LOG-1).

A checkpoint's body is canonical JSON of CHECKPOINT_KEYS; its hash is sha256 of those bytes and
the next checkpoint carries it as prev_checkpoint_hash (64 zeros for segment 1). The detached
CMS over the body is by the operator's key, so an outside party can check it offline (R-CTL-3).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from gateway import journal
from gateway.config import GatewayConfig
from gateway.db import write_tx
from gateway.models import GENESIS_HASH, journal_checkpoints, journal_head
from gateway.models import journal as journal_table
from signing.cms import sign_detached
from signing.signer import Signer
from transport.canonical import canonical_json, sha256_hex
from transport.clock import now_utc, parse_iso, to_astana

FORMAT = "sio-journal-checkpoint/1"
REASONS = frozenset({"size", "age", "export"})


@dataclass(frozen=True)
class Checkpoint:
    """What a checkpoint vouches for: segment N is seqs first_seq..last_seq ending in last_hash."""

    format: str
    segment: int
    first_seq: int
    last_seq: int
    count: int
    last_hash: str
    prev_checkpoint_hash: str
    sealed_at_utc: str
    sealed_at_astana: str  # R-Q-5
    reason: str

    def body(self) -> bytes:
        return canonical_json(asdict(self))

    @property
    def hash(self) -> str:
        return sha256_hex(self.body())

    @classmethod
    def from_body(cls, body: bytes) -> Checkpoint:
        """Parse signed checkpoint bytes; ValueError unless they are exactly canonical."""
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"checkpoint is not JSON: {exc}") from exc
        if not isinstance(data, dict) or set(data) != set(CHECKPOINT_KEYS):
            raise ValueError("checkpoint keys are not the expected ones")
        for key in ("segment", "first_seq", "last_seq", "count"):
            if type(data[key]) is not int:
                raise ValueError(f"checkpoint {key} is not an integer")
        for key in CHECKPOINT_KEYS:
            if key not in ("segment", "first_seq", "last_seq", "count") and (
                    not isinstance(data[key], str)):
                raise ValueError(f"checkpoint {key} is not a string")
        checkpoint = cls(**data)
        if checkpoint.body() != body:
            raise ValueError("checkpoint bytes are not canonical JSON")
        if checkpoint.format != FORMAT:
            raise ValueError(f"unknown checkpoint format {checkpoint.format!r}")
        return checkpoint

    def sealed_at(self) -> datetime:
        return parse_iso(self.sealed_at_utc)


CHECKPOINT_KEYS = tuple(Checkpoint.__dataclass_fields__)


@dataclass(frozen=True)
class StoredCheckpoint:
    """A checkpoint as kept: the exact signed bytes and the operator's detached CMS (DER)."""

    checkpoint: Checkpoint
    body: bytes
    signature: bytes


def _stored(row: Any) -> StoredCheckpoint:
    body = str(row.body).encode("utf-8")
    return StoredCheckpoint(Checkpoint.from_body(body), body, bytes(row.signature))


def last(conn: Connection) -> StoredCheckpoint | None:
    row = conn.execute(
        select(journal_checkpoints).order_by(journal_checkpoints.c.segment.desc()).limit(1)
    ).first()
    return None if row is None else _stored(row)


def stored(engine: Engine) -> list[StoredCheckpoint]:
    """Every checkpoint, in segment order."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(journal_checkpoints).order_by(journal_checkpoints.c.segment)
        ).all()
    return [_stored(row) for row in rows]


def seal(conn: Connection, signer: Signer, reason: str,
         at: datetime | None = None) -> StoredCheckpoint | None:
    """Seal the open segment (entries after the last checkpoint) if it is not empty.

    The caller holds the journal head lock (journal.append or journal.next_seq in the same
    transaction), so no entry can slip in between what is counted and what is signed."""
    if reason not in REASONS:
        raise ValueError(f"unknown seal reason {reason!r}")
    head = conn.execute(
        select(journal_head.c.seq, journal_head.c.hash).where(journal_head.c.id == 1)
    ).one()
    previous = last(conn)
    first_seq = 1 if previous is None else previous.checkpoint.last_seq + 1
    last_seq = int(head.seq)
    if last_seq < first_seq:
        return None
    moment = at or now_utc()
    checkpoint = Checkpoint(
        format=FORMAT,
        segment=1 if previous is None else previous.checkpoint.segment + 1,
        first_seq=first_seq,
        last_seq=last_seq,
        count=last_seq - first_seq + 1,
        last_hash=str(head.hash),
        prev_checkpoint_hash=GENESIS_HASH if previous is None else previous.checkpoint.hash,
        sealed_at_utc=moment.isoformat(timespec="milliseconds"),
        sealed_at_astana=to_astana(moment).isoformat(timespec="milliseconds"),
        reason=reason,
    )
    body = checkpoint.body()
    signature = sign_detached(body, signer)
    conn.execute(insert(journal_checkpoints).values(
        **{k: v for k, v in asdict(checkpoint).items() if k != "format"},
        body=body.decode("utf-8"), hash=checkpoint.hash, signature=signature,
    ))
    return StoredCheckpoint(checkpoint, body, signature)


def seal_open(engine: Engine, signer: Signer, reason: str = "export") -> StoredCheckpoint | None:
    """Seal whatever the open segment holds now, in its own write transaction."""
    with write_tx(engine) as conn:
        journal.next_seq(conn)  # takes the head lock: appends wait until the seal commits
        return seal(conn, signer, reason)


# The first seq of the open segment and that entry's time (if it exists yet), in one
# statement built once: every append runs it.
_OPEN_FROM = func.coalesce(
    select(journal_checkpoints.c.last_seq).order_by(journal_checkpoints.c.segment.desc())
    .limit(1).scalar_subquery(), 0) + 1
_OPEN_SEGMENT = select(
    _OPEN_FROM.label("open_from"),
    select(journal_table.c.at_utc).where(journal_table.c.seq == _OPEN_FROM)
    .scalar_subquery().label("first_at"))


class SegmentSealer:
    """Seals a segment inside the append that fills it (size) or the first one after it ages."""

    def __init__(self, signer: Signer, max_entries: int, max_age_s: int) -> None:
        if max_entries < 1 or max_age_s < 1:
            raise ValueError("segment caps must be positive")
        self.signer, self.max_entries, self.max_age_s = signer, max_entries, max_age_s

    def before_append(self, conn: Connection, at: datetime) -> int:
        row = conn.execute(_OPEN_SEGMENT).one()
        if row.first_at is not None and (
                at - parse_iso(row.first_at)).total_seconds() >= self.max_age_s:
            seal(conn, self.signer, "age")
            return int(conn.execute(_OPEN_SEGMENT).one().open_from)
        return int(row.open_from)

    def after_append(self, conn: Connection, entry: journal.JournalEntry,
                     open_from: int) -> None:
        if entry.seq - open_from + 1 >= self.max_entries:
            seal(conn, self.signer, "size")


def attach(engine: Engine, config: GatewayConfig) -> SegmentSealer:
    """Seal segments on every append through `engine` with the operator key and config caps."""
    sealer = SegmentSealer(config.operator_signer, config.segment_max_entries,
                           config.segment_max_age_s)
    journal.set_sealer(engine, sealer)
    return sealer
