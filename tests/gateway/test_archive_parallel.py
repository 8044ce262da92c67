"""journal verify with segments checked in worker processes (issue 10) gives the verdict, the
counts and the warnings it gives one segment after another (R-LOG-1, R-CTL-3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gateway import archive
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
