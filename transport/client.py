"""HTTP client for the protected channel: one host, TLS pinned to the operator's CA, no proxies.

Every call is one exchange with a total deadline (connect, send, wait and receive together — a
gateway that drips bytes cannot hold the desk past it: ChannelError "channel_timeout") and a cap
on the answer's size, read as it streams in (ChannelError "reply_too_large"; nothing beyond the
cap is read or kept). Answers are asked for uncompressed, so the cap is what the desk holds.
"""

from __future__ import annotations

import contextvars
import ssl
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

# httpx imports its command-line client (click, rich, pygments: ~60 ms, MiBs resident) whenever
# those happen to be installed — dev tools pull them in, a workstation has none. The desk never
# runs that CLI; a None entry makes httpx take its own fallback, as on the analyst's machine.
if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
import httpcore
import httpx
from pydantic import BaseModel, ValidationError

from transport.downtime import EmergencyView, NoticesView, WriteReceipt
from transport.errors import ErrorCode, error_code
from transport.protocol import (
    API_PREFIX,
    AgreementReceipt,
    AgreementText,
    ApplicationDetail,
    ApplicationList,
    ApplicationReceipt,
    ApplicationStatus,
    ApplicationSubmission,
    AttestationReceipt,
    BlockNotice,
    Challenge,
    DispositionReceipt,
    LoginRequest,
    LoginResponse,
    Problem,
    RequestTrail,
    ReviewReceipt,
    ReviewState,
    Signed,
    UserList,
)

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

DEFAULT_TIMEOUT_S = 15.0
# The largest answer of the sandbox world is a level-2 links answer (№51) of ~13 KB of records,
# ~25 KB signed; a real resource may answer more, so queries get a wide margin. Every other
# answer (challenge, login, agreement text, receipts, problems) is small.
QUERY_REPLY_MAX = 8 * 1024 * 1024
REPLY_MAX = 1024 * 1024

class ChannelError(Exception):
    """The protected channel failed or the gateway refused; `code` is stable, `problem` if any.

    A refusal's code is one of transport.errors.ErrorCode (`wire`); the channel's own failures
    (channel_unreachable, channel_timeout, channel_error, reply_malformed, reply_too_large,
    http_error) are not the gateway's word and have no wire code."""

    def __init__(self, code: str, message: str, problem: Problem | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.problem = problem

    @property
    def wire(self) -> ErrorCode | None:
        """The gateway's refusal code, if this is a refusal with a code this desk knows."""
        return error_code(self.code) if self.problem is not None else None


def pinned_context(ca_file: Path) -> ssl.SSLContext:
    """TLS that trusts only the operator's CA — the system store plays no part (R-WS-4)."""
    ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=str(ca_file))
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


# The monotonic time by which the current thread's exchange must be over (GatewayClient sets it
# around each call); every network operation's timeout is clamped to what is left of it.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("sio_channel_deadline",
                                                                        default=None)


def _left(timeout: float | None, expired: type[Exception]) -> float | None:
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the exchange's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write ends by the exchange's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._stream.start_tls(
            ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._backend.connect_tcp(
            host, port, _left(timeout, httpcore.ConnectTimeout), local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None
                            ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._backend.connect_unix_socket(
            path, _left(timeout, httpcore.ConnectTimeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class PinnedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool whose sockets keep the exchange's deadline."""

    def __init__(self, tls: ssl.SSLContext) -> None:
        super().__init__(verify=tls, trust_env=False)
        limits = httpx.Limits()
        self._pool = httpcore.ConnectionPool(
            ssl_context=tls, max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry, network_backend=_DeadlineBackend())


class GatewayClient:
    """Talks to the one configured gateway; every call is synchronous (UI runs it off-thread).

    `timeout` is the total time one call may take; `max_reply` caps every answer and
    `max_query_reply` the answers of queries (query() takes a cap per call too, e.g. per
    resource). `transport` replaces the pinned TLS transport (tests: an ASGI app in-process, a
    mock); the deadline then holds between the chunks it gives."""

    def __init__(self, base_url: str, ca_file: Path | None, *,
                 timeout: float = DEFAULT_TIMEOUT_S, max_reply: int = REPLY_MAX,
                 max_query_reply: int = QUERY_REPLY_MAX,
                 transport: httpx.BaseTransport | None = None) -> None:
        parts = urlsplit(base_url)
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError(f"gateway URL must be https://host[:port], got {base_url!r}")
        if transport is None:
            if ca_file is None:
                raise ValueError("the pinned channel needs the operator's CA file")
            transport = PinnedTransport(pinned_context(ca_file))
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_reply = max_reply
        self.max_query_reply = max_query_reply
        self._http = httpx.Client(
            base_url=self.base_url,
            transport=transport,
            trust_env=False,  # no proxies, no netrc: the channel goes to one host only
            follow_redirects=False,
            timeout=timeout,
            headers={"User-Agent": "sio-desk", "Accept-Encoding": "identity"},
        )

    def close(self) -> None:
        self._http.close()

    def challenge(self) -> Challenge:
        return self._call("POST", "/auth/challenge", Challenge)

    def login(self, request: LoginRequest) -> LoginResponse:
        return self._call("POST", "/auth/login", LoginResponse, body=request.model_dump())

    def query(self, signed: Signed, session: str, *, max_reply: int | None = None) -> Signed:
        """A signed query; its answer may be up to max_reply bytes (default max_query_reply)."""
        return self._call(
            "POST",
            "/queries",
            Signed,
            body=signed.model_dump(),
            headers={"Authorization": f"Bearer {session}"},
            max_reply=max_reply or self.max_query_reply,
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

    def submit_application(self, submission: ApplicationSubmission) -> ApplicationReceipt:
        """An App.4 application with its PAdES-signed PDF (R-ACC-2, R-ACC-3); no session."""
        return self._call("POST", "/applications", ApplicationReceipt,
                          body=submission.model_dump(mode="json"))

    def application_status(self, signed: Signed) -> ApplicationStatus:
        """The state of an application and the operator-signed decision (R-ACC-9)."""
        return self._call("POST", "/applications/status", ApplicationStatus,
                          body=signed.model_dump())

    def downtime(self, session: str) -> tuple[NoticesView, EmergencyView]:
        """Announced works and the emergency journal, as every user may read them (R-Q-3)."""
        auth = {"Authorization": f"Bearer {session}"}
        return (self._call("GET", "/notices", NoticesView, headers=auth),
                self._call("GET", "/emergency", EmergencyView, headers=auth))

    def report(self, session: str, start: str, end: str, *, max_reply: int = 256 << 20) -> bytes:
        """The "Reports" document (R-CTL-1) for Astana dates start..end, as the gateway's
        bytes (JSON): the controller's review signs their SHA-256."""
        status, content = self._exchange("GET", f"/reports?from={start}&to={end}", None,
                                         {"Authorization": f"Bearer {session}"}, max_reply)
        if status >= 300:
            raise _refusal(status, content)
        return content

    def review(self, signed: Signed, session: str) -> ReviewReceipt:
        """A controller's signed review of the reports (R-CTL-1), journaled."""
        return self._call("POST", "/control/reviews", ReviewReceipt, body=signed.model_dump(),
                          headers={"Authorization": f"Bearer {session}"})

    def review_state(self, session: str) -> ReviewState:
        """When the agency's reports were last reviewed, and whether a review is due."""
        return self._call("GET", "/control/reviews/last", ReviewState,
                          headers={"Authorization": f"Bearer {session}"})

    def trail(self, session: str, seq: int) -> RequestTrail:
        """A request's journal entries with their signatures re-verified (the read is
        journaled)."""
        return self._call("GET", f"/control/requests/{int(seq)}", RequestTrail,
                          headers={"Authorization": f"Bearer {session}"})

    def block_notice(self, session: str) -> BlockNotice:
        """Why this session's user is blocked (the read is journaled); not_blocked if not."""
        return self._call("GET", "/account/block", BlockNotice,
                          headers={"Authorization": f"Bearer {session}"})

    def block(self, signed: Signed, session: str) -> Signed:
        """A signed OperatorBlock by the operator or a controller (R-CTL-2); the
        operator-signed Decision back."""
        return self._call("POST", "/operator/blocks", Signed, body=signed.model_dump(),
                          headers={"Authorization": f"Bearer {session}"})

    def operator_applications(self, session: str, state: str = "submitted") -> ApplicationList:
        """Applications in `state` for the operator, overdue ones flagged (R-ACC-4)."""
        return self._call("GET", f"/operator/applications?state={state}", ApplicationList,
                          headers={"Authorization": f"Bearer {session}"})

    def operator_application(self, session: str, app_id: int) -> ApplicationDetail:
        """One application with its signed PDF, scans and signature check (the read is
        journaled)."""
        return self._call("GET", f"/operator/applications/{int(app_id)}", ApplicationDetail,
                          headers={"Authorization": f"Bearer {session}"})

    def decide(self, signed: Signed, session: str) -> Signed:
        """The operator's signed OperatorDecision; the operator-signed Decision back."""
        return self._call("POST", "/operator/decisions", Signed, body=signed.model_dump(),
                          headers={"Authorization": f"Bearer {session}"})

    def unblock(self, signed: Signed, session: str) -> Signed:
        """The operator's signed OperatorUnblock; the operator-signed Decision back."""
        return self._call("POST", "/operator/unblocks", Signed, body=signed.model_dump(),
                          headers={"Authorization": f"Bearer {session}"})

    def sanction(self, signed: Signed, session: str) -> Signed:
        """The operator's signed OperatorSanction (App.5 §17); the signed SanctionRecord back."""
        return self._call("POST", "/operator/sanctions", Signed, body=signed.model_dump(),
                          headers={"Authorization": f"Bearer {session}"})

    def edit_user(self, signed: Signed, session: str) -> Signed:
        """The operator's signed OperatorUserEdit; the signed UserEdited back."""
        return self._call("POST", "/operator/users/edits", Signed, body=signed.model_dump(),
                          headers={"Authorization": f"Bearer {session}"})

    def operator_users(self, session: str) -> UserList:
        """Every user with their state as admitted now and their newest sanction."""
        return self._call("GET", "/operator/users", UserList,
                          headers={"Authorization": f"Bearer {session}"})

    def operator_write(self, path: str, signed: Signed, session: str) -> WriteReceipt:
        """An operator's signed notice or emergency write (transport.commands NOTICE,
        EMERGENCY, EMERGENCY_CLOSE: `path` is the command's); its journal entry back."""
        return self._call("POST", path, WriteReceipt, body=signed.model_dump(),
                          headers={"Authorization": f"Bearer {session}"})

    def stream_signed(self, path: str, signed: Signed, session: str,
                      consume: Callable[[Iterator[bytes], int | None], T], *,
                      first_byte_s: float | None = None) -> T:
        """POST a signed command whose answer is a stream of any length (the journal archive):
        `consume(chunks, announced length)` reads it as it comes. No size cap and no total
        deadline: the answer must begin within `first_byte_s` (default: the timeout) and each
        chunk come within the timeout of the one before; a refusal is ChannelError."""
        auth = {"Authorization": f"Bearer {session}"}
        wait = first_byte_s or self.timeout
        with _channel_errors(), ExitStack() as stack:
            with _until(time.monotonic() + wait):
                reply = stack.enter_context(self._http.stream(
                    "POST", API_PREFIX + path, json=signed.model_dump(), headers=auth,
                    timeout=max(wait, self.timeout)))
            chunks = _paced(reply.iter_bytes(), self.timeout)
            if reply.status_code >= 300:
                raise _refusal(reply.status_code, _capped(chunks, self.max_reply))
            if reply.headers.get("content-encoding", "identity").lower() != "identity":
                raise ChannelError("reply_malformed", "the gateway compressed its answer "
                                                      "though asked not to")
            declared = reply.headers.get("content-length", "")
            return consume(chunks, int(declared) if declared.isdigit() else None)

    def attest(self, signed: Signed, session: str) -> AttestationReceipt:
        """The user's signed AttestationStatement (2022 §4, App.3); journaled."""
        return self._call("POST", "/attestations", AttestationReceipt, body=signed.model_dump(),
                          headers={"Authorization": f"Bearer {session}"})

    def logout(self, session: str) -> None:
        """End the session server-side (204); ChannelError if refused or unreachable."""
        status, content = self._exchange("POST", "/auth/logout", None,
                                         {"Authorization": f"Bearer {session}"}, self.max_reply)
        if status >= 300:
            raise _refusal(status, content)

    def _call(
        self,
        method: str,
        path: str,
        model: type[M],
        *,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        max_reply: int | None = None,
    ) -> M:
        status, content = self._exchange(method, path, body, headers,
                                         max_reply or self.max_reply)
        if status >= 300:
            raise _refusal(status, content)
        try:
            return model.model_validate_json(content)  # one parse, in pydantic-core: ~3× faster
        except (ValueError, ValidationError) as exc:
            raise ChannelError(
                "reply_malformed", f"the gateway's reply is malformed: {exc}"
            ) from exc

    def _exchange(self, method: str, path: str, body: dict[str, Any] | None,
                  headers: dict[str, str] | None, max_reply: int) -> tuple[int, bytes]:
        """(status, body) of one exchange, within the deadline and the size cap."""
        deadline = time.monotonic() + self.timeout
        with _until(deadline), _channel_errors():
            with self._http.stream(method, API_PREFIX + path, json=body,
                                   headers=headers) as reply:
                declared = reply.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_reply:
                    raise _too_large(max_reply, f"it announces {int(declared)} bytes")
                if reply.headers.get("content-encoding", "identity").lower() != "identity":
                    raise ChannelError("reply_malformed", "the gateway compressed its answer "
                                                          "though asked not to")
                chunks: list[bytes] = []
                size = 0
                for chunk in reply.iter_bytes():  # identity: the bytes as they came
                    size += len(chunk)
                    if size > max_reply:
                        raise _too_large(max_reply, f"more than {max_reply} bytes came")
                    if time.monotonic() > deadline:
                        raise _late(self.timeout)
                    chunks.append(chunk)
                return reply.status_code, b"".join(chunks)


@contextmanager
def _until(deadline: float) -> Iterator[None]:
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


@contextmanager
def _channel_errors() -> Iterator[None]:
    """httpx's failures as the channel's stable codes."""
    try:
        yield
    except httpx.ConnectError as exc:
        raise ChannelError("channel_unreachable", f"cannot reach the gateway: {exc}") from exc
    except httpx.TimeoutException as exc:
        raise ChannelError("channel_timeout", "the gateway did not answer in time") from exc
    except httpx.HTTPError as exc:
        raise ChannelError("channel_error", f"protected channel error: {exc}") from exc


def _paced(chunks: Iterator[bytes], timeout: float) -> Iterator[bytes]:
    """`chunks`, each of which must arrive within `timeout` of the one before."""
    while True:
        with _until(time.monotonic() + timeout):
            chunk = next(chunks, None)
        if chunk is None:
            return
        yield chunk


def _capped(chunks: Iterator[bytes], cap: int) -> bytes:
    kept = bytearray()
    for chunk in chunks:
        kept += chunk
        if len(kept) > cap:
            raise _too_large(cap, f"more than {cap} bytes came")
    return bytes(kept)


def _late(timeout: float) -> ChannelError:
    return ChannelError("channel_timeout", f"the gateway did not answer within {timeout:g} s")


def _too_large(cap: int, what: str) -> ChannelError:
    return ChannelError("reply_too_large", f"the gateway's answer is over the {cap}-byte cap: "
                                           f"{what}; nothing of it was kept")


def _refusal(status: int, content: bytes) -> ChannelError:
    try:
        problem = Problem.model_validate_json(content)
    except (ValueError, ValidationError):
        return ChannelError("http_error", f"the gateway answered HTTP {status}")
    return ChannelError(problem.code, problem.detail or problem.title, problem)
