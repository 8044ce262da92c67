"""The bench's gateway launcher: exactly `sio-gateway serve …` (gateway.cli.main, same TLS, same
uvicorn server, same middleware, one process), with two tiny routes mounted onto the app that
create_app made, as baselines that do no gateway work:

  GET  /v1/bench/hello  → {"status":"ok"}                      (hello-world)
  POST /v1/bench/echo   → reads the whole body, answers X-Bench-Reply-Bytes bytes of JSON
                          (a bare POST "of the same size" as a signed query and its answer)

They are added here, in the bench's process, never in the product: python -m bench.serve ARGS…
takes the arguments of `sio-gateway serve`.
"""

from __future__ import annotations

import sys
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

HELLO = "/v1/bench/hello"
ECHO = "/v1/bench/echo"
REPLY_HEADER = "x-bench-reply-bytes"
_MAX_REPLY = 8 * 1024 * 1024


def mount(app: Any) -> None:
    """The two baseline routes, as FastAPI routes like the gateway's own."""

    async def hello(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def echo(request: Request) -> Response:
        body = await request.body()
        want = min(int(request.headers.get(REPLY_HEADER, "0") or 0), _MAX_REPLY)
        filler = max(0, want - 32)
        return Response(b'{"received":%d,"pad":"%s"}' % (len(body), b"x" * filler),
                        media_type="application/json")

    app.add_api_route(HELLO, hello, methods=["GET"], include_in_schema=False)
    app.add_api_route(ECHO, echo, methods=["POST"], include_in_schema=False)


def main(argv: list[str]) -> int:
    from gateway import server
    from gateway.cli import main as serve_main

    made = server.EmbeddedGateway.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        mount(self.app)

    server.EmbeddedGateway.__init__ = init  # type: ignore[method-assign]
    return serve_main(["serve", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
