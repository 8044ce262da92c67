"""NCALayer bridge (wss://127.0.0.1:13579): the signing path for GOST keys (NCA-EDS §1).

Synchronous API over websockets' sync client. NCALayer matches replies to requests only by
order (no request id), so one request is in flight at a time (a lock) and a connection whose
reply did not arrive in time is dropped: its late reply must never answer the next request.
"""

from __future__ import annotations

import base64
import binascii
import json
import ssl
import threading
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

from signing.errors import SigningError

DEFAULT_URL = "wss://127.0.0.1:13579"
COMMON = "kz.gov.pki.knca.commonUtils"
BASICS = "kz.gov.pki.knca.basics"
HEARTBEAT = "--heartbeat--"
INSTALL_HINT = "NCALayer is not running; install or start it from https://ncl.pki.gov.kz/"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class NcaLayerError(SigningError):
    """NCALayer answered with an error (code/message/details)."""

    code = "ncalayer_error"


class NcaLayerUnavailable(NcaLayerError):
    """NCALayer is not reachable (not installed, not started, wrong port)."""

    code = "ncalayer_unavailable"


class Cancelled(NcaLayerError):
    """The user pressed Cancel in NCALayer's dialog."""

    code = "cancelled"


def _ssl_context(url: str, ca_file: str | None) -> ssl.SSLContext:
    if ca_file is not None:
        # NCALayer's certificate chains to the NCA RSA root (NCA-EDS §1.1): trust that file.
        ctx = ssl.create_default_context(cafile=ca_file)
        ctx.check_hostname = False  # NCALayer's certificate names no 127.0.0.1 SAN we rely on
        return ctx
    host = urlparse(url).hostname or ""
    if host not in _LOOPBACK:
        raise NcaLayerError(f"refusing unverified TLS to {host}; configure the NCA root file")
    # Loopback only: the peer is a process on this machine, reached without any network, and
    # NCALayer's certificate is not a public one. Verification cannot add trust here; a CA
    # file, when configured, is used instead.
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def decode_cms(text: str) -> bytes:
    """DER from NCALayer's CMS text: raw base64 (commonUtils) or PEM-armoured (basics)."""
    body = "".join(ln for ln in text.strip().splitlines() if not ln.startswith("-----"))
    try:
        der = base64.b64decode("".join(body.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise NcaLayerError(f"NCALayer returned something that is not base64: {exc}") from exc
    if der[:1] != b"\x30":
        raise NcaLayerError("NCALayer returned something that is not a CMS")
    return der


class NcaLayerClient:
    """One WebSocket to NCALayer; every call blocks until its reply (or a timeout)."""

    def __init__(self, url: str = DEFAULT_URL, *, ca_file: str | None = None,
                 timeout: float = 300.0, open_timeout: float = 5.0) -> None:
        self.url = url
        self.ca_file = ca_file
        self.timeout = timeout  # the user may take minutes in NCALayer's PIN dialog
        self.open_timeout = open_timeout
        self.version: str | None = None
        self._ws: Any = None
        self._lock = threading.Lock()

    def _connect(self) -> Any:
        from websockets.exceptions import InvalidHandshake, InvalidURI
        from websockets.sync.client import connect

        try:
            # __enter__ opens the connection on every websockets release we allow (13–17);
            # the client outlives one call, so close() ends it instead of a with-block.
            ws = connect(self.url, ssl=_ssl_context(self.url, self.ca_file),
                         open_timeout=self.open_timeout, max_size=None).__enter__()
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as exc:
            raise NcaLayerUnavailable(f"{INSTALL_HINT} ({exc})") from exc
        try:
            # NCALayer greets with {"result":{"version":…}} unprompted (NCA-EDS §1.1).
            first = ws.recv(timeout=self.open_timeout)
            frame = json.loads(first) if first != HEARTBEAT else {}
            self.version = (frame.get("result") or {}).get("version")
        except (TimeoutError, ValueError, AttributeError):
            self.version = None  # an older NCALayer may not greet; not fatal
        return ws

    def close(self) -> None:
        """Close the connection (a later call reconnects)."""
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        ws, self._ws = self._ws, None
        if ws is not None:
            try:
                ws.close()
            except Exception:  # noqa: S110  # closing a broken socket: nothing to do
                pass

    def call(self, module: str, method: str, args: Any) -> dict[str, Any]:
        """Send one request and return its JSON reply (heartbeats and greetings skipped)."""
        from websockets.exceptions import ConnectionClosed

        request = json.dumps({"module": module, "method": method, "args": args})
        with self._lock:
            if self._ws is None:
                self._ws = self._connect()
            try:
                self._ws.send(request)
                while True:
                    frame = self._ws.recv(timeout=self.timeout)
                    if frame == HEARTBEAT:
                        continue
                    reply = json.loads(frame)
                    if isinstance(reply, dict) and set(reply) == {"result"} and isinstance(
                            reply["result"], dict) and "version" in reply["result"]:
                        continue  # a (re)greeting, not our answer
                    if not isinstance(reply, dict):
                        raise NcaLayerError(f"unexpected NCALayer reply: {frame[:200]!r}")
                    return reply
            except TimeoutError as exc:
                self._drop()  # its late reply would answer the next request: reconnect
                raise NcaLayerError(f"NCALayer did not answer {method} in time",
                                    code="ncalayer_timeout") from exc
            except ConnectionClosed as exc:
                self._drop()
                raise NcaLayerUnavailable(f"{INSTALL_HINT} (connection closed: {exc})") from exc
            except ValueError as exc:
                self._drop()
                raise NcaLayerError(f"NCALayer sent invalid JSON: {exc}") from exc

    # commonUtils ------------------------------------------------------------------------
    def _common(self, method: str, args: list[Any]) -> Any:
        reply = self.call(COMMON, method, args)
        code = str(reply.get("code", ""))
        if code == "200":
            return reply.get("responseObject")
        message = str(reply.get("message") or "")
        if message == "action.canceled":
            raise Cancelled("Signing was cancelled in NCALayer.")
        raise NcaLayerError(f"NCALayer {method} failed: {code} {message}".strip())

    def get_active_tokens(self) -> list[str]:
        """Storage names of the plugged-in tokens, e.g. ["AKKaztokenStore"]."""
        return list(self._common("getActiveTokens", []) or [])

    def get_key_info(self, storage: str) -> dict[str, Any]:
        """Key and certificate info (alias, subjectDn, pem, …); NCALayer shows a key picker."""
        return dict(self._common("getKeyInfo", [storage]) or {})

    def create_cades(self, storage: str, data: bytes, *, key_type: str = "SIGNATURE",
                     attach: bool = False) -> bytes:
        """CMS DER over ``data`` made by createCAdESFromBase64 (detached unless ``attach``)."""
        result = self._common("createCAdESFromBase64",
                              [storage, key_type, base64.b64encode(data).decode(), attach])
        return decode_cms(str(result))

    # basics -----------------------------------------------------------------------------
    def basics_sign(self, data: bytes, *, attach: bool = False,
                    ext_key_usage_oids: Sequence[str] = ("1.3.6.1.5.5.7.3.4",),
                    iin: str | None = None, chain: Sequence[str] | None = (),
                    allowed_storages: Sequence[str] | None = None,
                    locale: str = "ru") -> bytes:
        """CMS DER through kz.gov.pki.knca.basics `sign` (format cms, data base64)."""
        signer_params: dict[str, Any] = {"extKeyUsageOids": list(ext_key_usage_oids),
                                         "chain": None if chain is None else list(chain)}
        if iin is not None:
            signer_params["iin"] = iin
        reply = self.call(BASICS, "sign", {
            "allowedStorages": None if allowed_storages is None else list(allowed_storages),
            "format": "cms",
            "data": base64.b64encode(data).decode(),
            "signingParams": {"decode": True, "encapsulate": attach, "digested": False},
            "signerParams": signer_params,
            "locale": locale,
        })
        if reply.get("status") is True:
            body = reply.get("body") or {}
            if "result" not in body:
                raise Cancelled("Signing was cancelled in NCALayer.")
            result = body["result"]
            if isinstance(result, list):
                result = result[0]
            return decode_cms(str(result))
        details = reply.get("details") or ""
        raise NcaLayerError(f"NCALayer sign failed: {reply.get('code', '')} "
                            f"{reply.get('message', '')} {details}".strip())


def sign_cms_detached(data: bytes, *, client: NcaLayerClient | None = None,
                      storage: str | None = None) -> bytes:
    """A detached CMS (DER) over ``data`` made by NCALayer on the plugged-in token.

    With ``storage`` the commonUtils API is used; otherwise basics.sign lets NCALayer offer
    every storage it knows.
    """
    own = client is None
    client = client or NcaLayerClient()
    try:
        if storage is not None:
            return client.create_cades(storage, data, attach=False)
        return client.basics_sign(data, attach=False)
    finally:
        if own:
            client.close()


__all__ = ["Cancelled", "NcaLayerClient", "NcaLayerError", "NcaLayerUnavailable",
           "decode_cms", "sign_cms_detached"]
