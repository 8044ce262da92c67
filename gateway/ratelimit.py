"""Per-address request limits: a token bucket per peer, answered 429 `rate_limited` (issue 9).

The peer is the TCP peer the server saw (no forwarding headers are trusted). An IPv6 client
owns a whole /64, so its addresses count as one peer.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.context import RequestContext, peer_key
from gateway.problems import Refusal

# Buckets kept at most; past this, full buckets are dropped first, then the oldest.
MAX_PEERS = 50_000


@dataclass
class _Bucket:
    tokens: float
    at: float


class TokenBuckets:
    """Per peer: `burst` requests at once, refilled at `rate` per second (given per call, so a
    changed configuration applies at once)."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic,
                 max_peers: int = MAX_PEERS) -> None:
        self._clock = clock
        self._max_peers = max_peers
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, peer: str, rate: float, burst: int) -> float:
        """0 if the peer may go on (one token taken); else the seconds until its next token."""
        now = self._clock()
        burst = max(1, burst)
        with self._lock:
            bucket = self._buckets.get(peer)
            if bucket is None:
                if len(self._buckets) >= self._max_peers:
                    self._prune(now, rate, burst)
                bucket = self._buckets[peer] = _Bucket(float(burst), now)
            bucket.tokens = min(float(burst), bucket.tokens + (now - bucket.at) * rate)
            bucket.at = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / rate

    def __len__(self) -> int:
        return len(self._buckets)

    def _prune(self, now: float, rate: float, burst: int) -> None:
        """Forget peers whose bucket has refilled (they are as good as new), then the oldest."""
        full = [k for k, b in self._buckets.items() if b.tokens + (now - b.at) * rate >= burst]
        for key in full:
            del self._buckets[key]
        while len(self._buckets) >= self._max_peers:
            del self._buckets[next(iter(self._buckets))]


class RateSettings(Protocol):
    """What RateLimit reads of GatewayConfig, at each request."""

    rate_limit_per_s: float
    rate_limit_burst: int


# Journal a refusal and give the answer (gateway.context.RefusalJournal.refuse).
Refuse = Callable[..., Response]


class RateLimit:
    """ASGI middleware: a request over its peer's budget is refused before any work is done."""

    def __init__(self, app: ASGIApp, *, settings: RateSettings, refuse: Refuse,
                 buckets: TokenBuckets | None = None) -> None:
        self.app = app
        self.settings = settings
        self.refuse = refuse
        self.buckets = buckets or TokenBuckets()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rate, burst = self.settings.rate_limit_per_s, self.settings.rate_limit_burst
        if scope["type"] != "http" or rate <= 0:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        host = client[0] if client else None
        wait = self.buckets.take(peer_key(host), rate, burst)
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        retry = max(1, math.ceil(wait))
        ctx = RequestContext(endpoint=endpoint_of(scope), peer=host)
        refusal = Refusal("rate_limited", f"more than {burst} requests at once or {rate:g} per "
                                          "second from this address")
        response = await run_in_threadpool(self.refuse, refusal, ctx,
                                           headers={"Retry-After": str(retry)})
        await response(scope, receive, send)


def endpoint_of(scope: Scope) -> str:
    """What a refusal before routing names as its endpoint: the method and path, bounded."""
    path = str(scope.get("path", ""))
    return f"{scope.get('method', '?')} {path[:120]}"
