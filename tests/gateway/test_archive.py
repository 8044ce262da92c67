"""Sealed journal segments, their archive and offline verification (R-LOG-1, R-LOG-2, R-CTL-3)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import Engine, delete, update
from sqlalchemy.exc import DBAPIError

from gateway import archive, checkpoints, journal
from gateway.checkpoints import Checkpoint
from gateway.cli import main
from gateway.db import make_engine, migrate, write_tx
from gateway.models import GENESIS_HASH, journal_checkpoints
from signing.cms import sign_detached, verify_detached
from signing.profile import fingerprint
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, create_sandbox_pki
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


def _named(pki: SandboxPKI) -> list[str]:
    """The auditor names the operator's signing certificate (as the operator hands it over)."""
    return ["--operator-cert", str(pki.directory / "operator.pem")]


@pytest.fixture
def named(sandbox_pki: SandboxPKI) -> list[str]:
    return _named(sandbox_pki)


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
        capsys: pytest.CaptureFixture[str], named: list[str]) -> None:
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
    code, verdict = _verify_cli(capsys, str(out), *named)
    assert code == 0, verdict
    assert verdict | {"reason": ""} == verdict | {
        "ok": True, "entries": 7, "first_bad_seq": None, "reason": "", "segments": 2}
    # Later appends land in a new segment; the sealed ones keep their bytes.
    _append(engine, 2)
    archive.export(engine, out, sandbox_pki.trust_store(), sandbox_pki.operator_signer())
    assert (out / "segment-000001.jsonl").read_bytes() == before["segment-000001.jsonl"]
    assert _verify_cli(capsys, str(out), *named)[1]["entries"] == 9


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
def test_a_changed_byte_is_found_at_its_entry(copy: Path, capsys: pytest.CaptureFixture[str],
                                              named: list[str]) -> None:
    path = copy / "segment-000002.jsonl"
    data = bytearray(path.read_bytes())
    at = data.index(b"K-6")  # seq 7's basis names case K-6
    data[at + 2] = ord("7")
    path.write_bytes(bytes(data))
    assert "changed" in _expect_bad(capsys, copy, 7, *named)


@pytest.mark.req("R-CTL-3")
def test_a_changed_hash_field_or_broken_line_is_found_at_its_entry(
        copy: Path, capsys: pytest.CaptureFixture[str],
        named: list[str]) -> None:
    path = copy / "segment-000003.jsonl"
    lines = _lines(path)
    lines[1] = lines[1].replace(b'"kind":"query"', b'"kind": "query"')  # seq 12, not canonical
    path.write_bytes(b"".join(lines))
    _expect_bad(capsys, copy, 12, *named)


@pytest.mark.req("R-CTL-3")
def test_a_deleted_entry_is_found(copy: Path, capsys: pytest.CaptureFixture[str],
                                  named: list[str]) -> None:
    path = copy / "segment-000002.jsonl"
    lines = _lines(path)
    del lines[2]  # seq 8
    path.write_bytes(b"".join(lines))
    assert "missing or out of order" in _expect_bad(capsys, copy, 8, *named)


@pytest.mark.req("R-CTL-3")
def test_reordered_entries_are_found(copy: Path, capsys: pytest.CaptureFixture[str],
                                     named: list[str]) -> None:
    path = copy / "segment-000002.jsonl"
    lines = _lines(path)
    lines[1], lines[2] = lines[2], lines[1]  # seq 7 and 8
    path.write_bytes(b"".join(lines))
    _expect_bad(capsys, copy, 7, *named)


@pytest.mark.req("R-LOG-2", "R-CTL-3")
@pytest.mark.parametrize("suffixes", [(".jsonl", ".checkpoint.json", ".checkpoint.p7s"),
                                      (".jsonl",)], ids=["whole", "entries-only"])
def test_a_missing_segment_is_found(copy: Path, capsys: pytest.CaptureFixture[str],
                                    suffixes: tuple[str, ...], named: list[str]) -> None:
    for suffix in suffixes:
        (copy / f"segment-000002{suffix}").unlink()
    assert "segment 2 is missing" in _expect_bad(capsys, copy, 6, *named)


@pytest.mark.req("R-LOG-2", "R-CTL-3")
def test_a_cut_tail_is_found_against_its_checkpoint(copy: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    named: list[str]) -> None:
    path = copy / "segment-000003.jsonl"
    path.write_bytes(b"".join(_lines(path)[:1]))  # keeps seq 11, drops 12 and 13
    assert "(cut)" in _expect_bad(capsys, copy, 12, *named)


@pytest.mark.req("R-LOG-2", "R-CTL-3")
def test_dropped_last_segments_are_found_against_the_held_checkpoint(
        copy: Path, pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        named: list[str]) -> None:
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
    code, verdict = _verify_cli(capsys, str(copy), *named)
    assert code == 0 and verdict["entries"] == 10  # nothing inside the archive can tell...
    held_file = str(held / "segment-000003.checkpoint.json")
    reason = _expect_bad(capsys, copy, 11, *named, "--checkpoint", held_file)  # ...the held does
    assert "segment 3 is missing" in reason
    code, verdict = _verify_cli(capsys, str(pristine), *named, "--checkpoint", held_file)
    assert code == 0, verdict
    # A held checkpoint with a forged signature is refused.
    forged = tmp_path / "forged"
    shutil.copytree(held, forged)
    sig = forged / "segment-000003.checkpoint.p7s"
    sig.write_bytes(sig.read_bytes()[:-1] + bytes([sig.read_bytes()[-1] ^ 1]))
    _expect_bad(capsys, pristine, None, *named, "--checkpoint",
                str(forged / "segment-000003.checkpoint.json"))


@pytest.mark.req("R-CTL-3")
def test_a_changed_checkpoint_or_a_foreign_trust_anchor_fails_the_signature(
        copy: Path, pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        named: list[str]) -> None:
    path = copy / "segment-000002.checkpoint.json"
    path.write_bytes(path.read_bytes().replace(b'"count":5', b'"count":4'))
    assert "bad signature" in _expect_bad(capsys, copy, 6, *named)
    other = create_sandbox_pki(tmp_path / "other-pki")
    assert "bad signature" in _expect_bad(capsys, pristine, 1, *named,
                                          "--trust", str(other.trust_dir))


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
    assert main(["journal", "verify", str(out)]) == 2  # names no signer: refused
    assert "--operator-cert" in capsys.readouterr().err
    assert main(["journal", "verify", str(out), *_named(sandbox_pki)]) == 0
    text = capsys.readouterr()
    assert text.out.startswith("OK: 3 entries")
    # The text says what the verdict rests on: the anchors and the signer pins.
    assert fingerprint(sandbox_pki.root) in text.out
    assert fingerprint(sandbox_pki.operator_cert) in text.out
    assert "anchors (from archive trust/)" in text.out and "note:" in text.err
    # Without the key nothing new can be sealed, but exporting what is sealed still works.
    assert main(["journal", "export", str(out), "--db", url,
                 "--trust", str(sandbox_pki.trust_dir)]) == 0


# Whom the verdict trusts (issue 9, hole 3): only the checkpoint signers the auditor names.

def _resign_without_the_tail(archive_dir: Path, pki: SandboxPKI) -> str:
    """An analyst cuts seq 12 and 13 (their own queries) from segment 3 and re-seals it with
    their own signing key, which chains to the same CA as the operator's; operator.pem and the
    unsigned index are rewritten to match. Returns the analyst's certificate fingerprint."""
    _, analyst = pki.software_signers(SANDBOX_USERS[0])
    jsonl = archive_dir / "segment-000003.jsonl"
    kept = _lines(jsonl)[:1]
    jsonl.write_bytes(b"".join(kept))
    body_path = archive_dir / "segment-000003.checkpoint.json"
    old = Checkpoint.from_body(body_path.read_bytes())
    new = dataclasses.replace(old, last_seq=11, count=1,
                              last_hash=json.loads(kept[0])["hash"])
    body_path.write_bytes(new.body())
    (archive_dir / "segment-000003.checkpoint.p7s").write_bytes(
        sign_detached(new.body(), analyst))
    (archive_dir / "operator.pem").write_bytes(
        (archive_dir / "operator.pem").read_bytes()
        + analyst.certificate.public_bytes(Encoding.PEM))
    index = json.loads((archive_dir / "index.json").read_text())
    index["segments"][2] |= {"last_seq": 11, "count": 1, "checkpoint_sha256": new.hash}
    index["entries"] = 11
    (archive_dir / "index.json").write_text(json.dumps(index))
    return fingerprint(analyst.certificate)


@pytest.mark.req("R-LOG-2", "R-CTL-3")
def test_checkpoints_resigned_by_an_analyst_of_the_same_ca_fail(
        copy: Path, sandbox_pki: SandboxPKI, named: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    analyst_sha = _resign_without_the_tail(copy, sandbox_pki)
    trust = ["--trust", str(sandbox_pki.trust_dir)]
    # The analyst's signature is valid and chains to the auditor's own CA: once that was enough.
    reason = _expect_bad(capsys, copy, 11, *trust, *named)
    assert f"sha256 {analyst_sha}" in reason and "not a certificate the auditor named" in reason
    op_sha = fingerprint(sandbox_pki.operator_cert).upper()
    colons = ":".join(op_sha[i:i + 2] for i in range(0, 64, 2))
    assert analyst_sha in _expect_bad(capsys, copy, 11, *trust, "--operator-sha256", colons)
    # The CA alone names no signer: refused, and told what to give.
    code, verdict = _verify_cli(capsys, str(copy), *trust)
    assert code == 2 and "--operator-cert" in str(verdict["reason"])
    # Believing the archive's own operator.pem is exactly the hole: it would pass.
    code, verdict = _verify_cli(capsys, str(copy), *trust, "--trust-bundled")
    assert code == 0 and verdict["trust_bundled"] is True and verdict["warnings"]


@pytest.mark.req("R-CTL-3")
def test_operator_pem_must_hold_only_named_signers(
        copy: Path, sandbox_pki: SandboxPKI, named: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    _, analyst = sandbox_pki.software_signers(SANDBOX_USERS[1])
    pem = copy / "operator.pem"
    pem.write_bytes(pem.read_bytes() + analyst.certificate.public_bytes(Encoding.PEM))
    code, verdict = _verify_cli(capsys, str(copy), *named)
    assert code == 1 and verdict["first_bad_seq"] is None, verdict
    assert "operator.pem" in str(verdict["reason"])
    assert fingerprint(analyst.certificate) in str(verdict["reason"])
    listed = {c["sha256"]: c["named"] for c in verdict["operator_pem"]}  # type: ignore[union-attr]
    assert listed == {fingerprint(sandbox_pki.operator_cert): True,
                      fingerprint(analyst.certificate): False}
    pem.unlink()
    code, verdict = _verify_cli(capsys, str(copy), *named)
    assert code == 1 and "operator.pem" in str(verdict["reason"])


@pytest.fixture(scope="module")
def forged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wholly forged archive: its own CA, its own "operator", shipped in its own trust/."""
    base = tmp_path_factory.mktemp("forged")
    pki = create_sandbox_pki(base / "pki")
    engine = make_engine(f"sqlite:///{base / 'g.sqlite'}")
    migrate(engine)
    _append(engine, 4)
    archive.export(engine, base / "archive", pki.trust_store(), pki.operator_signer())
    engine.dispose()
    return base / "archive"


@pytest.mark.req("R-CTL-3")
def test_a_forged_archive_with_its_own_bundled_ca_fails_without_trust_bundled(
        forged: Path, named: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # Once, no --trust meant "trust the archive's own CA": the forgery passed.
    code, verdict = _verify_cli(capsys, str(forged))
    assert code == 2 and verdict["ok"] is False and "--operator-cert" in str(verdict["reason"])
    # Naming the real operator, the forger's signature is not theirs.
    reason = _expect_bad(capsys, forged, 1, *named)
    assert "not a certificate the auditor named" in reason
    # Only when told to believe the archive about itself does it pass: loudly weaker.
    code, verdict = _verify_cli(capsys, str(forged), "--trust-bundled")
    assert code == 0 and verdict["trust_bundled"] is True, verdict
    assert verdict["warnings"] and "WEAK TRUST" in str(verdict["warnings"])
    assert verdict["pins"][0]["source"] == "archive operator.pem"  # type: ignore[index]
    assert main(["journal", "verify", str(forged), "--trust-bundled"]) == 0
    text = capsys.readouterr()
    assert "WARNING: WEAK TRUST" in text.err and "WEAK TRUST" in text.out


@pytest.mark.req("R-CTL-3")
def test_the_genuine_archive_passes_with_the_operator_named_and_says_what_it_trusted(
        pristine: Path, sandbox_pki: SandboxPKI, named: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    op_sha = fingerprint(sandbox_pki.operator_cert)
    code, verdict = _verify_cli(capsys, str(pristine), *named)
    assert code == 0 and verdict["ok"] is True, verdict
    assert verdict["anchor_source"] == "archive trust/"
    assert verdict["anchors"] == [{"sha256": fingerprint(sandbox_pki.root),
                                   "subject": sandbox_pki.root.subject.rfc4514_string()}]
    # The sandbox's operator.pem also holds the intermediate: only the end-entity is pinned.
    assert verdict["pins"] == [{"sha256": op_sha, "source": f"{named[0]} {named[1]}",
                                "subject": sandbox_pki.operator_cert.subject.rfc4514_string()}]
    assert [s["sha256"] for s in verdict["signers"]] == [op_sha]  # type: ignore[index]
    assert verdict["operator_pem"] == [{"sha256": op_sha, "named": True,
                                        "subject": verdict["pins"][0]["subject"]}]  # type: ignore[index]
    assert verdict["trust_bundled"] is False and verdict["warnings"] == []
    # With the auditor's own CAs and only a fingerprint.
    code, verdict = _verify_cli(capsys, str(pristine), "--trust", str(sandbox_pki.trust_dir),
                                "--operator-sha256", op_sha)
    assert code == 0, verdict
    assert verdict["anchor_source"] == str(sandbox_pki.trust_dir) and verdict["notes"] == []
    assert verdict["pins"] == [{"sha256": op_sha, "source": "--operator-sha256",
                                "subject": None}]
    # A fingerprint that is not one, or a file with only CA certificates, is a usage error.
    assert _verify_cli(capsys, str(pristine), "--operator-sha256", "abc")[0] == 2
    assert _verify_cli(capsys, str(pristine), "--operator-cert",
                       str(sandbox_pki.root_path))[0] == 2
