"""The operator's "seal and export the journal" on the desk (issue 13; R-LOG-1, R-CTL-3, R-OPS-1).

The command is signed with the operator's token and sent; the gateway journals it, seals the
open segment and streams the archive as a tar. The desk unpacks it as it comes into a hidden
directory beside the chosen folder — only the archive's own file names (no paths that climb,
no absolute names, no links, no duplicates), regular files only — finds in it the export's own
entry (its request hash is this command's: the archive answers this request), renames it to
its final name, and has `sio-gateway journal verify` check it against the operator key this
desk pins. A refusal, a bad archive, a full disk or a cancel leaves nothing behind.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from app.errors import DeskError
from transport.canonical import sha256_hex
from transport.clock import iso, now_astana

if TYPE_CHECKING:
    from app.control import ArchiveVerdict
    from app.desk import Desk

# The archive's own names (gateway.archive): nothing else is written.
ARCHIVE_NAME = re.compile(r"index\.json|operator\.pem|trust/[A-Za-z0-9][A-Za-z0-9._-]{0,99}"
                          r"|segment-\d{6}\.(?:jsonl|checkpoint\.json|checkpoint\.p7s)")
INDEX = "index.json"
COPY_CHUNK = 1 << 20
# The gateway seals and writes the whole archive before its first byte leaves (so a failure is
# still a refusal): for a journal of GBs that takes minutes. Each chunk after it keeps the
# channel's ordinary timeout.
FIRST_BYTE_S = 3600.0
Progress = Callable[[int, "int | None"], None]  # bytes received, the length announced


@dataclass(frozen=True)
class Exported:
    """An archive taken from the gateway and kept: where, how big, and its verification."""

    directory: Path
    received: int  # bytes of the tar
    segments: int
    export_seq: int  # the export's own journal entry, in the archive
    verdict: ArchiveVerdict | None  # None: it could not be verified here (`unverified` says)
    unverified: DeskError | None = None


def folder_name(now: Any = None) -> str:
    """The archive's folder: sio-journal-YYYY-MM-DD-HHMMSS, Astana time (R-Q-5)."""
    moment = now or now_astana()
    return f"sio-journal-{moment:%Y-%m-%d-%H%M%S}"


class _ChunkReader(io.RawIOBase):
    """The answer's chunks as a file tarfile can read in stream mode; counts what came and
    stops at a cancel."""

    def __init__(self, chunks: Iterator[bytes], progress: Callable[[int], None],
                 cancelled: Callable[[], bool]) -> None:
        self._chunks, self._progress, self._cancelled = chunks, progress, cancelled
        self._left = b""
        self.received = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._cancelled():
            raise DeskError("export_cancelled")
        while not self._left:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._left = chunk
            self.received += len(chunk)
            self._progress(self.received)
        n = min(len(buffer), len(self._left))
        buffer[:n] = self._left[:n]
        self._left = self._left[n:]
        return n


def _checked_name(member: tarfile.TarInfo, seen: set[str]) -> str:
    name = member.name
    if not member.isreg():
        raise DeskError("archive_invalid", detail=f"{name!r} is not a regular file")
    if not ARCHIVE_NAME.fullmatch(name):
        raise DeskError("archive_invalid", detail=f"{name!r} is not a journal archive file")
    if name in seen:
        raise DeskError("archive_invalid", detail=f"{name!r} comes twice")
    seen.add(name)
    return name


def _copy(source: IO[bytes], destination: Path, size: int) -> None:
    with destination.open("xb") as out:  # x: never over a file already there
        left = size
        while left > 0:
            chunk = source.read(min(COPY_CHUNK, left))
            if not chunk:
                raise DeskError("archive_invalid", detail=f"{destination.name} is cut short")
            out.write(chunk)
            left -= len(chunk)


def unpack(stream: IO[bytes], into: Path) -> list[str]:
    """Unpack the tar `stream` into the empty directory `into`, file by file as it comes;
    DeskError archive_invalid for anything but the archive's own regular files."""
    seen: set[str] = set()
    try:
        with tarfile.open(fileobj=stream, mode="r|") as tar:
            for member in tar:
                name = _checked_name(member, seen)
                source = tar.extractfile(member)
                if source is None:  # pragma: no cover - a regular member always has data
                    raise DeskError("archive_invalid", detail=f"{name!r} has no data")
                destination = into / name
                destination.parent.mkdir(exist_ok=True)
                _copy(source, destination, member.size)
    except tarfile.TarError as exc:
        raise DeskError("archive_invalid", detail=str(exc)) from exc
    except EOFError as exc:
        raise DeskError("archive_invalid", detail="the archive is cut short") from exc
    if INDEX not in seen:
        raise DeskError("archive_invalid", detail="the archive has no index.json")
    return sorted(seen)


def export_entry(directory: Path, request_sha256: str, actor_iin: str) -> int:
    """The seq of the archive's "export" entry of this request by `actor_iin`, looked for from
    the newest segment back; DeskError response_unbound if the archive has none."""
    for path in sorted(directory.glob("segment-*.jsonl"), reverse=True):
        with path.open("rb") as lines:
            for line in lines:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue  # the verifier names a line that does not read
                if (isinstance(entry, dict) and entry.get("kind") == "export"
                        and entry.get("request_sha256") == request_sha256
                        and entry.get("actor_iin") == actor_iin
                        and isinstance(entry.get("seq"), int)):
                    return int(entry["seq"])
    raise DeskError("response_unbound")


def _staging(parent: Path, name: str) -> tuple[Path, Path]:
    try:
        if not parent.is_dir():
            raise DeskError("export_target_unwritable", detail=f"{parent} is not a folder")
        target = parent / name
        if target.exists():
            raise DeskError("export_target_exists", path=str(target))
        return target, Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".part", dir=parent))
    except OSError as exc:
        raise DeskError("export_target_unwritable", detail=str(exc)) from exc


def export_journal(desk: Desk, parent: Path, progress: Progress,
                   cancelled: Callable[[], bool] = lambda: False) -> Exported:
    """Seal the journal, take its archive into a new folder in `parent` and verify it (see
    the module's text); `progress(bytes so far, announced length)` as it comes."""
    from app.control import verify_archive
    from transport.commands import JOURNAL_EXPORT
    from transport.protocol import JournalExportRequest, QueryRequest

    user = desk.user
    if user is None:
        raise DeskError("not_logged_in")
    payload = JournalExportRequest(nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                                   operator_iin=user.iin).canonical()
    target, staging = _staging(parent, folder_name())

    def consume(chunks: Iterator[bytes], announced: int | None) -> int:
        reader = _ChunkReader(chunks, lambda n: progress(n, announced), cancelled)
        with io.BufferedReader(reader, COPY_CHUNK) as stream:
            unpack(stream, staging)
        return reader.received

    try:
        received = desk.send_signed(
            lambda signed, session: desk.client.stream_signed(
                JOURNAL_EXPORT.path, signed, session, consume, first_byte_s=FIRST_BYTE_S),
            payload)
        seq = export_entry(staging, sha256_hex(payload), user.iin)
        os.rename(staging, target)  # whole, or not at all
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise DeskError("export_target_unwritable", detail=str(exc)) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    segments = len(list(target.glob("segment-*.jsonl")))
    try:
        verdict = verify_archive(target, None, operator_sha256=desk.config.operator_sha256)
    except DeskError as exc:  # kept all the same: it can be verified elsewhere
        return Exported(target, received, segments, seq, None, exc)
    return Exported(target, received, segments, seq, verdict)



def pinned_certificates(directory: Path, pins: frozenset[str]) -> bytes:
    """PEM of the archive's operator certificates whose SHA-256 this desk pins ("" if none):
    what the archive viewer is given to check the checkpoints against."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    from signing.profile import fingerprint

    try:
        found = x509.load_pem_x509_certificates((directory / "operator.pem").read_bytes())
    except (OSError, ValueError):
        return b""
    return b"".join(c.public_bytes(Encoding.PEM) for c in found if fingerprint(c) in pins)
