"""What the desk client needs to know about its gateway and trust."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # signing.trust pulls in the whole certificate stack (issue 10: start-up)
    from signing.trust import TrustStore

T = TypeVar("T")


class Deferred(Generic[T]):
    """A value made by `load` on its first read; a load that fails raises again at every read."""

    def __init__(self, load: Callable[[], T]):
        self._load = load
        self._lock = threading.Lock()
        self._done = False
        self._value: T | None = None

    def get(self) -> T:
        with self._lock:
            if not self._done:
                self._value, self._done = self._load(), True
            return self._value  # type: ignore[return-value]  # set with _done


class _MaybeDeferred(Generic[T]):
    """A dataclass field given either its value or a Deferred of it (read as the value)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = f"_{name}_value"

    def __get__(self, obj: object, owner: Any = None) -> T:
        if obj is None:
            raise AttributeError(self._slot)  # tells dataclass: no default
        held = obj.__dict__[self._slot]
        return held.get() if isinstance(held, Deferred) else held

    def __set__(self, obj: object, value: T | Deferred[T]) -> None:
        obj.__dict__[self._slot] = value


@dataclass(frozen=True)
class DeskConfig:
    gateway_url: str
    ca_file: Path  # the operator's CA: the only TLS anchor of the protected channel (R-WS-4)
    # Both may come Deferred: the policy's certificates are parsed at the first token read, just
    # after the first paint; until they are, nothing can sign in (issue 10, fail closed).
    trust: _MaybeDeferred[TrustStore] = _MaybeDeferred()  # validates the operator's signatures
    # pinned operator signing certificates (hex SHA-256 of DER)
    operator_sha256: _MaybeDeferred[frozenset[str]] = _MaybeDeferred()
    sandbox: bool = False
    lang: str = "ru"
    timeout_s: float = 15.0
    idle_lock_s: float = 900.0  # an unattended signed-in window locks itself (DESIGN "UI")
    state_dir: Path | None = None  # the client's own records (PIN-change dates); None: not kept
    # R-RES-1: where attached printouts go, and how long an unattached result may wait.
    case_dir: Path | None = None
    retention_s: float = 8 * 3600.0
    retention_warn_s: float = 15 * 60.0
    # R-RES-3: copying result values may be forbidden; copies are cleared after a while.
    allow_copy: bool = True
    clipboard_clear_s: float = 10.0
    allowed_file_keys: bool = field(init=False)

    def __post_init__(self) -> None:
        # R-AUTH-4: a key on the file system is acceptable only in the sandbox.
        object.__setattr__(self, "allowed_file_keys", self.sandbox)

    def check_certificates(self) -> None:
        """Parses what came Deferred; raises what the policy's certificates are wrong with."""
        _ = self.trust, self.operator_sha256
