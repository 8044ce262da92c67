"""R-WS-5 — no route to the Internet: found from the routing tables, never by sending a packet."""

from __future__ import annotations

import errno
import ipaddress
import json
import os
import socket
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from app.selfcheck.model import CheckResult, Mode, Status
from app.selfcheck.system import IS_WINDOWS, as_list, powershell_json, read_text, run

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Well-known public addresses in different /8s (DNS resolvers, a root server) and IPv6 /32s.
# Only the routing table is consulted for them: a UDP connect() sends nothing.
PUBLIC_PROBES: tuple[IPAddress, ...] = tuple(
    ipaddress.ip_address(a)
    for a in (
        "1.1.1.1",
        "8.8.8.8",
        "9.9.9.9",
        "77.88.8.8",
        "193.0.14.129",
        "208.67.222.222",
        "2001:4860:4860::8888",
        "2606:4700:4700::1111",
        "2a02:6b8::feed:ff",
    )
)
PROBE_PORT = 53

# connect() on a datagram socket fails with these when the routing table has no usable route
# (none, unreachable, blackhole, prohibit) or the stack lacks the family.
_NO_ROUTE = {
    errno.ENETUNREACH,
    errno.EHOSTUNREACH,
    errno.EINVAL,
    errno.EACCES,
    errno.EPERM,
    errno.EAFNOSUPPORT,
    errno.EADDRNOTAVAIL,
    10051,
    10065,
    10047,
    10049,  # WSAE* on Windows
}


@dataclass(frozen=True)
class Route:
    """One entry of a routing table."""

    dest: IPNetwork
    gateway: IPAddress | None
    interface: str
    table: str = "main"
    metric: int = 0

    def describe(self) -> str:
        dest = "default" if self.dest.prefixlen == 0 else str(self.dest)
        if self.dest.prefixlen == self.dest.max_prefixlen:
            dest = f"to {self.dest.network_address}"
        via = f" via {self.gateway}" if self.gateway else ""
        table = "" if self.table in ("main", "") else f" table {self.table}"
        return f"{dest}{via} dev {self.interface}{table}"


@dataclass(frozen=True)
class Lookup:
    """What the routing table answers for one destination."""

    target: IPAddress
    reachable: bool
    source: IPAddress | None = None
    route: Route | None = None
    error: str = ""


@dataclass(frozen=True)
class Interface:
    name: str
    up: bool  # administratively up
    oper: str  # operstate: up / down / dormant / unknown
    wireless: bool = False
    mobile: bool = False

    @property
    def connected(self) -> bool:
        return self.up and self.oper in ("up", "unknown")


@dataclass(frozen=True)
class Proxy:
    source: str  # where it is configured: "env HTTPS_PROXY", "WinHTTP", "WinINET"
    value: str
    host: str | None
    lookup: Lookup | None = None  # only for hosts given as IP literals (names are never resolved)


@dataclass(frozen=True)
class NetworkReading:
    lookups: tuple[Lookup, ...]
    routes: tuple[Route, ...]
    routes_source: str
    interfaces: tuple[Interface, ...] = ()
    proxies: tuple[Proxy, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


# ----------------------------------------------------------------------------- route lookups


def route_lookup(target: IPAddress, port: int = PROBE_PORT) -> Lookup:
    """Ask the kernel which source address it would use for `target` — connect() on UDP only
    consults the routing table; nothing is ever sent on this socket."""
    family = socket.AF_INET6 if target.version == 6 else socket.AF_INET
    try:
        sock = socket.socket(family, socket.SOCK_DGRAM)
    except OSError as exc:
        return Lookup(target, False, error=_errname(exc))
    with sock:
        try:
            sock.connect((str(target), port))
            source = ipaddress.ip_address(sock.getsockname()[0].split("%")[0])
        except OSError as exc:
            if exc.errno in _NO_ROUTE:
                return Lookup(target, False, error=_errname(exc))
            return Lookup(target, False, error=f"unknown:{_errname(exc)}")
    return Lookup(target, True, source=source)


def _errname(exc: OSError) -> str:
    return errno.errorcode.get(exc.errno or 0, str(exc.errno))


def lookup_with_route(
    target: IPAddress, routes: Sequence[Route], timeout: float, *, use_ip: bool = True
) -> Lookup:
    """route_lookup(), plus which route it took: `ip route get` (policy routing included), else the
    longest prefix match over the tables read."""
    found = route_lookup(target)
    if not found.reachable:
        return found
    route = _ip_route_get(target, timeout) if use_ip and not IS_WINDOWS else None
    if route is None:
        route = longest_match(target, routes)
    return Lookup(target, True, found.source, route)


def longest_match(target: IPAddress, routes: Iterable[Route]) -> Route | None:
    best: Route | None = None
    for r in routes:
        if r.dest.version != target.version or target not in r.dest:
            continue
        if best is None or (r.dest.prefixlen, -r.metric) > (best.dest.prefixlen, -best.metric):
            best = r
    return best


def _ip_route_get(target: IPAddress, timeout: float) -> Route | None:
    out = run(["ip", "-j", "route", "get", str(target)], timeout)
    if not out:
        return None
    try:
        rows = json.loads(out)
    except json.JSONDecodeError:
        return None
    if not rows:
        return None
    row = rows[0]
    gw = row.get("gateway")
    # `ip route get` names the destination itself, not the prefix that matched.
    return Route(
        dest=ipaddress.ip_network(f"{target}/{target.max_prefixlen}"),
        gateway=ipaddress.ip_address(gw) if gw else None,
        interface=str(row.get("dev", "?")),
        table=str(row.get("table", "main")),
    )


# ----------------------------------------------------------------------------- routing tables


def read_routes(timeout: float, root: Path = Path("/")) -> tuple[tuple[Route, ...], str]:
    """Every unicast route of every table: `ip -j route` when present, else /proc/net."""
    if IS_WINDOWS:
        return _windows_routes(timeout), "Get-NetRoute"
    if root == Path("/"):
        v4 = run(["ip", "-j", "-4", "route", "show", "table", "all"], timeout)
        v6 = run(["ip", "-j", "-6", "route", "show", "table", "all"], timeout)
        if v4 is not None and v6 is not None:
            try:
                return parse_ip_json(v4, 4) + parse_ip_json(v6, 6), "ip -j route show table all"
            except (json.JSONDecodeError, ValueError):
                pass
    routes = parse_proc_route(read_text(root / "proc/net/route") or "")
    routes += parse_proc_ipv6_route(read_text(root / "proc/net/ipv6_route") or "")
    return routes, "/proc/net/route, /proc/net/ipv6_route"


def parse_ip_json(text: str, version: int) -> tuple[Route, ...]:
    """`ip -j route show table all`: unicast routes only (no local/broadcast/unreachable)."""
    out: list[Route] = []
    for row in json.loads(text or "[]"):
        if row.get("type", "unicast") != "unicast" or row.get("table") == "local":
            continue
        dst = row.get("dst", "")
        if dst == "default":
            dst = "0.0.0.0/0" if version == 4 else "::/0"
        try:
            net = ipaddress.ip_network(dst, strict=False)
        except ValueError:
            continue
        gw = row.get("gateway")
        dev = row.get("dev")
        if dev is None and row.get("nexthops"):  # multipath: name the first hop
            hop = row["nexthops"][0]
            gw, dev = hop.get("gateway", gw), hop.get("dev")
        out.append(
            Route(
                net,
                ipaddress.ip_address(gw) if gw else None,
                str(dev or "?"),
                str(row.get("table", "main")),
                int(row.get("metric", 0)),
            )
        )
    return tuple(out)


_RTF_UP, _RTF_GATEWAY, _RTF_REJECT, _RTF_LOCAL = 0x1, 0x2, 0x200, 0x80000000


def parse_proc_route(text: str) -> tuple[Route, ...]:
    """/proc/net/route: hex little-endian IPv4 addresses, main table only."""
    out: list[Route] = []
    for line in text.splitlines()[1:]:
        f = line.split()
        if len(f) < 8:
            continue
        flags = int(f[3], 16)
        if not flags & _RTF_UP or flags & _RTF_REJECT:
            continue
        dest = ipaddress.IPv4Address(struct.pack("<I", int(f[1], 16)))
        mask = ipaddress.IPv4Address(struct.pack("<I", int(f[7], 16)))
        gw = ipaddress.IPv4Address(struct.pack("<I", int(f[2], 16)))
        net = ipaddress.IPv4Network(f"{dest}/{mask}", strict=False)
        out.append(Route(net, gw if flags & _RTF_GATEWAY else None, f[0], "main", int(f[6])))
    return tuple(out)


def parse_proc_ipv6_route(text: str) -> tuple[Route, ...]:
    """/proc/net/ipv6_route: dest plen src plen nexthop metric refcnt use flags iface."""
    out: list[Route] = []
    for line in text.splitlines():
        f = line.split()
        if len(f) < 10:
            continue
        flags = int(f[8], 16)
        if not flags & _RTF_UP or flags & (_RTF_REJECT | _RTF_LOCAL):
            continue
        dest = ipaddress.IPv6Address(bytes.fromhex(f[0]))
        net = ipaddress.IPv6Network(f"{dest}/{int(f[1], 16)}", strict=False)
        if net.is_multicast or net.is_link_local:
            continue
        gw = ipaddress.IPv6Address(bytes.fromhex(f[4]))
        out.append(Route(net, gw if flags & _RTF_GATEWAY else None, f[9], "main", int(f[5], 16)))
    return tuple(out)


def _windows_routes(timeout: float) -> tuple[Route, ...]:
    rows = powershell_json(
        "Get-NetRoute -ErrorAction SilentlyContinue | Select-Object DestinationPrefix,NextHop,"
        "InterfaceAlias,RouteMetric | ConvertTo-Json -Compress",
        timeout,
    )
    return parse_windows_routes(as_list(rows))


def parse_windows_routes(rows: list[dict[str, object]]) -> tuple[Route, ...]:
    out: list[Route] = []
    for row in rows:
        try:
            net = ipaddress.ip_network(str(row.get("DestinationPrefix")), strict=False)
            hop = ipaddress.ip_address(str(row.get("NextHop") or "0.0.0.0"))  # noqa: S104
        except ValueError:
            continue
        if net.is_multicast or net.is_link_local or net.is_loopback:
            continue
        metric = row.get("RouteMetric")
        out.append(
            Route(
                net,
                None if hop.is_unspecified else hop,
                str(row.get("InterfaceAlias")),
                "main",
                metric if isinstance(metric, int) else 0,
            )
        )
    return tuple(out)


# ----------------------------------------------------------------------------- interfaces, proxies

_MOBILE_PREFIXES = ("wwan", "wwp", "ppp", "rmnet", "ccmni", "usb")
_ARPHRD_PPP, _ARPHRD_RAWIP = 512, 519


def read_interfaces(root: Path = Path("/"), timeout: float = 5.0) -> tuple[Interface, ...]:
    if IS_WINDOWS:
        return _windows_interfaces(timeout)
    base = root / "sys/class/net"
    out: list[Interface] = []
    try:
        names = sorted(os.listdir(base))
    except OSError:
        return ()
    for name in names:
        if name == "lo":
            continue
        d = base / name
        flags = int((read_text(d / "flags") or "0").strip() or "0", 16)
        kind = int((read_text(d / "type") or "0").strip() or "0")
        uevent = read_text(d / "uevent") or ""
        out.append(
            Interface(
                name=name,
                up=bool(flags & 0x1),
                oper=(read_text(d / "operstate") or "unknown").strip(),
                wireless=(d / "wireless").exists()
                or (d / "phy80211").exists()
                or "DEVTYPE=wlan" in uevent,
                mobile=name.startswith(_MOBILE_PREFIXES)
                or kind in (_ARPHRD_PPP, _ARPHRD_RAWIP)
                or "DEVTYPE=wwan" in uevent,
            )
        )
    return tuple(out)


def _windows_interfaces(timeout: float) -> tuple[Interface, ...]:
    rows = powershell_json(
        "Get-NetAdapter | Select-Object Name,Status,PhysicalMediaType,MediaType "
        "| ConvertTo-Json -Compress",
        timeout,
    )
    return parse_windows_interfaces(as_list(rows))


def parse_windows_interfaces(rows: list[dict[str, object]]) -> tuple[Interface, ...]:
    out = []
    for row in rows:
        media = f"{row.get('PhysicalMediaType', '')} {row.get('MediaType', '')}".lower()
        status = str(row.get("Status", "")).lower()
        out.append(
            Interface(
                name=str(row.get("Name")),
                up=status in ("up", "disconnected"),
                oper="up" if status == "up" else "down",
                wireless="802.11" in media or "wireless lan" in media,
                mobile="wireless wan" in media or "mobile broadband" in media,
            )
        )
    return tuple(out)


PROXY_VARS = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "FTP_PROXY")


def read_proxies(environ: dict[str, str] | None = None, timeout: float = 5.0) -> tuple[Proxy, ...]:
    """Proxies in the environment and, on Windows, WinHTTP and the user's Internet settings."""
    env = dict(os.environ if environ is None else environ)
    found: list[tuple[str, str]] = []
    for var in PROXY_VARS:
        for name in (var, var.lower()):
            if env.get(name):
                found.append((f"env {name}", env[name]))
    if IS_WINDOWS:
        found += _windows_proxies(timeout)
    return tuple(Proxy(src, val, proxy_host(val)) for src, val in found)


def proxy_host(value: str) -> str | None:
    """Host part of "http://user@host:3128", "host:8080", "[::1]:3128" or "http=host:80;…"."""
    value = value.strip().split(";")[0].split("=")[-1]
    if "://" not in value:
        value = "http://" + value
    try:
        return urlsplit(value).hostname
    except ValueError:
        return None


def parse_netsh_winhttp(text: str) -> str | None:
    """The proxy of `netsh winhttp show proxy` (any UI language): a host:port token, or None."""
    import re

    for line in text.splitlines():
        m = re.search(r"(?:[a-z]+=)?[\w.\-\[\]:]+:\d{2,5}\b", line, re.IGNORECASE)
        if m and ":" in line.split(m.group(0))[0]:
            return m.group(0)
    return None


def _windows_proxies(timeout: float) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    out = run(["netsh", "winhttp", "show", "proxy"], timeout)
    winhttp = parse_netsh_winhttp(out or "")
    if winhttp:
        found.append(("WinHTTP", winhttp))
    try:
        import winreg

        key = winreg.OpenKey(  # type: ignore[attr-defined,unused-ignore]
            winreg.HKEY_CURRENT_USER,  # type: ignore[attr-defined,unused-ignore]
            r"Software\Microsoft\Windows\CurrentVersion\Internet Settings",
        )
        with key:

            def value(name: str) -> object:
                try:
                    return winreg.QueryValueEx(key, name)[0]  # type: ignore[attr-defined,unused-ignore]
                except OSError:
                    return None

            if value("ProxyEnable") == 1 and value("ProxyServer"):
                found.append(("WinINET", str(value("ProxyServer"))))
            if value("AutoConfigURL"):
                found.append(("WinINET PAC", str(value("AutoConfigURL"))))
    except (ImportError, OSError):
        pass
    return found


# ----------------------------------------------------------------------------- reading and verdict


def read_network(timeout: float, environ: dict[str, str] | None = None) -> NetworkReading:
    """Everything the Internet check judges; no packet leaves the machine."""
    routes, source = read_routes(timeout)
    lookups = tuple(lookup_with_route(t, routes, timeout) for t in PUBLIC_PROBES)
    proxies = []
    for p in read_proxies(environ, timeout):
        addr = _ip_literal(p.host)
        proxies.append(
            Proxy(
                p.source,
                p.value,
                p.host,
                lookup_with_route(addr, routes, timeout) if addr else None,
            )
        )
    return NetworkReading(lookups, routes, source, read_interfaces(timeout=timeout), tuple(proxies))


def _ip_literal(host: str | None) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host or "")
    except ValueError:
        return None


def reaches_public(net: IPNetwork) -> bool:
    """Does a route to `net` lead into public address space?"""
    if net.prefixlen == 0 or net.network_address.is_global:
        return True
    return any(p in net for p in PUBLIC_PROBES if p.version == net.version)


def _allowed(addr: IPAddress | None, allowed: Sequence[IPNetwork]) -> bool:
    return addr is not None and any(addr.version == n.version and addr in n for n in allowed)


def route_allowed(route: Route, allowed: Sequence[IPNetwork]) -> bool:
    """A route is the protected channel's when its next hop (the channel's router) or its whole
    destination lies inside an allow-listed prefix."""
    if _allowed(route.gateway, allowed):
        return True
    return any(
        route.dest.version == n.version and route.dest.subnet_of(n)  # type: ignore[arg-type]
        for n in allowed
    )


def check_internet(
    reading: NetworkReading, allowed: Sequence[IPNetwork], mode: Mode = Mode.BLOCK
) -> CheckResult:
    """R-WS-5: FAIL on any route into public space outside the allow-list, naming it."""
    evidence: list[str] = [f"routes read from {reading.routes_source}"]
    allow_text = ", ".join(str(n) for n in allowed) or "none"
    evidence.append(f"allow-listed prefixes of the protected channel: {allow_text}")
    bad: list[Route | Lookup] = []
    unknown: list[str] = []

    for lk in reading.lookups:
        if not lk.reachable:
            if lk.error.startswith("unknown:"):
                unknown.append(f"route lookup {lk.target}: {lk.error}")
            evidence.append(f"route lookup {lk.target}: no route ({lk.error})")
            continue
        verdict = "allow-listed" if lk.route and route_allowed(lk.route, allowed) else "PUBLIC"
        via = lk.route.describe() if lk.route else "route not identified"
        evidence.append(f"route lookup {lk.target}: {via}, source {lk.source} — {verdict}")
        if verdict == "PUBLIC":
            bad.append(lk)

    for r in reading.routes:
        if reaches_public(r.dest):
            ok = route_allowed(r, allowed)
            evidence.append(f"route {r.describe()} — {'allow-listed' if ok else 'PUBLIC'}")
            if not ok:
                bad.append(r)

    for p in reading.proxies:
        where = f"proxy {p.value} ({p.source})"
        if p.lookup is None:
            addr = _ip_literal(p.host)
            if (p.host and p.host.lower() == "localhost") or (addr and addr.is_loopback):
                evidence.append(f"{where}: on this machine; its reach is the routes above")
            else:
                # Resolving the name would send a DNS query: the proxy's reach stays unknown.
                evidence.append(f"{where}: host not an address, not resolved")
                unknown.append(where)
        elif p.lookup.reachable and not (
            _allowed(p.lookup.target, allowed)
            or (p.lookup.route is not None and route_allowed(p.lookup.route, allowed))
        ):
            evidence.append(f"{where}: reachable, outside the allow-list")
            bad.append(p.lookup)
        else:
            evidence.append(f"{where}: no route or allow-listed")

    for i in reading.interfaces:
        if i.wireless or i.mobile:
            kind = "wireless" if i.wireless else "mobile"
            evidence.append(
                f"{kind} interface {i.name}: admin {'up' if i.up else 'down'}, {i.oper}"
            )
            if i.connected:
                unknown.append(f"{kind} interface {i.name} is connected")
    evidence += [f"note: {n}" for n in reading.notes]

    threshold = f"no public route outside {allow_text}" if allowed else "no public route"
    if bad:
        # Name a table entry (what an administrator deletes) before a single lookup's answer.
        first = next((b for b in bad if isinstance(b, Route)), bad[0])
        route = first if isinstance(first, Route) else first.route
        iface = route.interface if route else "?"
        gw = str(route.gateway) if route and route.gateway else "on-link"
        value = route.describe() if route else f"to {first.target} from {first.source}"  # type: ignore[union-attr]
        return CheckResult(
            "internet",
            "R-WS-5",
            Status.FAIL,
            value,
            threshold,
            "",
            "internet_route",
            {"interface": iface, "gateway": gw, "route": value, "count": len(_unique(bad))},
            tuple(evidence),
            mode=mode,
        )
    if unknown:
        return CheckResult(
            "internet",
            "R-WS-5",
            Status.UNDETERMINED,
            "unknown",
            threshold,
            "",
            "internet_unknown",
            {"detail": "; ".join(unknown)},
            tuple(evidence),
            mode=mode,
        )
    return CheckResult(
        "internet",
        "R-WS-5",
        Status.PASS,
        "no route",
        threshold,
        "",
        "internet_none",
        {},
        tuple(evidence),
        mode=mode,
    )


def interface_for(addr: IPAddress, routes: Sequence[Route], timeout: float) -> Lookup:
    """Which interface carries traffic to `addr` (the protected channel's gateway, for the NIC)."""
    return lookup_with_route(addr, routes, timeout)


def _unique(found: Sequence[Route | Lookup]) -> set[str]:
    return {f.describe() if isinstance(f, Route) else str(f.target) for f in found}
