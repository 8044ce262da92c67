"""The operator's signed "seal and export the journal" (issue 13; R-LOG-1, R-CTL-3, R-OPS-1):
the archive streams as a tar whose length is announced, `sio-gateway journal verify` pinned to
the operator's certificate accepts it, and its last sealed segment holds the export's own
entry with what the operator signed; an analyst is refused operator_only, journaled; a seal
or an archive that cannot be made (no operator key, disk full) is refused export_unavailable,
journaled, and nothing is left behind."""

from __future__ import annotations

import errno
import io
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from app.control import verifier_command
from gateway import archive, checkpoints, journal, journal_export
from gateway.registry import SANDBOX_OPERATOR
from signing.errors import SigningError
from signing.sandbox_pki import SANDBOX_USERS
from tests.gateway.helpers import Gw, bearer, login, sign_payload
from transport.canonical import sha256_hex
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, JournalExportRequest, QueryRequest

PATH = API_PREFIX + "/operator/journal/export"
ANALYST = SANDBOX_USERS[0]


def _command(iin: str) -> bytes:
    return JournalExportRequest(nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                                operator_iin=iin).canonical()


def _export(gw: Gw, user: Any) -> tuple[Any, bytes]:
    auth_key, sign_key = gw.pki.software_signers(user)
    token = bearer(login(gw.client, auth_key))
    payload = _command(user.iin)
    return gw.client.post(PATH, headers=token, json=sign_payload(payload, sign_key)), payload


def _leftovers() -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob("sio-journal-export-*"))


@pytest.mark.req("R-LOG-1", "R-CTL-3", "R-OPS-1")
def test_the_operator_takes_a_sealed_archive_that_verifies(gw: Gw, tmp_path: Path) -> None:
    before = set(_leftovers())
    answer, payload = _export(gw, SANDBOX_OPERATOR)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == journal_export.TAR_MEDIA_TYPE
    assert int(answer.headers["content-length"]) == len(answer.content)
    seq = int(answer.headers[journal_export.SEQ_HEADER])
    target = tmp_path / "archive"
    with tarfile.open(fileobj=io.BytesIO(answer.content), mode="r:") as tar:
        names = tar.getnames()
        tar.extractall(target, filter="data")
    assert names[-1] == "index.json" and "operator.pem" in names
    assert all(m.isreg() for m in tarfile.open(fileobj=io.BytesIO(answer.content)).getmembers())
    # The export's own entry was journaled before the seal: the archive's last segment ends
    # with it (or later), sealed for the reason "export".
    last = checkpoints.stored(gw.engine)[-1].checkpoint
    assert last.reason == "export" and last.last_seq >= seq
    lines = [json.loads(line) for seg in sorted(target.glob("segment-*.jsonl"))
             for line in seg.read_bytes().splitlines()]
    entry = next(e for e in lines if e["seq"] == seq)
    assert (entry["kind"], entry["actor_iin"], entry["request_sha256"]) == (
        "export", SANDBOX_OPERATOR.iin, sha256_hex(payload))
    assert json.loads(entry["detail"])["request"] == payload.decode()
    cert = tmp_path / "operator.pem"
    cert.write_bytes(gw.config.operator_signer.certificate.public_bytes(Encoding.PEM))
    done = subprocess.run([*verifier_command(), "journal", "verify",  # the installed one
                           str(target), "--json", "--operator-cert", str(cert)],
                          capture_output=True, timeout=300, check=False)
    verdict = json.loads(done.stdout)
    assert done.returncode == 0 and verdict["ok"], verdict
    assert verdict["entries"] == len(lines) >= seq
    assert set(_leftovers()) <= before  # the temporary archive is gone once sent


@pytest.mark.req("R-LOG-1", "R-OPS-1")
def test_an_analyst_is_refused_and_the_refusal_journaled(gw: Gw) -> None:
    sealed = len(checkpoints.stored(gw.engine))
    answer, _ = _export(gw, ANALYST)
    assert answer.status_code == 403 and answer.json()["code"] == "operator_only"
    last = journal.entries(gw.engine)[-1]
    assert last.kind == "refusal" and last.actor_iin == ANALYST.iin
    assert last.detail_obj()["code"] == "operator_only"
    assert len(checkpoints.stored(gw.engine)) == sealed  # nothing was sealed


def _no_token(*_args: Any, **_kw: Any) -> None:
    raise SigningError("the operator's token is not present", code="token_absent")


def _disk_full(*_args: Any, **_kw: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.req("R-LOG-1", "R-OPS-1")
@pytest.mark.parametrize(("where", "fault"), [(checkpoints, _no_token), (archive, _disk_full)],
                         ids=["no operator key", "disk full"])
def test_an_export_that_cannot_be_made_is_refused_and_journaled(
        gw: Gw, monkeypatch: pytest.MonkeyPatch, where: Any, fault: Any) -> None:
    monkeypatch.setattr(where, "sign_detached" if where is checkpoints else "write_atomic",
                        fault)
    before = set(_leftovers())
    answer, _ = _export(gw, SANDBOX_OPERATOR)
    assert answer.status_code == 503 and answer.json()["code"] == "export_unavailable"
    kinds = [(e.kind, e.detail_obj().get("code")) for e in journal.entries(gw.engine)[-2:]]
    assert kinds == [("export", None), ("refusal", "export_unavailable")]
    assert set(_leftovers()) <= before


def test_the_tar_length_is_announced_exactly(tmp_path: Path) -> None:
    (tmp_path / "trust").mkdir()
    for name, size in (("a.jsonl", 0), ("trust/b.pem", 511), ("index.json", 1025)):
        (tmp_path / name).write_bytes(b"x" * size)
    files = journal_export.members(tmp_path)
    data = b"".join(journal_export.tar_chunks(files))
    assert len(data) == journal_export.tar_size(files)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        assert [(m.name, m.size) for m in tar.getmembers()] == [
            ("a.jsonl", 0), ("trust/b.pem", 511), ("index.json", 1025)]
