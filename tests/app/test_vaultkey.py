"""The vault's wrapping key: only a system keyring keeps it, chosen without keyring's own scan of
every installed package (issue 10: idle memory) and never a plain-file backend (R-RES-3)."""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

import pytest

from app import vaultkey


class _Backend:
    store: dict[tuple[str, str], str]

    def __init__(self) -> None:
        self.store = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self.store.get((service, account))

    def set_password(self, service: str, account: str, value: str) -> None:
        self.store[(service, account)] = value


class _Ranked(type):
    """keyring's `priority` is a class property that raises where the backend is unusable."""

    @property
    def priority(cls) -> float:
        rank: float | None = cls.rank  # type: ignore[attr-defined]
        if rank is None:
            raise RuntimeError("The Secret Service daemon is neither running nor activatable")
        return rank


def _module(monkeypatch: pytest.MonkeyPatch, name: str, cls: str, priority: float | None) -> type:
    """A backend class `name`.`cls` of that priority (None: unusable, as without D-Bus)."""

    backend = _Ranked(cls, (_Backend,), {"rank": priority})
    module = ModuleType(name)
    setattr(module, cls, backend)
    monkeypatch.setitem(sys.modules, name, module)
    return backend


@pytest.mark.req("R-RES-3")
def test_a_plain_file_backend_is_never_chosen_whatever_its_priority(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _module(monkeypatch, "keyrings.alt.file", "PlaintextKeyring", 100)
    secret = _module(monkeypatch, "keyring.backends.SecretService", "Keyring", 5)
    plain_only = [("keyrings.alt.file", "PlaintextKeyring")]
    assert vaultkey.system_keyring(plain_only) is None
    chosen = vaultkey.system_keyring([*plain_only, ("keyring.backends.SecretService", "Keyring")])
    assert type(chosen) is secret


@pytest.mark.req("R-RES-3")
def test_the_usable_system_backend_of_highest_priority_is_chosen(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vaultkey, "_REQUIRES", {})  # as if dbus-python and PyGObject were there
    _module(monkeypatch, "app.secretservice", "Keyring", None)  # no daemon
    kwallet = _module(monkeypatch, "keyring.backends.kwallet", "DBusKeyring", 4.9)
    _module(monkeypatch, "keyring.backends.libsecret", "Keyring", 4.8)
    chosen = vaultkey.system_keyring(vaultkey.PLATFORM_BACKENDS["linux"])
    assert type(chosen) is kwallet
    _module(monkeypatch, "keyring.backends.kwallet", "DBusKeyring", None)
    _module(monkeypatch, "keyring.backends.libsecret", "Keyring", None)
    assert vaultkey.system_keyring(vaultkey.PLATFORM_BACKENDS["linux"]) is None


def test_the_platforms_keyring_is_found_without_keyrings_own_scan(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    import keyring.backend

    scans: list[str] = []

    def scan(*_args: Any, **_kw: Any) -> Any:
        scans.append("scanned")
        return []

    monkeypatch.setattr(keyring.backend, "_load_plugins", scan)
    monkeypatch.setattr(keyring.backend, "get_all_keyring", scan)
    monkeypatch.setattr(keyring, "get_keyring", scan)
    vaultkey.system_keyring()
    assert scans == []
    assert all(m in vaultkey._SYSTEM_BACKENDS
               for table in vaultkey.PLATFORM_BACKENDS.values() for m, _ in table)


def test_kwallet_and_libsecret_are_not_imported_without_their_bindings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Their `priority` raises without dbus-python / PyGObject: not imported then (issue 10)."""
    imported: list[str] = []
    real = vaultkey.importlib.import_module

    def record(name: str) -> Any:
        imported.append(name)
        return real(name)

    monkeypatch.setattr(vaultkey.importlib.util, "find_spec", lambda _name: None)
    monkeypatch.setattr(vaultkey.importlib, "import_module", record)
    _module(monkeypatch, "app.secretservice", "Keyring", None)
    assert vaultkey.system_keyring(vaultkey.PLATFORM_BACKENDS["linux"]) is None
    assert imported == ["app.secretservice"]


def test_the_desks_secret_service_does_not_import_the_keyring_package() -> None:
    import importlib.util
    import subprocess
    from pathlib import Path

    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux backends")
    if importlib.util.find_spec("dbus") or importlib.util.find_spec("gi"):
        pytest.skip("kwallet/libsecret are candidates here and import keyring")
    code = ("import sys; from app import vaultkey; vaultkey.system_keyring(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('keyring', 'importlib_metadata', 'jaraco')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"PATH": "", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/no"},
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]"
