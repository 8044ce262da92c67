"""The vault's wrapping key: kept by the OS keyring where there is a real one, else in memory.

Only system keyrings count (Secret Service, Windows Credential Manager, macOS Keychain). A
plain-file backend (``keyrings.alt``) would put the key beside the files it protects, so it is
refused like no keyring at all; then the key lives in this process only and pending results die
with it (the window says so).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)

SERVICE = "sio-desk-vault"
_SYSTEM_BACKENDS = ("keyring.backends.SecretService", "keyring.backends.Windows",
                    "keyring.backends.macOS", "keyring.backends.kwallet",
                    "keyring.backends.libsecret")

Where = Literal["keyring", "memory"]


@dataclass(frozen=True)
class WrappingKey:
    key: bytes
    where: Where
    backend: str  # the keyring backend's name, or "" in memory


def system_keyring() -> Any | None:
    """The OS keyring backend, or None where there is none we trust."""
    try:
        import keyring  # a D-Bus probe on Linux: only when the vault is opened
        from keyring.backends import chainer
    except Exception:  # a broken keyring install is the same as none
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    chosen = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    trusted = [b for b in chosen if type(b).__module__.startswith(_SYSTEM_BACKENDS)]
    return trusted[0] if trusted else None


def account_for(data_dir: Path) -> str:
    """One keyring entry per data directory, so two sandboxes never share a key."""
    return hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:32]


def load_or_create(data_dir: Path, backend: Any | None = None, *,
                   use_keyring: bool = True) -> WrappingKey:
    """The key kept for `data_dir` in the keyring (made on first use), else one in memory."""
    backend = backend if backend is not None else (system_keyring() if use_keyring else None)
    if backend is None:
        return WrappingKey(secrets.token_bytes(32), "memory", "")
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    account = account_for(data_dir)
    try:
        stored = backend.get_password(SERVICE, account)
        key = _decode(stored) if stored else None
        if key is None:
            key = secrets.token_bytes(32)
            backend.set_password(SERVICE, account, base64.b64encode(key).decode("ascii"))
    except Exception as exc:  # a locked or failing keyring: fall back, never fail open
        log.warning("keyring %s unusable (%s); the vault key stays in memory", name, exc)
        return WrappingKey(secrets.token_bytes(32), "memory", "")
    return WrappingKey(key, "keyring", name)


def forget(data_dir: Path, backend: Any | None = None) -> None:
    """Remove the stored key (uninstall with purge): every remaining vault file is then noise."""
    backend = backend if backend is not None else system_keyring()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, account_for(data_dir))
    except Exception:  # nothing stored is fine
        return


def _decode(stored: str) -> bytes | None:
    try:
        key = base64.b64decode(stored, validate=True)
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == 32 else None
