"""The one worker thread that runs every blocking Desk call (token I/O stays on one thread)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

OnOk = Callable[[Any], None]
OnErr = Callable[[BaseException], None]


class _Worker(QObject):
    """Lives in the worker thread; runs callables in the order they were submitted."""

    done = Signal(int, object)
    failed = Signal(int, object)

    @Slot(int, object)
    def run(self, job: int, fn: Callable[[], Any]) -> None:
        try:
            value = fn()
        except Exception as exc:  # every failure goes back to the GUI thread to be shown
            self.failed.emit(job, exc)
        else:
            self.done.emit(job, value)

    @Slot()
    def stop(self) -> None:
        QThread.currentThread().quit()


class DeskRunner(QObject):
    """GUI-thread front of the worker: call(fn, on_ok, on_err) and get the answer as a callback."""

    busy_changed = Signal(bool)
    _submit = Signal(int, object)
    _stop = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = count(1)
        self._pending: dict[int, tuple[OnOk | None, OnErr | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName("desk-worker")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        # Different thread affinity makes these queued connections: FIFO, never concurrent.
        self._submit.connect(self._worker.run)
        self._stop.connect(self._worker.stop)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def call(
        self, fn: Callable[[], Any], on_ok: OnOk | None = None, on_err: OnErr | None = None
    ) -> int:
        if not self._thread.isRunning():
            raise RuntimeError("the desk worker has been shut down")
        job = next(self._ids)
        was_busy = self.busy
        self._pending[job] = (on_ok, on_err)
        if not was_busy:
            self.busy_changed.emit(True)
        self._submit.emit(job, fn)
        return job

    def shutdown(self, last: Callable[[], Any] | None = None, timeout_ms: int = 10_000) -> bool:
        """Run `last` (e.g. desk.close) after what is queued, then stop the thread and wait."""
        if not self._thread.isRunning():
            return True
        if last is not None:
            self._submit.emit(0, last)
        self._stop.emit()  # queued behind `last`, so the token is closed on its own thread
        finished = self._thread.wait(timeout_ms)
        if not finished:
            log.error("desk worker did not stop within %d ms", timeout_ms)
        self._pending.clear()
        return finished

    @Slot(int, object)
    def _on_done(self, job: int, value: object) -> None:
        on_ok, _ = self._finish(job)
        if on_ok is not None:
            on_ok(value)

    @Slot(int, object)
    def _on_failed(self, job: int, exc: BaseException) -> None:
        _, on_err = self._finish(job)
        if on_err is not None:
            on_err(exc)
        else:
            log.error("desk call failed with nobody to tell", exc_info=exc)

    def _finish(self, job: int) -> tuple[OnOk | None, OnErr | None]:
        if job not in self._pending:
            return None, None
        callbacks = self._pending.pop(job)
        if not self._pending:
            self.busy_changed.emit(False)
        return callbacks
