"""journal verify with segments checked in worker processes (issue 10) gives the verdict, the
counts and the warnings it gives one segment after another (R-LOG-1, R-CTL-3)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine

from gateway import archive, checkpoints, journal
from gateway.db import make_engine, write_tx
from gateway.journal import JournalEntry
from signing.sandbox_pki import SandboxPKI

from .test_signed_entries import _one_byte, _policy, _rechained, _signed, made

__all__ = ["made"]  # the fixture: every signed command journaled once by a real gateway


def _both(directory: Path, pki: SandboxPKI) -> archive.Report:
    one = archive.verify(directory, _policy(pki), workers=1)
    two = archive.verify(directory, _policy(pki), workers=2)
    assert two.as_json() == one.as_json()
    return one


@pytest.mark.req("R-LOG-1", "R-CTL-3")
def test_workers_give_the_same_verdict_as_one_by_one(
        made: tuple[list[JournalEntry], Path, str], sandbox_pki: SandboxPKI,
        tmp_path: Path) -> None:
    entries, _, _ = made
    good = _rechained(entries, sandbox_pki, tmp_path / "good")  # segments of 16 entries
    report = _both(good, sandbox_pki)
    assert report.ok and report.segments >= 2, report.reason
    assert sum(report.signed_entries.values()) == sum(1 for e in entries if _signed(e))

    # A changed signed payload: found at its entry, the ones before it counted.
    target = [e for e in entries if _signed(e)][-1]
    forged = _rechained(entries, sandbox_pki, tmp_path / "forged",
                        lambda e, f: _one_byte(e, f) if e.seq == target.seq else f)
    report = _both(forged, sandbox_pki)
    assert not report.ok and report.first_bad_seq == target.seq
    assert report.entries == target.seq - 1

    # An entry of segment 1 changed and segment 2's checkpoint too: the earlier one is named.
    both = Path(shutil.copytree(good, tmp_path / "both"))
    lines = (both / "segment-000001.jsonl").read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b'"kind":', b'"kind": ')
    (both / "segment-000001.jsonl").write_bytes(b"\n".join(lines))
    checkpoint = both / "segment-000002.checkpoint.json"
    body = checkpoint.read_bytes()
    assert b'"first_seq":17' in body
    checkpoint.write_bytes(body.replace(b'"first_seq":17', b'"first_seq":18'))
    report = _both(both, sandbox_pki)
    assert report.first_bad_seq == 4 and "canonical" in report.reason

    # Segment 2's entries gone: named at its first seq, as one by one.
    (Path(shutil.copytree(good, tmp_path / "gone")) / "segment-000002.jsonl").unlink()
    report = _both(tmp_path / "gone", sandbox_pki)
    assert report.first_bad_seq == 17 and "segment 2 is missing" in report.reason


@pytest.mark.req("R-CTL-3")
def test_workers_that_cannot_start_leave_the_check_to_one_process(
        made: tuple[list[JournalEntry], Path, str], sandbox_pki: SandboxPKI,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entries, _, _ = made
    good = _rechained(entries, sandbox_pki, tmp_path / "good")
    one = archive.verify(good, _policy(sandbox_pki), workers=1)
    real = archive._portable
    # The workers get a trust store they cannot load: each dies as it starts.
    monkeypatch.setattr(archive, "_portable", lambda trust: ([b"not a certificate"],
                                                             *real(trust)[1:]))
    two = archive.verify(good, _policy(sandbox_pki), workers=2)
    assert any("worker processes failed" in n for n in two.notes)
    assert {**two.as_json(), "notes": one.notes} == one.as_json()


def _files(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.mark.req("R-LOG-1")
def test_segments_written_by_worker_processes_make_the_same_archive(
        made: tuple[list[JournalEntry], Path, str], sandbox_pki: SandboxPKI, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 10: `journal export` writes segments in one process per CPU; not a byte changes.
    entries, _, _ = made
    good = _rechained(entries, sandbox_pki, tmp_path / "good")
    engine = make_engine(f"sqlite:///{good.parent / 'g.sqlite'}")
    try:
        trust = sandbox_pki.trust_store()
        one = archive.export(engine, tmp_path / "one", trust, workers=1)
        two = archive.export(engine, tmp_path / "two", trust, workers=2)
        assert two == one and one.segments >= 2
        assert _files(tmp_path / "two") == _files(tmp_path / "one") == _files(good)
        # Written again over itself: nothing changes, so nothing is listed as written.
        again = archive.export(engine, tmp_path / "two", trust, workers=2)
        assert again.written == [] and again.entries == one.entries

        # Workers that cannot open the database die as they start: the rest is written here.
        monkeypatch.setattr(archive, "_worker_url", lambda _engine: "nosuchdialect://")
        broken = archive.export(engine, tmp_path / "broken", trust, workers=2)
        assert broken == one and _files(tmp_path / "broken") == _files(good)
    finally:
        engine.dispose()


def test_a_database_in_memory_is_written_by_this_process() -> None:
    engine = make_engine("sqlite://")
    try:
        assert archive._export_workers(None, engine, 10**6, 100) == 1
        assert archive._export_workers(4, engine, 10, 100) == 1
    finally:
        engine.dispose()
    engine = make_engine("sqlite:////nonexistent-dir/journal.sqlite")
    assert archive._export_workers(None, engine, 10**6, 100) == (os.cpu_count() or 1)
    assert archive._export_workers(None, engine, 10, 100) == 1
    assert archive._export_workers(3, engine, 10, 2) == 2


@pytest.mark.req("R-LOG-1")
def test_worker_processes_read_either_database(engine: Engine, sandbox_pki: SandboxPKI,
                                              tmp_path: Path) -> None:
    # SQLite and PostgreSQL (with SIO_TEST_PG_URL): each worker opens the database by its URL.
    journal.set_sealer(engine, checkpoints.SegmentSealer(sandbox_pki.operator_signer(), 7, 10**8))
    for n in range(30):
        with write_tx(engine) as conn:
            journal.append(conn, "login", actor_iin=f"{n:012d}",
                           detail={"text": f"Қ \"{n}\"\\ \u0001", "n": n})
    trust, signer = sandbox_pki.trust_store(), sandbox_pki.operator_signer()
    one = archive.export(engine, tmp_path / "one", trust, signer, workers=1)
    two = archive.export(engine, tmp_path / "two", trust, signer, workers=3)
    assert one.entries == two.entries == 30 and one.segments == two.segments == 5
    assert _files(tmp_path / "two") == _files(tmp_path / "one")
    assert archive.verify(tmp_path / "two", _policy(sandbox_pki)).ok
