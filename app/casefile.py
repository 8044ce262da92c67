"""Receipts of results on this workstation: metadata only, never parameters or values (R-RES-1).

Each query gets a receipt *before* it leaves (state "sent"), and its result is written encrypted
only after the receipt says so, so whatever a crash leaves behind is known and can be destroyed
and reported at the next start. A receipt moves sent → pending → attaching → disposed; its
disposition (what the journal is told) is queued until the gateway has it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from app.errors import DeskError
from app.privatedir import private_dir
from transport.clock import iso, now_utc, parse_iso

State = Literal["sent", "pending", "attaching", "disposed"]
# "void": the gateway never answered that query, so there was nothing to report.
Delivery = Literal["none", "queued", "sent", "rejected", "void"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS receipts (
    id TEXT PRIMARY KEY,
    owner_iin TEXT NOT NULL,
    journal_seq INTEGER NOT NULL,
    request_sha256 TEXT NOT NULL,
    response_sha256 TEXT NOT NULL,
    resource INTEGER NOT NULL,
    case_number TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    printed INTEGER NOT NULL DEFAULT 0,
    export_path TEXT,
    printout_sha256 TEXT,
    action TEXT,
    destroyed_at TEXT,
    delivery TEXT NOT NULL DEFAULT 'none',
    disposition_seq INTEGER,
    delivery_error TEXT
);
CREATE INDEX IF NOT EXISTS receipts_state ON receipts(state);
CREATE INDEX IF NOT EXISTS receipts_delivery ON receipts(delivery);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Receipt:
    """One result's metadata: where it stands, and what the journal was told of it."""

    id: str
    owner_iin: str
    journal_seq: int
    request_sha256: str
    response_sha256: str
    resource: int
    case_number: str
    asked_at: datetime
    received_at: datetime
    expires_at: datetime
    state: State
    printed: bool
    export_path: str | None
    printout_sha256: str | None
    action: str | None
    destroyed_at: datetime | None
    delivery: Delivery
    disposition_seq: int | None
    delivery_error: str | None

    def remaining(self, now: datetime) -> timedelta:
        return self.expires_at - now


@dataclass(frozen=True)
class Material:
    """A case material on this workstation and its results still waiting to be attached."""

    case_number: str
    pending: tuple[Receipt, ...]

    @property
    def oldest(self) -> datetime:
        return min(r.received_at for r in self.pending)

    @property
    def next_expiry(self) -> datetime:
        return min(r.expires_at for r in self.pending)


class CaseFile:
    """The receipts database (0600, in a 0700 directory); one process at a time holds it."""

    def __init__(self, directory: Path) -> None:
        self.directory = private_dir(directory)
        self.path = directory / "casefile.db"
        self._lock = _InstanceLock(directory / "casefile.lock")
        created = not self.path.exists()
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            os.close(fd)
            if os.name == "posix":
                self.path.chmod(0o600)
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            # Write-ahead log, synced at every commit: each receipt is as durable before its
            # query leaves as under a rollback journal, for one fsync per commit instead of
            # about four (issue 10: 94 fdatasyncs for 40 queries instead of 344, by strace). The
            # -wal/-shm files take the database's 0600 and go at a clean close.
            mode = self._db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode != "wal":
                raise sqlite3.OperationalError(f"journal_mode is {mode}, not wal")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA journal_size_limit=1048576")  # the -wal kept small
            self._db.execute("PRAGMA secure_delete=ON")
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            self._lock.release()
            raise DeskError("casefile_unreadable", path=str(self.path), detail=str(exc)) from exc
        self.crashed = not created and self._meta("open") == "1"
        self._set_meta("open", "1")

    def close(self) -> None:
        """A clean close: the next start knows this process did not crash."""
        try:
            self._set_meta("open", "0")
            self._db.close()
        finally:
            self._lock.release()

    # -- writes ------------------------------------------------------------------------------

    def expect(self, item: str, *, owner_iin: str, request_sha256: str, resource: int,
               case_number: str, asked_at: datetime, retention: timedelta) -> Receipt:
        """The receipt of a query about to leave: if its answer comes and the process dies
        before keeping it, the next start still knows there is something to report."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO receipts (id, owner_iin, journal_seq, request_sha256,"
                " response_sha256, resource, case_number, asked_at, received_at, expires_at,"
                " state) VALUES (?,?,0,?,'',?,?,?,?,?,'sent')",
                (item, owner_iin, request_sha256, resource, case_number, iso(asked_at),
                 iso(asked_at), iso(asked_at + retention)))
        return self.get(item)

    def answered(self, item: str, *, journal_seq: int, response_sha256: str,
                 received_at: datetime, retention: timedelta) -> Receipt:
        """The answer came and is about to be written to the vault."""
        with self._tx() as db:
            db.execute(
                "UPDATE receipts SET journal_seq=?, response_sha256=?, received_at=?,"
                " expires_at=?, state='pending' WHERE id=? AND state='sent'",
                (journal_seq, response_sha256, iso(received_at), iso(received_at + retention),
                 item))
        return self.get(item)

    def forget(self, item: str) -> None:
        """A query the gateway refused: no answer exists, nothing is to be reported."""
        with self._tx() as db:
            db.execute("DELETE FROM receipts WHERE id=? AND state='sent'", (item,))

    def begin_attach(self, item: str, *, printed: bool, export_path: str | None,
                     printout_sha256: str | None) -> Receipt:
        """Before any file is written: what will happen, so recovery can finish or undo it."""
        with self._tx() as db:
            changed = db.execute(
                "UPDATE receipts SET state='attaching', printed=?, export_path=?,"
                " printout_sha256=? WHERE id=? AND state IN ('pending','attaching')",
                (int(printed), export_path, printout_sha256, item)).rowcount
        if not changed:
            raise DeskError("result_not_pending")
        return self.get(item)

    def back_to_pending(self, item: str) -> None:
        """An attach that wrote nothing (export failed): the result waits as before."""
        with self._tx() as db:
            db.execute("UPDATE receipts SET state='pending', printed=0, export_path=NULL,"
                       " printout_sha256=NULL WHERE id=? AND state='attaching'", (item,))

    def disposed(self, item: str, action: str, destroyed_at: datetime,
                 printout_sha256: str | None) -> Receipt:
        """The local copy is gone; the disposition is queued for the journal."""
        with self._tx() as db:
            db.execute(
                "UPDATE receipts SET state='disposed', action=?, destroyed_at=?,"
                " printout_sha256=?, delivery='queued' WHERE id=?",
                (action, iso(destroyed_at), printout_sha256, item))
        return self.get(item)

    def delivered(self, item: str, disposition_seq: int) -> None:
        with self._tx() as db:
            db.execute("UPDATE receipts SET delivery='sent', disposition_seq=?,"
                       " delivery_error=NULL WHERE id=?", (disposition_seq, item))

    def void(self, item: str) -> None:
        """The gateway has no answered query for this receipt: nothing to report."""
        with self._tx() as db:
            db.execute("UPDATE receipts SET delivery='void', delivery_error=NULL WHERE id=?",
                       (item,))

    def rejected(self, item: str, reason: str) -> None:
        """The gateway refused the disposition for good; kept visible, not re-sent."""
        with self._tx() as db:
            db.execute("UPDATE receipts SET delivery='rejected', delivery_error=? WHERE id=?",
                       (reason[:200], item))

    def note_delivery_error(self, item: str, reason: str) -> None:
        with self._tx() as db:
            db.execute("UPDATE receipts SET delivery_error=? WHERE id=?", (reason[:200], item))

    # -- reads -------------------------------------------------------------------------------

    def get(self, item: str) -> Receipt:
        row = self._db.execute("SELECT * FROM receipts WHERE id=?", (item,)).fetchone()
        if row is None:
            raise DeskError("result_unknown")
        return self._receipt(row)

    def with_state(self, *states: State) -> list[Receipt]:
        marks = ",".join("?" * len(states))
        rows = self._db.execute(
            f"SELECT * FROM receipts WHERE state IN ({marks}) ORDER BY received_at",  # noqa: S608
            states).fetchall()
        return [self._receipt(r) for r in rows]

    def pending(self) -> list[Receipt]:
        return self.with_state("pending")

    def queued(self, owner_iin: str | None = None) -> list[Receipt]:
        rows = self._db.execute(
            "SELECT * FROM receipts WHERE delivery='queued' ORDER BY destroyed_at").fetchall()
        found = [self._receipt(r) for r in rows]
        return [r for r in found if owner_iin is None or r.owner_iin == owner_iin]

    def recent(self, limit: int = 20) -> list[Receipt]:
        """The latest results that left the vault, newest first."""
        rows = self._db.execute("SELECT * FROM receipts WHERE state='disposed'"
                                " ORDER BY destroyed_at DESC LIMIT ?", (limit,)).fetchall()
        return [self._receipt(r) for r in rows]

    def materials(self) -> list[Material]:
        """Open materials: those with results waiting, oldest first."""
        by_case: dict[str, list[Receipt]] = {}
        for receipt in self.pending():
            by_case.setdefault(receipt.case_number, []).append(receipt)
        found = [Material(case, tuple(items)) for case, items in by_case.items()]
        return sorted(found, key=lambda m: m.oldest)

    def expired(self, now: datetime | None = None) -> list[Receipt]:
        moment = now or now_utc()
        return [r for r in self.pending() if r.expires_at <= moment]

    def expiring(self, within: timedelta, now: datetime | None = None) -> list[Receipt]:
        moment = now or now_utc()
        return [r for r in self.pending() if moment < r.expires_at <= moment + within]

    def counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT state, delivery, COUNT(*) FROM receipts"
                                " GROUP BY state, delivery").fetchall()
        out = {"in_flight": 0, "pending": 0, "attaching": 0, "disposed": 0, "queued": 0,
               "delivered": 0, "rejected": 0, "void": 0}
        names = {"sent": "in_flight"}  # a receipt state; "sent" deliveries count as delivered
        for state, delivery, n in rows:
            out[names.get(state, state)] += n
            key = "delivered" if delivery == "sent" else delivery
            if key in out:
                out[key] += n
        return out

    # -- plumbing ----------------------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:  # a full disk, a damaged file: refuse, lose nothing
            raise DeskError("casefile_write_failed", detail=str(exc)) from exc

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        with self._tx() as db:
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key)"
                       " DO UPDATE SET value=excluded.value", (key, value))

    def _receipt(self, row: tuple[Any, ...]) -> Receipt:
        names = [d[0] for d in self._db.execute("SELECT * FROM receipts LIMIT 0").description]
        r = dict(zip(names, row, strict=True))
        try:
            return Receipt(
                id=r["id"], owner_iin=r["owner_iin"], journal_seq=int(r["journal_seq"]),
                request_sha256=r["request_sha256"], response_sha256=r["response_sha256"],
                resource=int(r["resource"]), case_number=r["case_number"],
                asked_at=parse_iso(r["asked_at"]), received_at=parse_iso(r["received_at"]),
                expires_at=parse_iso(r["expires_at"]),
                state=r["state"], printed=bool(r["printed"]), export_path=r["export_path"],
                printout_sha256=r["printout_sha256"], action=r["action"],
                destroyed_at=parse_iso(r["destroyed_at"]) if r["destroyed_at"] else None,
                delivery=r["delivery"], disposition_seq=r["disposition_seq"],
                delivery_error=r["delivery_error"],
            )
        except (TypeError, ValueError, KeyError) as exc:
            raise DeskError("casefile_unreadable", path=str(self.path),
                            detail=f"receipt {r.get('id')!r}: {exc}") from exc


class _InstanceLock:
    """An exclusive lock on the data directory: a second client there would destroy our results."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.name == "posix":
                import fcntl

                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                import msvcrt

                msvcrt.locking(self._fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError as exc:
            os.close(self._fd)
            raise DeskError("already_running", path=str(path.parent)) from exc

    def release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # closing drops the lock
            self._fd = -1
