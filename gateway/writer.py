"""Group commit: one writer per engine at a time, many commands per transaction (issue 10).

A command's write (nonce, handler, journal entry) is handed to `run`. Whichever request thread
finds no writer at work becomes the writer: it takes every write pending at that moment (up to
MAX_BATCH) into one write transaction (gateway.db.write_tx: the engine's in-process write lock,
then BEGIN IMMEDIATE on SQLite), each in its own SAVEPOINT so a refused or failing write is
undone alone and leaves no trace, not even its nonce. It then runs the writes' `finish` steps
(the operator's signatures over their answers) on a small pool, commits once — one fsync for
the batch — and only then releases every answer (R-LOG-1: journaled durably before it leaves).
If the finish steps or the commit fail, every write of the batch fails with that error and
nothing of the batch is kept. When the writer is done, the oldest write still pending becomes
the next writer; the others wait without polling.

Why not a dedicated thread: a writer elected among the waiting threads needs no thread to start
and stop per engine and adds no hand-off at one connection, and it is still one writer at a
time, so SQLite's busy handler (sleeps of up to 100 ms, 1–2 s tails under load) is never reached
between writers of one process. It coordinates one process only, which is why `sio-gateway serve`
stays one process (docs/architecture.md, "Group commit").
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine

from gateway.db import write_tx

T = TypeVar("T")
# Writes taken into one transaction at most: bounds how long one batch holds the lock.
MAX_BATCH = 32
# Signatures run in parallel across the batch (RSA releases the GIL); two cores here.
FINISH_WORKERS = 2

_FINISHERS = ThreadPoolExecutor(max_workers=FINISH_WORKERS, thread_name_prefix="sio-finish")


@dataclass(eq=False)
class _Write(Generic[T]):
    work: Callable[[Connection], T]
    finish: Callable[[], None] | None
    result: T | None = None
    error: BaseException | None = None
    done: bool = False
    lead: bool = False  # this write's thread is to be the next writer
    wake: threading.Event = field(default_factory=threading.Event)


class GroupWriter:
    """The writes of one engine, run in batches by one writer at a time."""

    def __init__(self, engine: Engine, max_batch: int = MAX_BATCH) -> None:
        self.engine = engine
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._pending: list[_Write[Any]] = []
        self._writing = False
        self.batches = 0  # batches committed or failed, for tests and the bench
        self.writes = 0

    def run(self, work: Callable[[Connection], T], finish: Callable[[], None] | None = None
            ) -> T:
        """`work(conn)` in a write transaction shared with other writes, then `finish()`
        before the commit; `work`'s result once the transaction committed, or its error."""
        write: _Write[T] = _Write(work, finish)
        with self._lock:
            self._pending.append(write)
            lead = not self._writing
            self._writing = True
        while not write.done:
            if lead or write.lead:
                self._write_batches(write)
            else:
                write.wake.wait()
                write.wake.clear()
        if write.error is not None:
            raise write.error
        return write.result  # type: ignore[return-value]

    def _write_batches(self, own: _Write[Any]) -> None:
        """Write batches until `own` is done, then hand the writer's role on (or lay it down)."""
        while not own.done:
            with self._lock:
                batch, self._pending = (self._pending[:self.max_batch],
                                        self._pending[self.max_batch:])
            self._batch(batch)
            for write in batch:
                if write is not own:
                    write.wake.set()
        with self._lock:
            if self._pending:
                successor = self._pending[0]
                successor.lead = True
                successor.wake.set()
            else:
                self._writing = False

    def _batch(self, batch: list[_Write[Any]]) -> None:
        kept: list[_Write[Any]] = []
        try:
            with write_tx(self.engine) as conn:
                for write in batch:
                    if _attempt(conn, write, alone=len(batch) == 1):
                        kept.append(write)
                _finish([w.finish for w in kept if w.finish is not None])
        except BaseException as exc:  # the batch is rolled back: no write of it is kept
            for write in batch:
                if write in kept or write.error is None:
                    write.result, write.error = None, exc
        self.batches += 1
        self.writes += len(batch)
        for write in batch:
            write.done = True


def _attempt(conn: Connection, write: _Write[Any], *, alone: bool) -> bool:
    """Run one write; on its error undo it alone (its savepoint) and keep the error."""
    if alone:  # the transaction is the write's own: its rollback is the savepoint
        try:
            write.result = write.work(conn)
        except BaseException as exc:
            write.error = exc
            raise
        return True
    savepoint = conn.begin_nested()
    try:
        write.result = write.work(conn)
    except BaseException as exc:
        savepoint.rollback()
        write.error = exc
        return False
    savepoint.commit()
    return True


def _finish(steps: list[Callable[[], None]]) -> None:
    """Every finish step, in parallel when there are several; the first error aborts all."""
    if len(steps) == 1:
        steps[0]()
        return
    for error in [f.exception() for f in [_FINISHERS.submit(step) for step in steps]]:
        if error is not None:
            raise error


_WRITERS: WeakKeyDictionary[Engine, GroupWriter] = WeakKeyDictionary()
_WRITERS_LOCK = threading.Lock()


def writer_for(engine: Engine) -> GroupWriter:
    """The engine's group writer (made on first use)."""
    with _WRITERS_LOCK:
        writer = _WRITERS.get(engine)
        if writer is None:
            writer = _WRITERS[engine] = GroupWriter(engine)
        return writer
