"""Sealed journal segments, their archive and offline verification (R-LOG-1, R-LOG-2, R-CTL-3)."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, update
from sqlalchemy.exc import DBAPIError

from gateway import archive, checkpoints, journal
from gateway.cli import main
from gateway.db import make_engine, migrate, write_tx
from gateway.models import GENESIS_HASH, journal_checkpoints
from signing.cms import verify_detached
from signing.sandbox_pki import SandboxPKI, create_sandbox_pki
from transport.clock import now_utc

SEG = 5  # small segments so a handful of entries spans several


def _append(engine: Engine, n: int, **kwargs: object) -> list[journal.JournalEntry]:
    out = []
    for i in range(n):
        with write_tx(engine) as conn:
            out.append(journal.append(conn, "query", actor_iin="900101300015", resource=1,
                                      basis={"case_number": f"K-{i}"}, request_sha256="a" * 64,
                                      detail={"i": i}, **kwargs))  # type: ignore[arg-type]
    return out


def _seal_with(engine: Engine, pki: SandboxPKI, max_entries: int = SEG,
               max_age_s: int = 86_400) -> None:
    journal.set_sealer(engine, checkpoints.SegmentSealer(pki.operator_signer(), max_entries,
                                                         max_age_s))


def _verify_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    capsys.readouterr()
    code = main(["journal", "verify", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.req("R-LOG-1", "R-CTL-3")
def test_size_cap_seals_inside_the_append_with_chained_signed_checkpoints(
        engine: Engine, sandbox_pki: SandboxPKI) -> None:
    _seal_with(engine, sandbox_pki)
    written = _append(engine, 12)
    got = checkpoints.stored(engine)
    assert [(s.checkpoint.first_seq, s.checkpoint.last_seq, s.checkpoint.reason) for s in got] \
        == [(1, 5, "size"), (6, 10, "size")]
    assert got[0].checkpoint.prev_checkpoint_hash == GENESIS_HASH
    assert got[1].checkpoint.prev_checkpoint_hash == got[0].checkpoint.hash
    assert got[1].checkpoint.last_hash == written[9].hash and got[1].checkpoint.count == 5
    for item in got:
        signed = verify_detached(item.signature, item.body, sandbox_pki.trust_store())
        assert signed.certificate == sandbox_pki.operator_cert
        # R-Q-5: sealed_at in Astana time beside UTC, the same instant.
        assert item.checkpoint.sealed_at_astana.endswith("+05:00")
    # Export seals the rest; a second seal with nothing open is a no-op.
    sealed = checkpoints.seal_open(engine, sandbox_pki.operator_signer())
    assert sealed is not None and (sealed.checkpoint.first_seq, sealed.checkpoint.last_seq) \
        == (11, 12) and sealed.checkpoint.reason == "export"
    assert checkpoints.seal_open(engine, sandbox_pki.operator_signer()) is None
    journal.set_sealer(engine, None)


@pytest.mark.req("R-LOG-1")
def test_age_cap_seals_lazily_at_the_next_append(engine: Engine, sandbox_pki: SandboxPKI) -> None:
    _seal_with(engine, sandbox_pki, max_entries=1000, max_age_s=60)
    start = now_utc()
    _append(engine, 2, at=start)
    assert checkpoints.stored(engine) == []
    _append(engine, 1, at=start + timedelta(seconds=61))
    (item,) = checkpoints.stored(engine)
    assert (item.checkpoint.first_seq, item.checkpoint.last_seq, item.checkpoint.reason) \
        == (1, 2, "age")
    journal.set_sealer(engine, None)


@pytest.mark.req("R-LOG-2")
def test_database_refuses_to_change_or_skip_checkpoints(engine: Engine,
                                                         sandbox_pki: SandboxPKI) -> None:
    _seal_with(engine, sandbox_pki, max_entries=2)
    _append(engine, 4)
    journal.set_sealer(engine, None)
    for statement in (
        update(journal_checkpoints).values(reason="age"),
        delete(journal_checkpoints).where(journal_checkpoints.c.segment == 2),
    ):
        with pytest.raises(DBAPIError), engine.begin() as conn:
            conn.execute(statement)
    row = {"segment": 4, "first_seq": 5, "last_seq": 5, "count": 1, "last_hash": "0" * 64,
           "prev_checkpoint_hash": "0" * 64, "sealed_at_utc": "x", "sealed_at_astana": "x",
           "reason": "size", "body": "{}", "hash": "0" * 64, "signature": b"x"}
    _append(engine, 1)
    for bad in ({"segment": 4}, {"segment": 3, "first_seq": 4}, {"segment": 3, "last_seq": 9}):
        with pytest.raises(DBAPIError), engine.begin() as conn:
            conn.execute(journal_checkpoints.insert().values(**(row | bad)))
    assert len(checkpoints.stored(engine)) == 2


@pytest.mark.req("R-LOG-1", "R-LOG-2", "R-CTL-3")
def test_export_verifies_offline_and_reexport_is_identical(
        engine: Engine, db_url: str, sandbox_pki: SandboxPKI, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    _seal_with(engine, sandbox_pki)
    _append(engine, 7)
    journal.set_sealer(engine, None)
    out = tmp_path / "archive"
    result = archive.export(engine, out, sandbox_pki.trust_store(), sandbox_pki.operator_signer())
    assert (result.segments, result.entries, result.sealed_now) == (2, 7, 2)
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert "segment-000002.jsonl" in names and "operator.pem" in names and "index.json" in names
    assert not [n for n in names if n.endswith(".tmp")]
    lines = (out / "segment-000001.jsonl").read_bytes().splitlines()
    assert len(lines) == 5 and len(json.loads(lines[0])) == 13
    before = {n: (out / n).read_bytes() for n in names}
    again = archive.export(engine, out, sandbox_pki.trust_store(), sandbox_pki.operator_signer())
    assert again.written == [] and again.sealed_now is None
    assert {n: (out / n).read_bytes() for n in names} == before
    # The database is not needed: verify works on the files alone, through the CLI.
    code, verdict = _verify_cli(capsys, str(out))
    assert code == 0, verdict
    assert verdict | {"reason": ""} == verdict | {
        "ok": True, "entries": 7, "first_bad_seq": None, "reason": "", "segments": 2}
    # Later appends land in a new segment; the sealed ones keep their bytes.
    _append(engine, 2)
    archive.export(engine, out, sandbox_pki.trust_store(), sandbox_pki.operator_signer())
    assert (out / "segment-000001.jsonl").read_bytes() == before["segment-000001.jsonl"]
    assert _verify_cli(capsys, str(out))[1]["entries"] == 9


# Tamper classes, on one pristine archive: 13 entries in segments 1..5, 6..10 and 11..13.

@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory, sandbox_pki: SandboxPKI) -> Path:
    base = tmp_path_factory.mktemp("pristine")
    engine = make_engine(f"sqlite:///{base / 'g.sqlite'}")
    migrate(engine)
    _seal_with(engine, sandbox_pki)
    _append(engine, 13)
    archive.export(engine, base / "archive", sandbox_pki.trust_store(),
                   sandbox_pki.operator_signer())
    engine.dispose()
    return base / "archive"


@pytest.fixture
def copy(pristine: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(pristine, tmp_path / "archive"))


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def _expect_bad(capsys: pytest.CaptureFixture[str], directory: Path, seq: int | None,
                *extra: str) -> str:
    code, verdict = _verify_cli(capsys, str(directory), *extra)
    assert code == 1 and verdict["ok"] is False, verdict
    assert verdict["first_bad_seq"] == seq, verdict
    return str(verdict["reason"])


@pytest.mark.req("R-CTL-3")
def test_a_changed_byte_is_found_at_its_entry(copy: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = copy / "segment-000002.jsonl"
    data = bytearray(path.read_bytes())
    at = data.index(b"K-6")  # seq 7's basis names case K-6
    data[at + 2] = ord("7")
    path.write_bytes(bytes(data))
    assert "changed" in _expect_bad(capsys, copy, 7)


@pytest.mark.req("R-CTL-3")
def test_a_changed_hash_field_or_broken_line_is_found_at_its_entry(
        copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = copy / "segment-000003.jsonl"
    lines = _lines(path)
    lines[1] = lines[1].replace(b'"kind":"query"', b'"kind": "query"')  # seq 12, not canonical
    path.write_bytes(b"".join(lines))
    _expect_bad(capsys, copy, 12)


@pytest.mark.req("R-CTL-3")
def test_a_deleted_entry_is_found(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = copy / "segment-000002.jsonl"
    lines = _lines(path)
    del lines[2]  # seq 8
    path.write_bytes(b"".join(lines))
    assert "missing or out of order" in _expect_bad(capsys, copy, 8)


@pytest.mark.req("R-CTL-3")
def test_reordered_entries_are_found(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = copy / "segment-000002.jsonl"
    lines = _lines(path)
    lines[1], lines[2] = lines[2], lines[1]  # seq 7 and 8
    path.write_bytes(b"".join(lines))
    _expect_bad(capsys, copy, 7)


@pytest.mark.req("R-LOG-2", "R-CTL-3")
@pytest.mark.parametrize("suffixes", [(".jsonl", ".checkpoint.json", ".checkpoint.p7s"),
                                      (".jsonl",)], ids=["whole", "entries-only"])
def test_a_missing_segment_is_found(copy: Path, capsys: pytest.CaptureFixture[str],
                                    suffixes: tuple[str, ...]) -> None:
    for suffix in suffixes:
        (copy / f"segment-000002{suffix}").unlink()
    assert "segment 2 is missing" in _expect_bad(capsys, copy, 6)


@pytest.mark.req("R-LOG-2", "R-CTL-3")
def test_a_cut_tail_is_found_against_its_checkpoint(copy: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = copy / "segment-000003.jsonl"
    path.write_bytes(b"".join(_lines(path)[:1]))  # keeps seq 11, drops 12 and 13
    assert "(cut)" in _expect_bad(capsys, copy, 12)


@pytest.mark.req("R-LOG-2", "R-CTL-3")
def test_dropped_last_segments_are_found_against_the_held_checkpoint(
        copy: Path, pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The auditor kept the last checkpoint from an earlier visit.
    held = tmp_path / "held"
    held.mkdir()
    for suffix in (".json", ".p7s"):
        shutil.copy(pristine / f"segment-000003.checkpoint{suffix}", held)
    # A careful cut: the last segment gone and the unsigned index rewritten to match.
    for p in copy.glob("segment-000003.*"):
        p.unlink()
    index = json.loads((copy / "index.json").read_text())
    index["segments"], index["entries"] = index["segments"][:2], 10
    (copy / "index.json").write_text(json.dumps(index))
    code, verdict = _verify_cli(capsys, str(copy))
    assert code == 0 and verdict["entries"] == 10  # nothing inside the archive can tell...
    held_file = str(held / "segment-000003.checkpoint.json")
    reason = _expect_bad(capsys, copy, 11, "--checkpoint", held_file)  # ...the held one can
    assert "segment 3 is missing" in reason
    code, verdict = _verify_cli(capsys, str(pristine), "--checkpoint", held_file)
    assert code == 0, verdict
    # A held checkpoint with a forged signature is refused.
    forged = tmp_path / "forged"
    shutil.copytree(held, forged)
    sig = forged / "segment-000003.checkpoint.p7s"
    sig.write_bytes(sig.read_bytes()[:-1] + bytes([sig.read_bytes()[-1] ^ 1]))
    _expect_bad(capsys, pristine, None, "--checkpoint",
                str(forged / "segment-000003.checkpoint.json"))


@pytest.mark.req("R-CTL-3")
def test_a_changed_checkpoint_or_a_foreign_trust_anchor_fails_the_signature(
        copy: Path, pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = copy / "segment-000002.checkpoint.json"
    path.write_bytes(path.read_bytes().replace(b'"count":5', b'"count":4'))
    assert "bad signature" in _expect_bad(capsys, copy, 6)
    other = create_sandbox_pki(tmp_path / "other-pki")
    assert "bad signature" in _expect_bad(capsys, pristine, 1, "--trust", str(other.trust_dir))


def test_unreadable_archives_are_usage_errors(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["journal", "verify", str(tmp_path / "nowhere")]) == 2
    tmp_path.joinpath("empty").mkdir()
    code, verdict = _verify_cli(capsys, str(tmp_path / "empty"))
    assert code == 2 and verdict["ok"] is False
    assert main(["journal", "export", str(tmp_path / "x"), "--db",
                 f"sqlite:///{tmp_path / 'g.sqlite'}"]) == 2  # no CAs to ship, no key


@pytest.mark.req("R-LOG-1", "R-CTL-3")
def test_cli_export_of_a_sandbox_database(tmp_path: Path, sandbox_pki: SandboxPKI,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'g.sqlite'}"
    engine = make_engine(url)
    migrate(engine)
    _append(engine, 3)
    engine.dispose()
    out = tmp_path / "archive"
    pki_dir = sandbox_pki.directory
    assert main(["journal", "export", str(out), "--db", url, "--sandbox",
                 "--pki-dir", str(pki_dir)]) == 0
    assert "exported 3 entries in 1 segments" in capsys.readouterr().out
    assert main(["journal", "verify", str(out)]) == 0
    assert capsys.readouterr().out.startswith("OK: 3 entries")
    # Without the key nothing new can be sealed, but exporting what is sealed still works.
    assert main(["journal", "export", str(out), "--db", url,
                 "--trust", str(sandbox_pki.trust_dir)]) == 0
