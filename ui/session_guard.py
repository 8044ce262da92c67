"""Locks a signed-in session when the analyst walks away or the token is pulled out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.api import DeskApi
from ui.worker import DeskRunner

TOKEN_POLL_MS = 1000
IDLE_WARNING_S = 60.0  # issue 11: the idle lock is announced this long before it comes
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class SessionGuard(QObject):
    """Emits lock_requested("idle" | "token_removed") while armed (i.e. while signed in).

    The idle lock is announced first: idle_warning(seconds) IDLE_WARNING_S before it (half the
    idle time when that is shorter), idle_resumed when the analyst comes back before it."""

    lock_requested = Signal(str)
    idle_warning = Signal(int)
    idle_resumed = Signal()

    def __init__(self, desk: DeskApi, runner: DeskRunner, idle_s: float,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._desk, self._runner = desk, runner
        self._armed = False
        self._checking = False
        warn_s = min(IDLE_WARNING_S, idle_s / 2)
        self.warning_s = warn_s
        self.idle_timer = QTimer(self, singleShot=True,
                                 interval=max(1, int((idle_s - warn_s) * 1000)))
        self.idle_timer.timeout.connect(self._warn)
        self.final_timer = QTimer(self, singleShot=True, interval=max(1, int(warn_s * 1000)))
        self.final_timer.timeout.connect(lambda: self._fire("idle"))
        # Presence is asked on the desk's own worker thread: token I/O stays on one thread.
        self.token_timer = QTimer(self, interval=TOKEN_POLL_MS)
        self.token_timer.timeout.connect(self._poll_token)

    @property
    def warning(self) -> bool:
        """True between the idle warning and the lock (or the analyst's return)."""
        return self.final_timer.isActive()

    @property
    def armed(self) -> bool:
        return self._armed

    def arm(self) -> None:
        self._armed = True
        self.idle_timer.start()
        self.token_timer.start()
        # Only while armed (issue 10): an application-wide filter has every event of every
        # object pass through Python, and wrapping those objects resolves PySide's lazy classes.
        self._filter(True)

    def disarm(self) -> None:
        self._armed = False
        self.idle_timer.stop()
        self.final_timer.stop()
        self.token_timer.stop()
        self._filter(False)

    def _filter(self, on: bool) -> None:
        app = QApplication.instance()
        if app is not None:
            if on:
                app.installEventFilter(self)  # Qt installs one filter once, however often asked
            else:
                app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in _ACTIVITY:
            self.idle_timer.start()  # restart: the analyst is here
            if self.final_timer.isActive():
                self.final_timer.stop()
                self.idle_resumed.emit()
        return False

    def _warn(self) -> None:
        if self._armed:
            self.final_timer.start()
            self.idle_warning.emit(round(self.warning_s))

    def _poll_token(self) -> None:
        if not self._armed or self._checking or self._runner.busy:
            return  # a query in flight uses the token; ask again on the next tick
        self._checking = True
        self._runner.call(self._desk.token_present, self._presence, lambda _e: self._done())

    def _presence(self, present: object) -> None:
        self._done()
        if not present:
            self._fire("token_removed")

    def _done(self) -> None:
        self._checking = False

    def _fire(self, reason: str) -> None:
        if self._armed:
            self.disarm()
            self.lock_requested.emit(reason)
