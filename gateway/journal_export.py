"""The operator's signed "seal and export the journal" (issue 13; R-LOG-1, R-CTL-3, R-OPS-1).

POST /v1/operator/journal/export takes a Signed JournalExportRequest (transport.commands
JOURNAL_EXPORT) through the one pipeline: operator only, single use, journaled as "export" with
what was signed — before the seal, so the archive it answers names who took it. Then the open
segment is sealed with the operator's key (reason "export"), gateway.archive.export writes the
archive into a private temporary directory, and the answer streams it as a tar (ustar, sizes
known up front, so Content-Length is exact); the directory is removed once it is sent or the
client goes away. A seal or an archive that cannot be made (no operator key, disk full) is
refused export_unavailable, journaled like every refusal.
"""

from __future__ import annotations

import logging
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response, StreamingResponse

from gateway import archive, pipeline
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.http_body import parse_json, read_body
from gateway.openapi import signed_body
from gateway.pipeline import Call, Handler
from gateway.problems import Refusal, problem
from gateway.session_read import request_context
from signing.errors import SigningError
from transport.canonical import sha256_hex
from transport.commands import JOURNAL_EXPORT
from transport.errors import ErrorCode
from transport.protocol import API_PREFIX, JournalExportRequest

log = logging.getLogger("sio.gateway.export")

TAR_MEDIA_TYPE = "application/x-tar"
SEQ_HEADER = "X-SIO-Export-Seq"  # the seq of the request's own "export" entry in the archive
BLOCK = tarfile.BLOCKSIZE
CHUNK = 1 << 20  # what one read of an archive file holds in memory
Refuse = Callable[[Refusal, RequestContext], Response]


class Recorded(BaseModel):
    """The export request's journal entry, committed (the pipeline's answer, never sent)."""

    seq: int


def _apply(conn: Connection, call: Call[JournalExportRequest]) -> Recorded:
    entry = call.record(conn, detail={})
    return Recorded(seq=entry.seq)


EXPORT: Handler[JournalExportRequest] = Handler(apply=_apply)


@dataclass(frozen=True)
class Member:
    """One file of the archive as the tar names it."""

    path: Path
    name: str  # relative, "/"-separated
    size: int


def members(directory: Path) -> list[Member]:
    """The archive's regular files, in a stable order (index.json, as written last, last)."""
    found = [Member(p, p.relative_to(directory).as_posix(), p.stat().st_size)
             for p in sorted(directory.rglob("*")) if p.is_file() and not p.is_symlink()]
    return sorted(found, key=lambda m: (m.name == archive.INDEX, m.name))


def _padding(size: int) -> int:
    return -size % BLOCK


def tar_size(files: list[Member]) -> int:
    """The exact length of tar_chunks(files): a header and padded data per file, two zero
    blocks at the end."""
    return sum(BLOCK + m.size + _padding(m.size) for m in files) + 2 * BLOCK


def _header(member: Member) -> bytes:
    info = tarfile.TarInfo(member.name)
    info.size, info.mode, info.type = member.size, 0o644, tarfile.REGTYPE
    info.mtime = int(member.path.stat().st_mtime)
    return info.tobuf(format=tarfile.USTAR_FORMAT)


def tar_chunks(files: list[Member]) -> Iterator[bytes]:
    """The files as a ustar stream, read CHUNK bytes at a time: the journal can be GBs."""
    for member in files:
        yield _header(member)
        left = member.size
        with member.path.open("rb") as source:
            while left > 0:
                chunk = source.read(min(CHUNK, left))
                if not chunk:
                    raise OSError(f"{member.name} shrank while it was sent")
                left -= len(chunk)
                yield chunk
        yield b"\0" * _padding(member.size)
    yield b"\0" * (2 * BLOCK)


def _sent_then_removed(files: list[Member], directory: Path) -> Iterator[bytes]:
    try:
        yield from tar_chunks(files)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def build(engine: Engine, config: GatewayConfig) -> tuple[Path, list[Member]]:
    """Seal the open segment with the operator's key and write the archive into a new private
    temporary directory; Refusal export_unavailable if either cannot be done (fail closed)."""
    directory = Path(tempfile.mkdtemp(prefix="sio-journal-export-"))
    try:
        archive.export(engine, directory, config.trust(), config.operator_signer)
        return directory, members(directory)
    except (OSError, archive.ArchiveError, SigningError, ValueError) as exc:
        shutil.rmtree(directory, ignore_errors=True)
        log.error("the journal export failed: %s", exc)
        raise Refusal(ErrorCode.EXPORT_UNAVAILABLE, type(exc).__name__) from exc
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig, refuse: Refuse) -> None:
    """POST /v1/operator/journal/export (signed, operator only): the archive as a tar."""

    async def export(request: Request) -> Response:
        ctx = request_context(request, JOURNAL_EXPORT.name)
        work = pipeline.work(engine, config, JOURNAL_EXPORT, EXPORT,
                             request.headers.get("authorization"), ctx)

        def seal_and_write(data: Any) -> tuple[int, Path, list[Member]]:
            recorded = work(data)
            if not isinstance(recorded, Recorded):
                raise RuntimeError("the export handler answered something else")
            return (recorded.seq, *build(engine, config))

        try:
            body = await read_body(request, config.max_body, config.body_timeout_s)
            ctx.request_sha256 = sha256_hex(body)
            seq, directory, files = await run_in_threadpool(seal_and_write, parse_json(body))
        except Refusal as refusal:
            return await run_in_threadpool(refuse, refusal, ctx)
        except ValidationError as exc:
            invalid = Refusal(ErrorCode.REQUEST_INVALID, str(exc.errors()[:1])[:300])
            return await run_in_threadpool(refuse, invalid, ctx)
        except SQLAlchemyError:
            log.exception("database failure while exporting the journal")
            return problem("journal_unavailable")
        # The generator removes the directory when it ends or is closed; the task covers a
        # response that never started streaming.
        return StreamingResponse(
            _sent_then_removed(files, directory), media_type=TAR_MEDIA_TYPE,
            headers={"Content-Length": str(tar_size(files)), SEQ_HEADER: str(seq)},
            background=BackgroundTask(shutil.rmtree, directory, ignore_errors=True))

    body = signed_body()
    app.add_api_route(
        API_PREFIX + JOURNAL_EXPORT.path, export, methods=["POST"], openapi_extra=body,
        summary="Seal the journal's open segment and take the archive as a tar (operator)",
        responses={200: {"description": "The journal archive (`sio-gateway journal verify` "
                                        "checks it), as a ustar stream",
                         "content": {TAR_MEDIA_TYPE: {"schema": {"type": "string",
                                                                 "format": "binary"}}}}})
