"""HTTP client for the protected channel: one host, TLS pinned to the operator's CA, no proxies."""

from __future__ import annotations

import json
import ssl
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from transport.protocol import (
    API_PREFIX,
    AgreementReceipt,
    AgreementText,
    Challenge,
    DispositionReceipt,
    LoginRequest,
    LoginResponse,
    Problem,
    Signed,
)

M = TypeVar("M", bound=BaseModel)


class ChannelError(Exception):
    """The protected channel failed or the gateway refused; `code` is stable, `problem` if any."""

    def __init__(self, code: str, message: str, problem: Problem | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.problem = problem


def pinned_context(ca_file: Path) -> ssl.SSLContext:
    """TLS that trusts only the operator's CA — the system store plays no part (R-WS-4)."""
    ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=str(ca_file))
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


class GatewayClient:
    """Talks to the one configured gateway; every call is synchronous (UI runs it off-thread)."""

    def __init__(self, base_url: str, ca_file: Path, *, timeout: float = 15.0) -> None:
        parts = urlsplit(base_url)
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError(f"gateway URL must be https://host[:port], got {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url,
            verify=pinned_context(ca_file),
            trust_env=False,  # no proxies, no netrc: the channel goes to one host only
            follow_redirects=False,
            timeout=timeout,
            headers={"User-Agent": "sio-desk"},
        )

    def close(self) -> None:
        self._http.close()

    def challenge(self) -> Challenge:
        return self._call("POST", "/auth/challenge", Challenge)

    def login(self, request: LoginRequest) -> LoginResponse:
        return self._call("POST", "/auth/login", LoginResponse, body=request.model_dump())

    def query(self, signed: Signed, session: str) -> Signed:
        return self._call(
            "POST",
            "/queries",
            Signed,
            body=signed.model_dump(),
            headers={"Authorization": f"Bearer {session}"},
        )

    def agreement(self) -> AgreementText:
        return self._call("GET", "/agreement", AgreementText)

    def sign_agreement(self, signed: Signed, session: str) -> AgreementReceipt:
        return self._call("POST", "/agreement/signature", AgreementReceipt,
                          body=signed.model_dump(),
                          headers={"Authorization": f"Bearer {session}"})

    def dispose(self, signed: Signed, session: str) -> DispositionReceipt:
        """A signed DispositionStatement: the result was attached or destroyed (R-RES-1)."""
        return self._call("POST", "/dispositions", DispositionReceipt,
                          body=signed.model_dump(),
                          headers={"Authorization": f"Bearer {session}"})

    def logout(self, session: str) -> None:
        """End the session server-side (204); ChannelError if refused or unreachable."""
        try:
            reply = self._http.post(API_PREFIX + "/auth/logout",
                                    headers={"Authorization": f"Bearer {session}"})
        except httpx.TimeoutException as exc:
            raise ChannelError("channel_timeout", "the gateway did not answer in time") from exc
        except httpx.HTTPError as exc:
            raise ChannelError("channel_unreachable", f"cannot reach the gateway: {exc}") from exc
        if reply.status_code >= 300:
            raise _refusal(reply)

    def _call(
        self,
        method: str,
        path: str,
        model: type[M],
        *,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> M:
        try:
            reply = self._http.request(method, API_PREFIX + path, json=body, headers=headers)
        except httpx.ConnectError as exc:
            raise ChannelError("channel_unreachable", f"cannot reach the gateway: {exc}") from exc
        except httpx.TimeoutException as exc:
            raise ChannelError("channel_timeout", "the gateway did not answer in time") from exc
        except httpx.HTTPError as exc:
            raise ChannelError("channel_error", f"protected channel error: {exc}") from exc
        if reply.status_code >= 300:
            raise _refusal(reply)
        try:
            return model.model_validate(reply.json())
        except (ValueError, ValidationError) as exc:
            raise ChannelError(
                "reply_malformed", f"the gateway's reply is malformed: {exc}"
            ) from exc


def _refusal(reply: httpx.Response) -> ChannelError:
    try:
        problem = Problem.model_validate(reply.json())
    except (ValueError, ValidationError, json.JSONDecodeError):
        return ChannelError("http_error", f"the gateway answered HTTP {reply.status_code}")
    return ChannelError(problem.code, problem.detail or problem.title, problem)
