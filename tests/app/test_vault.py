"""The vault, the receipts and the retention clock (R-RES-1, R-RES-3): encrypted at rest,
destroyed by key, nothing lost silently."""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from app import vaultkey
from app.errors import DeskError
from app.materials import CaseMaterials, safe_name
from app.vault import HEADER, Vault
from app.vaultkey import WrappingKey
from transport.clock import now_utc

pytestmark = pytest.mark.req("R-RES-1")

SECRET = "ӘБДІҚАДЫРОВА ГҮЛНАР — секретное значение 791028302728".encode()


def _vault(tmp_path: Path, key: bytes | None = None) -> Vault:
    return Vault(tmp_path / "vault", key or os.urandom(32))


def _expect(materials: CaseMaterials, case: str = "M-1") -> str:
    return materials.expect(owner_iin="880412410213", request_sha256="a" * 64, resource=1,
                            case_number=case, asked_at=now_utc()).id


def _keep(materials: CaseMaterials, case: str = "M-1", seq: int = 7) -> str:
    item = _expect(materials, case)
    return materials.keep(item, SECRET, journal_seq=seq, response_sha256="b" * 64,
                          received_at=now_utc()).id


def _every_byte_under(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def test_put_get_roundtrip_and_nothing_plain_on_disk(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    item = Vault.new_id()
    vault.put(item, SECRET)
    assert vault.get(item) == SECRET
    assert SECRET not in _every_byte_under(tmp_path)
    assert "ГҮЛНАР".encode("utf-16-le") not in _every_byte_under(tmp_path)
    assert vault.ids() == [item]


@pytest.mark.req("R-RES-3")
def test_files_0600_directory_0700(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX modes")
    vault = _vault(tmp_path)
    item = Vault.new_id()
    vault.put(item, SECRET)
    assert stat.S_IMODE(vault.directory.stat().st_mode) == 0o700
    assert stat.S_IMODE(vault.path(item).stat().st_mode) == 0o600


def test_another_wrapping_key_cannot_open(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    item = Vault.new_id()
    vault.put(item, SECRET)
    with pytest.raises(DeskError) as err:
        _vault(tmp_path).get(item)
    assert err.value.code == "vault_damaged"


def test_a_header_moved_onto_another_file_does_not_open(tmp_path: Path) -> None:
    key = os.urandom(32)
    vault = _vault(tmp_path, key)
    a, b = Vault.new_id(), Vault.new_id()
    vault.put(a, SECRET)
    vault.put(b, b"other")
    vault.path(b).write_bytes(vault.path(a).read_bytes())  # a's file under b's name
    with pytest.raises(DeskError) as err:
        vault.get(b)
    assert err.value.code == "vault_damaged"


def test_one_changed_byte_is_refused(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    item = Vault.new_id()
    vault.put(item, SECRET)
    data = bytearray(vault.path(item).read_bytes())
    data[-1] ^= 1
    vault.path(item).write_bytes(bytes(data))
    with pytest.raises(DeskError) as err:
        vault.get(item)
    assert err.value.code == "vault_damaged"


def test_destroy_overwrites_the_key_then_unlinks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:
    vault = _vault(tmp_path)
    item = Vault.new_id()
    vault.put(item, SECRET * 1000)
    written: list[int] = []
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: written.append(len(data))
                        or real_write(fd, data))
    assert vault.destroy(item) is True
    assert written == [HEADER]  # the same few bytes whatever the size: crypto-shredding
    assert not vault.path(item).exists() and vault.ids() == []
    assert vault.destroy(item) is False


def test_a_partial_file_is_found_and_destroyed(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    item = Vault.new_id()
    partial = vault.path(item).with_name(vault.path(item).name + ".partial")
    partial.write_bytes(b"SIOVAULT1\nhalf")
    assert vault.ids() == [item]
    assert vault.destroy(item) is True
    assert not partial.exists()


def test_keep_attach_export_and_destroy(tmp_path: Path) -> None:
    materials = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), use_keyring=False)
    try:
        item = _keep(materials)
        assert materials.read(item) == SECRET
        [material] = materials.casefile.materials()
        assert material.case_number == "M-1" and len(material.pending) == 1
        case_dir = tmp_path / "cases"
        receipt = materials.attach(item, printed=True, signed_pdf=b"%PDF-1.7 signed",
                                   case_dir=case_dir)
        assert receipt.action == "printed_and_exported" and receipt.delivery == "queued"
        assert Path(receipt.export_path or "").read_bytes() == b"%PDF-1.7 signed"
        assert materials.vault.ids() == [] and materials.casefile.materials() == []
        with pytest.raises(DeskError) as again:
            materials.attach(item, printed=True, signed_pdf=None, case_dir=None)
        assert again.value.code == "result_not_pending"
        # The receipts hold metadata only: never a value of the result.
        assert SECRET not in _every_byte_under(tmp_path / "data")
    finally:
        materials.close()


def test_a_failed_export_leaves_the_result_waiting(tmp_path: Path) -> None:
    materials = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), use_keyring=False)
    try:
        item = _keep(materials)
        blocker = tmp_path / "cases"
        blocker.write_text("a file where the folder should be")
        with pytest.raises(DeskError) as err:
            materials.attach(item, printed=False, signed_pdf=b"%PDF", case_dir=blocker)
        assert err.value.code == "export_failed"
        assert materials.casefile.get(item).state == "pending" and materials.read(item) == SECRET
    finally:
        materials.close()


def test_retention_destroys_unattached_and_queues_the_disposition(tmp_path: Path) -> None:
    materials = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), use_keyring=False)
    try:
        item = _keep(materials)
        later = now_utc() + timedelta(hours=7, minutes=50)
        assert [r.id for r in materials.casefile.expiring(timedelta(minutes=15), later)] == [item]
        assert materials.expire(now_utc() + timedelta(hours=7)) == []
        [gone] = materials.expire(now_utc() + timedelta(hours=8, seconds=1))
        assert gone.action == "destroyed_unattached" and gone.delivery == "queued"
        assert materials.vault.ids() == []
    finally:
        materials.close()


def test_a_second_client_on_the_same_data_is_refused(tmp_path: Path) -> None:
    first = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), use_keyring=False)
    try:
        with pytest.raises(DeskError) as err:
            CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), use_keyring=False)
        assert err.value.code == "already_running"
    finally:
        first.close()


def test_after_a_crash_the_next_start_destroys_and_queues_everything(tmp_path: Path) -> None:
    key = WrappingKey(os.urandom(32), "keyring", "test")  # a key that survives, like a keyring's
    first = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), key=key)
    pending = _keep(first, seq=1)
    attaching = _keep(first, seq=2)
    first.casefile.begin_attach(attaching, printed=True, export_path=None, printout_sha256=None)
    first.casefile._lock.release()  # the process died: its lock went with it, no clean close
    second = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), key=key)
    try:
        assert second.recovery.crashed
        found = {r.id: r.action for r in second.recovery.destroyed}
        assert found == {pending: "destroyed_unattached", attaching: "printed"}
        assert second.vault.ids() == []
        assert {r.id for r in second.casefile.queued()} == {pending, attaching}
    finally:
        second.close()


def test_a_query_that_died_in_flight_is_reported_at_the_next_start(tmp_path: Path) -> None:
    first = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), use_keyring=False)
    in_flight = _expect(first)  # the answer may have come; the process died before keeping it
    first.casefile._lock.release()
    second = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), use_keyring=False)
    try:
        [gone] = second.recovery.destroyed
        assert gone.id == in_flight and gone.action == "destroyed_unattached"
        assert gone.journal_seq == 0 and gone.delivery == "queued"  # named by its hash
    finally:
        second.close()


def test_a_refused_query_leaves_nothing_to_report(tmp_path: Path) -> None:
    materials = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), use_keyring=False)
    try:
        refused, lost = _expect(materials), _expect(materials)
        materials.unanswered(refused, refused=True)
        materials.unanswered(lost, refused=False)
        assert [r.id for r in materials.casefile.queued()] == [lost]
        with pytest.raises(DeskError):
            materials.casefile.get(refused)
    finally:
        materials.close()


def test_after_a_clean_exit_a_keyring_key_keeps_pending_results(tmp_path: Path) -> None:
    key = WrappingKey(os.urandom(32), "keyring", "test")
    first = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), key=key)
    item = _keep(first)
    first.close()
    second = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), key=key)
    try:
        assert not second.recovery.crashed and second.recovery.destroyed == ()
        assert second.read(item) == SECRET
    finally:
        second.close()


def test_a_key_in_memory_means_pending_results_die_with_the_process(tmp_path: Path) -> None:
    first = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), use_keyring=False)
    assert first.key_in_memory
    item = _keep(first)
    first.close()
    second = CaseMaterials(tmp_path / "data", retention=timedelta(hours=8), use_keyring=False)
    try:
        assert [r.id for r in second.recovery.destroyed] == [item]
    finally:
        second.close()


class _Backend:
    """A keyring backend object as keyring hands it out (get/set/delete_password)."""

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self.store.get((service, account))

    def set_password(self, service: str, account: str, value: str) -> None:
        self.store[(service, account)] = value

    def delete_password(self, service: str, account: str) -> None:
        del self.store[(service, account)]


def test_the_keyring_keeps_one_key_per_data_dir(tmp_path: Path) -> None:
    backend = _Backend()
    a1 = vaultkey.load_or_create(tmp_path / "a", backend)
    a2 = vaultkey.load_or_create(tmp_path / "a", backend)
    b = vaultkey.load_or_create(tmp_path / "b", backend)
    assert a1.where == "keyring" and a1.key == a2.key != b.key
    vaultkey.forget(tmp_path / "a", backend)
    assert vaultkey.load_or_create(tmp_path / "a", backend).key != a1.key


def test_a_failing_keyring_falls_back_to_memory(tmp_path: Path) -> None:
    class Locked(_Backend):
        def get_password(self, service: str, account: str) -> str | None:
            raise RuntimeError("the collection is locked")

    assert vaultkey.load_or_create(tmp_path, Locked()).where == "memory"


@pytest.mark.parametrize(("case", "name"), [
    ("SANDBOX-2026-0001", "SANDBOX-2026-0001"), ("../../etc", "_.._etc"), ("..", "material"),
    ("a/b\\c", "a_b_c"),
    ("\x1b[31mX", "_31mX"), ("№ 12/2026", "No 12_2026"), ("", "material"), ("CON", "material"),
])
def test_material_numbers_become_safe_folder_names(case: str, name: str) -> None:
    assert safe_name(case) == name
