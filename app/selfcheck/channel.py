"""R-WS-4 — the protected channel: a TLS handshake with the gateway, pinned to the operator's CA."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from app.selfcheck.model import CheckResult, Mode, Status

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Target:
    """The gateway's host and port, and its addresses once resolved."""

    host: str
    port: int
    addresses: tuple[IPAddress, ...] = ()
    error: str = ""  # "dns" / "bad_url" when addresses are missing
    detail: str = ""
    evidence: tuple[str, ...] = field(default_factory=tuple)


def parse_url(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError(f"gateway URL must be https://host[:port], got {url!r}")
    return parts.hostname, parts.port or 443


def resolve(url: str, timeout: float) -> Target:
    """The gateway's addresses: a literal as is, a name through the system resolver (hosts file or
    the channel's DNS), bounded by `timeout` — getaddrinfo itself has none."""
    try:
        host, port = parse_url(url)
    except ValueError as exc:
        return Target(url, 0, error="bad_url", detail=str(exc))
    try:
        return Target(host, port, (ipaddress.ip_address(host),))
    except ValueError:
        pass
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            box["error"] = exc

    started = time.monotonic()
    worker = threading.Thread(target=work, name="selfcheck-dns", daemon=True)
    worker.start()
    worker.join(timeout)
    took = f"{(time.monotonic() - started) * 1000:.0f} ms"
    if worker.is_alive():
        return Target(
            host, port, error="timeout", detail=f"name lookup of {host} took over {timeout} s"
        )
    if "error" in box:
        return Target(host, port, error="dns", detail=f"{host}: {box['error']}")
    infos = box.get("infos", [])
    addrs = tuple(
        dict.fromkeys(
            ipaddress.ip_address(str(i[4][0]).split("%")[0])
            for i in infos  # type: ignore[attr-defined]
        )
    )
    return Target(
        host, port, addrs, evidence=(f"{host} resolved to {', '.join(map(str, addrs))} in {took}",)
    )


@dataclass(frozen=True)
class Outcome:
    """One handshake attempt."""

    reason: str  # channel_ok / channel_timeout / channel_refused / channel_certificate / …
    detail: str
    evidence: tuple[str, ...]
    latency_ms: float | None = None


def check_channel(
    url: str | None,
    ca_file: Path | None,
    timeout: float,
    mode: Mode = Mode.BLOCK,
    target: Target | None = None,
) -> CheckResult:
    """R-WS-4: handshake with the configured gateway using only the pinned CA; never waits longer
    than `timeout` in total (name lookup, connect and handshake together)."""

    def result(
        reason: str, evidence: list[str], detail: str = "", latency: float | None = None
    ) -> CheckResult:
        status = (
            Status.PASS
            if reason == "channel_ok"
            else (Status.UNDETERMINED if reason == "channel_not_configured" else Status.FAIL)
        )
        return CheckResult(
            "channel",
            "R-WS-4",
            status,
            latency,
            round(timeout * 1000),
            "ms",
            reason,
            {"detail": detail, "latency_ms": latency},
            tuple(evidence),
            mode=mode,
        )

    if not url or ca_file is None:
        missing = "gateway_url" if not url else "ca_file"
        return result("channel_not_configured", [f"no {missing} in the policy"], missing)
    evidence = [f"gateway {url}", f"pinned CA {ca_file}"]
    from transport.client import pinned_context  # httpx and pydantic: not at start-up

    try:
        ctx = pinned_context(ca_file)
    except (OSError, ssl.SSLError) as exc:
        return result("channel_ca", [*evidence, f"CA file: {exc}"], str(exc))
    deadline = time.monotonic() + timeout
    target = target or resolve(url, timeout)
    evidence += target.evidence
    if target.error:
        reason = {"timeout": "channel_timeout", "bad_url": "channel_not_configured"}.get(
            target.error, "channel_dns"
        )
        return result(reason, [*evidence, target.detail], target.detail)
    outcome: Outcome | None = None
    for addr in target.addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        outcome = handshake(ctx, target.host, addr, target.port, remaining)
        evidence += outcome.evidence
        if outcome.reason in ("channel_ok", "channel_certificate", "channel_tls"):
            break  # the server answered: another address of the same name would say the same
    if outcome is None:
        return result(
            "channel_timeout", [*evidence, f"no time left within {timeout} s"], f"{timeout} s"
        )
    return result(outcome.reason, evidence, outcome.detail, outcome.latency_ms)


def handshake(
    ctx: ssl.SSLContext, host: str, addr: IPAddress, port: int, timeout: float
) -> Outcome:
    """Connect and complete TLS with `addr`, within `timeout` seconds for both steps."""
    where = f"{addr}:{port}" if addr.version == 4 else f"[{addr}]:{port}"
    started = time.monotonic()
    family = socket.AF_INET6 if addr.version == 6 else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as raw:
            raw.settimeout(timeout)
            raw.connect((str(addr), port))
            connected = time.monotonic()
            # A server that accepts and then says nothing must not hold us past the deadline.
            raw.settimeout(max(0.001, timeout - (connected - started)))
            with ctx.wrap_socket(raw, server_hostname=host) as tls:
                done = time.monotonic()
                cert = tls.getpeercert() or {}
                subject = ", ".join(
                    "=".join(map(str, pair)) for rdn in cert.get("subject", ()) for pair in rdn
                )
                cipher = tls.cipher()
                ms = round((done - started) * 1000, 1)
                return Outcome(
                    "channel_ok",
                    "",
                    (
                        f"TLS to {where}: {tls.version()} {cipher[0] if cipher else ''}",
                        f"server certificate: {subject}",
                        f"connect {(connected - started) * 1000:.1f} ms, "
                        f"handshake {(done - connected) * 1000:.1f} ms",
                    ),
                    ms,
                )
    except ssl.SSLCertVerificationError as exc:
        reason, detail = "channel_certificate", str(exc.verify_message or exc)
    except ssl.SSLError as exc:
        reason, detail = "channel_tls", str(exc.reason or exc)
    except TimeoutError:
        reason, detail = "channel_timeout", f"{where}: no answer within {timeout:.1f} s"
    except ConnectionRefusedError:
        reason, detail = "channel_refused", where
    except OSError as exc:
        reason, detail = "channel_unreachable", f"{where}: {exc.strerror or exc}"
    return Outcome(reason, detail, (f"{where}: {reason} — {detail}",))
