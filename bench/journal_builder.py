"""Builds big journals fast, row for row what `gateway.journal.append` makes (tests/soak/
test_journal_builder.py proves it against append itself, sealing included).

append() costs several statements per entry through SQLAlchemy; here the same fields are hashed
with the journal's own functions (`entry_hash`, `_stamp`, canonical JSON) and written with two
plain statements per entry (the row, then the head moved by one: the schema's triggers insist on
both, exactly as for append) inside large transactions. Segments are sealed where the gateway's
SegmentSealer would seal them (size cap after an entry, age cap before one) by
`gateway.checkpoints.seal` itself, signed by the operator key; the checkpoint's sealed_at is the
entry's time (history), or whatever `seal_clock` says.

Each Spec may carry rows of other tables its command writes in the same transaction (a query's
nonce, a disposition's row), inserted after its journal entry. The derived row append writes
for a notice, emergency, closing or fault (gateway.downtime.index) is written here by the same
function.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert, select

from gateway import checkpoints, downtime, request_facts
from gateway.db import write_tx
from gateway.journal import KINDS, JournalEntry, _stamp, entry_hash
from gateway.models import journal, journal_checkpoints, journal_head
from signing.signer import Signer
from transport.canonical import canonical_json
from transport.clock import parse_iso

_COLUMNS = ("seq", "kind", "at_utc", "at_astana", "actor_iin", "cert_serial", "resource", "basis",
            "request_sha256", "response_sha256", "detail", "prev_hash", "hash")
_INSERT = f"INSERT INTO journal ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
_HEAD = "UPDATE journal_head SET seq = ?, hash = ? WHERE id = 1"


@dataclass(frozen=True)
class Spec:
    """The arguments of one journal.append call, plus the rows its command writes beside it."""

    kind: str
    at: datetime
    actor_iin: str | None = None
    cert_serial: str | None = None
    resource: int | None = None
    basis: Mapping[str, Any] | None = None
    request_sha256: str | None = None
    response_sha256: str | None = None
    detail: Mapping[str, Any] | None = None
    rows: tuple[tuple[Table, Mapping[str, Any]], ...] = ()
    seq: int | None = None  # the seq the maker expects (its result carries it), checked


@dataclass(frozen=True)
class Caps:
    """The segment caps of GatewayConfig (segment_max_entries, segment_max_age_s)."""

    max_entries: int
    max_age_s: int


def entry_of(spec: Spec, seq: int, prev_hash: str, moment: datetime) -> JournalEntry:
    """The entry append() makes for `spec` at `seq` after `prev_hash`, stamped `moment`."""
    if spec.kind not in KINDS:
        raise ValueError(f"unknown journal kind {spec.kind!r}")
    at_utc, at_astana = _stamp(moment)
    fields: dict[str, Any] = {
        "seq": seq,
        "kind": spec.kind,
        "at_utc": at_utc,
        "at_astana": at_astana,
        "actor_iin": spec.actor_iin,
        "cert_serial": spec.cert_serial,
        "resource": spec.resource,
        "basis": None if spec.basis is None else canonical_json(dict(spec.basis)).decode("utf-8"),
        "request_sha256": spec.request_sha256,
        "response_sha256": spec.response_sha256,
        "detail": canonical_json(dict(spec.detail or {})).decode("utf-8"),
    }
    return JournalEntry(**fields, prev_hash=prev_hash, hash=entry_hash(prev_hash, fields))


class _State:
    """The head and the open segment, as the builder moves them."""

    def __init__(self, conn: Connection) -> None:
        head = conn.execute(select(journal_head.c.seq, journal_head.c.hash)
                            .where(journal_head.c.id == 1)).one()
        self.seq, self.hash = int(head.seq), str(head.hash)
        self.prev_at: str | None = conn.execute(
            select(journal.c.at_utc).where(journal.c.seq == self.seq)).scalar()
        sealed = conn.execute(select(journal_checkpoints.c.last_seq)
                              .order_by(journal_checkpoints.c.segment.desc()).limit(1)).scalar()
        self.open_from = 1 if sealed is None else int(sealed) + 1
        self.open_first_at: str | None = conn.execute(
            select(journal.c.at_utc).where(journal.c.seq == self.open_from)).scalar()


def build(engine: Engine, specs: Iterable[Spec], signer: Signer, caps: Caps, *,
          chunk: int = 20_000, seal_clock: Callable[[datetime], datetime] | None = None,
          progress: Callable[[int], None] | None = None) -> int:
    """Append every spec to the journal of `engine` as append() would; the entries written."""
    clock = seal_clock or (lambda moment: moment)
    written = 0
    items: Iterator[Spec] = iter(specs)
    last_report = time.monotonic()
    while True:
        with write_tx(engine) as conn:
            count = _chunk(conn, items, chunk, signer, caps, clock)
        written += count
        if progress is not None and count and (count < chunk
                                               or time.monotonic() - last_report > 5):
            progress(written)
            last_report = time.monotonic()
        if count < chunk:
            return written


def _chunk(conn: Connection, items: Iterator[Spec], size: int, signer: Signer, caps: Caps,
           clock: Callable[[datetime], datetime]) -> int:
    state = _State(conn)
    fast = conn.dialect.name == "sqlite"
    cursor = conn.connection.driver_connection.cursor() if fast else None  # type: ignore[union-attr]
    done = 0
    for spec in items:
        moment = spec.at
        if state.prev_at is not None:
            moment = max(moment, datetime.fromisoformat(state.prev_at))
        # SegmentSealer.before_append: the age cap closes the open segment before this entry.
        if state.open_first_at is not None and (
                moment - parse_iso(state.open_first_at)).total_seconds() >= caps.max_age_s:
            _seal(conn, signer, "age", clock(moment), state)
        seq = state.seq + 1
        if spec.seq is not None and spec.seq != seq:
            raise RuntimeError(f"the spec expects seq {spec.seq}, the journal is at {seq}")
        entry = entry_of(spec, seq, state.hash, moment)
        values = tuple(getattr(entry, c) for c in _COLUMNS)
        if cursor is not None:
            cursor.execute(_INSERT, values)
            cursor.execute(_HEAD, (entry.seq, entry.hash))
        else:
            conn.execute(insert(journal).values(dict(zip(_COLUMNS, values, strict=True))))
            conn.execute(journal_head.update().where(journal_head.c.id == 1)
                         .values(seq=entry.seq, hash=entry.hash))
        downtime.index(conn, entry.seq, entry.kind, entry.detail)  # as append does
        request_facts.index(conn, dict(zip(_COLUMNS, values, strict=True)))
        for table, row in spec.rows:
            if cursor is not None:
                names = tuple(row)
                cursor.execute(_insert_sql(table.name, names), tuple(row[n] for n in names))
            else:
                conn.execute(insert(table).values(**row))
        state.seq, state.hash, state.prev_at = entry.seq, entry.hash, entry.at_utc
        if state.open_first_at is None:
            state.open_first_at = entry.at_utc
        # SegmentSealer.after_append: the size cap closes the segment with this entry.
        if entry.seq - state.open_from + 1 >= caps.max_entries:
            _seal(conn, signer, "size", clock(moment), state)
        done += 1
        if done >= size:
            break
    return done


@functools.lru_cache(maxsize=64)
def _insert_sql(table: str, names: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"


def _seal(conn: Connection, signer: Signer, reason: str, at: datetime, state: _State) -> None:
    checkpoints.seal(conn, signer, reason, at=at)
    state.open_from, state.open_first_at = state.seq + 1, None
