"""Journal archives: sealed segments as files anyone verifies offline (R-LOG-1/2, R-CTL-3).

An archive directory holds, per sealed segment N, segment-NNNNNN.jsonl (one canonical JSON journal
row per line, all 13 columns), segment-NNNNNN.checkpoint.json (the exact signed checkpoint bytes)
and segment-NNNNNN.checkpoint.p7s (the operator's detached CMS, DER); operator.pem; trust/ with
the CA certificates and CRLs to check the signatures; index.json, written last. verify() reads
only these files: no database, no network. It counts a checkpoint only when it is signed by a
certificate the auditor names (TrustPolicy.pins): a valid chain to a trusted CA is not enough,
since analysts' signing certificates chain to the same CAs, and operator.pem and trust/ are
the archive's own word about itself (see docs/operator/security.md).

Beyond the chain, every entry that carries what its actor signed is re-verified from the
journal alone (transport.commands.SIGNED_KINDS): a detached CMS over the stored bytes (detail
"request" and "signature"), or an application's PAdES-signed PDF (detail "pdf"), against the
anchors as of the entry's time (a CRL published later still counts as evidence for that time),
by a certificate of the entry's actor_iin. Entries of other kinds (refusals, reads, logouts,
faults, outages, checkpoints) are covered by the hash chain and the signed checkpoints only.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import multiprocessing
import operator
import os
import re
import tempfile
from collections import deque
from collections.abc import Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import Connection, Engine, bindparam, select

from gateway import checkpoints, journal
from gateway.checkpoints import Checkpoint
from gateway.journal import COLUMNS, JournalEntry
from gateway.models import GENESIS_HASH
from gateway.models import journal as journal_table
from gateway.trust_cache import SpanCachedTrust
from signing.cms import claimed_signer, verify_detached
from signing.errors import SigningError
from signing.fastverify import FastVerifier
from signing.pades import verify_pdf
from signing.profile import fingerprint
from signing.signer import Signer
from signing.trust import SOFT_FAIL, RevocationPolicy, TrustStore
from transport.canonical import canonical_json, sha256_hex, sorted_compact
from transport.commands import SIGNED_KINDS

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


_SORTED = tuple(sorted(COLUMNS))  # the journal's columns in canonical order
_SEGMENT_ROWS = (select(*(journal_table.c[name] for name in _SORTED))
                 .where(journal_table.c.seq.between(bindparam("first"), bindparam("last")))
                 .order_by(journal_table.c.seq))


def segment_lines(conn: Connection, first_seq: int, last_seq: int) -> bytes:
    """The archive's lines of entries first_seq..last_seq, each its columns as canonical JSON,
    straight from the rows (issue 10: a JournalEntry, a float walk and a json.dumps per entry
    were most of a million-entry export). A float, which no column holds, is refused by
    canonical_json as before."""
    lines = []
    for row in conn.execute(_SEGMENT_ROWS, {"first": first_seq, "last": last_seq}):
        columns = dict(zip(_SORTED, row, strict=True))
        if any(value.__class__ is float for value in row):
            canonical_json(columns)  # raises
        # Each line encoded alone: one segment-long text costs more in memory than in time.
        lines.append((sorted_compact(columns) + "\n").encode("utf-8"))
    return b"".join(lines)


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


# The .jsonl of one sealed segment: (first_seq, last_seq, path) in, (written?, sha256) out.
_SegmentJob = tuple[int, int, Path]
_WORKER_ENGINE: list[Engine] = []


def _jsonl_written(conn: Connection, job: _SegmentJob) -> tuple[bool, str]:
    first_seq, last_seq, path = job
    return _written_hashed(path, segment_lines(conn, first_seq, last_seq))


def _start_export_worker(url: str) -> None:
    from gateway.db import make_engine

    _WORKER_ENGINE[:] = [make_engine(url)]


def _export_segment(job: _SegmentJob) -> tuple[bool, str]:
    """One segment's lines rendered, written and hashed in a worker process (export())."""
    with _WORKER_ENGINE[0].connect() as conn:
        return _jsonl_written(conn, job)


def _written_hashed(path: Path, lines: bytes) -> tuple[bool, str]:
    return write_atomic(path, lines), sha256_hex(lines)


def _in_order(engine: Engine, jobs: list[_SegmentJob]) -> Generator[tuple[bool, str], None, None]:
    """_jsonl_written of each job in this process; a thread writes, fsyncs and hashes a
    segment (which lets go of the GIL) while this one renders the next (issue 10)."""
    with engine.connect() as conn, ThreadPoolExecutor(1, "archive-writer") as writer:
        pending: deque[Future[tuple[bool, str]]] = deque()
        for first_seq, last_seq, path in jobs:
            lines = segment_lines(conn, first_seq, last_seq)
            pending.append(writer.submit(_written_hashed, path, lines))
            del lines  # two segments in memory at most: the one written, the next
            if len(pending) > 1:
                yield pending.popleft().result()  # raises what the write raised
        while pending:
            yield pending.popleft().result()


def _worker_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _in_parallel(engine: Engine, jobs: list[_SegmentJob],
                 workers: int) -> Generator[tuple[bool, str], None, None]:
    """_jsonl_written of each job, several segments at once in `workers` processes, each
    reading the database itself (issue 10); the same files and answers as _in_order."""
    url = _worker_url(engine)
    context = multiprocessing.get_context("spawn")  # no fork of a process with threads
    done = 0
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_export_worker,
                               initargs=(url,))
    try:
        for outcome in pool.map(_export_segment, jobs):
            yield outcome
            done += 1
        return
    except BrokenProcessPool:
        pass  # workers that cannot start (a frozen build without freeze_support) or died
    finally:
        pool.shutdown(cancel_futures=True)  # on a failure, no segment after it is started
    yield from _in_order(engine, jobs[done:])  # the rest, written here


PARALLEL_EXPORT_FROM_ENTRIES = 50_000  # below this, starting processes costs more than it saves


def _export_workers(asked: int | None, engine: Engine, entries: int, segments: int) -> int:
    """How many processes write segments: as asked (None: one per CPU for a large journal),
    and one unless other processes can open the same database (a SQLite file or a server)."""
    from gateway.db import sqlite_path

    if engine.dialect.name == "sqlite" and sqlite_path(engine.url.render_as_string()) is None:
        return 1
    if asked is None:
        asked = (os.cpu_count() or 1) if entries >= PARALLEL_EXPORT_FROM_ENTRIES else 1
    return max(1, min(asked, segments))


def export(engine: Engine, directory: Path, trust: TrustStore,
           signer: Signer | None = None, workers: int | None = 1) -> ExportResult:
    """Seal the open segment (needs the operator `signer` unless it is empty) and write every
    sealed segment, the operator certificates, `trust` and the index into `directory`;
    `workers` processes write segments (None: one per CPU for a large journal)."""
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
    jobs = [(item.checkpoint.first_seq, item.checkpoint.last_seq,
             directory / f"{segment_name(item.checkpoint.segment)}.jsonl") for item in stored]
    processes = _export_workers(workers, engine, sealed_to, len(jobs))
    jsonl = _in_order(engine, jobs) if processes == 1 else _in_parallel(engine, jobs, processes)
    with closing(jsonl):  # a failure here ends the writer or the processes before it returns
        for item, (changed, digest) in zip(stored, jsonl, strict=True):
            cp, name = item.checkpoint, segment_name(item.checkpoint.segment)
            if changed:
                written.append(f"{name}.jsonl")
            put(f"{name}.checkpoint.json", item.body)
            put(f"{name}.checkpoint.p7s", item.signature)
            index_segments.append({
                "segment": cp.segment, "first_seq": cp.first_seq, "last_seq": cp.last_seq,
                "count": cp.count, "checkpoint_sha256": cp.hash, "entries_sha256": digest,
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


# Trust ----------------------------------------------------------------------------------------

BUNDLED_WARNING = (
    "WEAK TRUST (--trust-bundled): the checkpoint signers are taken from the archive's own "
    "operator.pem, so the archive vouches for itself: whoever could write it (an analyst, a "
    "forger with a CA of their own) could have re-signed it. Name the operator's certificate "
    "(--operator-cert FILE or --operator-sha256 HEX) for a verdict that means something.")
BUNDLED_ANCHORS_NOTE = (
    "CA anchors and CRLs come from the archive's trust/ directory: the named signer pins carry "
    "the trust, revocation is as the archive's CRLs say; give --trust DIR to use your own")
NO_SIGNERS = (
    "name the certificate(s) that may sign checkpoints: --operator-cert FILE or "
    "--operator-sha256 HEX (the operator's signing certificate, obtained from the operator, "
    "not from the archive); --trust-bundled trusts whatever the archive says about itself")
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class SignerPin:
    """A certificate the auditor names as a checkpoint signer: SHA-256 of its DER."""

    sha256: str
    source: str  # "--operator-cert FILE", "--operator-sha256" or "archive operator.pem"
    subject: str | None = None  # unknown when only the fingerprint was given


@dataclass(frozen=True)
class TrustPolicy:
    """Whom verify() trusts: CA anchors (and CRLs) to validate chains with, and the only
    certificates whose checkpoint signatures count. `store` None means the archive's trust/
    directory; no `pins` is refused unless `bundled` (then operator.pem supplies them)."""

    pins: tuple[SignerPin, ...] = ()
    store: TrustStore | None = None
    store_source: str = ""
    bundled: bool = False


def _read_certificates(data: bytes) -> list[x509.Certificate]:
    if data.lstrip().startswith(b"-----BEGIN"):
        return x509.load_pem_x509_certificates(data)
    return [x509.load_der_x509_certificate(data)]


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _subject(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string()


def pins_from_certificate_file(path: Path) -> list[SignerPin]:
    """The end-entity certificates in a PEM (one or more) or DER file as signer pins; CA
    certificates beside them (a chain, as in the sandbox's operator.pem) are not pinned."""
    try:
        certs = _read_certificates(Path(path).read_bytes())
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"cannot read the operator certificate {path}: {exc}") from exc
    pins = [SignerPin(fingerprint(c), f"--operator-cert {path}", _subject(c))
            for c in certs if not _is_ca(c)]
    if not pins:
        raise ArchiveError(f"{path} holds no end-entity certificate to name as a signer")
    return pins


def pin_from_fingerprint(text: str) -> SignerPin:
    """A pin from a hex SHA-256 of the certificate's DER (colons and spaces allowed)."""
    digest = re.sub(r"[\s:]", "", text).lower()
    if not _HEX64.fullmatch(digest):
        raise ArchiveError(f"--operator-sha256 {text!r} is not a SHA-256 in hex (64 digits)")
    return SignerPin(digest, "--operator-sha256")


# Verify ---------------------------------------------------------------------------------------

@dataclass
class Report:
    """The verdict: ok, how many entries checked out from seq 1, and the first bad seq; and
    what it rests on: the anchors, the signer pins, the signers found, operator.pem."""

    ok: bool
    entries: int
    first_bad_seq: int | None
    reason: str
    segments: int = 0
    last_seq: int = 0
    last_hash: str = GENESIS_HASH
    last_checkpoint_sha256: str = GENESIS_HASH
    anchor_source: str = ""  # the --trust directory, or "archive trust/"
    anchors: list[dict[str, str]] = field(default_factory=list)  # sha256, subject
    pins: list[dict[str, str | None]] = field(default_factory=list)  # sha256, subject, source
    signers: list[dict[str, str]] = field(default_factory=list)  # who signed checkpoints
    operator_pem: list[dict[str, Any]] = field(default_factory=list)  # sha256, subject, named
    trust_bundled: bool = False
    warnings: list[str] = field(default_factory=list)  # the verdict is weaker than it looks
    notes: list[str] = field(default_factory=list)
    # Entries whose stored signature was re-verified, by kind (transport.commands.SIGNED_KINDS).
    signed_entries: dict[str, int] = field(default_factory=dict)

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


def _read_operator_pem(directory: Path) -> list[x509.Certificate] | str:
    """The certificates in the archive's operator.pem, or why they cannot be read."""
    try:
        data = (directory / "operator.pem").read_bytes()
    except OSError as exc:
        return f"operator.pem cannot be read ({exc.strerror})"
    try:
        return _read_certificates(data) if data.strip() else []
    except ValueError as exc:
        return f"operator.pem is not a certificate file ({exc})"


def _parse_line(line: bytes, seq: int) -> tuple[JournalEntry, bytes | None]:
    """The entry a line holds, and when it could tell on the way the canonical JSON of its
    hashed fields (what its hash covers); _Bad unless the line is that entry as exported."""
    try:
        # What json.loads(line) does with a line that starts so (detect_encoding says UTF-8),
        # without its detour for bytes: a tenth of its time (issue 10).
        data = json.loads(line.decode("utf-8", "surrogatepass") if line[:2] == b'{"' else line)
    except ValueError as exc:
        raise _Bad(seq, f"entry {seq}: the line is not JSON") from exc
    if not isinstance(data, dict) or set(data) != set(COLUMNS):
        raise _Bad(seq, f"entry {seq}: the line does not hold the journal's columns")
    if _plain(data):
        # Issue 10: the hashed fields encoded once, the line checked against them with the
        # two hashes put in their (sorted) places, instead of two canonical_json passes.
        fields = data.copy()
        del fields["hash"], fields["prev_hash"]
        try:
            hashed = _canonical(fields)
            # A quote inside a string is escaped in this JSON, so these are the members' own;
            # from the end, past the long detail, they are a few dozen bytes away.
            kind, request = hashed.rfind(b',"kind":'), hashed.rfind(b',"request_sha256":')
            expected = b"".join((hashed[:kind], b',"hash":', _quoted(data["hash"]),
                                 hashed[kind:request], b',"prev_hash":',
                                 _quoted(data["prev_hash"]), hashed[request:]))
        except UnicodeEncodeError as exc:  # a lone surrogate, which json.loads lets through
            raise _Bad(seq, f"entry {seq}: the line is not canonical JSON") from exc
        if kind < 0 or request < kind or expected != line:
            raise _Bad(seq, f"entry {seq}: the line is not canonical JSON")
        return JournalEntry(**data), hashed
    return _parse_odd_line(data, line, seq), None


def _chained_hash(prev_hash: str, hashed: bytes) -> str:
    """journal.entry_hash from the hashed fields' canonical JSON, without joining the two."""
    digest = hashlib.sha256(prev_hash.encode("ascii"))
    digest.update(hashed)
    return digest.hexdigest()


def _canonical(value: Any) -> bytes:
    """canonical_json of a value known to hold no float (its check walks every value)."""
    return sorted_compact(value).encode("utf-8")


def _quoted(text: Any) -> bytes:
    """A hash's canonical JSON: a 64-digit hex text is itself in quotes."""
    if type(text) is str and _HEX64.fullmatch(text):
        return b'"' + text.encode("ascii") + b'"'
    return _canonical(text)


_TEXTS = operator.itemgetter(*(c for c in COLUMNS if c not in ("seq", "resource")))
_TEXT_TYPES = frozenset((str, type(None)))


def _plain(data: dict[str, Any]) -> bool:
    """Whether every column holds what the journal stores: texts, integer seq and resource."""
    resource = data["resource"]
    return (type(data["seq"]) is int and (resource is None or type(resource) is int)
            and _TEXT_TYPES.issuperset(map(type, _TEXTS(data))))


def _parse_odd_line(data: dict[str, Any], line: bytes, seq: int) -> JournalEntry:
    try:
        canonical = canonical_json(data)
    except ValueError as exc:  # a float: no journal column holds one
        raise _Bad(seq, f"entry {seq}: the line is not canonical JSON ({exc})") from exc
    if canonical != line:  # every byte counts, even ones no hash covers
        raise _Bad(seq, f"entry {seq}: the line is not canonical JSON")
    if type(data["seq"]) is not int or not (data["resource"] is None
                                            or type(data["resource"]) is int):
        raise _Bad(seq, f"entry {seq}: seq or resource is not an integer")
    if any(not (v is None or isinstance(v, str)) for k, v in data.items()
           if k not in ("seq", "resource")):
        raise _Bad(seq, f"entry {seq}: a text column holds something else")
    return JournalEntry(**data)


class _Signatures:
    """Checks a checkpoint's CMS: valid and chained to the anchors, by a pinned certificate."""

    def __init__(self, trust: TrustStore, pins: Sequence[SignerPin], report: Report) -> None:
        self.trust, self.report = trust, report
        self.pinned = {p.sha256 for p in pins}

    def check(self, body: bytes, signature: bytes, at: datetime, what: str,
              seq: int | None) -> dict[str, str]:
        """The signer (sha256, subject) of a good checkpoint signature; _Bad otherwise."""
        try:
            signed = verify_detached(signature, body, self.trust, at=at, purpose="signing")
        except (SigningError, ValueError) as exc:
            raise _Bad(seq, f"{what}: bad signature: {exc}") from exc
        cert = signed.certificate
        digest, subject = fingerprint(cert), _subject(cert)
        if digest not in self.pinned:
            raise _Bad(seq, f"{what} is signed by {subject} (sha256 {digest}), which is not a "
                            f"certificate the auditor named as a checkpoint signer")
        return {"sha256": digest, "subject": subject}

    def record(self, signer: dict[str, str]) -> None:
        if not any(s["sha256"] == signer["sha256"] for s in self.report.signers):
            self.report.signers.append(signer)


class _EntrySignatures:
    """Re-verifies what an entry's actor signed, from the entry alone (see the module's text)."""

    def __init__(self, trust: TrustStore, report: Report,
                 verifier: FastVerifier | None = None) -> None:
        self.trust, self.report = trust, report
        # Issue 10: the desk's own CMS re-verified without re-parsing its certificates each time.
        self.verifier = verifier if verifier is not None else FastVerifier(trust)

    def check(self, entry: JournalEntry) -> None:
        try:
            detail = json.loads(entry.detail)
        except ValueError as exc:
            raise _Bad(entry.seq, f"entry {entry.seq}: the detail is not JSON") from exc
        if not isinstance(detail, dict):
            return
        command = SIGNED_KINDS.get(entry.kind)
        if command is not None and command.signature == "pades":
            if "pdf" in detail:
                self._pades(entry, detail)
            return
        request, signature = detail.get("request"), detail.get("signature")
        if request is None or signature is None:
            return  # not a signed command's entry (or one journaled before they all were)
        what = f"entry {entry.seq} ({entry.kind})"
        if not isinstance(request, str) or not isinstance(signature, str):
            raise _Bad(entry.seq, f"{what}: the stored request or signature is not a text")
        try:
            cms = self.verifier.decode_base64(signature)  # b64decode(validate=True)
        except (binascii.Error, ValueError) as exc:
            raise _Bad(entry.seq, f"{what}: the stored signature is not base64") from exc
        purpose = command.purpose if command is not None else None
        at = datetime.fromisoformat(entry.at_utc)
        data = request.encode("utf-8")
        try:
            try:
                signed = self.verifier.verify(cms, data, at=at, purpose=purpose)
            except SigningError as exc:
                # The gateway let this one through with its revocation status unknown under
                # its soft_fail policy, and journaled that; the archive says so again.
                if exc.code != "revocation_unknown" or not detail.get("revocation_soft_fail"):
                    raise
                signed = self.verifier.verify(cms, data, at=at, purpose=purpose,
                                              revocation=SOFT_FAIL)
                self.report.warnings.append(
                    f"{what}: the signer's revocation status is unknown as of its time; the "
                    f"gateway accepted it under its soft_fail policy ({exc})")
        except (SigningError, ValueError, TypeError) as exc:
            raise _Bad(entry.seq, f"{what}: the signature over its request does not verify: "
                                  f"{exc}") from exc
        self._signer_is_actor(entry, signed.profile.iin, what)

    def _pades(self, entry: JournalEntry, detail: dict[str, Any]) -> None:
        what = f"entry {entry.seq} ({entry.kind})"
        try:
            pdf = base64.b64decode(str(detail["pdf"]), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise _Bad(entry.seq, f"{what}: the stored PDF is not base64") from exc
        if hashlib.sha256(pdf).hexdigest() != detail.get("pdf_sha256"):
            raise _Bad(entry.seq, f"{what}: the stored PDF does not match its pdf_sha256")
        verdict = verify_pdf(pdf, self.trust, at=datetime.fromisoformat(entry.at_utc))
        last = verdict.signatures[-1] if verdict.signatures else None
        if verdict.status != "valid" or last is None or last.profile is None or (
                not last.whole_document):
            raise _Bad(entry.seq, f"{what}: the PDF's signature does not verify: "
                                  f"{verdict.status}: {verdict.reason}")
        # Imported here: it brings the web stack, which every `journal verify` and export
        # worker process would otherwise load at start-up for the few PAdES entries.
        from gateway.applications import embedded_form

        form = embedded_form(pdf)
        if form is None or hashlib.sha256(form).hexdigest() != detail.get("form_sha256"):
            raise _Bad(entry.seq, f"{what}: the signed PDF does not embed the form journaled")
        self._signer_is_actor(entry, last.profile.iin, what)

    def _signer_is_actor(self, entry: JournalEntry, iin: str | None, what: str) -> None:
        if entry.actor_iin is None or iin != entry.actor_iin:
            raise _Bad(entry.seq, f"{what}: signed by IIN {iin}, but the entry names "
                                  f"{entry.actor_iin} as its actor")
        counts = self.report.signed_entries
        counts[entry.kind] = counts.get(entry.kind, 0) + 1


def _entries(lines: bytes, segment: int, cp: Checkpoint, seq: int, prev_hash: str,
             entry_signatures: _EntrySignatures) -> str:
    """Check a segment's lines from `seq` on, chained to `prev_hash`, against its checkpoint;
    the last entry's hash. Counts each good entry in the signatures' report; _Bad at the first
    that is not."""
    report = entry_signatures.report
    if lines and not lines.endswith(b"\n"):
        lines += b"\n"  # a cut last line then fails as "not JSON" at its own seq
    for line in lines.split(b"\n")[:-1]:
        entry, hashed = _parse_line(line, seq)
        if entry.seq != seq:
            raise _Bad(seq, f"entry {seq} is missing or out of order (found seq {entry.seq})")
        if entry.prev_hash != prev_hash:
            raise _Bad(seq, f"entry {seq} does not chain to entry {seq - 1}")
        if entry.hash != (entry.expected_hash() if hashed is None
                          else _chained_hash(prev_hash, hashed)):
            raise _Bad(seq, f"entry {seq} does not match its hash (changed)")
        if seq > cp.last_seq:
            raise _Bad(seq, f"entry {seq} lies beyond segment {segment}'s checkpoint")
        entry_signatures.check(entry)  # what its actor signed, re-verified
        prev_hash, seq = entry.hash, seq + 1
        report.entries += 1
    if seq - 1 != cp.last_seq:
        raise _Bad(seq, f"segment {segment} ends at seq {seq - 1} but its checkpoint seals up "
                        f"to {cp.last_seq} (cut)")
    if prev_hash != cp.last_hash:
        raise _Bad(cp.last_seq, f"entry {cp.last_seq} is not the one segment {segment}'s "
                                f"checkpoint vouches for")
    return prev_hash


class _Walk:
    """Checks segments 1..N in order, carrying the hash chain and the checkpoint chain."""

    def __init__(self, directory: Path, signatures: _Signatures, report: Report,
                 entry_signatures: _EntrySignatures) -> None:
        self.directory, self.signatures, self.report = directory, signatures, report
        self.entry_signatures = entry_signatures
        self.next_seq, self.prev_hash, self.prev_cp = 1, GENESIS_HASH, GENESIS_HASH
        self.checkpoints: dict[int, Checkpoint] = {}

    def _files(self, segment: int, seq: int) -> tuple[bytes, bytes]:
        """The checkpoint's body and signature; the entries' file must be there too."""
        name = segment_name(segment)
        found = []
        for suffix in (".checkpoint.json", ".checkpoint.p7s", ".jsonl"):
            path = self.directory / f"{name}{suffix}"
            try:
                if suffix == ".jsonl":
                    path.stat()  # read later, in order or by a worker
                else:
                    found.append(path.read_bytes())
            except OSError as exc:
                raise _Bad(seq, f"segment {segment} is missing ({name}{suffix}: {exc.strerror})"
                           ) from exc
        return found[0], found[1]

    def checkpoint(self, segment: int, seq: int, prev_cp: str) -> tuple[Checkpoint, dict[str, str]]:
        """Segment `segment`'s checkpoint, checked as the one that comes after `prev_cp` with
        `seq` next, and who signed it."""
        body, signature = self._files(segment, seq)
        try:
            cp = Checkpoint.from_body(body)
        except ValueError as exc:
            raise _Bad(seq, f"checkpoint of segment {segment} is unreadable: {exc}") from exc
        signer = self.signatures.check(body, signature, cp.sealed_at(),
                                       f"checkpoint of segment {segment}", seq)
        if cp.segment != segment:
            raise _Bad(seq, f"checkpoint of segment {segment} says segment {cp.segment}")
        if cp.prev_checkpoint_hash != prev_cp:
            raise _Bad(seq, f"checkpoint of segment {segment} does not chain to the previous one")
        if cp.first_seq != seq or cp.count != cp.last_seq - cp.first_seq + 1 or cp.count < 1:
            raise _Bad(seq, f"checkpoint of segment {segment} covers {cp.first_seq}..{cp.last_seq}"
                            f" (count {cp.count}) where seq {seq} comes next")
        return cp, signer

    def _lines(self, segment: int) -> bytes:
        name = f"{segment_name(segment)}.jsonl"
        try:
            return (self.directory / name).read_bytes()
        except OSError as exc:
            raise _Bad(self.next_seq, f"segment {segment} is missing ({name}: {exc.strerror})"
                       ) from exc

    def segment(self, segment: int) -> None:
        cp, signer = self.checkpoint(segment, self.next_seq, self.prev_cp)
        self.signatures.record(signer)
        last_hash = _entries(self._lines(segment), segment, cp, self.next_seq, self.prev_hash,
                             self.entry_signatures)
        self._passed(cp, last_hash)

    def _passed(self, cp: Checkpoint, last_hash: str) -> None:
        self.prev_hash, self.next_seq, self.prev_cp = last_hash, cp.last_seq + 1, cp.hash
        self.checkpoints[cp.segment] = cp
        self.report.segments, self.report.last_seq = cp.segment, cp.last_seq
        self.report.last_hash, self.report.last_checkpoint_sha256 = cp.last_hash, cp.hash

    def in_parallel(self, numbers: range, trust: TrustStore, workers: int) -> None:
        """walk.segment() for each of `numbers`, the entries of several segments at once in
        `workers` processes, with the same verdict, counts and warnings as one by one."""
        # Checkpoints first, in order: a few per 10,000 entries. What each one seals (its first
        # seq, the hash its last entry must have) lets every segment be checked on its own.
        plans: list[tuple[Checkpoint, dict[str, str], int, str] | _Bad] = []
        seq, prev_cp, prev_hash = self.next_seq, self.prev_cp, self.prev_hash
        for segment in numbers:
            try:
                cp, signer = self.checkpoint(segment, seq, prev_cp)
            except _Bad as bad:
                plans.append(bad)
                break
            plans.append((cp, signer, seq, prev_hash))
            seq, prev_cp, prev_hash = cp.last_seq + 1, cp.hash, cp.last_hash
        jobs = [_Job(self.directory, p[0], p[2], p[3]) for p in plans if not isinstance(p, _Bad)]
        context = multiprocessing.get_context("spawn")  # no fork of a process with threads
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                 initargs=(_portable(trust),)) as pool:
            outcomes = pool.map(_check_segment, jobs)
            for plan in plans:
                if isinstance(plan, _Bad):
                    raise plan
                cp, signer, _, _ = plan
                try:
                    outcome = next(outcomes)
                except BrokenProcessPool as exc:
                    # Workers that cannot start (a frozen build without freeze_support) or
                    # died: the rest is checked here, from where the merged ones left off.
                    self.report.notes.append(f"worker processes failed ({exc}); segments "
                                             f"{cp.segment}.. were checked in one process")
                    for segment in range(cp.segment, numbers[-1] + 1):
                        self.segment(segment)
                    return
                self.signatures.record(signer)
                self.report.entries += outcome.entries
                for kind, n in outcome.signed_entries.items():
                    counts = self.report.signed_entries
                    counts[kind] = counts.get(kind, 0) + n
                self.report.warnings += outcome.warnings
                if outcome.bad is not None:
                    pool.shutdown(cancel_futures=True)
                    raise _Bad(*outcome.bad)
                self._passed(cp, cp.last_hash)


@dataclass(frozen=True)
class _Job:
    directory: Path
    checkpoint: Checkpoint
    first_seq: int
    prev_hash: str


@dataclass(frozen=True)
class _Outcome:
    entries: int
    signed_entries: dict[str, int]
    warnings: list[str]
    bad: tuple[int | None, str] | None


_Portable = tuple[list[bytes], list[bytes], list[bytes], list[bytes], RevocationPolicy]
_WORKER_TRUST: list[TrustStore] = []
_WORKER_VERIFIER: list[FastVerifier] = []  # one per worker: its signers learnt once


def _portable(trust: TrustStore) -> _Portable:
    return ([a.public_bytes(Encoding.DER) for a in trust.anchors],
            [c.public_bytes(Encoding.DER) for c in trust.intermediates],
            [c.public_bytes(Encoding.DER) for c in trust.crls], list(trust.ocsp_responses),
            trust.policy)


def _start_worker(portable: _Portable) -> None:
    anchors, intermediates, crls, ocsp, policy = portable
    _WORKER_TRUST[:] = [SpanCachedTrust(TrustStore(
        [x509.load_der_x509_certificate(d) for d in anchors],
        [x509.load_der_x509_certificate(d) for d in intermediates],
        [x509.load_der_x509_crl(d) for d in crls], policy=policy, ocsp_responses=ocsp))]
    _WORKER_VERIFIER[:] = [FastVerifier(_WORKER_TRUST[0])]


def _check_segment(job: _Job) -> _Outcome:
    """One segment's entries, in a worker process (see _Walk.in_parallel)."""
    report = Report(ok=False, entries=0, first_bad_seq=None, reason="")
    cp = job.checkpoint
    bad: tuple[int | None, str] | None = None
    try:
        name = f"{segment_name(cp.segment)}.jsonl"
        try:
            lines = (job.directory / name).read_bytes()
        except OSError as exc:
            raise _Bad(job.first_seq, f"segment {cp.segment} is missing ({name}: "
                                      f"{exc.strerror})") from exc
        _entries(lines, cp.segment, cp, job.first_seq, job.prev_hash,
                 _EntrySignatures(_WORKER_TRUST[0], report, _WORKER_VERIFIER[0]))
    except _Bad as failed:
        bad = (failed.seq, failed.reason)
    return _Outcome(report.entries, report.signed_entries, report.warnings, bad)


def _resolve(directory: Path, policy: TrustPolicy,
             operator_pem: list[x509.Certificate] | str,
             report: Report) -> tuple[TrustStore, list[SignerPin]]:
    """The anchors and the signer pins verify() uses, recorded in the report; ArchiveError
    when the auditor named no signer and did not accept the archive's word (--trust-bundled)."""
    pins = list(policy.pins)
    if not pins:
        if not policy.bundled:
            raise ArchiveError(NO_SIGNERS)
        if isinstance(operator_pem, str):
            raise ArchiveError(f"--trust-bundled: {operator_pem}")
        pins = [SignerPin(fingerprint(c), "archive operator.pem", _subject(c))
                for c in operator_pem if not _is_ca(c)]
        if not pins:
            raise ArchiveError("--trust-bundled: the archive's operator.pem names no signer")
        report.trust_bundled = True
        report.warnings.append(BUNDLED_WARNING)
    store = policy.store
    if store is None:
        store = load_trust(directory / TRUST_DIR)
        report.anchor_source = f"archive {TRUST_DIR}/"
        if not report.trust_bundled:
            report.notes.append(BUNDLED_ANCHORS_NOTE)
    else:
        report.anchor_source = policy.store_source or "auditor"
    report.anchors = [{"sha256": fingerprint(a), "subject": _subject(a)} for a in store.anchors]
    report.pins = [asdict(p) for p in pins]
    return store, pins


PARALLEL_FROM_ENTRIES = 20_000  # below this, starting worker processes costs more than it saves


def _workers(asked: int | None, segments: range, index: dict[str, Any]) -> int:
    """How many processes check entries: as asked, else one per CPU for a large archive."""
    if asked is not None:
        return max(1, min(asked, len(segments)))
    entries = index.get("entries")
    if not isinstance(entries, int) or entries < PARALLEL_FROM_ENTRIES:
        return 1
    return max(1, min(os.cpu_count() or 1, len(segments)))


def verify(directory: Path, policy: TrustPolicy, held: tuple[bytes, bytes] | None = None,
           workers: int | None = None) -> Report:
    """Verify an archive offline under `policy` (anchors and signer pins); `held` is a
    checkpoint (body, CMS) the auditor saved earlier; `workers` processes check entries (None:
    one per CPU for a large archive; the verdict is the same). ArchiveError if unreadable, or
    if the policy names no signer without `bundled`."""
    directory = Path(directory)
    index = _read_index(directory)
    report = Report(ok=False, entries=0, first_bad_seq=None, reason="")
    operator_pem = _read_operator_pem(directory)
    store, pins = _resolve(directory, policy, operator_pem, report)
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
    # Thousands of entries signed by a few dozen certificates: each chain is checked once per
    # span of time in which its answer cannot change (issue 10).
    store = SpanCachedTrust(store)
    signatures = _Signatures(store, pins, report)
    walk = _Walk(directory, signatures, report, _EntrySignatures(store, report))
    try:
        if held is not None and held_cp is not None:
            signatures.record(signatures.check(held[0], held[1], held_cp.sealed_at(),
                                               "the held checkpoint", None))
        segments = range(1, max(numbers, default=0) + 1)
        workers = _workers(workers, segments, index)
        if workers > 1 and store.ocsp_fetch is None:
            walk.in_parallel(segments, store, workers)
        else:
            for segment in segments:
                walk.segment(segment)
        _check_index(index, walk)
        if held_cp is not None:
            _check_held(held_cp, walk)
        _check_operator_pem(operator_pem, pins, report)
    except _Bad as bad:
        report.first_bad_seq, report.reason = bad.seq, bad.reason
        return report
    report.ok = True
    report.reason = (f"{report.entries} entries in {report.segments} sealed segments check out"
                     f" ({sum(report.signed_entries.values())} signed by their actors, "
                     f"re-verified)"
                     + (f"; they include the held checkpoint of segment {held_cp.segment}"
                        if held_cp is not None else ""))
    return report


def _check_operator_pem(operator_pem: list[x509.Certificate] | str, pins: Sequence[SignerPin],
                        report: Report) -> None:
    # operator.pem is unsigned, like the index: it names who the archive says signed it, and
    # that must be someone the auditor named.
    if isinstance(operator_pem, str):
        raise _Bad(None, operator_pem)
    pinned = {p.sha256 for p in pins}
    report.operator_pem = [{"sha256": fingerprint(c), "subject": _subject(c),
                            "named": fingerprint(c) in pinned} for c in operator_pem]
    foreign = [c for c in report.operator_pem if not c["named"]]
    if foreign:
        raise _Bad(None, "operator.pem holds a certificate the auditor did not name as a signer: "
                   + "; ".join(f"{c['subject']} (sha256 {c['sha256']})" for c in foreign))
    if report.segments and not operator_pem:
        raise _Bad(None, "operator.pem names no signer although segments are sealed")


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
