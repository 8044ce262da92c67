"""The Secret Service keyring (GNOME Keyring, KeePassXC…) through SecretStorage, as keyring's own
``keyring.backends.SecretService.Keyring`` uses it — without importing the ``keyring`` package.

Importing any ``keyring.backends`` module imports ``keyring`` itself, and with it
``importlib_metadata``, ``jaraco``, ``more_itertools`` and ``configparser``: ~130 modules that
stay resident all session for three calls (issue 10: idle memory). Items are found and written
with keyring's default-scheme attributes, label and application id, so a key stored by either
is read by the other.
"""

from __future__ import annotations

from contextlib import closing
from typing import Any

# keyring's values (keyring.backends.SecretService.Keyring, default scheme): kept identical so
# keys stored by earlier releases, which used keyring's backend, are still found.
APPID = "Python keyring library"
PRIORITY = 5.0


class _ClassProperty:
    """keyring's `priority` is read on the class and raises where the backend is unusable."""

    def __init__(self, read: Any) -> None:
        self._read = read

    def __get__(self, obj: object, owner: type) -> float:
        return float(self._read(owner))


class Locked(RuntimeError):
    """The collection or item stayed locked (the analyst dismissed the unlock prompt)."""


def _priority(_cls: type) -> float:
    """5 where a Secret Service daemon runs or can be activated; raises otherwise."""
    try:
        import secretstorage
        from secretstorage.exceptions import SecretStorageException
    except ImportError as exc:
        raise RuntimeError("SecretStorage required") from exc
    if secretstorage.__version_tuple__ < (3, 2):
        raise RuntimeError("SecretStorage 3.2 or newer required")
    try:
        with closing(secretstorage.dbus_init()) as connection:
            if not secretstorage.check_service_availability(connection):
                raise RuntimeError("The Secret Service daemon is neither running nor "
                                   "activatable through D-Bus")
    except SecretStorageException as exc:
        raise RuntimeError(f"Unable to initialize SecretService: {exc}") from exc
    return PRIORITY


def _query(service: str, username: str, **base: str) -> dict[str, str]:
    return {"username": username, "service": service, **base}


class Keyring:
    """get/set/delete_password of one (service, username) item in the default collection."""

    priority = _ClassProperty(_priority)

    def _collection(self) -> Any:
        import secretstorage

        collection = secretstorage.get_default_collection(secretstorage.dbus_init())
        if collection.is_locked():
            collection.unlock()
            if collection.is_locked():  # the unlock prompt was dismissed
                collection.connection.close()
                raise Locked("Failed to unlock the collection!")
        return collection

    def get_password(self, service: str, username: str) -> str | None:
        collection = self._collection()
        with closing(collection.connection):
            for item in collection.search_items(_query(service, username)):
                item.unlock()
                if item.is_locked():
                    raise Locked("Failed to unlock the item!")
                secret: bytes = item.get_secret()
                return secret.decode("utf-8")
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        collection = self._collection()
        with closing(collection.connection):
            collection.create_item(f"Password for '{username}' on '{service}'",
                                   _query(service, username, application=APPID), password,
                                   replace=True)

    def delete_password(self, service: str, username: str) -> None:
        """Deletes the first item stored for (service, username); raises if there is none."""
        collection = self._collection()
        with closing(collection.connection):
            for item in collection.search_items(_query(service, username)):
                item.delete()
                return
        raise KeyError("No such password!")
