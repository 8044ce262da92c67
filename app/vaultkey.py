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
import importlib
import importlib.util
import logging
import secrets
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)

SERVICE = "sio-desk-vault"
_SYSTEM_BACKENDS = ("app.secretservice", "keyring.backends.SecretService",
                    "keyring.backends.Windows", "keyring.backends.macOS",
                    "keyring.backends.kwallet", "keyring.backends.libsecret")
# The platform's system keyrings, imported by name: keyring's own choice (get_keyring) reads every
# installed package's entry points and imports every backend it finds (issue 10: idle memory).
# On Linux the Secret Service is reached through app.secretservice (the same items as keyring's
# backend, without importing the keyring package: ~130 modules, ≈3 MiB resident).
PLATFORM_BACKENDS: dict[str, tuple[tuple[str, str], ...]] = {
    "linux": (("app.secretservice", "Keyring"),
              ("keyring.backends.kwallet", "DBusKeyring"),
              ("keyring.backends.libsecret", "Keyring")),
    "win32": (("keyring.backends.Windows", "WinVaultKeyring"),),
    "darwin": (("keyring.backends.macOS", "Keyring"),),
}

# A backend that cannot be usable without this module (its `priority` raises then): where the
# module is not installed the backend is not imported at all, nor the keyring package with it.
_REQUIRES = {"keyring.backends.kwallet": "dbus", "keyring.backends.libsecret": "gi"}

Where = Literal["keyring", "memory"]


@dataclass(frozen=True)
class WrappingKey:
    key: bytes
    where: Where
    backend: str  # the keyring backend's name, or "" in memory


def system_keyring(candidates: Sequence[tuple[str, str]] | None = None) -> Any | None:
    """The usable OS keyring of highest priority among `candidates` (default: this platform's),
    or None where there is none we trust."""
    if candidates is None:
        candidates = PLATFORM_BACKENDS.get("linux" if sys.platform.startswith("linux")
                                           else sys.platform, ())
    usable: list[tuple[float, type]] = []
    for module, name in candidates:
        if module not in _SYSTEM_BACKENDS:
            continue  # a plain-file backend keeps the key beside what it protects
        needed = _REQUIRES.get(module)
        if needed is not None and importlib.util.find_spec(needed) is None:
            log.debug("keyring backend %s.%s unusable: %s is not installed", module, name, needed)
            continue
        try:
            backend = getattr(importlib.import_module(module), name)
            usable.append((float(backend.priority), backend))  # raises where unusable
        except Exception as exc:  # not installed, no D-Bus, no daemon: not this one
            log.debug("keyring backend %s.%s unusable: %s", module, name, exc)
    if not usable:
        return None
    try:
        return max(usable, key=lambda found: found[0])[1]()
    except Exception:
        return None


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
