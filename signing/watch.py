"""Token presence watcher: a polling thread that publishes ("removed"|"inserted", label)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from signing.errors import SigningError
from signing.token import Token

TokenEvent = Literal["removed", "inserted"]
Subscriber = Callable[[TokenEvent, str], None]
_LOG = logging.getLogger(__name__)


class TokenWatcher:
    """Polls ``presence`` every ``interval`` s; removal is seen within one interval (<1 s).

    DESIGN: the client locks when the token is pulled. PKCS#11 has C_WaitForSlotEvent, but
    many modules (SoftHSM2 included) do not implement it, so we poll the cheap presence call.
    """

    def __init__(self, presence: Callable[[], bool], label: str, *,
                 interval: float = 0.25) -> None:
        self._presence = presence
        self.label = label
        self.interval = interval
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.present: bool | None = None

    @classmethod
    def for_token(cls, token: Token, *, interval: float = 0.25) -> TokenWatcher:
        """Watch an opened token (its is_present: slot list with token present)."""
        return cls(token.is_present, token.info().label, interval=interval)

    @classmethod
    def for_module(cls, module: Path | str, label: str, *,
                   interval: float = 0.25) -> TokenWatcher:
        """Watch for a token labelled ``label`` in a PKCS#11 module (it may be absent now)."""
        from signing.pkcs11 import list_tokens

        def present() -> bool:
            try:
                return any(t.label == label or t.serial == label for t in list_tokens(module))
            except SigningError:
                return False  # the module cannot list it: for the analyst it is gone

        return cls(present, label, interval=interval)

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call ``callback(event, label)`` on each change; returns an unsubscribe function."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def _safe_presence(self) -> bool:
        try:
            return bool(self._presence())
        except SigningError:
            return False

    def start(self) -> TokenWatcher:
        """Start the polling thread (daemon); the current state is the baseline."""
        if self._thread is not None:
            return self
        self.present = self._safe_presence()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"token-watch-{self.label}",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop polling and wait for the thread."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> TokenWatcher:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            now = self._safe_presence()
            if now == self.present:
                continue
            self.present = now
            event: TokenEvent = "inserted" if now else "removed"
            with self._lock:
                subscribers = list(self._subscribers)
            for callback in subscribers:
                try:
                    callback(event, self.label)
                except Exception:  # a broken subscriber must not stop the lock-on-removal
                    _LOG.exception("token watcher subscriber failed")


__all__ = ["Subscriber", "TokenEvent", "TokenWatcher"]
