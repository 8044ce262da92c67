"""app.secretservice stores and finds the vault key as keyring's SecretService backend does, so a
key written by an earlier release (through keyring) is still read, and the other way round."""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

import pytest

from app import secretservice


class _Item:
    def __init__(self, label: str, attributes: dict[str, str], secret: bytes) -> None:
        self.label, self.attributes, self.secret = label, attributes, secret
        self.locked = False
        self.deleted = False

    def unlock(self) -> None:
        pass

    def is_locked(self) -> bool:
        return self.locked

    def get_secret(self) -> bytes:
        return self.secret

    def delete(self) -> None:
        self.deleted = True


class _Connection:
    closed = 0

    def close(self) -> None:
        _Connection.closed += 1


class _Collection:
    def __init__(self, store: list[_Item], locked: bool = False) -> None:
        self.store, self.locked, self.connection = store, locked, _Connection()

    def is_locked(self) -> bool:
        return self.locked

    def unlock(self) -> None:
        pass  # the prompt dismissed: stays as it was

    def search_items(self, attributes: dict[str, str]) -> list[_Item]:
        return [i for i in self.store if not i.deleted
                and all(i.attributes.get(k) == v for k, v in attributes.items())]

    def create_item(self, label: str, attributes: dict[str, str], secret: Any,
                    replace: bool = False) -> None:
        data = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
        if replace:
            for old in self.search_items(attributes):
                old.deleted = True
        self.store.append(_Item(label, dict(attributes), data))


@pytest.fixture()
def store(monkeypatch: pytest.MonkeyPatch) -> list[_Item]:
    """A fake `secretstorage` module over one in-memory default collection."""
    items: list[_Item] = []
    fake = ModuleType("secretstorage")
    fake.__version_tuple__ = (3, 5, 0)  # type: ignore[attr-defined]
    fake.dbus_init = lambda: _Connection()  # type: ignore[attr-defined]
    fake.check_service_availability = lambda _c: True  # type: ignore[attr-defined]
    fake.get_default_collection = lambda _c: _Collection(items)  # type: ignore[attr-defined]
    # Its exceptions module too: the real one may or may not be imported already.
    exceptions = ModuleType("secretstorage.exceptions")
    exceptions.SecretStorageException = type(  # type: ignore[attr-defined]
        "SecretStorageException", (Exception,), {})
    fake.exceptions = exceptions  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "secretstorage", fake)
    monkeypatch.setitem(sys.modules, "secretstorage.exceptions", exceptions)
    return items


def test_items_are_written_as_keyrings_backend_writes_them(store: list[_Item]) -> None:
    secretservice.Keyring().set_password("sio-desk-vault", "acct", "c2VjcmV0")
    assert [(i.label, i.attributes, i.secret) for i in store] == [
        ("Password for 'acct' on 'sio-desk-vault'",
         {"username": "acct", "service": "sio-desk-vault",
          "application": "Python keyring library"}, b"c2VjcmV0")]


def test_what_keyrings_backend_stored_is_read_and_the_other_way_round(
        store: list[_Item]) -> None:
    keyring_backend = pytest.importorskip("keyring.backends.SecretService")
    theirs = keyring_backend.Keyring()
    ours = secretservice.Keyring()
    theirs.set_password("sio-desk-vault", "a", "from-keyring")
    assert ours.get_password("sio-desk-vault", "a") == "from-keyring"
    ours.set_password("sio-desk-vault", "b", "from-desk")
    assert theirs.get_password("sio-desk-vault", "b") == "from-desk"
    assert [(i.label, i.attributes) for i in store] == [
        ("Password for 'a' on 'sio-desk-vault'",
         {"username": "a", "service": "sio-desk-vault", "application": "Python keyring library"}),
        ("Password for 'b' on 'sio-desk-vault'",
         {"username": "b", "service": "sio-desk-vault", "application": "Python keyring library"})]
    ours.set_password("sio-desk-vault", "b", "again")  # replaced, not added
    assert ours.get_password("sio-desk-vault", "b") == "again"
    assert ours.get_password("sio-desk-vault", "nobody") is None
    ours.delete_password("sio-desk-vault", "a")
    assert theirs.get_password("sio-desk-vault", "a") is None
    with pytest.raises(KeyError):
        ours.delete_password("sio-desk-vault", "a")


def test_a_collection_left_locked_refuses(monkeypatch: pytest.MonkeyPatch,
                                         store: list[_Item]) -> None:
    locked = sys.modules["secretstorage"]
    monkeypatch.setattr(locked, "get_default_collection", lambda _c: _Collection(store, True))
    with pytest.raises(secretservice.Locked):
        secretservice.Keyring().get_password("sio-desk-vault", "a")


def test_priority_is_5_with_a_daemon_and_raises_without(monkeypatch: pytest.MonkeyPatch,
                                                       store: list[_Item]) -> None:
    assert secretservice.Keyring.priority == 5.0
    monkeypatch.setattr(sys.modules["secretstorage"], "check_service_availability",
                        lambda _c: False)
    with pytest.raises(RuntimeError):
        _ = secretservice.Keyring.priority
