"""Journal archives: sealed segments as files anyone verifies offline (R-LOG-1/2, R-CTL-3).

An archive directory holds, per sealed segment N, segment-NNNNNN.jsonl (one canonical JSON journal
row per line, all 13 columns), segment-NNNNNN.checkpoint.json (the exact signed checkpoint bytes)
and segment-NNNNNN.checkpoint.p7s (the operator's detached CMS, DER); operator.pem; trust/ with
the CA certificates and CRLs to check the signatures; index.json, written last. verify() reads
only these files: no database, no network.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import Engine

from gateway import checkpoints, journal
from gateway.checkpoints import Checkpoint
from gateway.journal import COLUMNS, JournalEntry
from gateway.models import GENESIS_HASH
from signing.cms import claimed_signer, verify_detached
from signing.errors import SigningError
from signing.profile import fingerprint
from signing.signer import Signer
from signing.trust import TrustStore
from transport.canonical import canonical_json, sha256_hex

FORMAT = "sio-journal-archive/1"
INDEX = "index.json"
TRUST_DIR = "trust"
_SEGMENT_FILE = re.compile(r"segment-(\d{6})\.(?:jsonl|checkpoint\.json|checkpoint\.p7s)")


class ArchiveError(Exception):
    """The archive cannot be written or read at all (not a verdict on its contents)."""


def segment_name(segment: int) -> str:
    return f"segment-{segment:06d}"


# Export ---------------------------------------------------------------------------------------

def write_atomic(path: Path, data: bytes) -> bool:
    """Write `data` via a synced temp file and rename, so readers never see half a file.

    Returns False (and leaves the file alone) when it already holds exactly these bytes."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return True


def _fsync_dir(directory: Path) -> None:
    # The rename itself is durable only once the directory entry is on disk (POSIX).
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def entry_line(entry: JournalEntry) -> bytes:
    return canonical_json(asdict(entry)) + b"\n"


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(Encoding.PEM)


def _trust_files(trust: TrustStore) -> dict[str, bytes]:
    files = {f"root-{i}.pem": _pem(c) for i, c in enumerate(trust.anchors, 1)}
    files |= {f"intermediate-{i}.pem": _pem(c) for i, c in enumerate(trust.intermediates, 1)}
    files |= {f"crl-{i}.crl": c.public_bytes(Encoding.DER) for i, c in enumerate(trust.crls, 1)}
    return files


@dataclass(frozen=True)
class ExportResult:
    segments: int
    entries: int
    sealed_now: int | None  # the segment this export sealed, if any
    written: list[str]  # files whose bytes changed


def export(engine: Engine, directory: Path, trust: TrustStore,
           signer: Signer | None = None) -> ExportResult:
    """Seal the open segment (needs the operator `signer` unless it is empty) and write every
    sealed segment, the operator certificates, `trust` and the index into `directory`."""
    sealed_now = None
    if signer is not None:
        new = checkpoints.seal_open(engine, signer, "export")
        sealed_now = None if new is None else new.checkpoint.segment
    stored = checkpoints.stored(engine)
    sealed_to = stored[-1].checkpoint.last_seq if stored else 0
    if signer is None and journal.entries(engine, since_seq=sealed_to)[:1]:
        raise ArchiveError("the open segment has entries; sealing it needs the operator key")
    directory.mkdir(parents=True, exist_ok=True)
    (directory / TRUST_DIR).mkdir(exist_ok=True)
    written: list[str] = []

    def put(relative: str, data: bytes) -> None:
        if write_atomic(directory / relative, data):
            written.append(relative)

    index_segments: list[dict[str, Any]] = []
    signers: dict[bytes, x509.Certificate] = {}
    with engine.connect() as conn:
        for item in stored:
            cp, name = item.checkpoint, segment_name(item.checkpoint.segment)
            lines = b"".join(entry_line(e) for e in
                             journal.entries_between(conn, cp.first_seq, cp.last_seq))
            put(f"{name}.jsonl", lines)
            put(f"{name}.checkpoint.json", item.body)
            put(f"{name}.checkpoint.p7s", item.signature)
            index_segments.append({
                "segment": cp.segment, "first_seq": cp.first_seq, "last_seq": cp.last_seq,
                "count": cp.count, "checkpoint_sha256": cp.hash,
                "entries_sha256": sha256_hex(lines),
            })
            cert = claimed_signer(item.signature)
            if cert is not None:
                signers.setdefault(cert.public_bytes(Encoding.DER), cert)
    put("operator.pem", b"".join(_pem(c) for c in signers.values()))
    trust_files = _trust_files(trust)
    for name, data in trust_files.items():
        put(f"{TRUST_DIR}/{name}", data)
    for stale in (directory / TRUST_DIR).iterdir():
        if stale.is_file() and stale.name not in trust_files:
            stale.unlink()  # an older export's CRL or CA that the trust store no longer has
    index = {
        "format": FORMAT,
        "segments": index_segments,
        "entries": sealed_to,
        "last_checkpoint_sha256": stored[-1].checkpoint.hash if stored else GENESIS_HASH,
    }
    put(INDEX, json.dumps(index, indent=1, sort_keys=True, ensure_ascii=False).encode() + b"\n")
    return ExportResult(len(stored), sealed_to, sealed_now, written)


# Verify ---------------------------------------------------------------------------------------

@dataclass
class Report:
    """The verdict: ok, how many entries checked out from seq 1, and the first bad seq."""

    ok: bool
    entries: int
    first_bad_seq: int | None
    reason: str
    segments: int = 0
    last_seq: int = 0
    last_hash: str = GENESIS_HASH
    last_checkpoint_sha256: str = GENESIS_HASH
    anchors: list[str] = field(default_factory=list)  # SHA-256 of the anchors' DER
    signers: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class _Bad(Exception):
    def __init__(self, seq: int | None, reason: str) -> None:
        super().__init__(reason)
        self.seq, self.reason = seq, reason


def load_trust(directory: Path) -> TrustStore:
    """Anchors, intermediates and CRLs from a directory; ArchiveError if it has no anchor."""
    try:
        trust = TrustStore.from_directory(directory)
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"cannot read trust anchors in {directory}: {exc}") from exc
    if not trust.anchors:
        raise ArchiveError(f"no trust anchor (self-signed CA certificate) in {directory}")
    return trust


def read_held_checkpoint(path: Path) -> tuple[bytes, bytes]:
    """A checkpoint the auditor kept: FILE and its signature beside it (FILE minus .json + .p7s)."""
    sig_path = path.with_suffix(".p7s") if path.suffix == ".json" else Path(f"{path}.p7s")
    try:
        return path.read_bytes(), sig_path.read_bytes()
    except OSError as exc:
        raise ArchiveError(f"cannot read the held checkpoint: {exc}") from exc


def _read_index(directory: Path) -> dict[str, Any]:
    if not directory.is_dir():
        raise ArchiveError(f"{directory} is not a directory")
    try:
        index = json.loads((directory / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"{directory} is not a journal archive ({INDEX}: {exc})") from exc
    if not isinstance(index, dict) or index.get("format") != FORMAT \
            or not isinstance(index.get("segments"), list):
        raise ArchiveError(f"{directory / INDEX} is not a {FORMAT} index")
    return index


def _parse_line(line: bytes, seq: int) -> JournalEntry:
    try:
        data = json.loads(line)
    except ValueError as exc:
        raise _Bad(seq, f"entry {seq}: the line is not JSON") from exc
    if not isinstance(data, dict) or set(data) != set(COLUMNS):
        raise _Bad(seq, f"entry {seq}: the line does not hold the journal's columns")
    if canonical_json(data) != line:  # every byte counts, even ones no hash covers
        raise _Bad(seq, f"entry {seq}: the line is not canonical JSON")
    if type(data["seq"]) is not int or not (data["resource"] is None
                                            or type(data["resource"]) is int):
        raise _Bad(seq, f"entry {seq}: seq or resource is not an integer")
    if any(not (v is None or isinstance(v, str)) for k, v in data.items()
           if k not in ("seq", "resource")):
        raise _Bad(seq, f"entry {seq}: a text column holds something else")
    return JournalEntry(**data)


class _Walk:
    """Checks segments 1..N in order, carrying the hash chain and the checkpoint chain."""

    def __init__(self, directory: Path, trust: TrustStore, report: Report) -> None:
        self.directory, self.trust, self.report = directory, trust, report
        self.next_seq, self.prev_hash, self.prev_cp = 1, GENESIS_HASH, GENESIS_HASH
        self.checkpoints: dict[int, Checkpoint] = {}

    def _files(self, segment: int) -> tuple[bytes, bytes, bytes]:
        name = segment_name(segment)
        found = []
        for suffix in (".checkpoint.json", ".checkpoint.p7s", ".jsonl"):
            try:
                found.append((self.directory / f"{name}{suffix}").read_bytes())
            except OSError as exc:
                raise _Bad(self.next_seq,
                           f"segment {segment} is missing ({name}{suffix}: {exc.strerror})"
                           ) from exc
        return found[0], found[1], found[2]

    def checkpoint(self, body: bytes, signature: bytes, segment: int) -> Checkpoint:
        seq = self.next_seq
        try:
            cp = Checkpoint.from_body(body)
        except ValueError as exc:
            raise _Bad(seq, f"checkpoint of segment {segment} is unreadable: {exc}") from exc
        try:
            signed = verify_detached(signature, body, self.trust, at=cp.sealed_at(),
                                     purpose="signing")
        except (SigningError, ValueError) as exc:
            raise _Bad(seq, f"checkpoint of segment {segment}: bad signature: {exc}") from exc
        subject = signed.certificate.subject.rfc4514_string()
        if subject not in self.report.signers:
            self.report.signers.append(subject)
        if cp.segment != segment:
            raise _Bad(seq, f"checkpoint of segment {segment} says segment {cp.segment}")
        if cp.prev_checkpoint_hash != self.prev_cp:
            raise _Bad(seq, f"checkpoint of segment {segment} does not chain to the previous one")
        if cp.first_seq != seq or cp.count != cp.last_seq - cp.first_seq + 1 or cp.count < 1:
            raise _Bad(seq, f"checkpoint of segment {segment} covers {cp.first_seq}..{cp.last_seq}"
                            f" (count {cp.count}) where seq {seq} comes next")
        return cp

    def segment(self, segment: int) -> None:
        body, signature, lines = self._files(segment)
        cp = self.checkpoint(body, signature, segment)
        if lines and not lines.endswith(b"\n"):
            lines += b"\n"  # a cut last line then fails as "not JSON" at its own seq
        for line in lines.split(b"\n")[:-1]:
            seq = self.next_seq
            entry = _parse_line(line, seq)
            if entry.seq != seq:
                raise _Bad(seq, f"entry {seq} is missing or out of order (found seq {entry.seq})")
            if entry.prev_hash != self.prev_hash:
                raise _Bad(seq, f"entry {seq} does not chain to entry {seq - 1}")
            if entry.hash != entry.expected_hash():
                raise _Bad(seq, f"entry {seq} does not match its hash (changed)")
            if seq > cp.last_seq:
                raise _Bad(seq, f"entry {seq} lies beyond segment {segment}'s checkpoint")
            self.prev_hash, self.next_seq = entry.hash, seq + 1
            self.report.entries += 1
        if self.next_seq - 1 != cp.last_seq:
            raise _Bad(self.next_seq, f"segment {segment} ends at seq {self.next_seq - 1} but its "
                                      f"checkpoint seals up to {cp.last_seq} (cut)")
        if self.prev_hash != cp.last_hash:
            raise _Bad(cp.last_seq, f"entry {cp.last_seq} is not the one segment {segment}'s "
                                    f"checkpoint vouches for")
        self.prev_cp = cp.hash
        self.checkpoints[segment] = cp
        self.report.segments, self.report.last_seq = segment, cp.last_seq
        self.report.last_hash, self.report.last_checkpoint_sha256 = cp.last_hash, cp.hash


def verify(directory: Path, trust: TrustStore | None = None,
           held: tuple[bytes, bytes] | None = None) -> Report:
    """Verify an archive offline; `trust` overrides the archive's own anchors, `held` is a
    checkpoint (body, CMS) the auditor saved earlier. ArchiveError if unreadable."""
    directory = Path(directory)
    index = _read_index(directory)
    trust = trust or load_trust(directory / TRUST_DIR)
    report = Report(ok=False, entries=0, first_bad_seq=None, reason="",
                    anchors=[fingerprint(a)
                             for a in trust.anchors])
    held_cp: Checkpoint | None = None
    if held is not None:
        try:
            held_cp = Checkpoint.from_body(held[0])
        except ValueError as exc:
            raise ArchiveError(f"the held checkpoint is unreadable: {exc}") from exc
    numbers = {int(m.group(1)) for f in directory.iterdir()
               if (m := _SEGMENT_FILE.fullmatch(f.name))}
    numbers |= set(range(1, len(index["segments"]) + 1))
    if held_cp is not None:
        numbers.add(held_cp.segment)
    walk = _Walk(directory, trust, report)
    try:
        if held is not None and held_cp is not None:
            try:
                verify_detached(held[1], held[0], trust, at=held_cp.sealed_at(),
                                purpose="signing")
            except (SigningError, ValueError) as exc:
                raise _Bad(None, f"the held checkpoint's signature is bad: {exc}") from exc
        for segment in range(1, max(numbers, default=0) + 1):
            walk.segment(segment)
        _check_index(index, walk)
        if held_cp is not None:
            _check_held(held_cp, walk)
    except _Bad as bad:
        report.first_bad_seq, report.reason = bad.seq, bad.reason
        return report
    report.ok = True
    report.reason = (f"{report.entries} entries in {report.segments} sealed segments check out"
                     + (f"; they include the held checkpoint of segment {held_cp.segment}"
                        if held_cp is not None else ""))
    return report


def _check_index(index: dict[str, Any], walk: _Walk) -> None:
    # The index is unsigned: it cannot vouch for anything, but it must not contradict the files.
    listed = [s.get("checkpoint_sha256") if isinstance(s, dict) else None
              for s in index["segments"]]
    actual = [walk.checkpoints[n].hash for n in sorted(walk.checkpoints)]
    if listed != actual or index.get("entries") != walk.report.entries:
        raise _Bad(walk.next_seq, f"{INDEX} does not list the segments found")


def _check_held(held: Checkpoint, walk: _Walk) -> None:
    ours = walk.checkpoints.get(held.segment)
    if ours is None:  # walked every segment up to held.segment, so this cannot be reached
        raise _Bad(walk.next_seq, f"segment {held.segment} of the held checkpoint is missing")
    if ours.hash != held.hash:
        raise _Bad(held.first_seq, f"the archive's checkpoint of segment {held.segment} is not "
                                   f"the one held (rewritten history)")
