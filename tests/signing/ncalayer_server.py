"""A fake NCALayer on 127.0.0.1 (websockets + TLS) speaking the documented protocol (NCA-EDS §1)."""

from __future__ import annotations

import base64
import json
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signing.cms import sign_detached
from signing.signer import Signer

STORAGE = "AKKaztokenStore"


@dataclass
class FakeNcaLayer:
    """Behaviour knobs: tests set ``mode`` per method; every request is recorded."""

    signer: Signer
    mode: dict[str, str] = field(default_factory=dict)  # method -> ok|cancel|error|slow
    slow_seconds: float = 1.5
    requests: list[dict[str, Any]] = field(default_factory=list)

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        self.requests.append(request)
        method = request.get("method")
        mode = self.mode.get(str(method), "ok")
        if mode == "slow":
            time.sleep(self.slow_seconds)
        if request.get("module") == "kz.gov.pki.knca.basics":
            if mode == "cancel":
                return {"status": True, "body": {}}
            if mode == "error":
                return {"status": False, "code": "INVOCATION_ERROR",
                        "message": "An invoked method threw an exception.",
                        "details": "org.json.JSONException: bad"}
            args = request["args"]
            cms = sign_detached(base64.b64decode(args["data"]), self.signer)
            b64 = base64.b64encode(cms).decode()
            pem = "-----BEGIN CMS-----\n" + "\n".join(
                b64[i:i + 64] for i in range(0, len(b64), 64)) + "\n-----END CMS-----\n"
            return {"status": True, "body": {"result": [pem]}}
        if mode == "cancel":
            return {"code": "500", "message": "action.canceled"}
        if mode == "error":
            return {"code": "500", "message": "java.lang.IllegalArgumentException: "
                    f"argument type mismatch. Method: {method}"}
        args = request.get("args") or []
        if method == "getActiveTokens":
            return {"code": "200", "responseObject": [STORAGE]}
        if method == "getKeyInfo":
            return {"code": "200", "responseObject": {
                "alias": "ab12", "algorithm": "RSA", "subjectCn": "TEST",
                "serialNumber": format(self.signer.certificate.serial_number, "x")}}
        if method == "createCAdESFromBase64":
            cms = sign_detached(base64.b64decode(args[2]), self.signer)
            return {"code": "200", "responseObject": base64.b64encode(cms).decode()}
        return {"code": "500", "message": f"NoSuchMethodException: {method}"}


@contextmanager
def fake_ncalayer(fake: FakeNcaLayer, cert: Path, key: Path) -> Iterator[str]:
    """Serve ``fake`` over wss on 127.0.0.1 (random port); yields the URL."""
    from websockets.sync.server import ServerConnection, serve

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(cert), str(key))

    def handler(ws: ServerConnection) -> None:
        ws.send(json.dumps({"result": {"version": "1.4"}}))
        ws.send("--heartbeat--")
        for message in ws:
            if message == "--heartbeat--":
                ws.send("--heartbeat--")
                continue
            ws.send(json.dumps(fake.answer(json.loads(message))))
            ws.send("--heartbeat--")  # liveness frames may come between replies

    server = serve(handler, "127.0.0.1", 0, ssl=ctx)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"wss://127.0.0.1:{server.socket.getsockname()[1]}"
    finally:
        server.shutdown()
