"""Results on their way into case material (R-RES-1): kept in the vault, attached, destroyed.

`CaseMaterials` joins the vault (encrypted result files) and the case file (metadata receipts).
It never talks to the gateway: the Desk signs and sends the dispositions it queues.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.casefile import CaseFile, Receipt
from app.errors import DeskError
from app.vault import Vault, private_dir
from app.vaultkey import WrappingKey, load_or_create
from transport.clock import now_utc, to_astana

log = logging.getLogger(__name__)

EXPORT_SUFFIX = ".pdf"
_PARTIAL = ".sio-partial"


@dataclass(frozen=True)
class Recovery:
    """What the start found of an earlier run and destroyed (R-RES-1: nothing lost silently)."""

    destroyed: tuple[Receipt, ...]
    crashed: bool


class CaseMaterials:
    """The vault and the receipts under one data directory, with the retention clock."""

    def __init__(self, data_dir: Path, *, retention: timedelta,
                 key: WrappingKey | None = None, use_keyring: bool = True) -> None:
        self.data_dir = private_dir(data_dir)
        self.retention = retention
        self.casefile = CaseFile(self.data_dir)
        try:
            self.key = key or load_or_create(self.data_dir, use_keyring=use_keyring)
            self.vault = Vault(self.data_dir / "vault", self.key.key)
            self.recovery = self._recover()
        except BaseException:
            self.casefile.close()
            raise

    @property
    def key_in_memory(self) -> bool:
        """True when no system keyring holds the key: pending results die with the process."""
        return self.key.where == "memory"

    def close(self) -> None:
        self.casefile.close()

    # -- keeping -----------------------------------------------------------------------------

    def expect(self, *, owner_iin: str, request_sha256: str, resource: int, case_number: str,
               asked_at: datetime) -> Receipt:
        """Before a query leaves: its receipt, so an answer lost to a crash is still reported."""
        return self.casefile.expect(
            Vault.new_id(), owner_iin=owner_iin, request_sha256=request_sha256,
            resource=resource, case_number=case_number, asked_at=asked_at,
            retention=self.retention)

    def keep(self, item: str, blob: bytes, *, journal_seq: int, response_sha256: str,
             received_at: datetime) -> Receipt:
        """The answer to an expected query: receipt updated first, then the encrypted file."""
        receipt = self.casefile.answered(item, journal_seq=journal_seq,
                                         response_sha256=response_sha256,
                                         received_at=received_at, retention=self.retention)
        try:
            self.vault.put(item, blob)
        except DeskError:
            self.destroy_unattached(item)  # a result that cannot be kept is reported destroyed
            raise
        return receipt

    def unanswered(self, item: str, *, refused: bool) -> None:
        """The query got no answer: refused (nothing to report) or lost on the channel (the
        gateway may have answered; the journal is told the copy is gone, if there was one)."""
        if refused:
            self.casefile.forget(item)
        else:
            self._dispose(item, "destroyed_unattached", None)

    def read(self, item: str) -> bytes:
        receipt = self.casefile.get(item)
        if receipt.state != "pending":
            raise DeskError("result_not_pending")
        return self.vault.get(item)

    # -- leaving the vault -------------------------------------------------------------------

    def export_path(self, case_dir: Path, receipt: Receipt) -> Path:
        """Where the signed printout of `receipt` goes: one folder per material, never reused."""
        folder = case_dir / safe_name(receipt.case_number)
        stamp = to_astana(receipt.received_at).strftime("%Y%m%d-%H%M%S")
        return folder / f"SIO-{receipt.journal_seq}-r{receipt.resource}-{stamp}{EXPORT_SUFFIX}"

    def attach(self, item: str, *, printed: bool, signed_pdf: bytes | None,
               case_dir: Path | None) -> Receipt:
        """Write the signed printout into the case material (if any), then destroy the copy."""
        if not printed and signed_pdf is None:
            raise DeskError("attach_nothing")
        receipt = self.casefile.get(item)
        if receipt.state != "pending":
            raise DeskError("result_not_pending")
        target: Path | None = None
        digest: str | None = None
        if signed_pdf is not None:
            if case_dir is None:
                raise DeskError("case_dir_missing")
            target = self.export_path(case_dir, receipt)
            digest = hashlib.sha256(signed_pdf).hexdigest()
        self.casefile.begin_attach(item, printed=printed,
                                   export_path=str(target) if target else None,
                                   printout_sha256=digest)
        if target is not None and signed_pdf is not None:
            try:
                _write_new(target, signed_pdf)
            except DeskError:
                self.casefile.back_to_pending(item)  # nothing left the vault: try again later
                raise
        action = ("printed_and_exported" if printed and target else
                  "exported" if target else "printed")
        return self._dispose(item, action, digest)

    def destroy_unattached(self, item: str) -> Receipt:
        """Destroy without attaching (retention ran out, or the analyst chose so)."""
        receipt = self.casefile.get(item)
        if receipt.state == "disposed":
            return receipt
        return self._dispose(item, "destroyed_unattached", None)

    def expire(self, now: datetime | None = None) -> list[Receipt]:
        """Destroy every result whose retention time has run out."""
        return [self.destroy_unattached(r.id) for r in self.casefile.expired(now)]

    def _dispose(self, item: str, action: str, digest: str | None) -> Receipt:
        self.vault.destroy(item)
        return self.casefile.disposed(item, action, now_utc(), digest)

    # -- the next start ----------------------------------------------------------------------

    def _recover(self) -> Recovery:
        """Finish or undo what an earlier run left: every leftover is destroyed and queued."""
        crashed = self.casefile.crashed
        known = {r.id for r in self.casefile.with_state("sent", "pending", "attaching",
                                                         "disposed")}
        destroyed: list[Receipt] = []
        for receipt in self.casefile.with_state("attaching"):
            destroyed.append(self._finish_attach(receipt))
        for receipt in self.casefile.with_state("sent"):  # died waiting for, or holding, it
            destroyed.append(self._dispose(receipt.id, "destroyed_unattached", None))
        for receipt in self.casefile.pending():
            # Kept across a clean exit only while a keyring holds the key; never after a crash.
            if crashed or self.key_in_memory or receipt.expires_at <= now_utc():
                destroyed.append(self.destroy_unattached(receipt.id))
        for item in self.vault.ids():
            if item not in known or self.casefile.get(item).state == "disposed":
                self.vault.destroy(item)  # a file with no live receipt is debris
        self.vault.sweep()
        if destroyed:
            log.warning("destroyed %d result(s) left by an earlier run", len(destroyed))
        return Recovery(tuple(destroyed), crashed)

    def _finish_attach(self, receipt: Receipt) -> Receipt:
        exported = False
        if receipt.export_path:
            target = Path(receipt.export_path)
            _remove(target.with_name(target.name + _PARTIAL))
            if target.exists() and _sha256_file(target) == receipt.printout_sha256:
                exported = True
        if exported:
            action = "printed_and_exported" if receipt.printed else "exported"
            return self._dispose(receipt.id, action, receipt.printout_sha256)
        if receipt.printed:
            return self._dispose(receipt.id, "printed", None)
        return self._dispose(receipt.id, "destroyed_unattached", None)


def safe_name(case_number: str) -> str:
    """A material number as a folder name on every OS: no separators, no control characters."""
    text = unicodedata.normalize("NFKC", case_number)
    text = "".join(c if (c.isalnum() or c in "-_.№ ") else "_" for c in text).strip(" .")
    text = re.sub(r"_+", "_", text)
    if not text or text.upper() in {"CON", "PRN", "AUX", "NUL"}:
        text = "material"
    return text[:64]


def _write_new(target: Path, data: bytes) -> None:
    """Write `data` at `target` atomically; an existing printout is never overwritten."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + _PARTIAL)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                     0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if target.exists():
            _remove(partial)
            raise DeskError("printout_exists", path=str(target))
        os.replace(partial, target)
    except OSError as exc:
        raise DeskError("export_failed", path=str(target), detail=str(exc)) from exc


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _sha256_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
