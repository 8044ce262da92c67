"""The vault: result files encrypted at rest, destroyed by destroying their key (R-RES-1, R-RES-3).

One file per result: ``MAGIC | wrap nonce | wrapped key | data nonce | ciphertext``. The data is
AES-256-GCM under a fresh key; that key is AES-GCM-wrapped by the wrapping key (``app.vaultkey``)
with the file's id as associated data, so a header cannot be moved onto another file. Destroying
overwrites the header in place and syncs it; the keyless remainder is renamed aside and unlinked
in the background (a file system frees a large file's blocks slowly), so destroying costs the same
few writes whatever the size.
Plaintext never touches the disk: files are written encrypted, via a temporary name, then renamed.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import DeskError
from app.privatedir import private_dir

MAGIC = b"SIOVAULT1\n"
_NONCE = 12
_WRAPPED = 32 + 16  # a 256-bit key and its GCM tag
HEADER = len(MAGIC) + _NONCE + _WRAPPED + _NONCE
SUFFIX = ".vault"
_PARTIAL = ".partial"
_SHREDDED = ".shredded"  # keyless noise waiting to be unlinked
_ID = re.compile(r"^[0-9a-f]{32}$")


class Vault:
    """Result files under one private directory, each under its own key."""

    def __init__(self, directory: Path, wrapping_key: bytes) -> None:
        if len(wrapping_key) != 32:
            raise ValueError("the wrapping key is 256 bits")
        self.directory = private_dir(directory)
        self._wrap = AESGCM(wrapping_key)

    @staticmethod
    def new_id() -> str:
        return secrets.token_hex(16)

    def path(self, item: str) -> Path:
        if not _ID.fullmatch(item):
            raise ValueError(f"not a vault id: {item!r}")
        return self.directory / (item + SUFFIX)

    def put(self, item: str, plaintext: bytes) -> None:
        """Encrypt and store; durable when this returns (fsync of file and directory)."""
        key = AESGCM.generate_key(bit_length=256)
        wrap_nonce, data_nonce = os.urandom(_NONCE), os.urandom(_NONCE)
        wrapped = self._wrap.encrypt(wrap_nonce, key, item.encode("ascii"))
        body = AESGCM(key).encrypt(data_nonce, plaintext, item.encode("ascii"))
        final = self.path(item)
        partial = final.with_name(final.name + _PARTIAL)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _O_BINARY, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(MAGIC + wrap_nonce + wrapped + data_nonce)
                out.write(body)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            _wipe(partial)
            raise DeskError("vault_write_failed", detail=str(exc)) from exc
        os.replace(partial, final)
        _sync_dir(self.directory)

    def get(self, item: str) -> bytes:
        """The plaintext, in memory only; DeskError when missing, damaged or the key is gone."""
        try:
            blob = self.path(item).read_bytes()
        except OSError as exc:
            raise DeskError("vault_missing", detail=str(exc)) from exc
        if len(blob) < HEADER or not blob.startswith(MAGIC):
            raise DeskError("vault_damaged", detail="not a vault file")
        at = len(MAGIC)
        wrap_nonce, at = blob[at:at + _NONCE], at + _NONCE
        wrapped, at = blob[at:at + _WRAPPED], at + _WRAPPED
        data_nonce, at = blob[at:at + _NONCE], at + _NONCE
        aad = item.encode("ascii")
        try:
            key = self._wrap.decrypt(wrap_nonce, wrapped, aad)
            return AESGCM(key).decrypt(data_nonce, blob[at:], aad)
        except InvalidTag as exc:
            raise DeskError("vault_damaged", detail="the key or the data does not check") from exc

    def destroy(self, item: str) -> bool:
        """Crypto-shred one file: its key overwritten and synced; False if none was there."""
        final = self.path(item)
        aside = [moved for path in (final.with_name(final.name + _PARTIAL), final)
                 if (moved := _wipe(path)) is not None]
        if aside:  # unlinking holds the directory's lock: only after every wipe here is done
            threading.Thread(target=_unlink_all, args=(aside,), name="vault-unlink",
                             daemon=True).start()
        return bool(aside)

    def sweep(self) -> int:
        """Unlink keyless remainders an earlier run did not get to; how many there were."""
        gone = 0
        for path in self.directory.glob("*" + _SHREDDED):
            _unlink(path)
            gone += 1
        return gone

    def ids(self) -> list[str]:
        """Ids of every file present, finished or not (a crash may leave a partial one)."""
        found = set()
        for path in self.directory.iterdir():
            name = path.name.removesuffix(_PARTIAL).removesuffix(SUFFIX)
            if _ID.fullmatch(name) and path.name != name:
                found.add(name)
        return sorted(found)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids())

    def __len__(self) -> int:
        return len(self.ids())


_O_BINARY = getattr(os, "O_BINARY", 0)


def _wipe(path: Path) -> Path | None:
    """Overwrite the key-bearing header with random bytes and sync it, then put the keyless
    remainder aside for unlinking; where it went, or None if there was no file."""
    try:
        fd = os.open(path, os.O_WRONLY | _O_BINARY)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DeskError("vault_destroy_failed", detail=str(exc)) from exc
    try:
        os.write(fd, os.urandom(HEADER))
        os.fdatasync(fd) if hasattr(os, "fdatasync") else os.fsync(fd)  # durable before we say so
    except OSError as exc:
        raise DeskError("vault_destroy_failed", detail=str(exc)) from exc
    finally:
        os.close(fd)
    aside = path.with_name(path.name.split(".")[0] + "-" + secrets.token_hex(4) + _SHREDDED)
    try:
        os.replace(path, aside)
    except OSError as exc:
        raise DeskError("vault_destroy_failed", detail=str(exc)) from exc
    return aside


def _unlink_all(paths: list[Path]) -> None:
    for path in paths:
        _unlink(path)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass  # swept at the next start (Vault.sweep); the remainder has no key


def _sync_dir(directory: Path) -> None:
    if os.name != "posix":
        return  # NTFS journals renames itself; directories cannot be opened for fsync there
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
