"""Reading request bodies with a hard size cap, and parsing them as JSON."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.requests import ClientDisconnect, Request

from gateway.problems import Refusal


async def read_body(request: Request, max_body: int, timeout: float | None = None) -> bytes:
    """The whole body, refusing more than max_body bytes (declared or actually sent), and a body
    that has not wholly arrived `timeout` seconds after the call (a total, not per read)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise Refusal("request_invalid", "Content-Length is not a number")
        if int(declared) > max_body:
            raise Refusal("body_too_large", f"the body may not exceed {max_body} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > max_body:  # chunked bodies and lying Content-Length headers
                    raise Refusal("body_too_large", f"the body may not exceed {max_body} bytes")
                chunks.append(chunk)
    except TimeoutError as exc:
        raise Refusal("request_timeout", f"the body did not arrive within {timeout:g} s "
                                         f"({size} bytes came)") from exc
    except ClientDisconnect as exc:  # gone mid-body, or cut off by the server's body deadline
        raise Refusal("request_timeout", f"the connection ended before the whole body came "
                                         f"({size} bytes)") from exc
    return b"".join(chunks)


def parse_json(body: bytes) -> Any:
    """The body as JSON; Refusal("malformed_json") for anything that is not."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise Refusal("malformed_json", "the body is not valid JSON") from exc
